"""The kabupaten's ranking of its units' AKIP self-evaluations, and the state of each unit's evidence.

Rule: units are ranked by their LKE total (``domain.lke.scoring``), highest first; equal totals
share a rank and the next rank skips (1, 2, 2, 4: standard competition ranking), ties listed by
unit name. Each bukti dukung a unit names (a sealed archive and its verification code) is checked
against that unit's own seals (sheet Segel of its master workbook) and the archive file itself
(``BuktiStatus``); a unit is "terverifikasi" when every one of its bukti dukung is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from xlwings_app.domain.lke.scoring import LkeScore


class BuktiStatus(StrEnum):
    """What the kabupaten found for one bukti dukung."""

    TERVERIFIKASI = "Terverifikasi"
    ARSIP_TIDAK_ADA = "Kode cocok, arsip tidak ditemukan"
    ARSIP_BERUBAH = "Arsip berubah sejak disegel"
    KODE_TIDAK_ADA = "Kode tidak ada di Segel unit"
    TANPA_INDUK = "Workbook induk unit tidak ditemukan"
    TANPA_KODE = "Tanpa kode verifikasi"


@dataclass(frozen=True)
class BuktiUnit:
    """One bukti dukung of a unit: the criterion, the file, its code and what the check found."""

    kriteria: str
    file: str
    kode: str
    status: BuktiStatus


@dataclass(frozen=True)
class LkeUnit:
    """A unit's self-evaluation as the kabupaten received it."""

    unit: str
    tahun: int | None
    file: str
    score: LkeScore
    bukti: tuple[BuktiUnit, ...]

    @property
    def terverifikasi(self) -> int:
        return sum(1 for b in self.bukti if b.status is BuktiStatus.TERVERIFIKASI)


def rank(units: Sequence[LkeUnit]) -> list[tuple[int, LkeUnit]]:
    """(rank, unit), highest total first; equal totals share a rank (1, 2, 2, 4), then by unit name."""
    ordered = sorted(units, key=lambda u: (-u.score.total, u.unit.casefold()))
    out: list[tuple[int, LkeUnit]] = []
    previous: Decimal | None = None
    position = 0
    for n, unit in enumerate(ordered, start=1):
        if unit.score.total != previous:
            position, previous = n, unit.score.total
        out.append((position, unit))
    return out
