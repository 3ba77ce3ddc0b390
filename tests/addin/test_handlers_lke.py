"""The Evaluasi AKIP button: the LKE workbook beside the saved master and the draft summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.addin.test_handlers_hitung import click
from xlwings_app.adapters.openpyxl.lke import fill_lke
from xlwings_app.services.lke import hitung, lke_path


@pytest.mark.libreoffice
def test_evaluasi_akip_builds_the_lke_keeps_the_answers_and_makes_the_draft(example_path: Path) -> None:
    _, [alert] = click("evaluasi_akip", example_path)
    target = lke_path(example_path, 2024)
    assert target.is_file() and f"Workbook LKE: {target}" in alert
    assert "Usulan Kinerja: 21 kriteria; jawaban tim yang dipertahankan: 0." in alert
    assert "Nilai sementara 9,90, predikat D; belum dijawab 59 kriteria." in alert
    assert (example_path.parent / "Evaluasi_AKIP_Mandiri_2024_Draf.pdf").is_file()
    fill_lke(target, {"4.a.1": "Y"})
    _, [alert] = click("evaluasi_akip", example_path)
    assert "jawaban tim yang dipertahankan: 1." in alert and hitung(target).answers["4.a.1"] == "Y"
