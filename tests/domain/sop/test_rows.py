"""Cell readers of sheets SOP and Kalender (pure): times, whole numbers, tidy text."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from xlwings_app.domain.sop.calendar_rows import read_time
from xlwings_app.domain.sop.sop_rows import Cell, StepCells, parse_sop, text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(7, 30), time(7, 30)),
        (datetime(1899, 12, 30, 16, 0), time(16, 0)),
        ("07.30", time(7, 30)),
        ("7:30", time(7, 30)),
        (0.5, time(12, 0)),
        (None, None),
        ("  ", None),
    ],
)
def test_read_time(value: object, expected: time | None) -> None:
    assert read_time(value) == expected


@pytest.mark.parametrize("value", ["7.3o", "25.00", "pagi", 1.5, True])
def test_read_time_refuses(value: object) -> None:
    message = read_time(value)
    assert isinstance(message, str) and "bukan jam" in message


def test_text_tidies_cells() -> None:
    assert text("  Surat \n\n  Edaran   Bappeda ") == "Surat\nEdaran Bappeda"
    assert text(3.0) == "3"
    assert text(None) == ""


def test_parse_sop_rows() -> None:
    rows = [
        StepCells(10, {"No": Cell(1, "A10"), "Kegiatan": Cell("Memerintahkan"), "Waktu": Cell("5 menit")},
                  {"Camat": Cell("x"), "Staf": Cell(None)}),
        StepCells(11, {"No": Cell("2."), "Kegiatan": Cell("Memeriksa"), "Waktu": Cell("1 hari"),
                       "TIDAK Kembali ke": Cell(1)}, {"Camat": Cell("X")}),
        StepCells(12, {}, {}),  # blank row
        StepCells(13, {"No": Cell("tiga", "A13"), "Kegiatan": Cell("Mengarsipkan")}, {}),
    ]  # fmt: skip
    sop, problems = parse_sop({"nama": Cell("Uji")}, ["Camat", "Staf"], rows, sheet="SOP")
    assert [(s.no, s.pelaksana, s.is_decision, s.returns_to) for s in sop.steps] == [
        (1, ("Camat",), False, None),
        (2, ("Camat",), True, 1),
    ]
    assert [(p.sel, p.pesan) for p in problems] == [("A13", "No tiga bukan nomor langkah; isi 1, 2, 3 ...")]
