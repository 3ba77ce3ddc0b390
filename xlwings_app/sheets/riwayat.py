"""Sheet Riwayat as values: one row per cell a rekap changed (when, from which file and cell, old, new).

Rows are appended, never rewritten, so the sheet is the audit trail of every rekap. ``head_values``
is the new sheet's title and header, ``entry_values`` one row; the file writer
(``adapters.openpyxl.riwayat``) and the live one (``adapters.xlwings.rekap``) both write these.
Values are kept as they were (numbers as numbers); every writer stores text as text, so a value
starting with "=" never becomes a formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import SheetValues, excel_value

SHEET_RIWAYAT = L.SHEET_RIWAYAT
HEADERS = ("Waktu", "Sumber", "Sel Sumber", "Kode", "Kolom", "Sel Induk", "Lama", "Baru")
WIDTHS = (18, 34, 16, 14, 18, 14, 30, 30)
HEADER_ROW = 4
TITLE = "Riwayat Perubahan"
SUBTITLE = "Ditulis oleh Kinerja (kinerja rekap): setiap sel yang diubah dari formulir."


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


def _waktu(moment: datetime) -> str:
    return _naive_waktu(moment) if moment.tzinfo is None else moment.strftime("%Y-%m-%d %H:%M:%S")


@lru_cache(maxsize=4)
def _naive_waktu(moment: datetime) -> str:  # equal naive times read the same (aware ones may not)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def entry_values(entry: Entry) -> tuple[object, ...]:
    """The cells of one Riwayat row (the rows of one rekap share their time: written once)."""
    return (
        _waktu(entry.waktu),
        entry.sumber,
        entry.sel_sumber,
        entry.kode,
        entry.kolom,
        entry.sel_induk,
        excel_value(entry.lama),
        excel_value(entry.baru),
    )


def head_values() -> SheetValues:
    """A new sheet Riwayat: title, subtitle and the header row (with the column widths)."""
    sheet = SheetValues(SHEET_RIWAYAT)
    sheet.put(1, 1, [TITLE], "title")
    sheet.put(2, 1, [SUBTITLE], "subtitle")
    sheet.put(HEADER_ROW, 1, HEADERS, "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    return sheet
