"""Sheet Segel with openpyxl: ``sheets.segel``'s title, header and seal rows written into a file."""

from __future__ import annotations

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.adapters.openpyxl.sheet_format import print_setup
from xlwings_app.domain.seal import SealRecord
from xlwings_app.sheets.segel import HEADER_ROW, SHEET_SEGEL, head_values, header_values, seal_values


def write_empty(wb: Workbook) -> None:
    """Add sheet Segel with its title and header row (no seal yet)."""
    ws = wb.create_sheet(SHEET_SEGEL)
    write_values(ws, head_values())
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    ws.protection.sheet = True


def append_seal(wb: Workbook, record: SealRecord) -> None:
    """Record ``record`` as the last row of sheet Segel (created when missing)."""
    if SHEET_SEGEL not in wb.sheetnames:
        write_empty(wb)
    ws = wb[SHEET_SEGEL]
    row = max(ws.max_row, HEADER_ROW) + 1
    write_values(ws, header_values())
    write_values(ws, seal_values(record, row))
