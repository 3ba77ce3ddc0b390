"""Sheets Hasil and Rekap as zip parts, for ``adapters.xlsx.patch`` (``kinerja hitung``'s fast writer).

A small scratch workbook made by openpyxl gives everything around the cells, exactly as the
openpyxl writer (``adapters.openpyxl.results``) makes it: the sheet XML around ``<sheetData>`` (widths,
frozen panes, print setup), the table ``TabelHasil``, Rekap's drawing and charts, the print titles
and the cell formats (one per combination of span styles). The cells themselves are streamed as
XML (text as inline strings): Rekap from its ``SheetValues``, Hasil a result at a time from
``hasil_row``, so Hasil's rows never become openpyxl cells nor sit in memory all at once.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import TableColumn

from xlwings_app.adapters.openpyxl.grid import cell_styles, style_cell
from xlwings_app.adapters.openpyxl.results import write_hasil, write_rekap
from xlwings_app.adapters.xlsx.patch import PatchUnsupported
from xlwings_app.domain.measure import Hasil
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import SheetValues, excel_value
from xlwings_app.sheets.results import hasil_row, hasil_values

STYLE_SHEET = "_gaya"
"""The scratch sheet holding one cell per style combination (never copied into the master)."""


def _cell_xml(ref: str, value: object, s: str) -> str:
    """One ``<c>`` element; ``s`` is its style attribute (`` s="N"``) or empty."""
    kind = type(value)
    if kind is str and value:
        text = str(value)
        if "&" in text or "<" in text or ">" in text:
            text = escape(text)
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if value is None or value == "":  # as openpyxl: an empty text is an empty cell
        return f'<c r="{ref}"{s}/>'
    if kind is int or (kind is float and math.isfinite(value)):  # type: ignore[arg-type]
        return f'<c r="{ref}"{s}><v>{value:.16g}</v></c>'  # openpyxl's own precision
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    raise TypeError(f"Nilai sel {ref} tidak dapat ditulis: {value!r}")


def _attr(xf: int) -> str:
    return f' s="{xf}"' if xf else ""


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
            xf = {names: _attr(xf_map[self.xf_of[names]]) for names in set(styles.values())}
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
                    parts.append(_cell_xml(at, cells.get(key), xf[names] if names else ""))
            if parts:
                yield f'<row r="{r + offset}">{"".join(parts)}</row>'


@dataclass
class HasilRows:
    """Sheet Hasil's rows, streamed: ``hasil_row`` of each result, styled from one template row per
    status (made by ``hasil_values``), so the rows of all results are never in memory at once.
    Exact because ``hasil_values`` styles a result's row from its status and the column only
    (a test compares this with ``hasil_values`` of all results)."""

    results: Sequence[Hasil]
    unit: str
    tahun: int
    xf_of: dict[tuple[str, ...], int]

    @property
    def bounds(self) -> tuple[int, int]:
        lay = L.layout().hasil
        return lay.header_row + len(self.results), len(lay.headers)

    @property
    def dimension(self) -> str:
        rows, cols = self.bounds
        return f"A1:{get_column_letter(cols)}{rows}"

    def _representatives(self) -> list[Hasil]:
        return list({h.status: h for h in self.results}.values())

    def sample(self) -> SheetValues:
        """Title, header and one row per status: every style combination Hasil uses."""
        return hasil_values(self._representatives(), self.unit, self.tahun)

    def _row_styles(self, xf_map: dict[int, int]) -> dict[object, list[str]]:
        """Each status's style attribute per column (a data row's styles depend on nothing else)."""
        styles = cell_styles(self.sample())
        cols = self.bounds[1]
        try:
            return {
                h.status: [
                    _attr(xf_map[self.xf_of[names]]) if (names := styles.get((row, c))) else ""
                    for c in range(1, cols + 1)
                ]
                for row, h in enumerate(self._representatives(), start=L.layout().hasil.header_row + 1)
            }
        except KeyError as exc:
            raise PatchUnsupported(f"gaya sel tidak terdaftar: {exc}") from exc

    def chunks(self, xf_map: dict[int, int]) -> Iterator[str]:
        head = hasil_values([], self.unit, self.tahun)
        yield from SheetRows(head, cell_styles(head), self.xf_of).chunks(xf_map)
        row_styles = self._row_styles(xf_map)
        cols = self.bounds[1]
        letters = [get_column_letter(c) for c in range(1, cols + 1)]
        first = L.layout().hasil.header_row + 1
        for at, h in enumerate(self.results, start=first):
            s = row_styles[h.status]
            values = [excel_value(v) for v in hasil_row(h)]
            xml = "".join(
                _cell_xml(f"{letters[c]}{at}", value, s[c]) for c, value in enumerate(values)
            )
            yield f'<row r="{at}">{xml}</row>'


@dataclass
class ResultParts:
    """The scratch workbook (bytes) and the rows of each sheet it holds a template of."""

    scratch: bytes
    rows: dict[str, SheetRows | HasilRows]


def build_parts(results: Sequence[Hasil], rekap: SheetValues, unit: str, tahun: int) -> ResultParts:
    """Build the scratch workbook: Hasil without rows (table ref set for all), Rekap whole from
    ``rekap`` (``sheets.results.rekap_values``, built once by the caller)."""
    lay = L.layout().hasil
    wb = Workbook()
    write_hasil(wb, [], unit, tahun)
    table = wb[lay.sheet].tables[lay.name]
    # Named columns now: else saving reads the header through ws[ref], making every cell of the range.
    table.tableColumns = [TableColumn(id=i, name=str(h)) for i, h in enumerate(lay.headers, start=1)]
    last = max(lay.header_row + len(results), lay.header_row + 1)
    table.ref = f"A{lay.header_row}:{get_column_letter(len(lay.headers))}{last}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    write_rekap(wb, rekap)
    gaya = wb.create_sheet(STYLE_SHEET)
    xf_of: dict[tuple[str, ...], int] = {}
    hasil = HasilRows(results, unit, tahun, xf_of)
    rekap_rows = SheetRows(rekap, cell_styles(rekap), xf_of)
    for styles in (cell_styles(hasil.sample()), rekap_rows.styles):
        for names in dict.fromkeys(styles.values()):
            if names not in xf_of:
                cell = gaya.cell(len(xf_of) + 1, 1)
                for name in names:
                    style_cell(cell, name)
                xf_of[names] = cell.style_id
    buffer = io.BytesIO()
    wb.save(buffer)
    return ResultParts(buffer.getvalue(), {lay.sheet: hasil, rekap.name: rekap_rows})
