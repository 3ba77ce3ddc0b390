"""The styled spans of a ``sheets.grid.SheetValues`` written into the open workbook, range by range.

Each span style sets one or more properties of its cells (``PROPERTIES``): ``header`` a fill, bold,
a font colour and wrap; ``format:<code>`` a number format; ``fill:<RRGGBB>`` a fill; and so on. The
spans are turned into the fewest ranges (``regions``): per property and value, the spans' cells as
rectangles, one call each. Where spans setting one property to different values overlap, the order
decides which value a cell keeps, and those spans are written one by one in their order.

Status cells (``status:<Hasil status>``) are coloured by one conditional format per status over
the status column ("cell value equal to 'Tercapai': green"), a handful of calls however many rows:
Excel shows the same fill as the file's direct fill (``adapters.openpyxl``), and the colour follows
the status if the user sorts the table. Where a status cell does not hold its status's text, the
fills are written directly, by runs. Borders, merges, row heights and unlocked cells are a file's
only. Colours come from ``sheets.palette``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from xlwings_app.adapters.xlwings.regions import Rect, merge_rows, overlapping, rectangles
from xlwings_app.sheets import palette as P
from xlwings_app.sheets.grid import SheetValues

FILE_ONLY = frozenset({"box", "merge", "height", "unlocked"})


def _properties(kind: str, arg: str) -> Iterator[tuple[str, object]]:
    """The (property, value) pairs a span style sets."""
    if kind == "header":
        yield from (("color", P.xlwings(P.HEADER)), ("bold", True), ("font_color", P.xlwings(P.HEADER_TEXT)),
                    ("wrap", True))  # fmt: skip
    elif kind in ("title", "bold"):
        yield "bold", True
        if kind == "title":
            yield "size", 14
    elif kind == "subtitle":
        yield "italic", True
    elif kind == "wrap":
        yield "wrap", True
    elif kind == "format":
        yield "number_format", arg
    elif kind == "fill":
        yield "color", P.xlwings(arg)
    elif kind == "width":
        yield "column_width", float(arg)


def _set(rng: Any, prop: str, value: object) -> None:
    if prop == "color":
        rng.color = value
    elif prop == "bold":
        rng.font.bold = value
    elif prop == "size":
        rng.font.size = value
    elif prop == "italic":
        rng.font.italic = value
    elif prop == "font_color":
        rng.font.color = value
    elif prop == "wrap":
        rng.wrap_text = value
    elif prop == "number_format":
        rng.number_format = value
    elif prop == "column_width":
        rng.column_width = value


def _range(sheet: Any, rect: Rect) -> Any:
    top, left, bottom, right = rect
    return sheet.range((top, left), (bottom, right))


def write_styles(sheet: Any, values: SheetValues) -> None:
    """The spans of ``values`` (all but ``status`` and the file-only ones), range by range."""
    writes: dict[str, list[tuple[Rect, object]]] = defaultdict(list)
    for span in values.spans:
        kind, _, arg = span.style.partition(":")
        rect = (span.row, span.col, span.row + span.rows - 1, span.col + span.cols - 1)
        for prop, value in _properties(kind, arg):
            writes[prop].append((rect, value))
    for prop, spans in writes.items():
        if overlapping(spans):  # the order decides: one by one, as listed
            for rect, value in spans:
                _set(_range(sheet, rect), prop, value)
            continue
        by_value: dict[object, list[Rect]] = defaultdict(list)
        for rect, value in spans:
            by_value[value].append(rect)
        for value, rects in by_value.items():
            for rect in merge_rows(rects):
                _set(_range(sheet, rect), prop, value)
    write_status(sheet, values)


def write_status(sheet: Any, values: SheetValues) -> None:
    """The status cells' colours: one conditional format per status when every status cell holds its
    status's text, else direct fills by runs."""
    cells: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for span in values.spans:
        kind, _, arg = span.style.partition(":")
        if kind == "status":
            cells[arg].extend((r, c) for r in range(span.row, span.row + span.rows)
                              for c in range(span.col, span.col + span.cols))  # fmt: skip
    if not cells:
        return
    whole = rectangles(cell for found in cells.values() for cell in found)
    if len(whole) == 1 and all(values.cells.get(cell) == status for status, found in cells.items() for cell in found):
        column = _range(sheet, whole[0])
        for status in cells:
            column.conditional_formats.add_cell_value(
                "equal_to", f'="{status}"', fill_color=P.xlwings(P.STATUS[status])
            )
        return
    for status, found in cells.items():
        for rect in rectangles(found):
            _range(sheet, rect).color = P.xlwings(P.STATUS[status])
