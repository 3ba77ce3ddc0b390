"""The LKjIP's sheets (``sheets.lkjip``: Riwayat Capaian, Narasi LKjIP) added to a workbook being built
(``kinerja baru``, ``baru --dari``, the example's end of year) with openpyxl; a sheet of that name
already there is replaced."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.sheets.grid import SheetValues


def add_sheets(wb: Workbook, sheets: Sequence[SheetValues]) -> None:
    """Write each of ``sheets`` as a sheet of its name at the end of ``wb``."""
    for sheet in sheets:
        if sheet.name in wb.sheetnames:
            del wb[sheet.name]
        ws = wb.create_sheet(sheet.name)
        write_values(ws, sheet)
        ws.sheet_view.zoomScale = 90
