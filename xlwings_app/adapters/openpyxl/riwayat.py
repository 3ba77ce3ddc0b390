"""Sheet Riwayat with openpyxl: ``sheets.riwayat``'s rows appended to a file (``kinerja rekap``)."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.sheets.riwayat import HEADER_ROW, SHEET_RIWAYAT, Entry, entry_values, head_values


def append_riwayat(wb: Workbook, entries: Sequence[Entry]) -> None:
    """Append ``entries`` to sheet Riwayat (created at the end of the workbook when missing)."""
    if SHEET_RIWAYAT in wb.sheetnames:
        ws = wb[SHEET_RIWAYAT]
        row = max(ws.max_row, HEADER_ROW) + 1
    else:
        ws = wb.create_sheet(SHEET_RIWAYAT)
        write_values(ws, head_values())
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
        row = HEADER_ROW + 1  # the first row below the header (freezing the panes made A5 a cell)
    for entry in entries:
        for col, value in enumerate(entry_values(entry), start=1):
            cell = ws.cell(row, col, value)
            if isinstance(value, str):
                cell.data_type = "s"  # no per-cell style: thousands of rows, and styling is slow
        row += 1
