"""Capaian at every level of the tree: each node's own indicators, the roll-up of its children, and
efisiensi where the node has a budget.

Seed 002 step 6 recaps "hasil pengukuran capaian kinerja untuk tiap-tiap tujuan/sasaran/program/
kegiatan". Per node, for a period:

- Own capaian: the node's own indicators measured with the engine every indicator is measured with
  (``measure.measure_all``: the aggregation, capaian and predikat rules), and their mean
  (``summary.mean_capaian``: computed capaian only, each capped at ``Settings.batas_rata_rata`` when
  set, 2 decimals).
- Roll-up (``capaian_turunan``): the capaian of its children, combined by ``MetodeRollUp``:
  - ``RATA_RATA`` (the default): the plain mean of the children's capaian. The capaian of a level is
    the mean of the capaian of what it holds, as the evaluation of the Renja averages the capaian of
    programs and kegiatan (Permendagri 86/2017, evaluasi hasil Renja: "rata-rata capaian kinerja"),
    and a child's budget does not make its performance count more: budget has its own measure,
    efisiensi (below). Weighting by pagu would let a kecamatan's largest sub kegiatan, Penyediaan
    Gaji dan Tunjangan ASN, decide its whole program's capaian.
  - ``BOBOT_PAGU``: Σ(capaian × pagu) ÷ Σ pagu over the children with a capaian and a pagu above 0
    (a unit's choice, used by e-SAKIP systems that value a programme by its money); when no child has a
    pagu, the plain mean, with a note.
- The node's capaian (``capaian``): its own when one of its own indicators has a capaian (the node's
  indicators are what measures it: IKU measure the sasaran), else the roll-up. It is what the node
  gives its parent's roll-up, and its predikat is read on the unit's scale.
- Budget (program, kegiatan, sub kegiatan; ``model.pagu_of``): serapan = realisasi anggaran ÷ pagu ×
  100 and efisiensi = (1 − serapan ÷ capaian) × 100 (``measure.serapan_efisiensi``, docs/domain.md,
  "Budget efficiency").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.measure import Hasil, measure_all, serapan_efisiensi
from xlwings_app.domain.predikat import predikat
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.summary import mean_capaian
from xlwings_app.domain.tree.model import Node, Tree, pagu_of, realisasi_anggaran_of


class MetodeRollUp(StrEnum):
    """How a node's children's capaian make its roll-up (module docstring)."""

    RATA_RATA = "Rata-rata"
    BOBOT_PAGU = "Bobot pagu"


DEFAULT_METODE = MetodeRollUp.RATA_RATA
"""The plain mean (module docstring: Permendagri 86/2017's evaluation averages capaian; budget is
measured by efisiensi, not by weighting performance)."""


class Sumber(StrEnum):
    """Where a node's capaian comes from."""

    INDIKATOR = "Indikator sendiri"
    TURUNAN = "Rata-rata tingkat di bawahnya"
    TIDAK_ADA = "Belum ada"


@dataclass(frozen=True)
class CapaianSimpul:
    """One node measured in one period."""

    node: Node
    periode: Periode
    hasil: tuple[Hasil, ...]
    capaian_sendiri: Decimal | None
    capaian_turunan: Decimal | None
    capaian: Decimal | None
    sumber: Sumber
    predikat: str | None
    metode: MetodeRollUp
    anak_dihitung: int
    pagu: Decimal | None
    realisasi_anggaran: Decimal | None
    serapan: Decimal | None
    efisiensi: Decimal | None
    catatan: str = ""


def roll_up(
    values: Iterable[tuple[Decimal | None, Decimal | None]], metode: MetodeRollUp, cap: Decimal | None = None
) -> tuple[Decimal | None, str]:
    """The roll-up of children's (capaian, pagu) by ``metode`` (module docstring) and a note when the
    weighted mean fell back to the plain mean; each capaian capped at ``cap`` when given."""
    counted = [(min(c, cap) if cap is not None else c, p) for c, p in values if c is not None]
    if not counted:
        return None, ""
    if metode is MetodeRollUp.BOBOT_PAGU:
        weighted = [(c, p) for c, p in counted if p is not None and p > 0]
        if weighted:
            total = sum((p for _, p in weighted), Decimal(0))
            return round_half_away(sum((c * p for c, p in weighted), Decimal(0)) / total, 2), ""
        note = "Tidak ada pagu di tingkat bawah: dipakai rata-rata biasa."
    else:
        note = ""
    return round_half_away(sum((c for c, _ in counted), Decimal(0)) / len(counted), 2), note


def measure_tree(
    tree: Tree,
    periode: Periode,
    settings: Settings,
    metode: MetodeRollUp = DEFAULT_METODE,
    indicators: Mapping[str, Indicator] | None = None,
) -> dict[str, CapaianSimpul]:
    """Every node of ``tree`` measured in ``periode``, by node key, children before their parents are
    combined (module docstring). ``indicators`` replaces a hung indicator by kode (e.g. with the
    realisasi its ratio's parts give, ``manual.apply_manual``)."""
    results: dict[str, CapaianSimpul] = {}
    order = sorted(tree.nodes, key=lambda n: -n.jenjang.depth)  # the deepest first: children are ready
    for node in order:
        if node.key in results:
            continue  # a duplicate kode (a problem of the rules): the first node counts
        own = [indicators.get(i.kode, i) if indicators else i for i in tree.indicators_of(node)]
        hasil = tuple(measure_all(own, periode, settings))
        sendiri = mean_capaian(hasil, settings.batas_rata_rata)
        children = [results[c.key] for c in tree.children(node) if c.key in results]
        turunan, note = roll_up(((c.capaian, c.pagu) for c in children), metode, settings.batas_rata_rata)
        if sendiri is not None:
            capaian, sumber = sendiri, Sumber.INDIKATOR
        elif turunan is not None:
            capaian, sumber = turunan, Sumber.TURUNAN
        else:
            capaian, sumber = None, Sumber.TIDAK_ADA
        pagu = pagu_of(tree, node)
        realisasi = realisasi_anggaran_of(tree, node)
        serapan, efisiensi = serapan_efisiensi(pagu, realisasi, capaian) if node.jenjang.has_budget else (None, None)
        results[node.key] = CapaianSimpul(
            node, periode, hasil, sendiri, turunan, capaian, sumber, predikat(capaian, settings.skala), metode,
            sum(1 for c in children if c.capaian is not None), pagu, realisasi, serapan, efisiensi, note,
        )  # fmt: skip
    return {n.key: results[n.key] for n in tree.nodes if n.key in results and results[n.key].node is n}
