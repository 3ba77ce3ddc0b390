"""What a Kinerja workbook holds, as read: its inputs, typed, with every problem found reading them.

The read model of the master workbook (``services.master.Master.data``): sheets Profil, Pengaturan,
Pejabat, IKU, IKI and Segel, read by ``sheets.inputs.read_inputs`` from a file or the open workbook.
Only input cells are read; computed cells are never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xlwings_app.domain.cell_addresses import CellAddresses
from xlwings_app.domain.indicator import Indicator, Jenis
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.rows import KodeSeen, RawRow
from xlwings_app.domain.seal import SealRecord
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.tree.workbook import PohonData


@dataclass
class WorkbookData:
    """What a workbook holds, typed, with every problem found while reading it."""

    path: Path
    profil: Profil | None
    profil_values: dict[str, object]
    settings: Settings
    indicators: list[Indicator]
    problems: list[Problem] = field(default_factory=list)
    cells: CellAddresses = field(default_factory=CellAddresses)
    """(sheet, row, column key) → the address of each input cell of the IKU and IKI rows read."""
    sheets: dict[Jenis, str] = field(default_factory=dict)
    """The sheet each table was read from (another than the layout's when it was renamed)."""
    segel: list[SealRecord] = field(default_factory=list)
    rows: list[RawRow] = field(default_factory=list)
    """Every non-blank IKU and IKI row as typed, usable or not (the planner's checks read them)."""
    renstra: dict[str, dict[int, object]] = field(default_factory=dict)
    """Optional "Target Renstra 2025"-style columns: kode (case folded) -> year -> cell value."""
    profil_cells: dict[str, str] = field(default_factory=dict)
    """Profil field key → the cell its value was read from ("B9")."""
    profil_numeric: set[str] = field(default_factory=set)
    """Profil fields (NIPs) stored as numbers, whose last digits Excel has lost."""
    kodes: list[KodeSeen] = field(default_factory=list)
    """Every kode read from the IKU and IKI tables, rows with errors too."""
    pohon: PohonData | None = None
    """Sheets Pohon Kinerja and Manual Indikator with the tree built on them (None: a workbook
    without them, read as the two-level workbook it is)."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]
