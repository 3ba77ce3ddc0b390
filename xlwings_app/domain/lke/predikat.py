"""The predikat of an AKIP evaluation's total score (Lampiran PermenPANRB 88/2021).

Bands, as the regulation writes them: AA "> 90 – 100", A "> 80 – 90", BB "> 70 – 80", B "> 60 – 70",
CC "> 50 – 60", C "> 30 – 50", D "0 – 30". Each band's lower bound is exclusive and its upper bound
inclusive, so a total of exactly 90 is A, exactly 80 is BB, exactly 30 is D; 90,01 is AA.

Why 90 is A: the regulation writes the lower bound of every band but D with ">" and the upper bound
without, and each upper bound is the next band's lower bound: read literally, 90 belongs to the band
that ends at 90 (A) and not to the one that begins after it. Implementations differ: kke-sakip-trenggalek
(EksporLaporan getKategoriNilai) and e-sakip-bna's fallback give AA from 90 (``>= 90``), while
e-sakip-bna's own seeded table starts AA at 90,01 (the literal reading, taken here).

The total is rounded to 2 decimals (half away from zero, as Excel's ROUND) before its band is chosen,
so 90,004 is A and 90,005 (shown 90,01) is AA. The interpretations (Sangat Memuaskan … Sangat
Kurang) are the regulation's, as e-sakip-bna and kke-sakip-trenggalek print them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.expr import round_half_away


@dataclass(frozen=True)
class PredikatAkip:
    """One band of the AKIP predikat: code, interpretation and bounds (lower exclusive, upper inclusive;
    D includes 0)."""

    kode: str
    interpretasi: str
    batas_bawah: Decimal
    batas_atas: Decimal


BANDS: tuple[PredikatAkip, ...] = (
    PredikatAkip("AA", "Sangat Memuaskan", Decimal(90), Decimal(100)),
    PredikatAkip("A", "Memuaskan", Decimal(80), Decimal(90)),
    PredikatAkip("BB", "Sangat Baik", Decimal(70), Decimal(80)),
    PredikatAkip("B", "Baik", Decimal(60), Decimal(70)),
    PredikatAkip("CC", "Cukup", Decimal(50), Decimal(60)),
    PredikatAkip("C", "Kurang", Decimal(30), Decimal(50)),
    PredikatAkip("D", "Sangat Kurang", Decimal(0), Decimal(30)),
)
"""The bands, best first (Lampiran PermenPANRB 88/2021)."""


def predikat_akip(nilai: Decimal) -> PredikatAkip:
    """The band of a total score 0–100: the first band whose (exclusive) lower bound the score,
    rounded to 2 decimals, exceeds; D for 0 to 30. ValueError outside 0–100 (no LKE scores there)."""
    rounded = round_half_away(nilai, 2)
    if rounded < 0 or rounded > 100:
        raise ValueError(f"Nilai evaluasi AKIP harus 0 sampai 100, tertulis {nilai}")
    for band in BANDS[:-1]:
        if rounded > band.batas_bawah:
            return band
    return BANDS[-1]
