"""Each tree rule names its cell: bad code, wrong parent, skipped level, orphan indicator, duplicates."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from tests.domain.tree.builders import SHEET, SK, K, P, S, T, cells, iki, iku, kecamatan_nodes, node, tree
from xlwings_app.domain.problems import errors
from xlwings_app.domain.tree.model import pagu_of, realisasi_anggaran_of
from xlwings_app.domain.tree.nomenklatur import parse_nomenklatur
from xlwings_app.domain.tree.rules import check_tree
from xlwings_app.resources import nomenklatur_files


@pytest.fixture(scope="module")
def nomenklatur():
    return parse_nomenklatur(nomenklatur_files()[0].read_text(encoding="utf-8"))[0]


def problems_of(nodes, hung=(), nomenklatur=None):
    t = tree(nodes, hung)
    return check_tree(t, nomenklatur, cells(t))


def where(problem):
    return (problem.sheet, problem.sel, problem.kolom, problem.tingkat)


def test_a_whole_kecamatan_tree_with_its_indicators_has_no_problem(nomenklatur):
    hung = [(iku("IKU-1", 5), "S1"), (iki("IKI-1", 5), "7.01.02.2.01"), (iki("IKI-2", 6), "7.01.02.2.01.0001")]
    assert problems_of(kecamatan_nodes(), hung, nomenklatur) == []


def test_a_code_of_no_national_shape_names_its_cell():
    nodes = kecamatan_nodes()
    nodes[3] = node(K, "7.01.02.3.01", 8, "7.01.02")
    found = problems_of(nodes)
    bad = [p for p in found if p.sel == "A8"]
    assert [where(p) for p in bad] == [(SHEET, "A8", "Kode", "galat")]
    assert "1 (provinsi) atau 2 (kabupaten/kota)" in bad[0].pesan


def test_a_child_under_a_parent_its_code_does_not_name_is_a_wrong_parent():
    nodes = kecamatan_nodes()
    nodes[4] = node(SK, "7.01.02.2.01.0001", 9, "7.01.02.2.02", pagu=100_000_000)  # under the other kegiatan
    found = errors(problems_of(nodes))
    assert [where(p) for p in found] == [(SHEET, "B9", "Induk", "galat")]
    assert "kodenya menunjuk kegiatan '7.01.02.2.01': induk salah" in found[0].pesan


def test_a_kegiatan_under_another_program_is_a_wrong_parent_even_when_both_exist():
    nodes = [*kecamatan_nodes(), node(K, "7.01.03.2.03", 18, "7.01.02")]
    found = errors(problems_of(nodes))
    assert [(p.sel, p.kolom) for p in found] == [("B18", "Induk")]


def test_a_kegiatan_straight_under_a_sasaran_skips_the_program_level():
    nodes = [*kecamatan_nodes(), node(K, "7.01.04.2.01", 18, "S2")]
    found = errors(problems_of(nodes))
    assert [where(p) for p in found] == [(SHEET, "B18", "Induk", "galat")]
    assert found[0].pesan == (
        "Tingkat terlewat: kegiatan '7.01.04.2.01' langsung di bawah sasaran 'S2'; tambahkan program di antaranya."
    )


def test_a_sub_kegiatan_whose_kegiatan_is_missing_while_kegiatan_exist_names_the_kegiatan():
    nodes = [*kecamatan_nodes(), node(SK, "7.01.06.2.01.0002", 18)]  # program 7.01.06 has no kegiatan yet
    found = errors(problems_of(nodes))
    assert [(p.sel, p.kolom) for p in found] == [("A18", "Kode")]
    assert "kegiatan '7.01.06.2.01' (menurut kodenya), tetapi kegiatan itu tidak ada" in found[0].pesan


def test_a_program_without_its_sasaran_when_sasaran_exist_is_a_problem_at_the_induk_cell():
    nodes = [*kecamatan_nodes(), node(P, "7.01.04", 18)]
    found = errors(problems_of(nodes))
    assert [(p.sel, p.pesan) for p in found] == [("B18", "Program '7.01.04' belum punya induk (sasaran).")]


def test_a_program_without_sasaran_under_a_tree_of_tujuan_only_skips_the_sasaran_level():
    found = errors(problems_of([node(T, "T1", 5), node(P, "7.01.02", 6)]))
    assert [(p.sel, p.pesan) for p in found] == [
        ("B6", "Tingkat terlewat: program '7.01.02'; tambahkan sasaran di antaranya.")
    ]


def test_a_parent_of_a_lower_level_is_refused():
    nodes = [*kecamatan_nodes(), node(S, "S3", 18, "7.01.02")]
    found = errors(problems_of(nodes))
    assert [(p.sel, p.kolom) for p in found] == [("B18", "Induk")]
    assert "induknya harus tujuan" in found[0].pesan


def test_an_induk_not_in_the_tree_is_named():
    nodes = [*kecamatan_nodes(), node(P, "7.01.04", 18, "S9")]
    assert [(p.sel, p.pesan) for p in errors(problems_of(nodes))] == [
        ("B18", "Induk 'S9' tidak ada di pohon kinerja.")
    ]


@pytest.mark.parametrize(
    "nodes",
    [
        [node(S, "S1", 5), node(P, "7.01.02", 6, "S1")],  # a two-level workbook's sasaran, no tujuan
        [node(P, "7.01.02", 5), node(K, "7.01.02.2.01", 6), node(SK, "7.01.02.2.01.0001", 7, pagu=1)],  # a DPA
        [node(T, "T1", 5), node(S, "S1", 6, "T1")],  # stops at sasaran
    ],
)
def test_levels_are_optional_at_the_top_and_at_the_bottom(nodes):
    assert problems_of(nodes) == []


def test_a_duplicate_kode_names_both_cells():
    nodes = [*kecamatan_nodes(), node(P, "7.01.02", 18, "S2")]
    found = errors(problems_of(nodes))
    assert [(p.sel, p.pesan) for p in found] == [("A18", "Kode '7.01.02' ganda: sudah dipakai di sel Pohon Kinerja!A7.")]


def test_an_indicator_on_no_level_or_on_a_node_not_in_the_tree_names_its_cell():
    hung = [(iki("IKI-1", 7), ""), (iki("IKI-2", 8), "7.01.05.2.01"), (iku("IKU-1", 5), "S1")]
    found = problems_of(kecamatan_nodes(), hung)
    assert [(p.sheet, p.sel, p.kolom, p.tingkat) for p in found] == [
        ("IKI", "X7", "Simpul Pohon Kinerja", "galat"), ("IKI", "X8", "Simpul Pohon Kinerja", "galat"),
    ]
    assert "belum berada di tingkat mana pun" in found[0].pesan and "'7.01.05.2.01'" in found[1].pesan


def test_an_iku_below_a_sasaran_is_a_warning():
    found = problems_of(kecamatan_nodes(), [(iku("IKU-1", 5), "7.01.02.2.01")])
    assert [(p.sel, p.tingkat) for p in found] == [("X5", "peringatan")]


def test_an_iki_on_a_node_held_by_another_official_is_a_notice():
    nodes = kecamatan_nodes()
    nodes[3] = replace(nodes[3], penanggung_jawab="Kasi Pemerintahan")
    hung = [(iki("IKI-1", 7, penanggung_jawab="Kasi Pemerintahan"), "7.01.02.2.01"),
            (iki("IKI-2", 8, penanggung_jawab="Kasubag Umum dan Kepegawaian"), "7.01.02.2.01")]  # fmt: skip
    found = problems_of(nodes, hung)
    assert [(p.sel, p.tingkat) for p in found] == [("X8", "catatan")]
    assert found[0].pesan == (
        "IKI 'IKI-2' (Kasubag Umum dan Kepegawaian) berada di kegiatan '7.01.02.2.01' yang dipegang Kasi Pemerintahan."
    )


def test_a_code_unknown_to_the_nomenclature_is_a_warning_and_a_differing_name_a_notice(nomenklatur):
    nodes = [*kecamatan_nodes(), node(K, "7.01.06.2.09", 18, "7.01.06")]
    nodes[2] = node(P, "7.01.02", 7, "S1", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik")
    nodes[3] = node(K, "7.01.02.2.01", 8, "7.01.02", "Koordinasi Kegiatan Kecamatan")
    found = problems_of(nodes, nomenklatur=nomenklatur)
    assert [(p.sel, p.tingkat) for p in found] == [("C8", "catatan"), ("A18", "peringatan")]
    assert "'Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan'" in found[0].pesan


def test_budget_rules_are_warnings_on_the_pagu_cell():
    nodes = kecamatan_nodes()
    nodes[1] = node(S, "S1", 6, "T1", pagu=5)
    nodes[3] = node(K, "7.01.02.2.01", 8, "7.01.02", pagu=450_000_000)  # its sub kegiatan sum to 400.000.000
    nodes[7] = node(SK, "7.01.02.2.02.0003", 12, "7.01.02.2.02", pagu=50_000_000, realisasi=60_000_000)
    found = problems_of(nodes)
    assert [(p.sel, p.tingkat) for p in found] == [("D6", "peringatan"), ("D8", "peringatan"), ("E12", "peringatan")]
    assert "(Rp 450.000.000) tidak sama dengan jumlah pagu di bawahnya (Rp 400.000.000)" in found[1].pesan


def test_a_node_s_budget_is_its_own_else_the_sum_below_realisasi_only_when_complete():
    nodes = kecamatan_nodes()
    t = tree(nodes)
    program = t.node("7.01.02")
    assert pagu_of(t, program) == Decimal(450_000_000)
    assert realisasi_anggaran_of(t, program) == Decimal(280_000_000)
    assert pagu_of(t, t.node("T1")) == Decimal(490_000_000)
    assert pagu_of(t, t.node("7.01.06")) is None
    nodes[11] = node(SK, "7.01.03.2.01.0001", 16, "7.01.03.2.01", pagu=40_000_000)  # realisasi not yet typed
    t = tree(nodes)
    assert realisasi_anggaran_of(t, t.node("S2")) is None and realisasi_anggaran_of(t, t.node("S1")) == 280_000_000


def test_the_tree_walks_from_its_roots_depth_first():
    t = tree(kecamatan_nodes())
    walked = [(n.kode, depth) for n, depth in t.walk()]
    assert walked[:6] == [("T1", 0), ("S1", 1), ("7.01.02", 2), ("7.01.02.2.01", 3), ("7.01.02.2.01.0001", 4),
                          ("7.01.02.2.01.0002", 4)]  # fmt: skip
    assert len(walked) == len(t.nodes) and [n.kode for n in t.roots()] == ["T1"]
    assert [n.kode for n in t.subtree(t.node("S2"))] == ["S2", "7.01.03", "7.01.03.2.01", "7.01.03.2.01.0001", "7.01.06"]
