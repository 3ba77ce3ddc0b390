"""Generated rule functions (``domain.expr.codegen``) give exactly what ``interpret`` gives.

The trees are random over every node type; the inputs are numbers (zero, negative, too large for
the 28-digit rounding), blanks, texts in two cases, booleans, the error value and the scale's
tuples. Equal means the same type and the same ``repr`` (``Decimal('1.0')`` is not
``Decimal('1')``, ``True`` is not ``Decimal(1)``); an input ``interpret`` raises on must raise the
same exception in the generated code.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.domain.expr import (
    ERROR,
    AllOf,
    AnyOf,
    Average,
    Bin,
    Blank,
    Choose,
    Cmp,
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
    Value,
    function,
    functions,
    interpret,
    source,
)

NAMES = ("a", "b", "c", "d")
BOUNDS = (Decimal(0), Decimal(51), Decimal(66), Decimal(76), Decimal(91))
LABELS = ("Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi")

numbers = st.one_of(
    st.just(Decimal(0)),
    st.just(Decimal("1E+27")),
    st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
    st.integers(min_value=-3, max_value=5).map(Decimal),
    st.sampled_from(["0.5", "1.5", "2.5", "2.7", "-0.5", "0.00", "91.00"]).map(Decimal),
)
values: st.SearchStrategy[Value] = st.one_of(
    numbers, st.none(), st.sampled_from(["", "x", "X", "Jumlah", "jumlah"]), st.booleans(), st.just(ERROR),
    st.just(BOUNDS), st.just(LABELS),
)
leaves: st.SearchStrategy[Expr] = st.one_of(
    st.sampled_from(NAMES).map(Ref),
    numbers.map(Num),
    st.sampled_from(["", "x", "X", "Jumlah"]).map(Str),
    st.just(Blank()),
)


def _nodes(children: st.SearchStrategy[Expr]) -> st.SearchStrategy[Expr]:
    some = st.lists(children, max_size=3).map(tuple)
    return st.one_of(
        st.builds(Bin, st.sampled_from("+-*/"), children, children),
        st.builds(Cmp, st.sampled_from(["=", "<>", "<", ">", "<=", ">="]), children, children),
        st.builds(If, children, children, children),
        st.builds(IsBlank, children),
        st.builds(Not, children),
        st.builds(AllOf, some),
        st.builds(AnyOf, some),
        st.builds(Max, children, children),
        st.builds(Round, children, st.sampled_from([-1, 0, 2, 4, 9])),
        st.builds(IfError, children, children),
        st.builds(Count, some),
        st.builds(Average, some),
        st.builds(Choose, children, some),
        st.builds(Lookup, children, st.just(Ref("bounds")), st.just(Ref("labels"))),
        st.builds(Lookup, children, children, children),
    )


trees = st.recursive(leaves, _nodes, max_leaves=12)
environments = st.fixed_dictionaries(
    {name: values for name in NAMES}, optional={"bounds": st.just(BOUNDS), "labels": st.just(LABELS)}
)


def outcome(evaluate: object, *args: object) -> tuple[str, str]:
    """What an evaluation gives: the value's type and repr, or the exception's type."""
    try:
        value = evaluate(*args)  # type: ignore[operator]
    except Exception as error:  # noqa: BLE001 - the same failure is what is compared
        return "raises", type(error).__name__
    return type(value).__name__, repr(value)


def consumers(tree: Expr) -> list[Expr]:
    """``tree`` and nodes taking it as an operand: each consumer writes its checks from what the
    generated code says ``tree`` may hold (a number, a boolean, ERROR...), so a wrong claim fails."""
    one = Num(Decimal(1))
    return [tree, Bin("+", tree, one), Bin("/", one, tree), Cmp("<", tree, one), Max(tree, one), Round(tree, 2),
            If(tree, one, Blank()), Not(tree), IsBlank(tree), Count((tree,)), Average((tree, one)),
            Choose(tree, (one, Str("x")))]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(tree=trees, env=environments)
def test_a_generated_function_of_the_environment_equals_the_interpreter(tree: Expr, env: dict[str, Value]) -> None:
    for expr in consumers(tree):
        assert outcome(function(expr), env) == outcome(interpret, expr, env), source(expr)


@settings(max_examples=300, deadline=None)
@given(tree=trees, env=environments)
def test_a_generated_function_of_arguments_equals_the_interpreter(tree: Expr, env: dict[str, Value]) -> None:
    params = (*NAMES, "bounds", "labels")
    rule = function(tree, params)
    assert outcome(rule, *(env.get(name) for name in params)) == outcome(interpret, tree, env), source(tree, params)


@settings(max_examples=400, deadline=None)
@given(c=trees, d=trees, x=trees, y=trees, env=environments)
def test_a_condition_met_again_inside_its_own_branch_equals_the_interpreter(
    c: Expr, d: Expr, x: Expr, y: Expr, env: dict[str, Value]
) -> None:
    """Inside ``If(c, ...)`` the generated code takes ``c`` (and ``Not(c)``, the parts of
    ``AllOf``/``AnyOf``) as known when it is a boolean: the same condition met again is not tested."""
    for expr in (
        If(c, If(c, x, y), If(c, y, x)),
        If(Not(c), If(c, x, y), If(Not(c), y, x)),
        If(AllOf((c, d)), If(d, x, y), If(c, y, x)),
        If(AnyOf((c, d)), If(c, x, y), If(d, y, x)),
        If(IsBlank(c), If(IsBlank(c), x, y), Not(IsBlank(c))),
    ):
        assert outcome(function(expr), env) == outcome(interpret, expr, env), source(expr)


@settings(max_examples=300, deadline=None)
@given(first=trees, second=trees, env=environments)
def test_rules_compiled_together_give_each_its_own_value(first: Expr, second: Expr, env: dict[str, Value]) -> None:
    """``functions``: one function for several rules, the second reusing what the first computed."""
    rules = (first, second, If(IsBlank(first), second, first))
    expected = [outcome(interpret, rule, env) for rule in rules]
    raised = [name for kind, name in expected if kind == "raises"]
    got = outcome(functions(rules), env)
    if raised:  # the rules run in order: the first failure is the function's
        assert got == ("raises", raised[0]), source(rules)
    else:
        assert got[0] == "tuple"
        assert [(type(v).__name__, repr(v)) for v in functions(rules)(env)] == expected, source(rules)


class Reads(Mapping[str, Value]):
    """An environment that records the names read."""

    def __init__(self, values: dict[str, Value]) -> None:
        self.values, self.read = values, []  # type: tuple[dict[str, Value], list[str]]

    def __getitem__(self, name: str) -> Value:
        self.read.append(name)
        return self.values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)


@pytest.mark.parametrize(
    ("a", "read"), [(None, ["a", "b"]), (Decimal(1), ["a", "c"]), ("teks", ["a"])],
)
def test_only_the_branch_taken_is_evaluated(a: Value, read: list[str]) -> None:
    rule = If(IsBlank(Ref("a")), Ref("b"), If(Ref("a").eq(Str("teks")), Str("t"), Ref("c") / 0))
    env = Reads({"a": a, "b": Decimal(2), "c": Decimal(3)})
    function(rule)(env)
    assert env.read == read


def test_a_subtree_written_twice_is_computed_once() -> None:
    count = Count((Ref("a"), Ref("b")))
    text = source(If(count.eq(0), Blank(), Ref("a") / count), ("a", "b"))
    assert text.count("isinstance(a, Decimal) + isinstance(b, Decimal)") == 1


def test_two_numbers_take_the_inline_path_and_anything_else_the_helpers() -> None:
    text = source(Ref("a") / Ref("b"), ("a", "b"))
    assert "_v1 = a / b" in text and "_arith_values('/', a, b)" in text
    assert "if b == _ZERO:" in text


def test_a_rule_reading_an_input_outside_the_parameters_is_refused() -> None:
    with pytest.raises(ValueError, match="'b'"):
        function(Ref("a") + Ref("b"), ("a",))


def test_inputs_named_unlike_python_names_are_positional_parameters() -> None:
    rule = function(Ref("Target TW I") - Ref("_x") + Ref("if"), ("Target TW I", "_x", "if"))
    assert rule(Decimal(5), Decimal(2), Decimal(1)) == Decimal(4)
    assert source(Ref("if"), ("if",)).startswith("def rule(_p0):")
