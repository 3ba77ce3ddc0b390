"""A workbook written as literal rows, for the sheet readers' tests: ``Rows({"IKU": [[...], ...]})``.

What an engine hands the readers (``sheets.source.SheetSource``): the sheet names and each sheet's
rows from row 1, plus, when given, its Excel Tables and merged ranges.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlwings_app.sheets.source import TableInfo


class Rows:
    """The sheets ``sheets`` (name → rows from row 1), their ``tables`` and ``merged`` ranges."""

    def __init__(
        self,
        sheets: dict[str, Sequence[Sequence[object]]],
        tables: dict[str, list[TableInfo]] | None = None,
        merged: dict[str, list[str]] | None = None,
    ) -> None:
        self._sheets = {name: [list(row) for row in rows] for name, rows in sheets.items()}
        self._tables = tables or {}
        self._merged = merged
        self.reads: list[str] = []

    @property
    def sheetnames(self) -> list[str]:
        return list(self._sheets)

    def iter_values(self, sheet: str) -> list[list[object]]:
        self.reads.append(sheet)
        return self._sheets[sheet]

    def tables(self, sheet: str) -> list[TableInfo]:
        return self._tables.get(sheet, [])

    def merged(self, sheet: str) -> list[str]:
        return (self._merged or {}).get(sheet, [])


def numbered(rows: Sequence[Sequence[object]]) -> list[tuple[int, Sequence[object]]]:
    """``rows`` with their 1-based row numbers, as ``sheets.source.sheet_rows`` gives them."""
    return list(enumerate(rows, start=1))
