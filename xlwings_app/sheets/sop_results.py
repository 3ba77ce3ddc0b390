"""What sheet Hasil SOP holds, as plain values: one layout for the file writer and the live one.

``hasil_sop_values`` returns a ``sheets.grid.SheetValues``: the summary block (one column per
period, labels merged over A:C), the runs table (one row per run of a step) and the hidden chart
helper columns T:W, with styled spans as data (``fill:<RRGGBB>`` for a status colour of
``sheets.palette.SOP_STATUS``, row heights for the wrapped labels). ``adapters.openpyxl.sop_results``
writes it for ``kinerja sop periksa`` (and draws the Gantt chart); ``adapters.xlwings.sop`` writes
it into the open workbook for the ribbon's Periksa Waktu SOP. Nothing here imports openpyxl or xlwings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from xlwings_app.domain.sop.measure import STATUSES, StepRun
from xlwings_app.domain.sop.summary import PeriodSummary
from xlwings_app.sheets import palette as P
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.sop_layout import DATE_FORMAT, DATETIME_FORMAT, DEFAULT_PLACE, SopPlace

SUMMARY_ROW = 5
RUNS_TABLE = "TabelHasilSOP"
SUMMARY_LABELS = (
    "Periode", "Pelaksanaan langkah", "Tepat waktu (%, dari langkah yang diukur)", *STATUSES,
    "Standar langkah diukur (menit kerja)", "Aktual langkah diukur (menit kerja)",
    "Standar SOP sekali jalan (menit kerja)", "Siklus: mulai", "Siklus: selesai",
    "Siklus (menit kerja)", "Siklus (hari kalender)", "Putaran revisi (keputusan TIDAK)",
    "Keterlambatan terbesar",
)  # fmt: skip
"""The summary block: one figure per row (label in A:C), one column per period from D."""
RUN_HEADERS = (
    "Periode", "Langkah", "Putaran", "Kegiatan", "Peran", "Pelaksana", "Mulai", "Selesai",
    "Batas Waktu", "Waktu SOP", "Standar (menit kerja)", "Aktual (menit kerja)", "Selisih (menit kerja)",
    "Status", "Keputusan", "Presisi", "Keterangan", "Catatan", "Baris Log",
)  # fmt: skip
"""Waktu SOP is the standard as the SOP states it ("4 hari"; "Tanpa standar"); the minute columns
are working minutes for sums; Keterangan holds the measurement's notes (holiday work, a step
Kinerja stamped: not measured)."""
RUN_WIDTHS = (9, 8, 8, 40, 16, 20, 16, 16, 16, 11, 10, 10, 10, 17, 10, 8, 30, 24, 8)
STATUS_COLUMN = RUN_HEADERS.index("Status") + 1
RUNS_TOP = SUMMARY_ROW + len(SUMMARY_LABELS) + 3
"""Header row of the runs table."""
CHART_COLUMN = 20
"""Hidden helper columns T:W hold the chart's data: label, start day, length in days, status."""
CHART_META = "T1"
"""Number of chart rows; T2 holds the helper header row and T3 the period shown."""
STATUS_FILLS = P.SOP_STATUS
"""The status colours (``sheets.palette.SOP_STATUS``)."""


LINE_HEIGHT = 15
LABEL_CHARS = 27
"""Characters per line of a summary label (merged A:C)."""
DELAYS_CHARS = 38
"""Characters per line of the longest-delays text (one summary column)."""
RUN_HEADER_HEIGHT = 32


def _lines(length: int, per_line: int) -> int:
    return max(1, -(-length // per_line))


def _moment_format(value: object) -> str:
    return DATETIME_FORMAT if isinstance(value, datetime) or not isinstance(value, date) else DATE_FORMAT


def _summary_values(summary: PeriodSummary) -> tuple[object, ...]:
    delays = "; ".join(
        f"langkah {r.langkah}" + (f" putaran {r.run_no}" if r.run_no > 1 else "")
        + f": +{r.difference_minutes} menit"
        for r in summary.longest_delays
    )  # fmt: skip
    return (
        summary.periode, len(summary.runs),
        float(summary.share_on_time) if summary.share_on_time is not None else None,
        *(summary.status_counts[s] for s in STATUSES), summary.standard_minutes,
        summary.actual_minutes, summary.sop_standard_minutes, summary.cycle_start,
        summary.cycle_end, summary.cycle_working_minutes, summary.cycle_calendar_days,
        summary.revision_rounds, delays or "-",
    )  # fmt: skip


def run_values(run: StepRun) -> tuple[object, ...]:
    return (
        run.periode, run.langkah, run.run_no, run.kegiatan, ", ".join(run.roles), run.pelaksana or None,
        run.mulai, run.selesai, run.deadline, run.standard_text, run.standard_minutes, run.actual_minutes,
        run.difference_minutes, run.status, run.decision, run.precision, " ".join(run.keterangan) or None,
        run.catatan or None, run.baris,
    )  # fmt: skip


def _chart_values(sheet: SheetValues, summary: PeriodSummary | None) -> None:
    col, top = CHART_COLUMN, RUNS_TOP
    runs = [r for r in summary.runs if r.start is not None and r.end is not None] if summary else []
    origin = min((r.start for r in runs if r.start is not None), default=None)
    sheet.put(top, col, ("Langkah", "Mulai (hari ke-)", "Lama (hari)", "Status"))
    for index, run in enumerate(runs, start=1):
        assert run.start is not None and run.end is not None and origin is not None
        label = f"{run.langkah}" + (f" ({run.run_no})" if run.run_no > 1 else "") + f" {run.kegiatan[:38]}"
        start = round((run.start - origin) / timedelta(days=1), 4)
        length = round(max(run.end - run.start, timedelta()) / timedelta(days=1), 4)
        sheet.put(top + index, col, (label, start, length, run.status))
    sheet.put(1, col, [len(runs)])
    sheet.put(2, col, [top])
    sheet.put(3, col, [summary.periode if summary else None])


def hasil_sop_values(
    sop_nama: str,
    summaries: Sequence[PeriodSummary],
    chart_periode: str | None = None,
    place: SopPlace = DEFAULT_PLACE,
) -> SheetValues:
    """Sheet Hasil SOP from ``summaries``; the chart helper holds ``chart_periode`` (else the last)."""
    sheet = SheetValues(place.hasil)
    sheet.put(1, 1, [f"Hasil Pemeriksaan Waktu SOP: {sop_nama}"], "title")
    sheet.put(
        2, 1, [f"Ditulis oleh Kinerja (kinerja sop periksa) dari sheet {place.log}; jangan diketik, akan ditimpa."],
        "subtitle",
    )  # fmt: skip
    sheet.put(SUMMARY_ROW - 1, 1, ["Ringkasan per periode"], "bold")
    last = SUMMARY_ROW + len(SUMMARY_LABELS) - 1
    for offset, label in enumerate(SUMMARY_LABELS):
        row = SUMMARY_ROW + offset
        sheet.put(row, 1, [label], "header" if offset == 0 else "bold", "box", "wrap")
        sheet.style("merge", row, 1, 1, 3)
        if row != last:
            sheet.style(f"height:{_lines(len(label), LABEL_CHARS) * LINE_HEIGHT}", row, 1)
    for col, summary in enumerate(summaries, start=4):
        values = _summary_values(summary)
        for offset, value in enumerate(values):
            sheet.put(SUMMARY_ROW + offset, col, [value], "wrap", "box")
            if isinstance(value, datetime):
                sheet.style(f"format:{DATETIME_FORMAT}", SUMMARY_ROW + offset, col)
        sheet.style("header", SUMMARY_ROW, col)
        sheet.style("format:0.00", SUMMARY_ROW + 2, col)
        for status, offset in zip(STATUSES, range(3, 3 + len(STATUSES)), strict=True):
            if summary.status_counts[status]:
                sheet.style(f"fill:{STATUS_FILLS[status]}", SUMMARY_ROW + offset, col)
    longest = max((len(str(_summary_values(s)[-1] or "")) for s in summaries), default=0)
    sheet.style(f"height:{_lines(longest, DELAYS_CHARS) * LINE_HEIGHT}", last, 1)
    top = RUNS_TOP
    sheet.put(top - 1, 1, ["Setiap pelaksanaan langkah (putaran 2 dst. = diulang setelah keputusan TIDAK)"], "bold")
    sheet.put(top, 1, RUN_HEADERS, "header")
    sheet.style(f"height:{RUN_HEADER_HEIGHT}", top, 1)
    row = top
    for summary in summaries:
        for run in summary.runs:
            row += 1
            values = run_values(run)
            sheet.put(row, 1, values, "box")
            for col in (7, 8, 9):
                if values[col - 1] is not None:
                    sheet.style(f"format:{_moment_format(values[col - 1])}", row, col)
            sheet.style("wrap", row, 4)
            sheet.style("wrap", row, STATUS_COLUMN + 3)
            sheet.style(f"fill:{STATUS_FILLS[run.status]}", row, STATUS_COLUMN)
    shown = next((s for s in summaries if s.periode == chart_periode), summaries[-1] if summaries else None)
    _chart_values(sheet, shown)
    return sheet


def runs_last_row(sheet: SheetValues) -> int:
    """Last row of the runs table (its header row plus at least one row, as a Table needs)."""
    rows = [r for r, c in sheet.cells if r > RUNS_TOP and c < CHART_COLUMN]
    return max(rows, default=RUNS_TOP + 1)
