"""The LKjIP drafted from the data: every paragraph of ``domain.lkjip.structure`` in printed order,
per sasaran where the structure repeats it, with the tables' values, and what a final still lacks.

Rules:
- a piece drafted from the data (``Sumber.DATA``) takes its sentence from the rule of its item
  (``domain.lkjip.narrative``, ``domain.lkjip.analysis``, ``domain.lkjip.standar``,
  ``domain.lkjip.budget``); a written piece (``Sumber.TULISAN``) the person's text, or in its absence
  a marked placeholder when required (``domain.lkjip.written``);
- the sasaran are those of this year's IKU (``tables.by_sasaran``); a sasaran's programs are those
  hanging from it, its budget their total against the mean capaian of its indicators;
- ``missing`` lists every required piece not written (``written.missing_required``): errors for a
  final LKjIP, which the document refuses while any is left, notices for a draft, which prints the
  placeholders instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from xlwings_app.domain.lkjip import analysis, budget, narrative, standar, tables
from xlwings_app.domain.lkjip.analysis import Analisis
from xlwings_app.domain.lkjip.budget import ProgramAnggaran, Total
from xlwings_app.domain.lkjip.history import History, IndicatorHistory
from xlwings_app.domain.lkjip.progress import renstra_progress
from xlwings_app.domain.lkjip.standar import StandarNasional, StandarRow
from xlwings_app.domain.lkjip.structure import Bentuk, Sumber, slots
from xlwings_app.domain.lkjip.tables import MultiYearTable, RenstraRow, Series, TargetRealisasiRow
from xlwings_app.domain.lkjip.written import Paragraph, Tulisan, missing_required, written
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.summary import mean_capaian


@dataclass(frozen=True)
class LkjipInput:
    """What the LKjIP of ``tahun`` is drafted from: this year's IKU measured for the year
    (``Periode.TAHUNAN``), their history, the unit's settings, the per-period analysis, the programs
    with their budget, the national standards, and what people wrote."""

    unit: str
    tahun: int
    hasil: tuple[Hasil, ...]
    history: History
    settings: Settings = field(default_factory=Settings)
    analisis: tuple[Analisis, ...] = ()
    programs: tuple[ProgramAnggaran, ...] = ()
    standar: tuple[StandarNasional, ...] = ()
    tulisan: tuple[Tulisan, ...] = ()


@dataclass(frozen=True)
class SasaranDraft:
    """One sasaran's part of BAB III A: its paragraphs (items (1) to (7)) and tables."""

    nama: str
    hasil: tuple[Hasil, ...]
    paragraphs: tuple[Paragraph, ...]
    target_realisasi: tuple[TargetRealisasiRow, ...]
    multi_year: MultiYearTable
    renstra: tuple[RenstraRow, ...]
    standar: tuple[StandarRow, ...]
    programs: tuple[ProgramAnggaran, ...]
    anggaran: Total
    series: tuple[Series, ...]

    def paragraph(self, kunci: str) -> Paragraph | None:
        """This sasaran's paragraph of piece ``kunci`` (``None`` when an optional piece was not written)."""
        return next((p for p in self.paragraphs if p.kunci == kunci), None)


@dataclass(frozen=True)
class LkjipDraft:
    """The drafted LKjIP: the unit-wide paragraphs in printed order, the sasaran, the unit's tables,
    and the required pieces still to be written (``missing``)."""

    unit: str
    tahun: int
    final: bool
    paragraphs: tuple[Paragraph, ...]
    sasaran: tuple[SasaranDraft, ...]
    target_realisasi: tuple[TargetRealisasiRow, ...]
    renstra: tuple[RenstraRow, ...]
    programs: tuple[ProgramAnggaran, ...]
    anggaran: Total
    missing: tuple[Problem, ...]

    def paragraph(self, kunci: str) -> Paragraph | None:
        """The unit-wide paragraph of piece ``kunci`` (``None`` when an optional piece was not written)."""
        return next((p for p in self.paragraphs if p.kunci == kunci), None)

    @property
    def placeholders(self) -> tuple[Paragraph, ...]:
        """Every placeholder of the draft, unit-wide first, then per sasaran."""
        every = [*self.paragraphs, *(p for s in self.sasaran for p in s.paragraphs)]
        return tuple(p for p in every if p.belum_ditulis)


Draft = Callable[[LkjipInput], str]
SasaranText = Callable[[LkjipInput, tuple[Hasil, ...], tuple[IndicatorHistory, ...], tuple[ProgramAnggaran, ...]], str]


def _sasaran_names(data: LkjipInput) -> list[str]:
    return [name for name, _ in tables.by_sasaran(data.hasil)]


def _histories(data: LkjipInput, hasil: tuple[Hasil, ...]) -> tuple[IndicatorHistory, ...]:
    found = (data.history.of(h.indicator.kode) for h in hasil)
    return tuple(h for h in found if h is not None)


UNIT: dict[str, Draft] = {
    "ikhtisar.ringkasan": lambda d: narrative.ikhtisar_kalimat(
        d.unit, d.tahun, _sasaran_names(d), d.hasil, d.settings, _histories(d, d.hasil)),
    "ikhtisar.kendala": lambda d: analysis.kendala_kalimat(d.hasil, d.analisis, d.tahun),
    "bab1.sistematika": lambda d: narrative.sistematika_kalimat(),
    "bab2.renstra": lambda d: narrative.renstra_ringkasan_kalimat(
        d.history.period, d.tahun, len(_sasaran_names(d)), len(d.hasil)),
    "bab2.pk": lambda d: narrative.pk_kalimat(
        d.tahun, len(_sasaran_names(d)), len(d.hasil), len(d.programs), budget.total(d.programs).pagu),
    "bab3.a.ringkasan": lambda d: " ".join(t for t in (
        narrative.predikat_kalimat(d.hasil, d.settings), narrative.terjauh_kalimat(d.hasil)) if t),
    "bab3.b": lambda d: budget.anggaran_kalimat(d.programs, d.tahun),
    "bab4.simpulan": lambda d: narrative.simpulan_kalimat(d.tahun, d.hasil, d.settings),
}  # fmt: skip
"""The unit-wide pieces drafted from the data, by key."""

PER_SASARAN: dict[str, SasaranText] = {
    "bab3.a.1": lambda d, hasil, hist, prog: narrative.target_realisasi_kalimat(hasil, d.tahun),
    "bab3.a.2": lambda d, hasil, hist, prog: narrative.perbandingan_tahunan(hist, d.tahun),
    "bab3.a.3": lambda d, hasil, hist, prog: " ".join(
        narrative.renstra_kalimat(renstra_progress(h, d.history.period, d.tahun, d.settings), h, d.history.period)
        for h in hist),
    "bab3.a.4": lambda d, hasil, hist, prog: standar.standar_kalimat(standar.compare_standar(hasil, d.standar)),
    "bab3.a.5.catatan": lambda d, hasil, hist, prog: analysis.catatan_kalimat(hasil, d.analisis),
    "bab3.a.6": lambda d, hasil, hist, prog: budget.efisiensi_kalimat(
        budget.total_for(prog, mean_capaian(hasil, d.settings.batas_rata_rata))),
    "bab3.a.7": lambda d, hasil, hist, prog: budget.program_kalimat(prog),
}  # fmt: skip
"""The per-sasaran pieces drafted from the data, by key."""


def draft_lkjip(data: LkjipInput, final: bool = False) -> LkjipDraft:
    """The LKjIP of ``data`` (module rules); ``final`` makes ``missing`` errors instead of notices."""
    pieces = [s for s in slots() if s.bentuk is Bentuk.PARAGRAF]
    unit_paragraphs = [
        written(s.kunci, data.tulisan) if s.sumber is Sumber.TULISAN else Paragraph(s.kunci, UNIT[s.kunci](data))
        for s in pieces if not s.per_sasaran
    ]  # fmt: skip
    drafts = []
    for name, hasil in tables.by_sasaran(data.hasil):
        hist = _histories(data, hasil)
        prog = budget.of_sasaran(data.programs, name)
        kodes = [h.indicator.kode for h in hasil]
        paragraphs = [
            written(s.kunci, data.tulisan, name) if s.sumber is Sumber.TULISAN
            else Paragraph(s.kunci, PER_SASARAN[s.kunci](data, hasil, hist, prog), name)
            for s in pieces if s.per_sasaran
        ]  # fmt: skip
        drafts.append(SasaranDraft(
            name, hasil, tuple(p for p in paragraphs if p is not None), tables.target_realisasi(hasil),
            tables.multi_year(data.history, kodes), tables.renstra_rows(data.history, data.settings, kodes),
            standar.compare_standar(hasil, data.standar), prog,
            budget.total_for(prog, mean_capaian(hasil, data.settings.batas_rata_rata)),
            tables.chart_series(data.history, kodes),
        ))  # fmt: skip
    missing = missing_required(data.tulisan, _sasaran_names(data), data.tahun, "galat" if final else "catatan")
    return LkjipDraft(
        data.unit, data.tahun, final, tuple(p for p in unit_paragraphs if p is not None), tuple(drafts),
        tables.target_realisasi(data.hasil), tables.renstra_rows(data.history, data.settings),
        data.programs, budget.total(data.programs), tuple(missing),
    )  # fmt: skip
