"""From triwulan to period (docs/domain.md, "From triwulan to year"), through ``measure.period_values``.

Every aggregation at every period: TW1..TW4 mean "s.d. TW n" (cumulative), TAHUNAN the year.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.domain.builders import d, indicator
from xlwings_app.domain.indicator import Agregasi, Periode
from xlwings_app.domain.measure import Status, measure, period_values
from xlwings_app.domain.settings import Settings

TW1, TW2, TW3, TW4, TAHUNAN = Periode


def _values(agregasi, periode, *, target_tw, realisasi_tw, target_tahunan):
    ind = indicator(
        agregasi=agregasi, target_tw=target_tw, realisasi_tw=realisasi_tw,
        target_tahunan=target_tahunan,
    )
    return period_values(ind, periode)


# --- Jumlah ------------------------------------------------------------------------------------

JUMLAH_T = (10, 20, 30, 40)
JUMLAH_R = (12, 18, 30, 45)


@pytest.mark.parametrize(
    ("periode", "target", "realisasi"),
    [
        (TW1, 10, 12),
        (TW2, 30, 30),
        (TW3, 60, 60),
        (TW4, 100, 105),
        pytest.param(TAHUNAN, 120, 105, id="TAHUNAN: sum of four against the yearly target"),
    ],
)
def test_jumlah_sums_triwulan_1_to_n_against_the_sum_of_their_targets(periode, target, realisasi):
    got = _values(Agregasi.JUMLAH, periode, target_tw=JUMLAH_T, realisasi_tw=JUMLAH_R, target_tahunan=120)
    assert got == (d(target), d(realisasi))


@pytest.mark.parametrize(
    ("periode", "realisasi"),
    [(TW1, 12), (TW2, None), (TW3, None), (TW4, None), (TAHUNAN, None)],
)
def test_jumlah_needs_every_triwulan_up_to_n(periode, realisasi):
    _, got = _values(
        Agregasi.JUMLAH, periode, target_tw=JUMLAH_T, realisasi_tw=(12, None, 30, 45), target_tahunan=120
    )
    assert got == d(realisasi)


def test_jumlah_target_is_blank_when_a_triwulan_target_up_to_n_is_blank():
    got, _ = _values(
        Agregasi.JUMLAH, TW3, target_tw=(10, None, 30, 40), realisasi_tw=JUMLAH_R, target_tahunan=120
    )
    assert got is None


@pytest.mark.parametrize(
    ("periode", "target", "realisasi"),
    [(TW2, 100, 104), (TW3, 200, 204), (TW4, 300, 305), (TAHUNAN, 300, 305)],
)
def test_jumlah_counts_a_triwulan_without_target_and_realisasi_as_zero(periode, target, realisasi):
    # no target in TW I and nothing reported then (Tidak Ada Target): s.d. TW II is TW II alone, never blank
    got = _values(Agregasi.JUMLAH, periode, target_tw=(None, 100, 100, 100), realisasi_tw=(None, 104, 100, 101),
                  target_tahunan=300)  # fmt: skip
    assert got == (d(target), d(realisasi))


def test_jumlah_without_target_in_triwulan_i_is_tidak_ada_target_then_measured():
    ind = indicator(agregasi=Agregasi.JUMLAH, target_tw=(None, 100, 100, 100), realisasi_tw=(None, 104, None, None),
                    target_tahunan=300)  # fmt: skip
    assert measure(ind, TW1, Settings()).status is Status.TIDAK_ADA_TARGET
    assert measure(ind, TW2, Settings()).status is Status.TERCAPAI
    assert measure(ind, TW3, Settings()).status is Status.BELUM_DIISI  # TW III has a target: its realisasi is due


def test_jumlah_without_any_triwulan_target_still_needs_every_triwulan():
    # only a yearly target: a blank TW is not reported yet, never 0
    got = _values(Agregasi.JUMLAH, TAHUNAN, target_tw=(None,) * 4, realisasi_tw=(5, 6, 7, None), target_tahunan=30)
    assert got == (d(30), None)
    assert _values(Agregasi.JUMLAH, TAHUNAN, target_tw=(None,) * 4, realisasi_tw=(None,) * 4,
                   target_tahunan=30) == (d(30), None)  # fmt: skip


def test_jumlah_counts_an_explicit_zero_as_a_value():
    got = _values(Agregasi.JUMLAH, TW2, target_tw=JUMLAH_T, realisasi_tw=(0, 0), target_tahunan=120)
    assert got == (d(30), d(0))


# --- Akhir -------------------------------------------------------------------------------------

AKHIR_T = (70, 75, 80, 85)


@pytest.mark.parametrize(
    ("periode", "target", "realisasi"),
    [
        (TW1, 70, 72),
        (TW2, 75, 74),
        (TW3, 80, 81),
        (TW4, 85, 86),
        pytest.param(TAHUNAN, 90, 86, id="TAHUNAN: latest TW against the yearly target"),
    ],
)
def test_akhir_takes_the_latest_triwulan_against_its_own_target(periode, target, realisasi):
    got = _values(
        Agregasi.AKHIR, periode, target_tw=AKHIR_T, realisasi_tw=(72, 74, 81, 86), target_tahunan=90
    )
    assert got == (d(target), d(realisasi))


@pytest.mark.parametrize(
    ("periode", "target", "realisasi"),
    [
        (TW1, 70, 72),
        (TW2, 75, 74),
        pytest.param(TW3, 75, 74, id="TW3 blank: TW2 is the latest filled"),
        pytest.param(TW4, 75, 74, id="TW3, TW4 blank: TW2 is the latest filled"),
        pytest.param(TAHUNAN, 90, 74, id="TAHUNAN: latest filled TW against the yearly target"),
    ],
)
def test_akhir_takes_the_latest_filled_triwulan_when_later_ones_are_blank(periode, target, realisasi):
    got = _values(
        Agregasi.AKHIR, periode, target_tw=AKHIR_T, realisasi_tw=(72, 74), target_tahunan=90
    )
    assert got == (d(target), d(realisasi))


def test_akhir_skips_a_blank_triwulan_between_filled_ones():
    got = _values(
        Agregasi.AKHIR, TW3, target_tw=AKHIR_T, realisasi_tw=(72, None, 81), target_tahunan=90
    )
    assert got == (d(80), d(81))


@pytest.mark.parametrize(("periode", "target"), [(TW1, 70), (TW2, 75), (TW4, 85), (TAHUNAN, 90)])
def test_akhir_without_any_realisasi_is_blank_against_the_periods_own_target(periode, target):
    got = _values(Agregasi.AKHIR, periode, target_tw=AKHIR_T, realisasi_tw=(), target_tahunan=90)
    assert got == (d(target), None)


# --- Rata-rata ---------------------------------------------------------------------------------

RATA_T = (70, 75, 80, 85)


@pytest.mark.parametrize(
    ("periode", "target", "realisasi"),
    [
        (TW1, Decimal(70), Decimal(72)),
        (TW2, Decimal("72.5"), Decimal(73)),
        (TW3, Decimal(75), Decimal(227) / 3),
        (TW4, Decimal("77.5"), Decimal("78.25")),
        pytest.param(TAHUNAN, Decimal(80), Decimal("78.25"), id="TAHUNAN: mean against the yearly target"),
    ],
)
def test_rata_rata_is_the_mean_of_triwulan_1_to_n_against_the_mean_of_their_targets(
    periode, target, realisasi
):
    got = _values(
        Agregasi.RATA_RATA, periode, target_tw=RATA_T, realisasi_tw=(72, 74, 81, 86), target_tahunan=80
    )
    assert got == (target, realisasi)


@pytest.mark.parametrize(
    ("periode", "target", "realisasi"),
    [
        (TW1, Decimal(70), Decimal(72)),
        pytest.param(TW2, Decimal(70), Decimal(72), id="TW2 blank: only TW1 counts"),
        pytest.param(TW3, Decimal(75), Decimal("76.5"), id="TW1, TW3: mean(70, 80) vs mean(72, 81)"),
        pytest.param(TW4, Decimal(75), Decimal("76.5"), id="TW4 blank: still TW1 and TW3"),
        pytest.param(TAHUNAN, Decimal(80), Decimal("76.5"), id="TAHUNAN: filled TWs vs yearly target"),
    ],
)
def test_rata_rata_takes_only_the_filled_triwulan_and_those_triwulans_targets(periode, target, realisasi):
    got = _values(
        Agregasi.RATA_RATA, periode, target_tw=RATA_T, realisasi_tw=(72, None, 81), target_tahunan=80
    )
    assert got == (target, realisasi)


@pytest.mark.parametrize(("periode", "target"), [(TW1, 70), (TW2, "72.5"), (TW4, "77.5"), (TAHUNAN, 80)])
def test_rata_rata_without_any_realisasi_is_blank(periode, target):
    got = _values(Agregasi.RATA_RATA, periode, target_tw=RATA_T, realisasi_tw=(), target_tahunan=80)
    assert got == (d(target), None)


# --- through measure: the capaian of each period -----------------------------------------------

@pytest.mark.parametrize(
    ("agregasi", "periode", "expected"),
    [
        (Agregasi.JUMLAH, TW1, "120.00"),
        (Agregasi.JUMLAH, TW2, "100.00"),
        (Agregasi.JUMLAH, TW4, "105.00"),
        (Agregasi.JUMLAH, TAHUNAN, "87.50"),
        (Agregasi.AKHIR, TW2, "90.00"),
        (Agregasi.AKHIR, TAHUNAN, "37.50"),
        (Agregasi.RATA_RATA, TW2, "100.00"),
        (Agregasi.RATA_RATA, TW3, "100.00"),
        (Agregasi.RATA_RATA, TAHUNAN, "21.88"),
    ],
)
def test_measure_compares_the_period_realisasi_with_the_period_target(agregasi, periode, expected):
    ind = indicator(
        agregasi=agregasi, target_tw=(10, 20, 30, 40), realisasi_tw=(12, 18, 30, 45), target_tahunan=120
    )
    assert measure(ind, periode, Settings()).capaian == Decimal(expected)


@pytest.mark.parametrize("agregasi", list(Agregasi))
@pytest.mark.parametrize("periode", list(Periode))
def test_a_period_without_realisasi_is_belum_diisi_for_every_aggregation(agregasi, periode):
    ind = indicator(agregasi=agregasi, target_tw=(10, 20, 30, 40), realisasi_tw=(), target_tahunan=100)
    hasil = measure(ind, periode, Settings())
    assert (hasil.realisasi, hasil.capaian, hasil.status) == (None, None, Status.BELUM_DIISI)
