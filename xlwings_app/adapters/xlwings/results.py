"""Sheets Hasil and Rekap written into the open workbook (the ribbon's Hitung Capaian).

The cells are ``sheets.results``' values, the same the file writers write; the Hasil table is
added as the Excel Table of the layout.
"""

from __future__ import annotations

from typing import Any

from xlwings_app.adapters.xlwings.book import replace_sheet, write_sheet
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.changes import PutResults
from xlwings_app.sheets.results import hasil_values


def write_results_live(book: Any, change: PutResults) -> None:
    """Replace Hasil and Rekap of the open workbook with the values of ``change``."""
    hasil = hasil_values(change.semua_periode, change.unit, change.tahun)
    rekap = change.rekap
    sheet = replace_sheet(book, hasil.name, after=L.SHEET_PENGATURAN)
    write_sheet(sheet, hasil)
    lay = L.layout().hasil
    rows, cols = max(hasil.shape[0], lay.header_row + 1), len(lay.headers)
    table = sheet.range((lay.header_row, 1), (rows, cols))
    sheet.tables.add(source=table, name=lay.name, table_style_name="TableStyleLight9")
    write_sheet(replace_sheet(book, rekap.name, after=hasil.name), rekap)
