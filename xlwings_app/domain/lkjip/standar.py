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
  of a sasaran: one sentence says so;
- from the Manual Indikator's free text (``from_manuals``): the standard is the number the text gives
  after its first colon ("SPM: 100% sesuai maklumat pelayanan" → 100; "Standar pelayanan PATEN:
  15 menit" → 15), or the number it starts with ("95 %"), Indonesian decimal comma and thousands dots
  read; a text without such a number ("IKM kategori Baik (PermenPANRB 14/2017)") names no number and
  is not compared (a regulation's number is never taken for the standard).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.indicator import Polaritas
from xlwings_app.domain.lkjip.wording import indikator, nilai
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.tree.manual import ManualIndikator
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


_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/])")


def standar_number(text: str) -> Decimal | None:
    """The standard's number in a Manual Indikator text (module rules), or ``None``."""
    head, colon, tail = text.partition(":")
    found = _NUMBER.match(tail if colon else head)
    if found is None:
        return None
    return Decimal(found.group(1).replace(".", "").replace(",", "."))


def from_manuals(manuals: Iterable[ManualIndikator]) -> tuple[StandarNasional, ...]:
    """The national standards the Manual Indikator rows state as a number, with the text as ``sumber``."""
    found = []
    for manual in manuals:
        number = standar_number(manual.standar) if manual.standar.strip() else None
        if number is not None:
            found.append(StandarNasional(manual.kode, number, manual.standar.strip()))
    return tuple(found)


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
