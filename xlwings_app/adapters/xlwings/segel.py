"""Sheet Segel of the open workbook: the seal record ``arsip`` makes, appended through xlwings.

The same cells as ``seal_sheet.append_seal`` writes into a file: the title and header when the
sheet is missing, then one text row per sealed period below the last row.
"""

from __future__ import annotations

from typing import Any

from xlwings_app.adapters.openpyxl.segel import HEADER_ROW, HEADERS, SUBTITLE, TITLE, seal_row
from xlwings_app.adapters.xlwings.book import HEADER_FILL, HEADER_FONT, sheet_rows
from xlwings_app.adapters.xlwings.protect import unprotected
from xlwings_app.domain.seal import SHEET, SealRecord


def _new_sheet(book: Any) -> Any:
    names = [s.name for s in book.sheets]
    sheet = book.sheets.add(SHEET, after=book.sheets[names[-1]])
    sheet.range("A1").value = [[TITLE], [SUBTITLE]]
    sheet.range("A1").font.bold = True
    header = sheet.range((HEADER_ROW, 1), (HEADER_ROW, len(HEADERS)))
    header.value = [list(HEADERS)]
    header.color = HEADER_FILL
    header.font.bold = True
    header.font.color = HEADER_FONT
    return sheet


def append_seal_live(book: Any, record: SealRecord) -> int:
    """Append ``record`` to sheet Segel of the open workbook; return the row written."""
    names = [s.name for s in book.sheets]
    sheet = book.sheets[SHEET] if SHEET in names else _new_sheet(book)
    filled = [i for i, row in enumerate(sheet_rows(sheet), start=1) if any(v not in (None, "") for v in row)]
    row = max([HEADER_ROW, *filled]) + 1
    with unprotected(sheet):
        cells = sheet.range((row, 1), (row, len(HEADERS)))
        cells.number_format = "@"  # text: Excel would read "2024-07-05T09:30:00+07:00" as a date
        cells.value = [seal_row(record)]
    return row
