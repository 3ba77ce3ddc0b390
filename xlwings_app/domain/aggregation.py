"""From triwulan to period: the target and realisasi an indicator is measured on.

Written as expressions (``xlwings_app.domain.expr``) so the same rule feeds the engine and the
workbook's live ``Target Periode`` / ``Realisasi Periode`` formulas. docs/domain.md, "From triwulan to
year"; practice varies, so the method is the indicator's own ``Agregasi`` column:

- Jumlah: realisasi s.d. TW n = R1 + … + Rn against T1 + … + Tn; every TW up to n must be filled,
  except a TW with neither target nor realisasi (no target that quarter, nothing to report: its
  status is Tidak Ada Target), which counts 0 in both sums.
  The year: R1 + … + R4 against the yearly target.
- Akhir: the latest filled TW up to n is the value, against that TW's target. The year: the latest
  filled TW against the yearly target.
- Rata-rata: the mean of the filled TWs up to n, against the mean of those TWs' targets. The year:
  the mean of the filled TWs against the yearly target.

A period with no realisasi has a blank realisasi (never 0): "not filled in".
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Literal

from xlwings_app.domain.expr import (
    AllOf,
    AnyOf,
    Average,
    Blank,
    Count,
    Expr,
    If,
    IsBlank,
    Not,
    Num,
    Ref,
    Str,
    value_of,
)
from xlwings_app.domain.indicator import Agregasi, Periode

T = tuple(Ref(f"t{i}") for i in range(1, 5))
R = tuple(Ref(f"r{i}") for i in range(1, 5))
TARGET_TAHUNAN = Ref("target_tahunan")
AGREGASI = Ref("agregasi")


def _total(refs: tuple[Expr, ...]) -> Expr:
    total: Expr = refs[0]
    for ref in refs[1:]:
        total = total + ref
    return total


def _zero_if_blank(refs: tuple[Ref, ...]) -> Expr:
    return _total(tuple(If(IsBlank(r), Num(Decimal(0)), r) for r in refs))


def _jumlah_realisasi(n: int) -> Expr:
    """R1 + … + Rn, blank while a TW with a target has no realisasi; a TW without target and without
    realisasi counts 0. An indicator with no TW target up to n needs every TW filled (as before)."""
    no_targets = AllOf(tuple(IsBlank(t) for t in T[:n]))
    missing = tuple(AllOf((IsBlank(R[i]), AnyOf((Not(IsBlank(T[i])), no_targets)))) for i in range(n))
    return If(AnyOf(missing), Blank(), _zero_if_blank(R[:n]))


def _jumlah_target(n: int) -> Expr:
    """T1 + … + Tn, blank while a TW with a realisasi has no target or no TW has one; a TW without
    target and without realisasi counts 0."""
    missing = tuple(AllOf((IsBlank(T[i]), Not(IsBlank(R[i])))) for i in range(n))
    return If(AnyOf((*missing, AllOf(tuple(IsBlank(t) for t in T[:n])))), Blank(), _zero_if_blank(T[:n]))


def _latest_filled(n: int, pick: tuple[Ref, ...], fallback: Expr) -> Expr:
    """``pick`` of the latest TW up to ``n`` whose realisasi is filled, else ``fallback``."""
    expr = fallback
    for i in range(n):
        expr = If(Not(IsBlank(R[i])), value_of(pick[i]), expr)
    return expr


def _mean_of_filled_targets(n: int) -> Expr:
    weighted = _total(tuple(If(IsBlank(R[i]), Num(Decimal(0)), T[i]) for i in range(n)))
    return If(
        AnyOf(tuple(IsBlank(t) for t in T[:n])),
        Blank(),
        If(Count(R[:n]).eq(0), Average(T[:n]), weighted / Count(R[:n])),
    )


def _mean_of_filled(n: int) -> Expr:
    return If(Count(R[:n]).eq(0), Blank(), Average(R[:n]))


def realisasi_rule(agregasi: Agregasi, periode: Periode) -> Expr:
    """The realisasi of ``periode`` for an indicator aggregated by ``agregasi``."""
    n = periode.last_tw
    if agregasi is Agregasi.JUMLAH:
        return _jumlah_realisasi(n)
    if agregasi is Agregasi.AKHIR:
        return _latest_filled(n, R, Blank())
    return _mean_of_filled(n)


def target_rule(agregasi: Agregasi, periode: Periode) -> Expr:
    """The target ``periode``'s realisasi is compared with."""
    n = periode.last_tw
    if periode is Periode.TAHUNAN:
        return value_of(TARGET_TAHUNAN)
    if agregasi is Agregasi.JUMLAH:
        return _jumlah_target(n)
    if agregasi is Agregasi.AKHIR:
        return _latest_filled(n, T, value_of(T[n - 1]))
    return _mean_of_filled_targets(n)


def _by_agregasi(kind: Literal["target", "realisasi"], periode: Periode) -> Expr:
    make = target_rule if kind == "target" else realisasi_rule
    return If(
        AGREGASI.eq(Str(Agregasi.JUMLAH.value)),
        make(Agregasi.JUMLAH, periode),
        If(AGREGASI.eq(Str(Agregasi.AKHIR.value)), make(Agregasi.AKHIR, periode),
           make(Agregasi.RATA_RATA, periode)),
    )


@cache
def target_expr(periode: Periode) -> Expr:
    """Target of ``periode`` for any indicator: the row's ``agregasi`` picks the rule."""
    return _by_agregasi("target", periode)


@cache
def realisasi_expr(periode: Periode) -> Expr:
    """Realisasi of ``periode`` for any indicator: the row's ``agregasi`` picks the rule."""
    return _by_agregasi("realisasi", periode)
