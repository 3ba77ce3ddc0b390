"""Realisasi anggaran per program and the efficiency of the resources behind each sasaran: the
LKjIP's BAB III A.(6), A.(7) and B.

Rules:
- a program's pagu, realisasi anggaran and capaian are the tree's (``domain.tree.rollup.measure_tree``:
  its own or its children's budget, its own indicators' capaian or the roll-up); a program supports
  the sasaran it hangs from (``programs_from_tree``);
- serapan = realisasi anggaran ÷ pagu × 100 and efisiensi = (1 − serapan ÷ capaian) × 100, the one
  rule of ``domain.measure.serapan_efisiensi`` (docs/domain.md, "Budget efficiency"): a positive
  efisiensi means the capaian was reached with proportionally less money;
- a total (all programs, or a sasaran's): pagu summed over the programs that have one; realisasi
  summed only when every program with a pagu has one (a partial sum would understate serapan, the
  tree's rule for a node's budget); capaian the plain mean of the programs' capaian (the tree's
  default roll-up), or for a sasaran the mean capaian of its own indicators (``domain.summary.mean_capaian``);
- sentences: the budget and its serapan, the efisiensi and what it says; a missing part said as such;
  the programs behind a sasaran named with their figures. No budget recorded: a sentence says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.formatting import rupiah
from xlwings_app.domain.lkjip.wording import banyak, daftar, kapital, persen
from xlwings_app.domain.measure import Hasil, serapan_efisiensi
from xlwings_app.domain.summary import mean_capaian
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.model import Tree
from xlwings_app.domain.tree.rollup import CapaianSimpul, MetodeRollUp, roll_up


@dataclass(frozen=True)
class ProgramAnggaran:
    """One program's budget and capaian for the year, and the sasaran it supports."""

    kode: str
    nama: str
    pagu: Decimal | None
    realisasi_anggaran: Decimal | None
    capaian: Decimal | None = None
    sasaran: str = ""

    @property
    def serapan(self) -> Decimal | None:
        """Realisasi anggaran ÷ pagu × 100 (``measure.serapan_efisiensi``)."""
        return serapan_efisiensi(self.pagu, self.realisasi_anggaran, self.capaian)[0]

    @property
    def efisiensi(self) -> Decimal | None:
        """(1 − serapan ÷ capaian) × 100 (``measure.serapan_efisiensi``)."""
        return serapan_efisiensi(self.pagu, self.realisasi_anggaran, self.capaian)[1]


def programs_from_tree(tree: Tree, measured: Mapping[str, CapaianSimpul]) -> tuple[ProgramAnggaran, ...]:
    """Every program of ``tree`` with its budget and capaian from ``measured`` (``measure_tree``'s
    result for the year, by node key), and the name of the sasaran it hangs from."""
    programs = []
    for node in tree.of_level(Jenjang.PROGRAM):
        simpul = measured.get(node.key)
        parent = tree.parent(node)
        programs.append(ProgramAnggaran(
            node.kode, node.nama, simpul.pagu if simpul else node.pagu,
            simpul.realisasi_anggaran if simpul else node.realisasi_anggaran, simpul.capaian if simpul else None,
            parent.nama if parent is not None and parent.jenjang is Jenjang.SASARAN else "",
        ))  # fmt: skip
    return tuple(programs)


def programs_from_indicators(hasil: Sequence[Hasil]) -> tuple[ProgramAnggaran, ...]:
    """The programs named in the IKU's Program/Kegiatan column, for a workbook without a performance
    tree: a program's pagu and realisasi anggaran are the sums over its indicators (realisasi only
    when every indicator with a pagu has one, the rule of ``total_for``), its capaian the mean capaian
    of its indicators (``summary.mean_capaian``), its sasaran that of its first indicator; an indicator
    without a program is left out (the PK's lampiran program reads the same column)."""
    groups: dict[str, list[Hasil]] = {}
    names: dict[str, str] = {}
    for h in hasil:
        name = " ".join(h.indicator.program.split())
        if name:
            groups.setdefault(_key(name), []).append(h)
            names.setdefault(_key(name), name)
    programs = []
    for key, items in groups.items():
        pagus = [h.indicator.pagu for h in items if h.indicator.pagu is not None]
        realised = [h.indicator.realisasi_anggaran for h in items if h.indicator.pagu is not None]
        realisasi = None
        if realised and all(r is not None for r in realised):
            realisasi = sum((r for r in realised if r is not None), Decimal(0))
        programs.append(ProgramAnggaran(
            "", names[key], sum(pagus, Decimal(0)) if pagus else None, realisasi, mean_capaian(items),
            " ".join(items[0].indicator.sasaran.split()),
        ))  # fmt: skip
    return tuple(programs)


@dataclass(frozen=True)
class Total:
    """The budget of several programs together (module rule)."""

    pagu: Decimal | None
    realisasi_anggaran: Decimal | None
    capaian: Decimal | None
    serapan: Decimal | None
    efisiensi: Decimal | None


def total(programs: Iterable[ProgramAnggaran]) -> Total:
    """All of ``programs`` together; the capaian the plain mean of theirs (module rule)."""
    items = list(programs)
    return total_for(items, roll_up(((p.capaian, p.pagu) for p in items), MetodeRollUp.RATA_RATA)[0])


def total_for(programs: Iterable[ProgramAnggaran], capaian: Decimal | None) -> Total:
    """The budget of ``programs`` together against ``capaian`` (a sasaran's: the mean capaian of its
    own indicators), with its serapan and efisiensi (module rule)."""
    items = list(programs)
    with_pagu = [p.pagu for p in items if p.pagu is not None]
    realised = [p.realisasi_anggaran for p in items if p.pagu is not None]
    pagu = sum(with_pagu, Decimal(0)) if with_pagu else None
    realisasi = None
    if realised and all(r is not None for r in realised):
        realisasi = sum((r for r in realised if r is not None), Decimal(0))
    serapan, efisiensi = serapan_efisiensi(pagu, realisasi, capaian)
    return Total(pagu, realisasi, capaian, serapan, efisiensi)


def of_sasaran(programs: Iterable[ProgramAnggaran], sasaran: str) -> tuple[ProgramAnggaran, ...]:
    """The programs supporting ``sasaran`` (names compared without case and extra spaces)."""
    key = _key(sasaran)
    return tuple(p for p in programs if _key(p.sasaran) == key)


def efisiensi_kalimat(t: Total, subject: str = "sasaran ini") -> str:
    """BAB III A.(6): the budget behind ``subject``, its serapan against the capaian, and the efisiensi."""
    if t.pagu is None or t.pagu == 0:
        return f"Anggaran untuk {subject} belum dicatat, sehingga efisiensi penggunaan sumber dayanya belum dapat dianalisis."
    head = f"Anggaran untuk {subject} sebesar {rupiah(t.pagu)}"
    if t.realisasi_anggaran is None:
        return f"{head}; realisasinya belum lengkap dicatat, sehingga efisiensi belum dapat dihitung."
    head += f" terealisasi {rupiah(t.realisasi_anggaran)} (serapan {persen(t.serapan)})"
    if t.capaian is None or t.efisiensi is None:
        return f"{head}; capaian kinerjanya belum dapat dihitung, sehingga efisiensi belum dapat dihitung."
    text = f"{head}, sedangkan capaian kinerjanya {persen(t.capaian)}. Efisiensi {persen(t.efisiensi)}"
    if t.efisiensi > 0:
        return f"{text}: capaian kinerja lebih tinggi daripada serapan anggaran."
    if t.efisiensi < 0:
        return f"{text}: serapan anggaran lebih tinggi daripada capaian kinerja, sehingga penggunaan anggaran belum efisien."
    return f"{text}: serapan anggaran sebanding dengan capaian kinerja."


def _figures(p: ProgramAnggaran) -> str:
    parts = []
    if p.pagu is not None:
        parts.append(f"pagu {rupiah(p.pagu)}")
    if p.serapan is not None:
        parts.append(f"serapan {persen(p.serapan)}")
    if p.capaian is not None:
        parts.append(f"capaian {persen(p.capaian)}")
    name = " ".join(part for part in (p.kode, p.nama) if part)
    return f"{name} ({', '.join(parts)})" if parts else name


def program_kalimat(programs: Sequence[ProgramAnggaran], subject: str = "sasaran ini") -> str:
    """BAB III A.(7): the programs behind ``subject``, each with its pagu, serapan and capaian."""
    if not programs:
        return f"Belum ada program yang dikaitkan dengan {subject}."
    return f"{kapital(subject)} didukung oleh {banyak(len(programs), 'program')}: {daftar([_figures(p) for p in programs])}."


def anggaran_kalimat(programs: Sequence[ProgramAnggaran], tahun: int) -> str:
    """BAB III B: the year's budget over all programs and the program with the lowest serapan."""
    if not programs:
        return f"Belum ada program dengan anggaran yang dicatat untuk tahun {tahun}."
    t = total(programs)
    if t.pagu is None:
        return f"Pagu anggaran {banyak(len(programs), 'program')} tahun {tahun} belum dicatat."
    text = f"Pagu anggaran tahun {tahun} untuk {banyak(len(programs), 'program')} sebesar {rupiah(t.pagu)}"
    if t.realisasi_anggaran is None:
        return f"{text}; realisasinya belum lengkap dicatat."
    text += f", terealisasi {rupiah(t.realisasi_anggaran)} (serapan {persen(t.serapan)})."
    measured = [p for p in programs if p.serapan is not None]
    if len(measured) > 1:
        low = min(measured, key=lambda p: p.serapan or Decimal(0))
        text += f" Serapan terendah pada {' '.join(x for x in (low.kode, low.nama) if x)} ({persen(low.serapan)})."
    return text


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
