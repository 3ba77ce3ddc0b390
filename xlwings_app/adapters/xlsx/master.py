"""The master workbook as a file, for one action: opened and guarded once, read once, committed once.

``FileMaster.open(path)`` runs the xlsx guard (``guard.check_xlsx``) once and notes the file's
size and time. Its readings (inputs, SOP sheets, lembar sheets) come from one ``FileReading``:
calamine parses each sheet once, however many readers ask. ``stage`` queues changes
(``sheets.changes``); ``commit`` writes them all in one locked, atomic save with a backup:
- only Hasil/Rekap to replace: the zip patch (``patch``), every other part copied byte for byte;
- only a rekap's cells (``SetCells``): the cells and Riwayat rows patched into their sheets' XML
  (``cell_patch``), every other part copied byte for byte;
- anything else (or a workbook the patch cannot take): one openpyxl load, every change applied, charts
  redrawn, one save;
- the file changed on disk since it was opened (another program saved it): refused, nothing written.
A refusal anywhere leaves the file exactly as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx
from xlwings_app.adapters.xlsx.reader import FileReading
from xlwings_app.adapters.xlsx.safe_write import (
    ensure_not_open_in_excel,
    ensure_writable,
    save_atomically,
    writer_lock,
)
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
from xlwings_app.sheets.source import SheetSource

T = TypeVar("T")
GUARD: Callable[[Path], None] = check_xlsx
"""The guard every open runs (tests count its calls: one per action)."""


def _signature(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


class FileMaster:
    """The master workbook file of one action (the file implementation of ``services.master.Master``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        self.live = False
        self._reading: FileReading | None = None
        self._signature: tuple[int, int] | None = None
        self._data: WorkbookData | None = None
        self._sop: SopWorkbook | None = None
        self._lembar: tuple[list[FilledForm], list[Problem]] | None = None
        self._staged: list[Change] = []

    @classmethod
    def open(cls, path: Path) -> FileMaster:
        """Guard the file once; ``WorkbookError`` (Indonesian, naming the file) when it cannot be used."""
        master = cls(path)
        GUARD(path)
        master._signature = _signature(path)
        master._reading = FileReading(path)
        return master

    # reading ---------------------------------------------------------------------------------
    def _read(self, read: Callable[[SheetSource, Path], T]) -> T:
        if self._reading is None:
            raise WorkbookError(f"File {self.name} belum dibuka.")
        return self._reading.read(read)

    def data(self) -> WorkbookData:
        """Every input (Profil, Pengaturan, IKU, IKI, Segel), checked; read once."""
        if self._data is None:
            self._data = self._read(read_inputs)
            if self._reading is not None:  # the inputs are read: their parsed sheets are not kept
                self._reading.forget()
        return self._data

    def sop(self) -> SopWorkbook:
        """Sheets SOP, Kalender and Log Langkah, checked; read once."""
        if self._sop is None:
            self._sop = self._read(read_sop_sheets)
        return self._sop

    def sheet_names(self) -> list[str]:
        return self._read(lambda source, _path: list(source.sheetnames))

    def rows(self, sheet: str) -> list[list[object]]:
        """The cell values of ``sheet`` as read (empty when there is no such sheet)."""

        def read(source: SheetSource, _path: Path) -> list[list[object]]:
            return [list(r) for r in source.iter_values(sheet)] if sheet in source.sheetnames else []

        return self._read(read)

    def lembar(self) -> tuple[list[FilledForm], list[Problem]]:
        """The lembar isian sheets inside the workbook (``kinerja lembar``), read once."""
        if self._lembar is None:
            from xlwings_app.adapters.openpyxl.form_reader import read_forms

            self._lembar = read_forms(self.path, lembar=True, checked=True)
        return self._lembar

    def selected_row(self) -> tuple[str, int] | None:
        """A file has no selection (only the open workbook has)."""
        return None

    def mark(self, problems: list[Problem]) -> int:
        """Problem cells are coloured only in the open workbook; a file is never marked."""
        return 0

    # writing ---------------------------------------------------------------------------------
    def stage(self, change: Change) -> None:
        self._staged.append(change)

    @property
    def staged(self) -> list[Change]:
        return list(self._staged)

    def commit(self) -> Path | None:
        """Write every staged change in one save; return the backup's path (None: nothing to write)."""
        changes, self._staged = self._staged, []
        if not changes:
            return None
        path = self.path
        ensure_not_open_in_excel(path)
        ensure_writable(path)
        with writer_lock(path):
            if self._signature is not None and _signature(path) != self._signature:
                raise WorkbookError(
                    f"File {self.name} berubah oleh program lain selama Kinerja bekerja: tidak ada yang "
                    "ditulis. Ulangi perintahnya."
                )
            self.close()
            if all(isinstance(c, PutResults) for c in changes) and len(changes) == 1:
                from xlwings_app.adapters.xlsx.patch import PatchUnsupported, patch
                from xlwings_app.adapters.xlsx.results_parts import build_parts

                result = changes[0]
                assert isinstance(result, PutResults)

                def write(tmp: Path) -> None:  # built inside the save: its failures are the save's
                    parts = build_parts(result.semua_periode, result.rekap, result.unit, result.tahun)
                    patch(path, tmp, parts.scratch, parts.rows)

                try:
                    backup = save_atomically(path, write)
                except PatchUnsupported:
                    backup = self._openpyxl_commit(changes)
            elif all(isinstance(c, SetCells) for c in changes):
                backup = self._cells_commit([c for c in changes if isinstance(c, SetCells)])
            else:
                backup = self._openpyxl_commit(changes)
        self._signature = _signature(path)
        return backup

    def _cells_commit(self, changes: list[SetCells]) -> Path | None:
        """Rekap's cells and Riwayat rows patched into the zip (``cell_patch``); openpyxl when it cannot."""
        from xlwings_app.adapters.xlsx.cell_patch import set_cells
        from xlwings_app.adapters.xlsx.patch import PatchUnsupported
        from xlwings_app.sheets.grid import excel_value
        from xlwings_app.sheets.riwayat import entry_values

        cells = [(sheet, address, excel_value(value)) for change in changes for sheet, address, value in change.cells]
        rows = [entry_values(entry) for change in changes for entry in change.riwayat]
        try:
            return save_atomically(self.path, lambda tmp: set_cells(self.path, tmp, cells, rows))
        except PatchUnsupported:
            return self._openpyxl_commit(list(changes))

    def _openpyxl_commit(self, changes: list[Change]) -> Path | None:
        from openpyxl import load_workbook

        from xlwings_app.adapters.openpyxl.charts import restore_charts

        path = self.path
        try:
            wb = load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", keep_links=False)
        except Exception as exc:
            raise WorkbookError(f"File {path.name} tidak dapat dibuka untuk ditulis: {exc}") from exc
        for change in changes:
            apply_to_workbook(wb, change)
        restore_charts(wb)
        wb.calculation.fullCalcOnLoad = True
        return save_atomically(path, wb.save)

    def close(self) -> None:
        if self._reading is not None:
            self._reading.close()
            self._reading = None

    def __enter__(self) -> FileMaster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def apply_to_workbook(wb: Any, change: Change) -> None:
    """Apply one staged change to an openpyxl workbook (the file master's fallback writer)."""
    if isinstance(change, PutResults):
        from xlwings_app.adapters.openpyxl.results import write_hasil, write_rekap

        write_hasil(wb, change.semua_periode, change.unit, change.tahun)
        write_rekap(wb, change.rekap)
    elif isinstance(change, SetCells):
        from xlwings_app.adapters.openpyxl.riwayat import append_riwayat
        from xlwings_app.sheets.grid import excel_value

        for sheet, address, value in change.cells:
            cell = wb[sheet][address]
            cell.value = excel_value(value)
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text typed into a form stays text in the master
        if change.riwayat:  # cells without a history (kinerja sop sesuaikan) add no sheet Riwayat
            append_riwayat(wb, list(change.riwayat))
    elif isinstance(change, AppendSeal):
        from xlwings_app.adapters.openpyxl.segel import append_seal

        append_seal(wb, change.record)
    elif isinstance(change, PutHasilSop):
        from xlwings_app.adapters.openpyxl.sop_results import write_hasil_sop

        write_hasil_sop(wb, change.sop_nama, change.summaries, change.chart_periode, change.place)
    elif isinstance(change, PutLembar):
        from xlwings_app.adapters.openpyxl.form_builder import write_form_sheet, write_meta_sheet

        for name in change.drop:
            if name in wb.sheetnames:
                del wb[name]
        for meta, rows in change.forms:
            write_form_sheet(wb, meta, list(rows), change.periode, change.settings)
        write_meta_sheet(wb, [meta for meta, _ in change.forms])
    elif isinstance(change, Stamp):
        cell = wb[change.sheet].cell(change.row, change.column)
        cell.value = change.moment
        cell.number_format = change.number_format
    elif isinstance(change, StampLog):
        from xlwings_app.adapters.openpyxl.log_stamps import write_pencatatan

        write_pencatatan(wb, change.sop, change.plan, change.last_row, change.place)
    elif isinstance(change, FileEdit):
        change.apply(wb)
    else:  # pragma: no cover - every Change is handled above
        raise TypeError(change)
