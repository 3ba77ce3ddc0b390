"""A form file's cells through python-calamine, as openpyxl's read-only mode hands them to the form reader.

``FormCells(path)`` gives the sheet names and, per sheet, each row's ``forms.filled.Cell`` (address,
value, formula or not) from row 1 to the sheet's last row, every row as wide as the sheet's
``<dimension>`` (what openpyxl's ``iter_rows`` yields). Values are ``calamine.CalamineSource``'s
(``None`` for empty, whole numbers ``int``, percent-formatted numbers ``numbers.Percent``, error
text); a formula cell, which calamine reads as its cached value, gets what openpyxl gives without
``data_only``: ``"="`` and its formula text, found with its address in the sheet's XML. A shared or
array formula (openpyxl translates those) raises ``calamine.Unsuitable``: the caller reads the file
with openpyxl.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from xlwings_app.adapters.xlsx.calamine import CalamineSource, Unsuitable, _column, _unescape
from xlwings_app.forms.filled import Cell
from xlwings_app.sheets.grid import column_letter

_FORMULA = re.compile(rb"<c\b([^>]*)>\s*<f\b([^>]*?)(?:/>|>([^<]*)</f>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
_DIMENSION = re.compile(rb'<dimension ref="(?:[A-Z]{1,3}[0-9]+:)?([A-Z]{1,3})([0-9]+)"')


class FormCells:
    """A form workbook read by calamine (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self._source = CalamineSource(path)

    def close(self) -> None:
        self._source.close()

    @property
    def sheetnames(self) -> list[str]:
        return self._source.sheetnames

    def values(self, sheet: str) -> list[list[object]]:
        """The sheet's values (formula cells as their cached values)."""
        return [list(row) for row in self._source.iter_values(sheet)]

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
        """Each row's cells, from row 1, padded to the sheet's ``<dimension>``."""
        part = self._source._parts.get(sheet)
        if part is None:
            raise Unsuitable(f"bagian sheet {sheet} tidak ditemukan")
        xml = self._source._archive.read(part)
        grid = self._source.iter_values(sheet)
        formulas: dict[tuple[int, int], str] = {}
        if b"<f" in xml:
            for match in _FORMULA.finditer(xml):
                attrs = match.group(2)
                if b"t=" in attrs or b"ref=" in attrs:  # shared, array or data table
                    raise Unsuitable(f"sheet {sheet} memakai rumus bersama")
                ref = _REF.search(match.group(1))
                if ref is None:
                    raise Unsuitable("sel rumus tanpa alamat")
                formulas[(int(ref.group(2)), _column(ref.group(1)))] = "=" + _unescape(match.group(3) or b"")
        dim = _DIMENSION.search(xml)
        width = max(_column(dim.group(1)) if dim else 0, max((len(r) for r in grid), default=0))
        height = max(int(dim.group(2)) if dim else 0, len(grid))
        letters = [column_letter(c) for c in range(1, width + 1)]
        for r in range(1, height + 1):
            values = grid[r - 1] if r <= len(grid) else ()
            cells = []
            for c in range(1, width + 1):
                formula = formulas.get((r, c))
                if formula is not None:
                    cells.append(Cell(f"{letters[c - 1]}{r}", formula, True))
                else:
                    cells.append(Cell(f"{letters[c - 1]}{r}", values[c - 1] if c <= len(values) else None))
            yield r, cells
