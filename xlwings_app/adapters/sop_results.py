"""Sheet Hasil SOP: what ``kinerja sop periksa`` writes (inputs are never touched).

A summary row per period, the Table ``TabelHasilSOP`` with one row per run of a step (status cells
coloured), and a Gantt-style bar chart of one period drawn from hidden helper columns, so
``charts.restore_charts`` can redraw it after any load-and-save.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters import charts
from xlwings_app.adapters import styles as S
from xlwings_app.adapters.sop_sheets import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    SHEET_HASIL,
    SHEET_LOG,
    fit_height,
)
from xlwings_app.domain.sop.measure import STATUSES, StepRun
from xlwings_app.domain.sop.summary import PeriodSummary

SUMMARY_ROW = 5
RUNS_TABLE = "TabelHasilSOP"
SUMMARY_LABELS = (
    "Periode", "Pelaksanaan langkah", "Tepat waktu (%)", *STATUSES,
    "Standar langkah selesai (menit kerja)", "Aktual langkah selesai (menit kerja)",
    "Standar SOP sekali jalan (menit kerja)", "Siklus: mulai", "Siklus: selesai",
    "Siklus (menit kerja)", "Siklus (hari kalender)", "Putaran revisi (keputusan TIDAK)",
    "Keterlambatan terbesar",
)  # fmt: skip
"""The summary block: one figure per row (label in A:C), one column per period from D."""
RUN_HEADERS = (
    "Periode", "Langkah", "Putaran", "Kegiatan", "Peran", "Pelaksana", "Mulai", "Selesai",
    "Batas Waktu", "Standar (menit)", "Aktual (menit)", "Selisih (menit)", "Status", "Keputusan",
    "Presisi", "Catatan", "Baris Log",
)  # fmt: skip
RUN_WIDTHS = (9, 8, 8, 40, 16, 20, 16, 16, 16, 10, 10, 10, 17, 10, 8, 24, 8)
CHART_COLUMN = 20
"""Hidden helper columns T:W hold the chart's data: label, start day, length in days, status."""
CHART_META = "T1"
"""Number of chart rows; T2 holds the helper header row and T3 the period shown."""
CHART_ANCHOR = "F4"
"""Beside the summary block, above the runs table."""
STATUS_FILLS = {
    "Tepat Waktu": "C6EFCE",
    "Terlambat": "FFC7CE",
    "Belum Selesai": "FFEB9C",
    "Belum Dimulai": "D9D9D9",
    "Data Tidak Lengkap": "F8CBAD",
    "Urutan Salah": "E4DFEC",
}
BAR_COLOURS = {"Tepat Waktu": "70AD47", "Terlambat": "C00000", "Urutan Salah": "7030A0"}


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def _header(ws: Worksheet, row: int, headers: Sequence[str], col: int = 1) -> None:
    for offset, text in enumerate(headers):
        cell = ws.cell(row, col + offset, text)
        cell.font, cell.fill, cell.alignment, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP, S.BOX


def _moment_format(value: object) -> str:
    return DATETIME_FORMAT if isinstance(value, datetime) or not isinstance(value, date) else DATE_FORMAT


def write_hasil_sop(
    wb: Workbook, sop_nama: str, summaries: Sequence[PeriodSummary], chart_periode: str | None = None
) -> None:
    """Rewrite sheet Hasil SOP from ``summaries``; the chart shows ``chart_periode`` (else the last)."""
    index = None
    if SHEET_HASIL in wb.sheetnames:
        index = wb.sheetnames.index(SHEET_HASIL)
        del wb[SHEET_HASIL]
    elif SHEET_LOG in wb.sheetnames:
        index = wb.sheetnames.index(SHEET_LOG) + 1
    ws = wb.create_sheet(SHEET_HASIL, index)
    ws["A1"] = f"Hasil Pemeriksaan Waktu SOP: {sop_nama}"
    ws["A1"].font = S.TITLE_FONT
    ws["A2"] = (
        "Ditulis oleh Kinerja (kinerja sop periksa) dari sheet Log Langkah; jangan diketik, akan ditimpa."
    )
    ws["A2"].font = S.SUBTITLE_FONT
    _write_summaries(ws, summaries)
    top = SUMMARY_ROW + len(SUMMARY_LABELS) + 3
    ws.cell(
        top - 1, 1, "Setiap pelaksanaan langkah (putaran 2 dst. = diulang setelah keputusan TIDAK)"
    ).font = S.BOLD
    _header(ws, top, RUN_HEADERS)
    row = top
    for summary in summaries:
        for run in summary.runs:
            row += 1
            _write_run(ws, row, run)
    if row == top:
        row += 1
    table = Table(displayName=RUNS_TABLE, ref=f"A{top}:{get_column_letter(len(RUN_HEADERS))}{row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=False)
    ws.add_table(table)
    for col, width in enumerate(RUN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for fitted in range(top + 1, row + 1):
        fit_height(ws, fitted)
    ws.row_dimensions[top].height = 32
    shown = next((s for s in summaries if s.periode == chart_periode), summaries[-1] if summaries else None)
    _chart_data(ws, shown, top)
    draw_hasil_sop_chart(ws)
    ws.freeze_panes = ws.cell(top + 1, 4)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_summaries(ws: Worksheet, summaries: Sequence[PeriodSummary]) -> None:
    ws.cell(SUMMARY_ROW - 1, 1, "Ringkasan per periode").font = S.BOLD
    for offset, label in enumerate(SUMMARY_LABELS):
        row = SUMMARY_ROW + offset
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        cell = ws.cell(row, 1, label)
        cell.font, cell.border, cell.alignment = S.BOLD, S.BOX, S.WRAP
        ws.row_dimensions[row].height = 15 * max(1, -(-len(label) // 27))
        if offset == 0:
            cell.font, cell.fill = S.HEADER_FONT, S.HEADER_FILL
    for col, summary in enumerate(summaries, start=4):
        delays = "; ".join(
            f"langkah {r.langkah}" + (f" putaran {r.run_no}" if r.run_no > 1 else "")
            + f": +{r.difference_minutes} menit"
            for r in summary.longest_delays
        )  # fmt: skip
        values = (
            summary.periode, len(summary.runs),
            float(summary.share_on_time) if summary.share_on_time is not None else None,
            *(summary.status_counts[s] for s in STATUSES), summary.standard_minutes,
            summary.actual_minutes, summary.sop_standard_minutes, summary.cycle_start,
            summary.cycle_end, summary.cycle_working_minutes, summary.cycle_calendar_days,
            summary.revision_rounds, delays or "-",
        )  # fmt: skip
        for offset, value in enumerate(values):
            cell = ws.cell(SUMMARY_ROW + offset, col, value)
            cell.border, cell.alignment = S.BOX, S.WRAP
            if isinstance(value, str):
                cell.data_type = "s"
            if isinstance(value, datetime):
                cell.number_format = DATETIME_FORMAT
        header = ws.cell(SUMMARY_ROW, col)
        header.font, header.fill, header.alignment = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP
        ws.cell(SUMMARY_ROW + 2, col).number_format = "0.00"
        for status, offset in zip(STATUSES, range(3, 3 + len(STATUSES)), strict=True):
            if summary.status_counts[status]:
                ws.cell(SUMMARY_ROW + offset, col).fill = _fill(STATUS_FILLS[status])
    last = SUMMARY_ROW + len(SUMMARY_LABELS) - 1
    longest = max((len(str(ws.cell(last, c).value or "")) for c in range(4, 4 + len(summaries))), default=0)
    ws.row_dimensions[last].height = 15 * max(1, -(-longest // 38))


def _write_run(ws: Worksheet, row: int, run: StepRun) -> None:
    values = (
        run.periode, run.langkah, run.run_no, run.kegiatan, ", ".join(run.roles), run.pelaksana or None,
        run.mulai, run.selesai, run.deadline, run.standard_minutes, run.actual_minutes,
        run.difference_minutes, run.status, run.decision, run.precision, run.catatan or None, run.baris,
    )  # fmt: skip
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        cell.border = S.BOX
        if isinstance(value, str):
            cell.data_type = "s"
        if col in (7, 8, 9) and value is not None:
            cell.number_format = _moment_format(value)
    ws.cell(row, 4).alignment = S.WRAP
    ws.cell(row, 13).fill = _fill(STATUS_FILLS[run.status])


def _chart_data(ws: Worksheet, summary: PeriodSummary | None, top: int) -> None:
    col = CHART_COLUMN
    runs = [r for r in summary.runs if r.start is not None and r.end is not None] if summary else []
    origin = min((r.start for r in runs if r.start is not None), default=None)
    for offset, text in enumerate(("Langkah", "Mulai (hari ke-)", "Lama (hari)", "Status")):
        ws.cell(top, col + offset, text)
    for index, run in enumerate(runs, start=1):
        assert run.start is not None and run.end is not None and origin is not None
        label = f"{run.langkah}" + (f" ({run.run_no})" if run.run_no > 1 else "") + f" {run.kegiatan[:38]}"
        ws.cell(top + index, col, label)
        ws.cell(top + index, col + 1, round((run.start - origin) / timedelta(days=1), 4))
        ws.cell(top + index, col + 2, round(max(run.end - run.start, timedelta()) / timedelta(days=1), 4))
        ws.cell(top + index, col + 3, run.status)
    ws[CHART_META] = len(runs)
    ws.cell(2, col, top)
    ws.cell(3, col, summary.periode if summary else None)
    for offset in range(4):
        ws.column_dimensions[get_column_letter(col + offset)].hidden = True


@charts.register(SHEET_HASIL)
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
