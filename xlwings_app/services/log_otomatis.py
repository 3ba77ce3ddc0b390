"""The step logs that fill themselves: the part every action shares (``domain.sop.otomatis``).

An action asks ``rencana`` what it would stamp, from the master's SOP sheets: EVERY SOP of the
workbook whose procedure has the action's step gets its own log stamped (the Pengukuran SOP's Log
Langkah, the Pengumpulan Data SOP's "Log Pengumpulan Data", ...), each row's Pelaksana taken from
sheet Pejabat (the official holding the step's role). The action stages the result (``stage``) with
its own changes, so the logs and the action's change are committed together or not at all, on the
file or the open workbook. A workbook without SOP sheets, or whose SOPs have no step for the action,
gets ``None``: nothing to write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xlwings_app.domain.profil import Profil
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.otomatis import Jalan, Rencana, catat_semua
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.services.master import Master
from xlwings_app.services.sop_master import every_sop
from xlwings_app.sheets.changes import StampLog
from xlwings_app.sheets.sop_layout import LOG_HEADER_ROW, SopPlace


@dataclass(frozen=True)
class LogSop:
    """One SOP's stamp ready to write: the plan, the SOP it came from, its place and the log's last row."""

    sop: Sop
    plan: Rencana
    last_row: int
    place: SopPlace = SopPlace()


@dataclass(frozen=True)
class RencanaLog:
    """What an action stamps into the logs of every SOP with its step."""

    logs: tuple[LogSop, ...]

    @property
    def pesan(self) -> list[str]:
        return [m for log in self.logs for m in log.plan.pesan]

    @property
    def kosong(self) -> bool:
        return all(log.plan.kosong for log in self.logs)


def rencana_sop(data: SopWorkbook, periode: str, runs: Sequence[Jalan], profil: Profil | None = None) -> LogSop | None:
    """What ``runs``, written together, stamp in the log of one SOP (``data``, read only); None when
    it has no log or no step for them."""
    place = SopPlace(data.place_name)
    if data.sop is None or place.log not in data.sheets:
        return None
    last_row = data.log_last_row or LOG_HEADER_ROW
    plan = catat_semua(data.sop, data.entries, periode, runs, last_row, profil, place.log)
    if not plan.langkah:
        return None
    return LogSop(data.sop, plan, last_row, place)


def rencana(master: Master, periode: str, runs: Sequence[Jalan]) -> RencanaLog | None:
    """What ``runs`` stamp in the logs of every SOP of ``master``; None when none has their step."""
    sops = [data for data in every_sop(master) if data.sop is not None and SopPlace(data.place_name).log in data.sheets]
    if not sops:
        return None
    profil = master.data().profil
    found = [rencana_sop(data, periode, runs, profil) for data in sops]
    logs = tuple(log for log in found if log is not None)
    return RencanaLog(logs) if logs else None


def perlu_ditulis(stamp: RencanaLog | None) -> bool:
    return stamp is not None and not stamp.kosong


def stage(master: Master, stamp: RencanaLog | None) -> bool:
    """Stage ``stamp`` on ``master`` (committed with the action's own changes); whether it had any."""
    if stamp is None or stamp.kosong:
        return False
    for log in stamp.logs:
        if not log.plan.kosong:
            master.stage(StampLog(log.sop, log.plan, log.last_row, log.place))
    return True


def pesan(stamp: RencanaLog | None) -> list[str]:
    """What to tell the user about the logs (nothing when no SOP has a step for the action)."""
    return stamp.pesan if stamp is not None else []
