"""domain.sop.workbook: the SOP read model holds its problems; its errors are the galat ones."""

from __future__ import annotations

from pathlib import Path

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.workbook import SopWorkbook


def test_errors_are_the_problems_of_level_galat() -> None:
    error, note = Problem("Waktu tidak dikenal", "SOP", 7), Problem("Kalender kosong", "Kalender", tingkat="catatan")
    book = SopWorkbook(Path("kinerja.xlsx"), problems=[error, note])
    assert book.errors == [error]
    assert (book.sop, book.entries, book.log_last_row, book.place_name) == (None, [], None, "")
