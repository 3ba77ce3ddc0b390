"""Sheets Hasil and Rekap written into the open workbook (the ribbon's Hitung Capaian).

The cells are ``sheets.results``' values, the same the file writers write; the Hasil table is
added as the Excel Table of the layout.
"""

from __future__ import annotations

from typing import Any

from xlwings_app.adapters.xlwings.book import replace_sheet, write_sheet
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.changes import PutResults
from xlwings_app.sheets.results import HASIL_HEADER_ROW, hasil_values


def write_results_live(book: Any, change: PutResults) -> None:
    """Replace Hasil and Rekap of the open workbook with the values of ``change``."""
    hasil = hasil_values(change.semua_periode, change.unit, change.tahun)
    rekap = change.rekap
    sheet = replace_sheet(book, hasil.name, after=L.SHEET_PENGATURAN)
    write_sheet(sheet, hasil)
    rows, cols = max(hasil.shape[0], HASIL_HEADER_ROW + 1), len(L.layout().hasil_headers)
    table = sheet.range((HASIL_HEADER_ROW, 1), (rows, cols))
    sheet.tables.add(source=table, name=L.layout().hasil_name, table_style_name="TableStyleLight9")
    write_sheet(replace_sheet(book, rekap.name, after=hasil.name), rekap)
