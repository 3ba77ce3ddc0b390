"""Sheets SOP, Kalender and Log Langkah: their layout (declared once, below) and their writers.

SOP holds the identity block (label in columns A:B, value in C to the last column) and the
procedure table (No, Kegiatan,
one column per Pelaksana marked "X", Kelengkapan, Waktu, Output, Keterangan, TIDAK Kembali ke).
Kalender holds the working hours per weekday and the extra days off / working days. Log Langkah is
the Excel Table ``TabelLogLangkah``, one row per run of a step (``sheets.log_rows``: the same rows
the package writer ``adapters.xlsx.log_patch`` writes). ``sheets.sop_workbook`` reads them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl import styles as S
from xlwings_app.adapters.openpyxl.sheet_format import print_setup, replace_sheet
from xlwings_app.domain.sop.calendar import WorkingCalendar, cuti_bersama, national_holidays
from xlwings_app.domain.sop.calendar_rows import HOURS_HEADERS, week_rows
from xlwings_app.domain.sop.log import LogEntry
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.sop_rows import DATE_FIELDS, IDENTITY, LIST_FIELDS, MARK, STEP_HEADERS
from xlwings_app.sheets.log_rows import log_row_values, row_height
from xlwings_app.sheets.sop_layout import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    DEFAULT_PLACE,
    EXCEL_2000,
    KALENDER_HEADER_ROW,
    KALENDER_INFO_COLUMN,
    KALENDER_LIST_ROWS,
    KALENDER_NATIONAL,
    KALENDER_OFF_COLUMN,
    KALENDER_WORK_COLUMN,
    LOG_HEADER_ROW,
    LOG_HEADERS,
    LOG_INFO,
    LOG_TABLE,
    LOG_VALIDATED_ROWS,
    LOG_WIDTHS,
    SHEET_KALENDER,
    SOP_IDENTITY_ROW,
    SOP_IDENTITY_VALUE_COLUMN,
    SOP_SPARE_STEPS,
    TIME_FORMAT,
    SopPlace,
)


def _title(ws: Worksheet, title: str, subtitle: str) -> None:
    ws["A1"], ws["A2"] = title, subtitle
    ws["A1"].font, ws["A2"].font = S.TITLE_FONT, S.SUBTITLE_FONT


def _header(ws: Worksheet, row: int, col: int, text: str) -> None:
    cell = ws.cell(row, col, text)
    cell.font, cell.fill, cell.alignment, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP, S.BOX


def _input(ws: Worksheet, row: int, col: int, value: object, wrap: bool = False) -> None:
    cell = ws.cell(row, col, value)
    if isinstance(value, str):
        cell.data_type = "s"  # text stays text: "=..." never becomes a formula
    cell.fill, cell.border = S.INPUT_FILL, S.BOX
    if wrap:
        cell.alignment = S.WRAP


def fit_height(ws: Worksheet, row: int) -> None:
    """Set the row's height for its wrapped text (``sheets.log_rows.row_height``: LibreOffice and
    some Excel builds do not fit a row themselves)."""
    wrapped = [
        (cell.value, ws.column_dimensions[cell.column_letter].width)
        for cell in ws[row]
        if cell.value is not None and cell.alignment and cell.alignment.wrap_text
    ]
    ws.row_dimensions[row].height = row_height(wrapped)


def step_header_row(sop: Sop) -> int:
    """Header row of the procedure table under the identity block."""
    return SOP_IDENTITY_ROW + len(IDENTITY) + 2


def write_sop(wb: Workbook, sop: Sop, place: SopPlace = DEFAULT_PLACE, catatan: str = "") -> None:
    """(Re)write sheet SOP (or the ``place``'s SOP sheet) from ``sop``; ``catatan`` (row 3) says how a
    preset was made the unit's."""
    ws = replace_sheet(wb, place.sop)
    _title(
        ws,
        "Standar Operasional Prosedur (SOP)",
        "Identitas dan uraian prosedur (PermenPANRB 35/2012); "
        "sel kuning boleh diubah, tandai pelaksana dengan X.",
    )
    if catatan:
        ws["A3"] = catatan
        ws["A3"].font = S.SUBTITLE_FONT
    signer = sop.disahkan_oleh
    values: dict[str, object] = {
        "nama": sop.nama,
        "nomor": sop.nomor,
        "disahkan_jabatan": signer.jabatan if signer else "",
        "disahkan_nama": signer.nama if signer else "",
        "disahkan_nip": signer.nip if signer else "",
        "peringatan": sop.peringatan,
    }
    for key in LIST_FIELDS:
        values[key] = "\n".join(getattr(sop, key))
    for key in DATE_FIELDS:
        values[key] = getattr(sop, key)
    headers = [STEP_HEADERS[0], STEP_HEADERS[1], *sop.pelaksana, *STEP_HEADERS[2:]]
    top = step_header_row(sop)
    ws.cell(top - 1, 1, "Uraian Prosedur").font = S.BOLD
    for col, text in enumerate(headers, start=1):
        _header(ws, top, col, text)
    for offset, step in enumerate(sop.steps, start=1):
        marks = [MARK if role in step.pelaksana else None for role in sop.pelaksana]
        row_values = [
            step.no,
            step.kegiatan,
            *marks,
            step.kelengkapan,
            step.waktu,
            step.output,
            step.keterangan,
            step.returns_to if step.is_decision else None,
        ]
        for col, value in enumerate(row_values, start=1):
            _input(ws, top + offset, col, value if value != "" else None, wrap=True)
    for offset in range(len(sop.steps) + 1, len(sop.steps) + 1 + SOP_SPARE_STEPS):
        for col in range(1, len(headers) + 1):
            _input(ws, top + offset, col, None)
    widths = [5, 60, *(11 for _ in sop.pelaksana), 26, 11, 26, 14, 10]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    _write_identity(ws, values, len(headers), sum(widths[2:]))
    for row in range(top + 1, top + 1 + len(sop.steps)):
        fit_height(ws, row)
    ws.freeze_panes = ws.cell(top + 1, 3)
    ws.row_dimensions[top].height = 45
    print_setup(ws, f"{top}:{top}")


def _write_identity(ws: Worksheet, values: dict[str, object], last_col: int, value_width: float) -> None:
    col = SOP_IDENTITY_VALUE_COLUMN
    for offset, (key, label) in enumerate(IDENTITY):
        row = SOP_IDENTITY_ROW + offset
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=col - 1)
        ws.cell(row, 1, label).font = S.BOLD
        ws.cell(row, 1).alignment = S.WRAP
        value = values[key]
        _input(ws, row, col, value if value not in ("", None) else None, wrap=True)
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=last_col)
        if key in DATE_FIELDS:
            ws.cell(row, col).number_format = DATE_FORMAT
        per_line = max(1, int(value_width * 1.15))
        lines = sum(-(-len(part) // per_line) or 1 for part in str(value or "").split("\n"))
        ws.row_dimensions[row].height = min(409, 15 * max(1, lines))


def write_kalender(wb: Workbook, calendar: WorkingCalendar, year: int) -> None:
    """(Re)write sheet Kalender; the national holidays of ``year`` are listed for reference."""
    ws = replace_sheet(wb, SHEET_KALENDER)
    _title(
        ws,
        "Kalender Kerja",
        "Jam kerja, cuti bersama dan libur lokal untuk menghitung Waktu SOP "
        "(libur nasional otomatis dari paket holidays).",
    )
    top = KALENDER_HEADER_ROW
    for col, text in enumerate(HOURS_HEADERS, start=1):
        _header(ws, top, col, text)
    for offset, row in enumerate(week_rows(calendar), start=1):
        ws.cell(top + offset, 1, row[0]).font = S.BOLD
        for col, value in enumerate(row[1:], start=2):
            _input(ws, top + offset, col, value)
            ws.cell(top + offset, col).number_format = TIME_FORMAT
    ws.cell(top + 8, 1, "Masuk dan Pulang kosong = libur. Jam ditulis 07:30.").font = S.SUBTITLE_FONT
    national_row = int(KALENDER_NATIONAL[1:])
    ws.cell(national_row, 1, "Libur nasional dihitung").font = S.BOLD
    _input(ws, national_row, 2, "Ya" if calendar.national else "Tidak")
    choice = DataValidation(type="list", formula1='"Ya,Tidak"', allow_blank=True)
    choice.add(KALENDER_NATIONAL)
    ws.add_data_validation(choice)
    lists = (
        (KALENDER_OFF_COLUMN, "Hari Libur Tambahan (cuti bersama, libur lokal)", sorted(calendar.days_off)),
        (KALENDER_WORK_COLUMN, "Hari Kerja Tambahan (mis. Sabtu masuk)", sorted(calendar.working_days)),
    )
    for col, title, days in lists:
        _header(ws, top, col, "Tanggal")
        _header(ws, top, col + 1, title)
        for offset in range(1, max(len(days), 30) + 1):
            day = days[offset - 1] if offset <= len(days) else None
            _input(ws, top + offset, col, day)
            ws.cell(top + offset, col).number_format = DATE_FORMAT
            _input(ws, top + offset, col + 1, _label(day) if day else None)
        dates = DataValidation(
            type="date", operator="greaterThanOrEqual", formula1="DATE(2000,1,1)", allow_blank=True
        )
        dates.error, dates.showErrorMessage = "Isi tanggal, mis. 26-12-2024.", True
        letter = get_column_letter(col)
        dates.add(f"{letter}{top + 1}:{letter}{top + KALENDER_LIST_ROWS}")
        ws.add_data_validation(dates)
    info = KALENDER_INFO_COLUMN
    _header(ws, top, info, "Tanggal")
    _header(ws, top, info + 1, f"Libur Nasional {year} (otomatis, hanya dibaca)")
    for offset, (day, name) in enumerate(national_holidays(year).items(), start=1):
        ws.cell(top + offset, info, day).number_format = DATE_FORMAT
        ws.cell(top + offset, info + 1, name)
        for col in (info, info + 1):
            ws.cell(top + offset, col).fill = S.COMPUTED_FILL
    for letter, width in zip(
        "ABCDEFGHIJKLMN", (22, 9, 9, 15, 16, 3, 12, 40, 3, 12, 30, 3, 12, 42), strict=True
    ):
        ws.column_dimensions[letter].width = width
    ws.row_dimensions[top].height = 32
    print_setup(ws)


def _label(day: date) -> str:
    """The note beside a listed day: the holidays package's cuti bersama name when it knows one."""
    return cuti_bersama(day.year).get(day, "")


def write_log(
    wb: Workbook, sop: Sop, entries: Sequence[LogEntry] = (), place: SopPlace = DEFAULT_PLACE
) -> None:
    """(Re)write sheet Log Langkah (or the ``place``'s log) as a Table holding ``entries``."""
    ws = replace_sheet(wb, place.log)
    _title(
        ws,
        "Log Langkah SOP",
        "Satu baris = satu pelaksanaan langkah. Isi Pelaksana, Mulai dan Selesai "
        "(tanggal dan jam; tanggal saja = sehari kerja penuh). Langkah yang diulang karena keputusan "
        "TIDAK: tambahkan baris baru di urutan pelaksanaannya.",
    )
    ws["A3"] = "Baris periode baru: kinerja sop mulai FILE --periode TW1 (atau tombol pita)."
    ws["A3"].font = S.SUBTITLE_FONT
    top = LOG_HEADER_ROW
    for col, (text, width) in enumerate(zip(LOG_HEADERS, LOG_WIDTHS, strict=True), start=1):
        _header(ws, top, col, text)
        ws.column_dimensions[get_column_letter(col)].width = width
    end = top + max(len(entries), 1)
    table = Table(displayName=place.log_table, ref=f"A{top}:{get_column_letter(len(LOG_HEADERS))}{end}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)
    write_log_rows(ws, sop, entries, top + 1)
    for key, message in (("Mulai", "tanggal dan jam"), ("Selesai", "tanggal dan jam")):
        letter = get_column_letter(LOG_HEADERS.index(key) + 1)
        rule = DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1=str(EXCEL_2000), allow_blank=True
        )
        rule.error = f"{key}: isi {message} sejak tahun 2000, mis. 01-07-2024 08:00."
        rule.errorTitle, rule.showErrorMessage = "Isian tidak sesuai", True
        rule.add(f"{letter}{top + 1}:{letter}{top + LOG_VALIDATED_ROWS}")
        ws.add_data_validation(rule)
    ws.freeze_panes = ws.cell(top + 1, 3)
    print_setup(ws, f"{top}:{top}")


def write_log_rows(ws: Worksheet, sop: Sop, entries: Sequence[LogEntry], first_row: int) -> int:
    """Write ``entries`` from ``first_row`` on; widen the log Table to cover them; return the last row."""
    row = first_row - 1
    for entry in entries:
        row += 1
        values = log_row_values(sop, entry)
        for col, header in enumerate(LOG_HEADERS, start=1):
            value = values[header]
            _input(ws, row, col, value, wrap=header in LOG_INFO)
            if header in LOG_INFO:
                ws.cell(row, col).fill = S.COMPUTED_FILL
            if header in ("Mulai", "Selesai"):
                ws.cell(row, col).number_format = DATE_FORMAT if _date_only(value) else DATETIME_FORMAT
        fit_height(ws, row)
    table = next((t for t in ws.tables.values() if str(t.displayName).startswith(LOG_TABLE)), None)
    if table is not None and row >= first_row:
        start, end = table.ref.split(":")
        last = int("".join(ch for ch in end if ch.isdigit()))
        if row > last:
            table.ref = f"{start}:{get_column_letter(len(LOG_HEADERS))}{row}"
    return row


def _date_only(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def add_sop_sheets(
    wb: Workbook,
    sop: Sop,
    year: int,
    calendar: WorkingCalendar | None = None,
    catatan: str = "",
    place: SopPlace = DEFAULT_PLACE,
) -> None:
    """Add sheets SOP, Kalender (cuti bersama of ``year`` pre-filled) and an empty Log Langkah.

    For a further SOP (``place`` named) its own SOP and log sheets; Kalender only if missing.
    """
    write_sop(wb, sop, place, catatan)
    if place == DEFAULT_PLACE or calendar is not None or SHEET_KALENDER not in wb.sheetnames:
        write_kalender(wb, calendar or WorkingCalendar(days_off=frozenset(cuti_bersama(year))), year)
    write_log(wb, sop, place=place)
