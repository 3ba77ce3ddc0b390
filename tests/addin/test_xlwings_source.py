"""XlwingsSource: the open workbook read like the file, each sheet in one read from A1."""

from __future__ import annotations

from pathlib import Path

import xlwings as xw
from openpyxl import Workbook, load_workbook

from tests.addin import remote_book
from xlwings_app.adapters.xlsx.reader import read_source, read_workbook
from xlwings_app.adapters.xlwings.book import XlwingsSource, sheet_rows


def test_the_live_example_reads_as_the_file_does(example_path: Path) -> None:
    book = xw.Book(json=remote_book.payload(load_workbook(example_path), name=str(example_path)))
    live = read_source(XlwingsSource(book), example_path)
    saved = read_workbook(example_path)
    assert live.indicators == saved.indicators and len(live.indicators) == 16
    assert (live.profil, live.settings, live.profil_values) == (saved.profil, saved.settings, saved.profil_values)
    assert live.problems == saved.problems
    assert live.cells == saved.cells


def test_a_used_range_not_starting_at_a1_is_padded_to_row_1_column_a() -> None:
    wb = Workbook()
    ws = wb.active
    ws["B3"], ws["C4"] = "kode", 7.0
    data = remote_book.payload(wb)
    data["sheets"][0]["used_range_address"] = "B3:C4"
    sheet = xw.Book(json=data).sheets[0]
    rows = sheet_rows(sheet)
    assert rows == [[], [], [None, "kode", None], [None, None, 7]]
    assert isinstance(rows[3][2], int)  # a whole number as openpyxl gives it


def test_each_sheet_is_read_once(example_path: Path) -> None:
    book = xw.Book(json=remote_book.payload(load_workbook(example_path)))
    source = XlwingsSource(book)
    first = list(source.iter_values("IKU"))
    book.sheets["IKU"].api["values"] = [["changed"]]  # a second read would see this
    assert list(source.iter_values("IKU")) == first
