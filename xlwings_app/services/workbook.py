"""The master workbook's data type, its reading, and the one write that is not an action's commit.

``WorkbookData`` is what reading a master gives (``domain.workbook_data``, read by ``sheets.inputs``);
``load`` reads and checks it. ``create`` saves a newly built workbook (``kinerja baru``, the example)
under the Kinerja write lock with an atomic save; every user action writes through its master's single
commit (``services.master``). A failure anywhere leaves the file exactly as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.adapters.xlsx.safe_write import save_atomically, writer_lock
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.services.master import using

__all__ = ["WorkbookData", "WorkbookError", "load", "create"]


def load(path: Path) -> WorkbookData:
    """Read and check every input of the workbook at ``path``."""
    with using(path) as master:
        return master.data()


def create(path: Path, wb: Any, overwrite: bool = False) -> None:
    """Save a newly built workbook at ``path``; refuse to overwrite unless asked."""
    if path.exists() and not overwrite:
        raise WorkbookError(f"File {path.name} sudah ada: pilih nama lain atau gunakan --timpa.")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise WorkbookError(f"Nama file {path.name} harus berakhiran .xlsx.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(path):
        save_atomically(path, wb.save, backup=overwrite)
