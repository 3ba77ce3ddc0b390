"""Measuring one indicator in one period: status, message and budget efficiency."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.unit.builders import indicator
from xlwings_app.domain.indicator import Periode, Polaritas
from xlwings_app.domain.measure import Status, measure, measure_all
from xlwings_app.domain.settings import Settings, VarianNegatif

TW1 = Periode.TW1
RASIO = Settings(varian_negatif=VarianNegatif.RASIO)


def test_a_capaian_of_100_or_more_is_tercapai():
    hasil = measure(indicator(target_tw=(80,), realisasi_tw=(80,)), TW1, Settings())
    assert (hasil.capaian, hasil.status, hasil.pesan) == (Decimal("100.00"), Status.TERCAPAI, "")


def test_a_capaian_below_100_is_tidak_tercapai():
    hasil = measure(indicator(target_tw=(10000,), realisasi_tw=(9999,)), TW1, Settings())
    assert (hasil.capaian, hasil.status) == (Decimal("99.99"), Status.TIDAK_TERCAPAI)


def test_blank_realisasi_is_belum_diisi_with_a_message_naming_the_period():
    hasil = measure(indicator(target_tw=(10, 20)), Periode.TW2, Settings())
    assert (hasil.capaian, hasil.predikat, hasil.status) == (None, None, Status.BELUM_DIISI)
    assert hasil.pesan == "Realisasi s.d. Triwulan II belum diisi."
    assert not hasil.counted


def test_zero_realisasi_is_measured_not_belum_diisi():
    hasil = measure(indicator(target_tw=(10,), realisasi_tw=(0,)), TW1, Settings())
    assert (hasil.realisasi, hasil.capaian, hasil.predikat) == (Decimal(0), Decimal("0.00"), "Sangat Rendah")
    assert hasil.status is Status.TIDAK_TERCAPAI
    assert hasil.counted


def test_target_zero_with_positive_polarity_is_tidak_dapat_dihitung_and_flagged_for_correction():
    hasil = measure(indicator(target_tw=(0,), realisasi_tw=(3,)), TW1, Settings())
    assert (hasil.capaian, hasil.predikat) == (None, None)
    assert hasil.status is Status.TIDAK_DAPAT_DIHITUNG
    assert "Target 0" in hasil.pesan and "perbaiki target" in hasil.pesan
    assert not hasil.counted


@pytest.mark.parametrize(("realisasi", "expected"), [(0, "100.00"), (2, "0.00")])
def test_target_zero_with_negative_polarity_is_measured(realisasi, expected):
    ind = indicator(polaritas=Polaritas.NEGATIF, target_tw=(0,), realisasi_tw=(realisasi,))
    hasil = measure(ind, TW1, Settings())
    assert hasil.capaian == Decimal(expected)
    assert hasil.counted


def test_blank_target_is_tidak_dapat_dihitung_with_a_message():
    hasil = measure(indicator(target_tw=(), realisasi_tw=(5,)), TW1, Settings())
    assert hasil.status is Status.TIDAK_DAPAT_DIHITUNG
    assert hasil.pesan == "Target Triwulan I belum diisi."


def test_rasio_variant_notes_that_realisasi_zero_was_set_to_100():
    ind = indicator(polaritas=Polaritas.NEGATIF, target_tw=(5,), realisasi_tw=(0,))
    hasil = measure(ind, TW1, RASIO)
    assert (hasil.capaian, hasil.status) == (Decimal("100.00"), Status.TERCAPAI)
    assert "Realisasi 0" in hasil.pesan and "T/R" in hasil.pesan


def test_selisih_variant_has_no_note_for_realisasi_zero():
    ind = indicator(polaritas=Polaritas.NEGATIF, target_tw=(5,), realisasi_tw=(0,))
    hasil = measure(ind, TW1, Settings())
    assert (hasil.capaian, hasil.pesan) == (Decimal("200.00"), "")


def test_the_variant_is_a_setting():
    ind = indicator(polaritas=Polaritas.NEGATIF, target_tw=(8,), realisasi_tw=(10,))
    assert measure(ind, TW1, Settings()).capaian == Decimal("75.00")
    assert measure(ind, TW1, RASIO).capaian == Decimal("80.00")


def test_a_range_target_is_named_in_the_message():
    ind = indicator(target_tw=(), batas_bawah=80, batas_atas=90, realisasi_tw=(85,))
    hasil = measure(ind, TW1, Settings())
    assert (hasil.capaian, hasil.status) == (Decimal("100.00"), Status.TERCAPAI)
    assert "80–90" in hasil.pesan


def test_measure_all_keeps_input_order():
    inds = [indicator(kode=f"IKU-{i}", target_tw=(10,), realisasi_tw=(i,)) for i in (3, 1, 2)]
    assert [h.indicator.kode for h in measure_all(inds, TW1, Settings())] == ["IKU-3", "IKU-1", "IKU-2"]


# --- budget efficiency -------------------------------------------------------------------------

def _budget(pagu, realisasi_anggaran, realisasi=(100,)):
    ind = indicator(target_tw=(100,), realisasi_tw=realisasi, pagu=pagu, realisasi_anggaran=realisasi_anggaran)
    hasil = measure(ind, TW1, Settings())
    return hasil.serapan, hasil.efisiensi


def test_serapan_is_realisasi_anggaran_over_pagu_times_100():
    serapan, _ = _budget(3_000_000, 1_000_000)
    assert serapan == Decimal("33.33")


def test_efisiensi_is_one_minus_serapan_over_capaian_in_percent():
    # serapan 90, capaian 100: the target reached with 10% less than proportional spending
    assert _budget(1_000_000, 900_000) == (Decimal("90.00"), Decimal("10.00"))


def test_efisiensi_is_negative_when_spending_outruns_the_achievement():
    # serapan 75, capaian 60: (1 - 75/60) * 100 = -25
    assert _budget(200, 150, realisasi=(60,)) == (Decimal("75.00"), Decimal("-25.00"))


@pytest.mark.parametrize(
    ("pagu", "realisasi_anggaran"),
    [(None, None), (None, 900), (1000, None), pytest.param(0, 900, id="pagu 0")],
)
def test_no_efficiency_without_both_budget_figures(pagu, realisasi_anggaran):
    assert _budget(pagu, realisasi_anggaran) == (None, None)


@pytest.mark.parametrize("realisasi", [(), (0,)], ids=["blank realisasi", "capaian 0"])
def test_no_efisiensi_without_a_non_zero_capaian_but_serapan_stays(realisasi):
    assert _budget(1000, 900, realisasi=realisasi) == (Decimal("90.00"), None)
