"""The master workbook open in Excel, for one ribbon click: the live implementation of the master port.

Readings go through one ``XlwingsSource`` (one call per sheet, the same checks as a file); staged
changes (``sheets.changes``) are written into the open workbook by ``commit``, the cells the file
writers write; the user saves afterwards. Changes only a file can take (``FileEdit``) are refused.
``mark`` colours and annotates the problem cells, which only an open workbook can show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.adapters.xlwings.book import XlwingsSource
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.forms.filled import FilledForm
from xlwings_app.sheets.changes import (
    AppendSeal,
    Change,
    FileEdit,
    PutHasilSop,
    PutLembar,
    PutResults,
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
        self.path = Path(book.fullname)
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
        return mark_problems(self.book, problems, cells)

    def stage(self, change: Change) -> None:
        if isinstance(change, FileEdit):
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

        write_pencatatan_live(book, change.sop, change.plan, change.last_row, change.place)
    else:  # pragma: no cover - FileEdit is refused by stage
        raise TypeError(change)
