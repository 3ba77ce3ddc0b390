"""The working calendar: jam kerja per weekday, national holidays, cuti bersama as data."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.domain.sop.calendar import (
    DEFAULT_WEEK,
    NoWorkingTime,
    WorkingCalendar,
    WorkingHours,
    cuti_bersama,
    national_holidays,
)
from xlwings_app.domain.sop.waktu import Duration

CAL = WorkingCalendar()
MINUTE = timedelta(minutes=1)


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def d(value: str, unit: str) -> Duration:
    return Duration(Decimal(value), unit)  # type: ignore[arg-type]


def test_default_week_is_seven_and_a_half_hours_a_day() -> None:
    lengths = [h.length if h else None for h in DEFAULT_WEEK]
    assert lengths == [timedelta(hours=7, minutes=30)] * 5 + [None, None]
    assert CAL.nominal_day == timedelta(hours=7, minutes=30)


def test_working_minutes_skip_the_break() -> None:
    # Senin 8 Januari 2024
    assert CAL.working_time(dt("2024-01-08 07:30"), dt("2024-01-08 16:00")) == 450 * MINUTE
    assert CAL.working_time(dt("2024-01-08 11:00"), dt("2024-01-08 14:00")) == 120 * MINUTE
    assert CAL.working_time(dt("2024-01-08 12:15"), dt("2024-01-08 12:45")) == timedelta()
    assert CAL.working_time(dt("2024-01-08 06:00"), dt("2024-01-08 07:45")) == 15 * MINUTE


def test_short_and_long_friday() -> None:
    # Jumat 12 Januari 2024: the break runs 11.30-13.00 and the day ends 16.30
    assert CAL.deadline(dt("2024-01-12 11:00"), d("60", "menit")) == dt("2024-01-12 13:30")
    assert CAL.deadline(dt("2024-01-11 11:00"), d("60", "menit")) == dt("2024-01-11 12:00")
    assert CAL.deadline(dt("2024-01-12 16:00"), d("60", "menit")) == dt("2024-01-15 08:00")
    assert CAL.deadline(dt("2024-01-11 16:00"), d("60", "menit")) == dt("2024-01-12 08:30")
    assert CAL.working_time(dt("2024-01-12 07:30"), dt("2024-01-12 16:30")) == 450 * MINUTE
    assert CAL.day_end(date(2024, 1, 12)) == dt("2024-01-12 16:30")
    assert CAL.day_end(date(2024, 1, 11)) == dt("2024-01-11 16:00")


def test_across_a_weekend() -> None:
    friday_10 = dt("2024-01-12 10:00")
    assert CAL.deadline(friday_10, d("1", "hari")) == dt("2024-01-15 10:00")
    assert CAL.working_time(friday_10, dt("2024-01-15 10:00")) == 450 * MINUTE
    assert CAL.working_time(dt("2024-01-13 08:00"), dt("2024-01-14 15:00")) == timedelta()
    # a start on Saturday counts from Monday 07.30
    assert CAL.deadline(dt("2024-01-13 09:00"), d("120", "menit")) == dt("2024-01-15 09:30")


def test_one_hari_is_one_full_working_day_later() -> None:
    assert CAL.deadline(dt("2024-01-08 10:00"), d("1", "hari")) == dt("2024-01-09 10:00")
    assert CAL.deadline(dt("2024-01-08 07:30"), d("1", "hari")) == dt("2024-01-08 16:00")
    assert CAL.deadline(dt("2024-01-08 10:00"), d("1", "hari kerja")) == dt("2024-01-09 10:00")
    assert CAL.deadline(dt("2024-01-08 10:00"), d("4", "hari")) == dt("2024-01-12 10:00")
    assert CAL.deadline(dt("2024-01-08 10:00"), d("1", "minggu")) == dt("2024-01-15 10:00")
    assert CAL.deadline(dt("2024-01-08 10:00"), d("0.5", "hari")) == dt("2024-01-08 14:45")
    assert CAL.deadline(dt("2024-01-08 10:00"), d("2", "jam")) == dt("2024-01-08 12:00")


def test_a_bulan_is_22_working_days() -> None:
    start = dt("2024-01-08 10:00")
    deadline = CAL.deadline(start, d("1", "bulan"))
    assert CAL.working_time(start, deadline) == 22 * 450 * MINUTE
    assert deadline == dt("2024-02-07 10:00")


def test_17_agustus_is_a_day_off() -> None:
    # Kamis 17 Agustus 2023
    assert CAL.holiday(date(2023, 8, 17)) == "Hari Kemerdekaan Republik Indonesia"
    assert not CAL.is_working_day(date(2023, 8, 17))
    assert CAL.deadline(dt("2023-08-16 10:00"), d("1", "hari")) == dt("2023-08-18 10:00")
    assert CAL.working_time(dt("2023-08-16 16:00"), dt("2023-08-18 07:30")) == timedelta()
    # without national holidays the Thursday is a working day
    plain = WorkingCalendar(national=False)
    assert plain.deadline(dt("2023-08-16 10:00"), d("1", "hari")) == dt("2023-08-17 10:00")


def test_cuti_bersama_given_as_data() -> None:
    # Selasa 24 Desember 2024; 25 Desember is Natal, 26 Desember a cuti bersama typed in sheet Kalender
    start = dt("2024-12-24 10:00")
    assert CAL.deadline(start, d("2", "hari")) == dt("2024-12-27 10:00")
    with_cuti = WorkingCalendar(days_off=frozenset({date(2024, 12, 26)}))
    assert with_cuti.deadline(start, d("2", "hari")) == dt("2024-12-30 10:00")
    assert not with_cuti.is_working_day(date(2024, 12, 26))
    assert date(2024, 12, 26) in cuti_bersama(2024)  # the suggestion offered for the sheet
    assert date(2024, 12, 26) not in national_holidays(2024)


def test_extra_working_day_on_a_saturday() -> None:
    saturday = date(2024, 1, 13)
    cal = WorkingCalendar(working_days=frozenset({saturday}))
    assert cal.is_working_day(saturday)
    assert cal.deadline(dt("2024-01-12 16:00"), d("60", "menit")) == dt("2024-01-13 08:00")


def test_date_alone_means_start_and_end_of_the_working_day() -> None:
    assert CAL.day_start(date(2024, 1, 8)) == dt("2024-01-08 07:30")
    assert CAL.day_end(date(2024, 1, 8)) == dt("2024-01-08 16:00")
    # a day off contributes nothing either way
    assert CAL.day_start(date(2024, 1, 13)) == dt("2024-01-13 00:00")
    assert CAL.day_end(date(2024, 1, 13)) == dt("2024-01-14 00:00")


def test_standard_time_without_a_start_uses_the_usual_day() -> None:
    assert CAL.standard_time(d("4", "hari")) == 4 * 450 * MINUTE
    assert CAL.standard_time(d("15", "menit")) == 15 * MINUTE


def test_invalid_hours_and_calendars_are_refused() -> None:
    with pytest.raises(ValueError, match="sebelum jam selesai"):
        WorkingHours(time(16), time(7, 30))
    with pytest.raises(ValueError, match="di dalam jam kerja"):
        WorkingHours(time(7, 30), time(16), time(17), time(18))
    with pytest.raises(ValueError, match="keduanya kosong"):
        WorkingHours(time(7, 30), time(16), time(12), None)
    with pytest.raises(NoWorkingTime):
        WorkingCalendar(week=(None,) * 7)
    with pytest.raises(ValueError):
        CAL.working_time(dt("2024-01-09 10:00"), dt("2024-01-08 10:00"))


# Property tests: moments to the minute within two years, around the default calendar's holidays.
moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2025, 12, 31)).map(
    lambda m: m.replace(second=0, microsecond=0)
)


@settings(max_examples=150, deadline=None)
@given(moments, moments, moments)
def test_working_time_is_additive_and_never_negative(a: datetime, b: datetime, c: datetime) -> None:
    a, b, c = sorted((a, b, c))
    ab, bc, ac = CAL.working_time(a, b), CAL.working_time(b, c), CAL.working_time(a, c)
    assert ab >= timedelta() and bc >= timedelta()
    assert ab + bc == ac
    assert ac <= c - a


@settings(max_examples=150, deadline=None)
@given(moments, st.integers(min_value=0, max_value=20 * 450))
def test_adding_working_time_then_measuring_it_gives_it_back(start: datetime, minutes: int) -> None:
    end = CAL.add_working_time(start, minutes * MINUTE)
    assert end >= start
    assert CAL.working_time(start, end) == minutes * MINUTE


@settings(max_examples=100, deadline=None)
@given(moments, st.integers(min_value=1, max_value=30))
def test_n_hari_is_n_working_days_of_working_time(start: datetime, days: int) -> None:
    deadline = CAL.deadline(start, d(str(days), "hari"))
    assert CAL.working_time(start, deadline) == days * 450 * MINUTE
    assert CAL.is_working_day(deadline.date())
