"""What an action changes in the master workbook, as engine-free values (staged, then committed once).

A service stages changes on its master (``services.master.Master.stage``); the master commits them
together in one write: the file master (``adapters.xlsx.master``) patches what the zip package can
take (cells, rows, sheets Hasil and Rekap) and applies the rest with openpyxl, in one atomic save;
the live master (``adapters.xlwings.master``) writes them into the open workbook, or refuses what
only a file can take (new SOP sheets). Each change names what it does and carries the values its
sheet shows (``sheets.results``, ``sheets.sop_results``, ``sheets.forms``, ``sheets.log_rows``),
never an engine object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # field types only: a command loads just the modules of what it changes
    from xlwings_app.domain.indicator import Indicator, Periode
    from xlwings_app.domain.measure import Hasil
    from xlwings_app.domain.seal import SealRecord
    from xlwings_app.domain.settings import Settings
    from xlwings_app.domain.sop.log import LogEntry
    from xlwings_app.domain.sop.model import Sop
    from xlwings_app.domain.sop.otomatis import Rencana
    from xlwings_app.domain.sop.summary import PeriodSummary
    from xlwings_app.forms.meta import FormMeta
    from xlwings_app.sheets.grid import SheetValues
    from xlwings_app.sheets.sop_layout import SopPlace


@dataclass(frozen=True)
class PutResults:
    """Sheets Hasil and Rekap replaced (``kinerja hitung``): every indicator in every period and the
    Rekap of the chosen period (``sheets.results.rekap_values``, built once; every writer takes it)."""

    semua_periode: Sequence[Hasil]
    unit: str
    tahun: int
    rekap: SheetValues


@dataclass(frozen=True)
class SetCells:
    """Input cells overwritten by a rekap, ``(sheet, address, value)``, and their Riwayat rows
    (``sheets.riwayat.Entry``); text stays text."""

    cells: Sequence[tuple[str, str, object]]
    riwayat: Sequence[Any] = ()


@dataclass(frozen=True)
class AppendSeal:
    """One row appended to sheet Segel (``kinerja arsip``)."""

    record: SealRecord


@dataclass(frozen=True)
class PutHasilSop:
    """Sheet Hasil SOP of ``place`` replaced (``kinerja sop periksa``; None: the first SOP's, sheet
    Hasil SOP); the chart shows ``chart_periode``."""

    sop_nama: str
    summaries: Sequence[PeriodSummary]
    chart_periode: str | None = None
    place: SopPlace | None = None


@dataclass(frozen=True)
class PutLembar:
    """One form sheet per ``(meta, indicators)`` added with the metadata sheet (``kinerja lembar``);
    ``drop`` names the old lembar sheets removed first (``--timpa``)."""

    forms: Sequence[tuple[FormMeta, Sequence[Indicator]]]
    periode: Periode
    settings: Settings
    drop: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class PutFormKey:
    """The very hidden sheet holding the forms' key added (``forms.kunci.key_values``), the first
    time forms are made from the master."""

    sheet: SheetValues


@dataclass(frozen=True)
class Stamp:
    """A moment written into one cell (Catat Waktu Langkah: Mulai or Selesai of a Log Langkah row),
    shown with ``number_format``; ``row`` and ``column`` are 1-based."""

    sheet: str
    row: int
    column: int
    moment: datetime
    number_format: str


@dataclass(frozen=True)
class StampLog:
    """What an action stamps into the log of ``place``'s SOP (``domain.sop.otomatis.Rencana``; None:
    the first SOP's, sheet Log Langkah): cells of rows up to ``last_row`` and rows appended after it;
    ``sop`` gives the new rows' Kegiatan and Peran."""

    sop: Sop
    plan: Rencana
    last_row: int
    place: SopPlace | None = None


@dataclass(frozen=True)
class AddSopSheets:
    """The sheets of one SOP added (``kinerja sop mulai`` with a preset, ``kinerja contoh``): its SOP
    sheet, Kalender (the cuti bersama of ``tahun`` pre-filled; for a further SOP only when the
    workbook has none) and an empty step log, at ``place`` (None: the first SOP's sheets);
    ``catatan`` says how a preset was made the unit's."""

    sop: Sop
    tahun: int
    catatan: str = ""
    place: SopPlace | None = None


@dataclass(frozen=True)
class AddLogSheet:
    """An empty step log added for the SOP at ``place`` (its SOP sheet is there, its log is not)."""

    sop: Sop
    place: SopPlace | None = None


@dataclass(frozen=True)
class AppendLogRows:
    """Rows of the step log at ``place`` written from row ``first_row`` on, one per entry
    (``sheets.log_rows``; ``kinerja sop mulai``: a period's rows; the example's log); the log's
    Table widened to take them."""

    sop: Sop
    entries: Sequence[LogEntry]
    first_row: int
    place: SopPlace | None = None

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.entries) - 1


@dataclass(frozen=True)
class PutSheet:
    """A whole sheet written from ``values`` (a register the office keeps, e.g. ``sheets.register_surat``):
    added last when the workbook lacks it, else replaced in its place."""

    values: SheetValues


@dataclass(frozen=True)
class PutPohon:
    """Sheets Pohon Kinerja and Manual Indikator replaced (``kinerja pohon impor``, the example):
    each ``sheets.pohon`` layout given, its Excel Table (TabelPohon, TabelManual) over its rows;
    ``None`` leaves that sheet as it is."""

    pohon: SheetValues | None = None
    manual: SheetValues | None = None


Change = (
    PutResults | SetCells | AppendSeal | PutHasilSop | PutLembar | PutFormKey | Stamp | StampLog | AddSopSheets
    | AddLogSheet | AppendLogRows | PutSheet | PutPohon
)  # fmt: skip
