"""Cell addresses: a column's letters and number, a cell's and a range's coordinates, and where the
inputs read stand (a table row's cell addresses, made when asked for).

Every reader and writer converts between "AB12" and (row 12, column 28) here, the one way Excel
counts: columns A..Z, AA..ZZ, AAA..XFD (1..16384), rows from 1.

The reader records, for each IKU and IKI row read, the address of every input cell ("H12"), so a
problem found later (a duplicate kode, an IKU Induk that does not exist, a carry-over notice) names
its cell. A table of 100,000 rows would need 2.8 million address strings; these mappings keep each
sheet's column letters once and the row numbers read, and make an address when it is looked up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

_CELL = re.compile(r"([A-Za-z]{1,3})([0-9]+)")


def column_letter(col: int) -> str:
    """The column's letters: 1 → "A", 27 → "AA", 16384 → "XFD" (as openpyxl's ``get_column_letter``,
    ValueError outside 1..18278, the three-letter columns)."""
    if not 1 <= col <= 18278:
        raise ValueError(f"Invalid column index {col}")
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """The column's number: "A" → 1, "AA" → 27, "XFD" → 16384 (case ignored; ValueError for
    anything but one to three letters)."""
    if not 1 <= len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        raise ValueError(f"Invalid column letters {letters!r}")
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def cell_address(row: int, col: int) -> str:
    """(12, 28) → "AB12"."""
    return f"{column_letter(col)}{row}"


def cell_coords(address: str) -> tuple[int, int]:
    """"AB12" → (12, 28); "$AB$12" too (ValueError for anything else)."""
    match = _CELL.fullmatch(address.replace("$", ""))
    if match is None:
        raise ValueError(f"Invalid cell address {address!r}")
    return int(match.group(2)), column_number(match.group(1))


def range_bounds(ref: str) -> tuple[int, int, int, int]:
    """"B4:AC40" → (4, 2, 40, 29): first row, first column, last row, last column; a single cell
    is a range of one."""
    first, _, last = ref.partition(":")
    top, left = cell_coords(first)
    bottom, right = cell_coords(last or first)
    return top, left, bottom, right


class RowCells(Mapping[str, str]):
    """The cell addresses of one table row by column key ("H12"), made when asked for: a table of
    100,000 rows keeps its column letters once, not an address per cell."""

    __slots__ = ("_letters", "_row")

    def __init__(self, letters: Mapping[str, str], row: int) -> None:
        self._letters = letters
        self._row = row

    def __getitem__(self, key: str) -> str:
        return f"{self._letters[key]}{self._row}"

    def __iter__(self) -> Iterator[str]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)

    def __repr__(self) -> str:
        return f"RowCells({dict(self)!r})"


class CellAddresses(Mapping[tuple[str, int, str], str]):
    """(sheet, row, column key) → the address of every input cell of the table rows read ("H12"),
    made when asked for from each sheet's column letters and the rows read (in reading order)."""

    def __init__(self) -> None:
        self._letters: dict[str, dict[str, str]] = {}
        self._rows: dict[str, dict[int, None]] = {}
        self._last: tuple[str, Mapping[str, str]] | None = None  # the sheet and letters added last

    def add(self, sheet: str, row: int, letters: Mapping[str, str]) -> None:
        """Row ``row`` of ``sheet`` was read; its input columns have the letters ``letters`` (a mapping
        not changed once added: the rows of one table share it)."""
        last = self._last
        if last is not None and last[1] is letters and last[0] == sheet:  # the rows of one table
            self._rows[sheet][row] = None
            return
        self._last = (sheet, letters)
        known = self._letters.get(sheet)
        if known is None:
            self._letters[sheet] = dict(letters)
            self._rows[sheet] = {}
        elif known != letters:
            known.update(letters)
        self._rows[sheet][row] = None

    def __getitem__(self, key: tuple[str, int, str]) -> str:
        sheet, row, column = key
        rows = self._rows.get(sheet)
        if rows is None or row not in rows:
            raise KeyError(key)
        return f"{self._letters[sheet][column]}{row}"

    def __iter__(self) -> Iterator[tuple[str, int, str]]:
        for sheet, rows in self._rows.items():
            letters = self._letters[sheet]
            for row in rows:
                for column in letters:
                    yield sheet, row, column

    def __len__(self) -> int:
        return sum(len(rows) * len(self._letters[sheet]) for sheet, rows in self._rows.items())

    def __repr__(self) -> str:
        return f"CellAddresses({len(self)} sel)"
