"""Measuring the runs of SOP steps in one period against their Mutu Baku Waktu.

Every log row is one run of a step, measured on its own. The rows of a period are read in log order:
a step may only come back after a decision step answered TIDAK, to the step the SOP names
(PermenPANRB 35/2012: the decision symbol's TIDAK arrow returns to an earlier step); each such return
is one revision round.

A run's actual time is what the people logged, in working time (``calendar``):
- a Mulai and Selesai both stamped by Kinerja (``otomatis.waktu_kinerja``: the moment a command ran,
  which marks when the step was done) measure nothing: the run is "Dicatat Otomatis", its working
  time not measured and not judged against the standard;
- a step the SOP gives no Waktu is "Tanpa Standar" once finished: measured, never judged;
- a Mulai or Selesai logged on a day that is not a working day (a weekend, a national holiday, a
  day off of sheet Kalender) counts that day as a working day for this run, with its weekday's hours
  (Senin-Kamis hours for Sabtu and Minggu), as a Hari Kerja Tambahan would, and a note says so;
  a moment logged outside the working hours of its day gets a note that the time outside is not
  counted (a working day's length is the SOP's unit, Perpres 21/2023).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.log import LogEntry, Moment, is_before, is_date_only
from xlwings_app.domain.sop.model import Sop, Step
from xlwings_app.domain.sop.otomatis import Kolom, waktu_kinerja

Status = Literal[
    "Tepat Waktu", "Terlambat", "Tanpa Standar", "Dicatat Otomatis", "Belum Selesai", "Belum Dimulai",
    "Data Tidak Lengkap", "Urutan Salah",
]
STATUSES: tuple[Status, ...] = (
    "Tepat Waktu",
    "Terlambat",
    "Tanpa Standar",
    "Dicatat Otomatis",
    "Belum Selesai",
    "Belum Dimulai",
    "Data Tidak Lengkap",
    "Urutan Salah",
)
Precision = Literal["menit", "hari"]
Decision = Literal["YA", "TIDAK"]
TANPA_STANDAR = "Tanpa standar"
"""How a step without a Waktu is shown where its standard would be."""
OTOMATIS = "Mulai dan Selesai dicatat otomatis oleh Kinerja: waktu kerja tidak diukur."
UNFINISHED: frozenset[Status] = frozenset({"Belum Selesai", "Belum Dimulai", "Data Tidak Lengkap"})
"""Statuses of a run whose Mulai and Selesai are not both known."""


@dataclass(frozen=True)
class StepRun:
    """One measured run of a step.

    ``start``/``end`` are the moments measured from (a date alone as Mulai is the start of that
    working day, as Selesai its end); ``standard`` and ``actual`` are working time; ``precision`` is
    "hari" when a date alone was logged, and then the deadline is the end of its working day.
    ``waktu`` is the step's Mutu Baku Waktu as the SOP states it ("4 hari"); ``otomatis`` the cells
    Kinerja's clock filled; ``keterangan`` the notes of the measurement (holiday work, automatic
    stamps, no standard).
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
    waktu: str = ""
    otomatis: frozenset[Kolom] = frozenset()
    keterangan: tuple[str, ...] = ()

    @property
    def finished(self) -> bool:
        """Mulai and Selesai are both known and readable."""
        return self.status not in UNFINISHED

    @property
    def measured(self) -> bool:
        """The people's working time is known (not Kinerja's own clock)."""
        return self.actual is not None

    @property
    def judged(self) -> bool:
        """Measured against a standard: counts in the on-time share."""
        return self.actual is not None and self.standard is not None and self.status != "Tanpa Standar"

    @property
    def standard_text(self) -> str:
        """The standard as the SOP states it ("4 hari", "15 Menit"), or "Tanpa standar"."""
        return self.waktu or TANPA_STANDAR

    @property
    def standard_minutes(self) -> int | None:
        return None if self.standard is None else whole_minutes(self.standard)

    @property
    def actual_minutes(self) -> int | None:
        return None if self.actual is None else whole_minutes(self.actual)

    @property
    def difference_minutes(self) -> int | None:
        """Actual minus standard, in working minutes; positive is late."""
        if not self.judged or self.standard is None or self.actual is None:
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
    Selesai); "Dicatat Otomatis" (Mulai and Selesai both Kinerja's clock: not measured);
    "Tanpa Standar" (the step has no Waktu: measured, not judged); "Terlambat" (actual working time
    over the standard); else "Tepat Waktu".
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


def _day(moment: Moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _hari_libur(
    entry: LogEntry, automatic: frozenset[Kolom], calendar: WorkingCalendar
) -> tuple[WorkingCalendar, list[str]]:
    """The calendar of this run (days off a person logged work on counted as working days) and the
    notes saying so. A moment of Kinerja's clock does not make a day a working day."""
    days: dict[date, str] = {}
    for kolom, moment in (("mulai", entry.mulai), ("selesai", entry.selesai)):
        if moment is None or kolom in automatic or kolom in entry.invalid:
            continue
        reason = calendar.day_off(_day(moment))
        if reason is not None:
            days.setdefault(_day(moment), reason)
    notes = [f"Dikerjakan pada {reason} ({day:%d-%m-%Y}): dihitung sebagai hari kerja." for day, reason in sorted(days.items())]
    return calendar.with_working_days(frozenset(days)), notes


def _outside_hours(entry: LogEntry, automatic: frozenset[Kolom], calendar: WorkingCalendar) -> list[str]:
    """Notes for a logged moment outside its day's working hours (that time is not counted)."""
    notes = []
    for kolom, label, moment in (("mulai", "Mulai", entry.mulai), ("selesai", "Selesai", entry.selesai)):
        if not isinstance(moment, datetime) or kolom in automatic:
            continue
        spans = calendar.intervals(moment.date())
        if spans and not any(a <= moment <= b for a, b in spans):
            notes.append(f"{label} {moment:%H.%M} di luar jam kerja: waktu di luar jam kerja tidak dihitung.")
    return notes


def _run(
    entry: LogEntry,
    step: Step,
    run_no: int,
    previous: StepRun | None,
    decision: Decision | None,
    calendar: WorkingCalendar,
) -> StepRun:
    mulai, selesai = entry.mulai, entry.selesai
    automatic = waktu_kinerja(entry.catatan) & frozenset(k for k, v in (("mulai", mulai), ("selesai", selesai)) if v is not None)
    both_automatic = automatic == {"mulai", "selesai"}
    calendar, notes = _hari_libur(entry, automatic, calendar)
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
    if start is not None and end is not None and not unreadable and not both_automatic:
        actual = calendar.working_time(start, max(start, end))
    status: Status
    if unreadable or (mulai is None and selesai is not None):
        status = "Data Tidak Lengkap"
    elif mulai is None:
        status = "Belum Dimulai"
    elif _too_early(mulai, previous):
        status = "Urutan Salah"
    elif selesai is None:
        status = "Belum Selesai"
    elif both_automatic:
        status = "Dicatat Otomatis"
    elif duration is None:
        status = "Tanpa Standar"
    elif actual is not None and standard is not None and actual > standard:
        status = "Terlambat"
    else:
        status = "Tepat Waktu"
    if status == "Dicatat Otomatis":
        notes = [OTOMATIS]
    elif status not in UNFINISHED:
        notes += _outside_hours(entry, automatic, calendar)
    if duration is None and status not in UNFINISHED:
        notes.append("SOP tidak menetapkan Waktu untuk langkah ini.")
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
        waktu=step.waktu,
        otomatis=automatic,
        keterangan=tuple(notes),
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
