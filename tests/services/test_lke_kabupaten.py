"""The kabupaten's ranking of units' LKE self-evaluations, each unit's evidence checked against its seals.

Three units in one folder: Kecamatan Lumajang (TW1-TW3 sealed, its proposals only), Kecamatan
Sukodono (nothing sealed, every criterion answered best) and a copy of Lumajang's LKE whose master
is not there. One of Lumajang's archives is changed after sealing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.domain.lke.helpers import best
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.lke import fill_lke
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.domain.lke.peringkat import BuktiStatus
from xlwings_app.samples import example
from xlwings_app.services.contoh_kabupaten import seal
from xlwings_app.services.lke import buat
from xlwings_app.services.lke_kabupaten import kumpulkan
from xlwings_app.services.workbook import create
from xlwings_app.sheets import lke_kabupaten as K


def _unit(folder: Path, name: str, unit: str) -> Path:
    path = folder / f"{name}.xlsx"
    create(path, build_workbook({**example.PROFIL, "unit": unit}, example.INDICATORS, example.SETTINGS, spare_rows=2,
                                pejabat=example.PEJABAT), overwrite=True)  # fmt: skip
    return path


def test_units_are_ranked_and_each_bukti_checked_against_its_own_seals(tmp_path: Path) -> None:
    lumajang = _unit(tmp_path, "lumajang", "Kecamatan Lumajang")
    zips = [seal(lumajang, p, tmp_path / "arsip") for p in (Periode.TW1, Periode.TW2, Periode.TW3)]
    sukodono = _unit(tmp_path, "sukodono", "Kecamatan Sukodono")
    lke_lumajang = buat(lumajang).path
    fill_lke(buat(sukodono).path, best(permenpanrb_88_2021()))
    shutil.copy(lke_lumajang, tmp_path / "LKE 2024 - hilang.xlsx")
    with zips[1].open("ab") as handle:  # TW2's archive changed after sealing
        handle.write(b"diubah")
    hasil = kumpulkan(tmp_path)
    ranked = [(n, u.unit, u.file) for n, u in hasil.ranked]
    assert ranked == [
        (1, "Kecamatan Sukodono", "LKE 2024 - sukodono.xlsx"),
        (2, "Kecamatan Lumajang", "LKE 2024 - hilang.xlsx"),
        (2, "Kecamatan Lumajang", "LKE 2024 - lumajang.xlsx"),
    ]
    by_file = {u.file: u for _, u in hasil.ranked}
    own = by_file["LKE 2024 - lumajang.xlsx"]
    status = {(b.kriteria, b.file): b.status for b in own.bukti}
    assert status[("3.a.2", zips[0].name)] is BuktiStatus.TERVERIFIKASI
    assert status[("3.a.2", zips[1].name)] is BuktiStatus.ARSIP_BERUBAH
    assert own.terverifikasi == len(own.bukti) - 6  # TW2's archive backs 1.a.4, 1.b.1, 3.a.1, 3.a.2, 3.a.3, 3.b.3
    assert {b.status for b in by_file["LKE 2024 - hilang.xlsx"].bukti} == {BuktiStatus.TANPA_INDUK}
    assert by_file["LKE 2024 - sukodono.xlsx"].bukti == ()
    wb = load_workbook(hasil.path)
    rows = list(wb[K.SHEET_PERINGKAT].iter_rows(min_row=K.HEADER_ROW + 1, values_only=True))
    assert [(r[0], r[1], r[7], r[8]) for r in rows] == [
        (1, "Kecamatan Sukodono", 100, "AA (Sangat Memuaskan)"),
        (2, "Kecamatan Lumajang", 12.22, "D (Sangat Kurang)"),  # 9,90 of the example + 1.b.1 (0,82), 3.a.1-3.a.3 (1,50)
        (2, "Kecamatan Lumajang", 12.22, "D (Sangat Kurang)"),  # 9,90 of the example + 1.b.1 (0,82), 3.a.1-3.a.3 (1,50)
    ]
    bukti = list(wb[K.SHEET_BUKTI].iter_rows(min_row=K.HEADER_ROW + 1, values_only=True))
    assert ("Kecamatan Lumajang", "3.a.2", zips[1].name) in {r[:3] for r in bukti}
    result = CliRunner().invoke(app, ["lke", "kabupaten", str(tmp_path), "--keluar", str(tmp_path / "p.xlsx")])
    assert result.exit_code == 0, result.output
    assert "1. Kecamatan Sukodono: 100,00 (AA); bukti dukung terverifikasi 0 dari 0" in result.output
