"""Sheets Hasil and Rekap: what ``kinerja hitung`` writes back (inputs are never touched).

Hasil holds one row per indicator and period (s.d. TW I … s.d. TW IV, Tahunan) as the Excel
table ``TabelHasil``, its status cells coloured. Rekap holds the counts per predikat, the mean
capaian per sasaran and per penanggung jawab for the chosen period, and two native bar charts.
The cell values and styles are ``sheets.results``' values (the ones the zip patch and the
ribbon's xlwings writer write too); this module adds what only a file has: the table, widths,
print setup and charts.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart as OpenpyxlBarChart
from openpyxl.chart import Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.adapters.openpyxl.sheet_format import print_setup, replace_sheet
from xlwings_app.domain.measure import Hasil
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.charts import BarChart
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.results import (
    REKAP_META_COLUMN,
    REKAP_WIDTHS,
    hasil_values,
    rekap_charts,
)


def write_hasil(wb: Workbook, results: Sequence[Hasil], unit: str, tahun: int) -> None:
    """Rewrite sheet Hasil from ``results`` (every indicator, every period)."""
    write_hasil_values(wb, hasil_values(results, unit, tahun))


def write_hasil_values(wb: Workbook, sheet: SheetValues) -> None:
    """Rewrite sheet Hasil with ``sheet`` (``sheets.results.hasil_values``)."""
    lay = L.layout().hasil
    ws = replace_sheet(wb, lay.sheet, after=L.SHEET_PENGATURAN)
    write_values(ws, sheet)
    for col, width in enumerate(lay.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    header_row = lay.header_row
    row = max(sheet.shape[0], header_row + 1)
    table = Table(displayName=lay.name, ref=f"A{header_row}:{get_column_letter(len(lay.headers))}{row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = f"D{header_row + 1}"
    ws.auto_filter.ref = None
    print_setup(ws, f"{header_row}:{header_row}")


def write_rekap(wb: Workbook, sheet: SheetValues) -> None:
    """Rewrite sheet Rekap with ``sheet`` (``sheets.results.rekap_values`` for one period)."""
    ws = replace_sheet(wb, L.SHEET_REKAP, after=L.layout().hasil.sheet)
    write_values(ws, sheet)
    for col, width in enumerate(REKAP_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.column_dimensions[get_column_letter(REKAP_META_COLUMN)].hidden = True
    draw_rekap_charts(ws)
    print_setup(ws)


def draw_rekap_charts(ws: Worksheet) -> None:
    """Rekap's bar charts (``sheets.results.rekap_charts``), from the sheet's cells."""
    for spec in rekap_charts(lambda row, col: ws.cell(row, col).value):
        add_bar_chart(ws, spec)


def add_bar_chart(ws: Worksheet, spec: BarChart) -> None:
    """Draw ``spec`` (``sheets.charts.BarChart``) on ``ws``."""
    chart = OpenpyxlBarChart()
    chart.type = spec.direction
    chart.title = spec.title
    if spec.value_axis_title:
        chart.y_axis.title = spec.value_axis_title
    for col in spec.series_cols:
        chart.add_data(Reference(ws, min_col=col, min_row=spec.header_row, max_row=spec.last_row), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=spec.category_col, min_row=spec.header_row + 1, max_row=spec.last_row))
    if not spec.legend:
        chart.legend = None
    chart.height, chart.width = spec.height_cm, spec.width_cm
    ws.add_chart(chart, spec.anchor)
