"""The workbook's settings (sheet Pengaturan): predikat scale, negative-polarity variant, cap."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from xlwings_app.domain.indicator import Periode


class VarianNegatif(StrEnum):
    """Which formula a negative-polarity indicator uses (docs/domain.md, "Capaian formulas").

    SELISIH: (2 × target − realisasi) / target × 100, never below 0 (PermenPANRB 6/2022
    "kondisi khusus", written there as (1 + (1 − R/T)) × 100). The default.
    RASIO: target / realisasi × 100, used by some kabupaten; realisasi 0 gives 100.
    """

    SELISIH = "(2T-R)/T"
    RASIO = "T/R"

    @property
    def label(self) -> str:
        return {
            VarianNegatif.SELISIH: "(2T-R)/T (PermenPANRB 6/2022)",
            VarianNegatif.RASIO: "T/R",
        }[self]


@dataclass(frozen=True)
class Band:
    """One predikat: every capaian from ``batas_bawah`` up to the next band's bound."""

    batas_bawah: Decimal
    predikat: str


@dataclass(frozen=True)
class Scale:
    """A predikat scale, bands ascending by their lower bound; the lowest band starts at 0.

    What is read from the bands is worked out once per scale, on first use, and kept by the scale
    (a run asks for a predikat 500,000 times): ``bounds``, ``labels``, ``ascending``."""

    bands: tuple[Band, ...]

    @cached_property
    def bounds(self) -> tuple[Decimal, ...]:
        return tuple(b.batas_bawah for b in self.bands)

    @cached_property
    def labels(self) -> tuple[str, ...]:
        return tuple(b.predikat for b in self.bands)

    @cached_property
    def ascending(self) -> bool:
        """Whether a capaian's band can be found by bisection (``predikat.label_of``): the lower
        bounds are finite numbers in ascending order and every band has a name, as
        ``predikat.check_scale`` requires before a run."""
        bounds = self.bounds
        return (
            all(type(b) is Decimal and b.is_finite() for b in bounds)
            and list(bounds) == sorted(bounds)
            and all(isinstance(label, str) and label for label in self.labels)
        )


#: Permendagri 86/2017 intervals (as in LKjIP Inspektorat Kab. Sampang 2019): >= 91 Sangat Tinggi,
#: 76 - < 91 Tinggi, 66 - < 76 Sedang, 51 - < 66 Rendah, < 51 Sangat Rendah.
DEFAULT_SCALE = Scale(
    (
        Band(Decimal(0), "Sangat Rendah"),
        Band(Decimal(51), "Rendah"),
        Band(Decimal(66), "Sedang"),
        Band(Decimal(76), "Tinggi"),
        Band(Decimal(91), "Sangat Tinggi"),
    )
)


@dataclass(frozen=True)
class Settings:
    """What a unit may choose; defaults are docs/domain.md's."""

    skala: Scale = DEFAULT_SCALE
    varian_negatif: VarianNegatif = VarianNegatif.SELISIH
    batas_rata_rata: Decimal | None = None
    periode_aktif: Periode = Periode.TW1
    daftar_penanggung_jawab: tuple[str, ...] = field(default=())
