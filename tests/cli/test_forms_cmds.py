"""The commands formulir, lembar and rekap: help with an example, exit codes, output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.forms_scenario import fill_form
from xlwings_app.cli import app
from xlwings_app.samples import example

runner = CliRunner()


@pytest.mark.parametrize("command", ["formulir", "lembar", "rekap"])
def test_every_command_has_indonesian_help_with_an_example(command: str) -> None:
    run = runner.invoke(app, [command, "--help"])
    assert run.exit_code == 0
    assert f"Contoh: kinerja {command} " in run.output


def test_formulir_then_rekap_from_the_command_line(master: Path, tmp_path: Path) -> None:
    out = tmp_path / "Formulir TW4"
    run = runner.invoke(app, ["formulir", str(master), "--periode", "TW4", "--keluar", str(out)])
    assert run.exit_code == 0, run.output
    files = sorted(out.glob("Formulir*.xlsx"))  # beside them: Tanda Terima Formulir TW4.xlsx
    assert len(files) == len(example.PENANGGUNG_JAWAB)
    assert runner.invoke(app, ["formulir", str(master), "--periode", "TW4", "--keluar", str(out)]).exit_code == 2
    fill_form(out / "Formulir TW4 - Kasi Pemerintahan.xlsx", {"IKI-PEM-01": {"r4": 3}})
    run = runner.invoke(app, ["rekap", str(master), str(out), "--periode", "TW4"])
    assert run.exit_code == 0, run.output
    assert "IKI-PEM-01 Realisasi TW IV: (kosong) → 3" in run.output
    run = runner.invoke(app, ["rekap", str(master), str(out), "--periode", "TW4", "--json"])
    payload = json.loads(run.stdout)
    assert run.exit_code == 0 and payload["perubahan"] == [] and payload["ditulis"] is False
    # one folder (README): only the form that was filled came back; the blank ones are not "masuk"
    assert payload["formulir"] == 1 and payload["belum_diisi"] == []
    assert len(payload["belum_kembali"]) == len(payload["tanpa_formulir"]) == len(example.PENANGGUNG_JAWAB) - 1


def test_tahunan_has_no_form(master: Path, tmp_path: Path) -> None:
    run = runner.invoke(app, ["formulir", str(master), "--periode", "TAHUNAN", "--keluar", str(tmp_path / "f")])
    assert run.exit_code == 2 and "TAHUNAN tidak punya kolom realisasi" in run.output
    assert not (tmp_path / "f").exists()


def test_a_master_with_errors_gets_no_forms(master: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(master)
    wb["IKU"]["A5"] = None  # the first indicator loses its kode
    wb.save(master)
    run = runner.invoke(app, ["formulir", str(master), "--periode", "TW4", "--keluar", str(tmp_path / "f")])
    assert run.exit_code == 2 and "Tidak ada yang dibuat" in run.output
    assert not (tmp_path / "f").exists()
