"""Reading Log Langkah rows: dates, dates alone, and every bad cell as a problem naming it."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.log import (
    LogEntry,
    new_period_entries,
    normalize_periode,
    read_log_row,
    read_moment,
)
from xlwings_app.domain.sop.presets import preset

CELLS = {"periode": "A5", "langkah": "B5", "pelaksana": "C5", "mulai": "D5", "selesai": "E5", "catatan": "F5"}


def row(**values: object) -> tuple[LogEntry | None, list[Problem]]:
    base: dict[str, object] = {"periode": "TW1", "langkah": 1, "pelaksana": "Siti"}
    base.update(values)
    return read_log_row(base, baris=5, sheet="Log Langkah", cells=CELLS)


def test_a_good_row() -> None:
    entry, problems = row(
        mulai=datetime(2024, 4, 1, 8, 0), selesai=datetime(2024, 4, 1, 8, 4, 59), catatan=" sudah "
    )
    assert problems == []
    assert entry == LogEntry(
        periode="TW1",
        langkah=1,
        pelaksana="Siti",
        mulai=datetime(2024, 4, 1, 8, 0),
        selesai=datetime(2024, 4, 1, 8, 5),  # Excel's 08.04.59.999 is 08.05
        catatan="sudah",
        baris=5,
    )


def test_blank_row_is_skipped() -> None:
    assert read_log_row({"periode": None, "langkah": "  "}) == (None, [])


def test_a_date_alone_and_excel_midnight_are_dates() -> None:
    entry, problems = row(mulai=date(2024, 4, 1), selesai=datetime(2024, 4, 2, 0, 0))
    assert problems == []
    assert entry is not None
    assert entry.mulai == date(2024, 4, 1) and entry.selesai == date(2024, 4, 2)


def test_step_number_as_text_or_float() -> None:
    assert row(langkah="3")[0] == row(langkah=3.0)[0] == row(langkah=3)[0]


@pytest.mark.parametrize(
    ("values", "sel", "fragment"),
    [
        ({"mulai": "kemarin"}, "D5", 'Mulai berisi teks "kemarin", bukan tanggal'),
        ({"selesai": "01/04/2024"}, "E5", "Selesai berisi teks"),
        ({"mulai": datetime(1900, 1, 1)}, "D5", "sebelum tahun 2000"),
        ({"mulai": date(1899, 12, 30)}, "D5", "sebelum tahun 2000"),
        ({"mulai": 45383.5}, "D5", "angka 45383.5, bukan tanggal"),
        ({"mulai": time(8, 0)}, "D5", "tanpa tanggal"),
        ({"langkah": "tiga"}, "B5", 'Langkah "tiga" bukan nomor langkah'),
        ({"langkah": None}, "B5", "Langkah kosong bukan nomor langkah"),
        ({"langkah": 0}, "B5", "bukan nomor langkah"),
        ({"periode": " "}, "A5", "Periode kosong"),
        (
            {"mulai": datetime(2024, 4, 2, 9), "selesai": datetime(2024, 4, 1, 9)},
            "E5",
            "Selesai (01-04-2024 09.00) lebih awal dari Mulai (02-04-2024 09.00)",
        ),
        (
            {"mulai": datetime(2024, 4, 2, 9), "selesai": date(2024, 4, 1)},
            "E5",
            "lebih awal dari Mulai",
        ),
    ],
)
def test_bad_cells_are_problems_naming_the_cell(values: dict[str, object], sel: str, fragment: str) -> None:
    entry, problems = row(**values)
    assert len(problems) == 1
    problem = problems[0]
    assert fragment in problem.pesan
    assert (problem.sheet, problem.baris, problem.sel) == ("Log Langkah", 5, sel)
    assert entry is not None and entry.invalid  # the row is kept, marked


def test_all_problems_of_a_row_at_once() -> None:
    _, problems = row(periode=None, langkah="x", mulai="pagi", selesai=datetime(1900, 1, 1))
    assert [p.sel for p in problems] == ["A5", "B5", "D5", "E5"]


def test_same_day_with_date_alone_is_not_reversed() -> None:
    _, problems = row(mulai=datetime(2024, 4, 1, 15), selesai=date(2024, 4, 1))
    assert problems == []


def test_read_moment_empty() -> None:
    assert read_moment(None) is None
    assert read_moment("  ") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TW1", "TW1"),
        ("tw 1", "TW1"),
        ("TW I", "TW1"),
        ("Triwulan IV", "TW4"),
        ("TW-III", "TW3"),
        ("  Semester  1 ", "Semester 1"),
    ],
)
def test_periode_spellings(text: str, expected: str) -> None:
    assert normalize_periode(text) == expected


def test_new_period_rows_follow_the_sop() -> None:
    rows = new_period_entries(preset("pengukuran-kominfo"), "tw i")
    assert [(r.periode, r.langkah, r.mulai) for r in rows] == [("TW1", n, None) for n in range(1, 10)]
