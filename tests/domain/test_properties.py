"""Property-based tests of the capaian rules (issue 7, part 4): no exception, and invariants."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from xlwings_app.domain.capaian import capaian
from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Periode, Polaritas
from xlwings_app.domain.measure import Status, measure
from xlwings_app.domain.settings import Settings, VarianNegatif


def decimals(low: str, high: str) -> st.SearchStrategy[Decimal]:
    return st.decimals(Decimal(low), Decimal(high), places=4, allow_nan=False, allow_infinity=False)


#: A sane range: realisasi and targets as an office would type them, negatives included (growth rates).
values = decimals("-1000000", "1000000000")
maybe = st.none() | values
positive_targets = decimals("0.01", "1000000")
polaritas = st.sampled_from(Polaritas)
varian = st.sampled_from(VarianNegatif)

#: Any number an Excel cell can hold (a finite double), as the reader turns it into a Decimal.
excel_numbers = st.floats(allow_nan=False, allow_infinity=False).map(lambda f: Decimal(repr(f)))
maybe_excel = st.none() | excel_numbers


def is_two_decimal(value: Decimal) -> bool:
    return value.as_tuple().exponent == -2 and value == round_half_away(value, 2)


@given(maybe, maybe, polaritas, varian, maybe, maybe)
def test_capaian_never_raises_and_is_none_or_rounded_to_two_decimals(t, r, pol, var, lower, upper):
    result = capaian(t, r, pol, var, lower, upper)
    assert result is None or is_two_decimal(result)


@given(maybe, polaritas, varian, maybe, maybe)
def test_blank_realisasi_never_has_a_capaian(t, pol, var, lower, upper):
    assert capaian(t, None, pol, var, lower, upper) is None


@given(positive_targets, values, values)
def test_positive_polarity_is_non_decreasing_in_realisasi(t, r1, r2):
    low, high = sorted((r1, r2))
    assert capaian(t, low, Polaritas.POSITIF) <= capaian(t, high, Polaritas.POSITIF)


@given(positive_targets, values, values)
def test_negative_polarity_default_is_non_increasing_in_realisasi(t, r1, r2):
    low, high = sorted((r1, r2))
    assert capaian(t, low, Polaritas.NEGATIF) >= capaian(t, high, Polaritas.NEGATIF)


@given(positive_targets, decimals("0.0001", "1000000000"), decimals("0.0001", "1000000000"))
def test_negative_polarity_rasio_is_non_increasing_in_a_positive_realisasi(t, r1, r2):
    low, high = sorted((r1, r2))
    rasio = VarianNegatif.RASIO
    assert capaian(t, low, Polaritas.NEGATIF, rasio) >= capaian(t, high, Polaritas.NEGATIF, rasio)


def test_negative_polarity_rasio_is_not_monotonic_at_zero_by_rule():
    # docs/domain.md fixes realisasi 0 at 100 (with a note), below what any 0 < R < T gives.
    rasio = VarianNegatif.RASIO
    assert capaian(Decimal(10), Decimal(0), Polaritas.NEGATIF, rasio) == Decimal(100)
    assert capaian(Decimal(10), Decimal(5), Polaritas.NEGATIF, rasio) == Decimal(200)


@given(positive_targets, values)
def test_negative_polarity_default_is_never_below_zero(t, r):
    assert capaian(t, r, Polaritas.NEGATIF) >= 0


@given(positive_targets, values)
def test_positive_polarity_is_realisasi_over_target_rounded(t, r):
    assert capaian(t, r, Polaritas.POSITIF) == round_half_away(r / t * 100, 2)


@given(decimals("0", "1000000"), decimals("0", "1000000"), st.floats(0, 1), polaritas, varian, maybe)
def test_realisasi_inside_a_range_is_always_100(lower, width, where, pol, var, t):
    upper = lower + width
    r = round_half_away(lower + width * Decimal(where), 4)
    assume(lower <= r <= upper)
    assert capaian(t, r, pol, var, lower, upper) == Decimal(100)


@pytest.mark.parametrize("pol", list(Polaritas))
@given(positive_targets)
def test_realisasi_equal_to_target_is_100_for_every_polarity(pol, t):
    for var in VarianNegatif:
        assert capaian(t, t, pol, var) == Decimal(100)


@st.composite
def indicators(draw: st.DrawFn, maybe: st.SearchStrategy[Decimal | None]) -> Indicator:
    quarterly = st.tuples(maybe, maybe, maybe, maybe)
    lower, upper = draw(st.one_of(st.tuples(st.none(), st.none()), st.tuples(maybe, maybe)))
    return Indicator(
        kode="IKU-1", jenis=Jenis.IKU, sasaran="S", nama="N", satuan="%",
        polaritas=draw(polaritas), agregasi=draw(st.sampled_from(Agregasi)),
        target_tahunan=draw(maybe), target_tw=draw(quarterly), realisasi_tw=draw(quarterly),
        batas_bawah=lower, batas_atas=upper,
        pagu=draw(maybe), realisasi_anggaran=draw(maybe),
    )


@given(st.one_of(indicators(maybe), indicators(maybe_excel)), st.sampled_from(Periode), varian)
def test_measure_never_raises_and_its_status_agrees_with_its_capaian(ind, periode, var):
    hasil = measure(ind, periode, Settings(varian_negatif=var))
    if hasil.realisasi is None:
        assert hasil.status in (Status.BELUM_DIISI, Status.TIDAK_ADA_TARGET)
    if hasil.capaian is None:
        assert hasil.status in (Status.BELUM_DIISI, Status.TIDAK_DAPAT_DIHITUNG, Status.TIDAK_ADA_TARGET)
        assert hasil.predikat is None
    else:
        assert is_two_decimal(hasil.capaian)
        assert hasil.status is (Status.TERCAPAI if hasil.capaian >= 100 else Status.TIDAK_TERCAPAI)
        assert hasil.predikat is not None


@given(maybe_excel, maybe_excel, polaritas, varian, maybe_excel, maybe_excel)
def test_capaian_never_raises_for_any_number_a_cell_can_hold(t, r, pol, var, lower, upper):
    result = capaian(t, r, pol, var, lower, upper)
    assert result is None or is_two_decimal(result)


def test_a_huge_capaian_is_still_rounded_not_an_exception():
    # 1E+30 / 1E-10 * 100: far beyond 28 significant digits once written with 2 decimals
    result = capaian(Decimal("1E-10"), Decimal("1E+30"), Polaritas.POSITIF)
    assert result == Decimal("1E+42") and is_two_decimal(result)
