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
from collections.abc import Iterator, Sequence
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
from xlwings_app.adapters.results_values import HASIL_HEADER_ROW, SheetValues, hasil_values
from xlwings_app.adapters.xlsx_patch import PatchUnsupported
from xlwings_app.domain.measure import Hasil

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

    def chunks(self, xf_map: dict[int, int], first: int = 1, offset: int = 0) -> Iterator[str]:
        """The ``<row>`` elements from row ``first``, numbered ``offset`` lower down;
        ``xf_map``: scratch format id -> master's."""
        rows, cols = self.bounds
        cells, styles = self.sheet.cells, self.styles
        try:
            xf = {names: xf_map[self.xf_of[names]] for names in set(styles.values())}
        except KeyError as exc:  # a style combination the scratch workbook did not register
            raise PatchUnsupported(f"gaya sel tidak terdaftar: {exc}") from exc
        letters = [get_column_letter(c) for c in range(1, cols + 1)]
        for r in range(first, rows + 1):
            parts = []
            for c in range(1, cols + 1):
                key = (r, c)
                names = styles.get(key)
                if key in cells or names:
                    at = f"{letters[c - 1]}{r + offset}"
                    parts.append(_cell_xml(at, cells.get(key), xf[names] if names else None))
            if parts:
                yield f'<row r="{r + offset}">{"".join(parts)}</row>'


@dataclass
class HasilRows:
    """Sheet Hasil's rows, made ``CHUNK`` results at a time (``hasil_values`` of each slice, rows
    moved down): the rows of all results are never in memory at once. Exact because
    ``hasil_values`` styles each result's row from its own values and the column only."""

    results: Sequence[Hasil]
    unit: str
    tahun: int
    xf_of: dict[tuple[str, ...], int]
    CHUNK = 5000

    @property
    def bounds(self) -> tuple[int, int]:
        return HASIL_HEADER_ROW + len(self.results), len(L.layout().hasil_headers)

    @property
    def dimension(self) -> str:
        rows, cols = self.bounds
        return f"A1:{get_column_letter(cols)}{rows}"

    def sample(self) -> SheetValues:
        """Title, header and one row per status: every style combination Hasil uses."""
        one = {h.status: h for h in self.results}
        return hasil_values(list(one.values()), self.unit, self.tahun)

    def chunks(self, xf_map: dict[int, int]) -> Iterator[str]:
        for start in range(0, max(len(self.results), 1), self.CHUNK):
            sheet = hasil_values(self.results[start : start + self.CHUNK], self.unit, self.tahun)
            part = SheetRows(sheet, _span_styles(sheet), self.xf_of)
            first = 1 if start == 0 else HASIL_HEADER_ROW + 1
            yield from part.chunks(xf_map, first, start)


@dataclass
class ResultParts:
    """The scratch workbook (bytes) and the rows of each sheet it holds a template of."""

    scratch: bytes
    rows: dict[str, SheetRows | HasilRows]


def build_parts(results: Sequence[Hasil], rekap: SheetValues, unit: str, tahun: int, rekap_args: tuple[Any, ...]) -> ResultParts:
    """Build the scratch workbook: Hasil without rows (table ref set for all), Rekap whole."""
    lay = L.layout()
    wb = Workbook()
    write_hasil(wb, [], unit, tahun)
    table = wb[lay.hasil_sheet].tables[lay.hasil_name]
    # Named columns now: else saving reads the header through ws[ref], making every cell of the range.
    table.tableColumns = [TableColumn(id=i, name=str(h)) for i, h in enumerate(lay.hasil_headers, start=1)]
    last = max(HASIL_HEADER_ROW + len(results), HASIL_HEADER_ROW + 1)
    table.ref = f"A{HASIL_HEADER_ROW}:{get_column_letter(len(lay.hasil_headers))}{last}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    write_rekap(wb, *rekap_args)
    gaya = wb.create_sheet(STYLE_SHEET)
    xf_of: dict[tuple[str, ...], int] = {}
    hasil = HasilRows(results, unit, tahun, xf_of)
    rekap_rows = SheetRows(rekap, _span_styles(rekap), xf_of)
    for styles in (_span_styles(hasil.sample()), rekap_rows.styles):
        for names in dict.fromkeys(styles.values()):
            if names not in xf_of:
                cell = gaya.cell(len(xf_of) + 1, 1)
                for name in names:
                    _styled(cell, name)
                xf_of[names] = cell.style_id
    buffer = io.BytesIO()
    wb.save(buffer)
    return ResultParts(buffer.getvalue(), {lay.hasil_sheet: hasil, rekap.name: rekap_rows})
