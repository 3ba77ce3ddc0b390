"""Sheets SOP, Kalender and Log Langkah: written, edited by a user, read back with every problem."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.services.sop.helpers import edit, fill_log, sop_workbook
from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets, step_header_row
from xlwings_app.adapters.xlsx.reader import read_sop_workbook
from xlwings_app.domain.problems import errors, notices
from xlwings_app.domain.sop.calendar import JUMAT, WorkingCalendar, WorkingHours
from xlwings_app.domain.sop.log import LogEntry
from xlwings_app.domain.sop.presets import preset, preset_ids
from xlwings_app.domain.sop.sop_rows import IDENTITY
from xlwings_app.sheets.sop_layout import SHEET_KALENDER, SHEET_SOP

KOMINFO = preset("pengukuran-kominfo")


@pytest.mark.parametrize("preset_id", preset_ids())
def test_every_preset_survives_the_sheet(tmp_path: Path, preset_id: str) -> None:
    sop = preset(preset_id)
    data = read_sop_workbook(sop_workbook(tmp_path / "a.xlsx", sop))
    assert data.sop == sop
    assert errors(data.problems) == []
    assert data.entries == [] and data.log_last_row == 4


def test_kalender_round_trip(tmp_path: Path) -> None:
    half_saturday = WorkingHours(time(8), time(12))
    calendar = WorkingCalendar(
        week=(JUMAT, None, None, None, JUMAT, half_saturday, None),
        days_off=frozenset({date(2024, 12, 26), date(2024, 5, 10)}),
        working_days=frozenset({date(2024, 6, 15)}),
        national=False,
    )
    path = tmp_path / "k.xlsx"
    wb = Workbook()
    add_sop_sheets(wb, KOMINFO, 2024, calendar)
    wb.save(path)
    data = read_sop_workbook(path)
    assert data.calendar == calendar
    assert data.problems == []


def test_default_kalender_lists_the_cuti_bersama_of_the_year(tmp_path: Path) -> None:
    data = read_sop_workbook(sop_workbook(tmp_path / "a.xlsx", KOMINFO, tahun=2024))
    assert date(2024, 12, 26) in data.calendar.days_off  # Cuti Bersama Hari Raya Natal
    assert data.calendar.national


def test_bad_kalender_cells_name_their_cell(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "a.xlsx", KOMINFO)

    def damage(wb: Workbook) -> None:
        ws = wb[SHEET_KALENDER]
        ws["B5"] = "7.3o"  # Senin, Masuk
        ws["D6"], ws["E6"] = time(17), time(18)  # Selasa: break after work
        ws["G20"] = "besok"
        ws["J5"] = datetime(1900, 1, 1)
        ws["B13"] = "mungkin"

    edit(path, damage)
    found = read_sop_workbook(path).problems
    assert [(p.sel, p.kolom) for p in found] == [
        ("B5", "Masuk"),
        ("B6", "Masuk"),
        ("G20", "Tanggal"),
        ("J5", "Tanggal"),
        ("B13", "Libur Nasional"),
    ]
    assert "Senin, Masuk: '7.3o' bukan jam" in found[0].pesan
    assert "Istirahat 17.00-18.00 harus di dalam jam kerja" in found[1].pesan
    assert all(p.sheet == SHEET_KALENDER and p.file == "a.xlsx" for p in found)


def test_user_edits_to_the_sop_table(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "a.xlsx", KOMINFO)
    top = step_header_row(KOMINFO)

    def change(wb: Workbook) -> None:
        ws = wb[SHEET_SOP]
        ws.insert_cols(8)  # a new Pelaksana column after Staff (H)
        ws.cell(top, 8, "Bendahara")
        ws.cell(top + 9, 8, "x")  # step 9 is now Staff and Bendahara
        ws.cell(top, 10, "Waktu (menit)")  # the Waktu column moved to J
        ws.cell(top + 1, 10, 20)  # a bare number under "Waktu (menit)"
        ws.cell(top + 2, 10, "lima menit")
        ws.cell(top + 3, 2).value = None  # Kegiatan of step 3 emptied

    edit(path, change)
    data = read_sop_workbook(path)
    assert data.sop is not None
    assert data.sop.pelaksana[-1] == "Bendahara"
    assert data.sop.steps[8].pelaksana == ("Staff", "Bendahara")
    assert data.sop.steps[0].waktu == "20 menit"
    problems = errors(data.problems)
    assert [(p.sel, p.kolom) for p in problems] == [(f"J{top + 2}", "Waktu"), (f"B{top + 3}", "Kegiatan")]
    assert problems[0].pesan.startswith('Langkah 2: Waktu "lima menit" tidak dapat dibaca')


def test_identity_block_is_read_by_label(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "a.xlsx", KOMINFO)
    nama_row = 4 + [key for key, _ in IDENTITY].index("nama")
    revisi_row = 4 + [key for key, _ in IDENTITY].index("tanggal_revisi")

    def change(wb: Workbook) -> None:
        wb[SHEET_SOP].cell(nama_row, 3).value = None
        wb[SHEET_SOP].cell(revisi_row, 3).value = "12 Jan"

    edit(path, change)
    found = errors(read_sop_workbook(path).problems)
    assert sorted((p.sel, p.pesan) for p in found) == [
        (f"C{nama_row}", "Nama SOP belum diisi."),
        (f"C{revisi_row}", "Tanggal Revisi berisi teks, bukan tanggal; isi tanggal (mis. 05-01-2024)."),
    ]


def test_log_rows_read_back_with_dates_alone(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "a.xlsx", KOMINFO)
    fill_log(path, [
        ("TW1", 1, "Kadis", datetime(2024, 4, 1, 8), datetime(2024, 4, 1, 8, 10), "ok"),
        ("tw 1", 2, None, date(2024, 4, 1), None, None),
    ])  # fmt: skip
    data = read_sop_workbook(path)
    assert data.problems == []
    assert data.entries == [
        LogEntry("TW1", 1, "Kadis", datetime(2024, 4, 1, 8), datetime(2024, 4, 1, 8, 10), "ok", baris=5),
        LogEntry("TW1", 2, "", date(2024, 4, 1), None, "", baris=6),
    ]
    assert data.log_last_row == 6


def test_bad_log_cells_are_all_reported_with_their_cells(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "a.xlsx", KOMINFO)
    fill_log(path, [
        ("TW1", 1, "A", datetime(2024, 4, 2, 9), datetime(2024, 4, 1, 9), None),  # selesai before mulai
        ("TW1", 2, "B", "kemarin", None, None),  # text in a date cell
        ("TW1", 3, "C", datetime(1900, 1, 1), None, None),  # Excel's zero date
    ])  # fmt: skip
    found = read_sop_workbook(path).problems
    assert [(p.sel, p.kolom) for p in found] == [("G5", "Selesai"), ("F6", "Mulai"), ("F7", "Mulai")]
    assert notices(found) == []
