"""One sheet's layout as engine-free values: a grid of cells, styled spans and formulas.

Every sheet Kinerja writes (Hasil, Rekap, Hasil SOP, lembar isian, Riwayat, Segel) is first built
as a ``SheetValues`` by its module in ``sheets/``; each engine's writer interprets it
(``adapters/openpyxl/grid.write_values``, the package writer ``adapters/xlsx/results_parts`` with
``adapters/xlsx/styles_xml``,
``adapters/xlwings/book.write_sheet``), so a file and the live workbook hold the same cells.
Span styles: ``title``, ``subtitle``, ``header``, ``box``, ``bold``, ``wrap``, ``unlocked``,
``merge`` (the span's cells merged), ``format:<number format>``, ``status:<Hasil status>``,
``fill:<RRGGBB>`` (a colour of ``sheets.palette``), ``width:<column width>`` and
``height:<row height>``. Nothing here imports openpyxl or xlwings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal


class Formula(str):
    """A cell's formula text ("=..."), written as a formula; any other ``str`` is written as text."""

    __slots__ = ()


def excel_value(value: object) -> object:
    """A domain value as a cell value (Decimal becomes int or float)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


@dataclass(frozen=True)
class Span:
    """A styled rectangle (1-based). ``style``: title, subtitle, header, box, bold, wrap,
    ``format:<number format>`` or ``status:<status>`` (the status fill)."""

    style: str
    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass
class SheetValues:
    """One sheet's cells (1-based ``(row, col)``) and styled spans."""

    name: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)

    def put(self, row: int, col: int, values: Sequence[object], *styles: str) -> None:
        """Write ``values`` across row ``row`` from ``col``; style the span with ``styles``."""
        for offset, value in enumerate(values):
            self.cells[(row, col + offset)] = excel_value(value)
        self.spans.extend(Span(s, row, col, 1, len(values)) for s in styles)

    def style(self, style: str, row: int, col: int, rows: int = 1, cols: int = 1) -> None:
        self.spans.append(Span(style, row, col, rows, cols))

    @property
    def origin(self) -> tuple[int, int]:
        """The top-left cell of the values (``(1, 1)`` for a sheet written from A1)."""
        if not self.cells:
            return 1, 1
        return min(r for r, _ in self.cells), min(c for _, c in self.cells)

    @property
    def shape(self) -> tuple[int, int]:
        if not self.cells:
            return 1, 1
        return max(r for r, _ in self.cells), max(c for _, c in self.cells)

    def grid(self, origin: tuple[int, int] = (1, 1)) -> list[list[object]]:
        """Every value from ``origin`` (default A1), a rectangle; ``None`` where nothing is written."""
        rows, cols = self.shape
        top, left = origin
        return [[self.cells.get((r, c)) for c in range(left, cols + 1)] for r in range(top, rows + 1)]


def cell_styles(sheet: SheetValues) -> dict[tuple[int, int], tuple[str, ...]]:
    """Each styled cell's style names, in span order (``merge`` left out: it is no cell style).
    A later name overrides an earlier one where both set the same thing (a status fill over a
    header's)."""
    styles: dict[tuple[int, int], tuple[str, ...]] = {}
    get = styles.get
    for span in sheet.spans:
        if span.style == "merge":
            continue
        names = (span.style,)
        cols = range(span.col, span.col + span.cols)
        for row in range(span.row, span.row + span.rows):
            for col in cols:
                key = (row, col)
                styles[key] = get(key, ()) + names
    return styles
