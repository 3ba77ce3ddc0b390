"""The tree's rules, as problems naming their cell (``check_tree -> problems``).

Galat (the tree cannot be measured as written):
- a kode given twice (both cells named);
- a program, kegiatan or sub kegiatan code not of the national shape or not of its level
  (``domain.tree.codes``: Permendagri 90/2019, Kepmendagri 050-5889/2021); a tujuan or sasaran
  without a kode;
- a parent (``Induk``) not in the tree;
- a child under the wrong parent: a parent of the wrong level, or a kegiatan or sub kegiatan under a
  node its own code does not name (``7.01.02.2.01`` under program ``7.01.03``);
- a level skipped: a node hanging from a level higher than the one above it (a kegiatan straight
  under a sasaran), or without a parent while a higher level exists in the tree (levels are optional
  at the top and the bottom of a tree, never in the middle);
- an indicator on no level: its node blank or not in the tree.

Peringatan (practice varies, look again):
- a code not in the nomenclature list loaded for its bidang urusan (the list is updated over time);
- an IKU not on a sasaran (PermenPANRB 53/2014: IKU are the indicators of the sasaran strategis);
- pagu or realisasi anggaran on a tujuan or sasaran (the DPA budgets programs, kegiatan and sub
  kegiatan); a node's own pagu that differs from the sum of its children's; realisasi anggaran above
  the pagu.

Catatan: a name that differs from the nomenclature's for the same code; an IKI on a node held by
another official than its penanggung jawab (an IKI hangs from the node its official owns: a Kasi's
kegiatan, a Kasubag's sub kegiatan).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from xlwings_app.domain.formatting import rupiah
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.tree.codes import Jenjang, parse_kode
from xlwings_app.domain.tree.model import Node, Tree, TreeIndicator, key_of, pagu_of
from xlwings_app.domain.tree.nomenklatur import Nomenklatur, same_name

LABELS = {
    "kode": "Kode", "induk": "Induk", "nama": "Nama", "pagu": "Pagu",
    "realisasi_anggaran": "Realisasi Anggaran", "simpul": "Simpul Pohon Kinerja",
}  # fmt: skip
"""The columns' labels in messages, by key; a sheet passes its own headers instead."""

Cells = Mapping[tuple[str, int, str], str]


class _Report:
    """Problems located by the node's or indicator's sheet and row and the column key."""

    def __init__(self, cells: Cells | None, labels: Mapping[str, str] | None) -> None:
        self.cells: Cells = cells or {}
        self.labels = {**LABELS, **(labels or {})}
        self.problems: list[Problem] = []

    def add(
        self, sheet: str, baris: int | None, key: str, pesan: str, nilai: object, tingkat: Tingkat = "galat"
    ) -> None:
        sel = self.cells.get((sheet, baris or 0, key))
        self.problems.append(Problem(pesan, sheet or None, baris, self.labels[key], sel, nilai, tingkat=tingkat))

    def where(self, node: Node, key: str = "kode") -> str:
        sel = self.cells.get((node.sheet, node.baris or 0, key))
        if sel:
            return f"sel {node.sheet}!{sel}"
        return f"sheet {node.sheet} baris {node.baris}" if node.sheet else f"baris {node.baris}"


def check_tree(
    tree: Tree,
    nomenklatur: Nomenklatur | None = None,
    cells: Cells | None = None,
    labels: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every problem of ``tree`` (module docstring), nodes first in reading order, then indicators;
    ``cells`` maps (sheet, row, column key) to a cell address, ``labels`` a column key to its header."""
    report = _Report(cells, labels)
    first: dict[str, Node] = {}
    for node in tree.nodes:
        _check_node(tree, node, first, report, nomenklatur)
    for hung in tree.indicators:
        _check_indicator(tree, hung, report)
    return report.problems


def _check_node(
    tree: Tree, node: Node, first: dict[str, Node], report: _Report, nomenklatur: Nomenklatur | None
) -> None:
    add = report.add
    at = (node.sheet, node.baris)
    label = node.jenjang.value
    if not node.kode.strip():
        add(*at, "kode", f"Kode {label.lower()} belum diisi.", None)
        return
    if node.key in first:
        add(*at, "kode", f"Kode '{node.kode}' ganda: sudah dipakai di {report.where(first[node.key])}.", node.kode)
        return
    first[node.key] = node
    code = None
    if node.jenjang.has_national_code:
        read = parse_kode(node.kode, node.jenjang)
        if read.kode is None:
            add(*at, "kode", read.galat or "", node.kode)
        else:
            code = read.kode
            if read.catatan:
                add(*at, "kode", read.catatan, node.kode, "catatan")
    if not node.nama.strip():
        add(*at, "nama", f"Nama {label.lower()} '{node.kode}' belum diisi.", None)
    _check_parent(tree, node, code.induk if code else None, report)
    if code is not None and nomenklatur is not None and nomenklatur.covers(code.text):
        entry = nomenklatur.get(code.text)
        if entry is None:
            add(*at, "kode", (
                f"Kode {label.lower()} '{code.text}' tidak ada di nomenklatur yang dimuat: periksa kodenya, "
                "atau tambahkan ke daftar nomenklatur (workbook/nomenklatur) bila kode itu baru."
            ), code.text, "peringatan")  # fmt: skip
        elif node.nama.strip() and not same_name(entry.nama, node.nama):
            add(*at, "nama", f"Nama berbeda dari nomenklatur '{code.text}': '{entry.nama}'.", node.nama, "catatan")
    _check_budget(tree, node, report)


def _check_parent(tree: Tree, node: Node, code_parent: str | None, report: _Report) -> None:
    at = (node.sheet, node.baris)
    key = "induk" if node.induk else "kode"
    label = node.jenjang.value
    above = node.jenjang.above
    parent_key = key_of(node.induk) if node.induk else key_of(code_parent)
    if not parent_key:
        higher = [j for j in tree.levels() if j.depth < node.jenjang.depth]
        if above is not None and above in higher:
            report.add(*at, "induk", f"{label} '{node.kode}' belum punya induk ({above.value.lower()}).", None)
        elif higher:
            report.add(*at, "induk", _skipped(node, max(higher, key=lambda j: j.depth)), None)
        return
    parent = tree.node(node.induk or code_parent)
    if parent is None:
        wanted = node.induk or code_parent
        if node.induk:
            report.add(*at, "induk", f"Induk '{node.induk}' tidak ada di pohon kinerja.", node.induk)
        elif above is not None and above in tree.levels():
            report.add(*at, "kode", (
                f"{label} '{node.kode}' termasuk {above.value.lower()} '{wanted}' (menurut kodenya), "
                f"tetapi {above.value.lower()} itu tidak ada di pohon kinerja."
            ), node.kode)  # fmt: skip
        elif any(j.depth < node.jenjang.depth for j in tree.levels()):
            report.add(*at, "induk", _skipped(node, None), None)
        return
    if parent.jenjang is not above:
        if parent.jenjang.depth < node.jenjang.depth:
            report.add(*at, key, _skipped(node, parent.jenjang, parent.kode), node.induk)
        else:
            report.add(*at, key, (
                f"{label} '{node.kode}' tidak bisa berinduk pada {parent.jenjang.value.lower()} '{parent.kode}': "
                f"induknya harus {above.value.lower() if above else 'tidak ada (tujuan di puncak pohon)'}."
            ), node.induk)  # fmt: skip
        return
    if code_parent and key_of(code_parent) != parent.key:
        report.add(*at, key, (
            f"{label} '{node.kode}' berada di bawah {parent.jenjang.value.lower()} '{parent.kode}', tetapi "
            f"kodenya menunjuk {parent.jenjang.value.lower()} '{code_parent}': induk salah."
        ), node.induk or node.kode)  # fmt: skip


def _skipped(node: Node, parent_level: Jenjang | None, parent_kode: str = "") -> str:
    above = node.jenjang.above
    missing = [j.value.lower() for j in Jenjang if parent_level is not None and parent_level.depth < j.depth < node.jenjang.depth]
    if parent_level is None or not missing:
        missing = [above.value.lower()] if above else []
    where = f" langsung di bawah {parent_level.value.lower()} '{parent_kode}'" if parent_kode and parent_level else ""
    return (f"Tingkat terlewat: {node.jenjang.value.lower()} '{node.kode}'{where}; "
            f"tambahkan {' dan '.join(missing)} di antaranya.")  # fmt: skip


def _check_budget(tree: Tree, node: Node, report: _Report) -> None:
    at = (node.sheet, node.baris)
    if not node.jenjang.has_budget:
        for key in ("pagu", "realisasi_anggaran"):
            if getattr(node, key) is not None:
                report.add(*at, key, (
                    f"{node.jenjang.value} tidak punya anggaran sendiri: {report.labels[key].lower()} dicatat pada "
                    "program, kegiatan dan sub kegiatan, lalu dijumlahkan ke atas."
                ), getattr(node, key), "peringatan")  # fmt: skip
        return
    children = tree.children(node)
    if node.pagu is not None and children:
        sums = [pagu_of(tree, c) for c in children]
        if all(s is not None for s in sums):
            total = sum((s for s in sums if s is not None), Decimal(0))
            if total != node.pagu:
                report.add(*at, "pagu", (
                    f"Pagu {node.jenjang.value.lower()} '{node.kode}' ({rupiah(node.pagu)}) tidak sama dengan jumlah "
                    f"pagu di bawahnya ({rupiah(total)})."
                ), node.pagu, "peringatan")  # fmt: skip
    if node.pagu is not None and node.realisasi_anggaran is not None and node.realisasi_anggaran > node.pagu:
        report.add(*at, "realisasi_anggaran", (
            f"Realisasi anggaran ({rupiah(node.realisasi_anggaran)}) melebihi pagu ({rupiah(node.pagu)})."
        ), node.realisasi_anggaran, "peringatan")  # fmt: skip


def _check_indicator(tree: Tree, hung: TreeIndicator, report: _Report) -> None:
    ind = hung.indicator
    at = (ind.sheet, ind.baris)
    if not hung.node.strip():
        report.add(*at, "simpul", (
            f"Indikator '{ind.kode}' belum berada di tingkat mana pun: pilih tujuan, sasaran, program, kegiatan "
            "atau sub kegiatan yang diukurnya."
        ), None)  # fmt: skip
        return
    node = tree.node(hung.node)
    if node is None:
        report.add(*at, "simpul", f"Indikator '{ind.kode}' menunjuk '{hung.node}', yang tidak ada di pohon kinerja.",
                   hung.node)  # fmt: skip
        return
    if ind.jenis is Jenis.IKU and node.jenjang is not Jenjang.SASARAN:
        report.add(*at, "simpul", (
            f"IKU '{ind.kode}' berada di {node.jenjang.value.lower()} '{node.kode}': IKU adalah indikator sasaran "
            "strategis; pindahkan ke sasarannya atau jadikan IKI."
        ), hung.node, "peringatan")  # fmt: skip
    owner, official = " ".join(node.penanggung_jawab.split()), " ".join(ind.penanggung_jawab.split())
    if ind.jenis is Jenis.IKI and owner and official and owner.casefold() != official.casefold():
        report.add(*at, "simpul", (
            f"IKI '{ind.kode}' ({official}) berada di {node.jenjang.value.lower()} '{node.kode}' yang dipegang {owner}."
        ), hung.node, "catatan")  # fmt: skip
