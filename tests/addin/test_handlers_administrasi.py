"""The Administrasi buttons through xlwings' remote engine: what they write beside the workbook and into it."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.addin.test_handlers_laporan import click
from xlwings_app.sheets import register_surat as R

pytestmark = pytest.mark.libreoffice


def test_lembar_disposisi_adds_the_empty_register_the_first_time(example_path: Path) -> None:
    wb = load_workbook(example_path)
    [alert] = click("lembar_disposisi", wb, str(example_path))
    assert "Sheet Register Surat ditambahkan" in alert
    assert R.SHEET in wb.sheetnames
    assert [c.value for c in wb[R.SHEET][R.HEADER_ROW]][:3] == ["Nomor Surat", "Tanggal Surat", "Dari"]
    assert not list(example_path.parent.glob("Lembar_Disposisi*"))


def test_tanda_terima_dokumen_prints_the_receipt_of_the_signed_document(example_path: Path) -> None:
    [alert] = click("tanda_terima_dokumen", load_workbook(example_path), str(example_path))
    assert "Tanda_Terima_Pengukuran_Kinerja_2024_" in alert
    assert list(example_path.parent.glob("Tanda_Terima_Pengukuran_Kinerja_2024_*.docx"))


def test_formulir_rencana_hands_out_one_form_per_penanggung_jawab(example_path: Path) -> None:
    [alert] = click("formulir_rencana", load_workbook(example_path), str(example_path))
    folder = example_path.parent / "Formulir Rencana 2024"
    assert f"file di {folder}" in alert
    assert len(list(folder.glob("Formulir Rencana 2024 - *.xlsx"))) >= 1
