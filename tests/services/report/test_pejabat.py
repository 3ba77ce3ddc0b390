"""Sheet Pejabat: the officials feed the Penanggung Jawab dropdown, the check, forms and IKI documents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.profil import Pejabat
from xlwings_app.samples import example
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.live_formulas import NAME_DAFTAR_PJ


def book(tmp_path: Path, indicators=None, pejabat=example.PEJABAT) -> Path:
    path = tmp_path / "kinerja.xlsx"
    build_workbook(example.PROFIL, indicators or example.INDICATORS, example.SETTINGS, pejabat=pejabat).save(path)
    return path


def test_the_example_lists_every_penanggung_jawab_with_name_nip_and_pangkat(tmp_path: Path) -> None:
    data = read_workbook(book(tmp_path))
    assert data.errors == []
    assert data.profil is not None and data.profil.pejabat == example.PEJABAT
    assert {i.penanggung_jawab for i in example.INDICATORS} <= {p.jabatan for p in example.PEJABAT}
    assert all(p.nama and p.nip and p.pangkat for p in example.PEJABAT)
    assert data.settings.daftar_penanggung_jawab == tuple(p.jabatan for p in example.PEJABAT)


def test_the_penanggung_jawab_dropdown_lists_the_table_of_officials(tmp_path: Path) -> None:
    wb = load_workbook(book(tmp_path))
    ws = wb["Pejabat"]
    assert "TabelPejabat" in ws.tables
    assert [c.value for c in ws[L.TITLE_ROWS + 1]][:4] == ["Jabatan", "Nama", "NIP", "Pangkat/Golongan"]
    assert wb.defined_names[NAME_DAFTAR_PJ].attr_text == f"'Pejabat'!$A$5:$A${4 + L.PEJABAT_ROWS}"
    [dv] = [d for d in wb["IKU"].data_validations.dataValidation if d.formula1 == f"={NAME_DAFTAR_PJ}"]
    assert dv.type == "list"


def test_a_penanggung_jawab_not_in_the_table_is_a_problem_naming_its_cell(tmp_path: Path) -> None:
    indicators = [replace(example.INDICATORS[1], penanggung_jawab="Kasi Pelayanan"), *example.INDICATORS[2:]]
    data = read_workbook(book(tmp_path, indicators))
    [problem] = [p for p in data.problems if p.kolom == "Penanggung Jawab"]
    column = L.layout().tables[example.IKU].columns.index(L.layout().tables[example.IKU].column("penanggung_jawab"))
    assert problem.is_error and problem.sheet == "IKU"
    assert problem.sel == f"{chr(ord('A') + column)}5" and "tabel Pejabat" in problem.pesan


def test_an_empty_table_of_officials_checks_nothing(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    settings = replace(example.SETTINGS, daftar_penanggung_jawab=())
    indicators = [replace(example.INDICATORS[0], penanggung_jawab="Siapa Saja")]
    build_workbook(example.PROFIL, indicators, settings).save(path)
    data = read_workbook(path)
    assert not [p for p in data.problems if p.kolom == "Penanggung Jawab"]
    assert data.profil is not None and data.profil.pejabat == ()


def test_a_bad_nip_in_the_table_names_its_cell(tmp_path: Path) -> None:
    pejabat = (Pejabat("Camat", "A", "", "1970121819910110"), *example.PEJABAT[1:])
    data = read_workbook(book(tmp_path, pejabat=pejabat))
    [problem] = [p for p in data.problems if p.sheet == "Pejabat"]
    assert problem.sel == "C5" and "18 angka" in problem.pesan


def test_the_form_heading_names_the_official(tmp_path: Path) -> None:
    from xlwings_app.services.formulir import formulir

    path = book(tmp_path)
    formulir(path, tmp_path / "form", Periode.TW4)
    ws = load_workbook(tmp_path / "form" / "Formulir TW4 - Kasi Pelayanan Umum.xlsx").worksheets[0]
    assert ws["A2"].value == ("Kecamatan Lumajang — Penanggung jawab: Kasi Pelayanan Umum "
                              "(DWI ASTUTIK, S.Sos., NIP 19850917 200902 2 003)")
