"""The step log's changes written into the master's package (the file master's writer of them).

- ``append_log_rows``: ``sheets.log_rows``' rows from the given row on (``kinerja sop mulai``, the
  example's log, the rows an action adds), each as high as its text needs in the sheet's column
  widths; the log's Table (``TabelLogLangkah…``) widened to take them, as openpyxl widens it;
- ``stamp_log``: what an action stamps (``StampLog``): the planned cells of existing rows, in the
  columns the log's header row names (found by the caller, ``sheets.log.log_header``), Mulai
  and Selesai shown with ``DATETIME_FORMAT``; then its new rows;
- ``stamp``: one moment in one cell (Catat Waktu Langkah), shown with its number format.
Cells keep their other formatting (fill, border, alignment): a stamped cell gets the same cell
format with the date-time number format (``Package.number_format_style``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xlwings_app.adapters.xlsx.cell_patch import SheetEdits
from xlwings_app.adapters.xlsx.package import TABLE, PatchUnsupported
from xlwings_app.adapters.xlsx.values_patch import put_values
from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.sop.log import LogEntry
from xlwings_app.domain.sop.model import Sop
from xlwings_app.sheets.changes import Stamp, StampLog
from xlwings_app.sheets.log_rows import log_rows_values
from xlwings_app.sheets.sop_layout import DATETIME_FORMAT, LOG_HEADERS, LOG_TABLE

DEFAULT_WIDTH = 13
"""A column's width when ``<cols>`` gives none (Excel's and openpyxl's default)."""
_TABLE_TAG = re.compile(rb"<(?:\w+:)?table\b[^>]*>")
_AUTO_FILTER = re.compile(rb"<(?:\w+:)?autoFilter\b[^>]*>")
_REF = re.compile(rb'\sref="([A-Z]{1,3}[0-9]+):([A-Z]{1,3})([0-9]+)"')
_DISPLAY = re.compile(rb'\sdisplayName="([^"]*)"')


def append_log_rows(edits: SheetEdits, sheet: str, sop: Sop, entries: Sequence[LogEntry], first_row: int) -> int:
    """``entries`` written into log sheet ``sheet`` from ``first_row`` on; the last row written."""
    if not entries:
        return first_row - 1
    cells = edits[sheet]
    widths = cells.widths()
    put_values(edits, log_rows_values(sheet, sop, entries, first_row, lambda col: widths.get(col, DEFAULT_WIDTH)))
    last = first_row + len(entries) - 1
    _widen_log_table(edits, sheet, last)
    return last


def _widen_log_table(edits: SheetEdits, sheet: str, last: int) -> None:
    """The log's Table (its name begins ``LOG_TABLE``) reaching down to row ``last`` at least."""
    package = edits.package
    for table in package.target(edits[sheet].part, TABLE):
        data = package.read(table)
        head = _TABLE_TAG.search(data)
        name = _DISPLAY.search(head.group(0)) if head else None
        if head is None or name is None or not name.group(1).decode("utf-8", "replace").startswith(LOG_TABLE):
            continue
        ref = _REF.search(head.group(0))
        if ref is None:
            raise PatchUnsupported(f"{table}: rentang tabel tidak terbaca")
        if int(ref.group(3)) < last:
            package.put(table, _widened(data, f"{ref.group(1).decode()}:{column_letter(len(LOG_HEADERS))}{last}"))
        return


def _widened(table: bytes, ref: str) -> bytes:
    """The table part with its range, and its filter's, set to ``ref``."""
    wanted = f' ref="{ref}"'.encode()

    def new_ref(tag: re.Match[bytes]) -> bytes:
        return _REF.sub(lambda _m: wanted, tag.group(0), count=1)

    table = _TABLE_TAG.sub(new_ref, table, count=1)
    return _AUTO_FILTER.sub(new_ref, table, count=1)


def stamp_log(edits: SheetEdits, change: StampLog, sheet: str, columns: dict[str, int] | None) -> None:
    """``change.plan``'s cells (in log sheet ``sheet``'s ``columns``, 0-based by key) and new rows written."""
    plan = change.plan
    if plan.isian:
        if columns is None:
            raise PatchUnsupported(f"judul kolom sheet {sheet} tidak ditemukan")
        package, cells = edits.package, edits[sheet]
        for isian in plan.isian:
            row, column = isian.baris, columns[isian.kolom] + 1
            style = None
            if isian.kolom in ("mulai", "selesai"):  # moments; Catatan and Pelaksana are text
                style = package.number_format_style(cells.row(row).style(column), DATETIME_FORMAT)
            cells.put(row, column, isian.nilai, style)
            cells.widen([(row, column)])
    if plan.baru:
        append_log_rows(edits, sheet, change.sop, plan.baru, change.last_row + 1)


def stamp(edits: SheetEdits, change: Stamp) -> None:
    """``change.moment`` in its cell, shown with ``change.number_format``."""
    cells = edits[change.sheet]
    style = edits.package.number_format_style(cells.row(change.row).style(change.column), change.number_format)
    cells.put(change.row, change.column, change.moment, style)
    cells.widen([(change.row, change.column)])
