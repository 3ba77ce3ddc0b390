"""The Program Kerja against the step log: planned and actual start and end of every step.

Two questions differ. The SOP report (``domain.sop.measure``) asks whether each run kept its own
Mutu Baku Waktu. This asks whether the work kept the plan (the Program Kerja Kegiatan of the Tim
SAKIP SOPs, step 3): a step done in its standard time may still end after its planned end because
an earlier step slipped. Per step of the plan, from the log rows of one period:

- the actual start is the first run's start and the actual end the last run's end (a decision
  answered TIDAK repeats steps: every run of the step counts, ``putaran`` says how many); moments
  are read as the SOP report reads them (a date alone is its whole working day);
- status, first rule that holds: "Data Tidak Lengkap" (a run's Mulai or Selesai unreadable, or
  Selesai without Mulai); "Belum Dimulai" (no run started); "Belum Selesai" (the last run not
  finished); "Melewati Rencana" (ended after the planned end); else "Sesuai Rencana";
- the difference: working minutes from the planned end to the actual end (positive: later than
  planned), and working days between their dates (positive: later). A date alone in the log is
  compared by date: its minutes are not known, and it keeps the plan when it is not after the
  planned end's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from xlwings_app.domain.administrasi.program_kerja import ProgramKerja, hari_kerja
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.log import LogEntry, Moment
from xlwings_app.domain.sop.measure import Precision, StepRun, measure_period, whole_minutes
from xlwings_app.domain.sop.model import Sop

StatusRencana = Literal["Sesuai Rencana", "Melewati Rencana", "Belum Selesai", "Belum Dimulai", "Data Tidak Lengkap"]


@dataclass(frozen=True)
class BandingLangkah:
    """One step: the plan, what the log says, and the difference."""

    no: int
    kegiatan: str
    rencana_mulai: datetime
    rencana_selesai: datetime
    mulai: Moment | None
    """As logged: the first run's Mulai."""
    selesai: Moment | None
    """As logged: the last run's Selesai (None while it is not finished)."""
    putaran: int
    status: StatusRencana
    presisi: Precision
    selisih_menit: int | None
    """Working minutes from the planned end to the actual end; None when not finished or by date."""
    selisih_hari_kerja: int | None
    """Working days from the planned end's date to the actual end's date (negative: earlier)."""


def banding_program(
    program: ProgramKerja, sop: Sop, entries: Sequence[LogEntry], calendar: WorkingCalendar
) -> tuple[BandingLangkah, ...]:
    """Every planned step of ``program`` against the log rows of one period (rules above).

    ``entries`` are the period's rows in log order, as ``domain.sop.log.read_log_row`` gives them.
    """
    runs = measure_period(sop, list(entries), calendar).runs
    return tuple(_compare(step.no, step.kegiatan, step.mulai, step.selesai,
                          [r for r in runs if r.langkah == step.no], calendar)
                 for step in program.langkah)  # fmt: skip


def _compare(
    no: int, kegiatan: str, planned_start: datetime, planned_end: datetime, runs: list[StepRun],
    calendar: WorkingCalendar,
) -> BandingLangkah:  # fmt: skip
    first = runs[0] if runs else None
    last = runs[-1] if runs else None
    precision: Precision = "hari" if any(r.precision == "hari" for r in runs) else "menit"
    status: StatusRencana
    minutes = days = None
    if any(r.status == "Data Tidak Lengkap" for r in runs):
        status = "Data Tidak Lengkap"
    elif first is None or first.start is None:
        status = "Belum Dimulai"
    elif last is None or last.end is None or last.selesai is None:
        status = "Belum Selesai"
    else:
        end_day = _day(last.selesai)
        days = _signed_working_days(calendar, planned_end.date(), end_day)
        if precision == "hari":
            late = end_day > planned_end.date()
        else:
            late = last.end > planned_end
            span = calendar.working_time(*sorted((planned_end, last.end)))
            minutes = whole_minutes(span) * (1 if late else -1)
        status = "Melewati Rencana" if late else "Sesuai Rencana"
    return BandingLangkah(
        no=no, kegiatan=kegiatan, rencana_mulai=planned_start, rencana_selesai=planned_end,
        mulai=first.mulai if first else None, selesai=last.selesai if last else None, putaran=len(runs),
        status=status, presisi=precision, selisih_menit=minutes, selisih_hari_kerja=days,
    )  # fmt: skip


def _day(moment: Moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _signed_working_days(calendar: WorkingCalendar, planned: date, actual: date) -> int:
    if actual >= planned:
        return hari_kerja(calendar, planned, actual) - calendar.is_working_day(planned)
    return -(hari_kerja(calendar, actual, planned) - calendar.is_working_day(actual))
