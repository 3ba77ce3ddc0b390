"""Kerangka logis: a criterion may not score above the criterion or sub-component mean it rests on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.domain.lke.helpers import best, with_sub, worst
from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.domain.lke.kerangka_logis import check_kerangka_logis, kerangka_logis_problems
from xlwings_app.domain.lke.model import Lke, LogicRule, RuleKind


def test_consistent_answers_break_nothing(lke: Lke) -> None:
    assert check_kerangka_logis(lke, best(lke)) == []
    assert check_kerangka_logis(lke, worst(lke)) == []
    assert check_kerangka_logis(lke, {}) == []


def test_a_later_document_answered_y_while_the_one_it_rests_on_is_t(lke: Lke) -> None:
    answers = {"1.a.4": "T", "1.a.5": "Y"}  # a Rencana Aksi without the PK it details
    [breach] = check_kerangka_logis(lke, answers)
    assert (breach.criterion.id, breach.rule.basis, breach.rule.kind) == ("1.a.5", "1.a.4", RuleKind.NILAI)
    assert (breach.value, breach.basis_value, breach.basis_letter) == (1, 0, "T")
    assert breach.pesan() == (
        "Kerangka logis: kriteria 1.a.5 dijawab Y (nilai 1), padahal kriteria 1.a.4 yang menjadi dasarnya "
        "dijawab T (nilai 0). Nilai kriteria 1.a.5 tidak boleh melebihi kriteria 1.a.4."
    )


def test_a_quality_criterion_above_the_pemenuhan_it_depends_on(lke: Lke) -> None:
    answers = {"1.a.3": "T", "1.b.4": "C"}  # goals judged without a Renstra to hold them
    [breach] = check_kerangka_logis(lke, answers)
    assert (breach.criterion.id, breach.rule.basis, breach.value) == ("1.b.4", "1.a.3", Decimal("0.5"))


def test_an_unanswered_basis_counts_0(lke: Lke) -> None:
    [breach] = check_kerangka_logis(lke, {"1.a.4": "Y"})
    assert (breach.rule.basis, breach.basis_letter, breach.basis_value) == ("1.a.3", None, 0)
    assert "yang menjadi dasarnya belum dijawab (dihitung 0)" in breach.pesan()


def test_equal_to_the_basis_is_allowed(lke: Lke) -> None:
    assert check_kerangka_logis(lke, {"1.b.1": "Y", "1.a.4": "Y", "1.a.3": "Y", "1.b.5": "A"}) == []


def test_implementasi_above_the_mean_of_kualitas(lke: Lke) -> None:
    answers = with_sub(best(lke), lke, "1.b", "B")  # 1.b: Y, Y and nine B: mean (2 + 6,75) / 11
    answers["1.b.1"] = answers["1.b.2"] = "Y"
    breaches = check_kerangka_logis(lke, answers)
    assert {b.criterion.id for b in breaches} == {f"1.c.{n}" for n in range(1, 9)}
    assert {(b.rule.kind, b.rule.basis) for b in breaches} == {(RuleKind.RATA_RATA, "1.b")}
    assert round(breaches[0].basis_value, 4) == Decimal("0.7955")
    assert breaches[0].pesan() == (
        "Kerangka logis: kriteria 1.c.1 dijawab A (nilai 1), lebih tinggi dari rata-rata sub-komponen 1.b "
        "(0,80) yang menjadi dasarnya. Nilai kriteria 1.c.1 tidak boleh melebihi rata-rata sub-komponen 1.b."
    )


def test_equal_to_the_mean_is_allowed(lke: Lke) -> None:
    answers = with_sub(with_sub(best(lke), lke, "4.b", "B"), lke, "4.c", "B")  # 4.c's B = 4.b's mean 0,75
    assert check_kerangka_logis(lke, answers) == []
    answers["4.c.5"] = "A"
    assert [(b.criterion.id, b.rule.basis) for b in check_kerangka_logis(lke, answers)] == [("4.c.5", "4.b")]


def test_an_unanswered_criterion_is_not_checked(lke: Lke) -> None:
    assert check_kerangka_logis(lke, {"1.a.4": "T", "1.a.5": None}) == []


def test_breaches_become_warnings_naming_both_criteria_and_later_both_cells(lke: Lke) -> None:
    answers = {"3.a.1": "T", "3.a.2": "Y"}
    [problem] = kerangka_logis_problems(lke, answers)
    assert problem.tingkat == "peringatan" and not problem.is_error
    assert (problem.sheet, problem.sel, problem.baris, problem.kolom, problem.nilai) == (None, None, None, "Jawaban", "Y")
    assert "kriteria 3.a.2" in problem.pesan and "kriteria 3.a.1" in problem.pesan
    [breach] = check_kerangka_logis(lke, answers)
    placed = breach.problem(sheet="LKE", sel="F31", sel_dasar="F30", baris=31, file="lke.xlsx")
    assert str(placed) == (
        "lke.xlsx, sheet LKE, sel F31 (kolom Jawaban): Kerangka logis: kriteria 3.a.2 (sel F31) dijawab Y "
        "(nilai 1), padahal kriteria 3.a.1 (sel F30) yang menjadi dasarnya dijawab T (nilai 0). Nilai "
        "kriteria 3.a.2 tidak boleh melebihi kriteria 3.a.1."
    )


def _rule_id(rule: LogicRule) -> str:
    return f"{rule.criterion}<={rule.basis}"


@pytest.mark.parametrize("rule", permenpanrb_88_2021().rules, ids=_rule_id)
def test_each_rule_of_the_lke_holds_and_breaks(lke: Lke, rule: LogicRule) -> None:
    """The criterion at its best over a basis at its worst breaks exactly this rule of its own; the
    basis at its best breaks none of them."""
    low = best(lke)
    if rule.kind is RuleKind.NILAI:
        low[rule.basis] = lke.criterion(rule.basis).scale.letters[-1]
    else:
        low = with_sub(low, lke, rule.basis, None) | {c.id: c.scale.letters[-1] for c in lke.sub(rule.basis).criteria}
    own = [b.rule for b in check_kerangka_logis(lke, low) if b.criterion.id == rule.criterion]
    assert rule in own
    assert [b for b in check_kerangka_logis(lke, best(lke)) if b.rule == rule] == []
