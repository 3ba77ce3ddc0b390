"""Changes of checked forms applied to the open workbook through xlwings (the ribbon's Impor Formulir).

The same cells ``kinerja rekap`` writes into the file: each changed input cell of IKU/IKI (text
stays text), then the Riwayat rows (``sheets.riwayat``) appended below the last used row in one
call (sheet Riwayat, with its title and header, added at the end when missing). Protected sheets
are lifted for the write, as ``adapters.xlwings.marks`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlwings_app.adapters.xlwings.book import as_text, sheet_rows, write_sheet
from xlwings_app.adapters.xlwings.protect import unprotected
from xlwings_app.sheets.grid import excel_value
from xlwings_app.sheets.riwayat import HEADER_ROW, SHEET_RIWAYAT, Entry, entry_values, head_values


def _riwayat_sheet(book: Any) -> tuple[Any, int]:
    """Sheet Riwayat (added when missing) and the row below its last used row."""
    if SHEET_RIWAYAT in [s.name for s in book.sheets]:
        sheet = book.sheets[SHEET_RIWAYAT]
        rows = sheet_rows(sheet)
        used = max((i for i, row in enumerate(rows, start=1) if any(v not in (None, "") for v in row)), default=0)
        return sheet, max(used, HEADER_ROW) + 1
    sheet = book.sheets.add(SHEET_RIWAYAT, after=book.sheets[len(book.sheets) - 1])
    write_sheet(sheet, head_values())
    return sheet, HEADER_ROW + 1


def apply_live(book: Any, cells: Sequence[tuple[str, str, object]], entries: Sequence[Entry]) -> None:
    """Write each ``(sheet, address, value)`` into the open workbook, then append ``entries`` to Riwayat."""
    for name in dict.fromkeys(sheet for sheet, _, _ in cells):
        sheet = book.sheets[name]
        with unprotected(sheet):
            for _, address, value in (c for c in cells if c[0] == name):
                sheet.range(address).value = as_text(excel_value(value))
    if not entries:
        return
    sheet, row = _riwayat_sheet(book)
    with unprotected(sheet):
        sheet.range((row, 1)).value = [[as_text(v) for v in entry_values(e)] for e in entries]
