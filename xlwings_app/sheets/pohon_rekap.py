"""The tree's block of sheet Rekap: every node of the performance tree with its capaian (``kinerja hitung``).

Below Rekap's own blocks (columns A–F, clear of its charts from column J): one row per node, depth
first from the tujuan, indented by level: the node, its capaian (its own indicators' when it has
them, else the roll-up of the level below: ``domain.tree.rollup``), the predikat, where the capaian
comes from, serapan and efisiensi (program, kegiatan, sub kegiatan). Written by every Rekap writer,
as the rest of the sheet (``sheets.grid.SheetValues``).
"""

from __future__ import annotations

from collections.abc import Mapping

from xlwings_app.domain.tree.model import Tree
from xlwings_app.domain.tree.rollup import CapaianSimpul, MetodeRollUp

HEADERS = ("Tingkat / Kode / Nama", "Capaian (%)", "Predikat", "Dasar Capaian", "Serapan (%)", "Efisiensi (%)")
INDENT = "   "


def node_label(result: CapaianSimpul, depth: int) -> str:
    """"   Program 7.01.02 Penyelenggaraan ..." (indented by depth)."""
    node = result.node
    level = "" if node.nama.casefold().startswith(node.jenjang.value.casefold()) else f"{node.jenjang.value} "
    return f"{INDENT * depth}{level}{node.kode} {node.nama}"


def add_tree_block(sheet: object, tree: Tree, results: Mapping[str, CapaianSimpul], metode: MetodeRollUp) -> int:
    """Append the block to ``sheet`` (a ``SheetValues``) two rows below its last row; the next free row."""
    from xlwings_app.sheets.grid import SheetValues

    assert isinstance(sheet, SheetValues)
    row = sheet.shape[0] + 2
    sheet.put(row, 1, [f"Capaian per Tingkat Pohon Kinerja (gabungan: {metode.value.lower()})"], "bold")
    sheet.put(row + 1, 1, HEADERS, "header")
    row += 2
    first = row
    for node, depth in tree.walk():
        result = results.get(node.key)
        if result is None:
            continue
        sheet.put(row, 1, (node_label(result, depth), result.capaian, result.predikat or "", result.sumber.value,
                           result.serapan, result.efisiensi), "box")  # fmt: skip
        row += 1
    if row > first:
        sheet.style("format:0.00", first, 2, row - first)
        sheet.style("format:0.00", first, 5, row - first, 2)
    return row
