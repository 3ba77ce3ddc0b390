"""The live workbook through xlwings: read each sheet in one call, write a sheet in one call.

``XlwingsSource`` is the ``SheetSource`` of the open workbook, so ``read_source`` runs the same
checks on it as on a file. Each sheet is read once (``used_range``), padded so that its rows start
at row 1 and column A whatever corner the used range starts at, and numbers are given as openpyxl
gives them (a whole number as ``int``: Excel hands every number over as a float).
Numbers shown with a percent number format are handed over as ``numbers.Percent`` (typing 93%
stores 0.93): the format is read per column of the used range, per cell only in a column of mixed
formats. An engine that cannot read formats synchronously (xlwings' remote engine) gives plain
values. ``write_sheet`` writes a ``sheets.grid.SheetValues`` (values in one call, then its styles,
colours from ``sheets.palette``).
Works on the desktop engine (RunPython) and on xlwings' remote engine (the tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from xlwings_app.adapters.xlsx.sheet_parts import TableInfo
from xlwings_app.domain.numbers import Percent, is_percent_format
from xlwings_app.sheets import palette as P
from xlwings_app.sheets.grid import Formula, SheetValues


def local_file(book: Any) -> Path | None:
    """The workbook's file on this computer, or None: a new book ("Book1"), a book opened from a
    web address, and a OneDrive/SharePoint book xlwings cannot map to a synced local folder (its
    ``fullname`` then raises) have none."""
    try:
        fullname = str(book.fullname)
    except Exception:  # noqa: BLE001 - xlwings' URL-to-folder mapping raises XlwingsError, KeyError, ...
        return None
    path = Path(fullname)
    return path if "://" not in fullname and path.is_absolute() else None


def _cell(value: object) -> object:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _percentages(used: Any, values: list[list[object]]) -> None:
    """Mark the numbers of ``values`` (the used range's) whose cells have a percent format."""
    try:
        whole = used.number_format
    except NotImplementedError:
        return
    if isinstance(whole, str) and not is_percent_format(whole):
        return
    width = max((len(row) for row in values), default=0)
    for col in range(width):
        rows = [r for r, row in enumerate(values) if col < len(row) and _is_number(row[col])]
        if not rows:
            continue
        column = whole if isinstance(whole, str) else used[:, col].number_format
        for r in rows:
            code = column if isinstance(column, str) else used[r, col].number_format
            if is_percent_format(code):
                values[r][col] = Percent(values[r][col])  # type: ignore[arg-type]


def sheet_rows(sheet: Any) -> list[list[object]]:
    """The sheet's values from A1 (one read of its used range; percent cells as ``Percent``).

    Error cells come as their text (``#DIV/0!``, ``#N/A``), as the file readers give them, so the
    ribbon reports them as ``kinerja periksa`` does (xlwings reads them as blanks by default)."""
    used = sheet.used_range
    values = [[_cell(v) for v in row] for row in (used.options(ndim=2, err_to_str=True).value or [[]])]
    _percentages(used, values)
    left = [None] * (used.column - 1)
    rows: list[list[object]] = [[] for _ in range(used.row - 1)]
    rows.extend(left + row for row in values)
    return rows


class XlwingsSource:
    """The open workbook as a ``adapters.xlsx.reader.SheetSource``; each sheet is read at most once."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self._rows: dict[str, list[list[object]]] = {}

    @property
    def sheetnames(self) -> list[str]:
        return [sheet.name for sheet in self._book.sheets]

    def tables(self, sheet: str) -> list[TableInfo]:
        """The Excel Tables of ``sheet`` (name, range, whether a Total Row is shown)."""
        found = []
        for table in self._book.sheets[sheet].tables:
            address = table.range.address.replace("$", "") if table.range is not None else ""
            if address:
                found.append(TableInfo(table.name, address, 1 if table.show_totals else 0))
        return found

    def iter_values(self, sheet: str) -> Iterable[Sequence[object]]:
        if sheet not in self._rows:
            self._rows[sheet] = sheet_rows(self._book.sheets[sheet])
        return iter(self._rows[sheet])


def replace_sheet(book: Any, name: str, after: str | None = None) -> Any:
    """A new empty sheet ``name`` where the old one was (or after ``after``, or last).

    Placed with ``after=`` wherever possible: the remote engine puts ``before=`` one place early.
    """
    names = [sheet.name for sheet in book.sheets]
    if name in names:
        index = names.index(name)
        book.sheets[name].delete()
        names.pop(index)
        if index == 0:
            return book.sheets.add(name, before=book.sheets[names[0]])
        return book.sheets.add(name, after=book.sheets[names[index - 1]])
    anchor = after if after in names else names[-1]
    return book.sheets.add(name, after=book.sheets[anchor])


def _address(row: int, col: int, rows: int = 1, cols: int = 1) -> tuple[tuple[int, int], tuple[int, int]]:
    return (row, col), (row + rows - 1, col + cols - 1)


def as_text(value: object) -> object:
    """``value`` as written to a cell: text gets Excel's text prefix "'", so that Excel takes no
    text for a formula, a number or a date ("=1+1", "2024", "1-2" stay text); a ``Formula`` is
    written as a formula."""
    if isinstance(value, str) and value and not isinstance(value, Formula):
        return "'" + value
    return value


def write_sheet(sheet: Any, values: SheetValues) -> None:
    """Write ``values`` into ``sheet`` (values in one call; fonts, fills and number formats).

    The values are written from their top-left cell (A1 for a whole sheet, a row's first cell
    for an appended row); text is written as text (``as_text``)."""
    origin = values.origin
    sheet.range(origin).value = [[as_text(v) for v in row] for row in values.grid(origin)]
    status: dict[tuple[int, int], str] = {}
    for span in values.spans:
        kind, _, arg = span.style.partition(":")
        rng = sheet.range(*_address(span.row, span.col, span.rows, span.cols))
        if kind == "header":
            rng.color = P.xlwings(P.HEADER)
            rng.font.bold = True
            rng.font.color = P.xlwings(P.HEADER_TEXT)
            rng.wrap_text = True
        elif kind in ("title", "bold"):
            rng.font.bold = True
            if kind == "title":
                rng.font.size = 14
        elif kind == "subtitle":
            rng.font.italic = True
        elif kind == "wrap":
            rng.wrap_text = True
        elif kind == "format":
            rng.number_format = arg
        elif kind == "status":
            status[(span.row, span.col)] = P.xlwings(P.STATUS[arg])
        elif kind == "fill":
            rng.color = P.xlwings(arg)
        elif kind == "width":
            rng.column_width = float(arg)
        # box, merge, height, unlocked: a file's only (borders, merges and row heights stay Excel's)
    if status:
        rows = [r for r, _ in status]
        col = next(iter(status))[1]
        top, bottom = min(rows), max(rows)
        colours = [[status.get((r, col), ...)] for r in range(top, bottom + 1)]
        sheet.range(*_address(top, col, bottom - top + 1)).set_colors(colours)
