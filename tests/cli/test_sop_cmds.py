"""``kinerja sop``: help with an example, exit codes 0 / 2 / 1, JSON with the figures of Hasil SOP."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.services.sop.helpers import digest, fill_log, plain_workbook, sop_workbook
from xlwings_app.cli import app
from xlwings_app.domain.sop.presets import preset
from xlwings_app.services import sop as service

runner = CliRunner()


@pytest.mark.parametrize("command", ["mulai", "periksa", "daftar"])
def test_every_sop_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, ["sop", command, "--help"])
    assert result.exit_code == 0
    assert f"Contoh: kinerja sop {command}" in result.output


def test_mulai_then_periksa(tmp_path: Path) -> None:
    path = plain_workbook(tmp_path / "k.xlsx")
    made = runner.invoke(app, ["sop", "mulai", str(path), "--periode", "TW1", "--sop", "pengukuran-lumajang"])
    assert made.exit_code == 0, made.output
    assert "Log Langkah TW1: 12 baris ditambahkan (baris 5-16)" in made.output
    again = runner.invoke(app, ["sop", "mulai", str(path), "--periode", "TW1"])
    assert again.exit_code == 2
    checked = runner.invoke(app, ["sop", "periksa", str(path)])
    assert checked.exit_code == 0, checked.output
    assert "Belum Dimulai 12" in checked.output


def test_periksa_json_has_the_figures(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "k.xlsx", preset("pengukuran-kominfo"))
    fill_log(path, [
        ("TW1", 1, "Kadis", datetime(2024, 4, 1, 8), datetime(2024, 4, 1, 8, 30), None),  # 30 of 15 menit
        ("TW1", 2, "Sekretaris", datetime(2024, 4, 1, 9), datetime(2024, 4, 1, 9, 10), None),
    ])  # fmt: skip
    result = runner.invoke(app, ["sop", "periksa", str(path), "--periode", "TW1", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    (periode,) = payload["periode"]
    assert payload["sop"] == "PENGUKURAN KINERJA" and payload["ditulis"] is True
    assert periode["tepat_waktu_persen"] == 50
    assert periode["status"]["Terlambat"] == 1 and periode["status"]["Tepat Waktu"] == 1
    assert [p["pesan"] for p in payload["masalah"]] == [
        "Periode TW1: langkah 3, 4, 5, 6, 7, 8, 9 tidak ada di log."
    ]
    assert periode["keterlambatan_terbesar"] == [{"langkah": 1, "putaran": 1, "selisih_menit": 15}]
    assert periode["langkah"][0]["mulai"] == "2024-04-01T08:00:00"
    assert periode["langkah"][0]["batas_waktu"] == "2024-04-01T08:15:00"
    assert periode["siklus"]["hari_kalender"] == 1


def test_bad_input_exits_2_and_keeps_the_file(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "k.xlsx", preset("pengukuran-kominfo"))
    fill_log(path, [("TW1", 1, "Kadis", "pagi", None, None)])
    before = digest(path)
    result = runner.invoke(app, ["sop", "periksa", str(path), "--json"])
    assert result.exit_code == 2
    (problem,) = [p for p in json.loads(result.stdout)["masalah"] if p["tingkat"] == "galat"]
    assert (problem["sheet"], problem["sel"], problem["kolom"]) == ("Log Langkah", "F5", "Mulai")
    assert digest(path) == before


def test_a_file_that_cannot_be_used_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sop", "periksa", str(tmp_path / "tidak-ada.xlsx")])
    assert result.exit_code == 2
    assert "tidak ditemukan" in result.output


def test_an_internal_error_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KINERJA_DEBUG", raising=False)

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(service, "periksa", broken)
    monkeypatch.setattr(service, "periksa_semua", broken)
    for only in ([], ["--sop", "Perencanaan"]):  # every SOP, or one
        result = runner.invoke(app, ["sop", "periksa", str(tmp_path / "k.xlsx"), *only])
        assert result.exit_code == 1
        assert "Galat internal Kinerja" in result.output


def test_periksa_prints_each_standard_as_the_sop_states_it(tmp_path: Path) -> None:
    path = sop_workbook(tmp_path / "k.xlsx", preset("pengukuran-lumajang"))
    fill_log(path, [
        ("TW1", n, "X", datetime(2024, 4, 1, 8, n), datetime(2024, 4, 1, 8, n + 1), None) for n in range(1, 5)
    ] + [("TW1", 5, "NURUL", datetime(2024, 4, 1, 9), datetime(2024, 4, 4, 15), None)])  # fmt: skip
    result = runner.invoke(app, ["sop", "periksa", str(path), "--periode", "TW1"])
    assert result.exit_code == 0, result.output
    step5 = next(line for line in result.output.splitlines() if "NURUL" in line)
    assert "4 hari" in step5 and "3 hari 5 jam" in step5 and "Tepat Waktu" in step5
    assert "1.800" not in result.output
    payload = json.loads(runner.invoke(app, ["sop", "periksa", str(path), "--periode", "TW1", "--json"]).stdout)
    assert payload["periode"][0]["langkah"][4]["waktu_sop"] == "4 hari"


@pytest.mark.parametrize("command", ["laporan", "sesuaikan"])
def test_the_new_sop_commands_have_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, ["sop", command, "--help"])
    assert result.exit_code == 0 and f"Contoh: kinerja sop {command}" in result.output
