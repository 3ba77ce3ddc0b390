"""What the SOP sheets of a workbook hold, as read: one SOP, the working calendar and its step log.

The read model of sheets SOP, Kalender and Log Langkah (``services.master.Master.sop``), read by
``sheets.sop_workbook.read_sop_sheets`` from a file or the open workbook, with every problem found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.log import LogEntry
from xlwings_app.domain.sop.model import Sop


@dataclass
class SopWorkbook:
    """What the SOP sheets of a workbook hold, with every problem found reading them."""

    path: Path
    sop: Sop | None = None
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    entries: list[LogEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sheets: set[str] = field(default_factory=set)
    log_last_row: int | None = None
    """Last non-blank row of the log (None when there is no log sheet)."""
    tahun: int | None = None
    """Tahun in sheet Profil, when it holds one (the year whose holidays sheet Kalender lists)."""
    place_name: str = ""
    """Which of the workbook's SOPs was read: the name of its place (``sheets.sop_layout.SopPlace``,
    its SOP, log and Hasil sheets); "" for the workbook's first SOP."""
    identity_cells: dict[str, str] = field(default_factory=dict)
    """The cell of each identity field of the SOP sheet (``sop_rows.IDENTITY`` key → "C4")."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]
