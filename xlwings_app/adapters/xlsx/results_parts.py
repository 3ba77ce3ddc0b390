"""Sheets Hasil and Rekap as zip parts, for ``adapters.xlsx.patch`` (``kinerja hitung``'s fast writer).

A small scratch workbook, written here as XML text (no openpyxl: ``kinerja hitung`` never imports
it), gives everything around the cells as the openpyxl writer (``adapters.openpyxl.results``) makes
it: the sheet XML around ``<sheetData>`` (widths, frozen panes, print setup), the table
``TabelHasil``, Rekap's drawing and charts (``chart_xml``, from ``sheets.results.rekap_charts``),
the print titles and the cell formats (``styles_xml``, one per combination of span styles). The
cells themselves are streamed as XML (text as inline strings): Rekap from its ``SheetValues``,
Hasil a result at a time from ``hasil_row``, so Hasil's rows never sit in memory all at once.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from operator import itemgetter
from typing import cast

from xlwings_app.adapters.xlsx.chart_xml import chart_part, drawing_part
from xlwings_app.adapters.xlsx.patch import PatchUnsupported
from xlwings_app.adapters.xlsx.styles_xml import Styles, cell_format
from xlwings_app.adapters.xlsx.xml_text import xml_attribute, xml_text
from xlwings_app.domain.measure import Hasil
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import SheetValues, cell_styles, column_letter, excel_value
from xlwings_app.sheets.hasil_spool import HasilSpool
from xlwings_app.sheets.results import REKAP_META_COLUMN, REKAP_WIDTHS, hasil_row, hasil_values, rekap_charts


def _cell_xml(ref: str, value: object, s: str) -> str:
    """One ``<c>`` element; ``s`` is its style attribute (`` s="N"``) or empty."""
    kind = type(value)
    if kind is str and value:
        text = str(value)
        if "&" in text or "<" in text or ">" in text:
            text = xml_text(text)
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
        return f"A1:{column_letter(cols)}{rows}"

    def chunks(self, xf_map: dict[int, int], first: int = 1, offset: int = 0) -> Iterator[str]:
        """The ``<row>`` elements from row ``first``, numbered ``offset`` lower down;
        ``xf_map``: scratch format id -> master's."""
        rows, cols = self.bounds
        cells, styles = self.sheet.cells, self.styles
        try:
            xf = {names: _attr(xf_map[self.xf_of[names]]) for names in set(styles.values())}
        except KeyError as exc:  # a style combination the scratch workbook did not register
            raise PatchUnsupported(f"gaya sel tidak terdaftar: {exc}") from exc
        letters = [column_letter(c) for c in range(1, cols + 1)]
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
        letters = [column_letter(c) for c in range(1, cols + 1)]
        first = L.layout().hasil.header_row + 1
        columns = {status: list(zip(letters, styles, strict=True)) for status, styles in row_styles.items()}
        results = self.results
        rows = results.cell_rows() if isinstance(results, HasilSpool) else ((h.status, hasil_row(h)) for h in results)
        write = RowWriter(columns)
        for at, (status, values) in enumerate(rows, start=first):
            yield write(at, status, values)


def _row_xml(at: int, columns: Sequence[tuple[str, str]], values: Sequence[object]) -> str:
    """One Hasil ``<row>``: ``_cell_xml`` of each value, fused into one loop (a 100.000-indicator
    workbook writes 6,5 million of these cells); a Decimal is written as ``excel_value`` makes it
    (an integral one as an int: both print the same digits through ``.16g``)."""
    cells: list[str] = []
    append = cells.append
    for (letter, s), value in zip(columns, values, strict=True):
        kind = type(value)
        if kind is float:  # as _cell_xml writes it
            if math.isfinite(value):  # type: ignore[arg-type]
                append(f'<c r="{letter}{at}"{s}><v>{value:.16g}</v></c>')
                continue
        elif kind is Decimal:
            number = float(value)  # type: ignore[arg-type]
            if math.isfinite(number):
                append(f'<c r="{letter}{at}"{s}><v>{number:.16g}</v></c>')
                continue
        elif kind is str and value:
            text = str(value)
            if "&" in text or "<" in text or ">" in text:
                text = xml_text(text)
            space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
            append(f'<c r="{letter}{at}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            continue
        elif value is None or value == "":
            append(f'<c r="{letter}{at}"{s}/>')
            continue
        append(_cell_xml(f"{letter}{at}", excel_value(value), s))
    return f'<row r="{at}">{"".join(cells)}</row>'


_LETTERS = re.compile("[A-Z]{1,3}")
_STYLE = re.compile(' s="[0-9]+"|')
_KINDS = frozenset((str, float, type(None)))
"""The kinds of value a generated row function writes (the spool's cells); others: ``_row_xml``."""


class RowWriter:
    """``_row_xml`` of a Hasil row, through a Python function made once per status and shape (the
    kind of each value: text, float, none) whose one f-string writes the whole row: 13 cells in a
    fraction of the time of one ``_cell_xml`` each (sheet Hasil of 100,000 indicators has 6,5
    million). A text's element (``_text_tail``) and a number's digits (``_number``) are kept for
    the values that repeat (jenis, satuan, period, predikat, status, notes; capaian of 2 decimals);
    a row with a float that is not finite, or a value of another kind (a Decimal), is written by
    ``_row_xml``, which says what is wrong with it."""

    MAKE_AFTER = 50
    """Rows of a shape written by ``_row_xml`` before its function is made: a small workbook (S:
    425 rows) is not worth compiling a function for each of its shapes."""
    _TEXTS_KEPT = 20_000
    _NUMBERS_KEPT = 50_000

    def __init__(self, columns: Mapping[object, Sequence[tuple[str, str]]]) -> None:
        self._columns = columns
        self._made: dict[tuple[object, ...], Callable[..., str | None] | None] = {}
        self._seen: dict[tuple[object, ...], int] = {}
        self._tails: dict[str, str] = {}
        self._numbers: dict[float, str] = {}

    def __call__(self, at: int, status: object, values: Sequence[object]) -> str:
        key = (status, *map(type, values))
        write = self._made.get(key, _UNMADE)
        if write is _UNMADE:  # a shape seen MAKE_AFTER times gets its function (compiling one: 1 ms)
            seen = self._seen[key] = self._seen.get(key, 0) + 1
            if seen >= self.MAKE_AFTER:
                write = self._made[key] = self._make(status, cast(tuple[type, ...], key[1:]))
        row = write(at, *values) if write is not None and write is not _UNMADE else None  # type: ignore[operator]
        return row if row is not None else _row_xml(at, self._columns[status], values)

    def _make(self, status: object, kinds: Sequence[type]) -> Callable[..., str | None] | None:
        """The source of ``row(at, v0, v1, ...)`` for these value kinds, compiled."""
        columns = self._columns[status]
        if len(kinds) != len(columns) or not all(kind in _KINDS for kind in kinds):
            return None
        if not all(_LETTERS.fullmatch(letter) and _STYLE.fullmatch(style) for letter, style in columns):
            return None  # only letters and style numbers go into the function's source
        parts, finite = ['<row r="{a}">'], []
        for i, ((letter, style), kind) in enumerate(zip(columns, kinds, strict=True)):
            head = f'<c r="{letter}{{a}}"{style}'
            if kind is str:
                parts.append(f"{head}{{known(v{i}) or tail(v{i})}}")
            elif kind is float:
                finite.append(f"finite(v{i})")
                parts.append(f"{head}><v>{{shown(v{i}) or number(v{i})}}</v></c>")
            else:
                parts.append(f"{head}/>")
        parts.append("</row>")
        names = ", ".join(f"v{i}" for i in range(len(kinds)))
        check = f"    if not ({' and '.join(finite)}):\n        return None\n" if finite else ""
        source = f"def row(at, {names}):\n{check}    a = str(at)\n    return f'{''.join(parts)}'\n"
        namespace: dict[str, object] = {
            "finite": math.isfinite, "known": self._tails.get, "tail": self._text_tail,
            "shown": self._numbers.get, "number": self._number,
        }  # fmt: skip
        exec(compile(source, "<Hasil row>", "exec"), namespace)  # noqa: S102 - made here from the layout
        return cast(Callable[..., str | None], namespace["row"])

    def _number(self, value: float) -> str:
        """``value`` as ``_cell_xml`` writes it (openpyxl's ``.16g``), kept: capaian, targets and
        percentages of 2 decimals repeat down a sheet, and formatting a float is most of a row.
        A zero is not kept: 0.0 and -0.0 are one key, and ``.16g`` writes "0" and "-0"."""
        if value == 0:
            return f"{value:.16g}"
        if len(self._numbers) >= self._NUMBERS_KEPT:
            self._numbers.clear()
        text = self._numbers[value] = f"{value:.16g}"
        return text

    def _text_tail(self, value: str) -> str:
        """What follows ``<c r=".." s=".."`` for the text ``value``: as ``_cell_xml`` writes it."""
        tail = self._tails.get(value)
        if tail is None:
            if not value:  # as openpyxl: an empty text is an empty cell
                tail = "/>"
            else:
                text = xml_text(value) if "&" in value or "<" in value or ">" in value else value
                space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
                tail = f' t="inlineStr"><is><t{space}>{text}</t></is></c>'
            if len(self._tails) >= self._TEXTS_KEPT:
                self._tails.clear()
            self._tails[value] = tail
        return tail


_UNMADE: object = object()


@dataclass
class ResultParts:
    """The scratch workbook (bytes) and the rows of each sheet it holds a template of."""

    scratch: bytes
    rows: dict[str, SheetRows | HasilRows]


def build_parts(results: Sequence[Hasil], rekap: SheetValues, unit: str, tahun: int) -> ResultParts:
    """Build the scratch workbook: Hasil without rows (table ref set for all), Rekap whole from
    ``rekap`` (``sheets.results.rekap_values``, built once by the caller)."""
    lay = L.layout().hasil
    styles = Styles()
    xf_of: dict[tuple[str, ...], int] = {}
    hasil = HasilRows(results, unit, tahun, xf_of)
    head = hasil_values([], unit, tahun)
    rekap_rows = SheetRows(rekap, cell_styles(rekap), xf_of)
    for found in (cell_styles(hasil.sample()), rekap_rows.styles):
        for names in dict.fromkeys(found.values()):
            if names not in xf_of:
                try:
                    xf_of[names] = styles.add(cell_format(names))
                except ValueError as exc:
                    raise PatchUnsupported(str(exc)) from exc
    last = max(lay.header_row + len(results), lay.header_row + 1)
    charts = rekap_charts(lambda row, col: rekap.cells.get((row, col)))
    hasil_sheet = _sheet_xml(
        head,
        widths=dict(enumerate(lay.widths, start=1)),
        freeze=(lay.header_row, 3),
        tail='<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
    )
    rekap_sheet = _sheet_xml(
        rekap,
        widths=dict(enumerate(REKAP_WIDTHS, start=1)),
        hidden=(REKAP_META_COLUMN,),
        tail='<drawing r:id="rId1"/>' if charts else "",
    )
    parts = {
        "xl/workbook.xml": _workbook_xml(lay.sheet, rekap.name, lay.header_row),
        "xl/_rels/workbook.xml.rels": _rels([(WORKSHEET, "worksheets/sheet1.xml"), (WORKSHEET, "worksheets/sheet2.xml"), (STYLES, "styles.xml")]),
        "xl/styles.xml": styles.xml(),
        "xl/worksheets/sheet1.xml": hasil_sheet,
        "xl/worksheets/_rels/sheet1.xml.rels": _rels([(TABLE, "/xl/tables/table1.xml")]),
        "xl/tables/table1.xml": _table_xml(lay.name, lay.headers, f"A{lay.header_row}:{column_letter(len(lay.headers))}{last}"),
        "xl/worksheets/sheet2.xml": rekap_sheet,
    }
    if charts:
        parts["xl/worksheets/_rels/sheet2.xml.rels"] = _rels([(DRAWING, "/xl/drawings/drawing1.xml")])
        parts["xl/drawings/drawing1.xml"] = drawing_part(charts)
        parts["xl/drawings/_rels/drawing1.xml.rels"] = _rels(
            [(CHART, f"/xl/charts/chart{i}.xml") for i in range(1, len(charts) + 1)]
        )
        for i, spec in enumerate(charts, start=1):
            parts[f"xl/charts/chart{i}.xml"] = chart_part(spec, rekap.name)
    parts["[Content_Types].xml"] = _content_types(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        for name, xml in parts.items():
            z.writestr(name, xml)
    return ResultParts(buffer.getvalue(), {lay.sheet: hasil, rekap.name: rekap_rows})


_NS = "http://schemas.openxmlformats.org"
MAIN = f"{_NS}/spreadsheetml/2006/main"
REL = f"{_NS}/officeDocument/2006/relationships"
WORKSHEET, STYLES, TABLE = f"{REL}/worksheet", f"{REL}/styles", f"{REL}/table"
DRAWING, CHART = f"{REL}/drawing", f"{REL}/chart"
_TYPES = {
    "xl/workbook.xml": "spreadsheetml.sheet.main+xml",
    "xl/styles.xml": "spreadsheetml.styles+xml",
    "xl/worksheets/": "spreadsheetml.worksheet+xml",
    "xl/tables/": "spreadsheetml.table+xml",
    "xl/drawings/": "drawing+xml",
    "xl/charts/": "drawingml.chart+xml",
}
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def _rels(targets: Sequence[tuple[str, str]]) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>' for i, (kind, target) in enumerate(targets, 1)
    )
    return f'{_HEAD}<Relationships xmlns="{_NS}/package/2006/relationships">{rels}</Relationships>'


def _content_types(parts: dict[str, str]) -> str:
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="application/vnd.openxmlformats-officedocument.{kind}"/>'
        for name in parts
        for prefix, kind in _TYPES.items()
        if name.startswith(prefix) and "/_rels/" not in name
    )
    return (
        f'{_HEAD}<Types xmlns="{_NS}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    )


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _workbook_xml(hasil: str, rekap: str, header_row: int) -> str:
    """Two sheets; Hasil's header row printed on every page (the patch copies the print titles)."""
    sheets = "".join(
        f'<sheet name={xml_attribute(name)} sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate((hasil, rekap), 1)
    )
    titles = f"{xml_text(_quoted(hasil))}!${header_row}:${header_row}"
    return (
        f'{_HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheets}</sheets><definedNames>'
        f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{titles}</definedName></definedNames></workbook>'
    )


def _table_xml(name: str, headers: Sequence[str], ref: str) -> str:
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
    widths: dict[int, float],
    freeze: tuple[int, int] | None = None,
    hidden: Sequence[int] = (),
    tail: str = "",
) -> str:
    """The sheet around an empty ``<sheetData/>`` (the patch streams the rows into it): widths,
    frozen panes below row ``freeze[0]`` right of column ``freeze[1]``, merges, A4 landscape one
    page wide (as ``adapters.openpyxl.sheet_format.print_setup``), then ``tail`` (table or drawing)."""
    if any(span.style.startswith("width:") for span in sheet.spans):
        raise PatchUnsupported("lebar kolom dari gaya sel")
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
    return (
        f'{_HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/>'
        '<pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1"/>'
        f'<sheetViews>{view}</sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
        f'<cols>{"".join(cols[c] for c in sorted(cols))}</cols><sheetData/>{merged}'
        '<printOptions gridLines="0"/><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        f'<pageSetup orientation="landscape" paperSize="9" fitToHeight="0" fitToWidth="1"/>{tail}</worksheet>'
    )

