"""Sheet Kalender read back (``sheets.kalender``): the week, the date lists and the national choice."""

from __future__ import annotations

import datetime as dt

from tests.sheets.sources import numbered
from xlwings_app.sheets.kalender import read_kalender
from xlwings_app.sheets.sop_layout import KALENDER_HEADER_ROW, KALENDER_OFF_COLUMN, KALENDER_WORK_COLUMN


def sheet(national: object = "Ya") -> list[list[object]]:
    rows: list[list[object]] = [[None] * 14 for _ in range(KALENDER_HEADER_ROW + 40)]
    for day in range(5):  # Senin..Jumat 07.30-16.00, rest 12-13
        rows[KALENDER_HEADER_ROW + day][1:5] = [dt.time(7, 30), "16.00", 0.5, dt.time(13)]
    rows[KALENDER_HEADER_ROW][KALENDER_OFF_COLUMN - 1] = dt.datetime(2024, 12, 26)
    rows[KALENDER_HEADER_ROW + 1][KALENDER_OFF_COLUMN - 1] = "bukan tanggal"
    rows[KALENDER_HEADER_ROW][KALENDER_WORK_COLUMN - 1] = dt.datetime(2024, 12, 28)
    rows[12][1] = national  # B13
    return rows


def test_the_calendar_is_read_from_its_fixed_cells() -> None:
    calendar, problems = read_kalender(numbered(sheet()))
    assert calendar.days_off == {dt.date(2024, 12, 26)} and calendar.working_days == {dt.date(2024, 12, 28)}
    monday = calendar.week[0]
    assert monday is not None and (monday.start, monday.end, monday.break_start) == (dt.time(7, 30), dt.time(16), dt.time(12))
    assert calendar.week[5] is None and calendar.national
    assert [(p.sel, p.baris) for p in problems] == [("G6", 6)]


def test_the_national_choice_is_named_at_its_cell() -> None:
    _, problems = read_kalender(numbered(sheet(national="Mungkin")))
    assert [p.sel for p in problems] == ["G6", "B13"]
