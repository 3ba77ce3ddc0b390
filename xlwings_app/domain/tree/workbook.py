"""The tree as a workbook holds it: sheets Pohon Kinerja and Manual Indikator with the IKU/IKI tables.

``PohonData`` is what the two sheets hold (``sheets.pohon`` reads them): the nodes, each indicator's
manual, the node each manual row names (column Simpul Pohon Kinerja), the roll-up method chosen on
sheet Pohon Kinerja, and the address of every cell read. ``workbook_tree`` hangs the IKU and IKI on
the nodes and checks the whole (``rules.check_tree``), every problem at its cell.

Which node an indicator measures, the first that applies:
1. the Simpul Pohon Kinerja of its Manual Indikator row (the methodology states the level each
   indicator measures: seed 002 step 4, "untuk tiap-tiap tujuan/sasaran/program/kegiatan");
2. an IKU: the sasaran its Sasaran Strategis names, by kode (``S1``, or a text starting with it) or
   by name (case and spacing ignored): IKU are the sasaran strategis' indicators (PermenPANRB 53/2014);
3. an IKI: the node its Program/Kegiatan cell starts with (``7.01.02.2.01 Koordinasi ...``), else
   the node of its IKU Induk (an IKI is cascaded from its IKU);
4. none: the indicator is on no level, a galat at the cell that should name it (the manual's Simpul,
   the IKU's Sasaran Strategis, the IKI's Program/Kegiatan or IKU Induk).

Sheet Pohon Kinerja without a node (only the Manual Indikator filled so far) places no indicator and
reports none as orphan; the manuals' ratios still count. A manual row whose kode is no indicator is a
warning at its cell.

A workbook without sheet Pohon Kinerja is read as before (two levels); ``migration`` reads it as a
tree where a document asks for one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from xlwings_app.domain.indicator import Indicator, Jenis
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.tree.codes import Jenjang, split_code_prefix
from xlwings_app.domain.tree.manual import ManualIndikator, apply_manual
from xlwings_app.domain.tree.model import Node, Tree, TreeIndicator, key_of
from xlwings_app.domain.tree.nomenklatur import Nomenklatur
from xlwings_app.domain.tree.rollup import DEFAULT_METODE, MetodeRollUp
from xlwings_app.domain.tree.rules import check_tree

SIMPUL = "simpul"
"""The column key of the node an indicator measures (``rules.LABELS``)."""


@dataclass
class PohonData:
    """What sheets Pohon Kinerja and Manual Indikator hold, as read."""

    nodes: tuple[Node, ...] = ()
    manuals: dict[str, ManualIndikator] = field(default_factory=dict)
    """Indicator kode (case folded) → its manual."""
    simpul: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    """Indicator kode (case folded) → (the node kode its manual row names, sheet, row)."""
    metode: MetodeRollUp = DEFAULT_METODE
    cells: dict[tuple[str, int, str], str] = field(default_factory=dict)
    """(sheet, row, column key) → the cell's address, for both sheets."""
    labels: dict[str, str] = field(default_factory=dict)
    """Column key → its header on the sheet (the nodes' columns)."""
    tree: Tree | None = None
    """The tree with its indicators hung (``workbook_tree``), once read."""

    @property
    def has_tree(self) -> bool:
        return bool(self.nodes)


@dataclass(frozen=True)
class _Where:
    sheet: str
    baris: int | None
    label: str


def _sasaran(text: str, nodes: Sequence[Node]) -> Node | None:
    words = " ".join(text.split())
    first = words.split(" ", 1)[0] if words else ""
    for node in nodes:
        if node.key in (key_of(words), key_of(first)) or " ".join(node.nama.split()).casefold() == words.casefold():
            return node
    return None


def hang_indicators(
    indicators: Sequence[Indicator], pohon: PohonData, labels: Mapping[str, str]
) -> tuple[tuple[TreeIndicator, ...], dict[tuple[str, int | None], _Where]]:
    """Each indicator with the node it measures (module docstring) and, for each, where that was
    read (an indicator copy is located there, for the rules' messages)."""
    tree = Tree(pohon.nodes)
    sasaran_nodes = [n for n in pohon.nodes if n.jenjang in (Jenjang.SASARAN, Jenjang.TUJUAN)]
    found: dict[str, str] = {}
    hung: list[TreeIndicator] = []
    located: dict[tuple[str, int | None], _Where] = {}
    ordered = sorted(indicators, key=lambda i: i.jenis is not Jenis.IKU)  # IKU first: IKI follow their IKU
    for ind in ordered:
        link = pohon.simpul.get(ind.kode.casefold())
        where = _Where(ind.sheet, ind.baris, labels.get("sasaran" if ind.jenis is Jenis.IKU else "induk", ""))
        node_kode = ""
        if link is not None:
            node_kode, sheet, row = link
            where = _Where(sheet, row, "Simpul Pohon Kinerja")
        elif ind.jenis is Jenis.IKU:
            node = _sasaran(ind.sasaran, sasaran_nodes)
            node_kode = node.kode if node else ""
        else:
            prefix, _ = split_code_prefix(ind.program) if ind.program.strip() else ("", "")
            if prefix and tree.node(prefix) is not None:
                node_kode = prefix
            elif ind.induk:
                node_kode = found.get(ind.induk.casefold(), "")
            if prefix and not node_kode:
                where = _Where(ind.sheet, ind.baris, labels.get("program", "Program/Kegiatan"))
                node_kode = prefix
        found[ind.kode.casefold()] = node_kode
        located[(where.sheet, where.baris)] = where
        hung.append(TreeIndicator(replace(ind, sheet=where.sheet, baris=where.baris), node_kode))
    order = {id(i): n for n, i in enumerate(indicators)}
    positions = {ind.kode.casefold(): order[id(ind)] for ind in indicators}
    hung.sort(key=lambda h: positions.get(h.indicator.kode.casefold(), 0))
    return tuple(hung), located


def workbook_tree(
    indicators: Sequence[Indicator],
    pohon: PohonData,
    nomenklatur: Nomenklatur | None,
    indicator_cells: Mapping[tuple[str, int, str], str],
    labels: Mapping[str, str],
) -> tuple[Tree, list[Indicator], list[Problem]]:
    """The workbook's tree (indicators hung by the module docstring's rules), the indicators with the
    realisasi their ratio's parts give (``manual.apply_manual``), and every problem: the tree rules
    and the ratio notes, each at its cell. ``indicator_cells`` are the IKU/IKI cells; ``labels`` the
    IKU/IKI headers by key."""
    cells: dict[tuple[str, int, str], str] = {**pohon.cells}
    problems: list[Problem] = []
    applied: list[Indicator] = []
    for ind in indicators:
        manual = pohon.manuals.get(ind.kode.casefold())
        merged = CombinedCells(cells, indicator_cells)
        done, notes = apply_manual(ind, manual, merged)
        applied.append(done)
        problems.extend(notes)
    known = {i.kode.casefold() for i in indicators}
    for key, manual in pohon.manuals.items():
        if key not in known:
            problems.append(Problem(
                f"Kode indikator '{manual.kode}' di Manual Indikator tidak ada di tabel IKU/IKI: baris ini tidak dipakai.",
                manual.sheet or None, manual.baris, "Kode Indikator", cells.get((manual.sheet, manual.baris or 0, "kode")),
                manual.kode, tingkat="peringatan",
            ))  # fmt: skip
    if not pohon.nodes:  # no tree typed yet: only the manuals' ratios count, no indicator is "on no level"
        return Tree(()), applied, problems
    hung, located = hang_indicators(applied, pohon, labels)
    for ind in applied:
        where = located.get((ind.sheet, ind.baris))
        if where is not None and (ind.sheet, ind.baris or 0, SIMPUL) not in cells:
            key = "sasaran" if ind.jenis is Jenis.IKU else ("program" if ind.program.strip() else "induk")
            if address := indicator_cells.get((ind.sheet, ind.baris or 0, key)):
                cells[(ind.sheet, ind.baris or 0, SIMPUL)] = address
    tree = Tree(pohon.nodes, hung)
    checked = check_tree(tree, nomenklatur, cells, pohon.labels)
    for problem in checked:
        where = located.get((problem.sheet or "", problem.baris))
        if problem.kolom == "Simpul Pohon Kinerja" and where is not None:
            problem = replace(problem, kolom=where.label or problem.kolom)
        problems.append(problem)
    # the tree measures the indicators as measured everywhere (not the located copies)
    by_kode = {i.kode.casefold(): i for i in applied}
    real = tuple(TreeIndicator(by_kode.get(h.indicator.kode.casefold(), h.indicator), h.node) for h in hung)
    return Tree(pohon.nodes, real), applied, problems


class CombinedCells(Mapping[tuple[str, int, str], str]):
    """Two cell maps read as one (the manual's cells, then the IKU/IKI cells)."""

    def __init__(self, first: Mapping[tuple[str, int, str], str], second: Mapping[tuple[str, int, str], str]) -> None:
        self.first, self.second = first, second

    def __getitem__(self, key: tuple[str, int, str]) -> str:
        if key in self.first:
            return self.first[key]
        return self.second[key]

    def get(self, key: tuple[str, int, str], default: str | None = None) -> str | None:  # type: ignore[override]
        found = self.first.get(key)
        return found if found is not None else self.second.get(key, default)

    def __iter__(self):  # type: ignore[no-untyped-def]
        yield from self.first
        yield from self.second

    def __len__(self) -> int:
        return len(self.first) + len(self.second)
