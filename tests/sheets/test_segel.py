"""Sheet Segel read back (``sheets.segel.read_seals``): one record per sealed period, by header."""

from __future__ import annotations

import datetime as dt

from xlwings_app.domain.cetak import TandaTangan
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.seal import SealRecord
from xlwings_app.sheets.segel import (
    HEADER_ROW,
    HEADERS,
    REQUIRED,
    head_values,
    header_values,
    read_seals,
    seal_row,
    seal_values,
)

RECORD = SealRecord(Periode.TW2, "K7Q2M-XR4TB", dt.datetime(2024, 7, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))),
                    "arsip.zip", "ab" * 32, (("IKU-01", "12ab"),))  # fmt: skip
SIGNED = SealRecord("PK", "ABCDE-FGHIJ", dt.datetime(2024, 1, 3, 8, 0), "arsip-pk.zip", "cd" * 32, (),
                    TandaTangan(dt.date(2024, 1, 2), Pejabat("Camat Senduro", "Drs. BUDI", "Pembina (IV/a)",
                                                          "197703092005011003", "Plt.")))  # fmt: skip


def test_the_rows_written_are_read_back() -> None:
    head = head_values()
    rows: list[list[object]] = [[head.cells.get((r, c)) for c in range(1, 9)] for r in range(1, 5)]
    assert rows[3] == list(HEADERS)
    records, problems = read_seals([*rows, seal_row(RECORD), seal_row(SIGNED), [None] * 8])
    assert records == [RECORD, SIGNED] and problems == []


def test_a_sheet_of_an_earlier_version_reads_its_rows_and_gets_the_signing_headers() -> None:
    old = [[], [], [], list(REQUIRED), seal_row(RECORD)[:6]]
    assert read_seals(old) == ([RECORD], [])
    assert [header_values().cells[(HEADER_ROW, c)] for c in range(1, 9)] == list(HEADERS)
    assert {r for r, _c in seal_values(SIGNED, 6).cells} == {6}  # the row alone: a block write spares the rows above
    new = [*old, seal_row(SIGNED)]
    new[3] = [*REQUIRED, "Tanggal Penandatanganan", "Penandatangan"]
    assert read_seals(new) == ([RECORD, SIGNED], [])


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
