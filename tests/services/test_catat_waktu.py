"""Catat Waktu Langkah as a service on an in-memory master: Mulai first, then Selesai, then refused."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.fakes import FakeMaster
from xlwings_app.domain.sop.log import LABELS
from xlwings_app.services.sop import SHEET_LOG, SopDitolak, catat_waktu
from xlwings_app.sheets.changes import Stamp

HEADER = ["Periode", "Langkah", *[label for key, label in LABELS.items() if key not in ("periode", "langkah")]]


def log(*rows: list[object]) -> FakeMaster:
    return FakeMaster(sheet_rows={SHEET_LOG: [["Log Langkah"], [], [], HEADER, *rows]})


def test_the_first_stamp_is_mulai_the_second_selesai() -> None:
    master = log(["TW3", 1, "Staf", None, None])
    done = catat_waktu(master, 5, datetime(2024, 7, 1, 8, 5, 33))
    [[stamp]] = master.committed
    assert isinstance(stamp, Stamp) and stamp.row == 5 and stamp.moment == datetime(2024, 7, 1, 8, 5)
    assert done.kolom == LABELS["mulai"] and stamp.column == HEADER.index(LABELS["mulai"]) + 1
    master = log(["TW3", 1, "Staf", datetime(2024, 7, 1, 8, 5), None])
    assert catat_waktu(master, 5, datetime(2024, 7, 1, 9, 0)).kolom == LABELS["selesai"]


@pytest.mark.parametrize(("row", "message"), [(4, "bukan baris langkah"), (6, "bukan baris langkah")])
def test_a_row_that_is_no_step_is_refused_and_nothing_is_written(row: int, message: str) -> None:
    master = log(["TW3", 1, "Staf", None, None], [None, None, None, None])
    with pytest.raises(SopDitolak, match=message):
        catat_waktu(master, row)
    assert master.committed == []


def test_a_row_stamped_twice_is_left_alone() -> None:
    master = log(["TW3", 1, "Staf", datetime(2024, 7, 1, 8, 5), datetime(2024, 7, 1, 9, 5)])
    with pytest.raises(SopDitolak, match="sudah terisi"):
        catat_waktu(master, 5)
    assert master.committed == []
