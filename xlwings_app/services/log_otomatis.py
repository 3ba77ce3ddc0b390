"""The step log that fills itself: the part every action shares (``domain.sop.otomatis``).

An action asks ``rencana`` what it would stamp (read only, before it writes anything) and hands
the result to ``tulis`` inside its one write of the master, so the log and the action's own change
are saved together or not at all. A workbook without sheets SOP and Log Langkah, or whose SOP has
no step for the action, gets ``None``: nothing to write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl.log_stamps import write_pencatatan
from xlwings_app.adapters.openpyxl.sop_sheets import LOG_HEADER_ROW, SHEET_LOG
from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.adapters.xlsx.sop_reader import SopWorkbook, read_sop_workbook
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.otomatis import Aksi, Jalan, Rencana, catat_semua


@dataclass(frozen=True)
class RencanaLog:
    """A stamp ready to write: the plan, the SOP it came from and the log's last row."""

    sop: Sop
    plan: Rencana
    last_row: int

    @property
    def pesan(self) -> list[str]:
        return list(self.plan.pesan)


def rencana(
    path: Path,
    periode: str,
    aksi: Aksi,
    mulai: datetime | None,
    selesai: datetime | None,
    catatan: str = "",
) -> RencanaLog | None:
    """What ``aksi`` (run from ``mulai`` to ``selesai``) stamps in the log of the workbook at ``path``."""
    return rencana_semua(path, periode, [Jalan(aksi, mulai, selesai, catatan)])


def rencana_semua(path: Path, periode: str, runs: list[Jalan]) -> RencanaLog | None:
    """What ``runs``, written together, stamp in the log of the workbook at ``path`` (read only)."""
    try:
        data = read_sop_workbook(path)
    except WorkbookError:
        return None  # the action itself reports an unreadable workbook
    return rencana_data(data, periode, runs)


def rencana_data(data: SopWorkbook, periode: str, runs: list[Jalan]) -> RencanaLog | None:
    """``rencana_semua`` on SOP sheets already read (a file, or the open workbook for the ribbon)."""
    if data.sop is None or SHEET_LOG not in data.sheets:
        return None
    last_row = data.log_last_row or LOG_HEADER_ROW
    plan = catat_semua(data.sop, data.entries, periode, runs, last_row)
    if not plan.langkah:
        return None
    return RencanaLog(data.sop, plan, last_row)


def perlu_ditulis(stamp: RencanaLog | None) -> bool:
    return stamp is not None and not stamp.plan.kosong


def tulis(wb: Workbook, stamp: RencanaLog | None) -> None:
    """Apply ``stamp`` to the open master ``wb`` (inside the action's ``update``)."""
    if stamp is not None and not stamp.plan.kosong:
        write_pencatatan(wb, stamp.sop, stamp.plan, stamp.last_row)


def pesan(stamp: RencanaLog | None) -> list[str]:
    """What to tell the user about the log (nothing when the workbook has no SOP step for it)."""
    return stamp.pesan if stamp is not None else []
