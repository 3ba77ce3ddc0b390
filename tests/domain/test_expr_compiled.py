"""The compiled rules (what the engine runs) give exactly what the reference interpreter gives."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.domain.aggregation import realisasi_expr, target_expr
from xlwings_app.domain.capaian import CAPAIAN
from xlwings_app.domain.expr import (
    Env,
    Expr,
    If,
    Value,
    children,
    evaluate,
    function,
    interpret,
    refs,
    specialise,
)
from xlwings_app.domain.indicator import Agregasi, Periode
from xlwings_app.domain.predikat import PREDIKAT
from xlwings_app.domain.settings import DEFAULT_SCALE
from xlwings_app.sheets.live_formulas import RULES

numbers = st.one_of(
    st.none(),
    st.just(Decimal(0)),
    st.decimals(min_value=-5, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
)
RULE_SET: list[Expr] = [CAPAIAN, PREDIKAT, *RULES.values()]
RULE_SET += [target_expr(p) for p in Periode] + [realisasi_expr(p) for p in Periode]
FIXED = (("agregasi",), ("polaritas", "varian_negatif"), ("agregasi", "polaritas", "indeks_periode"))
_KEPT: dict[tuple[int, tuple[tuple[str, Value], ...]], Callable[..., Value]] = {}


def compiled(rule: Expr, fixed: tuple[str, ...], env: Env) -> Callable[..., Value]:
    """``rule`` specialised to ``env``'s values of ``fixed`` and compiled, as the engine keeps it:
    ``evaluate(rule, env, fixed)`` without compiling it again for each example."""
    known = {name: env.get(name) for name in fixed}
    key = (id(rule), tuple(known.items()))
    found = _KEPT.get(key)
    if found is None:
        found = _KEPT[key] = function(specialise(rule, known))
    return found


@settings(max_examples=300, deadline=None)
@given(
    values=st.fixed_dictionaries({k: numbers for k in (
        "realisasi", "target", "batas_bawah", "batas_atas", "capaian", "target_tahunan",
        "t1", "t2", "t3", "t4", "r1", "r2", "r3", "r4")}),
    polaritas=st.sampled_from(["Positif", "Negatif", "negatif", "lain"]),
    varian=st.sampled_from(["(2T-R)/T", "T/R"]),
    agregasi=st.sampled_from([a.value for a in Agregasi] + ["?"]),
    indeks=st.integers(min_value=0, max_value=6),
)
def test_compiled_rules_equal_the_interpreter(
    values: dict[str, Decimal | None], polaritas: str, varian: str, agregasi: str, indeks: int
) -> None:
    env = {**values, "polaritas": polaritas, "varian_negatif": varian, "agregasi": agregasi,
           "indeks_periode": Decimal(indeks), "skala_batas": DEFAULT_SCALE.bounds,
           "skala_label": DEFAULT_SCALE.labels, "target_periode": values["target"],
           "realisasi_periode": values["realisasi"]}
    for rule in RULE_SET:
        expected = interpret(rule, env)
        assert compiled(rule, (), env)(env) == expected
        for fixed in FIXED:
            assert compiled(rule, fixed, env)(env) == expected, fixed


def test_evaluate_is_the_generated_code_specialised_to_the_fixed_inputs() -> None:
    env: dict[str, Value] = {"realisasi": Decimal(45), "target": Decimal(50), "polaritas": "Positif", "varian_negatif": "T/R"}
    for fixed in ((), ("polaritas", "varian_negatif")):
        assert evaluate(CAPAIAN, env, fixed) == interpret(CAPAIAN, env) == Decimal(90)


def test_specialising_removes_the_branches_of_the_fixed_inputs() -> None:
    def ifs(expr: Expr) -> int:
        return isinstance(expr, If) + sum(ifs(c) for c in children(expr))

    rule = target_expr(Periode.TW3)
    small = specialise(rule, {"agregasi": Agregasi.JUMLAH.value})
    assert "agregasi" in refs(rule) and "agregasi" not in refs(small)
    assert ifs(small) < ifs(rule)
    assert specialise(rule, {}) is rule
