"""LKE scores against hand-computed values: ROUND(Σ values × weight / n; 2) per sub-component, sums above."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.lke.helpers import best, with_sub
from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.domain.lke.model import Lke
from xlwings_app.domain.lke.scoring import (
    answer_problems,
    answer_value,
    normalise_answer,
    points_lost,
    score_lke,
    score_sub,
)


def test_every_best_answer_scores_each_weight_and_100(lke: Lke) -> None:
    score = score_lke(lke, best(lke))
    assert [s.nilai for c in score.components for s in c.subs] == [s.weight for s in lke.subs()]
    assert [c.nilai for c in score.components] == [30, 30, 15, 25]
    assert score.total == Decimal("100.00")
    assert score.predikat.kode == "AA"
    assert score.unanswered == ()


def test_nothing_answered_scores_0_and_lists_all_80_as_unanswered(lke: Lke) -> None:
    score = score_lke(lke, {})
    assert score.total == 0
    assert score.predikat.kode == "D"
    assert len(score.unanswered) == 80
    assert score.unanswered[:2] == ("1.a.1", "1.a.2")


def test_y_t_sub_component(lke: Lke) -> None:
    answers = {"1.a.1": "Y", "1.a.2": "T", "1.a.3": "Y", "1.a.4": "Y", "1.a.5": "T", "1.a.6": "Y"}
    score = score_sub(lke.sub("1.a"), answers)
    assert score.nilai == Decimal("4.00")  # 4 × 6 / 6
    assert score.percent == Decimal("66.67")
    assert score.answered == 6


def test_mixed_scales_in_one_sub_component(lke: Lke) -> None:
    answers: dict[str, str | None] = {"1.b.1": "Y", "1.b.2": "T"} | {f"1.b.{n}": "B" for n in range(3, 12)}
    score = score_sub(lke.sub("1.b"), answers)
    # (1 + 0 + 9 × 0,75) × 9 / 11 = 69,75 / 11 = 6,3409…
    assert score.nilai == Decimal("6.34")
    assert score.percent == Decimal("70.44")  # 6,34 / 9


@pytest.mark.parametrize(("d_count", "nilai"), [(3, "0.38"), (5, "0.63")])
def test_a_half_cent_rounds_away_from_zero(lke: Lke, d_count: int, nilai: str) -> None:
    answers: dict[str, str | None] = {f"3.b.{n}": ("D" if n <= d_count else "E") for n in range(1, 10)}
    # 4,5 × (3 × 0,25) / 9 = 0,375 → 0,38; 4,5 × (5 × 0,25) / 9 = 0,625 → 0,63 (Excel's ROUND,
    # half away from zero; rounding half to even would give 0,62)
    assert score_sub(lke.sub("3.b"), answers).nilai == Decimal(nilai)


def test_an_unanswered_criterion_counts_0_and_stays_in_the_mean(lke: Lke) -> None:
    answers = {"1.c.1": "A", "1.c.2": "A", "1.c.3": "A", "1.c.4": "A"}
    score = score_sub(lke.sub("1.c"), answers)
    assert score.nilai == Decimal("7.50")  # 4 × 15 / 8, not 15
    assert score.answered == 4


def _answers(lke: Lke, changes: dict[str, str]) -> dict[str, str | None]:
    answers = best(lke)
    for target, letter in changes.items():
        if target.count(".") == 1:
            answers = with_sub(answers, lke, target, letter)
        else:
            answers[target] = letter
    return answers


@pytest.mark.parametrize(
    ("changes", "total", "kode"),
    [
        # 4.c: 12,5 × 1 / 5 = 2,50 → 87,5 + 2,5
        ({"4.c.1": "E", "4.c.2": "E", "4.c.3": "E", "4.c.4": "E"}, "90.00", "A"),
        # 4.c: 12,5 × (0,25 + 1) / 5 = 3,125 → 3,13 → 87,5 + 3,13
        ({"4.c.1": "E", "4.c.2": "E", "4.c.3": "E", "4.c.4": "D"}, "90.63", "AA"),
        ({"4.b": "E", "4.c": "E"}, "80.00", "BB"),  # 100 − 7,5 − 12,5
        ({"1.a": "T", "1.b": "E", "1.b.1": "T", "1.b.2": "T", "1.c": "E"}, "70.00", "B"),
        # 100 − 30 (komponen 1) − 5 (4.a) − 3 (3.a) − 4 × 0,5 (3.b)
        ({"1.a": "T", "1.b": "E", "1.b.1": "T", "1.b.2": "T", "1.c": "E", "4.a": "T", "3.a": "T",
          "3.b.1": "E", "3.b.2": "E", "3.b.3": "E", "3.b.4": "E"}, "60.00", "CC"),
        ({"1.a": "T", "1.b": "E", "1.b.1": "T", "1.b.2": "T", "1.c": "E", "4.b": "E", "4.c": "E"}, "50.00", "C"),
    ],
)  # fmt: skip
def test_totals_at_band_edges(lke: Lke, changes: dict[str, str], total: str, kode: str) -> None:
    score = score_lke(lke, _answers(lke, changes))
    assert (score.total, score.predikat.kode) == (Decimal(total), kode)


def test_points_lost_names_the_costliest_criteria_first(lke: Lke) -> None:
    answers = best(lke) | {"1.a.2": "T", "4.c.1": "E", "1.c.1": "C", "2.b.1": None}
    lost = [(c.id, points) for c, points in points_lost(lke, answers)]
    # 4.c.1: 12,5 / 5; 2.b.1 unanswered: 9 / 7 = 1,2857…; 1.a.2: 6 / 6; 1.c.1: 15 / 8 × 0,5 = 0,9375
    assert lost == [("4.c.1", Decimal("2.50")), ("2.b.1", Decimal("1.29")), ("1.a.2", Decimal("1.00")),
                    ("1.c.1", Decimal("0.94"))]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "letter"),
    [(" ya ", "Y"), ("Tidak", "T"), ("y", "Y"), ("b", "B"), ("", None), ("  ", None), (None, None), ("x", "X")],
)
def test_normalise_answer(typed: object, letter: str | None) -> None:
    assert normalise_answer(typed) == letter


def test_answer_problems_name_the_criterion_and_the_scale(lke: Lke) -> None:
    problems = answer_problems(lke, {"1.a.1": "B", "1.b.3": "F", "9.z.1": "A", "1.a.2": None, "1.a.3": "Y"})
    assert [p.pesan for p in problems] == [
        "Jawaban kriteria 1.a.1 harus Y atau T, tertulis 'B'.",
        "Jawaban kriteria 1.b.3 harus A, B, C, D atau E, tertulis 'F'.",
        "Kriteria 9.z.1 tidak ada dalam LKE.",
    ]
    assert all(p.is_error and p.kolom == "Jawaban" and p.sel is None for p in problems)


def test_scoring_an_unchecked_letter_is_a_caller_error(lke: Lke) -> None:
    with pytest.raises(ValueError, match="1.a.1"):
        score_lke(lke, {"1.a.1": "B"})


def _reference(weight: Decimal, values: list[Decimal]) -> Decimal:
    """ROUND(Σ × weight / n; 2) in exact fractions, rounded half away from zero by hand."""
    exact = Fraction(sum(values, Decimal(0))) * Fraction(weight) / len(values)
    cents = exact * 100
    whole = int(cents)
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return Decimal(whole) / 100


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_scores_equal_an_exact_fraction_reference(data: st.DataObject) -> None:
    lke = permenpanrb_88_2021()
    answers: dict[str, str | None] = {
        c.id: data.draw(st.sampled_from((*c.scale.letters, None)), label=c.id) for c in lke.criteria()
    }
    score = score_lke(lke, answers)
    for component in score.components:
        for sub_score in component.subs:
            values = [answer_value(c, answers[c.id]) for c in sub_score.sub.criteria]
            assert sub_score.nilai == _reference(sub_score.sub.weight, values)
            assert 0 <= sub_score.nilai <= sub_score.sub.weight
        assert component.nilai == sum((s.nilai for s in component.subs), Decimal(0))
    assert 0 <= score.total <= 100
    assert score.total == sum((c.nilai for c in score.components), Decimal(0))
    assert len(score.unanswered) == sum(1 for v in answers.values() if v is None)
