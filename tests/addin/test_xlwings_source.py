"""XlwingsSource: the open workbook read like the file, each sheet in one read from A1."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import xlwings as xw
from openpyxl import Workbook, load_workbook

from tests.addin import remote_book
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.adapters.xlwings.book import XlwingsSource, sheet_rows
from xlwings_app.sheets.inputs import read_inputs


def test_the_live_example_reads_as_the_file_does(example_path: Path) -> None:
    book = xw.Book(json=remote_book.payload(load_workbook(example_path), name=str(example_path)))
    live = read_inputs(XlwingsSource(book), example_path)
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


def test_percent_cells_read_live_as_in_the_file(example_path: Path) -> None:
    """Typing 93% in the open workbook stores 0.93 with a percent format: read as 93, as the file is."""
    from tests.conftest import cell_of
    from xlwings_app.domain.indicator import Jenis

    wb = load_workbook(example_path)
    cells = {}
    for kode, key, stored, fmt in [("IKI-KEU-01", "r3", 0.682, "0.0%"), ("IKI-SEK-01", "t3", 1, "0%"),
                                   ("IKI-UMUM-01", "r2", 0.95, "#,##0.00%")]:  # fmt: skip
        cells[kode] = sel = cell_of(example_path, Jenis.IKI, kode, key)
        wb["IKI"][sel].value, wb["IKI"][sel].number_format = stored, fmt
    wb.save(example_path)
    with remote_book.number_formats(wb):
        book = xw.Book(json=remote_book.payload(wb, name=str(example_path)))
        live = read_inputs(XlwingsSource(book), example_path)
    saved = read_workbook(example_path)
    assert live.indicators == saved.indicators and live.problems == saved.problems
    keu = next(i for i in live.indicators if i.kode == "IKI-KEU-01")
    sek = next(i for i in live.indicators if i.kode == "IKI-SEK-01")
    assert keu.realisasi_tw[2] == Decimal("68.2") and sek.target_tw[2] == 100
    assert {p.sel for p in live.problems if "berformat persen" in p.pesan} == set(cells.values())


def test_error_cells_read_live_as_in_the_file(example_path: Path) -> None:
    """A realisasi showing #DIV/0! or #N/A is an error in ``kinerja periksa``; the ribbon must see
    the same error, not a blank cell (xlwings reads error cells as None unless ``err_to_str``)."""
    from tests.conftest import cell_of
    from xlwings_app.domain.indicator import Jenis

    wb = load_workbook(example_path)
    cells = {cell_of(example_path, Jenis.IKU, "IKU-01", "r1"): "#DIV/0!",
             cell_of(example_path, Jenis.IKU, "IKU-02", "r2"): "#N/A"}  # fmt: skip
    for address, error in cells.items():
        wb["IKU"][address].value = error
        wb["IKU"][address].data_type = "e"
    wb.save(example_path)
    book = xw.Book(json=remote_book.payload(load_workbook(example_path), name=str(example_path)))
    live = read_inputs(XlwingsSource(book), example_path)
    saved = read_workbook(example_path)
    assert {p.sel for p in saved.errors} >= set(cells)
    assert live.problems == saved.problems
    assert live.indicators == saved.indicators
