"""Sheet Segel of the open workbook: the seal record ``arsip`` makes, appended through xlwings.

The same cells as ``adapters.openpyxl.segel.append_seal`` writes into a file (``sheets.segel``):
the title and header when the sheet is missing, then one text row per sealed period below the
last row.
"""

from __future__ import annotations

from typing import Any

from xlwings_app.adapters.xlwings.book import sheet_rows, write_sheet
from xlwings_app.adapters.xlwings.protect import unprotected
from xlwings_app.domain.seal import SealRecord
from xlwings_app.sheets.segel import HEADER_ROW, SHEET_SEGEL, head_values, header_values, seal_values


def _new_sheet(book: Any) -> Any:
    names = [s.name for s in book.sheets]
    sheet = book.sheets.add(SHEET_SEGEL, after=book.sheets[names[-1]])
    write_sheet(sheet, head_values())
    return sheet


def append_seal_live(book: Any, record: SealRecord) -> int:
    """Append ``record`` to sheet Segel of the open workbook; return the row written."""
    names = [s.name for s in book.sheets]
    sheet = book.sheets[SHEET_SEGEL] if SHEET_SEGEL in names else _new_sheet(book)
    filled = [i for i, row in enumerate(sheet_rows(sheet), start=1) if any(v not in (None, "") for v in row)]
    row = max([HEADER_ROW, *filled]) + 1
    with unprotected(sheet):
        write_sheet(sheet, header_values())
        write_sheet(sheet, seal_values(record, row))
    return row
