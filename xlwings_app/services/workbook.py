"""Opening and saving the master workbook: the two things every service does at its edges.

``load`` reads and checks every input (never writes). ``update`` applies a change to the
workbook under the Kinerja write lock and saves it atomically with a backup; charts are redrawn
because openpyxl drops them on load. ``replace_sheets`` (``kinerja hitung``) swaps whole sheets
without loading the workbook, so everything else, the user's charts and images too, stays as it was. A failure anywhere leaves the file exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

from xlwings_app.adapters.openpyxl.charts import restore_charts
from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx
from xlwings_app.adapters.xlsx.patch import PatchUnsupported, patch
from xlwings_app.adapters.xlsx.reader import WorkbookData, read_workbook
from xlwings_app.adapters.xlsx.results_parts import ResultParts
from xlwings_app.adapters.xlsx.safe_write import (
    ensure_not_open_in_excel,
    ensure_writable,
    save_atomically,
    writer_lock,
)

__all__ = ["WorkbookData", "WorkbookError", "load", "update", "replace_sheets", "create"]


def load(path: Path) -> WorkbookData:
    """Read and check every input of the workbook at ``path``."""
    return read_workbook(path)


def update(path: Path, change: Callable[[Workbook], None]) -> Path | None:
    """Apply ``change`` to the workbook at ``path`` and save it safely; return the backup path."""
    check_xlsx(path)
    ensure_not_open_in_excel(path)
    ensure_writable(path)
    with writer_lock(path):
        keep_vba = path.suffix.lower() == ".xlsm"
        try:
            wb = load_workbook(path, keep_vba=keep_vba, keep_links=False)
        except Exception as exc:
            raise WorkbookError(f"File {path.name} tidak dapat dibuka untuk ditulis: {exc}") from exc
        change(wb)
        restore_charts(wb)
        wb.calculation.fullCalcOnLoad = True
        return save_atomically(path, wb.save)


def replace_sheets(
    path: Path, parts: Callable[[], ResultParts], fallback: Callable[[Workbook], None]
) -> Path | None:
    """Replace the sheets ``parts()`` builds, copying every other part of the file byte for byte
    (``adapters.xlsx.patch``; never loads the workbook), under the same lock, checks and atomic
    save as ``update``. A workbook lacking one of those sheets is rewritten by ``update(fallback)``.
    """
    check_xlsx(path)
    ensure_not_open_in_excel(path)
    ensure_writable(path)
    try:
        with writer_lock(path):
            return save_atomically(path, lambda tmp: _patch(path, tmp, parts()))
    except PatchUnsupported:
        return update(path, fallback)


def _patch(path: Path, tmp: Path, parts: ResultParts) -> None:
    patch(path, tmp, parts.scratch, parts.rows)


def create(path: Path, wb: Workbook, overwrite: bool = False) -> None:
    """Save a newly built workbook at ``path``; refuse to overwrite unless asked."""
    if path.exists() and not overwrite:
        raise WorkbookError(f"File {path.name} sudah ada: pilih nama lain atau gunakan --timpa.")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise WorkbookError(f"Nama file {path.name} harus berakhiran .xlsx.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(path):
        save_atomically(path, wb.save, backup=overwrite)
