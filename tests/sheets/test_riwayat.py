"""Sheet Riwayat read back (``sheets.riwayat.read_riwayat_rows``): the audit trail of every rekap."""

from __future__ import annotations

import datetime as dt

from tests.sheets.sources import Rows
from xlwings_app.sheets.riwayat import HEADERS, Entry, entry_values, read_riwayat_rows, read_riwayat_sheet

ENTRY = Entry(dt.datetime(2024, 7, 1, 9, 30), "Formulir TW2 - Camat.xlsx", "H12", "IKU-01", "Realisasi TW II", "O5", 80, 82.5)


def test_the_rows_written_are_read_back_by_header() -> None:
    rows = [["Riwayat Perubahan"], [], [], list(HEADERS), list(entry_values(ENTRY)), [], [dt.datetime(2024, 7, 2), "b.xlsx", "C3", "IKU-02", "Keterangan", "W6", None, "teks"]]
    entries, problems = read_riwayat_rows(rows)
    assert entries[0] == ENTRY and entries[1].baru == "teks" and len(entries) == 2 and problems == []


def test_an_unreadable_time_is_a_notice_at_the_waktu_cell_even_when_moved() -> None:
    moved = ["Catatan", *HEADERS]
    entries, [problem] = read_riwayat_rows([moved, [None, "kemarin", "a.xlsx"]], "induk.xlsx")
    assert entries == []
    assert (problem.sel, problem.kolom, problem.baris, problem.tingkat, problem.file) == ("B2", "Waktu", 2, "catatan", "induk.xlsx")


def test_no_sheet_or_no_header_no_rows() -> None:
    assert read_riwayat_sheet(Rows({})) == ([], [])
    assert read_riwayat_rows([["Waktu", "Sumber"], ["2024-07-01 09:30:00", "a.xlsx"]]) == ([], [])
