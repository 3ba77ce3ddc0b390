"""Sheet Log Langkah read back (``sheets.log``): one entry per run of a step, columns by header."""

from __future__ import annotations

import datetime as dt

from tests.sheets.sources import numbered
from xlwings_app.domain.problems import Problem
from xlwings_app.sheets.log import find_log, log_header, not_found, read_log
from xlwings_app.sheets.source import TableInfo
from xlwings_app.sheets.table import BLANK_RUN

HEADER = ["Periode", "Langkah", "Kegiatan", "Peran", "Pelaksana", "Mulai", "Selesai", "Catatan"]
START = dt.datetime(2024, 10, 1, 8)


def test_entries_are_read_by_header_with_the_last_row() -> None:
    moved = ["Catatan", "Selesai", "Mulai", "Pelaksana", "Langkah", "Periode"]
    rows = [["Log Langkah SOP"], [], [], moved, ["ok", START + dt.timedelta(hours=1), START, "Budi", 1, "tw 3"], [],
            [None, "kemarin", START, "Sari", 2, "TW3"]]  # fmt: skip
    header = find_log(numbered(rows), "Log Langkah")
    assert header is not None and header.row == 4
    problems: list[Problem] = []
    entries, last = read_log(iter(numbered(rows)), header, problems)
    assert [(e.periode, e.langkah, e.pelaksana, e.baris) for e in entries] == [("TW3", 1, "Budi", 5), ("TW3", 2, "Sari", 7)]
    assert last == 7
    assert [(p.sel, p.kolom) for p in problems] == [("B7", "Selesai")]


def test_an_empty_log_ends_at_its_header_and_a_long_gap_ends_the_log() -> None:
    rows: list[list[object]] = [HEADER, *([[None] * 8] * BLANK_RUN), ["TW1", 1]]
    header = find_log(numbered(rows), "Log Langkah", [TableInfo("TabelLogLangkah", "A1:H2")])
    assert header is not None and header.excel_table is not None
    problems: list[Problem] = []
    assert read_log(iter(numbered(rows)), header, problems) == ([], 1)
    assert [p.tingkat for p in problems] == ["catatan"] and problems[0].sel == f"A{BLANK_RUN + 2}"


def test_the_stamping_writers_find_the_same_columns() -> None:
    assert log_header([["judul"], ["x"], HEADER]) == (3, {"periode": 0, "langkah": 1, "pelaksana": 4, "mulai": 5,
                                                          "selesai": 6, "catatan": 7})  # fmt: skip
    assert log_header([["Periode", "Langkah"]]) is None
    assert not_found("Log Perencanaan").pesan == (
        "Baris judul Log Langkah tidak ditemukan: kolom Periode, Langkah, Pelaksana, Mulai, Selesai, Catatan harus ada."
    )
