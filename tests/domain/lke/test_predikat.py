"""The AKIP predikat bands of PermenPANRB 88/2021 at every edge (lower bounds exclusive: 90 is A)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xlwings_app.domain.lke.predikat import BANDS, predikat_akip


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("0", "D"),
        ("30", "D"),
        ("30.01", "C"),
        ("50", "C"),
        ("50.01", "CC"),
        ("60", "CC"),
        ("60.01", "B"),
        ("70", "B"),
        ("70.01", "BB"),
        ("80", "BB"),
        ("80.01", "A"),
        ("90", "A"),
        ("90.01", "AA"),
        ("100", "AA"),
        pytest.param("90.004", "A", id="90.004 rounds to 90.00"),
        pytest.param("90.005", "AA", id="90.005 rounds to 90.01"),
        pytest.param("30.004", "D", id="30.004 rounds to 30.00"),
        pytest.param("100.004", "AA", id="100.004 rounds to 100.00"),
    ],
)
def test_band_edges(nilai: str, kode: str) -> None:
    assert predikat_akip(Decimal(nilai)).kode == kode


@pytest.mark.parametrize("nilai", ["100.01", "-0.01", "150"])
def test_outside_0_to_100_is_an_error(nilai: str) -> None:
    with pytest.raises(ValueError, match="0 sampai 100"):
        predikat_akip(Decimal(nilai))


def test_interpretations_and_bounds_follow_the_regulation() -> None:
    assert [(b.kode, b.interpretasi, b.batas_bawah, b.batas_atas) for b in BANDS] == [
        ("AA", "Sangat Memuaskan", 90, 100),
        ("A", "Memuaskan", 80, 90),
        ("BB", "Sangat Baik", 70, 80),
        ("B", "Baik", 60, 70),
        ("CC", "Cukup", 50, 60),
        ("C", "Kurang", 30, 50),
        ("D", "Sangat Kurang", 0, 30),
    ]
