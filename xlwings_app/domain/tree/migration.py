"""An existing two-level workbook read as a tree: the new levels only where the data says so.

A workbook made before the tree has IKU with a free-text Sasaran Strategis, IKI with an IKU Induk,
and a free-text Program/Kegiatan column used for the Perjanjian Kinerja's budget table. Read as a
tree (no cell is changed; the IKU/IKI tables keep working as before):

1. Each distinct Sasaran Strategis of the IKU (spacing and case ignored) is a sasaran node, numbered
   ``S1``, ``S2``, ... in order of first appearance, named as first written. There is no tujuan
   level (levels are optional at the top).
2. Each IKU hangs from its sasaran.
3. An IKI hangs from its IKU's sasaran, unless its Program/Kegiatan cell names a node:
   - the cell starts with a nomenclature code (``7.01.02.2.01 Koordinasi ...``): the IKI hangs from
     that program, kegiatan or sub kegiatan; the levels between it and the sasaran are made from the
     code (a kegiatan's program is ``7.01.02``), named from the nomenclature or from the cell;
   - the cell is exactly the name of one program, kegiatan or sub kegiatan of the nomenclature (case,
     spacing and a leading "Program" ignored): as if its code were written, with a notice;
   - otherwise (free text): the IKI stays on the sasaran, with one notice per text.
   A program hangs from the sasaran of the first IKI naming it; another sasaran naming it too is a
   warning (a tree gives each program one sasaran).
4. The pagu and realisasi anggaran of an IKI on a program, kegiatan or sub kegiatan become that node's
   (the DPA budgets the node, PermenPANRB 53/2014's PK table lists Program/Kegiatan with Anggaran);
   indicators of one node with different pagu are a warning, the first one counts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from xlwings_app.domain.indicator import Indicator, Jenis
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.tree.codes import Jenjang, KodeNomenklatur, parse_kode, split_code_prefix
from xlwings_app.domain.tree.model import Node, Tree, TreeIndicator
from xlwings_app.domain.tree.nomenklatur import Nomenklatur

Cells = Mapping[tuple[str, int, str], str]
Note = Callable[[Indicator, str, str, str, object, Tingkat], None]
"""Records a problem on an indicator's row: (indicator, column key, column label, message, value, tingkat)."""


@dataclass(frozen=True)
class Migration:
    """The tree read from a two-level workbook and what the reading noticed."""

    tree: Tree
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Draft:
    """A node being gathered from the rows that name it."""

    jenjang: Jenjang
    kode: str
    nama: str
    induk: str | None
    sheet: str
    baris: int | None
    pagu: Decimal | None = None
    realisasi_anggaran: Decimal | None = None
    budget_from: Indicator | None = None

    def node(self) -> Node:
        return Node(self.jenjang, self.kode, self.nama, self.induk, "", self.pagu, self.realisasi_anggaran,
                    self.sheet, self.baris)  # fmt: skip


def _text_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def tree_from_indicators(
    indicators: Sequence[Indicator], nomenklatur: Nomenklatur | None = None, cells: Cells | None = None
) -> Migration:
    """The tree of a two-level workbook (module docstring); ``cells`` maps (sheet, row, key) to a
    cell address for the notices."""
    cells = cells or {}
    problems: list[Problem] = []
    drafts: dict[str, _Draft] = {}
    sasaran_of: dict[str, str] = {}  # sasaran text key -> node kode
    hung: list[TreeIndicator] = []
    noted: set[str] = set()

    def note(ind: Indicator, key: str, kolom: str, pesan: str, nilai: object, tingkat: Tingkat) -> None:
        sel = cells.get((ind.sheet, ind.baris or 0, key))
        problems.append(Problem(pesan, ind.sheet or None, ind.baris, kolom, sel, nilai, tingkat=tingkat))

    def sasaran(ind: Indicator) -> str:
        key = _text_key(ind.sasaran)
        if key not in sasaran_of:
            kode = f"S{len(sasaran_of) + 1}"
            sasaran_of[key] = kode
            drafts[kode] = _Draft(Jenjang.SASARAN, kode, " ".join(ind.sasaran.split()), None, ind.sheet, ind.baris)
        return sasaran_of[key]

    iku_sasaran = {i.kode.casefold(): sasaran(i) for i in indicators if i.jenis is Jenis.IKU and i.sasaran.strip()}
    for ind in indicators:
        if ind.jenis is Jenis.IKU:
            hung.append(TreeIndicator(ind, iku_sasaran.get(ind.kode.casefold(), "")))
            continue
        home = iku_sasaran.get((ind.induk or "").casefold()) or (sasaran(ind) if ind.sasaran.strip() else "")
        code = _named_code(ind, nomenklatur, note, noted)
        if code is None:
            hung.append(TreeIndicator(ind, home))
            continue
        _chain(code, home, ind, drafts, nomenklatur, note)
        hung.append(TreeIndicator(ind, code.text))
        _budget(drafts[code.text], ind, note)
    nodes = tuple(d.node() for d in drafts.values())
    return Migration(Tree(nodes, tuple(hung)), problems)


def _named_code(
    ind: Indicator, nomenklatur: Nomenklatur | None, note: Note, noted: set[str]
) -> KodeNomenklatur | None:
    """The node the IKI's Program/Kegiatan cell names, if it names one (module docstring, 3)."""
    text = " ".join(ind.program.split())
    if not text:
        return None
    prefix, rest = split_code_prefix(text)
    if prefix:
        read = parse_kode(prefix)
        if read.kode is not None:
            return read.kode
        note(ind, "program", "Program/Kegiatan", f"{read.galat} IKI tetap diukur pada sasarannya.", text, "peringatan")
        return None
    found = nomenklatur.by_name(rest) if nomenklatur is not None else ()
    if len(found) == 1:
        note(ind, "program", "Program/Kegiatan",
             f"'{text}' dibaca sebagai {found[0].jenjang.value.lower()} {found[0].kode} (nama nomenklatur).", text,
             "catatan")  # fmt: skip
        return parse_kode(found[0].kode).kode
    if _text_key(text) not in noted:
        noted.add(_text_key(text))
        note(ind, "program", "Program/Kegiatan", (
            f"'{text}' tidak diawali kode nomenklatur (mis. 7.01.02.2.01): IKI diukur pada sasarannya. "
            "Tulis kodenya di depan nama agar IKI masuk ke tingkat program/kegiatan."
        ), text, "catatan")  # fmt: skip
    return None


def _chain(
    code: KodeNomenklatur, home: str, ind: Indicator, drafts: dict[str, _Draft], nomenklatur: Nomenklatur | None,
    note: Note,
) -> None:  # fmt: skip
    """The nodes from the code's program down to the code itself, the program under ``home``."""
    codes = [code.program]
    if code.jenjang is not Jenjang.PROGRAM:
        codes.append(code.text[:12])
    if code.jenjang is Jenjang.SUB_KEGIATAN:
        codes.append(code.text)
    _, own_name = split_code_prefix(" ".join(ind.program.split()))
    for text in codes:
        level = parse_kode(text).kode
        assert level is not None
        if text in drafts:
            draft = drafts[text]
            if level.jenjang is Jenjang.PROGRAM and home and draft.induk and draft.induk != home:
                note(ind, "program", "Program/Kegiatan", (
                    f"Program {text} sudah berada di bawah sasaran {draft.induk}; IKI ini dari sasaran {home}. "
                    f"Program diletakkan di {draft.induk}."
                ), ind.program, "peringatan")  # fmt: skip
            continue
        entry = nomenklatur.get(text) if nomenklatur is not None else None
        nama = entry.nama if entry else (own_name if text == code.text else text)
        induk = (home or None) if level.jenjang is Jenjang.PROGRAM else level.induk
        drafts[text] = _Draft(level.jenjang, text, nama, induk, ind.sheet, ind.baris)


def _budget(draft: _Draft, ind: Indicator, note: Note) -> None:
    for key in ("pagu", "realisasi_anggaran"):
        value: Decimal | None = getattr(ind, key)
        if value is None:
            continue
        current: Decimal | None = getattr(draft, key)
        if current is None:
            setattr(draft, key, value)
            draft.budget_from = draft.budget_from or ind
        elif current != value:
            first = draft.budget_from.kode if draft.budget_from else "indikator lain"
            label = "Pagu" if key == "pagu" else "Realisasi Anggaran"
            note(ind, key, label, (
                f"{label} {draft.jenjang.value.lower()} {draft.kode} sudah diambil dari {first}; "
                "nilai berbeda pada indikator ini tidak dipakai untuk anggaran simpul."
            ), value, "peringatan")  # fmt: skip
