"""The demo's Pengumpulan Data steps (``kinerja contoh``): the papers are made, the log fills itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx.reader import read_sop_workbook
from xlwings_app.samples import example
from xlwings_app.services import laporan_pengumpulan
from xlwings_app.services.contoh import EXAMPLE_NAME, formulir_contoh, sop_contoh
from xlwings_app.services.sop import mulai


@pytest.mark.libreoffice
def test_the_demo_hands_out_collects_and_reports_the_tw4_forms(tmp_path: Path) -> None:
    path = tmp_path / EXAMPLE_NAME
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=10,
                   pejabat=example.PEJABAT).save(path)  # fmt: skip
    list(sop_contoh(path))
    assert mulai(path, "TW4").valid
    lines = [*formulir_contoh(path, tmp_path / "formulir"),
             *laporan_pengumpulan.contoh(path, tmp_path / "formulir", tmp_path / "pengumpulan")]  # fmt: skip
    assert (tmp_path / "formulir" / "Tanda Terima Formulir TW4.xlsx").is_file()
    for version in ("Draf", "Final"):
        assert (tmp_path / "pengumpulan" / f"Laporan_Pengumpulan_Data_2024_TW4_{version}.pdf").is_file()
    assert "2 formulir belum masuk" in lines[-1]
    stamped = [e for e in read_sop_workbook(path).entries
               if e.periode == "TW4" and e.catatan.startswith("Dicatat otomatis")]  # fmt: skip
    assert [e.langkah for e in stamped] == [6]  # the example's SOP (Pengukuran): the rekap is step 6
    assert stamped[0].catatan == "Dicatat otomatis (kinerja rekap) pada Mulai dan Selesai: 6 formulir, 11 perubahan"
    assert stamped[0].pelaksana == "NURUL HIDAYATI, S.E."  # Tim SAKIP: the Pengelola of sheet Profil
    from xlwings_app.sheets.sop_layout import SopPlace

    kumpul = {e.langkah for e in read_sop_workbook(path, SopPlace("Pengumpulan Data")).entries
              if e.periode == "TW4" and "Dicatat otomatis" in e.catatan}  # fmt: skip
    assert kumpul == {6, 7, 8, 9, 10}  # the Pengumpulan Data SOP beside it gets its own steps too
