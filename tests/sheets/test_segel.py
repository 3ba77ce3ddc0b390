"""Sheet Segel read back (``sheets.segel.read_seals``): one record per sealed period, by header."""

from __future__ import annotations

import datetime as dt

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.seal import SealRecord
from xlwings_app.sheets.segel import HEADERS, head_values, read_seals, seal_row

RECORD = SealRecord(Periode.TW2, "K7Q2M-XR4TB", dt.datetime(2024, 7, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))),
                    "arsip.zip", "ab" * 32, (("IKU-01", "12ab"),))  # fmt: skip


def test_the_rows_written_are_read_back() -> None:
    head = head_values()
    rows: list[list[object]] = [[head.cells.get((r, c)) for c in range(1, 7)] for r in range(1, 5)]
    assert rows[3] == list(HEADERS)
    records, problems = read_seals([*rows, seal_row(RECORD), [None] * 6])
    assert records == [RECORD] and problems == []


def test_columns_are_found_by_header_and_a_damaged_row_is_a_notice() -> None:
    moved = ["Catatan", *HEADERS]
    good = ["", *seal_row(RECORD)]
    bad = ["", "TW9", "x", "kemarin", "", "", ""]
    records, problems = read_seals([["Segel"], moved, good, bad])
    assert records == [RECORD]
    assert [(p.baris, p.tingkat) for p in problems] == [(4, "catatan")]


def test_a_sheet_without_its_header_reads_nothing_and_says_so_when_it_holds_rows() -> None:
    assert read_seals([["Segel"]]) == ([], [])
    records, [problem] = read_seals([["Segel"], [], [], [], ["TW1", "K7Q2M-XR4TB"]])
    assert records == [] and problem.tingkat == "catatan" and "tidak ditemukan" in problem.pesan
