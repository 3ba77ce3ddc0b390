"""The Rencana Aksi of an unmet indicator followed to the next period: was it done, did it move."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xlwings_app.domain.lke.rencana_aksi import (
    Gerak,
    RencanaAksiFollowUp,
    follow_rencana_aksi,
    follow_up_problems,
    share_carried_out,
)


def follow(
    capaian: str, after: str | None, done: bool | None = True, rencana: str = "Sosialisasi ke desa"
) -> RencanaAksiFollowUp | None:
    return follow_rencana_aksi(
        "IKU-1", "TW I 2024", Decimal(capaian), rencana, done, "TW II 2024", None if after is None else Decimal(after)
    )


@pytest.mark.parametrize(
    ("before", "after", "gerak", "selisih"),
    [
        ("80", "100", Gerak.TERCAPAI, "20.00"),
        ("80", "120.5", Gerak.TERCAPAI, "40.50"),
        ("80", "85.123", Gerak.MEMBAIK, "5.12"),
        ("80", "80.004", Gerak.TETAP, "0.00"),
        ("80", "79.99", Gerak.MENURUN, "-0.01"),
    ],
)
def test_did_the_indicator_move(before: str, after: str, gerak: Gerak, selisih: str) -> None:
    item = follow(before, after)
    assert item is not None
    assert (item.gerak, item.selisih) == (gerak, Decimal(selisih))


def test_not_yet_measured() -> None:
    item = follow("80", None)
    assert item is not None and (item.gerak, item.capaian_berikut, item.selisih) == (Gerak.BELUM_DIUKUR, None, None)


@pytest.mark.parametrize("capaian", ["100", "99.995", "120"])
def test_a_met_indicator_needs_no_rencana_aksi(capaian: str) -> None:
    assert follow(capaian, "90") is None


def test_share_carried_out_over_the_recorded_ones() -> None:
    items = [follow("50", "60", True), follow("50", "40", False), follow("50", "70", True), follow("50", None, None)]
    assert share_carried_out([i for i in items if i is not None]) == Decimal("66.67")
    assert share_carried_out([i for i in items[3:] if i is not None]) is None


def test_problems_name_the_indicator_and_period() -> None:
    items = [follow("75.5", "80", True, rencana=" "), follow("60", "61", None)]
    problems = follow_up_problems([i for i in items if i is not None])
    assert [p.pesan for p in problems] == [
        "Indikator IKU-1 tidak mencapai target pada TW I 2024 (capaian 75,50%) tetapi tidak punya Rencana Aksi.",
        "Indikator IKU-1: isi apakah Rencana Aksi TW I 2024 dilaksanakan pada TW II 2024.",
    ]
    assert all(p.tingkat == "peringatan" for p in problems)
