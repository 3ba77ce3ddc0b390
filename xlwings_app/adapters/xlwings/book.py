"""The live workbook through xlwings: read each sheet in one call, write a sheet in one call.

``XlwingsSource`` is the ``sheets.source.SheetSource`` of the open workbook, so the sheet readers
(``sheets.inputs.read_inputs``, ``sheets.sop_workbook.read_sop_sheets``) run the same checks on it as
on a file. Each sheet is read once (``used_range``), padded so that its rows start
at row 1 and column A whatever corner the used range starts at, and numbers are given as openpyxl
gives them (a whole number as ``int``: Excel hands every number over as a float).
Numbers shown with a percent number format are handed over as ``numbers.Percent`` (typing 93%
stores 0.93): the formats of the whole used range are read in one call where the engine can
(``formats``), else per column, a column of mixed formats halved until each part is uniform. An
engine that cannot read formats synchronously (xlwings' remote engine) gives plain values. ``write_sheet`` writes a ``sheets.grid.SheetValues`` (values in one call, then its styles,
colours from ``sheets.palette``).
Works on the desktop engine (RunPython) and on xlwings' remote engine (the tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from xlwings_app.adapters.xlwings.styles import write_styles
from xlwings_app.domain.numbers import Percent, is_percent_format
from xlwings_app.sheets.grid import Formula, SheetValues
from xlwings_app.sheets.source import TableInfo


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


def _percentages(sheet: Any, used: Any, values: list[list[object]]) -> None:
    """Mark the numbers of ``values`` (the used range's) whose cells have a percent format: all read
    in one call where the engine can (``formats.spreadsheet_xml``), else per column."""
    from xlwings_app.adapters.xlwings.formats import percent_cells, percent_cells_by_column, spreadsheet_xml

    xml = spreadsheet_xml(used)
    found = percent_cells(xml) if xml else None
    if found is None:
        try:
            whole = used.number_format
        except NotImplementedError:
            return
        if isinstance(whole, str) and not is_percent_format(whole):
            return
        width = max((len(row) for row in values), default=0)
        numbers = [[r for r, row in enumerate(values) if col < len(row) and _is_number(row[col])] for col in range(width)]
        top, left = used.row, used.column
        found = percent_cells_by_column(
            lambda col, first, last: whole if isinstance(whole, str)
            else sheet.range((top + first, left + col), (top + last, left + col)).number_format,
            numbers,
        )  # fmt: skip
    for r, col in found:
        if r < len(values) and col < len(values[r]) and _is_number(values[r][col]):
            values[r][col] = Percent(values[r][col])  # type: ignore[arg-type]


def sheet_rows(sheet: Any) -> list[list[object]]:
    """The sheet's values from A1 (one read of its used range; percent cells as ``Percent``).

    Error cells come as their text (``#DIV/0!``, ``#N/A``), as the file readers give them, so the
    ribbon reports them as ``kinerja periksa`` does (xlwings reads them as blanks by default)."""
    used = sheet.used_range
    values = [[_cell(v) for v in row] for row in (used.options(ndim=2, err_to_str=True).value or [[]])]
    _percentages(sheet, used, values)
    left = [None] * (used.column - 1)
    rows: list[list[object]] = [[] for _ in range(used.row - 1)]
    rows.extend(left + row for row in values)
    return rows


class XlwingsSource:
    """The open workbook as a ``sheets.source.SheetSource``; each sheet is read at most once."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self._rows: dict[str, list[list[object]]] = {}
        self._names: list[str] | None = None

    @property
    def sheetnames(self) -> list[str]:
        """The sheet names, asked of Excel once (two calls a sheet on the desktop engine)."""
        if self._names is None:
            self._names = [sheet.name for sheet in self._book.sheets]
        return list(self._names)

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
    The sheets are listed once and handed over as objects, and the new sheet is named after it is
    added (xlwings' ``add(name)`` would list every sheet's name again)."""
    sheets = list(book.sheets)
    names = [sheet.name for sheet in sheets]
    if name in names:
        index = names.index(name)
        sheets.pop(index).delete()
        names.pop(index)
        added = book.sheets.add(before=sheets[0]) if index == 0 else book.sheets.add(after=sheets[index - 1])
    else:
        added = book.sheets.add(after=sheets[names.index(after)] if after in names else sheets[-1])
    added.name = name
    return added


def as_text(value: object) -> object:
    """``value`` as written to a cell: text gets Excel's text prefix "'", so that Excel takes no
    text for a formula, a number or a date ("=1+1", "2024", "1-2" stay text); a ``Formula`` is
    written as a formula."""
    if isinstance(value, str) and value and not isinstance(value, Formula):
        return "'" + value
    return value


def write_sheet(sheet: Any, values: SheetValues) -> None:
    """Write ``values`` into ``sheet`` (values in one call; fonts, fills and number formats one call
    per rectangle of cells sharing them, ``styles.write_styles``).

    The values are written from their top-left cell (A1 for a whole sheet, a row's first cell
    for an appended row); text is written as text (``as_text``)."""
    origin = values.origin
    sheet.range(origin).value = [[as_text(v) for v in row] for row in values.grid(origin)]
    write_styles(sheet, values)
