"""Small sheet-formatting helpers shared by the openpyxl writers: replace, protect, title, print."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl import styles as S


def replace_sheet(wb: Workbook, name: str, after: str | None = None) -> Worksheet:
    """A new empty sheet ``name`` where the old one was (else after ``after``, else last)."""
    index = None
    if name in wb.sheetnames:
        index = wb.sheetnames.index(name)
        del wb[name]
    elif after and after in wb.sheetnames:
        index = wb.sheetnames.index(after) + 1
    return wb.create_sheet(name, index)


def protect(ws: Worksheet) -> None:
    """Protect the sheet without a password (against accidental typing); unlocked cells stay editable."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.protection.sort = False


def title(ws: Worksheet, text: str, subtitle: str) -> None:
    ws["A1"] = text
    ws["A1"].font = S.TITLE_FONT
    ws["A2"] = subtitle
    ws["A2"].font = S.SUBTITLE_FONT


def print_setup(ws: Worksheet, title_rows: str | None = None) -> None:
    """A4 landscape, fit to one page wide, ``title_rows`` repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    if title_rows:
        ws.print_title_rows = title_rows


def fit_rows(ws: Worksheet, first: int, last: int, line_height: float = 15.0) -> None:
    """Give rows ``first..last`` the height of their wrapped text.

    Excel and LibreOffice do not grow the rows of a file they open, so without a height a wrapped
    cell prints over the row below (LibreOffice) or is cut (Excel).
    """
    for row in range(first, last + 1):
        lines = 1
        for cell in ws[row]:
            if cell.value is None or not (cell.alignment and cell.alignment.wrap_text):
                continue
            width = ws.column_dimensions[cell.column_letter].width or 10
            per_line = max(1, int(width * 1.1))
            text = str(cell.value)
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in text.split("\n")))
        ws.row_dimensions[row].height = min(409, line_height * lines)
