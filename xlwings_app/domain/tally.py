"""Rekap's summaries kept while measuring: ``summary.summarize`` one result at a time.

``kinerja hitung`` measures a workbook of 100,000 indicators one indicator at a time and keeps no
list of results; each result of the chosen period is added to the tallies of its jenis, its sasaran
(IKU only) and its penanggung jawab. A tally gives the same ``summary.Ringkasan`` as ``summarize``
of the same results in the same order (the rule is there: counts per predikat, every label of the
scale first; the mean of the computed capaian, each capped at ``Settings.batas_rata_rata`` when set,
rounded to 2 decimals): the capaian are added in input order from ``Decimal(0)``, as ``sum`` does.
"""

from __future__ import annotations

from decimal import Decimal

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.measure import Hasil, Status
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.summary import Ringkasan

UNNAMED = "(tanpa nama)"
"""A group's name when its sasaran or penanggung jawab is blank (as ``summary.summarize_by``)."""


class Tally:
    """One group's running counts and capaian sum."""

    __slots__ = ("count", "computed", "total", "per_predikat", "per_status")

    def __init__(self) -> None:
        self.count = 0
        self.computed = 0
        self.total = Decimal(0)
        self.per_predikat: dict[str, int] = {}
        self.per_status: dict[Status, int] = dict.fromkeys(Status, 0)

    def add(self, h: Hasil, cap: Decimal | None) -> None:
        self.count += 1
        if h.predikat is not None:
            self.per_predikat[h.predikat] = self.per_predikat.get(h.predikat, 0) + 1
        self.per_status[h.status] += 1
        if h.capaian is not None:
            self.computed += 1
            self.total += h.capaian if cap is None else min(h.capaian, cap)

    def ringkasan(self, name: str, settings: Settings) -> Ringkasan:
        """The summary of what was added, as ``summary.summarize`` gives it."""
        per_predikat = {label: 0 for label in reversed(settings.skala.labels)}
        for label, n in self.per_predikat.items():
            per_predikat[label] = per_predikat.get(label, 0) + n
        mean = round_half_away(self.total / self.computed, 2) if self.computed else None
        status = self.per_status
        return Ringkasan(
            nama=name,
            jumlah_indikator=self.count,
            per_predikat=per_predikat,
            rata_rata_capaian=mean,
            tercapai=status[Status.TERCAPAI],
            tidak_tercapai=status[Status.TIDAK_TERCAPAI],
            belum_diisi=status[Status.BELUM_DIISI],
            tidak_dapat_dihitung=status[Status.TIDAK_DAPAT_DIHITUNG],
            tanpa_target=status[Status.TIDAK_ADA_TARGET],
        )


class RekapTally:
    """The tallies of Rekap: per jenis, per sasaran (IKU), per penanggung jawab (groups in order of
    first appearance, as ``summary.by_sasaran`` and ``summary.by_penanggung_jawab``)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._cap = settings.batas_rata_rata
        self.per_jenis = {jenis: Tally() for jenis in Jenis}
        self.per_sasaran: dict[str, Tally] = {}
        self.per_penanggung_jawab: dict[str, Tally] = {}

    def add(self, h: Hasil) -> None:
        """Count ``h`` (a result of the chosen period) in its groups."""
        cap, ind = self._cap, h.indicator
        self.per_jenis[ind.jenis].add(h, cap)
        if ind.jenis is Jenis.IKU:
            _group(self.per_sasaran, ind.sasaran).add(h, cap)
        _group(self.per_penanggung_jawab, ind.penanggung_jawab).add(h, cap)

    def jenis(self) -> dict[Jenis, Ringkasan]:
        return {jenis: t.ringkasan(jenis.value, self.settings) for jenis, t in self.per_jenis.items()}

    def sasaran(self) -> list[Ringkasan]:
        return [t.ringkasan(name, self.settings) for name, t in self.per_sasaran.items()]

    def penanggung_jawab(self) -> list[Ringkasan]:
        return [t.ringkasan(name, self.settings) for name, t in self.per_penanggung_jawab.items()]


def _group(groups: dict[str, Tally], name: str) -> Tally:
    key = name or UNNAMED
    found = groups.get(key)
    if found is None:
        found = groups[key] = Tally()
    return found
