"""``make demo``'s kabupaten step (``services.contoh_kabupaten.contoh``): every state but one, quickly."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from xlwings_app.domain.kabupaten import Keadaan
from xlwings_app.services.contoh_kabupaten import contoh
from xlwings_app.sheets import kabupaten as K


def test_the_demo_rekap(tmp_path: Path) -> None:
    lines = list(contoh(tmp_path / "kabupaten"))
    assert len(lines) == 2 and "5 unit" in lines[0]
    rekap = tmp_path / "kabupaten" / "Rekap Kabupaten Uji 2024.xlsx"
    ws = load_workbook(rekap, read_only=True)[K.SHEET_REKAP]
    states = [r[2] for r in ws.iter_rows(min_row=K.HEADER_ROW + 1, values_only=True) if r[1]]
    assert sorted(states) == sorted(
        s.value for s in (Keadaan.FINAL, Keadaan.BELUM_DISEGEL, Keadaan.GALAT_ISIAN, Keadaan.BERUBAH, Keadaan.BELUM_DITERIMA)
    )
    assert (tmp_path / "kabupaten" / "Rekapitulasi_Pengukuran_Kinerja_2024_TW2.docx").stat().st_size > 10_000
