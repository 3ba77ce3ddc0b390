"""Capaian: how far realisasi reaches target, in percent (docs/domain.md, "Capaian formulas").

The rules, each written once as an expression (``CAPAIAN``) that the engine evaluates and the
workbook renders as the live ``Capaian`` formula:

- Positif: capaian = R / T × 100.
- Negatif, default (PermenPANRB 6/2022 "kondisi khusus", (1 + (1 − R/T)) × 100):
  capaian = (2 × T − R) / T × 100, never below 0. T 7, R 6.5 → 107.14; T 8, R 9 → 87.5.
- Negatif, variant "T/R" (a setting): capaian = T / R × 100; R 0 → 100 (with a note).
- Range target [L, U] (PermenPANRB 6/2022): R inside → 100; R < L → the polarity's formula against
  L; R > U → against U. Range 80–90, R 70 → 87.5.
- Target 0: Negatif → 100 when R is 0, else 0; Positif → not computable (flagged, excluded
  from means).
- Blank realisasi is "not filled in": no capaian. An explicit 0 is a value.
- No cap; rounded to 2 decimals, half away from zero (Excel ROUND), before a predikat is given.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache

from xlwings_app.domain.expr import (
    AllOf,
    Blank,
    Expr,
    If,
    IsBlank,
    Max,
    Not,
    Num,
    Ref,
    Round,
    Str,
    Value,
    function,
    specialise,
)
from xlwings_app.domain.indicator import Polaritas
from xlwings_app.domain.settings import VarianNegatif

REALISASI = Ref("realisasi")
TARGET = Ref("target")
BATAS_BAWAH = Ref("batas_bawah")
BATAS_ATAS = Ref("batas_atas")
POLARITAS = Ref("polaritas")
VARIAN = Ref("varian_negatif")

_ZERO = Num(Decimal(0))
_HUNDRED = Num(Decimal(100))
_NEGATIF = POLARITAS.eq(Str(Polaritas.NEGATIF.value))
_RASIO = VARIAN.eq(Str(VarianNegatif.RASIO.value))


def _against(target: Expr) -> Expr:
    """Capaian of the realisasi against a non-zero ``target``, for the row's polarity."""
    r = REALISASI
    positif = Round(r / target * 100, 2)
    negatif_selisih = Round(Max(_ZERO, (2 * target - r) / target * 100), 2)
    negatif_rasio = If(r.eq(0), _HUNDRED, Round(target / r * 100, 2))
    return If(_NEGATIF, If(_RASIO, negatif_rasio, negatif_selisih), positif)


_RANGE = AllOf((Not(IsBlank(BATAS_BAWAH)), Not(IsBlank(BATAS_ATAS))))
_WITHIN_RANGE = If(
    REALISASI.lt(BATAS_BAWAH),
    _against(BATAS_BAWAH),
    If(REALISASI.gt(BATAS_ATAS), _against(BATAS_ATAS), _HUNDRED),
)
_TARGET_ZERO = If(_NEGATIF, If(REALISASI.eq(0), _HUNDRED, _ZERO), Blank())

CAPAIAN: Expr = If(
    IsBlank(REALISASI),
    Blank(),
    If(
        _RANGE,
        _WITHIN_RANGE,
        If(IsBlank(TARGET), Blank(), If(TARGET.eq(0), _TARGET_ZERO, _against(TARGET))),
    ),
)
"""The whole rule; inputs ``realisasi``, ``target``, ``batas_bawah``, ``batas_atas``,
``polaritas`` ("Positif"/"Negatif") and ``varian_negatif`` ("(2T-R)/T"/"T/R")."""


INPUTS = ("realisasi", "target", "batas_bawah", "batas_atas")
"""The row's inputs of ``CAPAIAN`` besides the two fixed per indicator and unit (``rule``)."""


@cache
def rule(polaritas: Polaritas, varian: VarianNegatif) -> Callable[..., Value]:
    """``Round(CAPAIAN, 2)`` specialised to the indicator's polarity and the unit's negative variant,
    compiled once as a function of ``INPUTS`` in that order: ``rule(p, v)(realisasi, target,
    batas_bawah, batas_atas)`` is the rounded capaian, or ERROR or a blank when there is none
    (``evaluate(CAPAIAN, env, fixed=("polaritas", "varian_negatif"))`` rounded, without the dict)."""
    fixed = {"polaritas": polaritas.value, "varian_negatif": varian.value}
    return function(Round(specialise(CAPAIAN, fixed), 2), INPUTS)


def capaian(
    target: Decimal | None,
    realisasi: Decimal | None,
    polaritas: Polaritas,
    varian: VarianNegatif = VarianNegatif.SELISIH,
    batas_bawah: Decimal | None = None,
    batas_atas: Decimal | None = None,
) -> Decimal | None:
    """Capaian in percent, rounded to 2 decimals; ``None`` when it cannot be computed.

    >>> capaian(Decimal(7), Decimal("6.5"), Polaritas.NEGATIF)
    Decimal('107.14')
    >>> capaian(Decimal(8), Decimal(9), Polaritas.NEGATIF)
    Decimal('87.50')
    >>> capaian(None, Decimal(70), Polaritas.POSITIF,
    ...         batas_bawah=Decimal(80), batas_atas=Decimal(90))
    Decimal('87.50')
    """
    value = rule(polaritas, varian)(realisasi, target, batas_bawah, batas_atas)
    return value if isinstance(value, Decimal) else None  # Round gives a number or ERROR
