"""Write the Tanda Terima Formulir as its own .xlsx (``sheets/tanda_terima.py``), printable on A4.

Portrait, one page wide, the header row repeated on every page, the recipient's rows tall enough to
sign in. Not protected: the Tim SAKIP may add a row by hand for a form handed over later.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.tanda_terima import HEADER_ROW, ROW_HEIGHT


def build_tanda_terima(sheet: SheetValues, rows: int) -> Workbook:
    """A workbook holding the receipt ``sheet`` with ``rows`` form rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet.name
    write_values(ws, sheet)
    ws.row_dimensions[HEADER_ROW].height = 30
    middle = Alignment(vertical="center", wrap_text=True)
    for row in range(HEADER_ROW + 1, HEADER_ROW + rows + 1):
        ws.row_dimensions[row].height = ROW_HEIGHT
        for col in range(1, 9):
            ws.cell(row, col).alignment = middle
        for col in (1, 4):
            ws.cell(row, col).alignment = Alignment(vertical="center", horizontal="center")
        ws.cell(row, 7).alignment = Alignment(vertical="top")  # "1." where the signature goes
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True
    return wb
