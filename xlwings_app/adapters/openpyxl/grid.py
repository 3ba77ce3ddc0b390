"""A ``sheets.grid.SheetValues`` written with openpyxl: its values, then its spans' styles.

The interpreter of span styles for the files openpyxl writes: ``write_values`` for a whole sheet,
``style_cell`` for one cell. The zip patch of ``kinerja hitung`` has its own, as XML text
(``adapters.xlsx.styles_xml``); a test holds the two to the same fonts, fills, borders and formats.
"""

from __future__ import annotations

from copy import copy

from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl import styles as S
from xlwings_app.sheets.grid import Formula, SheetValues, cell_styles


def style_cell(cell: Cell, style: str) -> None:
    """Apply one span style (see ``sheets.grid``) to ``cell``; ``merge`` is the sheet's, not a cell's."""
    kind, _, arg = style.partition(":")
    if kind == "title":
        cell.font = S.TITLE_FONT
    elif kind == "subtitle":
        cell.font = S.SUBTITLE_FONT
    elif kind == "bold":
        cell.font = S.BOLD
    elif kind == "header":
        cell.font, cell.fill, cell.alignment, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP, S.BOX
    elif kind == "box":
        cell.border = S.BOX
    elif kind == "top":
        cell.alignment = S.TOP
    elif kind == "wrap":
        cell.alignment = S.WRAP
    elif kind == "format":
        cell.number_format = arg
    elif kind == "status":
        cell.fill = S.STATUS_FILLS[arg]
    elif kind == "fill":
        cell.fill = S.fill(arg)
    elif kind == "width":
        cell.parent.column_dimensions[cell.column_letter].width = float(arg)
    elif kind == "height":
        cell.parent.row_dimensions[cell.row].height = float(arg)
    elif kind == "unlocked":
        cell.protection = S.UNLOCKED


def write_values(ws: Worksheet, sheet: SheetValues) -> None:
    """Write ``sheet``'s values (text stays text, never a formula), styles and merges into ``ws``."""
    for (row, col), value in sheet.cells.items():
        cell = ws.cell(row, col, value)
        if isinstance(value, str) and not isinstance(value, Formula):
            cell.data_type = "s"
    # Setting a style attribute makes openpyxl hash the style object: style each combination
    # once and copy its style ids to the other cells.
    done: dict[tuple[str, ...], Cell] = {}
    for (row, col), names in cell_styles(sheet).items():
        cell = ws.cell(row, col)
        first = done.get(names)
        if first is not None:
            cell._style = copy(first._style)
            if any(name.startswith(("width:", "height:")) for name in names):
                for name in names:
                    style_cell(cell, name)
            continue
        for name in names:
            style_cell(cell, name)
        done[names] = cell
    for span in sheet.spans:
        if span.style == "merge":
            ws.merge_cells(
                start_row=span.row, start_column=span.col,
                end_row=span.row + span.rows - 1, end_column=span.col + span.cols - 1,
            )  # fmt: skip


def put_sheet(wb: Workbook, sheet: SheetValues) -> Worksheet:
    """``sheet`` written whole into ``wb``: a new last sheet, or in place of the sheet of its name."""
    index = None
    if sheet.name in wb.sheetnames:
        index = wb.sheetnames.index(sheet.name)
        del wb[sheet.name]
    ws = wb.create_sheet(sheet.name, index)
    write_values(ws, sheet)
    return ws


def sheet_workbook(sheet: SheetValues) -> Workbook:
    """A new workbook holding ``sheet`` alone (a form handed out as its own file)."""
    wb = Workbook()
    wb.remove(wb.active)
    put_sheet(wb, sheet)
    return wb


def read_sheet_rows(path: str, sheet: str) -> list[list[object]] | None:
    """The values of ``sheet`` in the workbook file ``path`` (cached formula results), None when the
    workbook has no such sheet; ``OSError`` or openpyxl's errors for a file that is no workbook."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet not in wb.sheetnames:
            return None
        return [list(row) for row in wb[sheet].iter_rows(values_only=True)]
    finally:
        wb.close()
