"""How values, counts and lists are written in the LKjIP's sentences."""

from __future__ import annotations

from decimal import Decimal

from xlwings_app.domain.indicator import Polaritas
from xlwings_app.domain.lkjip.wording import (
    banyak,
    bilangan,
    daftar,
    indikator,
    ke,
    nilai,
    persen,
    tahun_tahun,
    target_teks,
)


def test_lists() -> None:
    assert [daftar([]), daftar(["a"]), daftar(["a", "b"]), daftar(["a", "b", "c"])] == ["", "a", "a dan b", "a, b, dan c"]


def test_counts_in_words_up_to_nine_then_digits() -> None:
    assert [banyak(1), banyak(2, "program"), banyak(9), banyak(12)] == [
        "satu indikator", "dua program", "sembilan indikator", "12 indikator"]  # fmt: skip
    assert [bilangan(3), bilangan(10)] == ["tiga", "10"]
    assert [ke(1), ke(2), ke(4), ke(10)] == ["pertama", "kedua", "keempat", "ke-10"]


def test_values_carry_their_satuan_in_indonesian_format() -> None:
    assert nilai(Decimal("92.10"), "%") == "92,1%"
    assert nilai(Decimal(1234), "dokumen") == "1.234 dokumen"
    assert nilai(Decimal("1250000"), "Rp") == "Rp 1.250.000"
    assert nilai(Decimal("3.25"), "") == "3,25"
    assert nilai(None, "%") == "–"
    assert persen(Decimal("87.5")) == "87,50%"


def test_targets_by_polarity_and_range() -> None:
    assert target_teks(Decimal(90), "%", Polaritas.POSITIF) == "90%"
    assert target_teks(Decimal(8), "kasus", Polaritas.NEGATIF) == "tidak melebihi 8 kasus"
    assert target_teks(None, "%", Polaritas.POSITIF, Decimal(80), Decimal(90)) == "80–90%"


def test_indicators_and_years() -> None:
    assert indikator("IKU-01", "  Persentase   pelayanan ") == "IKU-01 Persentase pelayanan"
    assert [tahun_tahun([2024]), tahun_tahun([2021, 2022, 2023]), tahun_tahun([2021, 2023, 2024])] == [
        "2024", "2021–2023", "2021, 2023, dan 2024"]  # fmt: skip
