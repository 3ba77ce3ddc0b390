"""Capaian rules of docs/domain.md, "Capaian formulas", one test per rule and worked example."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.builders import d
from xlwings_app.domain.capaian import CAPAIAN, capaian
from xlwings_app.domain.expr import interpret, round_half_away
from xlwings_app.domain.indicator import Polaritas
from xlwings_app.domain.settings import VarianNegatif

POSITIF, NEGATIF = Polaritas.POSITIF, Polaritas.NEGATIF
SELISIH, RASIO = VarianNegatif.SELISIH, VarianNegatif.RASIO


# --- positive polarity -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        (100, 90, "90.00"),
        (100, 100, "100.00"),
        (8, 9, "112.50"),
        (3, 1, "33.33"),
        (200, 200.5, "100.25"),
    ],
)
def test_positive_polarity_is_realisasi_over_target_times_100(target, realisasi, expected):
    assert capaian(d(target), d(realisasi), POSITIF) == Decimal(expected)


def test_positive_polarity_has_no_cap():
    # Real reports show 233.33%: the printed capaian is never capped.
    assert capaian(d(3), d(7), POSITIF) == Decimal("233.33")


def test_realisasi_zero_is_a_value_not_a_blank():
    assert capaian(d(10), d(0), POSITIF) == Decimal("0.00")


# --- negative polarity, default (2T - R) / T ---------------------------------------------------

@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        pytest.param(7, 6.5, "107.14", id="PermenPANRB worked example 7/6.5"),
        pytest.param(8, 9, "87.50", id="PermenPANRB worked example 8/9"),
        (10, 10, "100.00"),
        (10, 0, "200.00"),
        (10, 15, "50.00"),
    ],
)
def test_negative_polarity_default_is_two_t_minus_r_over_t(target, realisasi, expected):
    assert capaian(d(target), d(realisasi), NEGATIF) == Decimal(expected)


def test_negative_polarity_default_variant_is_selisih():
    assert capaian(d(7), d(6.5), NEGATIF) == capaian(d(7), d(6.5), NEGATIF, SELISIH)


@pytest.mark.parametrize("realisasi", [20, 21, 35, 1000])
def test_negative_polarity_default_is_never_below_zero(realisasi):
    assert capaian(d(10), d(realisasi), NEGATIF) == Decimal("0.00")


# --- negative polarity, variant T / R ----------------------------------------------------------

@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        (8, 10, "80.00"),
        (7, 6.5, "107.69"),
        (10, 10, "100.00"),
        (10, 4, "250.00"),
    ],
)
def test_negative_polarity_rasio_variant_is_target_over_realisasi(target, realisasi, expected):
    assert capaian(d(target), d(realisasi), NEGATIF, RASIO) == Decimal(expected)


def test_negative_polarity_rasio_variant_gives_100_for_realisasi_zero():
    assert capaian(d(5), d(0), NEGATIF, RASIO) == Decimal("100.00")


def test_variant_does_not_change_positive_polarity():
    assert capaian(d(8), d(10), POSITIF, RASIO) == capaian(d(8), d(10), POSITIF, SELISIH)


# --- range target [lower, upper] ---------------------------------------------------------------

def _range(realisasi, polaritas=POSITIF, varian=SELISIH, lower=80, upper=90, target=None):
    return capaian(d(target), d(realisasi), polaritas, varian, d(lower), d(upper))


def test_range_worked_example_80_90_with_70_is_87_5():
    assert _range(70) == Decimal("87.50")


@pytest.mark.parametrize("polaritas", list(Polaritas))
@pytest.mark.parametrize("varian", list(VarianNegatif))
@pytest.mark.parametrize("realisasi", [80, 84.99, 85, 90])
def test_realisasi_inside_the_range_is_100_for_every_polarity_and_variant(realisasi, polaritas, varian):
    assert _range(realisasi, polaritas, varian) == Decimal("100.00")


@pytest.mark.parametrize(
    ("polaritas", "varian", "realisasi", "expected"),
    [
        pytest.param(POSITIF, SELISIH, 99, "110.00", id="positif: 99/90"),
        pytest.param(NEGATIF, SELISIH, 99, "90.00", id="negatif: (180-99)/90"),
        pytest.param(NEGATIF, RASIO, 99, "90.91", id="negatif T/R: 90/99"),
        pytest.param(NEGATIF, SELISIH, 200, "0.00", id="negatif: never below 0"),
    ],
)
def test_realisasi_above_the_range_is_computed_against_the_upper_bound(
    polaritas, varian, realisasi, expected
):
    assert _range(realisasi, polaritas, varian) == Decimal(expected)


@pytest.mark.parametrize(
    ("polaritas", "varian", "realisasi", "expected"),
    [
        pytest.param(POSITIF, SELISIH, 70, "87.50", id="positif: 70/80"),
        pytest.param(NEGATIF, SELISIH, 70, "112.50", id="negatif: (160-70)/80"),
        pytest.param(NEGATIF, RASIO, 64, "125.00", id="negatif T/R: 80/64"),
    ],
)
def test_realisasi_below_the_range_is_computed_against_the_lower_bound(
    polaritas, varian, realisasi, expected
):
    assert _range(realisasi, polaritas, varian) == Decimal(expected)


def test_a_range_takes_precedence_over_a_single_target():
    assert _range(85, target=50) == Decimal("100.00")


@pytest.mark.parametrize(("lower", "upper"), [(80, None), (None, 90)])
def test_one_bound_alone_is_not_a_range(lower, upper):
    assert capaian(d(100), d(85), POSITIF, SELISIH, d(lower), d(upper)) == Decimal("85.00")


# --- target 0 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("varian", list(VarianNegatif))
def test_target_zero_negative_polarity_is_100_when_realisasi_is_zero(varian):
    assert capaian(d(0), d(0), NEGATIF, varian) == Decimal("100.00")


@pytest.mark.parametrize("varian", list(VarianNegatif))
@pytest.mark.parametrize("realisasi", [0.01, 1, 25])
def test_target_zero_negative_polarity_is_zero_when_realisasi_is_not_zero(realisasi, varian):
    assert capaian(d(0), d(realisasi), NEGATIF, varian) == Decimal("0.00")


@pytest.mark.parametrize("realisasi", [0, 1, 25])
def test_target_zero_positive_polarity_is_not_computable(realisasi):
    assert capaian(d(0), d(realisasi), POSITIF) is None


# --- blank -------------------------------------------------------------------------------------

@pytest.mark.parametrize("polaritas", list(Polaritas))
@pytest.mark.parametrize("target", [0, 10])
def test_blank_realisasi_has_no_capaian(polaritas, target):
    assert capaian(d(target), None, polaritas) is None


def test_blank_realisasi_has_no_capaian_even_with_a_range():
    assert _range(None) is None


def test_blank_target_has_no_capaian():
    assert capaian(None, d(5), POSITIF) is None


# --- rounding ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        pytest.param(200, 24.69, "12.35", id="12.345 rounds up, not to even"),
        pytest.param(200, 24.71, "12.36", id="12.355 rounds up"),
        pytest.param(1000, 0.05, "0.01", id="0.005 rounds up"),
        pytest.param(200, -24.69, "-12.35", id="-12.345 rounds away from zero"),
        pytest.param(3, 2, "66.67", id="66.666... rounds up"),
    ],
)
def test_capaian_is_rounded_half_away_from_zero_to_two_decimals(target, realisasi, expected):
    result = capaian(d(target), d(realisasi), POSITIF)
    assert result == Decimal(expected)
    assert result.as_tuple().exponent == -2


def test_negative_polarity_rounds_half_away_from_zero_too():
    # (2*200 - 375.31) / 200 * 100 = 12.345
    assert capaian(d(200), d(375.31), NEGATIF) == Decimal("12.35")


def test_the_docstring_examples_hold():
    import doctest

    import xlwings_app.domain.capaian as module

    assert doctest.testmod(module).failed == 0


# --- the compiled rule is the CAPAIAN rule -----------------------------------------------------

maybe = st.one_of(
    st.none(),
    st.sampled_from(["0", "-0", "7", "6.5", "80", "90", "1E+30", "0.001"]).map(Decimal),
    st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=500, deadline=None)
@given(t=maybe, r=maybe, pol=st.sampled_from(Polaritas), var=st.sampled_from(VarianNegatif), lower=maybe, upper=maybe)
def test_capaian_is_the_capaian_rule_rounded(t, r, pol, var, lower, upper):
    env = {"target": t, "realisasi": r, "batas_bawah": lower, "batas_atas": upper, "polaritas": pol.value,
           "varian_negatif": var.value}  # fmt: skip
    value = interpret(CAPAIAN, env)
    expected = round_half_away(value, 2) if isinstance(value, Decimal) else None
    result = capaian(t, r, pol, var, lower, upper)
    assert (result, repr(result)) == (expected, repr(expected))
