"""Sheet Riwayat as values: one row per cell a rekap changed (when, from which file and cell, old, new).

Rows are appended, never rewritten, so the sheet is the audit trail of every rekap. ``head_values``
is the new sheet's title and header, ``entry_values`` one row; the file writer
(``adapters.openpyxl.riwayat``) and the live one (``adapters.xlwings.rekap``) both write these.
Values are kept as they were (numbers as numbers); every writer stores text as text, so a value
starting with "=" never becomes a formula.

``read_riwayat_rows`` reads the rows back as ``Entry`` values with the one table reader (columns by
header text, so a user who moved a column keeps it): a row whose Waktu cannot be read as a time is
a notice at its cell and is passed over; a workbook without sheet Riwayat has had no change by rekap
yet: no rows, no problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from xlwings_app.domain.problems import Problem
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import SheetValues, excel_value
from xlwings_app.sheets.source import Row, SheetSource
from xlwings_app.sheets.table import TableSpec, find_header, table_rows

SHEET_RIWAYAT = L.SHEET_RIWAYAT
HEADERS = ("Waktu", "Sumber", "Sel Sumber", "Kode", "Kolom", "Sel Induk", "Lama", "Baru")
WIDTHS = (18, 34, 16, 14, 18, 14, 30, 30)
HEADER_ROW = 4
TITLE = "Riwayat Perubahan"
SUBTITLE = "Ditulis oleh Kinerja (kinerja rekap): setiap sel yang diubah dari formulir."
TABLE = TableSpec(SHEET_RIWAYAT, {header: header for header in HEADERS}, required=HEADERS)
"""Riwayat as the table reader reads it: every column by its header."""


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


def read_riwayat_rows(rows: Iterable[Row], file: str = "") -> tuple[list[Entry], list[Problem]]:
    """The entries of sheet Riwayat from its rows from row 1 (``Master.rows``, or a source's)."""
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, TABLE, SHEET_RIWAYAT)
    if header is None:
        return [], []
    entries: list[Entry] = []
    problems: list[Problem] = []
    for index, _row, values in table_rows(iter(numbered), header, problems):
        waktu = _read_waktu(values[0])
        if waktu is None:
            problems.append(Problem(f"Waktu '{values[0]}' tidak terbaca; baris Riwayat ini dilewati.", SHEET_RIWAYAT,
                                    index, "Waktu", header.cell("Waktu", index), values[0], file, "catatan"))  # fmt: skip
            continue
        sumber, sel_sumber, kode, kolom, sel_induk = (_read_text(v) for v in values[1:6])
        entries.append(Entry(waktu, sumber, sel_sumber, kode, kolom, sel_induk, _read_value(values[6]), _read_value(values[7])))
    return entries, [p.in_file(file) if file else p for p in problems]


def read_riwayat_sheet(source: SheetSource, file: str = "") -> tuple[list[Entry], list[Problem]]:
    """Every Riwayat row of ``source`` (a file or the live workbook); none without the sheet."""
    if SHEET_RIWAYAT not in source.sheetnames:
        return [], []
    return read_riwayat_rows(source.iter_values(SHEET_RIWAYAT), file)


def _read_waktu(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _read_text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _read_value(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
