"""The SOP actions on real files: mulai adds a period's rows, periksa measures and writes Hasil SOP."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.services.sop.helpers import digest, edit, fill_log, plain_workbook, sop_workbook
from xlwings_app.adapters.xlsx.reader import read_sop_workbook
from xlwings_app.domain.problems import errors
from xlwings_app.domain.sop.presets import preset
from xlwings_app.services import sop as service
from xlwings_app.services.contoh import sop_contoh
from xlwings_app.sheets.palette import SOP_STATUS
from xlwings_app.sheets.sop_layout import LOG_TABLE, SHEET_HASIL, SHEET_LOG
from xlwings_app.sheets.sop_results import CHART_META, RUNS_TABLE, STATUS_COLUMN

KOMINFO = preset("pengukuran-kominfo")  # 9 steps; step 7 TIDAK returns to step 6


def test_mulai_adds_the_sop_sheets_and_one_row_per_step(tmp_path: Path) -> None:
    path = plain_workbook(tmp_path / "k.xlsx", tahun=2025)
    result = service.mulai(path, "TW1", preset_id="pengukuran-kominfo")
    assert result.valid and result.sheets_added
    assert (result.first_row, result.last_row) == (5, 13)
    data = read_sop_workbook(path)
    # a workbook whose unit is not known yet: the preset without the seed office's register
    assert data.sop == replace(KOMINFO, nomor="", tanggal_pembuatan=None, tanggal_revisi=None,
                               tanggal_efektif=None, disahkan_oleh=None)
    assert [(e.periode, e.langkah, e.mulai) for e in data.entries] == [("TW1", n, None) for n in range(1, 10)]
    wb = load_workbook(path)
    assert wb.sheetnames == ["Profil", "SOP", "Kalender", "Log Langkah"]
    assert wb[SHEET_LOG].tables[LOG_TABLE].ref == "A4:H13"
    assert wb[SHEET_LOG]["C5"].value == KOMINFO.steps[0].kegiatan  # Kegiatan copied for reading ease
    assert wb["Kalender"]["N5"].value == "Tahun Baru Masehi"  # national holidays of the Profil's Tahun


def test_mulai_appends_the_next_period_below(tmp_path: Path) -> None:
    path = plain_workbook(tmp_path / "k.xlsx")
    service.mulai(path, "TW1", preset_id="pengukuran-kominfo")
    second = service.mulai(path, "TW II")
    assert second.valid and not second.sheets_added
    assert (second.periode, second.first_row, second.last_row) == ("TW2", 14, 22)
    assert load_workbook(path)[SHEET_LOG].tables[LOG_TABLE].ref == "A4:H22"
    assert [e.periode for e in read_sop_workbook(path).entries] == ["TW1"] * 9 + ["TW2"] * 9


def test_mulai_refusals_leave_the_file_unchanged(tmp_path: Path) -> None:
    path = plain_workbook(tmp_path / "k.xlsx")
    before = digest(path)
    no_sop = service.mulai(path, "TW1")
    assert not no_sop.valid and "Sheet 'SOP' tidak ditemukan" in errors(no_sop.problems)[0].pesan
    unknown = service.mulai(path, "TW1", preset_id="pengukuran-jember")
    assert [p.pesan.split(";")[0] for p in unknown.problems] == ['SOP bawaan "pengukuran-jember" tidak ada']
    assert digest(path) == before
    service.mulai(path, "TW1", preset_id="pengukuran-kominfo")
    before = digest(path)
    again = service.mulai(path, "tw1")
    assert [(p.sheet, p.baris, p.pesan) for p in errors(again.problems)] == [
        (
            SHEET_LOG,
            5,
            "Periode TW1 sudah ada di Log Langkah (baris 5-13); hapus baris itu dulu bila ingin memulai ulang.",
        )
    ]
    assert digest(path) == before


def _kominfo_log(path: Path) -> None:
    # Senin 1 Juli 2024 onwards; the Kadis sends the concept back once (7 TIDAK -> 6).
    d = datetime
    fill_log(path, [
        ("TW2", 1, "Kadis", d(2024, 7, 1, 8), d(2024, 7, 1, 8, 10), None),
        ("TW2", 2, "Sekretaris", d(2024, 7, 1, 9), d(2024, 7, 1, 9, 45), None),  # 45 of 15 menit
        ("TW2", 3, "Kasubag", d(2024, 7, 1, 10), d(2024, 7, 2, 9), None),
        ("TW2", 4, "Staff", d(2024, 7, 2, 9), d(2024, 7, 3, 9), None),
        ("TW2", 5, "Tim", d(2024, 7, 3, 9), d(2024, 7, 3, 15), None),
        ("TW2", 6, "Kasubag", d(2024, 7, 4, 8), d(2024, 7, 4, 15), None),
        ("TW2", 7, "Kadis", d(2024, 7, 5, 8), d(2024, 7, 8, 15), "TIDAK: buat rencana aksi"),  # late
        ("TW2", 6, "Kasubag", d(2024, 7, 9, 8), d(2024, 7, 9, 12), None),
        ("TW2", 7, "Kadis", d(2024, 7, 9, 13), d(2024, 7, 9, 14), "YA"),
        ("TW2", 8, "Kadis", d(2024, 7, 9, 14), None, None),
        ("TW2", 9, None, None, None, None),
    ])  # fmt: skip


def test_periksa_writes_hasil_sop_with_colours_and_a_chart(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "k.xlsx", KOMINFO)
    _kominfo_log(path)
    result = service.periksa(path)
    assert result.valid and result.ditulis
    (summary,) = result.summaries
    assert summary.revision_rounds == 1
    assert [(r.langkah, r.run_no, r.status) for r in summary.runs if r.status != "Tepat Waktu"] == [
        (2, 1, "Terlambat"),
        (7, 1, "Terlambat"),
        (8, 1, "Belum Selesai"),
        (9, 1, "Belum Dimulai"),
    ]
    ws = load_workbook(path)[SHEET_HASIL]
    table = ws.tables[RUNS_TABLE]
    top = int(table.ref.split(":")[0][1:])
    assert table.ref == f"A{top}:S{top + 11}"
    assert ws.cell(top, STATUS_COLUMN).value == "Status" and ws.cell(top, 10).value == "Waktu SOP"
    statuses = [ws.cell(top + i, STATUS_COLUMN).value for i in range(1, 12)]
    assert statuses == [r.status for r in summary.runs]
    assert [ws.cell(top + i, 10).value for i in range(1, 3)] == ["15 Menit", "15 Menit"]  # as the SOP states it
    late = statuses.index("Terlambat") + top + 1
    assert ws.cell(late, STATUS_COLUMN).fill.fgColor.rgb.endswith(SOP_STATUS["Terlambat"])
    assert ws[CHART_META].value == 9  # runs with a start and an end (step 8 is open, 9 not begun)
    assert len(ws._charts) == 1
    assert ws["D5"].value == "TW2" and ws["D6"].value == 11


def test_the_chart_survives_another_save(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "k.xlsx", KOMINFO)
    _kominfo_log(path)
    service.periksa(path)
    service.mulai(path, "TW3")  # loads and saves the workbook again (openpyxl drops charts)
    assert len(load_workbook(path)[SHEET_HASIL]._charts) == 1


def test_periksa_bad_input_lists_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "k.xlsx", KOMINFO)
    fill_log(path, [
        ("TW1", 1, "A", datetime(2024, 4, 2, 9), datetime(2024, 4, 1, 9), None),  # selesai before mulai
        ("TW1", 12, "B", None, None, None),  # an unknown step
        ("TW1", 2, "C", "jam 8 pagi", None, None),  # text in a date cell
        ("TW1", 3, "D", datetime(1900, 1, 1), None, None),  # a date in 1900
    ])  # fmt: skip
    before = digest(path)
    result = service.periksa(path)
    assert not result.valid and not result.ditulis
    assert [(p.sheet, p.sel or p.baris, p.kolom) for p in errors(result.problems)] == [
        (SHEET_LOG, "G5", "Selesai"),
        (SHEET_LOG, "F7", "Mulai"),
        (SHEET_LOG, "F8", "Mulai"),
        (SHEET_LOG, 6, "Langkah"),
    ]
    assert "Langkah 12 tidak ada di SOP" in errors(result.problems)[3].pesan
    assert all(p.file == "k.xlsx" for p in result.problems)
    assert digest(path) == before


def test_periksa_one_period(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "k.xlsx", KOMINFO)
    _kominfo_log(path)
    service.mulai(path, "TW3")
    assert [s.periode for s in service.periksa(path, tulis=False).summaries] == ["TW2", "TW3"]
    only = service.periksa(path, "TW3")
    assert [s.periode for s in only.summaries] == ["TW3"]
    assert load_workbook(path)[SHEET_HASIL]["T3"].value == "TW3"
    missing = service.periksa(path, "TW4")
    assert [p.pesan for p in errors(missing.problems)] == ["Periode TW4 tidak ada di log."]


def test_example_has_late_steps_and_one_revision_round(tmp_path: Path) -> None:
    path = plain_workbook(tmp_path / "contoh.xlsx")
    lines = list(sop_contoh(path))
    text = "\n".join(lines)
    assert "putaran revisi 1" in text
    assert "Terlambat 4" in text
    assert "Keterlambatan terbesar: langkah 8 +1 jam 30 menit" in text
    edit(path, lambda wb: None)
    assert SHEET_HASIL in load_workbook(path).sheetnames


@pytest.mark.libreoffice
def test_holiday_work_in_a_log_saved_by_libreoffice_counts_with_its_note(tmp_path: Path) -> None:
    from tests.services.sop.helpers import libreoffice_resave
    from xlwings_app.sheets.sop_results import RUN_HEADERS

    path = sop_workbook(tmp_path / "k.xlsx", KOMINFO)
    fill_log(path, [
        ("TW3", 1, "Kadis", datetime(2024, 8, 17, 8, 0), datetime(2024, 8, 17, 8, 30), None),  # Hari Kemerdekaan
        ("TW3", 2, "Sekretaris", datetime(2024, 8, 19, 8, 0), datetime(2024, 8, 19, 8, 10), None),
    ])  # fmt: skip
    libreoffice_resave(path, tmp_path)
    result = service.periksa(path, "TW3")
    assert result.valid, result.problems
    first = result.summaries[0].runs[0]
    assert (first.actual_minutes, first.status) == (30, "Terlambat")  # not "0 menit" on the holiday
    ws = load_workbook(path)[SHEET_HASIL]
    top = int(ws.tables[RUNS_TABLE].ref.split(":")[0][1:])
    note = ws.cell(top + 1, RUN_HEADERS.index("Keterangan") + 1).value
    assert note.startswith("Dikerjakan pada libur nasional Hari Kemerdekaan Republik Indonesia (17-08-2024)")
    assert ws.cell(top + 1, RUN_HEADERS.index("Waktu SOP") + 1).value == "15 Menit"
