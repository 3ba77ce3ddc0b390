"""The kabupaten's per-program view: units' programs matched by their nomenclature code.

Units of one kind (the kecamatan, urusan 7.01) run the same programs of the national nomenclature
(Kepmendagri 050-5889/2021: 7.01.02 Program Penyelenggaraan Pemerintahan dan Pelayanan Publik in
every kecamatan). A unit with a performance tree (sheet Pohon Kinerja) gives each of its programs a
capaian (``domain.tree.rollup.measure_tree``: its own indicators, else the roll-up of its kegiatan),
a pagu and a serapan. ``per_program`` lines them up by code, never by name (units spell names
differently; the code is the nomenclature's): one row per code held by at least two counted units,
with each unit's capaian, the mean, highest and lowest (2 decimals, half away from zero), the units'
total pagu, in code order; the name is the one most units wrote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.expr import round_half_away


@dataclass(frozen=True)
class ProgramUnit:
    """One program of one unit, measured in the rekap's period."""

    kode: str
    nama: str
    capaian: Decimal | None
    pagu: Decimal | None = None
    serapan: Decimal | None = None


@dataclass(frozen=True)
class ProgramBersama:
    """One nomenclature program shared by several units."""

    kode: str
    nama: str
    per_unit: dict[str, Decimal | None]
    rata_rata: Decimal | None
    tertinggi: Decimal | None
    terendah: Decimal | None
    pagu: Decimal | None


def per_program(units: Mapping[str, Sequence[ProgramUnit]]) -> list[ProgramBersama]:
    """The programs held by at least two of ``units`` (unit name → its programs), by code (module docstring)."""
    by_code: dict[str, dict[str, ProgramUnit]] = {}
    for unit, programs in units.items():
        for program in programs:
            by_code.setdefault(program.kode, {}).setdefault(unit, program)
    shared = []
    for kode in sorted(by_code):
        held = by_code[kode]
        if len(held) < 2:
            continue
        values = [p.capaian for p in held.values() if p.capaian is not None]
        pagus = [p.pagu for p in held.values() if p.pagu is not None]
        nama = Counter(" ".join(p.nama.split()) for p in held.values()).most_common(1)[0][0]
        shared.append(ProgramBersama(
            kode, nama, {u: p.capaian for u, p in held.items()},
            round_half_away(sum(values, Decimal(0)) / len(values), 2) if values else None,
            max(values) if values else None, min(values) if values else None,
            sum(pagus, Decimal(0)) if pagus else None,
        ))  # fmt: skip
    return shared
