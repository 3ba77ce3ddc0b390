"""Reading the working calendar back from the cells of sheet Kalender.

Working hours per weekday (Masuk, Pulang, Istirahat Mulai, Istirahat Selesai; Masuk empty = libur),
extra days off (cuti bersama, libur lokal), extra working days, and whether Indonesia's national
holidays count. Every unreadable cell is a problem naming it; the calendar is built from the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.calendar import DEFAULT_WEEK, HARI, WorkingCalendar, WorkingHours
from xlwings_app.domain.sop.log import EARLIEST
from xlwings_app.domain.sop.sop_rows import Cell, text

HOURS_HEADERS = ("Hari", "Masuk", "Pulang", "Istirahat Mulai", "Istirahat Selesai")
HoursRow = tuple[str, time | None, time | None, time | None, time | None]
_CLOCK = re.compile(r"^(\d{1,2})[.:](\d{2})$")


def read_time(value: object) -> time | None | str:
    """A time cell: a time, a datetime's time, text "07.30" or "7:30", or Excel's day fraction.

    Returns None for an empty cell and an Indonesian message (str) for anything else.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = round(float(value) * 24 * 60)
        return time(minutes // 60, minutes % 60)
    match = _CLOCK.match(text(value))
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return time(int(match.group(1)), int(match.group(2)))
    return f"'{text(value)}' bukan jam; tulis mis. 07.30"


def parse_calendar(
    week: Sequence[Sequence[Cell]],
    days_off: Sequence[tuple[int, Cell]],
    working_days: Sequence[tuple[int, Cell]],
    national: Cell,
    *,
    sheet: str,
) -> tuple[WorkingCalendar, list[Problem]]:
    """The calendar of sheet Kalender and every problem of it.

    ``week`` holds seven rows (Senin first) of four cells: Masuk, Pulang, Istirahat Mulai,
    Istirahat Selesai. ``days_off`` and ``working_days`` hold (row, Tanggal cell). ``national`` is
    "Ya" or "Tidak" (empty = Ya). A weekday with a bad cell keeps the default hours for that day.
    """
    problems: list[Problem] = []
    hours: list[WorkingHours | None] = []
    for index, cells in enumerate(week):
        day = HARI[index]
        read: list[time | None] = []
        bad = False
        for label, cell in zip(HOURS_HEADERS[1:], cells, strict=True):
            value = read_time(cell.value)
            if isinstance(value, str):
                problems.append(_problem(f"{day}, {label}: {value}.", label, cell, sheet))
                bad, value = True, None
            read.append(value)
        if bad:
            hours.append(DEFAULT_WEEK[index])
            continue
        start, end, break_start, break_end = read
        if start is None and end is None:
            hours.append(None)
            continue
        try:
            if start is None or end is None:
                raise ValueError("Masuk dan Pulang harus diisi keduanya, atau keduanya kosong (libur).")
            hours.append(WorkingHours(start, end, break_start, break_end))
        except ValueError as exc:
            problems.append(_problem(f"{day}: {exc}", "Masuk", cells[0], sheet))
            hours.append(DEFAULT_WEEK[index])
    off = _dates(days_off, "Hari Libur Tambahan", sheet, problems)
    extra = _dates(working_days, "Hari Kerja Tambahan", sheet, problems)
    flag = text(national.value).casefold()
    if flag not in ("", "ya", "tidak"):
        problems.append(_problem("Libur nasional: isi Ya atau Tidak.", "Libur Nasional", national, sheet))
    week_hours = tuple(hours) if len(hours) == 7 else DEFAULT_WEEK
    if all(h is None for h in week_hours) and not extra:
        problems.append(Problem("Kalender tidak punya hari kerja: isi jam kerja Senin-Jumat.", sheet=sheet))
        week_hours = DEFAULT_WEEK
    calendar = WorkingCalendar(week=week_hours, days_off=off, working_days=extra, national=flag != "tidak")
    return calendar, problems


def _dates(
    rows: Sequence[tuple[int, Cell]], label: str, sheet: str, problems: list[Problem]
) -> frozenset[date]:
    found: set[date] = set()
    for baris, cell in rows:
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        day = value.date() if isinstance(value, datetime) else value
        if not isinstance(day, date):
            pesan = f"{label}: '{text(value)}' bukan tanggal; isi tanggal (mis. 26-12-2024)."
        elif day < EARLIEST:
            pesan = f"{label}: tanggal {day:%d-%m-%Y} sebelum tahun 2000 (sel berisi 0?)."
        else:
            found.add(day)
            continue
        problems.append(Problem(pesan, sheet=sheet, baris=baris, kolom="Tanggal", sel=cell.sel, nilai=value))
    return frozenset(found)


def _problem(pesan: str, kolom: str, cell: Cell, sheet: str) -> Problem:
    return Problem(pesan, sheet=sheet, kolom=kolom, sel=cell.sel, nilai=cell.value)


def week_rows(calendar: WorkingCalendar) -> list[HoursRow]:
    """The hours table as written to sheet Kalender: (hari, masuk, pulang, istirahat mulai, selesai)."""
    rows: list[HoursRow] = []
    for day, hours in zip(HARI, calendar.week, strict=True):
        if hours is None:
            rows.append((day, None, None, None, None))
        else:
            rows.append((day, hours.start, hours.end, hours.break_start, hours.break_end))
    return rows
