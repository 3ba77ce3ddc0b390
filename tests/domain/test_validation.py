"""domain.validation: the checks across rows (unique kode, existing IKU Induk, known penanggung jawab)."""

from __future__ import annotations

from dataclasses import replace

from tests.domain.builders import indicator
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.validation import check_indicators

IKU = replace(indicator(kode="IKU-01"), sheet="IKU", baris=5)
IKI = replace(indicator(kode="IKI-01", jenis=Jenis.IKI), sheet="IKI", baris=5, induk="IKU-01")


def test_a_consistent_table_has_no_problem() -> None:
    assert check_indicators([IKU, IKI]) == []


def test_a_duplicate_kode_names_both_cells_case_ignored() -> None:
    twin = replace(IKU, kode="iku-01", baris=6)
    cells = {("IKU", 5, "kode"): "A5", ("IKU", 6, "kode"): "A6"}
    [problem] = check_indicators([IKU, twin], cells)
    assert problem.sel == "A6" and "sel IKU!A5" in problem.pesan and "ganda" in problem.pesan


def test_an_iki_whose_induk_does_not_exist_is_named() -> None:
    [problem] = check_indicators([IKU, replace(IKI, induk="IKU-09")])
    assert (problem.sheet, problem.kolom, problem.nilai) == ("IKI", "IKU Induk", "IKU-09")


def test_a_penanggung_jawab_must_be_an_official_once_the_table_has_entries() -> None:
    assert check_indicators([IKU], daftar_penanggung_jawab=()) == []
    assert check_indicators([IKU], daftar_penanggung_jawab=["sekretaris  kecamatan"]) == []  # spacing, case
    [problem] = check_indicators([IKU], daftar_penanggung_jawab=["Camat"])
    assert problem.kolom == "Penanggung Jawab" and "tabel Pejabat" in problem.pesan
