"""A Kinerja workbook's inputs read together (``sheets.inputs.read_inputs``)."""

from __future__ import annotations

from pathlib import Path

from tests.sheets.sources import IKU_ROW, Rows, indicator_rows, profil_rows
from xlwings_app.sheets.inputs import read_inputs


def test_every_input_sheet_is_read_and_every_problem_names_the_file() -> None:
    iki = {**IKU_ROW, "kode": "IKI-01", "induk": "IKU-09"}
    source = Rows({"Profil": profil_rows(), "IKU": indicator_rows("IKU", IKU_ROW), "IKI": indicator_rows("IKI", iki),
                   "Pejabat": [["Jabatan", "Nama"], ["Camat", "Budi"]]})  # fmt: skip
    data = read_inputs(source, Path("induk.xlsx"))
    assert [i.kode for i in data.indicators] == ["IKU-01", "IKI-01"]
    assert data.settings.daftar_penanggung_jawab == ("Camat",) and data.profil is not None
    assert {p.file for p in data.problems} == {"induk.xlsx"}
    assert any(p.sel == "B5" and p.sheet == "IKI" for p in data.errors)  # IKU Induk IKU-09 does not exist
    assert any(p.sheet == "Pengaturan" and p.tingkat == "catatan" for p in data.problems)
