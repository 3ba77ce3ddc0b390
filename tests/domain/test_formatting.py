import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.domain import formatting as fmt


def test_dates_are_written_the_indonesian_way() -> None:
    assert fmt.tanggal(dt.date(2024, 1, 5)) == "5 Januari 2024"
    assert fmt.tanggal(dt.date(2024, 8, 17)) == "17 Agustus 2024"
    assert fmt.waktu(dt.datetime(2024, 7, 5, 14, 3)) == "5 Juli 2024 14.03"


@pytest.mark.parametrize(("value", "text"), [
    ("85", "85"), ("6.5", "6,5"), ("87.50", "87,5"), ("1234567", "1.234.567"),
    ("1234.567", "1.234,57"), ("0.005", "0,01"), ("-1234.5", "-1.234,5"), ("1E+3", "1.000"),
])
def test_numbers_print_their_own_decimals_with_comma_and_dot(value: str, text: str) -> None:
    assert fmt.angka(Decimal(value)) == text


def test_percentages_always_have_two_decimals() -> None:
    assert fmt.persen(Decimal("87.5")) == "87,50"
    assert fmt.persen(Decimal("233.333")) == "233,33"
    assert fmt.persen(Decimal("1000")) == "1.000,00"


def test_money_is_rupiah_without_sen() -> None:
    assert fmt.rupiah(Decimal("1234567")) == "Rp 1.234.567"
    assert fmt.rupiah(Decimal("1234567.5")) == "Rp 1.234.568"


def test_missing_values_print_a_dash() -> None:
    assert fmt.angka(None) == fmt.persen(None) == fmt.rupiah(None) == "–"


def test_nip_is_grouped_8_6_1_3() -> None:
    assert fmt.nip("197703092005011003") == "19770309 200501 1 003"
    assert fmt.nip("NIP. 19770309 200501 1 003") == "19770309 200501 1 003"
    assert fmt.nip(" 12345 ") == "12345"


def test_dates_and_times_are_babels_indonesian_text() -> None:
    """``tanggal``/``waktu`` build the text without Babel; it is Babel's, day by day and minute by minute."""
    from babel.dates import format_date, format_datetime

    day, days = dt.date(1999, 1, 1), []
    while day <= dt.date(2031, 12, 31):
        days.append(day)
        day += dt.timedelta(days=1)
    days += [dt.date(1, 1, 1), dt.date(999, 3, 9), dt.date(9999, 12, 31)]
    for day in days:
        assert fmt.tanggal(day) == format_date(day, "d MMMM y", locale="id_ID"), day
    zones = (None, dt.timezone(dt.timedelta(hours=7)), dt.timezone(dt.timedelta(hours=-3, minutes=-30)))
    moments = [dt.datetime(2024, 7, 5, h, m, tzinfo=z) for h in range(24) for m in range(60) for z in zones]
    moments += [dt.datetime(2024, 12, 31, 23, 59, 59, 999999), dt.datetime(2025, 1, 1, 0, 0)]
    for moment in moments:
        assert fmt.waktu(moment) == format_datetime(moment, "d MMMM y HH.mm", locale="id_ID"), moment
        assert fmt.tanggal(moment) == format_date(moment, "d MMMM y", locale="id_ID"), moment


@settings(max_examples=400, deadline=None)
@given(
    value=st.one_of(
        st.decimals(min_value=-10**15, max_value=10**15, places=3),
        st.sampled_from(["0", "-0.001", "0.005", "999.995", "1234567.5", "-1E+3", "1E+20"]).map(Decimal),
    ),
    desimal=st.sampled_from([None, 0, 1, 2, 4]),
)
def test_numbers_are_babels_indonesian_text(value: Decimal, desimal: int | None) -> None:
    """``angka`` writes Indonesian numbers without Babel; the text is Babel's (``babel_text``)."""
    number, places = fmt._printed(value, desimal)
    assert fmt.angka(value, desimal) == fmt.babel_text(number, places)
