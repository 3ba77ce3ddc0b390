"""Sheets Hasil and Rekap as zip parts, for ``xlsx_patch`` (``kinerja hitung``'s fast writer).

A small scratch workbook made by openpyxl gives everything around the cells, exactly as the
openpyxl writer (``results_sheets``) makes it: the sheet XML around ``<sheetData>`` (widths,
frozen panes, print setup), the table ``TabelHasil``, Rekap's drawing and charts, the print titles
and the cell formats (one per combination of span styles). The cells themselves are streamed as
XML from ``SheetValues`` (text as inline strings), so Hasil never becomes openpyxl cells.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import TableColumn

from xlwings_app import layout as L
from xlwings_app.adapters.results_sheets import _styled, write_hasil, write_rekap
from xlwings_app.adapters.results_values import HASIL_HEADER_ROW, SheetValues

STYLE_SHEET = "_gaya"
"""The scratch sheet holding one cell per style combination (never copied into the master)."""


def _span_styles(sheet: SheetValues) -> dict[tuple[int, int], tuple[str, ...]]:
    """Each cell's style names, in span order (as ``results_sheets.write_values`` applies them)."""
    styles: dict[tuple[int, int], tuple[str, ...]] = {}
    get = styles.get
    for span in sheet.spans:
        names = (span.style,)
        cols = range(span.col, span.col + span.cols)
        for row in range(span.row, span.row + span.rows):
            for col in cols:
                key = (row, col)
                styles[key] = get(key, ()) + names
    return styles


def _cell_xml(ref: str, value: object, xf: int | None) -> str:
    s = f' s="{xf}"' if xf else ""
    if value is None or value == "":  # as openpyxl: an empty text is an empty cell
        return f'<c r="{ref}"{s}/>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float) and math.isfinite(value):
        return f'<c r="{ref}"{s}><v>{value:.16g}</v></c>'  # openpyxl's own precision
    if isinstance(value, str):
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'
    raise TypeError(f"Nilai sel {ref} tidak dapat ditulis: {value!r}")


@dataclass
class SheetRows:
    """One sheet's cells as ``<row>`` XML, with its style combinations' scratch format ids."""

    sheet: SheetValues
    styles: dict[tuple[int, int], tuple[str, ...]]
    xf_of: dict[tuple[str, ...], int]

    @cached_property
    def bounds(self) -> tuple[int, int]:
        keys = (self.sheet.cells, self.styles)
        rows = max((max(map(itemgetter(0), k)) for k in keys if k), default=1)
        cols = max((max(map(itemgetter(1), k)) for k in keys if k), default=1)
        return rows, cols

    @property
    def dimension(self) -> str:
        rows, cols = self.bounds
        return f"A1:{get_column_letter(cols)}{rows}"

    def chunks(self, xf_map: dict[int, int]) -> Iterator[str]:
        """The ``<row>`` elements, a row at a time; ``xf_map``: scratch format id -> master's."""
        rows, cols = self.bounds
        cells, styles = self.sheet.cells, self.styles
        xf = {names: xf_map[i] for names, i in self.xf_of.items()}
        letters = [get_column_letter(c) for c in range(1, cols + 1)]
        for r in range(1, rows + 1):
            parts = []
            for c in range(1, cols + 1):
                key = (r, c)
                names = styles.get(key)
                if key in cells or names:
                    parts.append(_cell_xml(f"{letters[c - 1]}{r}", cells.get(key), xf[names] if names else None))
            if parts:
                yield f'<row r="{r}">{"".join(parts)}</row>'


@dataclass
class ResultParts:
    """The scratch workbook (bytes) and the rows of each sheet it holds a template of."""

    scratch: bytes
    rows: dict[str, SheetRows]


def build_parts(
    hasil: SheetValues, rekap: SheetValues, unit: str, tahun: int, rekap_args: tuple[Any, ...]
) -> ResultParts:
    """Build the scratch workbook: Hasil without rows (table ref set for all), Rekap whole."""
    lay = L.layout()
    wb = Workbook()
    write_hasil(wb, [], unit, tahun)
    table = wb[lay.hasil_sheet].tables[lay.hasil_name]
    # Named columns now: else saving reads the header through ws[ref], making every cell of the range.
    table.tableColumns = [TableColumn(id=i, name=str(h)) for i, h in enumerate(lay.hasil_headers, start=1)]
    last = max(hasil.shape[0], HASIL_HEADER_ROW + 1)
    table.ref = f"A{HASIL_HEADER_ROW}:{get_column_letter(len(lay.hasil_headers))}{last}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    write_rekap(wb, *rekap_args)
    gaya = wb.create_sheet(STYLE_SHEET)
    rows: dict[str, SheetRows] = {}
    xf_of: dict[tuple[str, ...], int] = {}
    for sheet in (hasil, rekap):
        styles = _span_styles(sheet)
        for names in dict.fromkeys(styles.values()):
            if names not in xf_of:
                cell = gaya.cell(len(xf_of) + 1, 1)
                for name in names:
                    _styled(cell, name)
                xf_of[names] = cell.style_id
        rows[sheet.name] = SheetRows(sheet, styles, xf_of)
    buffer = io.BytesIO()
    wb.save(buffer)
    return ResultParts(buffer.getvalue(), rows)
