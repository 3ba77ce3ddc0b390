"""``kinerja contoh`` (make demo) produces the Pengumpulan Data papers and fills the log itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlwings_app.adapters.xlsx.sop_reader import read_sop_workbook
from xlwings_app.cli import app
from xlwings_app.services.baru import EXAMPLE_NAME


@pytest.mark.libreoffice
def test_the_demo_hands_out_collects_and_reports_the_tw4_forms(tmp_path: Path) -> None:
    run = CliRunner().invoke(app, ["contoh", str(tmp_path)])
    assert run.exit_code == 0, run.output
    assert (tmp_path / "formulir" / "Tanda Terima Formulir TW4.xlsx").is_file()
    for version in ("Draf", "Final"):
        assert (tmp_path / "pengumpulan" / f"Laporan_Pengumpulan_Data_2024_TW4_{version}.pdf").is_file()
    assert "2 formulir belum masuk" in run.output
    stamped = [e for e in read_sop_workbook(tmp_path / EXAMPLE_NAME).entries
               if e.periode == "TW4" and e.catatan.startswith("Dicatat otomatis")]  # fmt: skip
    assert [e.langkah for e in stamped] == [6]  # the example's SOP (Pengukuran): the rekap is step 6
    assert stamped[0].catatan == "Dicatat otomatis (kinerja rekap): 6 formulir, 11 perubahan"
