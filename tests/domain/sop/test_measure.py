"""Measuring a period's step log: every run on its own, TIDAK loops, statuses and the summary."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from xlwings_app.domain.problems import errors, notices
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.log import LogEntry, Moment
from xlwings_app.domain.sop.measure import measure_period
from xlwings_app.domain.sop.presets import preset
from xlwings_app.domain.sop.summary import check_log, describe_minutes

CAL = WorkingCalendar()
TIM_SAKIP = preset("pengukuran-tim-sakip")  # decision: step 8, TIDAK returns to step 7


def moment(text: str) -> Moment | None:
    if not text:
        return None
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


def log(*rows: tuple[int, str, str], periode: str = "TW3") -> list[LogEntry]:
    """Rows as (langkah, mulai, selesai); log rows start at sheet row 2."""
    return [
        LogEntry(periode, langkah, "Petugas", moment(mulai), moment(selesai), baris=index)
        for index, (langkah, mulai, selesai) in enumerate(rows, start=2)
    ]


# Senin 1 Juli 2024 onwards; the Sekretaris sends the report back once (8 TIDAK -> 7, then 8 YA).
ONE_REVISION = log(
    (1, "2024-07-01 08:00", "2024-07-01 08:05"),  # 5 of 5 menit
    (2, "2024-07-01 08:30", "2024-07-01 09:45"),  # 75 of 60 menit
    (3, "2024-07-01 10:00", "2024-07-01 13:30"),  # 150 of 120 (the break does not count)
    (4, "2024-07-01 13:30", "2024-07-01 15:30"),  # 120 of 120
    (5, "2024-07-02 08:00", "2024-07-02 15:00"),  # 360 of 1 hari = 450
    (6, "2024-07-03 08:00", "2024-07-03 10:00"),  # 120 of 120
    (7, "2024-07-03 10:00", "2024-07-03 10:20"),  # 20 of 30
    (8, "2024-07-03 10:30", "2024-07-03 14:00"),  # 150 of 90, answered TIDAK
    (7, "2024-07-04 08:00", "2024-07-04 08:30"),  # run 2: 30 of 30
    (8, "2024-07-04 08:30", "2024-07-04 09:30"),  # run 2: 60 of 90, answered YA
    (9, "2024-07-04 09:30", ""),
    (10, "", ""),
)


def test_a_log_with_a_tidak_loop_measures_every_run() -> None:
    measured = measure_period(TIM_SAKIP, ONE_REVISION, CAL)
    assert measured.problems == ()
    assert measured.revision_rounds == 1
    table = [
        (
            r.langkah,
            r.run_no,
            r.standard_minutes,
            r.actual_minutes,
            r.difference_minutes,
            r.status,
            r.decision,
        )
        for r in measured.runs
    ]
    assert table == [
        (1, 1, 5, 5, 0, "Tepat Waktu", None),
        (2, 1, 60, 75, 15, "Terlambat", None),
        (3, 1, 120, 150, 30, "Terlambat", None),
        (4, 1, 120, 120, 0, "Tepat Waktu", None),
        (5, 1, 450, 360, -90, "Tepat Waktu", None),
        (6, 1, 120, 120, 0, "Tepat Waktu", None),
        (7, 1, 30, 20, -10, "Tepat Waktu", None),
        (8, 1, 90, 150, 60, "Terlambat", "TIDAK"),
        (7, 2, 30, 30, 0, "Tepat Waktu", None),
        (8, 2, 90, 60, -30, "Tepat Waktu", "YA"),
        (9, 1, 30, None, None, "Belum Selesai", None),
        (10, 1, None, None, None, "Belum Dimulai", None),
    ]
    assert measured.runs[4].deadline == datetime(2024, 7, 3, 8, 0)
    assert measured.runs[10].deadline == datetime(2024, 7, 4, 10, 0)


def test_the_period_summary() -> None:
    (summary,), problems = check_log(TIM_SAKIP, ONE_REVISION, CAL)
    assert problems == []
    assert summary.periode == "TW3"
    assert summary.status_counts == {
        "Tepat Waktu": 7,
        "Terlambat": 3,
        "Tanpa Standar": 0,
        "Dicatat Otomatis": 0,
        "Belum Selesai": 1,
        "Belum Dimulai": 1,
        "Data Tidak Lengkap": 0,
        "Urutan Salah": 0,
    }
    assert summary.share_on_time == Decimal("70.00")
    assert (summary.standard_minutes, summary.actual_minutes) == (1115, 1090)
    assert summary.sop_standard_minutes == 1025  # each step once; step 10 has no Waktu
    assert summary.cycle_start == datetime(2024, 7, 1, 8, 0)
    assert summary.cycle_end == datetime(2024, 7, 4, 9, 30)
    assert summary.cycle_working_minutes == 420 + 450 + 450 + 120
    assert summary.cycle_calendar_days == 4
    assert [(r.langkah, r.run_no, r.difference_minutes) for r in summary.longest_delays] == [
        (8, 1, 60),
        (3, 1, 30),
        (2, 1, 15),
    ]
    assert summary.revision_rounds == 1
    assert not summary.all_finished


def test_two_revision_rounds_at_kominfo() -> None:
    kominfo = preset("pengukuran-kominfo")  # step 7 TIDAK returns to step 6
    rows = log(
        *[(n, f"2024-07-0{n} 08:00", f"2024-07-0{n} 09:00") for n in range(1, 6)],
        (6, "2024-07-08 08:00", "2024-07-08 09:00"),
        (7, "2024-07-08 09:00", "2024-07-08 10:00"),
        (6, "2024-07-09 08:00", "2024-07-09 09:00"),
        (7, "2024-07-09 09:00", "2024-07-09 10:00"),
        (6, "2024-07-10 08:00", "2024-07-10 09:00"),
        (7, "2024-07-10 09:00", "2024-07-10 10:00"),
        (8, "2024-07-10 10:00", "2024-07-10 11:00"),
        (9, "2024-07-10 11:00", "2024-07-10 12:00"),
    )
    # 6 and 7 July 2024 are a weekend: steps 1-5 on 1-5 July
    measured = measure_period(kominfo, rows, CAL)
    assert measured.problems == ()
    assert measured.revision_rounds == 2
    assert [(r.langkah, r.run_no) for r in measured.runs if r.langkah in (6, 7)] == [
        (6, 1),
        (7, 1),
        (6, 2),
        (7, 2),
        (6, 3),
        (7, 3),
    ]
    assert [r.decision for r in measured.runs if r.langkah == 7] == ["TIDAK", "TIDAK", "YA"]


def test_a_step_starting_before_its_predecessor_ended_is_urutan_salah() -> None:
    rows = log(
        (1, "2024-07-01 08:00", "2024-07-01 09:00"),
        (2, "2024-07-01 08:30", "2024-07-01 09:00"),
        (3, "2024-07-01 09:00", ""),
    )
    statuses = [r.status for r in measure_period(TIM_SAKIP, rows, CAL).runs]
    assert statuses == ["Terlambat", "Urutan Salah", "Belum Selesai"]


def test_dates_alone_are_compared_by_day() -> None:
    rows = log(
        (1, "2024-07-01", "2024-07-01"),  # 5 menit, logged by day: on time that day
        (2, "2024-07-01", "2024-07-02"),  # 60 menit over two days: late
        (3, "2024-07-02", "2024-07-02 11:00"),
    )
    runs = measure_period(TIM_SAKIP, rows, CAL).runs
    assert [(r.status, r.precision) for r in runs] == [
        ("Tepat Waktu", "hari"),
        ("Terlambat", "hari"),
        ("Tepat Waktu", "hari"),
    ]
    assert runs[0].start == datetime(2024, 7, 1, 7, 30) and runs[0].end == datetime(2024, 7, 1, 16, 0)
    assert runs[0].deadline == datetime(2024, 7, 1, 16, 0)
    assert runs[1].actual_minutes == 900


def test_incomplete_and_unreadable_rows() -> None:
    rows = [
        *log((1, "", "2024-07-01 09:00")),
        LogEntry("TW3", 2, mulai=datetime(2024, 7, 1, 9), invalid=frozenset({"selesai"}), baris=3),
    ]
    assert [r.status for r in measure_period(TIM_SAKIP, rows, CAL).runs] == [
        "Data Tidak Lengkap",
        "Data Tidak Lengkap",
    ]


def test_a_step_without_waktu_is_tanpa_standar_once_finished_and_not_in_the_share() -> None:
    rows = log(*[(n, f"2024-07-01 {7 + n:02d}:30", f"2024-07-01 {7 + n:02d}:35") for n in range(1, 8)])
    rows += log(
        (8, "2024-07-01 15:00", "2024-07-01 15:05"),
        (9, "2024-07-01 15:10", "2024-07-01 15:15"),
        (10, "2024-07-05 08:00", "2024-07-12 08:00"),
    )
    runs = measure_period(TIM_SAKIP, rows, CAL).runs
    last = runs[-1]
    assert (last.langkah, last.standard, last.status) == (10, None, "Tanpa Standar")
    assert last.actual_minutes == 5 * 450 and last.difference_minutes is None and not last.judged
    assert last.standard_text == "Tanpa standar" and runs[4].standard_text == "1 hari"
    (summary,), _ = check_log(TIM_SAKIP, rows, CAL)
    judged = [r for r in runs if r.judged]
    assert len(judged) == 9 and summary.actual_minutes == sum(r.actual_minutes or 0 for r in judged)


def test_sequence_problems_are_collected() -> None:
    rows = log(
        (1, "2024-07-01 08:00", "2024-07-01 08:05"),
        (2, "2024-07-01 08:30", "2024-07-01 09:00"),
        (1, "2024-07-01 09:00", "2024-07-01 09:05"),  # back without a decision
        (11, "", ""),  # no such step
        (8, "2024-07-01 10:00", "2024-07-01 11:00"),
        (5, "2024-07-01 11:00", "2024-07-01 11:30"),  # TIDAK goes to 7, not 5
    )
    found = measure_period(TIM_SAKIP, rows, CAL, sheet="Log Langkah").problems
    assert [(p.baris, p.kolom) for p in errors(found)] == [(5, "Langkah"), (4, "Langkah"), (7, "Langkah")]
    assert "Langkah 11 tidak ada di SOP Pengukuran Kinerja (langkah 1 sampai 10)." in errors(found)[0].pesan
    assert "langkah 8 kembali ke 7" in errors(found)[1].pesan
    assert [p.pesan for p in notices(found)] == ["Periode TW3: langkah 3, 4, 6, 7, 9, 10 tidak ada di log."]


def test_check_log_by_period() -> None:
    rows = ONE_REVISION + log((1, "2024-10-01 08:00", "2024-10-01 08:10"), periode="TW4")
    summaries, _ = check_log(TIM_SAKIP, rows, CAL)
    assert [s.periode for s in summaries] == ["TW3", "TW4"]
    only, problems = check_log(TIM_SAKIP, rows, CAL, periode="tw iv")
    assert [s.periode for s in only] == ["TW4"]
    assert only[0].share_on_time == Decimal("0.00")
    assert [p.pesan for p in notices(problems)] == [
        "Periode TW4: langkah 2, 3, 4, 5, 6, 7, 8, 9, 10 tidak ada di log."
    ]
    none, problems = check_log(TIM_SAKIP, rows, CAL, periode="TW1")
    assert none == [] and [p.pesan for p in problems] == ["Periode TW1 tidak ada di log."]


def test_an_unanswered_decision_is_unknown() -> None:
    rows = log(*[(n, f"2024-07-01 {7 + n:02d}:30", f"2024-07-01 {7 + n:02d}:35") for n in range(1, 8)])
    rows += log((8, "2024-07-01 15:00", ""), (9, "", ""), (10, "", ""))
    decisions = [r.decision for r in measure_period(TIM_SAKIP, rows, CAL).runs if r.langkah == 8]
    assert decisions == [None]  # begun, not finished: YA or TIDAK is not known yet


def test_describe_minutes_in_working_days() -> None:
    assert describe_minutes(1040) == "2 hari 2 jam 20 menit"
    assert describe_minutes(450) == "1 hari"
    assert describe_minutes(0) == "0 menit"
    assert describe_minutes(-90) == "-1 jam 30 menit"
    assert describe_minutes(None) == "-"


# --- a step's time is what the people logged ----------------------------------------------------

OTOMATIS_LAPORAN = "Dicatat otomatis (kinerja laporan) pada Mulai dan Selesai: Pengukuran_Kinerja_2024_TW3.docx"


def test_a_run_kinerja_stamped_at_both_ends_is_not_measured() -> None:
    rows = log((1, "2024-07-01 08:00", "2024-07-01 08:05"), (2, "2024-07-01 09:00", "2024-07-01 10:30"))
    stamped = LogEntry("TW3", 3, "NURUL", datetime(2024, 7, 1, 10, 30), datetime(2024, 7, 1, 10, 30),
                       OTOMATIS_LAPORAN, baris=4)  # fmt: skip
    runs = measure_period(TIM_SAKIP, [*rows, stamped], CAL).runs
    auto = runs[-1]
    assert auto.status == "Dicatat Otomatis" and auto.actual is None and auto.difference_minutes is None
    assert auto.otomatis == {"mulai", "selesai"} and not auto.judged and auto.finished
    assert auto.keterangan == ("Mulai dan Selesai dicatat otomatis oleh Kinerja: waktu kerja tidak diukur.",)
    (summary,), _ = check_log(TIM_SAKIP, [*rows, stamped], CAL)
    assert summary.share_on_time == Decimal("50.00")  # 1 of the 2 measured runs; Kinerja's stamp not judged
    assert summary.cycle_end == datetime(2024, 7, 1, 10, 30)  # it still marks when the step was done


def test_a_persons_mulai_with_kinerjas_selesai_is_measured() -> None:
    """Step 5 "(4 hari)" of seed 000 begun by the Kasubbag on Monday, its end stamped by the rekap."""
    lumajang = preset("pengukuran-lumajang")
    rows = [LogEntry("TW3", n, "X", datetime(2024, 7, 1, 8, n), datetime(2024, 7, 1, 8, n + 1), baris=n + 1)
            for n in range(1, 5)]  # fmt: skip
    rows.append(LogEntry("TW3", 5, "NURUL", datetime(2024, 7, 1, 9, 0), datetime(2024, 7, 4, 15, 0),
                         "Dicatat otomatis (kinerja rekap) pada Selesai: 6 formulir", baris=6))  # fmt: skip
    step5 = measure_period(lumajang, rows, CAL).runs[-1]
    assert step5.status == "Tepat Waktu" and step5.standard_text == "4 hari"
    assert step5.actual_minutes == 3 * 450 + 360 - 60  # Senin 09.00 to Kamis 15.00 in working time
    assert step5.otomatis == {"selesai"}


def test_both_ends_stamped_by_two_commands_are_not_measured() -> None:
    """Seed 000 step 5: Mulai when the forms went out, Selesai at the rekap: both Kinerja's clock."""
    lumajang = preset("pengukuran-lumajang")
    note = ("Dicatat otomatis (kinerja formulir) pada Mulai: 8 formulir; "
            "Dicatat otomatis (kinerja rekap) pada Selesai: 8 formulir, 0 perubahan")  # fmt: skip
    rows = [LogEntry("TW3", n, "X", datetime(2024, 7, 1, 8, n), datetime(2024, 7, 1, 8, n + 1), baris=n + 1)
            for n in range(1, 5)]  # fmt: skip
    rows.append(LogEntry("TW3", 5, "", datetime(2024, 7, 1, 9, 0), datetime(2024, 7, 1, 9, 0), note, baris=6))
    step5 = measure_period(lumajang, rows, CAL).runs[-1]
    assert step5.status == "Dicatat Otomatis" and step5.actual_minutes is None


def test_the_forms_returned_end_is_peoples_time() -> None:
    """The collection ends when the last form was saved Final: measured against the standard."""
    kumpul = preset("pengumpulan-data-tim-sakip")
    rows = [LogEntry("TW3", n, "X", datetime(2024, 7, 1, 8, n), datetime(2024, 7, 1, 8, n + 1), baris=n + 1)
            for n in range(1, 7)]  # fmt: skip
    rows.append(LogEntry("TW3", 7, "", datetime(2024, 7, 1, 9, 0), datetime(2024, 7, 3, 11, 0),
                         "Dicatat otomatis (kinerja rekap, formulir masuk) pada Mulai dan Selesai: A Final", baris=8))
    step7 = measure_period(kumpul, rows, CAL).runs[-1]
    assert step7.otomatis == {"mulai"} and step7.status == "Terlambat"  # 2 days 2 hours of "1 hari"


def test_an_old_mark_without_its_cells_is_not_measured() -> None:
    """A log Kinerja stamped before the cells were named: its run times were the command's own."""
    rows = log((1, "2024-07-01 08:00", "2024-07-01 08:05"))
    old = LogEntry("TW3", 2, "", datetime(2024, 7, 1, 9, 15), datetime(2024, 7, 1, 9, 15),
                   "Dicatat otomatis (kinerja rekap): 8 formulir", baris=3)  # fmt: skip
    assert measure_period(TIM_SAKIP, [*rows, old], CAL).runs[-1].status == "Dicatat Otomatis"


def test_work_logged_on_a_holiday_counts_with_a_note() -> None:
    # 17 Agustus 2024 (Sabtu) is Hari Kemerdekaan; 7 September 2024 a plain Saturday
    rows = log(
        (1, "2024-08-17 08:00", "2024-08-17 09:00"),  # 5 menit standard, one hour on the holiday
        (2, "2024-09-07 08:00", "2024-09-07 08:45"),
        (3, "2024-09-09 08:00", "2024-09-09 09:00"),
    )
    runs = measure_period(TIM_SAKIP, rows, CAL).runs
    assert [r.actual_minutes for r in runs] == [60, 45, 60]
    assert runs[0].status == "Terlambat" and runs[1].status == "Tepat Waktu"
    assert "libur nasional" in runs[0].keterangan[0] and "17-08-2024" in runs[0].keterangan[0]
    assert runs[1].keterangan == ("Dikerjakan pada hari Sabtu, bukan hari kerja (07-09-2024): dihitung sebagai "
                                  "hari kerja.",)  # fmt: skip
    assert runs[2].keterangan == ()


def test_a_day_off_of_the_kalender_counts_with_its_reason() -> None:
    cuti = WorkingCalendar(days_off=frozenset({date(2024, 7, 2)}))
    runs = measure_period(TIM_SAKIP, log((1, "2024-07-02 08:00", "2024-07-02 08:04")), cuti).runs
    assert runs[0].actual_minutes == 4 and "hari libur tambahan di sheet Kalender" in runs[0].keterangan[0]


def test_a_moment_outside_working_hours_is_said() -> None:
    runs = measure_period(TIM_SAKIP, log((1, "2024-07-01 15:55", "2024-07-01 17:30")), CAL).runs
    assert runs[0].actual_minutes == 5
    assert runs[0].keterangan == ("Selesai 17.30 di luar jam kerja: waktu di luar jam kerja tidak dihitung.",)
