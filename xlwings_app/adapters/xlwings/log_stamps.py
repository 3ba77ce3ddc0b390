"""What an action stamps into Log Langkah, written into the open workbook (the ribbon's buttons).

The same cells ``adapters/openpyxl/log_stamps.py`` writes into the file: the planned cells of
existing rows (columns found by header text, as Catat Waktu Langkah finds them) with the log's
date-time format, then new rows below the last one in one call. The log Table is widened when the
engine can (the desktop object model); elsewhere Excel widens it when the user types below it.
"""

from __future__ import annotations

from typing import Any

from xlwings_app.adapters.xlwings.book import as_text, sheet_rows
from xlwings_app.adapters.xlwings.protect import unprotected
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.otomatis import Rencana
from xlwings_app.sheets.log import log_header
from xlwings_app.sheets.log_rows import log_row_values
from xlwings_app.sheets.sop_layout import DATETIME_FORMAT, DEFAULT_PLACE, LOG_HEADERS, SopPlace


def write_pencatatan_live(book: Any, sop: Sop, plan: Rencana, last_row: int, place: SopPlace | None = None) -> None:
    """Fill ``plan.isian`` and append ``plan.baru`` below ``last_row`` of the open workbook's log of
    ``place`` (None: Log Langkah)."""
    where = place or DEFAULT_PLACE
    sheet = book.sheets[where.log]
    found = log_header(sheet_rows(sheet))
    if found is None:
        return
    _, columns = found
    with unprotected(sheet):
        for isian in plan.isian:
            target = sheet.range((isian.baris, columns[isian.kolom] + 1))
            if isian.kolom in ("mulai", "selesai"):
                target.number_format = DATETIME_FORMAT
            target.value = as_text(isian.nilai)
        if not plan.baru:
            return
        rows = [[as_text(log_row_values(sop, e)[h]) for h in LOG_HEADERS] for e in plan.baru]
        first, last = last_row + 1, last_row + len(rows)
        sheet.range((first, 1)).value = rows
        for header in ("Mulai", "Selesai"):
            col = LOG_HEADERS.index(header) + 1
            sheet.range((first, col), (last, col)).number_format = DATETIME_FORMAT
        try:
            table = sheet.tables[where.log_table]
            table.resize(sheet.range((table.range.row, 1), (last, len(LOG_HEADERS))))
        except Exception:  # noqa: BLE001, S110 - an engine without Tables: Excel widens it on typing
            pass
