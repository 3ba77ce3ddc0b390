"""Sheets Pohon Kinerja and Manual Indikator written with openpyxl from their layouts (``sheets.pohon``).

A sheet given replaces the one of that name (or is added after the IKI sheet): its values and styles
(``grid.write_values``), its Excel Table over the header row and the rows below it, dropdowns for
Jenjang, the roll-up method, Jenis Rumus and Frekuensi, frozen header and A4 landscape print setup.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.manual import Frekuensi, JenisRumus
from xlwings_app.domain.tree.rollup import MetodeRollUp
from xlwings_app.sheets import layout as L
from xlwings_app.sheets import pohon as P
from xlwings_app.sheets.grid import SheetValues

SPARE_ROWS = 20
"""Empty table rows left under the data for the office to type more."""


def _sheet(wb: Workbook, name: str) -> Worksheet:
    if name in wb.sheetnames:
        index = wb.sheetnames.index(name)
        del wb[name]
        return wb.create_sheet(name, index)
    iki = L.layout().tables[Jenis.IKI].sheet
    after = wb.sheetnames.index(iki) + 1 if iki in wb.sheetnames else len(wb.sheetnames)
    return wb.create_sheet(name, after + (1 if name == P.SHEET_MANUAL and P.SHEET_POHON in wb.sheetnames else 0))


def _table(ws: Worksheet, name: str, values: SheetValues, header_row: int, width: int) -> int:
    last = max(header_row + SPARE_ROWS, max((r for r, _ in values.cells), default=header_row) + SPARE_ROWS)
    table = Table(displayName=name, ref=f"A{header_row}:{column_letter(width)}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=False)
    ws.add_table(table)
    ws.freeze_panes = ws.cell(header_row + 1, 3)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    return last


def _choices(ws: Worksheet, options: list[str], ref: str) -> None:
    rule = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
    rule.add(ref)
    ws.add_data_validation(rule)


def write_pohon(wb: Workbook, pohon: SheetValues | None, manual: SheetValues | None) -> None:
    """Write the sheets given (``None``: that sheet left as it is)."""
    if pohon is not None:
        ws = _sheet(wb, P.SHEET_POHON)
        write_values(ws, pohon)
        last = _table(ws, P.TABLE_POHON, pohon, P.POHON_HEADER_ROW, len(P.POHON_COLUMNS))
        _choices(ws, [j.value for j in Jenjang], f"A{P.POHON_HEADER_ROW + 1}:A{last}")
        _choices(ws, [m.value for m in MetodeRollUp], "B3")
        for row in range(P.POHON_HEADER_ROW + 1, last + 1):
            for col in (6, 7):
                ws.cell(row, col).number_format = "#,##0"
    if manual is not None:
        ws = _sheet(wb, P.SHEET_MANUAL)
        write_values(ws, manual)
        last = _table(ws, P.TABLE_MANUAL, manual, P.MANUAL_HEADER_ROW, len(P.MANUAL_COLUMNS))
        first = P.MANUAL_HEADER_ROW + 1
        _choices(ws, [j.value for j in JenisRumus], f"D{first}:D{last}")
        _choices(ws, [f.value for f in Frekuensi], f"I{first}:I{last}")
