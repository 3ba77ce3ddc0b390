"""Predikat: the category of a capaian on the unit's scale (docs/domain.md, "Predikat scale").

The default scale is Permendagri 86/2017's (``settings.DEFAULT_SCALE``); units may print other
labels or thresholds, kept in sheet Pengaturan. A capaian is rounded to 2 decimals first, so
90.995 → 91.00 → Sangat Tinggi, 75.994 → 75.99 → Sedang, 75.995 → 76.00 → Tinggi.
"""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal

from xlwings_app.domain.expr import (
    Blank,
    Expr,
    If,
    IsBlank,
    Lookup,
    Max,
    Num,
    Ref,
    function,
    round_half_away,
)
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.settings import Scale

CAPAIAN = Ref("capaian")

PREDIKAT: Expr = If(
    IsBlank(CAPAIAN),
    Blank(),
    Lookup(Max(CAPAIAN, Num(Decimal(0))), Ref("skala_batas"), Ref("skala_label")),
)
"""The label of the highest band whose lower bound is <= the (already rounded) capaian.

A negative capaian (a negative realisasi, e.g. a growth rate, on a positive-polarity indicator) is
below every band; it takes the lowest band, which starts at 0 (``check_scale``), rather than
Excel's ``#N/A``."""


_PREDIKAT = function(PREDIKAT)
"""``PREDIKAT`` compiled once, a function of the environment (``evaluate(PREDIKAT, env)``)."""


def label_of(scale: Scale, rounded: Decimal) -> str | None:
    """The predikat of a capaian already rounded to 2 decimals: ``PREDIKAT``'s label, ``None`` for
    a label that is not a text or is empty.

    ``LOOKUP`` gives the label of the last band whose lower bound is <= the value. When the bounds
    are finite numbers in ascending order and every band is named (``Scale.ascending``;
    ``check_scale`` refuses any other scale before a run), that band is found by ``bisect_right``:
    the same label in three comparisons. Any other scale, or a value that is not finite, is looked
    up by the rule itself."""
    if scale.ascending and rounded.is_finite():
        band = bisect_right(scale.bounds, rounded if rounded > _ZERO else _ZERO) - 1  # Max(capaian, 0)
        return scale.labels[band] if band >= 0 else None  # below every band: LOOKUP's #N/A
    value = _PREDIKAT({"capaian": rounded, "skala_batas": scale.bounds, "skala_label": scale.labels})
    return value if isinstance(value, str) and value else None


_ZERO = Decimal(0)


def predikat(capaian: Decimal | None, scale: Scale) -> str | None:
    """The predikat of ``capaian`` (rounded to 2 decimals first); ``None`` without a capaian: the
    ``PREDIKAT`` rule's label (``label_of``)."""
    if capaian is None:
        return None
    return label_of(scale, round_half_away(capaian, 2))


def check_scale(scale: Scale, sheet: str) -> list[Problem]:
    """A scale needs bands ascending by lower bound, the lowest at 0, and distinct labels."""
    problems: list[Problem] = []
    bounds = scale.bounds
    if not scale.bands:
        return [Problem("Skala predikat kosong: isi minimal satu batas dan predikatnya.", sheet)]
    if bounds[0] != 0:
        problems.append(Problem(
            f"Batas bawah predikat terendah harus 0, tertulis {bounds[0]}.", sheet,
            kolom="Batas Bawah", nilai=bounds[0]))
    if any(b >= a for a, b in zip(bounds[1:], bounds, strict=False)):
        problems.append(Problem(
            "Batas bawah skala predikat harus naik dari atas ke bawah tanpa angka yang sama.",
            sheet, kolom="Batas Bawah"))
    labels = [label.strip() for label in scale.labels]
    if any(not label for label in labels):
        problems.append(Problem("Ada predikat tanpa nama pada skala.", sheet, kolom="Predikat"))
    if len(set(labels)) != len(labels):
        problems.append(Problem("Nama predikat pada skala tidak boleh sama.", sheet, kolom="Predikat"))
    return problems
