"""Builders for the SOP adapter, service and CLI tests: workbooks made from literal values."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets
from xlwings_app.domain.sop.model import Sop
from xlwings_app.sheets.sop_layout import LOG_HEADERS, SHEET_LOG


def plain_workbook(path: Path, tahun: int | None = 2024) -> Path:
    """A workbook with only a Profil sheet (Tahun in B3), as a Kinerja workbook before SOP sheets."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Profil"
    if tahun is not None:
        ws["A3"], ws["B3"] = "Tahun *", tahun
    wb.save(path)
    return path


def sop_workbook(path: Path, sop: Sop, tahun: int = 2024) -> Path:
    wb = Workbook()
    add_sop_sheets(wb, sop, tahun)
    wb.save(path)
    return path


def edit(path: Path, change: Callable[[Workbook], None]) -> None:
    wb = load_workbook(path)
    change(wb)
    wb.save(path)


def log_column(header: str) -> int:
    return LOG_HEADERS.index(header) + 1


def fill_log(path: Path, rows: list[tuple[object, ...]], first_row: int = 5) -> None:
    """Write (periode, langkah, pelaksana, mulai, selesai, catatan) rows into Log Langkah."""

    def change(wb: Workbook) -> None:
        ws: Worksheet = wb[SHEET_LOG]
        for offset, (periode, langkah, pelaksana, mulai, selesai, catatan) in enumerate(rows):
            row = first_row + offset
            values = {"Periode": periode, "Langkah": langkah, "Pelaksana": pelaksana,
                      "Mulai": mulai, "Selesai": selesai, "Catatan": catatan}  # fmt: skip
            for header, value in values.items():
                ws.cell(row, log_column(header), value)
        table = ws.tables["TabelLogLangkah"]
        table.ref = f"A4:H{max(first_row + len(rows) - 1, 5)}"

    edit(path, change)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
