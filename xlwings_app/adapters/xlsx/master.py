"""The master workbook as a file, for one action: opened and guarded once, read once, committed once.

``FileMaster.open(path)`` runs the xlsx guard (``guard.check_xlsx``) once and notes the file's
size and time. Its readings (inputs, SOP sheets, lembar sheets) come from one ``FileReading``:
calamine parses each sheet once, however many readers ask. ``stage`` queues changes
(``sheets.changes``); ``commit`` writes them all in one locked, atomic save with a backup, each
change by the engine that can make it:
- what the package can patch (``PATCHED``: Hasil and Rekap replaced, a rekap's cells and Riwayat
  rows, a seal row, the step log's rows and stamps) is written into the zip (``package.Package``,
  ``patch``): only the touched parts change, every other part is copied as stored;
- the rest (new SOP sheets, sheet Hasil SOP, the lembar sheets) goes through openpyxl, only when
  there is such a change: one load, those changes, charts redrawn, one save, which the package
  then patches;
- a workbook the package cannot take (a sheet missing, a shared formula in a cell to replace):
  every change through openpyxl;
- the file changed on disk since it was opened (another program saved it): refused, nothing written.
A refusal anywhere leaves the file exactly as it was. ``engines`` says which engines the last
commit wrote with.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

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
from xlwings_app.sheets.source import SheetSource

if TYPE_CHECKING:  # the package (lxml) is loaded by a commit only: reading commands never load it
    from xlwings_app.adapters.xlsx.package import Package
    from xlwings_app.sheets.sop_layout import SopPlace

T = TypeVar("T")
LogColumns = dict[str, dict[str, int] | None]
"""A log sheet's name -> its columns by key (0-based; None: its header row was not found)."""
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
        self.engines: tuple[str, ...] = ()
        """The engines the last commit wrote with, in order ("openpyxl", "package")."""

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
            columns = self._log_columns(changes)
            self.close()
            backup = save_atomically(path, lambda tmp: self._write(changes, columns, tmp))
        self._signature = _signature(path)
        return backup

    def _log_columns(self, changes: list[Change]) -> LogColumns:
        """Each stamped log sheet's columns by key (``sheets.log.log_header``), read before the
        reading closes, for the ``StampLog`` changes that stamp cells of existing rows (one log per
        SOP: Log Langkah, Log Perencanaan, ...)."""
        from xlwings_app.sheets.log import log_header

        columns: LogColumns = {}
        for change in changes:
            if isinstance(change, StampLog) and change.plan.isian:
                sheet = _place(change.place).log
                if sheet not in columns:
                    found = log_header(self.rows(sheet))
                    columns[sheet] = None if found is None else found[1]
        return columns

    def _write(self, changes: list[Change], columns: LogColumns, tmp: Path) -> None:
        """``changes`` written into ``tmp``: openpyxl's first (only those it must make), then the package's.

        Any change the package cannot take in this workbook (``PatchUnsupported``): every change
        through openpyxl, from the file as it is."""
        from xlwings_app.adapters.xlsx.package import Package, PatchUnsupported

        by_openpyxl = [c for c in changes if not isinstance(c, PATCHED)]
        by_package = [c for c in changes if isinstance(c, PATCHED)]
        try:
            source: Path | io.BytesIO = self.path
            engines: list[str] = []
            if by_openpyxl:
                source = io.BytesIO() if by_package else tmp
                _openpyxl_write(self.path, by_openpyxl, source)
                engines.append("openpyxl")
            if by_package:
                with Package.open(source) as package:
                    patch(package, by_package, columns)
                    package.save(tmp)
                engines.append("package")
        except PatchUnsupported:
            _openpyxl_write(self.path, changes, tmp)
            engines = ["openpyxl"]
        self.engines = tuple(engines)

    def close(self) -> None:
        if self._reading is not None:
            self._reading.close()
            self._reading = None

    def __enter__(self) -> FileMaster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


PATCHED = (PutResults, SetCells, AppendSeal, Stamp, StampLog, AppendLogRows)
"""The changes the package writes (``patch``); the others (new sheets, Hasil SOP with its chart, the
lembar sheets) are made by openpyxl."""


def patch(package: Package, changes: Sequence[Change], columns: LogColumns | None = None) -> None:
    """Write ``changes`` (each a ``PATCHED`` one) into ``package``; ``columns``: each stamped log
    sheet's columns by key (``FileMaster._log_columns``), for a ``StampLog``. ``PatchUnsupported`` when the workbook cannot take one of them."""
    from xlwings_app.adapters.xlsx.package import PatchUnsupported

    edits = None
    for change in changes:
        if isinstance(change, PutResults):  # whole sheets: ``kinerja hitung`` loads no cell splicer
            from xlwings_app.adapters.xlsx.results_parts import write_results

            write_results(package, change)
            continue
        if edits is None:
            from xlwings_app.adapters.xlsx.cell_patch import SheetEdits

            edits = SheetEdits(package)
        if isinstance(change, SetCells):
            from xlwings_app.adapters.xlsx.cell_patch import set_cells
            from xlwings_app.sheets.grid import excel_value
            from xlwings_app.sheets.riwayat import entry_values

            cells = [(sheet, address, excel_value(value)) for sheet, address, value in change.cells]
            set_cells(edits, cells, [entry_values(entry) for entry in change.riwayat])
        elif isinstance(change, AppendSeal):
            from xlwings_app.adapters.xlsx.values_patch import append_seal

            append_seal(edits, change.record)
        elif isinstance(change, Stamp):
            from xlwings_app.adapters.xlsx.log_patch import stamp

            stamp(edits, change)
        elif isinstance(change, StampLog):
            from xlwings_app.adapters.xlsx.log_patch import stamp_log

            log = _place(change.place).log
            stamp_log(edits, change, log, (columns or {}).get(log))
        elif isinstance(change, AppendLogRows):
            from xlwings_app.adapters.xlsx.log_patch import append_log_rows

            append_log_rows(edits, _place(change.place).log, change.sop, change.entries, change.first_row)
        else:
            raise PatchUnsupported(f"{type(change).__name__} dibuat dengan openpyxl")
    if edits is not None:
        edits.store()


def _place(place: SopPlace | None) -> SopPlace:
    from xlwings_app.sheets.sop_layout import DEFAULT_PLACE

    return place or DEFAULT_PLACE


def _openpyxl_write(path: Path, changes: Sequence[Change], target: Path | IO[bytes]) -> None:
    """One openpyxl load of ``path``, every change applied, charts redrawn, one save into ``target``."""
    from openpyxl import load_workbook

    from xlwings_app.adapters.openpyxl.charts import restore_charts

    try:
        wb = load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", keep_links=False)
    except Exception as exc:
        raise WorkbookError(f"File {path.name} tidak dapat dibuka untuk ditulis: {exc}") from exc
    for change in changes:
        apply_to_workbook(wb, change)
    restore_charts(wb)
    wb.calculation.fullCalcOnLoad = True
    wb.save(target)


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
    elif isinstance(change, PutFormKey):
        from xlwings_app.adapters.openpyxl.form_builder import write_key_sheet

        write_key_sheet(wb, change.sheet)
    elif isinstance(change, Stamp):
        cell = wb[change.sheet].cell(change.row, change.column)
        cell.value = change.moment
        cell.number_format = change.number_format
    elif isinstance(change, StampLog):
        from xlwings_app.adapters.openpyxl.log_stamps import write_pencatatan

        write_pencatatan(wb, change.sop, change.plan, change.last_row, change.place)
    elif isinstance(change, AddSopSheets):
        from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets

        add_sop_sheets(wb, change.sop, change.tahun, catatan=change.catatan, place=_place(change.place))
    elif isinstance(change, AddLogSheet):
        from xlwings_app.adapters.openpyxl.sop_sheets import write_log

        write_log(wb, change.sop, place=_place(change.place))
    elif isinstance(change, PutPohon):
        from xlwings_app.adapters.openpyxl.pohon import write_pohon

        write_pohon(wb, change.pohon, change.manual)
    elif isinstance(change, AppendLogRows):
        from xlwings_app.adapters.openpyxl.sop_sheets import write_log_rows

        write_log_rows(wb[_place(change.place).log], change.sop, change.entries, change.first_row)
    elif isinstance(change, PutSheet):
        from xlwings_app.adapters.openpyxl.grid import put_sheet

        put_sheet(wb, change.values)
    else:  # pragma: no cover - every Change is handled above
        raise TypeError(change)
