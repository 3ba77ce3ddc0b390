"""The step log that fills itself: the part every action shares (``domain.sop.otomatis``).

An action asks ``rencana_data`` what it would stamp, from the SOP sheets its master read
(``Master.sop``), and stages the result (``stage``) with its own changes, so the log and the
action's change are committed together or not at all, on the file or the open workbook. A
workbook without sheets SOP and Log Langkah, or whose SOP has no step for the action, gets
``None``: nothing to write.
"""

from __future__ import annotations

from dataclasses import dataclass

from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.otomatis import Jalan, Rencana, catat_semua
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.services.master import Master
from xlwings_app.sheets.changes import StampLog
from xlwings_app.sheets.sop_layout import LOG_HEADER_ROW, SHEET_LOG


@dataclass(frozen=True)
class RencanaLog:
    """A stamp ready to write: the plan, the SOP it came from and the log's last row."""

    sop: Sop
    plan: Rencana
    last_row: int

    @property
    def pesan(self) -> list[str]:
        return list(self.plan.pesan)


def rencana_data(data: SopWorkbook | None, periode: str, runs: list[Jalan]) -> RencanaLog | None:
    """What ``runs``, written together, stamp in the log of the SOP sheets ``data`` (read only);
    None (a master that reads no SOP sheets) stamps nothing."""
    if data is None or data.sop is None or SHEET_LOG not in data.sheets:
        return None
    last_row = data.log_last_row or LOG_HEADER_ROW
    plan = catat_semua(data.sop, data.entries, periode, runs, last_row)
    if not plan.langkah:
        return None
    return RencanaLog(data.sop, plan, last_row)


def perlu_ditulis(stamp: RencanaLog | None) -> bool:
    return stamp is not None and not stamp.plan.kosong


def stage(master: Master, stamp: RencanaLog | None) -> bool:
    """Stage ``stamp`` on ``master`` (committed with the action's own changes); whether it had any."""
    if stamp is None or stamp.plan.kosong:
        return False
    master.stage(StampLog(stamp.sop, stamp.plan, stamp.last_row))
    return True


def pesan(stamp: RencanaLog | None) -> list[str]:
    """What to tell the user about the log (nothing when the workbook has no SOP step for it)."""
    return stamp.pesan if stamp is not None else []
