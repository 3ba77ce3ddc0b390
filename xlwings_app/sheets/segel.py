"""Sheet Segel as values: one row per sealed period (``kinerja arsip``), read back to warn of changes.

Columns are ``domain.seal.SealRecord.as_row()``'s keys. Rows are only appended, never edited:
a period sealed again is judged by its latest row. ``head_values`` is the new sheet's title and
header, ``seal_row`` one row (all text); the file writer (``adapters.openpyxl.segel``) and the
live one (``adapters.xlwings.segel``) both write these, and ``read_seals`` reads the rows back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.seal import SealRecord
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.table import TableSpec, find_header, table_rows

SHEET_SEGEL = L.SHEET_SEGEL
REQUIRED = ("Periode", "Kode Verifikasi", "Disegel Pada", "File Arsip", "SHA-256 Arsip", "Sidik Indikator")
SIGNING = ("Tanggal Penandatanganan", "Penandatangan")
"""Columns added when seals came to record the signing their document printed (read when present)."""
HEADERS = (*REQUIRED, *SIGNING)
HEADER_ROW = 4
WIDTHS = (10, 16, 26, 46, 66, 80, 16, 60)
TITLE = "Segel Periode (arsip dokumen yang telah ditandatangani)"
SUBTITLE = (
    "Ditulis oleh Kinerja (kinerja arsip); jangan diubah. Bila data periode tersegel berubah, "
    "Kinerja memberi peringatan."
)
TABLE = TableSpec(SHEET_SEGEL, {header: header for header in HEADERS}, required=REQUIRED, optional=SIGNING)
"""The seal table as the table reader reads it: every column by its header."""
TEXT = "@"
"""The seal cells' number format: text (Excel would read "2024-07-05T09:30:00+07:00" as a date)."""


def seal_row(record: SealRecord) -> list[str]:
    """The cells of ``record``'s row, in ``HEADERS`` order (all text)."""
    row = record.as_row()
    return [row[header] for header in HEADERS]


NOTE = "Satu baris per periode yang disegel (kinerja arsip); tanpa baris berarti belum ada yang disegel."


def head_values() -> SheetValues:
    """A new sheet Segel: title, subtitle and the header row (with the column widths)."""
    sheet = SheetValues(SHEET_SEGEL)
    sheet.put(1, 1, [TITLE], "title")
    sheet.put(2, 1, [SUBTITLE], "subtitle")
    sheet.put(3, 1, [NOTE], "subtitle")  # printed, so the sheet's page is never a blank one
    sheet.put(HEADER_ROW, 1, HEADERS, "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    return sheet


def seal_values(record: SealRecord, row: int) -> SheetValues:
    """``record`` as row ``row`` of sheet Segel: text cells with a border."""
    sheet = SheetValues(SHEET_SEGEL)
    sheet.put(row, 1, [value or None for value in seal_row(record)], "box", f"format:{TEXT}")
    return sheet


def header_values() -> SheetValues:
    """The header row alone, written again with every seal: a sheet made by an earlier version gets the
    headers of the signing columns (no width: the package patches cells only)."""
    sheet = SheetValues(SHEET_SEGEL)
    sheet.put(HEADER_ROW, 1, HEADERS, "header")
    return sheet


def read_seals(rows: Iterable[Sequence[object]]) -> tuple[list[SealRecord], list[Problem]]:
    """Seal records from the sheet's rows (from row 1), found by the header row's text (the one table
    reader): a row without a Periode is passed over; a row that cannot be read is a notice."""
    problems: list[Problem] = []
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, TABLE, SHEET_SEGEL)
    if header is None:
        if any(any(v not in (None, "") for v in row) for index, row in numbered if index > HEADER_ROW):
            problems.append(Problem(
                f"Baris judul sheet {SHEET_SEGEL} ({', '.join(HEADERS)}) tidak ditemukan: segel tidak dibaca.",
                SHEET_SEGEL, tingkat="catatan",
            ))  # fmt: skip
        return [], problems
    records: list[SealRecord] = []
    for index, _row, cells in table_rows(iter(numbered), header, problems):
        values = {TABLE.headers[key]: ("" if v is None else str(v)) for key, v in zip(header.columns, cells, strict=True)}
        if not cells[0]:
            continue
        try:
            records.append(SealRecord.from_row(values))
        except (KeyError, ValueError):
            problems.append(Problem("Baris segel tidak dapat dibaca (diubah dengan tangan?); diabaikan.",
                                    SHEET_SEGEL, index, tingkat="catatan"))
    return records, problems
