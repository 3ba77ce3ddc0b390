"""Program Kerja Kegiatan: an SOP's steps laid on the working calendar from a start moment.

The Tim SAKIP SOPs (Pengukuran and Pengumpulan Data Kinerja, step 3: "Tim SAKIP menyusun rencana
kegiatan", Output "Program Kerja Kegiatan") plan the measurement or collection before doing it.
The plan is the SOP itself (PermenPANRB 35/2012: every step has its Pelaksana and its Mutu Baku
Waktu) laid on the office's working time, by the rules the step log is measured with, so planned
and measured times agree:

- the first step starts at the start moment, moved to the next working moment (a date alone starts
  at that day's first working hour); each next step starts when the one before ends, moved to the
  next working moment (a step ending at 12.00 lets the next begin at 13.00, one ending at 16.00 the
  next working morning);
- a step ends at ``WorkingCalendar.deadline`` of its start and its Waktu: menit and jam as working
  minutes (breaks, evenings, weekends, national holidays and cuti bersama skipped), "n hari" and
  "n hari kerja" as n working days (a "1 hari" step begun Rabu 10.35 before a holiday Kamis ends
  Jumat 10.35), minggu as 5 and bulan as 22 working days;
- a decision step is planned once, on its YA path: the plan is the SOP done right the first time;
- a step without a Waktu (the archiving at the end) takes no planned time; a Waktu that cannot be
  read is a problem of the plan (``check_sop`` names it in the SOP sheet too).

The plan's length is its working time from first start to last end, in working minutes and in the
working days it touches. Against a deadline date (the date a Surat Edaran from Bappeda asks for):
met when the plan ends by the end of that working day; by how much is counted in working days:
those after the plan's end date up to the deadline (to spare), or after the deadline up to the
plan's end date (late).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.measure import whole_minutes
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.summary import describe_minutes
from xlwings_app.domain.sop.waktu import Duration, parse_waktu


@dataclass(frozen=True)
class LangkahProgram:
    """One planned step: the SOP's step with its planned start and end and its working time."""

    no: int
    kegiatan: str
    pelaksana: tuple[str, ...]
    kelengkapan: str
    waktu: str
    """Mutu Baku Waktu as the SOP writes it ("" when the SOP gives none)."""
    durasi: Duration | None
    output: str
    mulai: datetime
    selesai: datetime
    lama: timedelta
    """Working time from ``mulai`` to ``selesai``."""
    keputusan: bool = False
    """A decision step (YA/TIDAK), planned on its YA path."""

    @property
    def menit_kerja(self) -> int:
        return whole_minutes(self.lama)


@dataclass(frozen=True)
class Batas:
    """The plan against a deadline date: met or not, and by how many working days."""

    tanggal: date
    batas_waktu: datetime
    """The end of the deadline's working day (``WorkingCalendar.day_end``)."""
    terpenuhi: bool
    selisih_hari_kerja: int
    """Working days to spare when met, working days late when not (never negative)."""
    sumber: str = ""
    """Where the deadline comes from, e.g. "Surat Edaran Bappeda Nomor 050/123/427.50/2024"."""

    def uraian(self) -> str:
        """One Indonesian sentence: "Selesai 1 hari kerja sebelum batas waktu." and the like."""
        if self.terpenuhi and self.selisih_hari_kerja == 0:
            return "Selesai pada hari batas waktu."
        if self.terpenuhi:
            return f"Selesai {self.selisih_hari_kerja} hari kerja sebelum batas waktu."
        if self.selisih_hari_kerja == 0:
            return "Melewati batas waktu pada hari yang sama."
        return f"Melewati batas waktu {self.selisih_hari_kerja} hari kerja."


@dataclass(frozen=True)
class ProgramKerja:
    """The plan of one SOP run: its steps, start, end, length and deadline."""

    sop: str
    mulai: datetime
    selesai: datetime
    langkah: tuple[LangkahProgram, ...]
    lama: timedelta
    hari_kerja: int
    """Working days the plan touches, from its first start to its last end (both counted)."""
    hari_kalender: int
    menit_per_hari: int
    """The calendar's usual working day in minutes (450), to say the length in days."""
    batas: Batas | None = None
    masalah: tuple[Problem, ...] = ()

    @property
    def menit_kerja(self) -> int:
        return whole_minutes(self.lama)

    @property
    def lama_teks(self) -> str:
        """The length in words: "3 hari 2 jam 50 menit" (a hari being the usual working day)."""
        return describe_minutes(self.menit_kerja, self.menit_per_hari)

    def langkah_no(self, no: int) -> LangkahProgram | None:
        return next((s for s in self.langkah if s.no == no), None)


def susun_program(
    sop: Sop,
    mulai: datetime | date,
    calendar: WorkingCalendar,
    batas: date | None = None,
    sumber_batas: str = "",
    *,
    sheet: str | None = None,
) -> ProgramKerja:
    """The Program Kerja Kegiatan of ``sop`` begun at ``mulai`` (rules in the module docstring).

    ``batas`` is the deadline date to compare with (None: no deadline); ``sheet`` names the SOP
    sheet in the problems of unreadable Waktu.
    """
    cursor = calendar.day_start(mulai) if not isinstance(mulai, datetime) else mulai
    cursor = calendar.next_working_moment(cursor)
    first = cursor
    steps: list[LangkahProgram] = []
    problems: list[Problem] = []
    for step in sop.steps:
        start = calendar.next_working_moment(cursor)
        duration: Duration | None = None
        if step.waktu.strip():
            parsed = parse_waktu(step.waktu, sheet=sheet, baris=step.baris)
            if isinstance(parsed, Duration):
                duration = parsed
            else:
                problems.append(Problem(f"Langkah {step.no}: {parsed.pesan} Program Kerja menghitungnya tanpa waktu.",
                                        sheet=sheet, baris=step.baris, kolom="Waktu", nilai=step.waktu))  # fmt: skip
        else:
            problems.append(Problem(f"Langkah {step.no} tanpa Mutu Baku Waktu: direncanakan tanpa lama waktu.",
                                    sheet=sheet, baris=step.baris, kolom="Waktu", tingkat="catatan"))  # fmt: skip
        end = start if duration is None else calendar.deadline(start, duration)
        steps.append(LangkahProgram(
            no=step.no, kegiatan=step.kegiatan, pelaksana=step.pelaksana, kelengkapan=step.kelengkapan,
            waktu=step.waktu, durasi=duration, output=step.output, mulai=start, selesai=end,
            lama=calendar.working_time(start, end), keputusan=step.is_decision,
        ))  # fmt: skip
        cursor = end
    last = steps[-1].selesai if steps else first
    compared = None if batas is None else bandingkan_batas(last, batas, calendar, sumber_batas)
    return ProgramKerja(
        sop=sop.nama,
        mulai=first,
        selesai=last,
        langkah=tuple(steps),
        lama=calendar.working_time(first, last),
        hari_kerja=hari_kerja(calendar, first.date(), last.date()),
        hari_kalender=(last.date() - first.date()).days + 1,
        menit_per_hari=whole_minutes(calendar.nominal_day),
        batas=compared,
        masalah=tuple(problems),
    )


def bandingkan_batas(selesai: datetime, batas: date, calendar: WorkingCalendar, sumber: str = "") -> Batas:
    """``selesai`` against the deadline date ``batas``: met when not after the end of its working day.

    The difference is the number of working days after the earlier date up to and including the
    later one (a plan ending Selasa against a deadline Kamis with a holiday Rabu: 1 day to spare).
    """
    deadline = calendar.day_end(batas)
    met = selesai <= deadline
    if met:
        spare = _working_days_after(calendar, selesai.date(), batas)
    else:
        spare = _working_days_after(calendar, batas, selesai.date())
    return Batas(batas, deadline, met, spare, sumber)


def hari_kerja(calendar: WorkingCalendar, first: date, last: date) -> int:
    """Working days from ``first`` to ``last``, both counted (0 when ``last`` is before ``first``)."""
    count, day = 0, first
    while day <= last:
        count += calendar.is_working_day(day)
        day += timedelta(days=1)
    return count


def _working_days_after(calendar: WorkingCalendar, earlier: date, later: date) -> int:
    return hari_kerja(calendar, earlier + timedelta(days=1), later)
