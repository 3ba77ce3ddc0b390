"""Sheet Riwayat as values: one row per cell a rekap changed (when, from which file and cell, old, new).

Rows are appended below the header row, never rewritten, so the sheet is the audit trail of every
rekap. Values are kept as they were (numbers as numbers, text as text, so a value starting with "="
never becomes a formula). The engines write these values: ``adapters.openpyxl.riwayat`` (the
fallback and the empty sheet of a new workbook), ``adapters.xlsx.cell_patch`` (the zip patch) and
the live workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

SHEET_RIWAYAT = "Riwayat"
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


def cell_value(value: object) -> object:
    """A domain value as a cell value (Decimal becomes int or float)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def entry_values(entry: Entry) -> tuple[object, ...]:
    """The cells of one Riwayat row."""
    return (
        entry.waktu.strftime("%Y-%m-%d %H:%M:%S"),
        entry.sumber,
        entry.sel_sumber,
        entry.kode,
        entry.kolom,
        entry.sel_induk,
        cell_value(entry.lama),
        cell_value(entry.baru),
    )
