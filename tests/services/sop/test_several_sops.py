"""Several SOPs in one workbook: Perencanaan, Pengukuran and Pengumpulan Data side by side, each with its log."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.services.sop.helpers import digest, edit, log_column, plain_workbook
from xlwings_app.adapters.xlsx.reader import list_sops, read_sop_workbook
from xlwings_app.cli import app
from xlwings_app.sheets.sop_layout import LOG_HEADER_ROW, SopPlace, places_in, short_name

runner = CliRunner()
THREE = "pengukuran-lumajang,perencanaan-lumajang,pengumpulan-data-tim-sakip"
PLAN = SopPlace("Perencanaan")


def test_short_names_of_the_presets() -> None:
    assert short_name("Prosedur Penyusunan Perencanaan Kinerja") == "Perencanaan"
    assert short_name("PENGUKURAN KINERJA") == "Pengukuran"
    assert short_name("Pengumpulan Data Kinerja") == "Pengumpulan Data"
    assert len(SopPlace(short_name("Prosedur Penyusunan Laporan Keuangan Dan Aset Daerah Tahunan")).hasil) <= 31


def test_baru_with_three_sops_side_by_side(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    result = runner.invoke(app, ["baru", str(path), "--sop", THREE, "--tahun", "2025"])
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    for sheet in ("SOP", "Log Langkah", "SOP Perencanaan", "Log Perencanaan", "SOP Pengumpulan Data",
                  "Log Pengumpulan Data", "Kalender"):  # fmt: skip
        assert sheet in wb.sheetnames
    assert wb.sheetnames.count("Kalender") == 1
    tables = [name for ws in wb.worksheets for name in ws.tables]
    assert len(tables) == len(set(tables)) and "TabelLogLangkahPerencanaan" in tables
    found = list_sops(path)
    assert [p.sop for p, _ in found] == ["SOP", "SOP Perencanaan", "SOP Pengumpulan Data"]
    assert [n for _, n in found] == [
        "Prosedur Penyusunan Pengukuran Kinerja",
        "Prosedur Penyusunan Perencanaan Kinerja",
        "Pengumpulan Data Kinerja",
    ]


def test_two_presets_of_the_same_kind_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    result = runner.invoke(app, ["baru", str(path), "--sop", "pengukuran-lumajang,pengukuran-kominfo"])
    assert result.exit_code == 2 and "bernama sama" in result.output and not path.exists()


def _fill_perencanaan(path: Path) -> None:
    d = datetime
    rows = [(1, d(2025, 1, 2, 8), d(2025, 1, 2, 8, 5)), (2, d(2025, 1, 2, 9), d(2025, 1, 2, 10))]

    def change(wb: object) -> None:
        ws = wb["Log Perencanaan"]  # type: ignore[index]
        for offset, (langkah, mulai, selesai) in enumerate(rows):
            row = LOG_HEADER_ROW + 1 + offset
            assert ws.cell(row, log_column("Langkah")).value == langkah
            ws.cell(row, log_column("Pelaksana"), "RINA")
            ws.cell(row, log_column("Mulai"), mulai)
            ws.cell(row, log_column("Selesai"), selesai)

    edit(path, change)


def test_mulai_adds_a_further_sop_beside_the_first(tmp_path: Path) -> None:
    path = plain_workbook(tmp_path / "k.xlsx")
    first = runner.invoke(app, ["sop", "mulai", str(path), "-p", "TW1", "--sop", "pengukuran-lumajang"])
    assert first.exit_code == 0, first.output
    added = runner.invoke(app, ["sop", "mulai", str(path), "-p", "2025", "--sop", "perencanaan-lumajang"])
    assert added.exit_code == 0, added.output
    assert "Sheet SOP Perencanaan, Kalender dan Log Perencanaan ditambahkan" in added.output
    assert places_in(load_workbook(path, read_only=True).sheetnames) == [SopPlace(), PLAN]
    plan = read_sop_workbook(path, PLAN)
    assert plan.sop is not None and len(plan.entries) == 11 and {e.periode for e in plan.entries} == {"2025"}
    assert {e.periode for e in read_sop_workbook(path).entries} == {"TW1"}
    # the same period again, naming the SOP by its short name: refused, naming its own log
    before = digest(path)
    again = runner.invoke(app, ["sop", "mulai", str(path), "-p", "2025", "--sop", "Perencanaan"])
    assert again.exit_code == 2 and "Log Perencanaan" in again.output
    assert digest(path) == before
    # the preset of a kind already there is used, not added twice
    same = runner.invoke(app, ["sop", "mulai", str(path), "-p", "TW2", "--sop", "pengukuran-kominfo"])
    assert same.exit_code == 0 and "diabaikan" in same.output
    assert {e.periode for e in read_sop_workbook(path).entries} == {"TW1", "TW2"}


def test_periksa_one_sop_writes_its_own_hasil(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    assert runner.invoke(app, ["baru", str(path), "--sop", THREE]).exit_code == 0
    assert runner.invoke(app, ["sop", "mulai", str(path), "-p", "2025", "--sop", "perencanaan"]).exit_code == 0
    _fill_perencanaan(path)
    result = runner.invoke(app, ["sop", "periksa", str(path), "--sop", "perencanaan", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["sheet"] == "SOP Perencanaan" and out["sop"] == "Prosedur Penyusunan Perencanaan Kinerja"
    [periode] = out["periode"]
    assert periode["periode"] == "2025" and periode["langkah"][0]["status"] == "Tepat Waktu"
    assert periode["langkah"][1]["status"] == "Terlambat"  # 60 minutes for a 15-minute step
    wb = load_workbook(path)
    assert "Hasil SOP Perencanaan" in wb.sheetnames and "Hasil SOP" not in wb.sheetnames
    assert "Log Perencanaan" in str(wb["Hasil SOP Perencanaan"]["A2"].value)


def test_unknown_sop_lists_those_there_are(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    assert runner.invoke(app, ["baru", str(path), "--sop", THREE]).exit_code == 0
    before = digest(path)
    result = runner.invoke(app, ["sop", "periksa", str(path), "--sop", "keuangan"])
    assert result.exit_code == 2
    assert "SOP, SOP Perencanaan, SOP Pengumpulan Data" in " ".join(result.output.split())
    assert digest(path) == before


def test_contoh_holds_three_sops_with_their_logs(tmp_path: Path) -> None:
    from xlwings_app.adapters.openpyxl.builder import build_workbook
    from xlwings_app.samples import example
    from xlwings_app.services.contoh import sop_contoh as contoh

    path = tmp_path / "k.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS).save(path)
    lines = list(contoh(path))
    assert any("Periode 2024: 11 pelaksanaan langkah" in line for line in lines)
    assert [p.sop for p, _ in list_sops(path)] == ["SOP", "SOP Perencanaan", "SOP Pengumpulan Data"]
    assert len(read_sop_workbook(path, SopPlace("Pengumpulan Data")).entries) == 12


def test_periksa_without_sop_measures_every_sop_at_once(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    assert runner.invoke(app, ["baru", str(path), "--sop", THREE]).exit_code == 0
    for periode, sop in (("TW1", "Pengukuran"), ("2025", "perencanaan")):
        assert runner.invoke(app, ["sop", "mulai", str(path), "-p", periode, "--sop", sop]).exit_code == 0
    _fill_perencanaan(path)
    result = runner.invoke(app, ["sop", "periksa", str(path), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [(s["sheet"], s["hasil"], s["ditulis"]) for s in out["semua"]] == [
        ("SOP", "Hasil SOP", True),
        ("SOP Perencanaan", "Hasil SOP Perencanaan", True),
        ("SOP Pengumpulan Data", "Hasil SOP Pengumpulan Data", False),  # its log has no rows yet
    ]
    assert out["sop"] == "Prosedur Penyusunan Pengukuran Kinerja" and out["ditulis"] is True  # the first, as before
    assert [p["periode"] for p in out["semua"][1]["periode"]] == ["2025"]
    notes = [p["pesan"] for p in out["masalah"] if p["tingkat"] == "catatan"]
    assert "Log Pengumpulan Data belum berisi baris langkah; Hasil SOP Pengumpulan Data tidak ditulis." in notes
    wb = load_workbook(path)
    assert {"Hasil SOP", "Hasil SOP Perencanaan"} <= set(wb.sheetnames)
    assert "Hasil SOP Pengumpulan Data" not in wb.sheetnames
    # in words: each SOP named, then the sheets written
    again = runner.invoke(app, ["sop", "periksa", str(path)])
    text = " ".join(again.output.split())
    assert "SOP Prosedur Penyusunan Pengukuran Kinerja (sheet SOP)" in text
    assert "SOP Prosedur Penyusunan Perencanaan Kinerja (sheet SOP Perencanaan)" in text
    assert "Sheet Hasil SOP Perencanaan ditulis" in text and "Log Pengumpulan Data belum berisi" in text


def test_a_period_only_some_logs_hold_is_a_note_for_the_others(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    assert runner.invoke(app, ["baru", str(path), "--sop", THREE]).exit_code == 0
    for periode, sop in (("TW1", "Pengukuran"), ("2025", "perencanaan"), ("TW1", "Pengumpulan Data")):
        assert runner.invoke(app, ["sop", "mulai", str(path), "-p", periode, "--sop", sop]).exit_code == 0
    result = runner.invoke(app, ["sop", "periksa", str(path), "-p", "TW1", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [s["ditulis"] for s in out["semua"]] == [True, False, True]
    assert any(p["pesan"] == "Log Perencanaan tidak berisi periode TW1; Hasil SOP Perencanaan tidak ditulis."
               for p in out["masalah"])
    before = digest(path)
    nowhere = runner.invoke(app, ["sop", "periksa", str(path), "-p", "TW3", "--json"])
    assert nowhere.exit_code == 2
    [error] = [p for p in json.loads(nowhere.stdout)["masalah"] if p["tingkat"] == "galat"]
    assert error["pesan"] == ("Periode TW3 tidak ada di log SOP mana pun (Log Langkah, Log Perencanaan, "
                              "Log Pengumpulan Data).")
    assert digest(path) == before
