"""The named SOP changes on the live master (``adapters.xlwings.master.LiveMaster``), played through
xlwings' remote engine onto a workbook: the log rows are written into the open workbook, the new
SOP sheets (which only a file can take) are refused before anything is written."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import xlwings as xw
from openpyxl import load_workbook

from tests.addin import remote_book
from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets
from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.adapters.xlwings.master import LiveMaster
from xlwings_app.domain.sop.log import LogEntry, new_period_entries
from xlwings_app.domain.sop.presets import preset
from xlwings_app.sheets.changes import AddLogSheet, AddSopSheets, AppendLogRows
from xlwings_app.sheets.log_rows import log_row_values
from xlwings_app.sheets.sop_layout import DATETIME_FORMAT, LOG_HEADER_ROW, LOG_HEADERS, SHEET_LOG

SOP = preset("pengumpulan-data-tim-sakip")


def test_new_sop_sheets_are_refused_on_the_open_workbook(example_path: Path) -> None:
    wb = load_workbook(example_path)
    book = xw.Book(json=remote_book.payload(wb, name=str(example_path)))
    live = LiveMaster(book)
    for change in (AddSopSheets(SOP, 2024), AddLogSheet(SOP)):
        with pytest.raises(WorkbookError, match="hanya dapat dibuat pada file"):
            live.stage(change)
    assert live.staged == [] and live.commit() is None
    assert book.json()["actions"] == []


def test_log_rows_are_written_into_the_open_workbook(example_path: Path) -> None:
    wb = load_workbook(example_path)
    add_sop_sheets(wb, SOP, 2024)
    rows: list[LogEntry] = new_period_entries(SOP, "TW3")
    rows[0] = LogEntry("TW3", 1, "Kasubag", datetime(2024, 7, 1, 8, 0), datetime(2024, 7, 1, 9, 30), "cek")
    book = xw.Book(json=remote_book.payload(wb, name=str(example_path)))
    live = LiveMaster(book)
    change = AppendLogRows(SOP, rows, LOG_HEADER_ROW + 1)
    live.stage(change)
    assert live.commit() is None
    remote_book.apply(book.json()["actions"], wb)
    ws = wb[SHEET_LOG]
    written = [[c.value for c in row] for row in ws.iter_rows(min_row=change.first_row, max_row=change.last_row,
                                                              max_col=len(LOG_HEADERS))]  # fmt: skip
    assert written == [[log_row_values(SOP, e)[h] for h in LOG_HEADERS] for e in rows]
    mulai = LOG_HEADERS.index("Mulai") + 1
    assert ws.cell(change.first_row, mulai).number_format == DATETIME_FORMAT
    assert ws.cell(change.last_row, mulai + 1).number_format == DATETIME_FORMAT
