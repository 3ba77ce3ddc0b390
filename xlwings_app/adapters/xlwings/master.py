"""The master workbook open in Excel, for one ribbon click: the live implementation of the master port.

``path`` is the workbook's file on this computer, or only its name (a relative path) when it has
none (never saved, a web address, OneDrive/SharePoint not synced to a local folder): the ribbon's
"save first" rule refuses such a book with its message, never a traceback.
Readings go through one ``XlwingsSource`` (one call per sheet, the same checks as a file); staged
changes (``sheets.changes``) are written into the open workbook by ``commit``, the cells the file
writers write; the user saves afterwards. Changes only a file can take (new SOP sheets:
``AddSopSheets``, ``AddLogSheet``) are refused with a message, before anything is written.
``mark`` colours and annotates the problem cells, which only an open workbook can show. Both write
with Excel's screen updating and calculation suspended (``suspended``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.adapters.xlwings.book import XlwingsSource, local_file
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.forms.filled import FilledForm
from xlwings_app.sheets.changes import (
    AddLogSheet,
    AddSopSheets,
    AppendLogRows,
    AppendSeal,
    Change,
    PutFormKey,
    PutHasilSop,
    PutLembar,
    PutPohon,
    PutResults,
    PutSheet,
    SetCells,
    Stamp,
    StampLog,
)
from xlwings_app.sheets.inputs import read_inputs
from xlwings_app.sheets.sop_workbook import read_sop_sheets


class LiveMaster:
    """The workbook open in Excel (``xlwings.Book``) behind the same port as ``FileMaster``."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.path = local_file(book) or Path(book.name)  # relative: no file on this computer
        self.name = book.name
        self.live = True
        self._source = XlwingsSource(book)
        self._data: WorkbookData | None = None
        self._sop: SopWorkbook | None = None
        self._staged: list[Change] = []

    def data(self) -> WorkbookData:
        if self._data is None:
            self._data = read_inputs(self._source, self.path)
        return self._data

    def sop(self) -> SopWorkbook:
        if self._sop is None:
            self._sop = read_sop_sheets(self._source, self.path)
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
        with suspended(self.book.app):
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
        if not changes:  # nothing to write: Excel's settings are not touched either
            return None
        with suspended(self.book.app):
            for change in changes:
                write_live(self.book, change)
        return None

    def close(self) -> None:
        """Nothing to release: Excel keeps the workbook."""


@contextmanager
def suspended(app: Any) -> Iterator[None]:
    """Screen updating and automatic calculation off while Kinerja writes (Excel would redraw and
    recalculate after every range), and back as they were afterwards, also when a write fails.
    An engine that cannot tell the current setting (the remote engine) is taken to update and is
    left calculating as it does."""
    try:
        calculation = app.calculation
    except NotImplementedError:
        calculation = None
    try:
        updating = app.screen_updating
    except NotImplementedError:
        updating = True
    app.screen_updating = False
    manual = calculation is not None and calculation != "manual"
    if manual:
        app.calculation = "manual"
    try:
        yield
    finally:
        if manual:
            app.calculation = calculation
        app.screen_updating = updating


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
    elif isinstance(change, PutPohon):
        from xlwings_app.adapters.xlwings.book import write_sheet

        for values in (change.pohon, change.manual):
            if values is not None:
                names = [s.name for s in book.sheets]
                sheet = book.sheets[values.name] if values.name in names else book.sheets.add(values.name, after=book.sheets[-1])
                sheet.clear()
                write_sheet(sheet, values)
    elif isinstance(change, PutFormKey):
        from xlwings_app.adapters.xlwings.forms import write_key_live

        write_key_live(book, change.sheet)
    elif isinstance(change, Stamp):
        from xlwings_app.adapters.xlwings.protect import unprotected

        sheet = book.sheets[change.sheet]
        with unprotected(sheet):
            target = sheet.range((change.row, change.column))
            target.number_format = change.number_format
            target.value = change.moment
    elif isinstance(change, StampLog):
        from xlwings_app.adapters.xlwings.log_stamps import write_pencatatan_live

        write_pencatatan_live(book, change.sop, change.plan, change.last_row, change.place)
    elif isinstance(change, AppendLogRows):
        _append_log_rows_live(book, change)
    elif isinstance(change, PutSheet):
        from xlwings_app.adapters.xlwings.book import replace_sheet, write_sheet

        write_sheet(replace_sheet(book, change.values.name), change.values)
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
