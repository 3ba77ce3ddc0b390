"""Sheet Hasil SOP with openpyxl: what ``kinerja sop periksa`` writes (inputs are never touched).

A summary row per period, the Table ``TabelHasilSOP`` with one row per run of a step (status cells
coloured), and a Gantt-style bar chart of one period drawn from hidden helper columns, so
``adapters.openpyxl.charts.restore_charts`` can redraw it after any load-and-save. The cells and their styles are
``sheets.sop_results.hasil_sop_values`` (written by ``grid.write_values``); this module adds what
only a file has: the Table, the widths, the run rows' heights, the chart and the print setup.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.adapters.openpyxl.sheet_format import print_setup, replace_sheet
from xlwings_app.adapters.openpyxl.sop_sheets import fit_height
from xlwings_app.domain.sop.summary import PeriodSummary
from xlwings_app.sheets import palette as P
from xlwings_app.sheets.sop_layout import DEFAULT_PLACE, SopPlace
from xlwings_app.sheets.sop_results import (
    CHART_COLUMN,
    CHART_META,
    RUN_HEADERS,
    RUN_WIDTHS,
    RUNS_TABLE,
    RUNS_TOP,
    hasil_sop_values,
    runs_last_row,
)

CHART_ANCHOR = "F4"
"""Beside the summary block, above the runs table."""


def write_hasil_sop(
    wb: Workbook,
    sop_nama: str,
    summaries: Sequence[PeriodSummary],
    chart_periode: str | None = None,
    place: SopPlace | None = None,
) -> None:
    """Rewrite sheet Hasil SOP (of ``place``, None: the first SOP) from ``summaries``; the chart
    shows ``chart_periode`` (else the last)."""
    place = place or DEFAULT_PLACE
    ws = replace_sheet(wb, place.hasil, after=place.log)
    sheet = hasil_sop_values(sop_nama, summaries, chart_periode, place)
    write_values(ws, sheet)
    top, row = RUNS_TOP, runs_last_row(sheet)
    table = Table(displayName=RUNS_TABLE + place.suffix, ref=f"A{top}:{get_column_letter(len(RUN_HEADERS))}{row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=False)
    ws.add_table(table)
    for col, width in enumerate(RUN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for fitted in range(top + 1, row + 1):
        fit_height(ws, fitted)
    for offset in range(4):
        ws.column_dimensions[get_column_letter(CHART_COLUMN + offset)].hidden = True
    draw_hasil_sop_chart(ws)
    ws.freeze_panes = ws.cell(top + 1, 4)
    print_setup(ws)


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
    length.graphicalProperties.solidFill = P.SOP_BAR_OTHER
    for index in range(count):
        status = ws.cell(top + 1 + index, col + 3).value
        point = DataPoint(idx=index)
        point.graphicalProperties.solidFill = P.SOP_BARS.get(str(status), P.SOP_BAR_OTHER)
        length.dPt.append(point)
    chart.x_axis.scaling.orientation = "maxMin"  # step 1 at the top
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.y_axis.title = "Hari sejak langkah pertama dimulai"
    chart.y_axis.majorGridlines = None
    chart.legend = None
    chart.visible_cells_only = False  # the data sits in hidden helper columns
    chart.height, chart.width = max(7.5, 0.6 * count + 3), 22
    ws.add_chart(chart, CHART_ANCHOR)
