"""Sheet Riwayat: one row per cell a rekap changed (when, from which file and cell, old, new).

Rows are appended, never rewritten, so the sheet is the audit trail of every rekap. Values are
written as they were (numbers as numbers); text is always stored as text, so a value starting
with "=" never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from xlwings_app.adapters.openpyxl import styles as S
from xlwings_app.adapters.openpyxl.builder import excel_value
from xlwings_app.adapters.openpyxl.sheet_format import title

SHEET_RIWAYAT = "Riwayat"
HEADERS = ("Waktu", "Sumber", "Sel Sumber", "Kode", "Kolom", "Sel Induk", "Lama", "Baru")
WIDTHS = (18, 34, 16, 14, 18, 14, 30, 30)
HEADER_ROW = 4


@dataclass(frozen=True)
class Entry:
    waktu: datetime
    sumber: str
    sel_sumber: str
    kode: str
    kolom: str
    sel_induk: str
    lama: object
    baru: object


TITLE = "Riwayat Perubahan"
SUBTITLE = "Ditulis oleh Kinerja (kinerja rekap): setiap sel yang diubah dari formulir."


def entry_values(entry: Entry) -> tuple[object, ...]:
    """The cells of one Riwayat row."""
    return (
        entry.waktu.strftime("%Y-%m-%d %H:%M:%S"),
        entry.sumber,
        entry.sel_sumber,
        entry.kode,
        entry.kolom,
        entry.sel_induk,
        excel_value(entry.lama),
        excel_value(entry.baru),
    )


def append_riwayat(wb: Workbook, entries: Sequence[Entry]) -> None:
    """Append ``entries`` to sheet Riwayat (created at the end of the workbook when missing)."""
    if SHEET_RIWAYAT in wb.sheetnames:
        ws = wb[SHEET_RIWAYAT]
        row = max(ws.max_row, HEADER_ROW) + 1
    else:
        ws = wb.create_sheet(SHEET_RIWAYAT)
        title(ws, TITLE, SUBTITLE)
        for col, (text, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
            cell = ws.cell(HEADER_ROW, col, text)
            cell.font, cell.fill, cell.alignment, cell.border = (
                S.HEADER_FONT,
                S.HEADER_FILL,
                S.CENTER_WRAP,
                S.BOX,
            )
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
        row = HEADER_ROW + 1  # the first row below the header (freezing the panes made A5 a cell)
    for entry in entries:
        for col, value in enumerate(entry_values(entry), start=1):
            cell = ws.cell(row, col, value)
            if isinstance(value, str):
                cell.data_type = "s"  # no per-cell style: thousands of rows, and styling is slow
        row += 1
