"""Sheet Hasil SOP with openpyxl: what ``kinerja sop periksa`` writes (inputs are never touched).

A summary row per period, the Table ``TabelHasilSOP`` with one row per run of a step (status cells
coloured), and a Gantt-style bar chart of one period drawn from hidden helper columns, so
``charts.restore_charts`` can redraw it after any load-and-save. The cells come from
``sop_results_values.hasil_sop_values``; this module adds the styles, the Table and the chart.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl import charts
from xlwings_app.adapters.openpyxl import styles as S
from xlwings_app.adapters.openpyxl.sop_sheets import DEFAULT_PLACE, SHEET_HASIL, SopPlace, fit_height
from xlwings_app.domain.sop.measure import STATUSES
from xlwings_app.domain.sop.summary import PeriodSummary
from xlwings_app.sheets.results import SheetValues
from xlwings_app.sheets.sop_results import (
    CHART_COLUMN,
    CHART_META,
    RUN_HEADERS,
    RUN_WIDTHS,
    RUNS_TABLE,
    RUNS_TOP,
    STATUS_FILLS,
    SUMMARY_LABELS,
    SUMMARY_ROW,
    hasil_sop_values,
    runs_last_row,
)

__all__ = ["RUNS_TABLE", "STATUS_FILLS", "SUMMARY_LABELS", "SUMMARY_ROW", "draw_hasil_sop_chart", "write_hasil_sop"]

CHART_ANCHOR = "F4"
"""Beside the summary block, above the runs table."""
BAR_COLOURS = {"Tepat Waktu": "70AD47", "Terlambat": "C00000", "Urutan Salah": "7030A0"}


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def _header(ws: Worksheet, row: int, count: int, col: int = 1) -> None:
    for offset in range(count):
        cell = ws.cell(row, col + offset)
        cell.font, cell.fill, cell.alignment, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP, S.BOX


def _write_values(ws: Worksheet, sheet: SheetValues) -> None:
    for (row, col), value in sheet.cells.items():
        cell = ws.cell(row, col, value)
        if isinstance(value, str):
            cell.data_type = "s"
    for span in sheet.spans:
        kind, _, arg = span.style.partition(":")
        if kind == "format":
            ws.cell(span.row, span.col).number_format = arg


def write_hasil_sop(
    wb: Workbook,
    sop_nama: str,
    summaries: Sequence[PeriodSummary],
    chart_periode: str | None = None,
    place: SopPlace = DEFAULT_PLACE,
) -> None:
    """Rewrite sheet Hasil SOP (of ``place``) from ``summaries``; the chart shows ``chart_periode``."""
    index = None
    if place.hasil in wb.sheetnames:
        index = wb.sheetnames.index(place.hasil)
        del wb[place.hasil]
    elif place.log in wb.sheetnames:
        index = wb.sheetnames.index(place.log) + 1
    ws = wb.create_sheet(place.hasil, index)
    sheet = hasil_sop_values(sop_nama, summaries, chart_periode, place)
    _write_values(ws, sheet)
    ws["A1"].font = S.TITLE_FONT
    ws["A2"].font = S.SUBTITLE_FONT
    _style_summaries(ws, summaries)
    top, row = RUNS_TOP, runs_last_row(sheet)
    ws.cell(top - 1, 1).font = S.BOLD
    _header(ws, top, len(RUN_HEADERS))
    for styled in range(top + 1, row + 1):
        if ws.cell(styled, 1).value is not None:
            _style_run(ws, styled)
    table = Table(displayName=RUNS_TABLE + place.suffix, ref=f"A{top}:{get_column_letter(len(RUN_HEADERS))}{row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=False)
    ws.add_table(table)
    for col, width in enumerate(RUN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for fitted in range(top + 1, row + 1):
        fit_height(ws, fitted)
    ws.row_dimensions[top].height = 32
    for offset in range(4):
        ws.column_dimensions[get_column_letter(CHART_COLUMN + offset)].hidden = True
    draw_hasil_sop_chart(ws)
    ws.freeze_panes = ws.cell(top + 1, 4)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _style_summaries(ws: Worksheet, summaries: Sequence[PeriodSummary]) -> None:
    ws.cell(SUMMARY_ROW - 1, 1).font = S.BOLD
    for offset, label in enumerate(SUMMARY_LABELS):
        row = SUMMARY_ROW + offset
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        cell = ws.cell(row, 1)
        cell.font, cell.border, cell.alignment = S.BOLD, S.BOX, S.WRAP
        ws.row_dimensions[row].height = 15 * max(1, -(-len(label) // 27))
        if offset == 0:
            cell.font, cell.fill = S.HEADER_FONT, S.HEADER_FILL
    for col, summary in enumerate(summaries, start=4):
        for offset in range(len(SUMMARY_LABELS)):
            cell = ws.cell(SUMMARY_ROW + offset, col)
            cell.border, cell.alignment = S.BOX, S.WRAP
        header = ws.cell(SUMMARY_ROW, col)
        header.font, header.fill, header.alignment = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP
        for status, offset in zip(STATUSES, range(3, 3 + len(STATUSES)), strict=True):
            if summary.status_counts[status]:
                ws.cell(SUMMARY_ROW + offset, col).fill = _fill(STATUS_FILLS[status])
    last = SUMMARY_ROW + len(SUMMARY_LABELS) - 1
    longest = max((len(str(ws.cell(last, c).value or "")) for c in range(4, 4 + len(summaries))), default=0)
    ws.row_dimensions[last].height = 15 * max(1, -(-longest // 38))


def _style_run(ws: Worksheet, row: int) -> None:
    for col in range(1, len(RUN_HEADERS) + 1):
        ws.cell(row, col).border = S.BOX
    ws.cell(row, 4).alignment = S.WRAP
    ws.cell(row, 13).fill = _fill(STATUS_FILLS[str(ws.cell(row, 13).value)])


@charts.register(SHEET_HASIL, family=True)
def draw_hasil_sop_chart(ws: Worksheet) -> None:
    """Gantt-style chart: one bar per run, from its start to its end, coloured by status."""
    count, top, periode = ws[CHART_META].value, ws.cell(2, CHART_COLUMN).value, ws.cell(3, CHART_COLUMN).value
    if not isinstance(count, int) or not isinstance(top, int) or count < 1:
        return
    col = CHART_COLUMN
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = f"Lini Waktu Langkah SOP, Periode {periode}"
    chart.add_data(Reference(ws, min_col=col + 1, max_col=col + 2, min_row=top, max_row=top + count),
                   titles_from_data=True)  # fmt: skip
    chart.set_categories(Reference(ws, min_col=col, min_row=top + 1, max_row=top + count))
    offset, length = chart.series
    offset.graphicalProperties.noFill = True
    offset.graphicalProperties.line.noFill = True
    length.graphicalProperties.solidFill = "A5A5A5"
    for index in range(count):
        status = ws.cell(top + 1 + index, col + 3).value
        point = DataPoint(idx=index)
        point.graphicalProperties.solidFill = BAR_COLOURS.get(str(status), "A5A5A5")
        length.dPt.append(point)
    chart.x_axis.scaling.orientation = "maxMin"  # step 1 at the top
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.y_axis.title = "Hari sejak langkah pertama dimulai"
    chart.y_axis.majorGridlines = None
    chart.legend = None
    chart.visible_cells_only = False  # the data sits in hidden helper columns
    chart.height, chart.width = max(7.5, 0.6 * count + 3), 22
    ws.add_chart(chart, CHART_ANCHOR)
