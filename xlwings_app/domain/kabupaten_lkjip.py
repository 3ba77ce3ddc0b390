"""Which units' Laporan Kinerja (LKjIP) of the year are in and final, for Bappeda (``kinerja kabupaten``).

Rules:
- a unit's LKjIP counts as in and final when the inbox holds its LKjIP archive (``kinerja arsip
  --periode LKJIP``: the signed document packed with the workbook, manifest periode "LKJIP") of the
  rekap's year, or when one of its workbooks in the inbox records a Segel row "LKJIP" of that year
  (sealed, archive kept by the unit); the facts of Pelaporan (date signed, verification code, archive
  name) are taken from that archive's manifest or that Segel row;
- an archive whose files no longer match its manifest is reported as such ("arsip tidak utuh"), never
  as final; an intact archive wins over a Segel row, and of two of the same kind the later sealed;
- a unit on the list (expected or received) with neither is "Belum masuk". Matched by ``unit_key``.
Pure: facts in, one line per unit out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from xlwings_app.domain.kabupaten import unit_key, unit_name

FINAL_ARSIP = "Final, diarsipkan"
FINAL_SEGEL = "Final, disegel di workbook unit"
RUSAK = "Arsip tidak utuh"
BELUM = "Belum masuk"


@dataclass(frozen=True)
class FaktaLkjip:
    """One LKjIP found: in an archive (``arsip`` its file, ``masalah`` its mismatches) or a Segel row."""

    unit: str
    tahun: int
    berkas: str
    kode: str
    tanggal: dt.date | None
    arsip: str
    disegel: dt.datetime | None
    dari_arsip: bool
    masalah: tuple[str, ...] = ()

    @property
    def utuh(self) -> bool:
        return not self.masalah


@dataclass(frozen=True)
class StatusLkjip:
    """A unit's LKjIP of the year: its status and the facts it rests on (``None``: nothing in)."""

    unit: str
    status: str
    fakta: FaktaLkjip | None

    @property
    def final(self) -> bool:
        return self.status in (FINAL_ARSIP, FINAL_SEGEL)


def _rank(f: FaktaLkjip) -> tuple[int, dt.datetime]:
    kind = 2 if f.dari_arsip and f.utuh else 1 if not f.dari_arsip else 0
    when = f.disegel or dt.datetime.min
    return kind, when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def lkjip_status(units: Sequence[str], fakta: Sequence[FaktaLkjip], tahun: int) -> list[StatusLkjip]:
    """One line per unit of ``units`` (then any unit only an LKjIP names), by the module's rules."""
    best: dict[str, FaktaLkjip] = {}
    for f in fakta:
        if f.tahun != tahun:
            continue
        key = unit_key(f.unit)
        if key not in best or _rank(f) > _rank(best[key]):
            best[key] = f
    names = list(dict.fromkeys(unit_name(u) for u in units))
    keys = {unit_key(u) for u in names}
    names += [unit_name(f.unit) for k, f in best.items() if k not in keys]
    out = []
    for name in names:
        found = best.get(unit_key(name))
        if found is None:
            out.append(StatusLkjip(name, BELUM, None))
        elif not found.utuh:
            out.append(StatusLkjip(name, RUSAK, found))
        else:
            out.append(StatusLkjip(name, FINAL_ARSIP if found.dari_arsip else FINAL_SEGEL, found))
    return out
