"""Measuring the runs of SOP steps in one period against their Mutu Baku Waktu.

Every log row is one run of a step, measured on its own. The rows of a period are read in log order:
a step may only come back after a decision step answered TIDAK, to the step the SOP names
(PermenPANRB 35/2012: the decision symbol's TIDAK arrow returns to an earlier step); each such return
is one revision round.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.log import LogEntry, Moment, is_before, is_date_only
from xlwings_app.domain.sop.model import Sop, Step

Status = Literal[
    "Tepat Waktu", "Terlambat", "Belum Selesai", "Belum Dimulai", "Data Tidak Lengkap", "Urutan Salah"
]
STATUSES: tuple[Status, ...] = (
    "Tepat Waktu",
    "Terlambat",
    "Belum Selesai",
    "Belum Dimulai",
    "Data Tidak Lengkap",
    "Urutan Salah",
)
Precision = Literal["menit", "hari"]
Decision = Literal["YA", "TIDAK"]


@dataclass(frozen=True)
class StepRun:
    """One measured run of a step.

    ``start``/``end`` are the moments measured from (a date alone as Mulai is the start of that
    working day, as Selesai its end); ``standard`` and ``actual`` are working time; ``precision`` is
    "hari" when a date alone was logged, and then the deadline is the end of its working day.
    """

    periode: str
    langkah: int
    run_no: int
    kegiatan: str
    roles: tuple[str, ...]
    pelaksana: str
    mulai: Moment | None
    selesai: Moment | None
    start: datetime | None
    end: datetime | None
    deadline: datetime | None
    standard: timedelta | None
    actual: timedelta | None
    status: Status
    precision: Precision
    decision: Decision | None
    catatan: str
    baris: int | None

    @property
    def finished(self) -> bool:
        """Both Mulai and Selesai are known, so the actual time is measured."""
        return self.actual is not None

    @property
    def standard_minutes(self) -> int | None:
        return None if self.standard is None else whole_minutes(self.standard)

    @property
    def actual_minutes(self) -> int | None:
        return None if self.actual is None else whole_minutes(self.actual)

    @property
    def difference_minutes(self) -> int | None:
        """Actual minus standard, in working minutes; positive is late."""
        if self.standard is None or self.actual is None:
            return None
        return whole_minutes(self.actual - self.standard)


@dataclass(frozen=True)
class PeriodRuns:
    """The runs of one period in log order, its revision rounds and the problems found."""

    periode: str
    runs: tuple[StepRun, ...]
    revision_rounds: int
    problems: tuple[Problem, ...]


def whole_minutes(amount: timedelta) -> int:
    """Minutes, rounded half away from zero."""
    seconds = amount.total_seconds()
    minutes = int(abs(seconds) / 60 + 0.5)
    return -minutes if seconds < 0 else minutes


def measure_period(
    sop: Sop,
    entries: list[LogEntry],
    calendar: WorkingCalendar,
    *,
    sheet: str | None = None,
) -> PeriodRuns:
    """Measure the log rows of one period (in log order) against ``sop``.

    Status of a run, first rule that holds: "Data Tidak Lengkap" (a Mulai or Selesai cell unreadable,
    or Selesai without Mulai); "Belum Dimulai" (neither); "Urutan Salah" (it starts before the run
    logged before it ended; by date when either is a date alone); "Belum Selesai" (Mulai, no
    Selesai); "Terlambat" (actual working time over the standard); else "Tepat Waktu". A step with no
    Waktu has no limit and is on time once finished.
    """
    periode = entries[0].periode if entries else ""
    problems: list[Problem] = []
    placed: list[tuple[LogEntry, Step]] = []
    for entry in entries:
        if entry.langkah is None:
            continue  # reported when the row was read
        step = sop.step(entry.langkah)
        if step is None:
            problems.append(
                _at(
                    entry,
                    sheet,
                    f"Langkah {entry.langkah} tidak ada di SOP {sop.nama} "
                    f"(langkah 1 sampai {len(sop.steps)}).",
                    entry.langkah,
                )
            )
            continue
        placed.append((entry, step))
    decisions, rounds = _decisions(sop, placed, problems, sheet)
    missing = [s.no for s in sop.steps if all(step.no != s.no for _, step in placed)]
    if missing and placed:
        listed = ", ".join(str(no) for no in missing)
        problems.append(
            Problem(
                f"Periode {periode}: langkah {listed} tidak ada di log.",
                sheet=sheet,
                kolom="Langkah",
                tingkat="catatan",
            )
        )
    runs: list[StepRun] = []
    counts: Counter[int] = Counter()
    for index, (entry, step) in enumerate(placed):
        counts[step.no] += 1
        previous = runs[-1] if runs else None
        runs.append(_run(entry, step, counts[step.no], previous, decisions.get(index), calendar))
    return PeriodRuns(periode, tuple(runs), rounds, tuple(problems))


def _decisions(
    sop: Sop, placed: list[tuple[LogEntry, Step]], problems: list[Problem], sheet: str | None
) -> tuple[dict[int, Decision], int]:
    """YA/TIDAK of each decision run, read from the row after it, and the number of TIDAK.

    TIDAK: the next row is the step the decision returns to. YA: the decision run is finished and the
    next row goes forward. Otherwise (not yet answered, or the last row) unknown.
    """
    decisions: dict[int, Decision] = {}
    rounds = 0
    for index in range(1, len(placed)):
        entry, step = placed[index]
        before = placed[index - 1][1]
        if step.no > before.no:
            if before.is_decision and placed[index - 1][0].selesai is not None:
                decisions[index - 1] = "YA"  # answered, and the flow went on
            continue
        if before.is_decision and step.no == before.returns_to:
            decisions[index - 1] = "TIDAK"
            rounds += 1
            continue
        loops = [f"langkah {s.no} kembali ke {s.returns_to}" for s in sop.steps if s.is_decision]
        rule = "; ".join(loops) if loops else "SOP ini tidak punya langkah keputusan"
        problems.append(
            _at(
                entry,
                sheet,
                f"Langkah {step.no} sesudah langkah {before.no}: langkah hanya diulang "
                f"sesudah keputusan TIDAK ({rule}).",
                entry.langkah,
            )
        )
    return decisions, rounds


def _run(
    entry: LogEntry,
    step: Step,
    run_no: int,
    previous: StepRun | None,
    decision: Decision | None,
    calendar: WorkingCalendar,
) -> StepRun:
    mulai, selesai = entry.mulai, entry.selesai
    start = None if mulai is None else _start(mulai, calendar)
    end = None if selesai is None else _end(selesai, calendar)
    precision: Precision = (
        "hari" if any(m is not None and is_date_only(m) for m in (mulai, selesai)) else "menit"
    )
    duration = step.duration()
    deadline = standard = actual = None
    if duration is not None and start is not None:
        deadline = calendar.deadline(start, duration)
        if precision == "hari":
            deadline = calendar.day_end(deadline.date())
        standard = calendar.working_time(start, deadline)
    elif duration is not None:
        standard = calendar.standard_time(duration)
    unreadable = bool(entry.invalid & {"mulai", "selesai"})
    if start is not None and end is not None and not unreadable:
        actual = calendar.working_time(start, max(start, end))
    status: Status
    if unreadable or (mulai is None and selesai is not None):
        status = "Data Tidak Lengkap"
    elif mulai is None:
        status = "Belum Dimulai"
    elif _too_early(mulai, previous):
        status = "Urutan Salah"
    elif actual is None:
        status = "Belum Selesai"
    elif standard is not None and actual > standard:
        status = "Terlambat"
    else:
        status = "Tepat Waktu"
    return StepRun(
        periode=entry.periode,
        langkah=step.no,
        run_no=run_no,
        kegiatan=step.kegiatan,
        roles=step.pelaksana,
        pelaksana=entry.pelaksana,
        mulai=mulai,
        selesai=selesai,
        start=start,
        end=end,
        deadline=deadline,
        standard=standard,
        actual=actual,
        status=status,
        precision=precision,
        decision=decision,
        catatan=entry.catatan,
        baris=entry.baris,
    )


def _too_early(mulai: Moment, previous: StepRun | None) -> bool:
    """The run starts before the run logged before it ended (or, unfinished, before it started)."""
    if previous is None:
        return False
    if previous.selesai is not None:
        return is_before(mulai, previous.selesai)
    if previous.mulai is not None:
        return is_before(mulai, previous.mulai)
    return False


def _start(moment: Moment, calendar: WorkingCalendar) -> datetime:
    return moment if isinstance(moment, datetime) else calendar.day_start(moment)


def _end(moment: Moment, calendar: WorkingCalendar) -> datetime:
    return moment if isinstance(moment, datetime) else calendar.day_end(moment)


def _at(entry: LogEntry, sheet: str | None, pesan: str, nilai: object) -> Problem:
    return Problem(pesan, sheet=sheet, baris=entry.baris, kolom="Langkah", nilai=nilai)
