"""This year's realisasi against a national standard, where an indicator has one: the LKjIP's
BAB III A.(4).

PermenPANRB 53/2014, BAB III A.(4): "membandingkan realisasi kinerja tahun ini dengan standar
nasional (jika ada)": a Standar Pelayanan Minimal, a national target or norm the indicator is
measured against (the Manual Indikator's standar, ``domain.tree.manual.ManualIndikator``). Rules:
- only indicators with a standard are compared; the standard is a number in the indicator's satuan,
  with where it comes from (``sumber``);
- a positive indicator meets the standard when its realisasi is at least the standard; a negative
  one when its realisasi does not exceed it; selisih = realisasi − standar;
- no realisasi: not compared (``memenuhi`` is ``None``), said as such; no standard for any indicator
  of a sasaran: one sentence says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.indicator import Polaritas
from xlwings_app.domain.lkjip.wording import indikator, nilai
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.tree.model import key_of


@dataclass(frozen=True)
class StandarNasional:
    """The national standard of indicator ``kode``: a number in its satuan, and its source."""

    kode: str
    nilai: Decimal
    sumber: str = ""


@dataclass(frozen=True)
class StandarRow:
    """One indicator compared with its standard (a row of item (4)'s table)."""

    kode: str
    nama: str
    satuan: str
    polaritas: Polaritas
    realisasi: Decimal | None
    standar: Decimal
    sumber: str
    memenuhi: bool | None
    selisih: Decimal | None


def compare_standar(hasil: Sequence[Hasil], standar: Iterable[StandarNasional]) -> tuple[StandarRow, ...]:
    """One row per indicator of ``hasil`` that has a standard, in the order of ``hasil`` (module rules)."""
    by_kode = {key_of(s.kode): s for s in standar}
    rows = []
    for h in hasil:
        s = by_kode.get(key_of(h.indicator.kode))
        if s is None:
            continue
        i, r = h.indicator, h.realisasi
        memenuhi = None if r is None else (r <= s.nilai if i.polaritas is Polaritas.NEGATIF else r >= s.nilai)
        rows.append(StandarRow(i.kode, i.nama, i.satuan, i.polaritas, r, s.nilai, s.sumber, memenuhi,
                               None if r is None else r - s.nilai))  # fmt: skip
    return tuple(rows)


def standar_kalimat(rows: Sequence[StandarRow]) -> str:
    """Item (4) for one sasaran: one sentence per indicator with a standard (module rules)."""
    if not rows:
        return "Indikator sasaran ini belum mempunyai standar nasional untuk dibandingkan."
    return " ".join(_sentence(row) for row in rows)


def _sentence(row: StandarRow) -> str:
    label, s = indikator(row.kode, row.nama), nilai(row.standar, row.satuan)
    source = f" ({row.sumber})" if row.sumber.strip() else ""
    if row.realisasi is None or row.selisih is None:
        return f"Realisasi {label} tahun ini belum ada untuk dibandingkan dengan standar nasional {s}{source}."
    head = f"Realisasi {label} sebesar {nilai(row.realisasi, row.satuan)}"
    gap = nilai(abs(row.selisih), row.satuan)
    if row.polaritas is Polaritas.NEGATIF:
        if row.memenuhi:
            return f"{head} tidak melebihi standar nasional {s}{source}."
        return f"{head} melebihi standar nasional {s}{source} sebesar {gap}."
    if row.selisih == 0:
        return f"{head} sama dengan standar nasional {s}{source}."
    if row.memenuhi:
        return f"{head} melampaui standar nasional {s}{source} sebesar {gap}."
    return f"{head} belum memenuhi standar nasional {s}{source}; kurang {gap}."
