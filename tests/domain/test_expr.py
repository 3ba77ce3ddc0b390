"""The rule language: Python evaluation mirrors Excel, rendering gives the Excel formula text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.domain.aggregation import realisasi_expr, target_expr
from xlwings_app.domain.capaian import CAPAIAN
from xlwings_app.domain.expr import (
    ERROR,
    AllOf,
    AnyOf,
    Average,
    Blank,
    Choose,
    Count,
    Expr,
    If,
    IfError,
    IsBlank,
    Lookup,
    Max,
    Not,
    Num,
    Ref,
    Round,
    Str,
    evaluate,
    round_half_away,
    to_excel,
)
from xlwings_app.domain.expr.semantics import rounded_exactly
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.predikat import PREDIKAT

A, B = Ref("a"), Ref("b")
REFS = {"a": "Tbl[[#This Row],[A]]", "b": "Tbl[[#This Row],[B]]", "bounds": "Batas", "labels": "Label"}


def n(value: str | int) -> Num:
    return Num(Decimal(value))


# --- to_excel ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("expr", "excel"),
    [
        pytest.param(n("1E+2"), "100", id="no exponent for large numbers"),
        pytest.param(n("1E-7"), "0.0000001", id="no exponent for small numbers"),
        pytest.param(n("87.50"), "87.5", id="no trailing zeros"),
        pytest.param(n("-3"), "-3", id="negative"),
        pytest.param(Str('Kata "kutip"'), '"Kata ""kutip"""', id="quotes doubled in text"),
        pytest.param(Str(""), '""', id="empty text"),
        pytest.param(Blank(), '""', id="blank is the empty text"),
        pytest.param(A, "Tbl[[#This Row],[A]]", id="ref by its mapping"),
        pytest.param(A / B * 100, "((Tbl[[#This Row],[A]]/Tbl[[#This Row],[B]])*100)", id="arithmetic"),
        pytest.param(2 - A, "(2-Tbl[[#This Row],[A]])", id="literal on the left"),
        pytest.param(IsBlank(A), 'Tbl[[#This Row],[A]]=""', id="blank test as =\"\""),
        pytest.param(If(A.gt(1), Str("ya"), Blank()), 'IF(Tbl[[#This Row],[A]]>1,"ya","")', id="if"),
        pytest.param(Round(Max(n(0), A), 2), "ROUND(MAX(0,Tbl[[#This Row],[A]]),2)", id="round max"),
        pytest.param(IfError(A / 0, n(0)), "IFERROR((Tbl[[#This Row],[A]]/0),0)", id="iferror"),
        pytest.param(
            Not(AllOf((A.eq(1), AnyOf((B.lt(2), B.eq("x")))))),
            'NOT(AND(Tbl[[#This Row],[A]]=1,OR(Tbl[[#This Row],[B]]<2,Tbl[[#This Row],[B]]="x")))',
            id="logic",
        ),
        pytest.param(Count((A, B)), "COUNT(Tbl[[#This Row],[A]],Tbl[[#This Row],[B]])", id="count"),
        pytest.param(Average((A, B)), "AVERAGE(Tbl[[#This Row],[A]],Tbl[[#This Row],[B]])", id="average"),
        pytest.param(Choose(n(2), (Str("x"), Str("y"))), 'CHOOSE(2,"x","y")', id="choose"),
        pytest.param(Lookup(A, Ref("bounds"), Ref("labels")), "LOOKUP(Tbl[[#This Row],[A]],Batas,Label)",
                     id="lookup"),
    ],
)
def test_to_excel_renders_the_excel_formula_text(expr, excel):
    assert to_excel(expr, REFS) == excel


def test_a_ref_without_a_mapping_is_refused_when_rendering():
    with pytest.raises(KeyError):
        to_excel(Ref("unknown"), REFS)


def _all_refs(expr: Expr) -> set[str]:
    if isinstance(expr, Ref):
        return {expr.name}
    found: set[str] = set()
    for value in vars(expr).values():
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if isinstance(item, Expr):
                found |= _all_refs(item)
    return found


@pytest.mark.parametrize(
    "rule",
    [CAPAIAN, PREDIKAT, *(f(p) for f in (target_expr, realisasi_expr) for p in Periode)],
    ids=["capaian", "predikat", *(f"{k}-{p}" for k in ("target", "realisasi") for p in Periode)],
)
def test_every_domain_rule_renders_without_exponents_or_short_structured_refs(rule):
    refs = {name: f"Tabel1[[#This Row],[{name}]]" for name in _all_refs(rule)}
    text = to_excel(rule, refs)
    assert "E+" not in text and "E-" not in text
    assert "[@" not in text


# --- evaluate ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "blank"),
    [(None, True), ("", True), (Decimal(0), False), ("0", False), (" ", False)],
)
def test_isblank_treats_a_missing_value_and_the_empty_text_alike_as_excel_does(value, blank):
    assert evaluate(IsBlank(A), {"a": value}) is blank


def test_a_name_missing_from_the_environment_is_blank():
    assert evaluate(IsBlank(Ref("nowhere")), {}) is True


@pytest.mark.parametrize(
    ("left", "right", "equal"),
    [("Negatif", "negatif", True), ("RATA-RATA", "Rata-rata", True), ("Positif", "Negatif", False)],
)
def test_text_equality_ignores_case_as_excel_does(left, right, equal):
    assert evaluate(Str(left).eq(Str(right)), {}) is equal


def test_a_blank_equals_zero_in_a_comparison_as_in_excel():
    assert evaluate(A.eq(0), {"a": None}) is True


def test_text_and_number_are_never_equal():
    assert evaluate(A.eq(1), {"a": "1"}) is False


def test_division_by_zero_is_an_error():
    assert evaluate(A / B, {"a": Decimal(1), "b": Decimal(0)}) is ERROR


@pytest.mark.parametrize("value", [None, "", "abc"])
def test_arithmetic_on_a_blank_or_text_is_an_error(value):
    assert evaluate(A + 1, {"a": value}) is ERROR


def test_an_error_propagates_through_arithmetic_and_if():
    div0 = A / 0
    env = {"a": Decimal(1)}
    assert evaluate(div0 * 2, env) is ERROR
    assert evaluate(If(div0.gt(1), n(1), n(2)), env) is ERROR
    assert evaluate(Round(div0, 2), env) is ERROR


def test_iferror_replaces_an_error_and_keeps_a_value():
    assert evaluate(IfError(A / 0, Str("x")), {"a": Decimal(1)}) == "x"
    assert evaluate(IfError(A / 2, Str("x")), {"a": Decimal(1)}) == Decimal("0.5")


def test_if_evaluates_only_the_branch_it_takes():
    assert evaluate(If(A.eq(0), Str("nol"), n(1) / A), {"a": Decimal(0)}) == "nol"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2.345", "2.35"), ("-2.345", "-2.35"), ("0.125", "0.13"), ("2.344", "2.34"), ("7", "7.00")],
)
def test_round_is_half_away_from_zero_as_excel_round(value, expected):
    assert evaluate(Round(n(value), 2), {}) == Decimal(expected)


def test_count_and_average_take_only_numbers():
    env = {"a": Decimal(3), "b": None, "c": "", "d": Decimal(6)}
    args = tuple(Ref(x) for x in "abcd")
    assert evaluate(Count(args), env) == Decimal(2)
    assert evaluate(Average(args), env) == Decimal("4.5")


def test_average_of_no_numbers_is_an_error():
    assert evaluate(Average((A, B)), {}) is ERROR


def test_max_of_two_numbers():
    assert evaluate(Max(n(-5), n(0)), {}) == Decimal(0)


@pytest.mark.parametrize(("index", "expected"), [(1, "x"), (2, "y"), (3, ERROR), (0, ERROR)])
def test_choose_is_one_based_and_an_error_out_of_range(index, expected):
    assert evaluate(Choose(n(index), (Str("x"), Str("y"))), {}) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0", "low"), ("9.99", "low"), ("10", "mid"), ("50", "high"), ("-1", ERROR)],
)
def test_lookup_gives_the_label_of_the_largest_bound_not_above_the_value(value, expected):
    env = {"bounds": (Decimal(0), Decimal(10), Decimal(20)), "labels": ("low", "mid", "high")}
    assert evaluate(Lookup(n(value), Ref("bounds"), Ref("labels")), env) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (AllOf((A.eq(1), B.eq(2))), False),
        (AnyOf((A.eq(1), B.eq(2))), True),
        (Not(A.eq(1)), False),
    ],
)
def test_logic_functions(expr, expected):
    assert evaluate(expr, {"a": Decimal(1), "b": Decimal(3)}) is expected


def test_a_condition_that_is_text_is_an_error():
    assert evaluate(If(Str("ya"), n(1), n(2)), {}) is ERROR


def test_blank_evaluates_to_the_empty_text():
    assert evaluate(Blank(), {}) == ""


def test_python_operators_build_trees_with_literals_on_either_side():
    env = {"a": Decimal(4)}
    assert evaluate(2 * A - 1, env) == Decimal(7)
    assert evaluate(10 / A + Decimal("0.5"), env) == Decimal(3)


def test_an_unknown_node_is_refused():
    class Unknown(Expr):
        pass

    with pytest.raises(TypeError):
        evaluate(Unknown(), {})
    with pytest.raises(TypeError):
        to_excel(Unknown(), {})


def test_the_error_value_stays_one_object_when_copied_or_pickled():
    import copy
    import pickle

    assert copy.copy(ERROR) is ERROR and copy.deepcopy((ERROR,))[0] is ERROR
    assert pickle.loads(pickle.dumps(ERROR)) is ERROR


@settings(max_examples=500, deadline=None)
@given(
    value=st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False),
        st.decimals(min_value=-1000, max_value=1000, places=4),
        st.sampled_from(["0.005", "-0.005", "2.675", "9.995", "1E+26", "-1E+27", "1E+30", "5E-10", "-0"]).map(Decimal),
    ),
    digits=st.integers(min_value=-3, max_value=9),
)
def test_rounding_in_the_shared_context_is_rounding_in_a_context_made_for_the_value(value, digits):
    assert repr(round_half_away(value, digits)) == repr(rounded_exactly(value, digits))
