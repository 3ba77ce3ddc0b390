"""The master workbook open in Excel, for one ribbon click: the live implementation of the master port.

Readings go through one ``XlwingsSource`` (one call per sheet, the same checks as a file); staged
changes (``sheets.changes``) are written into the open workbook by ``commit``, the cells the file
writers write; the user saves afterwards. Changes only a file can take (new SOP sheets:
``AddSopSheets``, ``AddLogSheet``) are refused with a message, before anything is written.
``mark`` colours and annotates the problem cells, which only an open workbook can show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.adapters.xlsx.reader import WorkbookData, read_source
from xlwings_app.adapters.xlsx.sop_reader import SopWorkbook, read_sop_source
from xlwings_app.adapters.xlwings.book import XlwingsSource
from xlwings_app.domain.problems import Problem
from xlwings_app.forms.filled import FilledForm
from xlwings_app.sheets.changes import (
    AddLogSheet,
    AddSopSheets,
    AppendLogRows,
    AppendSeal,
    Change,
    PutHasilSop,
    PutLembar,
    PutResults,
    SetCells,
    Stamp,
    StampLog,
)


class LiveMaster:
    """The workbook open in Excel (``xlwings.Book``) behind the same port as ``FileMaster``."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.path = Path(book.fullname)
        self.name = book.name
        self.live = True
        self._source = XlwingsSource(book)
        self._data: WorkbookData | None = None
        self._sop: SopWorkbook | None = None
        self._staged: list[Change] = []

    def data(self) -> WorkbookData:
        if self._data is None:
            self._data = read_source(self._source, self.path)
        return self._data

    def sop(self) -> SopWorkbook:
        if self._sop is None:
            self._sop = read_sop_source(self._source, self.path)
        return self._sop

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def rows(self, sheet: str) -> list[list[object]]:
        """The cell values of ``sheet`` (one call), empty when there is no such sheet."""
        from xlwings_app.adapters.xlwings.book import sheet_rows

        return sheet_rows(self.book.sheets[sheet]) if sheet in self.sheet_names() else []

    def selected_row(self) -> tuple[str, int] | None:
        """The sheet and row of the selection when it is one row, else None."""
        selected = self.book.selection
        if selected is None or selected.shape[0] != 1:
            return None
        return selected.sheet.name, selected.row

    def lembar(self) -> tuple[list[FilledForm], list[Problem]]:
        """Lembar sheets are read from the saved file (``kinerja rekap --lembar``), not from here."""
        return [], []

    def mark(self, problems: list[Problem]) -> int:
        """Colour and annotate the problem cells of the inputs read (``marks.mark_problems``)."""
        from xlwings_app.adapters.xlwings.marks import mark_problems

        cells: dict[str, list[str]] = {}
        if self._data is not None:
            for (sheet, _row, _key), address in self._data.cells.items():
                cells.setdefault(sheet, []).append(address)
        return mark_problems(self.book, problems, cells)

    def stage(self, change: Change) -> None:
        if isinstance(change, AddSopSheets | AddLogSheet):
            raise WorkbookError("Perubahan ini hanya dapat dibuat pada file: jalankan perintah kinerja pada file.")
        self._staged.append(change)

    @property
    def staged(self) -> list[Change]:
        return list(self._staged)

    def commit(self) -> Path | None:
        """Write every staged change into the open workbook (no backup: the user saves)."""
        changes, self._staged = self._staged, []
        for change in changes:
            write_live(self.book, change)
        return None

    def close(self) -> None:
        """Nothing to release: Excel keeps the workbook."""


def write_live(book: Any, change: Change) -> None:
    """Write one staged change into the open workbook."""
    if isinstance(change, PutResults):
        from xlwings_app.adapters.xlwings.results import write_results_live

        write_results_live(book, change)
    elif isinstance(change, SetCells):
        from xlwings_app.adapters.xlwings.rekap import apply_live

        apply_live(book, change.cells, change.riwayat)
    elif isinstance(change, AppendSeal):
        from xlwings_app.adapters.xlwings.segel import append_seal_live

        append_seal_live(book, change.record)
    elif isinstance(change, PutHasilSop):
        from xlwings_app.adapters.xlwings.sop import write_hasil_sop_live

        write_hasil_sop_live(book, change.sop_nama, change.summaries, change.chart_periode, change.place)
    elif isinstance(change, PutLembar):
        from xlwings_app.adapters.xlwings.forms import write_lembar_live

        write_lembar_live(book, change.forms, change.periode, change.settings)
    elif isinstance(change, Stamp):
        from xlwings_app.adapters.xlwings.protect import unprotected

        sheet = book.sheets[change.sheet]
        with unprotected(sheet):
            target = sheet.range((change.row, change.column))
            target.number_format = change.number_format
            target.value = change.moment
    elif isinstance(change, StampLog):
        from xlwings_app.adapters.xlwings.log_stamps import write_pencatatan_live

        write_pencatatan_live(book, change.sop, change.plan, change.last_row)
    elif isinstance(change, AppendLogRows):
        _append_log_rows_live(book, change)
    else:  # pragma: no cover - AddSopSheets and AddLogSheet are refused by stage
        raise TypeError(change)


def _append_log_rows_live(book: Any, change: AppendLogRows) -> None:
    """The log rows written into the open workbook in one call (``sheets.log_rows``' values, Mulai
    and Selesai with the log's date-time format); the log Table widened where the engine can."""
    from xlwings_app.adapters.xlwings.book import as_text
    from xlwings_app.adapters.xlwings.protect import unprotected
    from xlwings_app.sheets.log_rows import log_row_values
    from xlwings_app.sheets.sop_layout import DATETIME_FORMAT, DEFAULT_PLACE, LOG_HEADERS

    if not change.entries:
        return
    place = change.place or DEFAULT_PLACE
    sheet = book.sheets[place.log]
    rows = [[as_text(log_row_values(change.sop, e)[h]) for h in LOG_HEADERS] for e in change.entries]
    first, last = change.first_row, change.last_row
    with unprotected(sheet):
        sheet.range((first, 1)).value = rows
        for header in ("Mulai", "Selesai"):
            col = LOG_HEADERS.index(header) + 1
            sheet.range((first, col), (last, col)).number_format = DATETIME_FORMAT
        try:
            table = sheet.tables[place.log_table]
            table.resize(sheet.range((table.range.row, 1), (last, len(LOG_HEADERS))))
        except Exception:  # noqa: BLE001, S110 - an engine without Tables: Excel widens it on typing
            pass
