"""The IKU/IKI hung on the kecamatan tree as the workbook's sheets name their nodes
(``workbook.hang_indicators``, ``workbook.workbook_tree``), every problem at its cell, and the two cell
maps read as one (``workbook.CombinedCells``)."""

from __future__ import annotations

from dataclasses import replace

from tests.domain.tree.builders import cells, iki, iku, kecamatan_nodes, tree
from xlwings_app.domain.indicator import Indicator
from xlwings_app.domain.tree.manual import ManualIndikator
from xlwings_app.domain.tree.workbook import CombinedCells, PohonData, hang_indicators, workbook_tree

LABELS = {"sasaran": "Sasaran Strategis", "program": "Program/Kegiatan", "induk": "IKU Induk"}
MANUAL = "Manual Indikator"


def indicators() -> list[Indicator]:
    return [
        replace(iki("IKI-A", 5), program="7.01.02.2.01 Koordinasi Penyelenggaraan Kegiatan Pemerintahan"),
        iku("IKU-1", 5, sasaran="S1 Meningkatnya kualitas pelayanan publik"),  # by kode
        iku("IKU-2", 6, sasaran="  meningkatnya   PARTISIPASI masyarakat desa "),  # by name, case and spacing aside
        replace(iki("IKI-B", 6), induk="IKU-2"),  # no Program/Kegiatan: its IKU's node
        replace(iki("IKI-C", 7), induk="IKU-1"),  # its manual row names the node: that wins
        iki("IKI-D", 8),  # nothing names its node
    ]


def pohon(**extra: object) -> PohonData:
    nodes = tuple(kecamatan_nodes())
    simpul = {"iki-c": ("7.01.03.2.01.0001", MANUAL, 7)}
    return PohonData(nodes=nodes, simpul=simpul, cells=dict(cells(tree(nodes))), **extra)  # type: ignore[arg-type]


def indicator_cells() -> dict[tuple[str, int, str], str]:
    found = {}
    for ind in indicators():
        for key, letter in (("kode", "A"), ("sasaran", "C"), ("program", "D"), ("induk", "F")):
            found[(ind.sheet, ind.baris or 0, key)] = f"{letter}{ind.baris}"
    return found


def test_each_indicator_hangs_on_the_node_its_sheet_names_in_the_input_order() -> None:
    hung, located = hang_indicators(indicators(), pohon(), LABELS)
    assert [(h.indicator.kode, h.node) for h in hung] == [
        ("IKI-A", "7.01.02.2.01"), ("IKU-1", "S1"), ("IKU-2", "S2"), ("IKI-B", "S2"),
        ("IKI-C", "7.01.03.2.01.0001"), ("IKI-D", ""),
    ]
    iki_c = next(h.indicator for h in hung if h.indicator.kode == "IKI-C")
    assert (iki_c.sheet, iki_c.baris) == (MANUAL, 7)  # located at the manual row that placed it
    assert located[(MANUAL, 7)].label == "Simpul Pohon Kinerja"
    assert located[("IKI", 8)].label == "IKU Induk"


def test_an_indicator_on_no_level_is_a_galat_at_the_cell_that_should_name_it() -> None:
    built, applied, problems = workbook_tree(indicators(), pohon(), None, indicator_cells(), LABELS)
    assert [i.kode for i in applied] == [i.kode for i in indicators()]
    orphan = [p for p in problems if p.is_error]
    assert [(p.sheet, p.baris, p.kolom, p.sel) for p in orphan] == [("IKI", 8, "IKU Induk", "F8")]
    assert "IKI-D" in orphan[0].pesan and "belum berada di tingkat mana pun" in orphan[0].pesan
    by_node = {h.indicator.kode: h.node for h in built.indicators}
    assert by_node["IKU-2"] == "S2" and by_node["IKI-C"] == "7.01.03.2.01.0001"
    iki_c = next(h.indicator for h in built.indicators if h.indicator.kode == "IKI-C")
    assert (iki_c.sheet, iki_c.baris) == ("IKI", 7)  # the tree measures the indicator as read, not the located copy


def test_a_manual_row_for_no_indicator_is_a_warning_at_its_kode_cell() -> None:
    stray = ManualIndikator("IKI-Z", sheet=MANUAL, baris=9)
    data = pohon(manuals={"iki-z": stray})
    data.cells[(MANUAL, 9, "kode")] = "A9"
    _, _, problems = workbook_tree(indicators()[:3], data, None, indicator_cells(), LABELS)
    assert [(p.sheet, p.baris, p.sel, p.tingkat) for p in problems if "IKI-Z" in p.pesan] == [
        (MANUAL, 9, "A9", "peringatan")
    ]


def test_without_nodes_no_indicator_is_placed_and_none_is_reported_orphan() -> None:
    built, applied, problems = workbook_tree(indicators(), PohonData(), None, indicator_cells(), LABELS)
    assert built.nodes == () and built.indicators == ()
    assert len(applied) == 6 and problems == []


def test_combined_cells_read_the_first_map_before_the_second() -> None:
    first = {("Manual Indikator", 5, "kode"): "A5"}
    second = {("Manual Indikator", 5, "kode"): "Z5", ("IKU", 5, "kode"): "B5"}
    both = CombinedCells(first, second)
    assert both[("Manual Indikator", 5, "kode")] == "A5"
    assert both[("IKU", 5, "kode")] == "B5"
    assert both.get(("IKU", 6, "kode")) is None and both.get(("IKU", 6, "kode"), "-") == "-"
    assert len(both) == 3
