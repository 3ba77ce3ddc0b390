"""Sheet Riwayat written with openpyxl: the empty sheet of a new workbook and the fallback append.

The sheet's values are ``sheets.riwayat``'s; the usual append is the zip patch
(``adapters.xlsx.cell_patch``), this one serves workbooks the patch cannot take (for example a
master made before the builder added an empty Riwayat). Text is always stored as text.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl import styles as S
from xlwings_app.adapters.openpyxl.sheet_format import title
from xlwings_app.sheets.riwayat import (
    HEADER_ROW,
    HEADERS,
    SHEET_RIWAYAT,
    SUBTITLE,
    TITLE,
    WIDTHS,
    Entry,
    entry_values,
)

__all__ = ["HEADER_ROW", "HEADERS", "SHEET_RIWAYAT", "Entry", "append_riwayat", "entry_values", "write_empty"]


def write_empty(wb: Workbook) -> Worksheet:
    """Add sheet Riwayat (title and header row, no change yet) at the end of the workbook."""
    ws = wb.create_sheet(SHEET_RIWAYAT)
    title(ws, TITLE, SUBTITLE)
    for col, (text, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, col, text)
        cell.font, cell.fill, cell.alignment, cell.border = (S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP, S.BOX)
        ws.column_dimensions[get_column_letter(col)].width = width
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
