"""The working calendar: when SOP time runs (jam kerja, hari libur nasional, cuti bersama).

SOP step times (Mutu Baku Waktu, PermenPANRB 35/2012) are counted in working time. The default week is
the one the Kabupaten Lumajang offices work: Senin-Kamis 07.30-16.00 with a break 12.00-13.00, Jumat
07.30-16.30 with a break 11.30-13.00, Sabtu and Minggu off. Every working day is then 7 hours 30
minutes, 37.5 hours a week, as Perpres 21/2023 (Hari Kerja dan Jam Kerja Instansi Pemerintah dan
Pegawai ASN) requires. National holidays come from the ``holidays`` package (Indonesia, category
public); cuti bersama and local days off are data, given by the workbook's sheet Kalender.

All datetimes are naive local time (WIB/WITA/WIT as the office keeps it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType

from xlwings_app.domain.sop.waktu import Duration

Interval = tuple[datetime, datetime]
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_SEARCH_DAYS = 3 * 366  # how far to look for working time before giving up


class NoWorkingTime(ValueError):
    """The calendar has no working time where some is needed (e.g. every day is off)."""


@dataclass(frozen=True)
class WorkingHours:
    """The working hours of one weekday: start to end, less an optional break."""

    start: time
    end: time
    break_start: time | None = None
    break_end: time | None = None

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError(f"Jam mulai {self.start:%H.%M} harus sebelum jam selesai {self.end:%H.%M}.")
        if (self.break_start is None) != (self.break_end is None):
            raise ValueError("Istirahat perlu jam mulai dan jam selesai, atau keduanya kosong.")
        if (
            self.break_start is not None
            and self.break_end is not None
            and not (self.start < self.break_start < self.break_end < self.end)
        ):
            raise ValueError(
                f"Istirahat {self.break_start:%H.%M}-{self.break_end:%H.%M} harus di dalam jam kerja "
                f"{self.start:%H.%M}-{self.end:%H.%M}."
            )

    def intervals(self, day: date) -> tuple[Interval, ...]:
        """The working intervals of ``day`` under these hours."""
        at = datetime.combine
        if self.break_start is None or self.break_end is None:
            return ((at(day, self.start), at(day, self.end)),)
        return (
            (at(day, self.start), at(day, self.break_start)),
            (at(day, self.break_end), at(day, self.end)),
        )

    @property
    def length(self) -> timedelta:
        """Working time of one such day."""
        return sum((b - a for a, b in self.intervals(date(2000, 1, 3))), timedelta())


def _hours(start: str, end: str, break_start: str, break_end: str) -> WorkingHours:
    def t(text: str) -> time:
        return time.fromisoformat(text)

    return WorkingHours(t(start), t(end), t(break_start), t(break_end))


#: Senin-Kamis 07.30-16.00, istirahat 12.00-13.00.
SENIN_KAMIS = _hours("07:30", "16:00", "12:00", "13:00")
#: Jumat 07.30-16.30, istirahat 11.30-13.00 (a longer break for the Friday prayer).
JUMAT = _hours("07:30", "16:30", "11:30", "13:00")
DEFAULT_WEEK: tuple[WorkingHours | None, ...] = (*(SENIN_KAMIS,) * 4, JUMAT, None, None)


@lru_cache(maxsize=64)
def national_holidays(year: int) -> Mapping[date, str]:
    """Indonesia's national holidays of ``year`` with their Indonesian names (``holidays``, public).

    Cuti bersama are not included: they are set each year by SKB Menteri and kept as data. Kept per
    year (declared data, read-only: every caller sees the same days).
    """
    import holidays  # here, not at the top: its data is slow to load and most commands never ask

    found = holidays.country_holidays("ID", years=year, language="id")
    return MappingProxyType({day: str(name) for day, name in sorted(found.items())})


def cuti_bersama(year: int) -> dict[date, str]:
    """The cuti bersama the ``holidays`` package knows for ``year`` (category government).

    A suggestion to fill the sheet Kalender with; the sheet, not this list, is what counts.
    """
    import holidays

    found = holidays.country_holidays("ID", years=year, language="id", categories=("government",))
    return {day: str(name) for day, name in sorted(found.items())}


@dataclass(frozen=True)
class WorkingCalendar:
    """Working hours per weekday (Senin first), national holidays, and extra days off as data.

    ``days_off`` holds cuti bersama and local days off; ``working_days`` holds days worked although
    the week or a holiday says otherwise (e.g. a Saturday set as a working day); they take the hours
    of their weekday, or ``replacement_hours`` when that weekday has none.
    """

    week: tuple[WorkingHours | None, ...] = DEFAULT_WEEK
    days_off: frozenset[date] = field(default_factory=frozenset)
    working_days: frozenset[date] = field(default_factory=frozenset)
    national: bool = True
    replacement_hours: WorkingHours = SENIN_KAMIS

    def __post_init__(self) -> None:
        if len(self.week) != 7:
            raise ValueError("Jam kerja perlu tepat 7 hari, Senin sampai Minggu.")
        if all(hours is None for hours in self.week) and not self.working_days:
            raise NoWorkingTime("Kalender tidak punya hari kerja.")

    def holiday(self, day: date) -> str | None:
        """The national holiday's name on ``day`` when national holidays count, else None."""
        return national_holidays(day.year).get(day) if self.national else None

    def hours(self, day: date) -> WorkingHours | None:
        """The working hours of ``day``, or None when it is not a working day."""
        if day in self.working_days:
            return self.week[day.weekday()] or self.replacement_hours
        if day in self.days_off or self.holiday(day) is not None:
            return None
        return self.week[day.weekday()]

    def is_working_day(self, day: date) -> bool:
        return self.hours(day) is not None

    def day_off(self, day: date) -> str | None:
        """Why ``day`` is not a working day, in words ("libur nasional Hari Raya Idul Fitri", "hari
        libur tambahan di sheet Kalender", "Sabtu"); None for a working day."""
        if self.is_working_day(day):
            return None
        if day in self.days_off:
            return "hari libur tambahan di sheet Kalender (cuti bersama atau libur lokal)"
        name = self.holiday(day)
        if name is not None:
            return f"libur nasional {name}"
        return f"hari {HARI[day.weekday()]}, bukan hari kerja"

    def with_working_days(self, days: frozenset[date]) -> WorkingCalendar:
        """This calendar with ``days`` worked as well (each with its weekday's hours, or
        ``replacement_hours``), as a Hari Kerja Tambahan of sheet Kalender would."""
        return replace(self, working_days=self.working_days | days) if days else self

    def intervals(self, day: date) -> tuple[Interval, ...]:
        hours = self.hours(day)
        return () if hours is None else hours.intervals(day)

    def day_start(self, day: date) -> datetime:
        """Start of the working day ``day`` (a date alone as mulai); midnight on a day off."""
        spans = self.intervals(day)
        return spans[0][0] if spans else datetime.combine(day, time.min)

    def day_end(self, day: date) -> datetime:
        """End of the working day ``day`` (a date alone as selesai); next midnight on a day off."""
        spans = self.intervals(day)
        return spans[-1][1] if spans else datetime.combine(day + timedelta(days=1), time.min)

    @property
    def nominal_day(self) -> timedelta:
        """The usual working-day length (the most common in the week; 7 h 30 min by default).

        Used to state a day-based standard in minutes when no start is known.
        """
        lengths = Counter(h.length for h in self.week if h is not None)
        if not lengths:
            return self.replacement_hours.length
        return max(lengths, key=lambda length: (lengths[length], length))

    def working_time(self, start: datetime, end: datetime) -> timedelta:
        """Working time between two moments: the overlap of [start, end] with working intervals.

        Additive (d(a, b) + d(b, c) = d(a, c) for a <= b <= c) and never negative; ``end`` before
        ``start`` is a caller's error (ValueError).
        """
        if end < start:
            raise ValueError(f"end {end} is before start {start}")
        total = timedelta()
        day = start.date()
        while day <= end.date():
            for a, b in self.intervals(day):
                lo, hi = max(a, start), min(b, end)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total

    def next_working_moment(self, moment: datetime) -> datetime:
        """``moment`` if working time runs from it, else the start of the next working interval."""
        for a, b in self._intervals_from(moment):
            if moment < b:
                return max(a, moment)
        raise NoWorkingTime(f"Tidak ada waktu kerja setelah {moment:%d-%m-%Y %H.%M}.")

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The moment reached after ``amount`` of working time from ``start``.

        Ends inside an interval or exactly at its end (10.00 + 120 menit = 12.00, not 13.00), so
        ``working_time(start, add_working_time(start, x)) == x``.
        """
        if amount < timedelta():
            raise ValueError("amount must not be negative")
        if not amount:
            return start
        remaining = amount
        for a, b in self._intervals_from(start):
            if start >= b:
                continue
            cursor = max(a, start)
            if remaining <= b - cursor:
                return cursor + remaining
            remaining -= b - cursor
        raise NoWorkingTime(f"Tidak ada cukup waktu kerja setelah {start:%d-%m-%Y %H.%M}.")

    def deadline(self, start: datetime, duration: Duration) -> datetime:
        """When a step of standard ``duration`` begun at ``start`` is due.

        menit and jam: that many working minutes later. hari, hari kerja, minggu (5) and bulan (22):
        that many working days later, where each working day counted is the working length of the day
        the count stands on (moved to the next working moment first). A "1 hari" step begun Senin
        10.00 is due Selasa 10.00; begun at 07.30 it is due at 16.00 the same day. A fraction of a day
        is that fraction of the day's length.
        """
        minutes = duration.minutes
        if minutes is not None:
            return self.add_working_time(start, _minutes(minutes))
        days = duration.working_days
        assert days is not None  # every unit is minute-based or day-based
        whole = int(days)
        cursor = start
        for _ in range(whole):
            cursor = self._add_day(cursor, Decimal(1))
        if days > whole:
            cursor = self._add_day(cursor, days - whole)
        return cursor

    def standard_time(self, duration: Duration, start: datetime | None = None) -> timedelta:
        """Working time a step of ``duration`` may take from ``start``.

        Without a start, day-based units use ``nominal_day`` (7 h 30 min by default).
        """
        if start is not None:
            return self.working_time(start, self.deadline(start, duration))
        minutes = duration.minutes
        if minutes is not None:
            return _minutes(minutes)
        days = duration.working_days
        assert days is not None
        return _minutes(days * Decimal(self.nominal_day.total_seconds()) / 60)

    def _add_day(self, cursor: datetime, fraction: Decimal) -> datetime:
        cursor = self.next_working_moment(cursor)
        hours = self.hours(cursor.date())
        assert hours is not None  # next_working_moment lands on a working day
        length = Decimal(hours.length.total_seconds()) / 60
        return self.add_working_time(cursor, _minutes(length * fraction))

    def _intervals_from(self, moment: datetime) -> Iterator[Interval]:
        day = moment.date()
        for _ in range(_SEARCH_DAYS):
            yield from self.intervals(day)
            day += timedelta(days=1)


def _minutes(minutes: Decimal) -> timedelta:
    """Exact timedelta of a Decimal number of minutes (to the microsecond)."""
    return timedelta(microseconds=int(minutes * 60_000_000))
