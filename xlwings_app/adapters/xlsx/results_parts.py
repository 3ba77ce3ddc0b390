"""Sheets Hasil and Rekap written into the master's package (``kinerja hitung``'s fast writer).

``write_results(package, change)`` replaces both sheets (``package.Package.replace_sheet``) with
what the openpyxl writer (``adapters.openpyxl.results``) makes of the same ``PutResults``, written
here as XML text (no openpyxl: ``kinerja hitung`` never imports it): each sheet's XML around
``<sheetData>`` (widths, frozen panes, merges, print setup), the table ``TabelHasil``, Rekap's
drawing and charts (``chart_xml``, from ``sheets.results.rekap_charts``), Hasil's print titles and
the cell formats (``styles_xml``, one per combination of span styles, merged into the master's).
The cells are streamed as XML when the package is saved (``cell_xml``, text as inline strings):
Rekap from its ``SheetValues``, Hasil a result at a time from ``hasil_row`` (``row_writer``), so
Hasil's rows never sit in memory all at once. Every other part of the master is copied as stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

from xlwings_app.adapters.xlsx.cell_xml import style_attribute, styled_cell
from xlwings_app.adapters.xlsx.chart_xml import chart_part, drawing_part
from xlwings_app.adapters.xlsx.package import (
    CHART,
    CHART_TYPE,
    DRAWING,
    DRAWING_TYPE,
    MAIN,
    REL,
    TABLE,
    TABLE_TYPE,
    NewPart,
    Package,
    PatchUnsupported,
)
from xlwings_app.adapters.xlsx.row_writer import RowWriter
from xlwings_app.adapters.xlsx.styles_xml import Styles, cell_format
from xlwings_app.adapters.xlsx.xml_text import xml_attribute, xml_text
from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.measure import Hasil
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.changes import PutResults
from xlwings_app.sheets.grid import SheetValues, cell_styles
from xlwings_app.sheets.hasil_spool import HasilSpool
from xlwings_app.sheets.results import REKAP_META_COLUMN, REKAP_WIDTHS, hasil_row, hasil_values, rekap_charts


@dataclass
class SheetRows:
    """One sheet's cells as ``<row>`` XML, with the format id (in ``Styles``) of each style combination."""

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
        return f"A1:{column_letter(cols)}{rows}"

    def chunks(self, xf_map: dict[int, int], first: int = 1, offset: int = 0) -> Iterator[str]:
        """The ``<row>`` elements from row ``first``, numbered ``offset`` lower down;
        ``xf_map``: ``Styles`` format id -> the master's."""
        rows, cols = self.bounds
        cells, styles = self.sheet.cells, self.styles
        try:
            xf = {names: style_attribute(xf_map[self.xf_of[names]]) for names in set(styles.values())}
        except KeyError as exc:  # a style combination not registered in Styles
            raise PatchUnsupported(f"gaya sel tidak terdaftar: {exc}") from exc
        letters = [column_letter(c) for c in range(1, cols + 1)]
        for r in range(first, rows + 1):
            parts = []
            for c in range(1, cols + 1):
                key = (r, c)
                names = styles.get(key)
                if key in cells or names:
                    at = f"{letters[c - 1]}{r + offset}"
                    parts.append(styled_cell(at, xf[names] if names else "", cells.get(key)))
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
        return f"A1:{column_letter(cols)}{rows}"

    def _representatives(self) -> list[Hasil]:
        if isinstance(self.results, HasilSpool):  # it knows them: no pass over the file
            return self.results.by_status()
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
                    style_attribute(xf_map[self.xf_of[names]]) if (names := styles.get((row, c))) else ""
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
        letters = [column_letter(c) for c in range(1, cols + 1)]
        first = L.layout().hasil.header_row + 1
        columns = {status: list(zip(letters, styles, strict=True)) for status, styles in row_styles.items()}
        results = self.results
        rows = results.cell_rows() if isinstance(results, HasilSpool) else ((h.status, hasil_row(h)) for h in results)
        write = RowWriter(columns)
        for at, (status, values) in enumerate(rows, start=first):
            yield write(at, status, values)


STREAMED_ROWS = 4_000_000
"""The most rows of a sheet part written by ``zip_copy.write_streamed``, whose sizes must stay under
4 GB: a row of sheet Hasil is about 700 bytes of XML, so 4 million rows are 2,8 GB (Excel's sheets
hold 1.048.576). A larger part is written by ``zipfile`` with zip64 sizes."""


def results_rows(change: PutResults) -> tuple[HasilRows, SheetRows, Styles]:
    """The rows of sheets Hasil and Rekap, and the cell formats they use (each style combination
    registered once, in ``Styles``); ``PatchUnsupported`` for a style no cell format holds."""
    styles = Styles()
    xf_of: dict[tuple[str, ...], int] = {}
    hasil = HasilRows(change.semua_periode, change.unit, change.tahun, xf_of)
    rekap_rows = SheetRows(change.rekap, cell_styles(change.rekap), xf_of)
    for found in (cell_styles(hasil.sample()), rekap_rows.styles):
        for names in dict.fromkeys(found.values()):
            if names not in xf_of:
                try:
                    xf_of[names] = styles.add(cell_format(names))
                except ValueError as exc:
                    raise PatchUnsupported(str(exc)) from exc
    return hasil, rekap_rows, styles


def write_results(package: Package, change: PutResults) -> None:
    """Replace sheets Hasil and Rekap of ``package`` by ``change``'s (Hasil without rows in memory:
    its table's range set for all, its rows streamed at save; Rekap whole from ``change.rekap``,
    built once by the caller). ``PatchUnsupported`` (nothing changed) when a sheet is missing or a
    style cannot be written as a cell format."""
    lay = L.layout().hasil
    rekap = change.rekap
    for name in (lay.sheet, rekap.name):
        package.sheet_part(name)
    hasil, rekap_rows, styles = results_rows(change)
    for sheet in (rekap, hasil_values([], change.unit, change.tahun)):
        if any(span.style.startswith(("width:", "height:")) for span in sheet.spans):
            raise PatchUnsupported("lebar kolom atau tinggi baris dari gaya sel")
    last = max(lay.header_row + len(change.semua_periode), lay.header_row + 1)
    charts = rekap_charts(lambda row, col: rekap.cells.get((row, col)))
    xf_map = package.merge_styles(styles.xml())
    table = NewPart(
        "xl/tables/table", TABLE_TYPE, TABLE,
        _table_xml(lay.name, lay.headers, f"A{lay.header_row}:{column_letter(len(lay.headers))}{last}"),
    )  # fmt: skip
    hasil_sheet = _sheet_xml(
        hasil_values([], change.unit, change.tahun),
        hasil.dimension,
        widths=dict(enumerate(lay.widths, start=1)),
        freeze=(lay.header_row, 3),
        tail='<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
    )
    package.replace_sheet(lay.sheet, _pieces(hasil_sheet, hasil, xf_map), [table], zip64=hasil.bounds[0] > STREAMED_ROWS)
    drawing = NewPart(
        "xl/drawings/drawing", DRAWING_TYPE, DRAWING, drawing_part(charts),
        [NewPart("xl/charts/chart", CHART_TYPE, CHART, chart_part(spec, rekap.name)) for spec in charts],
    )  # fmt: skip
    rekap_sheet = _sheet_xml(
        rekap,
        rekap_rows.dimension,
        widths=dict(enumerate(REKAP_WIDTHS, start=1)),
        hidden=(REKAP_META_COLUMN,),
        tail='<drawing r:id="rId1"/>' if charts else "",
    )
    package.replace_sheet(
        rekap.name, _pieces(rekap_sheet, rekap_rows, xf_map), [drawing] if charts else [],
        zip64=rekap_rows.bounds[0] > STREAMED_ROWS,
    )  # fmt: skip
    package.set_local_names(lay.sheet, {"_xlnm.Print_Titles": f"{xml_text(_quoted(lay.sheet))}!${lay.header_row}:${lay.header_row}"})
    package.set_local_names(rekap.name, {})
    package.recalculate_on_load()


def _pieces(sheet: tuple[str, str], rows: SheetRows | HasilRows, xf_map: dict[int, int]) -> Callable[[], Iterator[bytes]]:
    """The sheet part: ``sheet``'s XML before and after the rows, ``rows`` streamed between."""
    before, after = sheet

    def pieces() -> Iterator[bytes]:
        yield before.encode("utf-8")
        batch: list[str] = []
        for chunk in rows.chunks(xf_map):
            batch.append(chunk)
            if len(batch) >= 2000:
                yield "".join(batch).encode("utf-8")
                batch.clear()
        yield "".join(batch).encode("utf-8") + after.encode("utf-8")

    return pieces


_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _table_xml(name: str, headers: Sequence[str], ref: str) -> str:
    """The table's part (its id set by ``Package.add_part``)."""
    columns = "".join(f"<tableColumn id=\"{i}\" name={xml_attribute(str(h))}/>" for i, h in enumerate(headers, 1))
    return (
        f'{_HEAD}<table xmlns="{MAIN}" id="1" name="{name}" displayName="{name}" ref="{ref}" headerRowCount="1">'
        f'<tableColumns count="{len(headers)}">{columns}</tableColumns>'
        '<tableStyleInfo name="TableStyleLight9" showRowStripes="1"/></table>'
    )


HIDDEN_WIDTH = 13
"""A hidden column's width as the openpyxl writer stores it (its default column width)."""


def _sheet_xml(
    sheet: SheetValues,
    dimension: str,
    widths: dict[int, float],
    freeze: tuple[int, int] | None = None,
    hidden: Sequence[int] = (),
    tail: str = "",
) -> tuple[str, str]:
    """The sheet's XML before and after its rows: its ``dimension``, widths, frozen panes below row
    ``freeze[0]`` right of column ``freeze[1]``, then (after the rows) merges, A4 landscape one
    page wide (as ``adapters.openpyxl.sheet_format.print_setup``) and ``tail`` (table or drawing)."""
    if freeze:
        row, col = freeze
        top_left = f"{column_letter(col + 1)}{row + 1}"
        view = (
            f'<sheetView workbookViewId="0"><pane xSplit="{col}" ySplit="{row}" topLeftCell="{top_left}" '
            'activePane="bottomRight" state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/>'
            '<selection pane="bottomRight" activeCell="A1" sqref="A1"/></sheetView>'
        )
    else:
        view = '<sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView>'
    cols = {c: f'<col width="{w:g}" customWidth="1" min="{c}" max="{c}"/>' for c, w in widths.items()}
    for c in hidden:
        cols[c] = f'<col hidden="1" width="{widths.get(c, HIDDEN_WIDTH):g}" customWidth="1" min="{c}" max="{c}"/>'
    merges = [
        f'<mergeCell ref="{column_letter(s.col)}{s.row}:{column_letter(s.col + s.cols - 1)}{s.row + s.rows - 1}"/>'
        for s in sheet.spans
        if s.style == "merge"
    ]
    merged = f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>' if merges else ""
    before = (
        f'{_HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/>'
        f'<pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="{dimension}"/>'
        f'<sheetViews>{view}</sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
        f'<cols>{"".join(cols[c] for c in sorted(cols))}</cols><sheetData>'
    )
    after = (
        f'</sheetData>{merged}<printOptions gridLines="0"/>'
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        f'<pageSetup orientation="landscape" paperSize="9" fitToHeight="0" fitToWidth="1"/>{tail}</worksheet>'
    )
    return before, after
