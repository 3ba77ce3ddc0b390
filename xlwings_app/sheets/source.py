"""What an engine hands the sheet readers: a workbook's sheet names and each sheet's rows.

``SheetSource`` is the one port every reader of ``sheets/`` reads through: a workbook file read by
calamine (``adapters.xlsx.calamine.CalamineSource``) or openpyxl (``adapters.xlsx.reader.OpenpyxlSource``),
or the workbook open in Excel (``adapters.xlwings.book.XlwingsSource``). A source gives plain cell
values as openpyxl's read-only mode does (an empty cell ``None``, a whole number ``int``, a date a
``datetime``, a number with a percent format ``domain.numbers.Percent``, an error cell its text).

A source may also know a sheet's Excel Tables (``tables``), its merged ranges (``merged``) and how
to hand a sheet's rows over once, letting each go as it is read (``take``); the readers ask with
``tables_of``, ``merged_of`` and ``sheet_rows`` and do without where an engine cannot tell.
Nothing here imports an engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from xlwings_app.domain.cell_addresses import range_bounds

Row = Sequence[object]
"""One sheet row's cell values from column A (as wide as the engine read it)."""


class SheetSource(Protocol):
    """Where cell values come from: a workbook file (calamine, openpyxl) or the live workbook (xlwings)."""

    @property
    def sheetnames(self) -> list[str]: ...

    def iter_values(self, sheet: str) -> Iterable[Row]:
        """The sheet's rows from row 1, each a sequence of cell values from column A."""
        ...


@dataclass(frozen=True)
class TableInfo:
    """An Excel Table on a sheet: its name, range and how many Total Rows end it."""

    name: str
    ref: str
    totals_rows: int = 0

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        """(first row, first column, last row, last column), 1-based."""
        return range_bounds(self.ref)


def sheet_rows(source: SheetSource, sheet: str, once: bool = False) -> Iterator[tuple[int, Row]]:
    """The rows of ``sheet`` with their 1-based numbers. ``once``: read top to bottom a single time,
    so a source that can (``take``) lets each row go once handed out (a sheet of 75,000 rows is not
    held whole beside what is made of it)."""
    take: Callable[[str], Iterable[Row]] | None = getattr(source, "take", None) if once else None
    return enumerate(source.iter_values(sheet) if take is None else take(sheet), start=1)


def tables_of(source: SheetSource, sheet: str) -> list[TableInfo]:
    """The Excel Tables of ``sheet``; none from a source that cannot tell."""
    tables: Callable[[str], list[TableInfo]] | None = getattr(source, "tables", None)
    return [] if tables is None else tables(sheet)


def merged_of(source: SheetSource, sheet: str) -> list[str] | None:
    """The merged ranges of ``sheet`` ("A5:A7"); ``None`` from a source that cannot tell."""
    merged: Callable[[str], list[str]] | None = getattr(source, "merged", None)
    return None if merged is None else merged(sheet)
