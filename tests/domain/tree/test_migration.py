"""An existing two-level workbook (IKU → IKI, free-text Sasaran and Program/Kegiatan) read as a tree."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from tests.domain.tree.builders import iki, iku
from xlwings_app.domain.problems import errors
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.migration import tree_from_indicators
from xlwings_app.domain.tree.nomenklatur import parse_nomenklatur
from xlwings_app.domain.tree.rules import check_tree
from xlwings_app.resources import nomenklatur_files

PELAYANAN = "Meningkatnya kualitas pelayanan publik"
DESA = "Meningkatnya partisipasi masyarakat desa"


@pytest.fixture(scope="module")
def nomenklatur():
    return parse_nomenklatur(nomenklatur_files()[0].read_text(encoding="utf-8"))[0]


def with_program(ind, program, induk=None, **values):
    return replace(ind, program=program, induk=induk, **values)


def two_level_workbook():
    """Two IKU with their sasaran, IKI naming their program or kegiatan as offices write it."""
    return [
        iku("IKU-1", 5, sasaran=PELAYANAN),
        iku("IKU-2", 6, sasaran="  meningkatnya partisipasi  masyarakat desa "),
        iku("IKU-3", 7, sasaran=PELAYANAN),
        with_program(iki("IKI-1", 5, sasaran=PELAYANAN, pagu=100_000_000, realisasi_anggaran=80_000_000),
                     "7.01.02.2.01 Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", "IKU-1"),
        with_program(iki("IKI-2", 6, sasaran=PELAYANAN), "7.01.02.2.01.0002 Peningkatan Efektifitas", "IKU-3"),
        with_program(iki("IKI-3", 7, sasaran=DESA), "Program Pemberdayaan Masyarakat Desa dan Kelurahan", "IKU-2"),
        with_program(iki("IKI-4", 8, sasaran=DESA), "Pembinaan PKK", "IKU-2"),
        with_program(iki("IKI-5", 9, sasaran=DESA), "", "IKU-2"),
    ]  # fmt: skip


def test_each_distinct_sasaran_becomes_a_sasaran_node_and_the_iku_hang_from_it(nomenklatur):
    migration = tree_from_indicators(two_level_workbook(), nomenklatur)
    tree = migration.tree
    sasaran = tree.of_level(Jenjang.SASARAN)
    assert [(n.kode, n.nama) for n in sasaran] == [("S1", PELAYANAN), ("S2", "meningkatnya partisipasi masyarakat desa")]
    assert [i.kode for i in tree.indicators_of(sasaran[0])][:2] == ["IKU-1", "IKU-3"]
    assert Jenjang.TUJUAN not in tree.levels()


def test_an_iki_whose_program_cell_starts_with_a_code_hangs_from_that_node_with_its_levels_made(nomenklatur):
    tree = tree_from_indicators(two_level_workbook(), nomenklatur).tree
    kegiatan = tree.node("7.01.02.2.01")
    program = tree.node("7.01.02")
    assert kegiatan is not None and program is not None
    assert program.induk == "S1" and tree.parent(kegiatan) is program
    assert program.nama == "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"  # from the nomenclature
    assert [i.kode for i in tree.indicators_of(kegiatan)] == ["IKI-1"]
    sub = tree.node("7.01.02.2.01.0002")
    assert sub is not None and [i.kode for i in tree.indicators_of(sub)] == ["IKI-2"]


def test_an_iki_whose_program_cell_is_a_nomenclature_name_is_read_as_its_code_with_a_notice(nomenklatur):
    migration = tree_from_indicators(two_level_workbook(), nomenklatur)
    program = migration.tree.node("7.01.03")
    assert program is not None and program.induk == "S2"
    assert [i.kode for i in migration.tree.indicators_of(program)] == ["IKI-3"]
    notice = next(p for p in migration.problems if p.baris == 7 and p.sheet == "IKI")
    assert notice.tingkat == "catatan" and "dibaca sebagai program 7.01.03" in notice.pesan


def test_an_iki_with_free_text_or_no_program_stays_on_its_iku_s_sasaran(nomenklatur):
    migration = tree_from_indicators(two_level_workbook(), nomenklatur)
    s2 = migration.tree.node("S2")
    assert [i.kode for i in migration.tree.indicators_of(s2)] == ["IKU-2", "IKI-4", "IKI-5"]
    notice = next(p for p in migration.problems if p.baris == 8)
    assert notice.tingkat == "catatan" and "'Pembinaan PKK' tidak diawali kode nomenklatur" in notice.pesan


def test_the_budget_of_an_iki_on_a_node_becomes_the_node_s(nomenklatur):
    tree = tree_from_indicators(two_level_workbook(), nomenklatur).tree
    kegiatan = tree.node("7.01.02.2.01")
    assert (kegiatan.pagu, kegiatan.realisasi_anggaran) == (Decimal(100_000_000), Decimal(80_000_000))


def test_the_migrated_tree_passes_the_tree_rules(nomenklatur):
    migration = tree_from_indicators(two_level_workbook(), nomenklatur)
    assert errors(check_tree(migration.tree, nomenklatur)) == []
    assert errors(migration.problems) == []


def test_without_a_nomenclature_the_codes_still_make_the_levels_named_by_the_cell():
    tree = tree_from_indicators(two_level_workbook()).tree
    assert tree.node("7.01.02").nama == "7.01.02"
    assert tree.node("7.01.02.2.01").nama == "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"
    assert tree.node("7.01.03") is None  # a name alone says nothing without the list


def test_conflicts_are_warnings_naming_the_cell_and_the_first_one_counts():
    rows = [
        iku("IKU-1", 5, sasaran=PELAYANAN),
        iku("IKU-2", 6, sasaran=DESA),
        with_program(iki("IKI-1", 5, sasaran=PELAYANAN, pagu=10), "7.01.02.2.01", "IKU-1"),
        with_program(iki("IKI-2", 6, sasaran=DESA, pagu=20), "7.01.02.2.01", "IKU-2"),
    ]
    cells = {("IKI", 6, "program"): "Q6", ("IKI", 6, "pagu"): "R6"}
    migration = tree_from_indicators(rows, cells=cells)
    assert migration.tree.node("7.01.02").induk == "S1"
    assert migration.tree.node("7.01.02.2.01").pagu == Decimal(10)
    assert [(p.sel, p.tingkat) for p in migration.problems] == [("Q6", "peringatan"), ("R6", "peringatan")]
    assert "sudah berada di bawah sasaran S1" in migration.problems[0].pesan
