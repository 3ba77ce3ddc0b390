"""Periods and indicators: parsing, labels, range targets."""

from __future__ import annotations

import dataclasses

import pytest

from tests.domain.builders import indicator
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.settings import DEFAULT_SCALE, Settings, VarianNegatif


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TW1", Periode.TW1),
        ("tw 2", Periode.TW2),
        ("  tw3 ", Periode.TW3),
        ("TW IV", Periode.TW4),
        ("twi", Periode.TW1),
        ("II", Periode.TW2),
        ("iii", Periode.TW3),
        ("4", Periode.TW4),
        ("Triwulan II", Periode.TW2),
        ("triwulan 3", Periode.TW3),
        ("TAHUNAN", Periode.TAHUNAN),
        ("tahunan", Periode.TAHUNAN),
        ("Tahun", Periode.TAHUNAN),
    ],
)
def test_periode_parse_accepts_the_usual_ways_of_writing_a_period(text, expected):
    assert Periode.parse(text) is expected


@pytest.mark.parametrize("text", ["", "TW5", "V", "0", "semester 1", "2024", "TW-1x"])
def test_periode_parse_rejects_garbage_with_an_indonesian_message(text):
    with pytest.raises(ValueError, match="tidak dikenal: gunakan TW1, TW2, TW3, TW4 atau TAHUNAN") as caught:
        Periode.parse(text)
    assert f"'{text}'" in str(caught.value)


@pytest.mark.parametrize(
    ("periode", "label", "last_tw", "number"),
    [
        (Periode.TW1, "Triwulan I", 1, 1),
        (Periode.TW2, "s.d. Triwulan II", 2, 2),
        (Periode.TW3, "s.d. Triwulan III", 3, 3),
        (Periode.TW4, "s.d. Triwulan IV", 4, 4),
        (Periode.TAHUNAN, "Tahunan", 4, 5),
    ],
)
def test_periode_label_and_the_triwulan_it_covers(periode, label, last_tw, number):
    assert (periode.label, periode.last_tw, periode.number) == (label, last_tw, number)


@pytest.mark.parametrize(
    ("lower", "upper", "is_range"), [(80, 90, True), (80, None, False), (None, 90, False), (None, None, False)]
)
def test_a_range_target_needs_both_bounds(lower, upper, is_range):
    assert indicator(batas_bawah=lower, batas_atas=upper).is_range is is_range


def test_default_settings_are_domain_md_defaults():
    settings = Settings()
    assert settings.skala == DEFAULT_SCALE
    assert settings.varian_negatif is VarianNegatif.SELISIH
    assert settings.batas_rata_rata is None


def test_negative_variant_values_are_the_workbook_texts():
    assert [v.value for v in VarianNegatif] == ["(2T-R)/T", "T/R"]
    assert "PermenPANRB 6/2022" in VarianNegatif.SELISIH.label


def test_an_indicator_made_through_its_slots_holds_each_field_given() -> None:
    """``Indicator.__init__`` sets the slots directly (not the frozen dataclass's own __init__):
    each field, by position and by name, holds what was given for it, the defaults are the
    fields' own, and the instance stays frozen and equal as a dataclass."""
    names = [f.name for f in dataclasses.fields(Indicator)]
    values = [f"nilai-{name}" for name in names]
    by_position = Indicator(*values)  # type: ignore[arg-type]
    by_name = Indicator(**dict(zip(names, values, strict=True)))  # type: ignore[arg-type]
    assert [getattr(by_position, n) for n in names] == values == [getattr(by_name, n) for n in names]
    short = Indicator(*values[:8])  # type: ignore[arg-type]
    assert all(getattr(short, f.name) == f.default for f in dataclasses.fields(Indicator)[8:])
    assert dataclasses.replace(by_name, kode="lain").kode == "lain" and by_position == by_name
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_name.kode = "x"  # type: ignore[misc]
