"""Mutu Baku Waktu: every Waktu string in the seed SOPs is read; garbage is a problem, never a guess."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.waktu import Duration, match_unit, parse_waktu

# Every Waktu cell of ../shared/seeds as the seed text has it, line breaks and table borders included.
SEED_WAKTU = [
    # 000 and 004 (tables)
    ("5 menit", "5", "menit"),
    ("15 menit", "15", "menit"),
    ("10 menit", "10", "menit"),
    ("4 hari", "4", "hari"),
    ("7 hari", "7", "hari"),
    ("1 hari", "1", "hari"),
    ("30 menit", "30", "menit"),
    ("60 menit", "60", "menit"),
    ("15 Menit", "15", "menit"),
    # 001 (PDF text: a cell broken over lines)
    ("15 \nmenit", "15", "menit"),
    ("\n15 \n\nmenit \n", "15", "menit"),
    ("30 \nmenit", "30", "menit"),
    ("60 \nmenit", "60", "menit"),
    # 002 (OCR: table borders kept)
    ("120 menit", "120", "menit"),
    ("120 menit |", "120", "menit"),
    ("30 menit |", "30", "menit"),
    ("90 menit", "90", "menit"),
]


@pytest.mark.parametrize(("text", "value", "unit"), SEED_WAKTU)
def test_every_seed_waktu_is_read(text: str, value: str, unit: str) -> None:
    assert parse_waktu(text) == Duration(Decimal(value), unit)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 hari kerja", "1 hari kerja"),
        ("3 HARI KERJA", "3 hari kerja"),
        ("3  hari   kerja", "3 hari kerja"),
        ("3 harikerja", "3 hari kerja"),
        ("2 hk", "2 hari kerja"),
        ("1 minggu", "1 minggu"),
        ("1 pekan", "1 minggu"),
        ("2 jam", "2 jam"),
        ("1 bulan", "1 bulan"),
        ("15menit", "15 menit"),
        ("1,5 jam", "1,5 jam"),
        ("0,5 hari", "0,5 hari"),
        # OCR damage in the unit, with only one unit that fits
        ("5 menlt", "5 menit"),
        ("5 men1t", "5 menit"),
        ("5 rnenit", "5 menit"),
        ("1 harl", "1 hari"),
        ("1 har!", "1 hari"),
        ("5 men@t", "5 menit"),
        ("2 j@m", "2 jam"),
        ("1 mingqu", "1 minggu"),
        ("1 hari kerjo", "1 hari kerja"),
        ("| 60 menit |", "60 menit"),
        ("60 menit.", "60 menit"),
    ],
)
def test_variants_and_unambiguous_damage(text: str, expected: str) -> None:
    parsed = parse_waktu(text)
    assert isinstance(parsed, Duration), parsed
    assert str(parsed) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "kosong"),
        ("   ", "kosong"),
        (None, "kosong"),
        ("segera", "tidak dapat dibaca"),
        ("menit", "tidak dapat dibaca"),
        ("lima menit", "tidak dapat dibaca"),
        ("15", "tanpa satuan"),
        ("5 detik", "tidak dikenal"),
        ("5 jum", "tidak dikenal"),  # a letter swapped in a 3-letter unit: could be anything
        ("5 mnit", "tidak dikenal"),  # a letter missing: not a substitution
        ("5 menit 10 detik", "tidak dikenal"),
        ("5-10 menit", "tidak dikenal"),
        ("l5 menit", "tidak dapat dibaca"),  # damage in the number is never undone
        ("1.5 jam", "koma"),
        ("0 menit", "lebih dari 0"),
        ("-5 menit", "tidak dapat dibaca"),
        ("400 hari", "lebih dari setahun"),
        ("Wak@u", "tidak dapat dibaca"),
    ],
)
def test_garbage_is_a_problem_naming_the_cell(text: str | None, fragment: str) -> None:
    parsed = parse_waktu(text, sheet="SOP", baris=7, sel="J7")
    assert isinstance(parsed, Problem)
    assert fragment in parsed.pesan
    assert (parsed.sheet, parsed.baris, parsed.sel, parsed.kolom) == ("SOP", 7, "J7", "Waktu")
    assert parsed.nilai == text
    assert str(parsed).startswith("sheet SOP, sel J7 (kolom Waktu): ")


def test_a_bare_number_takes_the_unit_of_the_column_header() -> None:
    # seed 002's header reads "Waktu (menit)"
    assert parse_waktu("120", default_unit="menit") == Duration(Decimal(120), "menit")
    assert parse_waktu(45, default_unit="menit") == Duration(Decimal(45), "menit")
    assert isinstance(parse_waktu(45), Problem)
    assert isinstance(parse_waktu(True, default_unit="menit"), Problem)


def test_ambiguous_damage_is_refused() -> None:
    # "h?" could be hr (hari) or hk (hari kerja): two units fit, so none is chosen
    assert match_unit("h?") is None
    assert match_unit("hr") == "hari"


def test_duration_in_minutes_and_working_days() -> None:
    assert Duration(Decimal(2), "jam").minutes == 120
    assert Duration(Decimal(2), "jam").working_days is None
    assert Duration(Decimal(1), "minggu").working_days == 5
    assert Duration(Decimal(1), "bulan").working_days == 22
    assert Duration(Decimal(3), "hari kerja").working_days == 3
