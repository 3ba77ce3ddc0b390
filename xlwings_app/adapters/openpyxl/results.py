"""Sheets Hasil and Rekap: what ``kinerja hitung`` writes back (inputs are never touched).

Hasil holds one row per indicator and period (s.d. TW I … s.d. TW IV, Tahunan) as the Excel
table ``TabelHasil``, its status cells coloured. Rekap holds the counts per predikat, the mean
capaian per sasaran and per penanggung jawab for the chosen period, and two native bar charts.
The cell values and styles come from ``results_values`` (shared with the ribbon's xlwings writer);
this module adds what only a file has: the table, widths, print setup and charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl import charts
from xlwings_app.adapters.openpyxl import styles as S
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.summary import Ringkasan
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.results import (
    HASIL_HEADER_ROW,
    HASIL_WIDTHS,
    REKAP_META_COLUMN,
    REKAP_PREDIKAT_ROW,
    REKAP_WIDTHS,
    Formula,
    SheetValues,
    hasil_values,
    rekap_values,
)


def _replace_sheet(wb: Workbook, name: str, after: str | None = None) -> Worksheet:
    index = None
    if name in wb.sheetnames:
        index = wb.sheetnames.index(name)
        del wb[name]
    elif after and after in wb.sheetnames:
        index = wb.sheetnames.index(after) + 1
    return wb.create_sheet(name, index)


def _styled(cell: Cell, style: str) -> None:
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
    elif kind == "wrap":
        cell.alignment = S.WRAP
    elif kind == "top":
        cell.alignment = S.TOP
    elif kind == "format":
        cell.number_format = arg
    elif kind == "status":
        cell.fill = S.STATUS_FILLS[arg]
    elif kind == "fill":
        cell.fill = PatternFill("solid", fgColor=arg)
    elif kind == "width":
        cell.parent.column_dimensions[cell.column_letter].width = float(arg)
    elif kind == "unlocked":
        cell.protection = S.UNLOCKED


def write_values(ws: Worksheet, sheet: SheetValues) -> None:
    """Write ``sheet``'s values (text stays text, never a formula) and styles into ``ws``."""
    for (row, col), value in sheet.cells.items():
        cell = ws.cell(row, col, value)
        if isinstance(value, str) and not isinstance(value, Formula):
            cell.data_type = "s"
    styles: dict[tuple[int, int], tuple[str, ...]] = {}
    for span in sheet.spans:
        for row in range(span.row, span.row + span.rows):
            for col in range(span.col, span.col + span.cols):
                styles[(row, col)] = (*styles.get((row, col), ()), span.style)
    # Setting a style attribute makes openpyxl hash the style object: style each combination
    # once and copy its style ids to the other cells (30 s to 0.1 s for 10,000 Hasil rows).
    done: dict[tuple[str, ...], Cell] = {}
    for (row, col), names in styles.items():
        cell = ws.cell(row, col)
        first = done.get(names)
        if first is not None:
            cell._style = copy(first._style)
            continue
        for name in names:
            _styled(cell, name)
        done[names] = cell


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_hasil(wb: Workbook, results: Sequence[Hasil], unit: str, tahun: int) -> None:
    """Rewrite sheet Hasil from ``results`` (every indicator, every period)."""
    lay = L.layout()
    ws = _replace_sheet(wb, lay.hasil_sheet, after=L.SHEET_PENGATURAN)
    sheet = hasil_values(results, unit, tahun)
    write_values(ws, sheet)
    for col, width in enumerate(HASIL_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    header_row = HASIL_HEADER_ROW
    row = max(sheet.shape[0], header_row + 1)
    table = Table(
        displayName=lay.hasil_name, ref=f"A{header_row}:{get_column_letter(len(lay.hasil_headers))}{row}"
    )
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = f"D{header_row + 1}"
    ws.auto_filter.ref = None
    _print_setup(ws)
    ws.print_title_rows = f"{header_row}:{header_row}"


def write_rekap(
    wb: Workbook,
    periode: Periode,
    unit: str,
    tahun: int,
    per_jenis: dict[Jenis, Ringkasan],
    per_sasaran: Sequence[Ringkasan],
    per_pj: Sequence[Ringkasan],
) -> None:
    """Rewrite sheet Rekap for ``periode``."""
    ws = _replace_sheet(wb, L.SHEET_REKAP, after=L.layout().hasil_sheet)
    write_values(ws, rekap_values(periode, unit, tahun, per_jenis, per_sasaran, per_pj))
    for col, width in zip("ABCDEF", REKAP_WIDTHS, strict=True):
        ws.column_dimensions[col].width = width
    ws.column_dimensions[get_column_letter(REKAP_META_COLUMN)].hidden = True
    draw_rekap_charts(ws)
    _print_setup(ws)


@charts.register(L.SHEET_REKAP)
def draw_rekap_charts(ws: Worksheet) -> None:
    """Bar charts: indicators per predikat (IKU, IKI) and mean capaian per sasaran."""
    count = ws.cell(REKAP_PREDIKAT_ROW, 8).value
    if not isinstance(count, int) or count < 1:
        return
    top = REKAP_PREDIKAT_ROW
    chart = BarChart()
    chart.type = "col"
    chart.title = "Jumlah Indikator per Predikat"
    chart.y_axis.title = "Jumlah"
    chart.add_data(
        Reference(ws, min_col=2, max_col=3, min_row=top, max_row=top + count), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=top + count))
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, "J2")
    first, n = ws.cell(top + 1, 8).value, ws.cell(top + 2, 8).value
    if isinstance(first, int) and isinstance(n, int) and n > 0:
        bars = BarChart()
        bars.type = "bar"
        bars.title = "Rata-rata Capaian per Sasaran (%)"
        bars.add_data(
            Reference(ws, min_col=3, min_row=first - 1, max_row=first + n - 1), titles_from_data=True
        )
        bars.set_categories(Reference(ws, min_col=1, min_row=first, max_row=first + n - 1))
        bars.legend = None
        bars.height, bars.width = 7.5, 16
        ws.add_chart(bars, "J18")
