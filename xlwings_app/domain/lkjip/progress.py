"""Cumulative progress toward the Renstra's end target over the years of the period.

PermenPANRB 53/2014 (format of the Laporan Kinerja, BAB III A.(3)): "membandingkan realisasi
kinerja sampai dengan tahun ini dengan target jangka menengah yang terdapat dalam dokumen perencanaan
strategis organisasi". What "realisasi sampai dengan tahun ini" is depends on how the indicator adds up
over time: its own agregasi, the column that turns triwulan into a year (``domain.aggregation``),
applied to the years of the Renstra period up to this year:

- Jumlah (counts that add up: documents, villages trained): the sum of the yearly realisasi of every
  year of the period up to this one, against the end target: sum ÷ target akhir × 100. The end target
  of a Jumlah indicator is then the period's total. Every year up to this one needs its realisasi (as
  Jumlah needs every triwulan): a missing year leaves the progress blank and is named. For a negative
  indicator (a ceiling over the period: complaints, cases) the same figure is the share of the ceiling
  already used; above 100 the ceiling is passed.
- Akhir (levels: percentages, indices): the realisasi of the latest year that has one, against the end
  target by the indicator's capaian formula (positive R ÷ T × 100; negative (2T − R) ÷ T × 100 or T ÷ R
  × 100 as the unit's setting, PermenPANRB 6/2022; ``domain.capaian.capaian``, its target-0 rule
  included).
- Rata-rata: the mean of the yearly realisasi of the years that have one, against the end target by
  the capaian formula.

Rounded to 2 decimals, half away from zero. None without an end target, without any realisasi, or with
an end target of 0 on a Jumlah indicator. This extends ``domain.progres.progres_renstra``, which
compares one year's realisasi only (all a workbook held before the history): with the years of the
period the Jumlah sum is the real cumulative one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.capaian import capaian
from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.indicator import Agregasi, Polaritas
from xlwings_app.domain.lkjip.history import IndicatorHistory
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.settings import Settings


@dataclass(frozen=True)
class RenstraProgress:
    """One indicator's progress toward the end target up to ``sampai``.

    ``nilai`` is the realisasi compared (the sum, the latest year's, or the mean); ``tahun_dihitung``
    the years it comes from; ``tahun_kosong`` the years of the period up to ``sampai`` without a
    realisasi (for Jumlah they leave ``progres`` blank)."""

    kode: str
    agregasi: Agregasi
    polaritas: Polaritas
    sampai: int
    target_akhir: Decimal | None
    nilai: Decimal | None
    tahun_dihitung: tuple[int, ...]
    tahun_kosong: tuple[int, ...]
    progres: Decimal | None

    @property
    def sisa(self) -> Decimal | None:
        """Jumlah only: what remains of the end target (negative when passed); ``None`` otherwise."""
        if self.agregasi is not Agregasi.JUMLAH or self.nilai is None or self.target_akhir is None:
            return None
        return self.target_akhir - self.nilai


def renstra_progress(
    history: IndicatorHistory, period: RenstraPeriod, sampai: int, settings: Settings | None = None
) -> RenstraProgress:
    """The progress of ``history``'s indicator toward its end target up to ``sampai`` (module rules)."""
    settings = settings or Settings()
    target = history.target_akhir_renstra
    years = period.years_until(sampai)
    filled = [(r.tahun, r.realisasi) for r in history.records if r.tahun in years and r.realisasi is not None]
    kosong = tuple(y for y in years if y not in {t for t, _ in filled})
    values = [v for _, v in filled if v is not None]
    nilai: Decimal | None = None
    dihitung: tuple[int, ...] = ()
    progres: Decimal | None = None
    if history.agregasi is Agregasi.JUMLAH:
        if values and not kosong:
            nilai, dihitung = sum(values, Decimal(0)), tuple(t for t, _ in filled)
            progres = round_half_away(nilai / target * 100, 2) if target else None
    elif values:
        if history.agregasi is Agregasi.AKHIR:
            nilai, dihitung = values[-1], (filled[-1][0],)
            kosong = tuple(y for y in kosong if y > filled[-1][0])
        else:
            nilai, dihitung = sum(values, Decimal(0)) / len(values), tuple(t for t, _ in filled)
        if target is not None:
            progres = capaian(target, nilai, history.polaritas, settings.varian_negatif)
    return RenstraProgress(history.kode, history.agregasi, history.polaritas, sampai, target, nilai, dihitung,
                           kosong, progres)  # fmt: skip
