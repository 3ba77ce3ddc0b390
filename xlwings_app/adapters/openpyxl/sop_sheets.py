"""Sheets SOP, Kalender and Log Langkah: their layout (declared once, below) and their writers.

SOP holds the identity block (label in columns A:B, value in C to the last column) and the
procedure table (No, Kegiatan,
one column per Pelaksana marked "X", Kelengkapan, Waktu, Output, Keterangan, TIDAK Kembali ke).
Kalender holds the working hours per weekday and the extra days off / working days. Log Langkah is
the Excel Table ``TabelLogLangkah``, one row per run of a step. ``sop_reader`` reads them back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl import styles as S
from xlwings_app.domain.sop.calendar import WorkingCalendar, cuti_bersama, national_holidays
from xlwings_app.domain.sop.calendar_rows import HOURS_HEADERS, week_rows
from xlwings_app.domain.sop.log import LABELS, LogEntry
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.sop_rows import DATE_FIELDS, IDENTITY, LIST_FIELDS, MARK, STEP_HEADERS

# --- the layout -------------------------------------------------------------------------------
SHEET_SOP, SHEET_KALENDER, SHEET_LOG, SHEET_HASIL = "SOP", "Kalender", "Log Langkah", "Hasil SOP"
SOP_IDENTITY_ROW = 4
"""First row of the identity block: label in A (merged A:B), value in C (merged to the last column)."""
SOP_IDENTITY_VALUE_COLUMN = 3
SOP_SPARE_STEPS = 10
KALENDER_HEADER_ROW = 4
"""Header row of the three Kalender tables; Senin..Minggu in rows 5-11 (columns A-E)."""
KALENDER_NATIONAL = "B13"
"""Ya/Tidak: national holidays count."""
KALENDER_LIST_ROWS = 120
"""Rows read in each date list (Hari Libur Tambahan in G:H, Hari Kerja Tambahan in J:K)."""
KALENDER_OFF_COLUMN, KALENDER_WORK_COLUMN, KALENDER_INFO_COLUMN = 7, 10, 13
LOG_HEADER_ROW = 4
LOG_TABLE = "TabelLogLangkah"
LOG_HEADERS = (
    LABELS["periode"],
    LABELS["langkah"],
    "Kegiatan",
    "Peran",
    LABELS["pelaksana"],
    LABELS["mulai"],
    LABELS["selesai"],
    LABELS["catatan"],
)
"""Kegiatan and Peran are copied from the SOP for reading ease; the reader ignores them."""
LOG_INFO = ("Kegiatan", "Peran")
LOG_WIDTHS = (9, 8, 44, 18, 22, 17, 17, 30)
LOG_VALIDATED_ROWS = 2000
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
DATE_FORMAT = "dd-mm-yyyy"
TIME_FORMAT = "hh:mm"
EXCEL_2000 = 36526
"""Excel's serial number of 1 Januari 2000: the earliest date a log accepts."""
PLACE_NAME_MAX = 31 - len(SHEET_HASIL) - 1
"""Longest SOP name in a sheet name: "Hasil SOP <name>" must fit Excel's 31 characters."""


@dataclass(frozen=True)
class SopPlace:
    """Where one SOP of the workbook lives, so that several SOPs sit side by side, each with its log.

    The workbook's first SOP has the plain sheets SOP, Log Langkah and Hasil SOP (as always);
    each further one is named: SOP Perencanaan, Log Perencanaan, Hasil SOP Perencanaan. The
    sheet Kalender is shared by all.
    """

    nama: str = ""

    @property
    def sop(self) -> str:
        return f"{SHEET_SOP} {self.nama}" if self.nama else SHEET_SOP

    @property
    def log(self) -> str:
        return f"Log {self.nama}" if self.nama else SHEET_LOG

    @property
    def hasil(self) -> str:
        return f"{SHEET_HASIL} {self.nama}" if self.nama else SHEET_HASIL

    @property
    def suffix(self) -> str:
        """What the place adds to Table names (letters and digits of its name)."""
        return re.sub(r"[^0-9A-Za-z]", "", self.nama)

    @property
    def log_table(self) -> str:
        return LOG_TABLE + self.suffix


DEFAULT_PLACE = SopPlace()


def short_name(sop_nama: str) -> str:
    """The name of an SOP as a sheet suffix: "Prosedur Penyusunan Perencanaan Kinerja" -> "Perencanaan"."""
    text = re.sub(r"^\s*(prosedur\s+)?(penyusunan\s+)?", "", sop_nama, flags=re.IGNORECASE)
    text = re.sub(r"\s+kinerja\s*$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[\\/?*\[\]:']", " ", text)
    return " ".join(text.split()).title()[:PLACE_NAME_MAX].strip() or "Lain"


def places_in(sheetnames: Iterable[str]) -> list[SopPlace]:
    """The SOPs a workbook holds, by its sheet names: SOP first, then every "SOP <name>"."""
    names = list(sheetnames)
    found = [DEFAULT_PLACE] if SHEET_SOP in names else []
    prefix = SHEET_SOP + " "
    return found + [SopPlace(n[len(prefix):].strip()) for n in names if n.startswith(prefix) and n[len(prefix):].strip()]


def _replace(wb: Workbook, name: str) -> Worksheet:
    index = None
    if name in wb.sheetnames:
        index = wb.sheetnames.index(name)
        del wb[name]
    return wb.create_sheet(name, index)


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


def _landscape(ws: Worksheet, title_rows: str | None = None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows


def fit_height(ws: Worksheet, row: int) -> None:
    """Set the row's height for its wrapped text (LibreOffice and some Excel builds do not)."""
    lines = 1
    for cell in ws[row]:
        if cell.value is None or not (cell.alignment and cell.alignment.wrap_text):
            continue
        width = ws.column_dimensions[cell.column_letter].width or 10
        per_line = max(1, int(width * 1.15))
        lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in str(cell.value).split("\n")))
    ws.row_dimensions[row].height = min(409, 15 * lines)


def step_header_row(sop: Sop) -> int:
    """Header row of the procedure table under the identity block."""
    return SOP_IDENTITY_ROW + len(IDENTITY) + 2


def write_sop(wb: Workbook, sop: Sop, place: SopPlace = DEFAULT_PLACE, catatan: str = "") -> None:
    """(Re)write sheet SOP (or the ``place``'s SOP sheet) from ``sop``; ``catatan`` (row 3) says how a
    preset was made the unit's."""
    ws = _replace(wb, place.sop)
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
    _landscape(ws, f"{top}:{top}")


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
    ws = _replace(wb, SHEET_KALENDER)
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
    _landscape(ws)


def _label(day: date) -> str:
    """The note beside a listed day: the holidays package's cuti bersama name when it knows one."""
    return cuti_bersama(day.year).get(day, "")


def write_log(
    wb: Workbook, sop: Sop, entries: Sequence[LogEntry] = (), place: SopPlace = DEFAULT_PLACE
) -> None:
    """(Re)write sheet Log Langkah (or the ``place``'s log) as a Table holding ``entries``."""
    ws = _replace(wb, place.log)
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
    _landscape(ws, f"{top}:{top}")


def write_log_rows(ws: Worksheet, sop: Sop, entries: Sequence[LogEntry], first_row: int) -> int:
    """Write ``entries`` from ``first_row`` on; widen the log Table to cover them; return the last row."""
    row = first_row - 1
    for entry in entries:
        row += 1
        step = sop.step(entry.langkah) if entry.langkah is not None else None
        values: dict[str, object] = {
            "Periode": entry.periode,
            "Langkah": entry.langkah,
            "Kegiatan": step.kegiatan if step else None,
            "Peran": ", ".join(step.pelaksana) if step else None,
            "Pelaksana": entry.pelaksana or None,
            "Mulai": entry.mulai,
            "Selesai": entry.selesai,
            "Catatan": entry.catatan or None,
        }
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
