"""Program Kerja Kegiatan: the SOP's steps laid on the working calendar, dates computed by hand.

The calendar is Kinerja's default week: Senin-Kamis 07.30-16.00 (istirahat 12.00-13.00), Jumat
07.30-16.30 (istirahat 11.30-13.00), 450 working minutes every working day; Indonesia's national
holidays count (``holidays``). Every expected moment below is written out and derived in the
comment beside it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from xlwings_app.domain.administrasi.program_kerja import bandingkan_batas, hari_kerja, susun_program
from xlwings_app.domain.sop.calendar import WorkingCalendar, national_holidays
from xlwings_app.domain.sop.model import Sop, Step
from xlwings_app.domain.sop.presets import preset

CAL = WorkingCalendar()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_the_calendar_holds_the_days_these_plans_cross() -> None:
    # the hand computations below stand on these facts of the calendar
    assert national_holidays(2024)[date(2024, 2, 8)] == "Isra Mikraj Nabi Muhammad"  # Kamis
    assert national_holidays(2024)[date(2024, 2, 14)] == "Hari Pemilihan Umum"  # Rabu
    assert national_holidays(2024)[date(2024, 3, 11)] == "Hari Suci Nyepi"  # Senin
    assert date(2024, 2, 9) not in national_holidays(2024)  # Jumat: cuti bersama Imlek, not national
    assert date(2024, 2, 9).weekday() == 4 and date(2024, 3, 8).weekday() == 4


def test_pengumpulan_data_from_wednesday_across_a_holiday_and_a_friday() -> None:
    plan = susun_program(preset("pengumpulan-data-tim-sakip"), at("2024-02-07 07:30"), CAL)
    expected = [
        # step: planned start -> planned end, by hand
        (1, "2024-02-07 07:30", "2024-02-07 07:35"),  # 5 menit
        (2, "2024-02-07 07:35", "2024-02-07 08:35"),  # 60 menit
        (3, "2024-02-07 08:35", "2024-02-07 10:35"),  # 120 menit
        # 1 hari = Rabu's 450 minutes: Rabu 10.35-12.00 (85) + 13.00-16.00 (180) = 265; Kamis 8 Feb is
        # Isra Mikraj; Jumat 07.30 + the other 185 = 10.35
        (4, "2024-02-07 10:35", "2024-02-09 10:35"),
        # 120 menit on a Friday: 10.35-11.30 (55), Friday's break 11.30-13.00, 13.00 + 65 = 14.05
        # (on a Thursday it would end 13.35: the break starts at 12.00)
        (5, "2024-02-09 10:35", "2024-02-09 14:05"),
        (6, "2024-02-09 14:05", "2024-02-09 14:10"),  # 5 menit
        # 1 hari = Friday's 450 minutes: Jumat 14.10-16.30 (140, the long Friday); Senin 07.30-12.00
        # (270) makes 410; 13.00 + 40 = 13.40
        (7, "2024-02-09 14:10", "2024-02-12 13:40"),
        (8, "2024-02-12 13:40", "2024-02-12 15:40"),  # 120 menit
        (9, "2024-02-12 15:40", "2024-02-13 07:40"),  # 30 menit: 20 to 16.00, Selasa 07.30 + 10
        (10, "2024-02-13 07:40", "2024-02-13 09:10"),  # 90 menit, the decision on its YA path
        (11, "2024-02-13 09:10", "2024-02-13 09:40"),  # 30 menit
        (12, "2024-02-13 09:40", "2024-02-13 09:40"),  # archiving: the SOP gives no Waktu
    ]
    assert [(s.no, s.mulai, s.selesai) for s in plan.langkah] == [(n, at(a), at(b)) for n, a, b in expected]
    assert plan.langkah_no(10) is not None and plan.langkah_no(10).keputusan  # type: ignore[union-attr]
    assert (plan.mulai, plan.selesai) == (at("2024-02-07 07:30"), at("2024-02-13 09:40"))
    # Rabu 450 + Jumat 450 + Senin 450 + Selasa 07.30-09.40 (130) = 1480 working minutes
    assert plan.menit_kerja == 1480 == sum(s.menit_kerja for s in plan.langkah)
    assert plan.lama_teks == "3 hari 2 jam 10 menit"
    assert (plan.hari_kerja, plan.hari_kalender) == (4, 7)  # Rab, Jum, Sen, Sel; 7-13 Februari
    assert [p.pesan for p in plan.masalah] == ["Langkah 12 tanpa Mutu Baku Waktu: direncanakan tanpa lama waktu."]


def test_a_cuti_bersama_in_the_calendar_moves_the_plan_a_day() -> None:
    # with Jumat 9 Februari 2024 (cuti bersama Imlek) off, step 4's day runs Rabu 265 + Senin 185
    calendar = WorkingCalendar(days_off=frozenset({date(2024, 2, 9)}))
    plan = susun_program(preset("pengumpulan-data-tim-sakip"), at("2024-02-07 07:30"), calendar)
    step4, step5 = plan.langkah[3], plan.langkah[4]
    assert (step4.mulai, step4.selesai) == (at("2024-02-07 10:35"), at("2024-02-12 10:35"))
    # and step 5's 120 minutes run on a Monday: 10.35-12.00 (85), then 13.00 + 35
    assert step5.selesai == at("2024-02-12 13:35")


def test_penyusunan_pengukuran_from_monday_across_nyepi() -> None:
    plan = susun_program(preset("pengukuran-lumajang"), at("2024-03-04 08:00"), CAL)
    ends = {s.no: s.selesai for s in plan.langkah}
    # steps 1-4: 5 + 15 + 10 + 10 minutes from Senin 08.00
    assert ends[4] == at("2024-03-04 08:40")
    # 4 hari from Senin 08.40: Selasa, Rabu, Kamis, Jumat 8 Maret 08.40 (a start before Friday's break
    # lands at the same clock time)
    assert ends[5] == at("2024-03-08 08:40")
    # 7 hari from Jumat 08.40: day 1 is Friday's 450 minutes, 380 left that Friday, Senin 11 Maret is
    # Nyepi, so Selasa 12 Maret 07.30 + 70 = 08.40; then Rabu 13, Kamis 14, Jumat 15, Senin 18,
    # Selasa 19, Rabu 20 Maret 08.40
    assert ends[6] == at("2024-03-20 08:40")
    assert ends[7] == at("2024-03-20 08:55")  # 15 menit
    assert ends[8] == at("2024-03-21 08:55")  # 1 hari
    assert [ends[n] for n in (9, 10, 11, 12)] == [at("2024-03-21 09:10"), at("2024-03-21 09:40"),
                                                  at("2024-03-21 09:55"), at("2024-03-21 10:55")]  # fmt: skip
    # 12 working days of 450 (4 Mar-20 Mar without Nyepi) + Kamis 21 Maret 07.30-10.55 (205) - the
    # first half hour of Senin 4 Maret (30): 5400 + 205 - 30 = 5575
    assert plan.menit_kerja == 5575
    assert (plan.hari_kerja, plan.hari_kalender) == (13, 18)


def test_the_plan_meets_or_misses_the_surat_edaran_deadline_by_working_days() -> None:
    sop = preset("pengukuran-lumajang")
    # ends Kamis 21 Maret 10.55; deadline Jumat 22 Maret: one working day to spare
    met = susun_program(sop, at("2024-03-04 08:00"), CAL, date(2024, 3, 22), "Surat Edaran Bappeda 050/12/2024")
    assert met.batas is not None
    assert (met.batas.terpenuhi, met.batas.selisih_hari_kerja) == (True, 1)
    assert met.batas.batas_waktu == at("2024-03-22 16:30")  # a Friday's working day ends 16.30
    assert met.batas.sumber == "Surat Edaran Bappeda 050/12/2024"
    assert met.batas.uraian() == "Selesai 1 hari kerja sebelum batas waktu."
    # deadline Senin 18 Maret: late Selasa 19, Rabu 20, Kamis 21 = 3 working days
    missed = susun_program(sop, at("2024-03-04 08:00"), CAL, date(2024, 3, 18))
    assert missed.batas is not None
    assert (missed.batas.terpenuhi, missed.batas.selisih_hari_kerja) == (False, 3)
    assert missed.batas.uraian() == "Melewati batas waktu 3 hari kerja."
    # the deadline day itself: met with nothing to spare
    same = susun_program(sop, at("2024-03-04 08:00"), CAL, date(2024, 3, 21))
    assert same.batas is not None and same.batas.uraian() == "Selesai pada hari batas waktu."


def test_a_holiday_between_end_and_deadline_is_no_day_to_spare() -> None:
    # the Pengumpulan plan ends Selasa 13 Februari 2024 09.40; Rabu 14 is the election holiday, so a
    # deadline Kamis 15 leaves 1 working day, not 2; and a deadline on the holiday leaves none
    end = at("2024-02-13 09:40")
    assert bandingkan_batas(end, date(2024, 2, 15), CAL).selisih_hari_kerja == 1
    on_holiday = bandingkan_batas(end, date(2024, 2, 14), CAL)
    assert (on_holiday.terpenuhi, on_holiday.selisih_hari_kerja) == (True, 0)
    late = bandingkan_batas(at("2024-02-15 08:00"), date(2024, 2, 13), CAL)
    assert (late.terpenuhi, late.selisih_hari_kerja) == (False, 1)  # Rabu 14 is no working day


def test_a_date_alone_or_a_weekend_start_begins_at_the_next_working_moment() -> None:
    sop = preset("pengumpulan-data-tim-sakip")
    assert susun_program(sop, date(2024, 2, 8), CAL).mulai == at("2024-02-09 07:30")  # Isra Mikraj
    assert susun_program(sop, at("2024-02-10 09:00"), CAL).mulai == at("2024-02-12 07:30")  # Sabtu
    assert susun_program(sop, at("2024-02-12 12:30"), CAL).mulai == at("2024-02-12 13:00")  # istirahat


def test_a_step_ending_at_a_break_lets_the_next_begin_after_it() -> None:
    sop = Sop("Uji", ("Unit",), ("Staf",), (Step(1, "Satu", ("Staf",), waktu="2 jam"),
                                           Step(2, "Dua", ("Staf",), waktu="1 hari kerja")))  # fmt: skip
    plan = susun_program(sop, at("2024-02-12 10:00"), CAL)
    assert plan.langkah[0].selesai == at("2024-02-12 12:00")
    assert plan.langkah[1].mulai == at("2024-02-12 13:00")
    # 1 hari kerja from Senin 13.00: 13.00-16.00 (180) + Selasa 07.30-12.00 (270) = 450, ending at the
    # break's start, not after it (the calendar's rule: 10.00 + 120 menit is 12.00)
    assert plan.langkah[1].selesai == at("2024-02-13 12:00")


def test_an_unreadable_waktu_is_a_problem_of_the_plan() -> None:
    sop = Sop("Uji", ("Unit",), ("Staf",), (Step(1, "Satu", ("Staf",), waktu="sebentar", baris=7),))
    plan = susun_program(sop, at("2024-02-12 10:00"), CAL, sheet="SOP")
    (problem,) = plan.masalah
    assert problem.is_error and (problem.sheet, problem.baris, problem.kolom) == ("SOP", 7, "Waktu")
    assert "Program Kerja menghitungnya tanpa waktu" in problem.pesan
    assert plan.langkah[0].lama == timedelta()


@pytest.mark.parametrize(("first", "last", "count"), [("2024-02-05", "2024-02-16", 8), ("2024-02-10", "2024-02-11", 0),
                                                      ("2024-02-13", "2024-02-12", 0)])  # fmt: skip
def test_working_days_are_counted_both_ends_included(first: str, last: str, count: int) -> None:
    # 5-16 Februari 2024: ten weekdays less Isra Mikraj (8) and the election (14)
    assert hari_kerja(CAL, date.fromisoformat(first), date.fromisoformat(last)) == count
