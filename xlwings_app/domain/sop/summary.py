"""The period summary of an SOP log: on-time share, standard against actual, delays, revisions.

This is what the office asks of the step log (issue "SOP time limits"): per period, how many step
runs kept their Mutu Baku Waktu (PermenPANRB 35/2012), where the process stalls, and how long the
whole cycle took against the SOP's standard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.log import LogEntry, normalize_periode
from xlwings_app.domain.sop.measure import STATUSES, Status, StepRun, measure_period, whole_minutes
from xlwings_app.domain.sop.model import Sop

TOP_DELAYS = 3


@dataclass(frozen=True)
class PeriodSummary:
    """The figures of one period (see ``summarize`` for each rule)."""

    periode: str
    runs: tuple[StepRun, ...]
    status_counts: dict[Status, int]
    share_on_time: Decimal | None
    standard_minutes: int
    actual_minutes: int
    sop_standard_minutes: int
    cycle_start: datetime | None
    cycle_end: datetime | None
    cycle_working_minutes: int | None
    cycle_calendar_days: int | None
    longest_delays: tuple[StepRun, ...]
    revision_rounds: int

    @property
    def all_finished(self) -> bool:
        return bool(self.runs) and all(run.finished for run in self.runs)


def summarize(
    sop: Sop, periode: str, runs: tuple[StepRun, ...], revision_rounds: int, calendar: WorkingCalendar
) -> PeriodSummary:
    """Summarize a period's runs.

    - share on time = runs "Tepat Waktu" / judged runs x 100, 2 decimals (half up); a run is judged
      when its people's working time is measured against a standard (not "Dicatat Otomatis", not
      "Tanpa Standar"); None when nothing is judged. A run "Urutan Salah" counts as not on time.
    - standard / actual = sums over the judged runs, in working minutes; a repeated step counts
      each time. The SOP's own standard (each step once, a hari = the usual working day) beside it.
    - cycle = first start to last end over all runs (Kinerja's stamps too: they mark when a step
      was done): its working minutes and calendar days (dates spanned, both ends counted: Senin to
      Selasa is 2 days).
    - longest delays = the judged runs furthest over their standard, at most 3, worst first.
    - revision rounds = decisions answered TIDAK.
    """
    judged = [run for run in runs if run.judged]
    finished = [run for run in runs if run.finished]
    on_time = sum(1 for run in judged if run.status == "Tepat Waktu")
    share = None
    if judged:
        share = (Decimal(on_time) * 100 / len(judged)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    starts = [run.start for run in runs if run.start is not None]
    ends = [run.end for run in finished if run.end is not None]
    first, last = (min(starts), max(ends)) if starts and ends else (None, None)
    cycle_minutes = cycle_days = None
    if first is not None and last is not None and last >= first:
        cycle_minutes = whole_minutes(calendar.working_time(first, last))
        cycle_days = (_date(runs, last, first=False) - _date(runs, first, first=True)).days + 1
    late = sorted(
        (run for run in judged if (run.difference_minutes or 0) > 0),
        key=lambda run: -(run.difference_minutes or 0),
    )
    sop_standard = sum(
        (calendar.standard_time(d) for d in (s.duration() for s in sop.steps) if d is not None),
        timedelta(),
    )
    return PeriodSummary(
        periode=periode,
        runs=runs,
        status_counts={status: sum(1 for r in runs if r.status == status) for status in STATUSES},
        share_on_time=share,
        standard_minutes=sum(run.standard_minutes or 0 for run in judged),
        actual_minutes=sum(run.actual_minutes or 0 for run in judged),
        sop_standard_minutes=whole_minutes(sop_standard),
        cycle_start=first,
        cycle_end=last,
        cycle_working_minutes=cycle_minutes,
        cycle_calendar_days=cycle_days,
        longest_delays=tuple(late[:TOP_DELAYS]),
        revision_rounds=revision_rounds,
    )


def check_log(
    sop: Sop,
    entries: Iterable[LogEntry],
    calendar: WorkingCalendar,
    *,
    periode: str | None = None,
    sheet: str | None = None,
) -> tuple[list[PeriodSummary], list[Problem]]:
    """Measure every period of the log (or only ``periode``), in order of first appearance.

    Returns the summaries and every problem found; the rows' own reading problems come from
    ``read_log_row``.
    """
    wanted = None if periode is None else normalize_periode(periode)
    by_period: dict[str, list[LogEntry]] = {}
    for entry in entries:
        if wanted is None or entry.periode == wanted:
            by_period.setdefault(entry.periode, []).append(entry)
    summaries: list[PeriodSummary] = []
    problems: list[Problem] = []
    if wanted is not None and not by_period:
        problems.append(Problem(f"Periode {wanted} tidak ada di log.", sheet=sheet, kolom="Periode"))
    for name, rows in by_period.items():
        measured = measure_period(sop, rows, calendar, sheet=sheet)
        problems.extend(measured.problems)
        summaries.append(summarize(sop, name, measured.runs, measured.revision_rounds, calendar))
    return summaries, problems


def _date(runs: tuple[StepRun, ...], moment: datetime, *, first: bool) -> date:
    """The logged date behind a cycle bound (a date alone on a day off ends at next midnight)."""
    for run in runs:
        logged = run.mulai if first else run.selesai
        bound = run.start if first else run.end
        if bound == moment and logged is not None:
            return logged.date() if isinstance(logged, datetime) else logged
    return moment.date()


def describe_minutes(minutes: int | None, day_minutes: int = 450) -> str:
    """Working minutes in words: 1040 -> "2 hari 2 jam 20 menit" (a hari = ``day_minutes``, 7.5 h)."""
    if minutes is None:
        return "-"
    sign, rest = ("-" if minutes < 0 else ""), abs(minutes)
    days, rest = divmod(rest, day_minutes)
    hours, mins = divmod(rest, 60)
    parts = [f"{n} {unit}" for n, unit in ((days, "hari"), (hours, "jam"), (mins, "menit")) if n]
    return sign + (" ".join(parts) if parts else "0 menit")
