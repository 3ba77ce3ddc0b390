"""Every SOP of the master workbook, read through the master port (a file or the open workbook).

A workbook holds its first SOP in sheets SOP and Log Langkah and each further one in "SOP <nama>" and
"Log <nama>" (``sheets.sop_layout.SopPlace``); the first is read by ``Master.sop`` as always, the
others by ``sheets.sop_workbook.read_sop_sheets`` on the master's sheets (``MasterSource``). No engine
is imported here: a command that only reads its SOP sheets stays light.
"""

from __future__ import annotations

from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.services.master import Master
from xlwings_app.sheets.sop_layout import DEFAULT_PLACE, SHEET_SOP, SopPlace
from xlwings_app.sheets.sop_sheet import UnknownSop, match_place, sop_places
from xlwings_app.sheets.sop_workbook import read_sop_sheets


class MasterSource:
    """The master's sheets as a ``SheetSource`` (to find and read an SOP beside the first one);
    each sheet is read from the master once."""

    def __init__(self, master: Master) -> None:
        self.master = master
        self._rows: dict[str, list[list[object]]] = {}

    @property
    def sheetnames(self) -> list[str]:
        return self.master.sheet_names()

    def iter_values(self, sheet: str) -> list[list[object]]:
        if sheet not in self._rows:
            self._rows[sheet] = self.master.rows(sheet)
        return self._rows[sheet]


def place_of(master: Master, name: str | None) -> SopPlace:
    """The workbook's SOP that ``--sop NAME`` names (``match_place``); WorkbookError if none."""
    if not name:
        return DEFAULT_PLACE if SHEET_SOP in master.sheet_names() else match_place(sop_places(MasterSource(master)), None)
    try:
        return match_place(sop_places(MasterSource(master)), name)
    except UnknownSop as exc:
        raise WorkbookError(f"{master.path.name}: {exc}") from None


def sop_of(master: Master, place: SopPlace, source: MasterSource | None = None) -> SopWorkbook:
    """The SOP sheets of ``place`` (the first SOP through the master as always; the others through
    ``source``, a reading of the master's sheets to share)."""
    if place == DEFAULT_PLACE:
        return master.sop()
    return read_sop_sheets(source or MasterSource(master), master.path, place)


def every_sop(master: Master, source: MasterSource | None = None) -> list[SopWorkbook]:
    """Every SOP of the workbook, in sheet order (none: an empty list)."""
    shared = source or MasterSource(master)
    return [sop_of(master, place, shared) for place, _ in sop_places(shared)]
