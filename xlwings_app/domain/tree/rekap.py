"""The Rekapitulasi Hasil Pengukuran Kinerja per level (seed 002 step 6: "merekap seluruh hasil
pengukuran capaian kinerja untuk tiap-tiap tujuan/sasaran/program/kegiatan").

``per_tingkat`` summarises the nodes of each level measured by ``rollup.measure_tree``: how many
nodes, how many have a capaian, their mean (each node's capaian as the tree gives it: its own
indicators', else its roll-up; 2 decimals, half away from zero as Excel ROUND), and the pagu,
realisasi anggaran and serapan of the level (the sum over its nodes; program, kegiatan and sub
kegiatan only). Levels without nodes are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.rollup import CapaianSimpul


@dataclass(frozen=True)
class RingkasanTingkat:
    """One level's nodes in one period."""

    jenjang: Jenjang
    jumlah: int
    dihitung: int
    rata_rata: Decimal | None
    pagu: Decimal | None
    realisasi_anggaran: Decimal | None
    serapan: Decimal | None


def per_tingkat(results: Mapping[str, CapaianSimpul]) -> list[RingkasanTingkat]:
    """Each level present, from Tujuan to Sub Kegiatan (module docstring)."""
    found: list[RingkasanTingkat] = []
    for jenjang in Jenjang:
        nodes = [r for r in results.values() if r.node.jenjang is jenjang]
        if not nodes:
            continue
        values = [r.capaian for r in nodes if r.capaian is not None]
        mean = round_half_away(sum(values, Decimal(0)) / len(values), 2) if values else None
        pagu = realisasi = serapan = None
        if jenjang.has_budget:
            pagus = [r.pagu for r in nodes if r.pagu is not None]
            pagu = sum(pagus, Decimal(0)) if pagus else None
            spent = [r.realisasi_anggaran for r in nodes if r.pagu is not None]
            if spent and all(s is not None for s in spent):
                realisasi = sum((s for s in spent if s is not None), Decimal(0))
                serapan = round_half_away(realisasi / pagu * 100, 2) if pagu else None
        found.append(RingkasanTingkat(jenjang, len(nodes), len(values), mean, pagu, realisasi, serapan))
    return found
