"""What an action changes in the master workbook, as engine-free values (staged, then committed once).

A service stages changes on its master (``services.master.Master.stage``); the master commits them
together in one write: the file master (``adapters.xlsx.master``) patches the zip or, for changes the
patch cannot make, applies them with openpyxl in one load and one atomic save; the live master
(``adapters.xlwings.master``) writes them into the open workbook. Each change carries the values its
sheet shows (``sheets.results``, ``sheets.sop_results``, ``sheets.forms``), never an engine object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # field types only: a command loads just the modules of what it changes
    from xlwings_app.domain.indicator import Indicator, Periode
    from xlwings_app.domain.measure import Hasil
    from xlwings_app.domain.seal import SealRecord
    from xlwings_app.domain.settings import Settings
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
class FileEdit:
    """A change only a file can take (new SOP sheets, log rows), applied to the openpyxl workbook."""

    apply: Callable[[Any], None]


Change = PutResults | SetCells | AppendSeal | PutHasilSop | PutLembar | Stamp | StampLog | FileEdit
