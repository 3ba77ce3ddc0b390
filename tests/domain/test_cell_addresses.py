"""Cell addresses (``domain.cell_addresses``): the one conversion between "AB12" and (12, 28)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xlwings_app.domain.cell_addresses import (
    CellAddresses,
    RowCells,
    cell_address,
    cell_coords,
    column_letter,
    column_number,
    range_bounds,
)


@pytest.mark.parametrize(("number", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (702, "ZZ"), (703, "AAA"), (16384, "XFD")])
def test_columns_are_counted_as_excel_counts_them(number: int, letters: str) -> None:
    assert column_letter(number) == letters
    assert column_number(letters) == number
    assert column_number(letters.lower()) == number


@given(st.integers(min_value=1, max_value=18278))
def test_letters_and_numbers_convert_back(number: int) -> None:
    assert column_number(column_letter(number)) == number


@pytest.mark.parametrize("bad", [0, -1, 18279])
def test_a_column_outside_excel_is_refused(bad: int) -> None:
    with pytest.raises(ValueError):
        column_letter(bad)


@pytest.mark.parametrize("bad", ["", "ABCD", "A1", "Ä", "1"])
def test_letters_that_are_no_column_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        column_number(bad)


def test_cells_and_ranges() -> None:
    assert cell_address(12, 28) == "AB12"
    assert cell_coords("AB12") == cell_coords("$ab$12") == (12, 28)
    assert range_bounds("B4:AC40") == (4, 2, 40, 29)
    assert range_bounds("C3") == (3, 3, 3, 3)
    for bad in ("", "12", "A", "R1C1", "A1:B"):
        with pytest.raises(ValueError):
            range_bounds(bad)


def test_a_rows_addresses_are_made_when_asked_for() -> None:
    letters = {"kode": "A", "nama": "C"}
    cells = RowCells(letters, 12)
    assert dict(cells) == {"kode": "A12", "nama": "C12"}
    table = CellAddresses()
    table.add("IKU", 5, letters)
    table.add("IKU", 6, letters)
    table.add("IKI", 5, {"kode": "A", "induk": "B"})
    assert table[("IKU", 6, "nama")] == "C6" and table[("IKI", 5, "induk")] == "B5"
    assert len(table) == 6
    with pytest.raises(KeyError):
        table[("IKU", 7, "kode")]
