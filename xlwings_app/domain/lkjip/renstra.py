"""The Renstra period: the years whose targets the Renstra sets and the LKjIP reports against.

Rule (Permendagri 86/2017, Renstra Perangkat Daerah; PermenPANRB 53/2014, BAB III A.(3)): a
Renstra sets a target for each year of its period and an end target ("target jangka menengah",
``Indicator.target_akhir_renstra``); the LKjIP compares "realisasi kinerja sampai dengan tahun ini"
with that end target. ``tahun_awal`` is the first year with a target, not the year of the baseline
("kondisi awal", which a Renstra table prints before it): a Renstra "2021–2026" whose first target is
for 2022 is the period 2022–2026. A period is usually five years; transition periods (an RPD's
Renstra, 2023–2026) are shorter, so no length is imposed beyond one year.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenstraPeriod:
    """The years ``tahun_awal`` to ``tahun_akhir``, both included."""

    tahun_awal: int
    tahun_akhir: int

    def __post_init__(self) -> None:
        if self.tahun_akhir < self.tahun_awal:
            raise ValueError(f"periode Renstra {self.tahun_awal}–{self.tahun_akhir}: tahun akhir sebelum tahun awal")

    @property
    def years(self) -> tuple[int, ...]:
        """Every year of the period, ascending."""
        return tuple(range(self.tahun_awal, self.tahun_akhir + 1))

    @property
    def label(self) -> str:
        """"2022–2026" (years are never printed with a thousands dot)."""
        return f"{self.tahun_awal}–{self.tahun_akhir}"

    def __contains__(self, tahun: object) -> bool:
        return isinstance(tahun, int) and self.tahun_awal <= tahun <= self.tahun_akhir

    def years_until(self, tahun: int) -> tuple[int, ...]:
        """The period's years up to and including ``tahun`` (all of them past the end)."""
        return tuple(y for y in self.years if y <= tahun)
