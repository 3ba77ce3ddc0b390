"""Sheet Riwayat read back: what append_riwayat wrote, values as they were; a bad time is named."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl.riwayat import HEADER_ROW, SHEET_RIWAYAT, Entry, append_riwayat
from xlwings_app.adapters.xlsx.reader import read_riwayat

WHEN = datetime(2024, 10, 7, 9, 15, 30)


def test_entries_come_back_as_written_and_a_bad_time_is_reported(tmp_path: Path) -> None:
    wb = Workbook()
    written = [
        Entry(WHEN, "Formulir TW4 - Camat.xlsx", "Isian!E9", "IKU-01", "Realisasi TW IV", "IKU!K5", None, 82.5),
        Entry(WHEN, "Formulir TW4 - Camat.xlsx", "Isian!H9", "IKU-01", "Permasalahan", "IKU!O5", "lama", "=baru"),
    ]
    append_riwayat(wb, written)
    wb[SHEET_RIWAYAT].cell(HEADER_ROW + 3, 1, "kemarin")
    wb[SHEET_RIWAYAT].cell(HEADER_ROW + 3, 4, "IKU-02")
    path = tmp_path / "induk.xlsx"
    wb.save(path)
    entries, problems = read_riwayat(path)
    assert entries == written
    [problem] = problems
    assert problem.sheet == SHEET_RIWAYAT and problem.sel == f"A{HEADER_ROW + 3}" and "kemarin" in problem.pesan


def test_a_workbook_without_riwayat_has_no_changes(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    Workbook().save(path)
    assert read_riwayat(path) == ([], [])
