"""Sheet Riwayat with openpyxl: the empty sheet of a new workbook, and ``sheets.riwayat``'s rows
appended to a file the zip patch (``adapters.xlsx.cell_patch``) cannot take (``kinerja rekap``)."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.sheets.riwayat import HEADER_ROW, SHEET_RIWAYAT, Entry, entry_values, head_values


def write_empty(wb: Workbook) -> Worksheet:
    """Add sheet Riwayat (title and header row, no change yet) at the end of the workbook."""
    ws = wb.create_sheet(SHEET_RIWAYAT)
    write_values(ws, head_values())
    ws.freeze_panes = f"A{HEADER_ROW + 1}"  # a coordinate, not a cell: no empty A5 is written
    return ws


def append_riwayat(wb: Workbook, entries: Sequence[Entry]) -> None:
    """Append ``entries`` to sheet Riwayat (created at the end of the workbook when missing)."""
    ws = wb[SHEET_RIWAYAT] if SHEET_RIWAYAT in wb.sheetnames else write_empty(wb)
    row = max(ws.max_row, HEADER_ROW) + 1
    for entry in entries:
        for col, value in enumerate(entry_values(entry), start=1):
            cell = ws.cell(row, col, value)
            if isinstance(value, str):
                cell.data_type = "s"  # no per-cell style: thousands of rows, and styling is slow
        row += 1
