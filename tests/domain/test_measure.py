"""Measuring one indicator in one period: status, message and budget efficiency."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from itertools import product

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.domain.builders import indicator
from tests.domain.test_properties import indicators, maybe, maybe_excel
from xlwings_app.domain.aggregation import realisasi_expr, target_expr
from xlwings_app.domain.capaian import CAPAIAN
from xlwings_app.domain.expr import interpret, round_half_away
from xlwings_app.domain.indicator import Agregasi, Indicator, Periode, Polaritas
from xlwings_app.domain.measure import (
    Hasil,
    Measured,
    Status,
    _carry_note,
    _efficiency,
    _explain,
    carried_from,
    carry_note,
    indicator_env,
    measure,
    measure_all,
    measure_fields,
    range_note,
)
from xlwings_app.domain.predikat import PREDIKAT
from xlwings_app.domain.settings import DEFAULT_SCALE, Band, Scale, Settings, VarianNegatif

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


# --- measure is the rules, evaluated by the reference interpreter ------------------------------

def by_the_rules(ind: Indicator, periode: Periode, settings: Settings) -> tuple[object, ...]:
    """``measure``'s fields from the rule trees walked by ``interpret`` and the general message
    functions: what ``measure`` must give, fast path or not."""
    t, r = ind.target_tw, ind.realisasi_tw
    own_target = ind.target_tahunan if periode is Periode.TAHUNAN else t[periode.last_tw - 1]
    if r[periode.last_tw - 1] is None and own_target is None and not ind.is_range:  # nothing to measure
        return None, None, None, None, Status.TIDAK_ADA_TARGET, "Tidak ada target pada periode ini.", None, None
    env = {"target_tahunan": ind.target_tahunan, "agregasi": ind.agregasi.value,
           **{f"t{i + 1}": t[i] for i in range(4)}, **{f"r{i + 1}": r[i] for i in range(4)}}  # fmt: skip
    target, realisasi = (interpret(rule(periode), env) for rule in (target_expr, realisasi_expr))
    target = target if isinstance(target, Decimal) else None
    realisasi = realisasi if isinstance(realisasi, Decimal) else None
    value = interpret(CAPAIAN, {
        "realisasi": realisasi, "target": target, "batas_bawah": ind.batas_bawah, "batas_atas": ind.batas_atas,
        "polaritas": ind.polaritas.value, "varian_negatif": settings.varian_negatif.value})  # fmt: skip
    value = round_half_away(value, 2) if isinstance(value, Decimal) else None
    label = None
    if value is not None:
        found = interpret(PREDIKAT, {"capaian": round_half_away(value, 2), "skala_batas": settings.skala.bounds,
                                     "skala_label": settings.skala.labels})  # fmt: skip
        label = found if isinstance(found, str) and found else None
    status, pesan = _explain(ind, target, realisasi, value, periode, settings.varian_negatif)
    if realisasi is not None and (note := carry_note(ind, periode)):
        pesan = f"{note} {pesan}".strip()
    serapan, efisiensi = _efficiency(ind, value)
    return target, realisasi, value, label, status, pesan, serapan, efisiensi


IKI_SCALE = Scale((Band(Decimal(0), "Sangat Kurang"), Band(Decimal(60), "Kurang"), Band(Decimal(80), "Cukup"),
                   Band(Decimal(100), "Baik")))  # fmt: skip


few = st.sampled_from([None, Decimal(0), Decimal(5), Decimal(10)])
"""Few values, so zeros, equal values and blanks meet: targets 0, realisasi 0, carried triwulan."""


@settings(max_examples=600, deadline=None)
@example(ind=indicator(polaritas=Polaritas.NEGATIF, target_tw=(5,), realisasi_tw=(0,)), periode=Periode.TW1,
         var=VarianNegatif.RASIO, skala=DEFAULT_SCALE)  # fmt: skip
@given(
    ind=st.one_of(indicators(maybe), indicators(maybe_excel), indicators(few), indicators(few)),
    periode=st.sampled_from(Periode),
    var=st.sampled_from(VarianNegatif),
    skala=st.sampled_from([DEFAULT_SCALE, IKI_SCALE]),
)
def test_measure_gives_what_the_rules_give(ind, periode, var, skala):
    unit = Settings(varian_negatif=var, skala=skala)
    hasil = measure(ind, periode, unit)
    fields = (hasil.target, hasil.realisasi, hasil.capaian, hasil.predikat, hasil.status, hasil.pesan,
              hasil.serapan, hasil.efisiensi)  # fmt: skip
    expected = by_the_rules(ind, periode, unit)
    assert [repr(f) for f in fields] == [repr(f) for f in expected]
    assert measure_fields(ind, periode, unit, indicator_env(ind)) == fields
    assert measure_fields(ind, periode, unit, indicator_env(ind), range_note(ind)) == fields


@pytest.mark.parametrize("agregasi", list(Agregasi))
@pytest.mark.parametrize("periode", list(Periode))
def test_every_carry_note_is_the_one_written_for_its_triwulan(agregasi: Agregasi, periode: Periode) -> None:
    """The notes are a table made once: every pattern of blank realisasi finds its note in it."""
    for filled in product((None, Decimal(1)), repeat=4):
        ind = indicator(agregasi=agregasi, target_tw=(1, 1, 1, 1), realisasi_tw=filled)
        used = carried_from(ind, periode)
        assert carry_note(ind, periode) == (_carry_note(agregasi, periode, used) if used else None)


def test_the_range_note_names_both_bounds_and_is_empty_without_a_range() -> None:
    assert range_note(indicator(batas_bawah=80, batas_atas=Decimal("90.5"))) == "Target rentang 80–90,5."
    assert range_note(indicator(target_tw=(1,))) == ""


def test_measured_measures_again_what_measure_all_holds() -> None:
    """``Measured`` keeps no result: each one asked for is measured anew, and equals ``measure_all``'s."""
    indicators = [indicator(kode=f"IKU-{i}", target_tw=(10, 20), realisasi_tw=(i, None)) for i in range(6)]
    held = measure_all(indicators, Periode.TW2, RASIO)
    measured = Measured(indicators, Periode.TW2, RASIO)
    assert list(measured) == held and len(measured) == len(held)
    assert measured[3] == held[3] and list(measured[1:4]) == held[1:4] and measured[-1] == held[-1]


def test_a_result_made_through_its_slots_holds_each_field_given() -> None:
    """``Hasil.__init__`` sets the slots directly (not the frozen dataclass's own __init__): each
    field holds what was given, serapan and efisiensi are None unless given, and it stays frozen and equal."""
    names = [f.name for f in dataclasses.fields(Hasil)]
    values = [f"nilai-{name}" for name in names]
    by_position = Hasil(*values)  # type: ignore[arg-type]
    by_name = Hasil(**dict(zip(names, values, strict=True)))  # type: ignore[arg-type]
    assert [getattr(by_position, n) for n in names] == values == [getattr(by_name, n) for n in names]
    short = Hasil(*values[:8])  # type: ignore[arg-type]
    assert (short.serapan, short.efisiensi) == (None, None) and len(names) == 10
    assert dataclasses.replace(by_name, pesan="lain").pesan == "lain" and by_position == by_name
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_name.pesan = "x"  # type: ignore[misc]
