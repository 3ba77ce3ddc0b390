"""Impor Formulir through xlwings' remote engine, against what ``kinerja rekap`` writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.addin.test_handlers_hitung import click, values
from tests.services.forms.conftest import find_cell
from xlwings_app.cli import app
from xlwings_app.services.formulir import formulir
from xlwings_app.sheets.riwayat import SHEET_RIWAYAT

FORMS = "Formulir TW3"  # the example's Periode aktif is TW3


@pytest.fixture
def forms(example_path: Path) -> dict[str, Path]:
    """The example's TW3 forms in the folder Ekspor Formulir writes, by penanggung jawab."""
    result = formulir(example_path, example_path.parent / FORMS)
    assert result.valid
    return {pj: Path(path) for pj, path, _ in result.formulir}


def type_into(form: Path, kode: str, header: str, value: object) -> None:
    wb = load_workbook(form)
    cell = wb["Isian"][find_cell(form, "Isian", kode, header)]
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    wb.save(form)


def test_impor_formulir_writes_what_kinerja_rekap_writes(
    example_path: Path, forms: dict[str, Path], tmp_path: Path
) -> None:
    form = forms["Kasi Pelayanan Umum"]
    type_into(form, "IKU-02", "Realisasi TW III", 97.9)
    type_into(form, "IKU-03", "Keterangan", "=bukan rumus")
    type_into(forms["Camat"], "IKU-01", "Permasalahan TW III", "Data BPS terlambat.")
    cli = tmp_path / "cli"
    shutil.copytree(example_path.parent / FORMS, cli / FORMS)
    shutil.copy(example_path, cli / example_path.name)
    run = CliRunner().invoke(app, ["rekap", str(cli / example_path.name), str(cli / FORMS)])
    assert run.exit_code == 0, run.output
    expected = load_workbook(cli / example_path.name)
    wb, [alert] = click("impor_formulir", example_path)
    for sheet in ("IKU", "IKI", "Profil", "Pengaturan"):
        assert values(wb, sheet) == values(expected, sheet), sheet
    ours, theirs = values(wb, SHEET_RIWAYAT), values(expected, SHEET_RIWAYAT)
    assert [row[1:] for row in ours] == [row[1:] for row in theirs]  # column A: the time of the rekap
    assert len(ours) == 4 + 3
    assert wb.sheetnames == expected.sheetnames
    text = wb["IKU"][find_cell(example_path, "IKU", "IKU-03", "Keterangan")]
    assert text.value == "=bukan rumus" and text.data_type == "s"
    assert "3 sel diubah dan dicatat di sheet Riwayat" in alert and FORMS in alert


def test_impor_formulir_with_a_bad_form_writes_nothing_and_names_file_sheet_cell(
    example_path: Path, forms: dict[str, Path]
) -> None:
    form = forms["Kasi Pelayanan Umum"]
    type_into(forms["Camat"], "IKU-01", "Realisasi TW III", 84)  # valid, but not written either
    type_into(form, "IKU-02", "Realisasi TW III", "banyak sekali")
    address = find_cell(form, "Isian", "IKU-02", "Realisasi TW III")
    before = load_workbook(example_path)
    wb, [alert] = click("impor_formulir", example_path)
    for sheet in before.sheetnames:
        assert values(wb, sheet) == values(before, sheet), sheet
    assert wb.sheetnames == before.sheetnames
    assert alert.startswith("Formulir tidak diimpor; tidak ada yang diubah.")
    assert f"{form.name}, Isian!{address}" in alert
    assert "Traceback" not in alert


def test_impor_formulir_without_the_folder_says_which_folder(example_path: Path) -> None:
    before = load_workbook(example_path)
    wb, [alert] = click("impor_formulir", example_path)
    assert wb.sheetnames == before.sheetnames
    assert alert.startswith("Formulir tidak diimpor") and FORMS in alert
