"""Summaries for the Rekap sheet and the document: counts per predikat and mean capaian.

Means take only computed capaian (blank realisasi and not-computable ones are left out, and
counted apart). With ``Settings.batas_rata_rata`` set, each capaian enters a mean capped at that
value (a unit's choice, so one 233.33% does not hide a weak indicator); the printed capaian itself
is never capped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.measure import Hasil, Status
from xlwings_app.domain.settings import Settings


@dataclass(frozen=True)
class Ringkasan:
    """One group's summary (the whole unit, a sasaran, or a penanggung jawab)."""

    nama: str
    jumlah_indikator: int
    per_predikat: dict[str, int]
    rata_rata_capaian: Decimal | None
    tercapai: int
    tidak_tercapai: int
    belum_diisi: int
    tidak_dapat_dihitung: int
    tanpa_target: int = 0
    """Indicators with no target in the period (``measure.Status.TIDAK_ADA_TARGET``): counted in
    ``jumlah_indikator``, in no other group."""

    def as_dict(self) -> dict[str, object]:
        return {
            "nama": self.nama,
            "jumlah_indikator": self.jumlah_indikator,
            "per_predikat": dict(self.per_predikat),
            "rata_rata_capaian": (
                float(self.rata_rata_capaian) if self.rata_rata_capaian is not None else None
            ),
            "tercapai": self.tercapai,
            "tidak_tercapai": self.tidak_tercapai,
            "belum_diisi": self.belum_diisi,
            "tidak_dapat_dihitung": self.tidak_dapat_dihitung,
            "tanpa_target": self.tanpa_target,
        }


def mean_capaian(results: Iterable[Hasil], cap: Decimal | None = None) -> Decimal | None:
    """Mean of the computed capaian, each capped at ``cap`` when given; 2 decimals."""
    values = [r.capaian for r in results if r.capaian is not None]
    if cap is not None:
        values = [min(v, cap) for v in values]
    if not values:
        return None
    return round_half_away(sum(values, Decimal(0)) / len(values), 2)


def summarize(name: str, results: list[Hasil], settings: Settings) -> Ringkasan:
    """Counts per predikat (every label of the scale, zeros included) and the mean capaian."""
    per_predikat = {label: 0 for label in reversed(settings.skala.labels)}
    for r in results:
        if r.predikat is not None:
            per_predikat[r.predikat] = per_predikat.get(r.predikat, 0) + 1
    statuses = [r.status for r in results]
    return Ringkasan(
        nama=name,
        jumlah_indikator=len(results),
        per_predikat=per_predikat,
        rata_rata_capaian=mean_capaian(results, settings.batas_rata_rata),
        tercapai=statuses.count(Status.TERCAPAI),
        tidak_tercapai=statuses.count(Status.TIDAK_TERCAPAI),
        belum_diisi=statuses.count(Status.BELUM_DIISI),
        tidak_dapat_dihitung=statuses.count(Status.TIDAK_DAPAT_DIHITUNG),
        tanpa_target=statuses.count(Status.TIDAK_ADA_TARGET),
    )


def summarize_by(
    results: list[Hasil], key: Callable[[Hasil], str], settings: Settings
) -> list[Ringkasan]:
    """One summary per group, groups in order of first appearance."""
    groups: dict[str, list[Hasil]] = {}
    for r in results:
        groups.setdefault(key(r) or "(tanpa nama)", []).append(r)
    return [summarize(name, items, settings) for name, items in groups.items()]


def by_sasaran(results: list[Hasil], settings: Settings) -> list[Ringkasan]:
    return summarize_by(results, lambda r: r.indicator.sasaran, settings)


def by_penanggung_jawab(results: list[Hasil], settings: Settings) -> list[Ringkasan]:
    return summarize_by(results, lambda r: r.indicator.penanggung_jawab, settings)
