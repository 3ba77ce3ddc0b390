"""Where the inputs read stand: a table row's cell addresses, made when asked for.

The reader records, for each IKU and IKI row read, the address of every input cell ("H12"), so a
problem found later (a duplicate kode, an IKU Induk that does not exist, a carry-over notice) names
its cell. A table of 100,000 rows would need 2.8 million address strings; these mappings keep each
sheet's column letters once and the row numbers read, and make an address when it is looked up.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping


def column_letter(col: int) -> str:
    """The column's letters: 1 → "A", 27 → "AA", 16384 → "XFD" (as ``sheets.grid.column_letter``,
    for the domain, which names cells of tables it reads as plain rows; ValueError outside 1..18278)."""
    if not 1 <= col <= 18278:
        raise ValueError(f"Invalid column index {col}")
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


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
