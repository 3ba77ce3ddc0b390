"""The two slips of typing a percentage into a "%" indicator's realisasi (domain.percent_entry)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xlwings_app.domain.percent_entry import implausible_percent, is_percent_unit, reference_target

D = Decimal


@pytest.mark.parametrize(("realisasi", "target", "typed_percent", "meant"), [
    (D("0.95"), D(90), False, "95%"),  # "0,95" for 95 %, or LibreOffice's 95% under a literal-% format
    (D(1), D(100), False, "100%"),
    (D("0.5"), D("1.5"), False, "50%"),
    (D(9500), D(90), True, "95%"),  # "95" typed into a percent cell: 9500 %
    (D(9500), D(100), True, "95%"),
    (D(60), D("0.5"), True, "0,6%"),  # "0,6" typed into a percent cell against 0,5 %
])  # fmt: skip
def test_a_hundredfold_slip_is_named_with_what_was_meant(realisasi: D, target: D, typed_percent: bool,
                                                        meant: str) -> None:  # fmt: skip
    pesan = implausible_percent("Realisasi TW II", "IKU-02", realisasi, target, typed_percent)
    assert pesan is not None and f"mungkin maksudnya {meant}" in pesan and "IKU-02" in pesan


@pytest.mark.parametrize(("realisasi", "target", "typed_percent"), [
    (D(0), D(90), False),  # 0 is 0 % however it was typed
    (D("0.95"), D(90), True),  # typed "0,95%": a real value below 1 %
    (D("0.95"), D(1), False),  # the target itself is below 1 %: a small value fits
    (D("0.8"), D("0.9"), False),
    (D("1.5"), D(90), False),
    (D(95), D(90), False),
    (D(95), D(90), True),  # typed "95%"
    (D(150), D(100), True),  # a result above the target, typed with its sign
    (D(9500), D(0), True),  # no target to compare with
    (None, D(90), False),
    (D("0.5"), None, False),
])  # fmt: skip
def test_a_plausible_value_passes(realisasi: D | None, target: D | None, typed_percent: bool) -> None:
    assert implausible_percent("Realisasi TW II", "IKU-02", realisasi, target, typed_percent) is None


def test_the_fraction_message_says_how_to_type_a_real_small_value() -> None:
    pesan = implausible_percent("Realisasi TW IV", "IKI-KEU-01", D("0.95"), D(100), False)
    assert pesan == (
        "Realisasi TW IV IKI-KEU-01 tertulis 0,95, padahal targetnya 100%: mungkin maksudnya 95% (persen ditulis "
        "sebagai pecahan, atau 95% tersimpan 0,95 di sel berformat lama). Ketik 95. Bila realisasinya memang "
        "0,95%, ketik dengan tanda persen: 0,95%."
    )


def test_the_target_compared_with_is_the_triwulans_then_the_years_then_the_ranges() -> None:
    assert reference_target(D(20), D(100), D(90)) == 20
    assert reference_target(None, D(100), D(90)) == 100
    assert reference_target(None, None, D(90)) == 90
    assert reference_target(None, None, None) is None


def test_only_a_percent_unit_holds_percentage_points() -> None:
    assert is_percent_unit("%") and is_percent_unit(" % ")
    assert not is_percent_unit("persen") and not is_percent_unit("indeks")
