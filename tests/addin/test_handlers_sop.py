"""Periksa Waktu SOP through xlwings' remote engine, against what ``kinerja sop periksa`` writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.addin.test_handlers_hitung import click, values
from tests.ready import example_with_sop
from xlwings_app.adapters.xlwings.marks import NOTE_PREFIX
from xlwings_app.cli import app
from xlwings_app.services import sop as sop_service
from xlwings_app.sheets.sop_layout import SHEET_HASIL, SHEET_LOG
from xlwings_app.sheets.sop_results import CHART_COLUMN, RUNS_TABLE


@pytest.fixture
def with_log(example_path: Path) -> Path:
    """The example with its SOP and the filled TW3 log, sheet Hasil SOP not yet written."""
    example_with_sop(example_path, spare_rows=5)  # the example_path workbook with sop_contoh run, built once
    wb = load_workbook(example_path)
    del wb[SHEET_HASIL]
    wb.save(example_path)
    return example_path


def test_periksa_waktu_sop_writes_what_kinerja_sop_periksa_writes(with_log: Path, tmp_path: Path) -> None:
    cli = tmp_path / "cli" / with_log.name
    cli.parent.mkdir()
    shutil.copy(with_log, cli)
    result = CliRunner().invoke(app, ["sop", "periksa", str(cli)])
    assert result.exit_code == 0, result.output
    expected = load_workbook(cli)
    wb, [alert] = click("periksa_waktu_sop", with_log)
    assert values(wb, SHEET_HASIL) == values(expected, SHEET_HASIL)
    assert len(values(wb, SHEET_HASIL)) > 25
    assert wb.sheetnames == expected.sheetnames
    ours, theirs = wb[SHEET_HASIL], expected[SHEET_HASIL]
    assert [t.ref for t in ours.tables.values()] == [t.ref for t in theirs.tables.values()]
    assert list(ours.tables) == [RUNS_TABLE]
    fills = lambda ws: [c.fill.fgColor.rgb for c in ws["M"]]  # noqa: E731  the Status column
    assert fills(ours) == fills(theirs)
    assert ours.column_dimensions["T"].hidden and ours.column_dimensions["W"].hidden
    assert ours.cell(1, CHART_COLUMN).value == theirs.cell(1, CHART_COLUMN).value > 0
    assert "Periode TW3:" in alert and "Grafik lini waktu (Gantt) tidak digambar" in alert
    for sheet in ("SOP", "Kalender", SHEET_LOG, "IKU"):
        assert values(wb, sheet) == values(load_workbook(with_log), sheet)


def test_bad_log_marks_the_cell_and_writes_no_hasil_sop(with_log: Path) -> None:
    wb = load_workbook(with_log)
    log = wb[SHEET_LOG]
    header = next(c for c in log[4] if c.value == "Mulai")
    address = f"{header.column_letter}6"
    log[address] = "kemarin sore"
    wb.save(with_log)
    expected = sop_service.periksa(with_log, tulis=False).problems
    assert any(p.sel == address and p.is_error for p in expected)
    after, [alert] = click("periksa_waktu_sop", with_log)
    assert SHEET_HASIL not in after.sheetnames
    assert after[SHEET_LOG][address].comment.text.startswith(NOTE_PREFIX)
    assert f"{SHEET_LOG}!{address}" in alert and "Sheet Hasil SOP tidak ditulis" in alert
    assert "Traceback" not in alert


HASIL_SHEETS = ("Hasil SOP", "Hasil SOP Perencanaan", "Hasil SOP Pengumpulan Data")


@pytest.fixture
def with_logs(example_path: Path) -> Path:
    """The example's three SOPs (Pengukuran: TW3 log, Perencanaan: 2024 log, Pengumpulan Data: TW3
    rows started), no Hasil SOP sheet of any of them yet."""
    example_with_sop(example_path, spare_rows=5)  # the example_path workbook with sop_contoh run, built once
    wb = load_workbook(example_path)
    for name in HASIL_SHEETS:
        if name in wb.sheetnames:
            del wb[name]
    wb.save(example_path)
    return example_path


def test_periksa_waktu_sop_measures_every_sop_in_one_click(with_logs: Path, tmp_path: Path) -> None:
    cli = tmp_path / "cli" / with_logs.name
    cli.parent.mkdir()
    shutil.copy(with_logs, cli)
    result = CliRunner().invoke(app, ["sop", "periksa", str(cli)])
    assert result.exit_code == 0, result.output
    expected = load_workbook(cli)
    wb, [alert] = click("periksa_waktu_sop", with_logs)
    assert wb.sheetnames == expected.sheetnames and all(name in wb.sheetnames for name in HASIL_SHEETS)
    for name, table in zip(HASIL_SHEETS, (RUNS_TABLE, RUNS_TABLE + "Perencanaan", RUNS_TABLE + "PengumpulanData"),
                           strict=True):  # fmt: skip
        assert values(wb, name) == values(expected, name), name
        assert list(wb[name].tables) == [table]
        assert wb[name].tables[table].ref == expected[name].tables[table].ref
    assert "Log Perencanaan" in str(wb["Hasil SOP Perencanaan"]["A2"].value)
    # the message: each SOP by name with its periods, and each sheet written
    for part in ("Pengukuran Kinerja (sheet SOP):", "Periode TW3: 12 pelaksanaan langkah; tepat waktu 63,64%",
                 "Prosedur Penyusunan Perencanaan Kinerja (sheet SOP Perencanaan):",
                 "Periode 2024: 11 pelaksanaan langkah; tepat waktu 90,91%",
                 "Pengumpulan Data Kinerja (sheet SOP Pengumpulan Data):", "Belum Dimulai 12",
                 "Sheet Hasil SOP ditulis.", "Sheet Hasil SOP Perencanaan ditulis.",
                 "Sheet Hasil SOP Pengumpulan Data ditulis."):  # fmt: skip
        assert part in alert, part
    for sheet in ("SOP", "Log Langkah", "SOP Perencanaan", "Log Perencanaan", "Kalender", "IKU"):
        assert values(wb, sheet) == values(load_workbook(with_logs), sheet)


def test_an_sop_without_log_rows_is_left_out_with_a_note(with_logs: Path) -> None:
    wb = load_workbook(with_logs)
    for row in wb["Log Pengumpulan Data"].iter_rows(min_row=5):  # the rows of TW3 emptied, as a user clears them
        for cell in row:
            cell.value = None
    wb.save(with_logs)
    after, [alert] = click("periksa_waktu_sop", with_logs)
    assert "Hasil SOP" in after.sheetnames and "Hasil SOP Perencanaan" in after.sheetnames
    assert "Hasil SOP Pengumpulan Data" not in after.sheetnames
    assert "Pengumpulan Data Kinerja (sheet SOP Pengumpulan Data):\n  Tidak ada yang diukur." in alert
    assert "Log Pengumpulan Data belum berisi baris langkah; Hasil SOP Pengumpulan Data tidak ditulis." in alert


def test_errors_of_every_sop_are_reported_at_once_and_nothing_is_written(with_logs: Path) -> None:
    wb = load_workbook(with_logs)
    addresses = {}
    for sheet in (SHEET_LOG, "Log Perencanaan"):
        header = next(c for c in wb[sheet][4] if c.value == "Selesai")
        addresses[sheet] = f"{header.column_letter}6"
        wb[sheet][addresses[sheet]] = "besok pagi"
    wb.save(with_logs)
    after, [alert] = click("periksa_waktu_sop", with_logs)
    assert not set(HASIL_SHEETS) & set(after.sheetnames)
    for sheet, address in addresses.items():
        assert f"{sheet}!{address}" in alert
        assert after[sheet][address].comment.text.startswith(NOTE_PREFIX)
    assert "Sheet Hasil SOP tidak ditulis" in alert and "Traceback" not in alert
