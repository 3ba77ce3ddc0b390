"""The national nomenclature shipped as data (workbook/nomenklatur) and the rules of its files."""

from __future__ import annotations

import pytest

from xlwings_app.domain.tree.codes import Jenjang, parse_kode
from xlwings_app.domain.tree.nomenklatur import Nomenklatur, merge, parse_nomenklatur, same_name
from xlwings_app.resources import nomenklatur_files, resource_dir


@pytest.fixture(scope="module")
def kecamatan() -> Nomenklatur:
    path = next(p for p in nomenklatur_files() if p.name == "7.01.csv")
    nomenklatur, problems = parse_nomenklatur(path.read_text(encoding="utf-8"), path.name)
    assert problems == []
    return nomenklatur


def test_the_kecamatan_list_ships_with_its_readme_naming_the_sources():
    folder = resource_dir("workbook") / "nomenklatur"
    assert [p.name for p in nomenklatur_files()] == ["7.01.csv"]
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "050-5889" in readme and "Permendagri" in readme and "Menambah nomenklatur unit lain" in readme


def test_the_kecamatan_programs_are_those_of_urusan_7_01(kecamatan):
    programs = {e.kode: e.nama for e in kecamatan.entries if e.jenjang is Jenjang.PROGRAM}
    assert programs == {
        "7.01.01": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        "7.01.02": "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
        "7.01.03": "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
        "7.01.04": "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
        "7.01.05": "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
        "7.01.06": "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
    }
    counts = {j: sum(1 for e in kecamatan.entries if e.jenjang is j) for j in Jenjang}
    assert counts[Jenjang.KEGIATAN] == 20 and counts[Jenjang.SUB_KEGIATAN] == 129


def test_every_entry_has_the_shape_of_its_level_its_parent_before_it_and_a_known_source(kecamatan):
    seen: set[str] = set()
    for entry in kecamatan.entries:
        read = parse_kode(entry.kode, entry.jenjang)
        assert read.kode is not None and read.catatan is None, entry
        assert read.kode.induk is None or read.kode.induk in seen
        assert entry.sumber in ("A", "AB") and entry.nama == " ".join(entry.nama.split())
        seen.add(entry.kode)


def test_the_list_gives_a_dropdown_s_choices_and_finds_a_name(kecamatan):
    assert [e.kode for e in kecamatan.children("7.01.04")] == ["7.01.04.2.01", "7.01.04.2.02"]
    assert [e.kode for e in kecamatan.children("7.01.02.2.01")] == ["7.01.02.2.01.0001", "7.01.02.2.01.0002"]
    found = kecamatan.by_name("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik")
    assert [e.kode for e in found] == ["7.01.02"]
    assert kecamatan.covers("7.01.09.2.01") and not kecamatan.covers("2.16.01")
    assert same_name("Koordinasi dan Penyusunan Perubahan DPA- SKPD", "koordinasi dan penyusunan perubahan DPA-SKPD")


def test_a_broken_file_reports_every_row_that_does_not_fit_with_its_line():
    text = "\n".join([
        "# Nomenklatur contoh",
        "kode,jenjang,nama,sumber",
        "2.16.01,Program,PROGRAM PENUNJANG,X",
        "2.16.01.2.01,Kegiatan,Perencanaan,X",
        "2.16.01.2.01.01,Sub Kegiatan,Dua digit,X",
        "2.16.02.2.01,Kegiatan,Tanpa program,X",
        "2.16.01.2.01,Kegiatan,Ganda,X",
        "2.16.01.2.01.0001,Bidang,Jenjang salah,X",
        "2.16.01.2.01.0002,Sub Kegiatan,,X",
        "2.16.01.2.01.0003,Sub Kegiatan,\"Nama, dengan koma\",X",
    ])  # fmt: skip
    nomenklatur, problems = parse_nomenklatur(text, "2.16.csv")
    assert [e.kode for e in nomenklatur.entries] == ["2.16.01", "2.16.01.2.01", "2.16.01.2.01.0003"]
    assert nomenklatur.get("2.16.01.2.01.0003").nama == "Nama, dengan koma"
    assert [(p.baris, p.kolom) for p in problems] == [
        (5, "kode"), (6, "kode"), (7, "kode"), (8, "jenjang"), (9, "nama"),
    ]  # fmt: skip
    assert all(p.file == "2.16.csv" and p.is_error for p in problems)
    assert "tidak punya induk '2.16.02'" in problems[1].pesan and "ganda" in problems[2].pesan


def test_a_file_without_the_header_or_empty_is_refused_whole():
    assert parse_nomenklatur("kode;nama\n7.01.02;X\n")[0].entries == ()
    assert "kepala kolom" in parse_nomenklatur("kode;nama\n7.01.02;X\n")[1][0].pesan.casefold()
    assert parse_nomenklatur("\ufeff\n# kosong\n")[1][0].pesan == "Berkas nomenklatur kosong."


def test_lists_of_several_files_merge_and_the_first_entry_of_a_code_counts(kecamatan):
    other, _ = parse_nomenklatur("kode,jenjang,nama\n7.01.02,Program,Nama lain\n2.16.01,Program,Penunjang\n")
    merged = merge([kecamatan, other])
    assert merged.get("7.01.02").nama.startswith("PROGRAM PENYELENGGARAAN") and "2.16.01" in merged
    assert len(merged) == len(kecamatan) + 1
