"""The tree: its nodes, the indicators hung on them, and the budget each node stands for.

A ``Node`` is one tujuan, sasaran, program, kegiatan or sub kegiatan. It names its parent by the
parent's kode (``induk``); a kegiatan or sub kegiatan whose ``induk`` is blank hangs from the node its
own code names (``7.01.02.2.01`` from program ``7.01.02``: the data says so). Each level has its own
indicators (``TreeIndicator``: an ``Indicator`` and the kode of its node): IKU are the sasaran's,
an IKI hangs from the node its official owns (a Kasi's kegiatan, a Kasubag's sub kegiatan).

Levels are optional at the top and the bottom (a tree may start at sasaran, or stop at program), never
in the middle (``domain.tree.rules``). Kodes are compared as every kode is (``rows.normalise_kode``,
case ignored).

Budget (DOMAIN "Budget efficiency"; Permendagri 90/2019: the DPA's pagu is set per sub kegiatan and
summed upward): a node's pagu is its own when typed, else the sum of its children's; its realisasi
anggaran likewise, but only when every child with a pagu has one (a partial sum would understate
serapan).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from xlwings_app.domain.indicator import Indicator
from xlwings_app.domain.rows import normalise_kode
from xlwings_app.domain.tree.codes import Jenjang, parse_kode


def key_of(kode: str | None) -> str:
    """The comparison key of a kode (normalised, case ignored)."""
    return normalise_kode(kode).text.casefold() if kode else ""


@dataclass(frozen=True, slots=True)
class Node:
    """One node of the tree, with where it was read (``sheet``, ``baris``) for messages."""

    jenjang: Jenjang
    kode: str
    nama: str
    induk: str | None = None
    penanggung_jawab: str = ""
    pagu: Decimal | None = None
    realisasi_anggaran: Decimal | None = None
    sheet: str = field(default="", compare=False)
    baris: int | None = field(default=None, compare=False)
    key: str = field(init=False, repr=False, compare=False)
    """The kode's comparison key (``key_of``), made once."""
    parent_key: str = field(init=False, repr=False, compare=False)
    """The parent's key: ``induk`` when given, else the code's own parent (kegiatan, sub kegiatan)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", key_of(self.kode))
        parent = ""
        if self.induk:
            parent = key_of(self.induk)
        elif self.jenjang in (Jenjang.KEGIATAN, Jenjang.SUB_KEGIATAN):
            read = parse_kode(self.kode, self.jenjang)
            if read.kode is not None and read.kode.induk:
                parent = key_of(read.kode.induk)
        object.__setattr__(self, "parent_key", parent)


@dataclass(frozen=True, slots=True)
class TreeIndicator:
    """An indicator and the kode of the node it measures (blank: on no node, a problem)."""

    indicator: Indicator
    node: str

    @property
    def node_key(self) -> str:
        """The node's comparison key (``key_of``)."""
        return key_of(self.node)


@dataclass(frozen=True)
class Tree:
    """Nodes in reading order and the indicators hung on them; look-ups made once."""

    nodes: tuple[Node, ...]
    indicators: tuple[TreeIndicator, ...] = ()

    @cached_property
    def _by_key(self) -> Mapping[str, Node]:
        found: dict[str, Node] = {}
        for node in self.nodes:
            found.setdefault(node.key, node)  # a duplicate is a problem (rules); the first one counts
        return found

    @cached_property
    def _children(self) -> Mapping[str, tuple[Node, ...]]:
        children: dict[str, list[Node]] = {}
        for node in self.nodes:
            parent = self._by_key.get(node.parent_key)
            if parent is not None and parent.jenjang is node.jenjang.above and self._by_key[node.key] is node:
                children.setdefault(parent.key, []).append(node)
        return {key: tuple(nodes) for key, nodes in children.items()}

    @cached_property
    def _indicators_by_node(self) -> Mapping[str, tuple[Indicator, ...]]:
        found: dict[str, list[Indicator]] = {}
        for hung in self.indicators:
            found.setdefault(hung.node_key, []).append(hung.indicator)
        return {key: tuple(items) for key, items in found.items()}

    def node(self, kode: str | None) -> Node | None:
        """The node of ``kode`` (the first, when a kode is given twice)."""
        return self._by_key.get(key_of(kode))

    def parent(self, node: Node) -> Node | None:
        """The node's parent when it is one level above (the only kind the tree links)."""
        parent = self._by_key.get(node.parent_key)
        return parent if parent is not None and parent.jenjang is node.jenjang.above else None

    def children(self, node: Node) -> tuple[Node, ...]:
        """The nodes one level below that hang from ``node``, in reading order."""
        return self._children.get(node.key, ())

    def roots(self) -> tuple[Node, ...]:
        """The nodes no linked parent holds (the top of the tree), in reading order."""
        return tuple(n for n in self.nodes if self.parent(n) is None and self._by_key[n.key] is n)

    def of_level(self, jenjang: Jenjang) -> tuple[Node, ...]:
        """The nodes of one level, in reading order."""
        return tuple(n for n in self.nodes if n.jenjang is jenjang)

    def levels(self) -> frozenset[Jenjang]:
        """The levels present."""
        return frozenset(n.jenjang for n in self.nodes)

    def indicators_of(self, node: Node) -> tuple[Indicator, ...]:
        """The node's own indicators, in input order."""
        return self._indicators_by_node.get(node.key, ())

    def walk(self) -> Iterator[tuple[Node, int]]:
        """Every linked node depth first from the roots, with its depth below its root (a printed
        tree's indent)."""
        stack = [(n, 0) for n in reversed(self.roots())]
        while stack:
            node, depth = stack.pop()
            yield node, depth
            stack.extend((child, depth + 1) for child in reversed(self.children(node)))

    def subtree(self, node: Node) -> Iterator[Node]:
        """``node`` and every node below it."""
        stack = [node]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(reversed(self.children(current)))


def pagu_of(tree: Tree, node: Node) -> Decimal | None:
    """The node's pagu: its own, else the sum of its children's (``None`` when no one has one)."""
    return _budget(tree, node, "pagu")


def realisasi_anggaran_of(tree: Tree, node: Node) -> Decimal | None:
    """The node's realisasi anggaran: its own, else the sum of its children's when every child with a
    pagu has a realisasi (else ``None``: not yet known)."""
    return _budget(tree, node, "realisasi_anggaran")


def _budget(tree: Tree, node: Node, what: str) -> Decimal | None:
    own: Decimal | None = getattr(node, what)
    if own is not None:
        return own
    children = tree.children(node)
    if not children:
        return None
    values = [(_budget(tree, c, what), pagu_of(tree, c) if what != "pagu" else None) for c in children]
    if what == "pagu":
        found = [v for v, _ in values if v is not None]
        return sum(found, Decimal(0)) if found else None
    if any(v is None and p is not None for v, p in values):
        return None
    found = [v for v, _ in values if v is not None]
    return sum(found, Decimal(0)) if found else None


def hang(indicators: Iterable[Indicator], node_of: Mapping[str, str]) -> tuple[TreeIndicator, ...]:
    """Each indicator on the node ``node_of`` names for its kode (blank when it names none)."""
    return tuple(TreeIndicator(i, node_of.get(i.kode, "")) for i in indicators)
