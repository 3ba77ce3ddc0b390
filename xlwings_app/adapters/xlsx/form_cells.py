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

from xlwings_app.adapters.xlsx.calamine import CalamineSource, Unsuitable
from xlwings_app.adapters.xlsx.xml_text import xml_unescape
from xlwings_app.domain.cell_addresses import column_letter, column_number
from xlwings_app.forms.filled import Cell

_FORMULA = re.compile(rb"<c\b([^>]*)>\s*<f\b([^>]*?)(?:/>|>([^<]*)</f>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
_DIMENSION = re.compile(rb'<dimension ref="(?:[A-Z]{1,3}[0-9]+:)?([A-Z]{1,3})([0-9]+)"')


class _FormSource(CalamineSource):
    """Calamine's source, leaving out its search for uncached formulas in a sheet whose formula
    cells the caller reads itself (``FormCells.rows``: every formula cell gets its text there)."""

    reading_formulas = False

    def _reads_formulas(self) -> bool:
        return not self.reading_formulas


class FormCells:
    """A form workbook read by calamine (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self._source = _FormSource(path)

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
        source = self._source
        part = source._parts.get(sheet)
        if part is None:
            raise Unsuitable(f"bagian sheet {sheet} tidak ditemukan")
        source.reading_formulas = True
        try:  # the grid only: its formula cells are all replaced below
            grid = source._load(sheet)
        finally:
            source.reading_formulas = False
        xml = source._part(part)
        formulas: dict[int, list[tuple[int, str]]] = {}
        if b"<f" in xml:
            for match in _FORMULA.finditer(xml):
                attrs = match.group(2)
                if b"t=" in attrs or b"ref=" in attrs:  # shared, array or data table
                    raise Unsuitable(f"sheet {sheet} memakai rumus bersama")
                ref = _REF.search(match.group(1))
                if ref is None:
                    raise Unsuitable("sel rumus tanpa alamat")
                text = "=" + xml_unescape(match.group(3) or b"")
                formulas.setdefault(int(ref.group(2)), []).append((column_number(ref.group(1).decode("ascii")) - 1, text))
        dim = _DIMENSION.search(xml)
        width = max(column_number(dim.group(1).decode("ascii")) if dim else 0, max((len(r) for r in grid), default=0))
        height = max(int(dim.group(2)) if dim else 0, len(grid))
        letters = [column_letter(c) for c in range(1, width + 1)]
        blank = [None] * width
        for r in range(1, height + 1):
            values = grid[r - 1] + blank[len(grid[r - 1]) :] if r <= len(grid) else blank
            addresses = [f"{letter}{r}" for letter in letters]
            cells = list(map(Cell, addresses, values))
            for c, text in formulas.get(r, ()):  # a cell written twice: its last formula
                if c < width:
                    cells[c] = Cell(addresses[c], text, True)
            yield r, cells
