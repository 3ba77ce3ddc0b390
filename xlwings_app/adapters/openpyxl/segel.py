"""Sheet Segel: one row per sealed period (``kinerja arsip``), read back to warn of later changes.

Columns are ``report.seal.SealRecord.as_row()``'s keys. Rows are only appended, never edited:
a period sealed again is judged by its latest row.
"""

from __future__ import annotations

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl import styles as S
from xlwings_app.adapters.openpyxl.sheet_format import print_setup
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.seal import SHEET, SealRecord

HEADERS = ("Periode", "Kode Verifikasi", "Disegel Pada", "File Arsip", "SHA-256 Arsip", "Sidik Indikator")
HEADER_ROW = 4
WIDTHS = (10, 16, 26, 46, 66, 80)
TITLE = "Segel Periode (arsip dokumen yang telah ditandatangani)"
SUBTITLE = (
    "Ditulis oleh Kinerja (kinerja arsip); jangan diubah. Bila data periode tersegel berubah, "
    "Kinerja memberi peringatan."
)


def seal_row(record: SealRecord) -> list[str]:
    """The cells of ``record``'s row, in ``HEADERS`` order (all text)."""
    row = record.as_row()
    return [row[header] for header in HEADERS]


def write_empty(wb: Workbook) -> None:
    """Add sheet Segel with its title and header row (no seal yet)."""
    ws = wb.create_sheet(SHEET)
    ws["A1"] = TITLE
    ws["A1"].font = S.TITLE_FONT
    ws["A2"] = SUBTITLE
    ws["A2"].font = S.SUBTITLE_FONT
    ws["A3"] = "Satu baris per periode yang disegel (kinerja arsip); tanpa baris berarti belum ada yang disegel."
    ws["A3"].font = S.SUBTITLE_FONT  # printed, so the sheet's page is never a blank one
    for col, (text, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, col, text)
        cell.font, cell.fill, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.BOX
        ws.column_dimensions[cell.column_letter].width = width
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    ws.protection.sheet = True


def append_seal(wb: Workbook, record: SealRecord) -> None:
    """Record ``record`` as the last row of sheet Segel (created when missing)."""
    if SHEET not in wb.sheetnames:
        write_empty(wb)
    ws = wb[SHEET]
    row = max(ws.max_row, HEADER_ROW) + 1
    for col, value in enumerate(seal_row(record), start=1):
        cell = ws.cell(row, col, value)
        cell.data_type = "s"
        cell.border = S.BOX


def read_seals(rows: list[tuple[object, ...]]) -> tuple[list[SealRecord], list[Problem]]:
    """Seal records from the sheet's rows (as openpyxl yields them, header row included)."""
    records: list[SealRecord] = []
    problems: list[Problem] = []
    for index, row in enumerate(rows, start=1):
        if index <= HEADER_ROW or not row or not row[0]:
            continue
        values = {h: ("" if v is None else str(v)) for h, v in zip(HEADERS, row, strict=False)}
        try:
            records.append(SealRecord.from_row(values))
        except (KeyError, ValueError):
            problems.append(Problem("Baris segel tidak dapat dibaca (diubah dengan tangan?); diabaikan.",
                                    SHEET, index, tingkat="catatan"))
    return records, problems
