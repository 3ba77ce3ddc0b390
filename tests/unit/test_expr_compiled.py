"""The compiled rules (what the engine runs) give exactly what the reference interpreter gives."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.domain.aggregation import realisasi_expr, target_expr
from xlwings_app.domain.capaian import CAPAIAN
from xlwings_app.domain.expr import Expr, evaluate, interpret
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
        assert evaluate(rule, env) == expected
        for fixed in (("agregasi",), ("polaritas", "varian_negatif"), ("agregasi", "polaritas", "indeks_periode")):
            assert evaluate(rule, env, fixed=fixed) == expected, fixed


def test_specialising_removes_the_branches_of_the_fixed_inputs() -> None:
    from xlwings_app.domain.expr import If, refs, specialise

    def ifs(expr: Expr) -> int:
        from xlwings_app.domain.expr import _children

        return isinstance(expr, If) + sum(ifs(c) for c in _children(expr))

    rule = target_expr(Periode.TW3)
    small = specialise(rule, {"agregasi": Agregasi.JUMLAH.value})
    assert "agregasi" in refs(rule) and "agregasi" not in refs(small)
    assert ifs(small) < ifs(rule)
    assert specialise(rule, {}) is rule
