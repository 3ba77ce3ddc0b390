"""Predikat scale (docs/domain.md, "Predikat scale"): default Permendagri 86/2017, custom scales, checks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.builders import d, indicator
from xlwings_app.domain.expr import interpret, round_half_away
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure
from xlwings_app.domain.predikat import PREDIKAT, check_scale, predikat
from xlwings_app.domain.settings import DEFAULT_SCALE, Band, Scale, Settings


def scale(*bands: tuple[int | str, str]) -> Scale:
    return Scale(tuple(Band(Decimal(str(bound)), label) for bound, label in bands))


@pytest.mark.parametrize(
    ("capaian", "expected"),
    [
        ("233.33", "Sangat Tinggi"),
        ("91", "Sangat Tinggi"),
        pytest.param("90.995", "Sangat Tinggi", id="90.995 rounds to 91.00"),
        ("90.994", "Tinggi"),
        ("90.99", "Tinggi"),
        ("76", "Tinggi"),
        pytest.param("75.995", "Tinggi", id="75.995 rounds to 76.00"),
        pytest.param("75.994", "Sedang", id="75.994 rounds to 75.99"),
        ("75.99", "Sedang"),
        ("66", "Sedang"),
        ("65.99", "Rendah"),
        ("51", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
    ],
)
def test_default_scale_is_permendagri_86_2017_after_rounding_to_two_decimals(capaian, expected):
    assert predikat(Decimal(capaian), DEFAULT_SCALE) == expected


def test_no_capaian_has_no_predikat():
    assert predikat(None, DEFAULT_SCALE) is None


@pytest.mark.parametrize("capaian", ["-0.01", "-40", "-250"])
def test_a_negative_capaian_is_in_the_lowest_band(capaian):
    # Possible with a negative realisasi (e.g. a growth rate) on a positive-polarity indicator.
    assert predikat(Decimal(capaian), DEFAULT_SCALE) == "Sangat Rendah"


def test_measure_gives_the_predikat_of_the_rounded_capaian():
    # 91.4 / 100.44 * 100 = 90.9996... -> 91.00 -> Sangat Tinggi
    ind = indicator(target_tw=("100.44",), realisasi_tw=("91.4",))
    hasil = measure(ind, Periode.TW1, Settings())
    assert (hasil.capaian, hasil.predikat) == (Decimal("91.00"), "Sangat Tinggi")


# --- custom scales -----------------------------------------------------------------------------

OTHER_LABELS = scale((0, "Sangat Kurang"), (51, "Kurang"), (66, "Cukup"), (76, "Baik"), (91, "Sangat Baik"))

#: PermenPANRB 6/2022 for IKI: Sangat Kurang <= 59, Kurang 60-79, Cukup 80-99, Baik above.
IKI_SCALE = scale((0, "Sangat Kurang"), (60, "Kurang"), (80, "Cukup"), (100, "Baik"))


@pytest.mark.parametrize(
    ("capaian", "expected"),
    [("95", "Sangat Baik"), ("80", "Baik"), ("70", "Cukup"), ("60", "Kurang"), ("10", "Sangat Kurang")],
)
def test_a_unit_may_print_other_labels_for_the_same_intervals(capaian, expected):
    assert predikat(Decimal(capaian), OTHER_LABELS) == expected


@pytest.mark.parametrize(
    ("capaian", "expected"),
    [
        ("0", "Sangat Kurang"),
        ("59.99", "Sangat Kurang"),
        ("59.995", "Kurang"),
        ("60", "Kurang"),
        ("79.99", "Kurang"),
        ("80", "Cukup"),
        ("99.99", "Cukup"),
        ("100", "Baik"),
        ("150", "Baik"),
    ],
)
def test_permenpanrb_iki_scale_with_its_own_thresholds(capaian, expected):
    assert predikat(Decimal(capaian), IKI_SCALE) == expected


def test_measure_uses_the_units_scale_from_settings():
    ind = indicator(target_tw=(100,), realisasi_tw=(85,))
    assert measure(ind, Periode.TW1, Settings(skala=IKI_SCALE)).predikat == "Cukup"


# --- check_scale -------------------------------------------------------------------------------

@pytest.mark.parametrize("good", [DEFAULT_SCALE, OTHER_LABELS, IKI_SCALE], ids=["default", "labels", "iki"])
def test_a_well_formed_scale_has_no_problems(good):
    assert check_scale(good, "Pengaturan") == []


def test_default_scale_bounds_and_labels():
    assert DEFAULT_SCALE.bounds == tuple(d(b) for b in (0, 51, 66, 76, 91))
    assert DEFAULT_SCALE.labels == ("Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi")


def test_an_empty_scale_is_a_problem():
    [problem] = check_scale(Scale(()), "Pengaturan")
    assert "kosong" in problem.pesan
    assert problem.sheet == "Pengaturan"


def test_the_lowest_band_must_start_at_zero():
    [problem] = check_scale(scale((10, "Rendah"), (50, "Tinggi")), "Pengaturan")
    assert (problem.kolom, problem.nilai) == ("Batas Bawah", Decimal(10))
    assert "harus 0" in problem.pesan


@pytest.mark.parametrize(
    "bad",
    [
        scale((0, "A"), (60, "B"), (50, "C")),
        scale((0, "A"), (50, "B"), (50, "C")),
    ],
    ids=["descending", "repeated bound"],
)
def test_bounds_must_strictly_ascend(bad):
    [problem] = check_scale(bad, "Pengaturan")
    assert problem.kolom == "Batas Bawah"


def test_every_band_needs_a_label():
    [problem] = check_scale(scale((0, "Rendah"), (50, "  ")), "Pengaturan")
    assert problem.kolom == "Predikat"


def test_labels_must_be_distinct_ignoring_surrounding_spaces():
    [problem] = check_scale(scale((0, "Baik"), (50, " Baik ")), "Pengaturan")
    assert problem.kolom == "Predikat"


def test_check_scale_reports_every_problem_at_once_in_the_named_sheet():
    problems = check_scale(scale((10, "A"), (5, "A")), sheet="Skala")
    assert len(problems) == 3
    assert {p.sheet for p in problems} == {"Skala"}
    assert all(p.is_error for p in problems)


# --- the look-up by bisection is the PREDIKAT rule ---------------------------------------------

capaians = st.one_of(
    st.decimals(min_value=-300, max_value=300, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["0", "-0.00", "50.995", "51", "90.994", "90.995", "1E+30"]).map(Decimal),
)
bounds = st.one_of(st.integers(min_value=-5, max_value=120).map(Decimal), st.sampled_from(["51.0", "66.50"]).map(Decimal))
any_scale = st.lists(st.tuples(bounds, st.sampled_from(["", "A", "B", "C", "Baik"])), max_size=6).map(
    lambda bands: Scale(tuple(Band(b, label) for b, label in bands))
)
ascending_scale = any_scale.map(lambda s: Scale(tuple(sorted(s.bands, key=lambda band: band.batas_bawah))))


def by_the_rule(capaian: Decimal, scale: Scale) -> str | None:
    env = {"capaian": round_half_away(capaian, 2), "skala_batas": scale.bounds, "skala_label": scale.labels}
    value = interpret(PREDIKAT, env)
    return value if isinstance(value, str) and value else None


@settings(max_examples=500, deadline=None)
@given(capaian=capaians, scale=st.one_of(st.just(DEFAULT_SCALE), st.just(IKI_SCALE), ascending_scale, any_scale))
def test_predikat_is_the_label_the_predikat_rule_looks_up(capaian, scale):
    assert predikat(capaian, scale) == by_the_rule(capaian, scale)


def test_an_ascending_scale_is_bisected_and_any_other_looked_up_by_the_rule():
    assert IKI_SCALE.ascending and scale((0, "A"), (50, "B"), (50, "C")).ascending
    assert not scale((0, "A"), (60, "B"), (50, "C")).ascending and not scale((0, "A"), (50, "")).ascending
    assert predikat(Decimal(55), scale((0, "A"), (60, "B"), (50, "C"))) == "C"  # LOOKUP: the last bound <= 55
