"""The Program Kerja against the step log: a row per planned step, planned and actual side by side."""

from __future__ import annotations

from datetime import date, datetime

from xlwings_app.domain.administrasi.perbandingan import banding_program
from xlwings_app.domain.administrasi.program_kerja import susun_program
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.log import LogEntry, Moment
from xlwings_app.domain.sop.measure import measure_period
from xlwings_app.domain.sop.presets import preset

CAL = WorkingCalendar()
SOP = preset("pengumpulan-data-tim-sakip")
# planned (test_program_kerja): 1 ends Rab 7 Feb 07.35, 2 08.35, 3 10.35, 4 Jum 9 Feb 10.35, 5 Jum 14.05,
# 6 Jum 14.10, 7 Sen 12 Feb 13.40, 8 15.40, 9 Sel 13 Feb 07.40, 10 09.10, 11 09.40, 12 09.40
PLAN = susun_program(SOP, datetime(2024, 2, 7, 7, 30), CAL)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def row(langkah: int, mulai: Moment | None, selesai: Moment | None, baris: int, invalid: frozenset[str] = frozenset()
        ) -> LogEntry:  # fmt: skip
    return LogEntry("TW1", langkah, "", mulai, selesai, baris=baris, invalid=invalid)


def test_each_step_is_kept_or_overrun_against_its_planned_end() -> None:
    log = [
        row(1, at("2024-02-07 07:30"), at("2024-02-07 07:34"), 5),
        row(2, at("2024-02-07 07:40"), at("2024-02-07 08:50"), 6),
        row(3, at("2024-02-07 09:00"), at("2024-02-07 10:20"), 7),
        row(4, date(2024, 2, 7), date(2024, 2, 9), 8),
        row(5, at("2024-02-12 08:00"), at("2024-02-12 09:00"), 9),
        row(6, at("2024-02-12 09:10"), None, 10),
    ]
    rows = {r.no: r for r in banding_program(PLAN, SOP, log, CAL)}
    assert [r.no for r in rows.values()] == list(range(1, 13))
    assert (rows[1].status, rows[1].selisih_menit) == ("Sesuai Rencana", -1)  # 07.34 against 07.35
    assert (rows[2].status, rows[2].selisih_menit) == ("Melewati Rencana", 15)  # 08.50 against 08.35
    # step 3 ran 80 minutes (within its own 120) and still ended before its planned 10.35
    assert (rows[3].status, rows[3].selisih_menit, rows[3].selisih_hari_kerja) == ("Sesuai Rencana", -15, 0)
    # dates alone: compared by date (Jumat 9 Februari, as planned); no minutes are known
    assert (rows[4].status, rows[4].presisi, rows[4].selisih_menit) == ("Sesuai Rencana", "hari", None)
    # planned Jumat 14.05, done Senin 09.00: Jumat 14.05-16.30 (145) + Senin 07.30-09.00 (90) later
    assert (rows[5].status, rows[5].selisih_menit, rows[5].selisih_hari_kerja) == ("Melewati Rencana", 235, 1)
    assert (rows[6].status, rows[6].mulai, rows[6].selesai) == ("Belum Selesai", at("2024-02-12 09:10"), None)
    assert {rows[n].status for n in range(7, 13)} == {"Belum Dimulai"}
    assert rows[5].rencana_selesai == at("2024-02-09 14:05") and rows[5].putaran == 1


def test_a_step_repeated_after_tidak_counts_from_its_first_start_to_its_last_end() -> None:
    log = [
        row(9, at("2024-02-13 08:00"), at("2024-02-13 08:30"), 9),
        row(10, at("2024-02-13 08:30"), at("2024-02-13 09:00"), 10),  # the Sekretaris says TIDAK
        row(9, at("2024-02-13 10:00"), at("2024-02-13 10:20"), 11),
        row(10, at("2024-02-13 10:30"), at("2024-02-13 10:45"), 12),
    ]
    rows = {r.no: r for r in banding_program(PLAN, SOP, log, CAL)}
    nine = rows[9]
    assert (nine.putaran, nine.mulai, nine.selesai) == (2, at("2024-02-13 08:00"), at("2024-02-13 10:20"))
    # planned end Selasa 07.40; the second run ended 10.20: 160 working minutes later
    assert (nine.status, nine.selisih_menit) == ("Melewati Rencana", 160)
    # planned Selasa 09.10, ended 10.45
    assert (rows[10].putaran, rows[10].status, rows[10].selisih_menit) == (2, "Melewati Rencana", 95)


def test_an_unreadable_cell_makes_the_step_incomplete() -> None:
    log = [row(1, at("2024-02-07 07:30"), None, 5, frozenset({"selesai"}))]
    (first, *_) = banding_program(PLAN, SOP, log, CAL)
    assert first.status == "Data Tidak Lengkap"


def test_a_date_alone_after_the_planned_date_is_over_the_plan() -> None:
    log = [row(1, date(2024, 2, 7), date(2024, 2, 9), 5)]  # planned Rabu 7 Februari 07.35
    (first, *_) = banding_program(PLAN, SOP, log, CAL)
    # Kamis 8 is Isra Mikraj: Jumat 9 is one working day after the planned date
    assert (first.status, first.selisih_hari_kerja, first.selisih_menit) == ("Melewati Rencana", 1, None)


def test_a_log_that_follows_the_plan_keeps_the_plan_and_every_mutu_baku() -> None:
    # planned and measured times come from one calendar: a step logged exactly as planned takes
    # exactly its standard time, and the plan's end is the log's end
    for sop_id, start in (("pengumpulan-data-tim-sakip", "2024-02-07 07:30"), ("pengukuran-lumajang", "2024-03-04 08:00"),
                          ("pengukuran-kominfo", "2024-12-23 13:15")):  # fmt: skip
        sop = preset(sop_id)
        plan = susun_program(sop, at(start), CAL)
        log = [row(s.no, s.mulai, s.selesai, n) for n, s in enumerate(plan.langkah, start=5)]
        assert {(r.status, r.selisih_menit) for r in banding_program(plan, sop, log, CAL)} == {("Sesuai Rencana", 0)}
        runs = measure_period(sop, log, CAL).runs
        assert {r.status for r in runs if r.standard is not None} == {"Tepat Waktu"}
        assert {r.status for r in runs if r.standard is None} <= {"Tanpa Standar"}  # measured, not judged
        assert [r.actual_minutes for r in runs if r.standard is not None] == [
            r.standard_minutes for r in runs if r.standard is not None]
