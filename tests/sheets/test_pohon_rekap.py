"""The tree's block of sheet Rekap (``pohon_rekap``): each node's label indented by depth, and the block
of a small measured tree below the sheet's own rows, each figure worked by hand."""

from __future__ import annotations

from tests.domain.tree.builders import NAMES, iki, iku, kecamatan_nodes, tree
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.tree.model import Tree
from xlwings_app.domain.tree.rollup import CapaianSimpul, MetodeRollUp, measure_tree
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.pohon_rekap import HEADERS, add_tree_block, node_label

INDENT = "   "


def measured() -> tuple[Tree, dict[str, CapaianSimpul]]:
    """T1 > S1 > 7.01.02 > 7.01.02.2.01 > its two sub kegiatan (pagu 100 and 300 jt, spent 80 and 150 jt)."""
    t = tree(kecamatan_nodes()[:6], [
        (iki("IKI-A", 5, target_tahunan=100, realisasi_tw=(80,)), "7.01.02.2.01.0001"),  # 80.00
        (iki("IKI-B", 6, target_tahunan=10, realisasi_tw=(12,)), "7.01.02.2.01.0002"),  # 120.00
        (iku("IKU-1", 5, target_tahunan=100, realisasi_tw=(90,)), "S1"),  # 90.00
    ])  # fmt: skip
    return t, measure_tree(t, Periode.TAHUNAN, Settings())


def test_a_node_is_labelled_with_its_level_unless_its_name_starts_with_it() -> None:
    _, results = measured()
    assert node_label(results["s1"], 1) == f"{INDENT}Sasaran S1 Meningkatnya kualitas pelayanan publik"
    assert node_label(results["7.01.02"], 2) == (
        f"{INDENT * 2}7.01.02 PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"
    )  # the name already says Program
    assert node_label(results["7.01.02.2.01"], 3).startswith(f"{INDENT * 3}Kegiatan 7.01.02.2.01 Koordinasi ")


def test_the_block_stands_two_rows_below_the_sheet_with_every_node_depth_first() -> None:
    t, results = measured()
    sheet = SheetValues("Rekap")
    sheet.put(3, 1, ["Rekap Capaian Kinerja"])
    del results["7.01.02.2.01.0002"]  # a node not measured is left out
    next_row = add_tree_block(sheet, t, results, MetodeRollUp.RATA_RATA)
    assert sheet.cells[(5, 1)] == "Capaian per Tingkat Pohon Kinerja (gabungan: rata-rata)"
    assert [sheet.cells[(6, c)] for c in range(1, 7)] == list(HEADERS)
    rows = [[sheet.cells.get((r, c)) for c in range(1, 7)] for r in range(7, next_row)]
    assert next_row == 12
    assert [r[0] for r in rows] == [
        "Tujuan T1 Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan",
        f"{INDENT}Sasaran S1 Meningkatnya kualitas pelayanan publik",
        f"{INDENT * 2}7.01.02 {NAMES['7.01.02']}",
        f"{INDENT * 3}Kegiatan 7.01.02.2.01 {NAMES['7.01.02.2.01']}",
        f"{INDENT * 4}Sub Kegiatan 7.01.02.2.01.0001 {NAMES['7.01.02.2.01.0001']}",
    ]
    assert [r[1:] for r in rows] == [
        [90.0, "Tinggi", "Rata-rata tingkat di bawahnya", None, None],  # T1: its one sasaran
        [90.0, "Tinggi", "Indikator sendiri", None, None],  # S1: IKU-1, 90 / 100
        # the program and its kegiatan: (80 + 120) / 2 = 100; serapan 230 / 400 jt = 57,5; efisiensi 1 − 57,5 / 100
        [100.0, "Sangat Tinggi", "Rata-rata tingkat di bawahnya", 57.5, 42.5],
        [100.0, "Sangat Tinggi", "Rata-rata tingkat di bawahnya", 57.5, 42.5],
        [80.0, "Tinggi", "Indikator sendiri", 80.0, 0.0],  # 80 jt of 100 jt spent for 80 %: no efisiensi
    ]
