"""Reading sheet Kalender back: working hours per weekday, extra days off and working days, and
whether national holidays count, each in its fixed cells (``sheets.sop_layout.KALENDER_*``).

The week stands in B:E of the seven rows below the header row (Senin first), the two date lists in
columns G and J (``KALENDER_LIST_ROWS`` rows each), the national-holiday choice in B13. The cells are
typed by ``domain.sop.calendar_rows.parse_calendar``, every problem at its cell.
"""

from __future__ import annotations

from collections.abc import Iterable

from xlwings_app.domain.cell_addresses import cell_address, cell_coords
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.calendar_rows import parse_calendar
from xlwings_app.domain.sop.sop_rows import Cell
from xlwings_app.sheets.sop_layout import (
    KALENDER_HEADER_ROW,
    KALENDER_LIST_ROWS,
    KALENDER_NATIONAL,
    KALENDER_OFF_COLUMN,
    KALENDER_WORK_COLUMN,
    SHEET_KALENDER,
)
from xlwings_app.sheets.source import Row
from xlwings_app.sheets.table import cell_grid

WEEK_COLUMNS = range(2, 6)
"""Masuk, Pulang, Istirahat Mulai, Istirahat Selesai: columns B to E of each weekday's row."""


def read_kalender(rows: Iterable[tuple[int, Row]]) -> tuple[WorkingCalendar, list[Problem]]:
    """The working calendar of sheet Kalender from its rows (numbered from 1), and its problems."""
    top = KALENDER_HEADER_ROW
    grid = cell_grid(rows, top + KALENDER_LIST_ROWS, KALENDER_WORK_COLUMN)

    def cell(row: int, col: int) -> Cell:
        address = cell_address(row, col)
        return Cell(grid.get(address), address)

    week = [[cell(top + day, col) for col in WEEK_COLUMNS] for day in range(1, 8)]
    lists = [
        [(top + i, cell(top + i, column)) for i in range(1, KALENDER_LIST_ROWS + 1)]
        for column in (KALENDER_OFF_COLUMN, KALENDER_WORK_COLUMN)
    ]
    return parse_calendar(week, lists[0], lists[1], cell(*cell_coords(KALENDER_NATIONAL)), sheet=SHEET_KALENDER)
