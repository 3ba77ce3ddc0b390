"""Where a cumulative period stands against the year, and how it moved since the last period.

Rules:
- the yearly target is the Perjanjian Kinerja's (column Target Tahunan); a range target stays a
  range for the year;
- progress toward the yearly target (``progres_tahunan``), for a period short of the year:
  an indicator aggregated by Jumlah compares what has been realised so far with the yearly amount,
  realisasi s.d. TW n ÷ target tahunan × 100 (for a negative indicator: the share of the yearly
  ceiling already used); an Akhir or Rata-rata indicator is a level, so its period realisasi is
  measured against the yearly target by the indicator's own capaian formula (PermenPANRB 6/2022,
  as ``domain.capaian``). None for the year itself, or when the yearly target or the realisasi is
  missing or the yearly target is 0 on a Jumlah indicator;
- progress toward the Renstra's end target (``progres_renstra``, column Target Akhir Renstra, the
  target jangka menengah): PermenPANRB 53/2014 (format of the Laporan Kinerja, Bab III) compares
  "realisasi kinerja sampai dengan tahun ini dengan target jangka menengah" of the Renstra, and
  PermenPANRB 88/2021 (evaluasi AKIP) asks that the Laporan Kinerja shows that comparison. For
  any period, the year included: a Jumlah indicator compares this year's realisasi s.d. the
  period with the end target, realisasi ÷ target akhir Renstra × 100 (for a negative indicator:
  the share of the ceiling already used). Earlier years are not added: the workbook keeps one
  year back (Realisasi Tahun Lalu) while a Renstra runs five, so the sum would look cumulative
  without being it; the document says "realisasi tahun ini". An Akhir or Rata-rata indicator is
  a level: its period realisasi is measured against the end target by the indicator's own
  capaian formula (PermenPANRB 6/2022, as ``domain.capaian``, its target-0 rule included). None
  when the column is blank, the realisasi is missing, or a Jumlah indicator's end target is 0;
- the previous period of "s.d. TW n" is "s.d. TW n−1" (none before TW I); of the year, s.d. TW III;
- a capaian moved "naik", "turun" or "tetap" (equal after rounding to 2 decimals); with either
  capaian missing there is no trend.
"""

from __future__ import annotations

from decimal import Decimal

from xlwings_app.domain.capaian import capaian
from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.indicator import Agregasi, Indicator, Periode
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.settings import Settings

NAIK, TURUN, TETAP = "naik", "turun", "tetap"


def progres_tahunan(h: Hasil, settings: Settings) -> Decimal | None:
    """Progress (%) of ``h``'s period toward the yearly target; see the module rules."""
    i: Indicator = h.indicator
    if h.periode is Periode.TAHUNAN or h.realisasi is None:
        return None
    if i.agregasi is Agregasi.JUMLAH:
        if not i.target_tahunan:
            return None
        return round_half_away(h.realisasi / i.target_tahunan * 100, 2)
    if i.target_tahunan is None and not i.is_range:
        return None
    return capaian(i.target_tahunan, h.realisasi, i.polaritas, settings.varian_negatif,
                   i.batas_bawah, i.batas_atas)


def progres_renstra(h: Hasil, settings: Settings) -> Decimal | None:
    """Progress (%) of ``h``'s period toward the Target Akhir Renstra; see the module rules."""
    i: Indicator = h.indicator
    target = i.target_akhir_renstra
    if target is None or h.realisasi is None:
        return None
    if i.agregasi is Agregasi.JUMLAH:
        return round_half_away(h.realisasi / target * 100, 2) if target else None
    return capaian(target, h.realisasi, i.polaritas, settings.varian_negatif)


def periode_lalu(periode: Periode) -> Periode | None:
    """The period a document compares with: s.d. TW n−1; for the year, s.d. TW III; none for TW I."""
    if periode is Periode.TAHUNAN:
        return Periode.TW3
    return None if periode is Periode.TW1 else list(Periode)[periode.number - 2]


def tren(now: Decimal | None, before: Decimal | None) -> str:
    """ "naik", "turun", "tetap", or "" when either capaian is missing."""
    if now is None or before is None:
        return ""
    return NAIK if now > before else TURUN if now < before else TETAP
