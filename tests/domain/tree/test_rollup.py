"""Capaian at every level: each node's own indicators, the roll-up of its children, efisiensi.

The expected values are worked by hand below each test's tree (s.d. the year, agregasi Akhir).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.tree.builders import SK, K, P, S, iki, iku, kecamatan_nodes, node, tree
from xlwings_app.domain.indicator import Periode, Polaritas
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.tree.rollup import DEFAULT_METODE, MetodeRollUp, Sumber, measure_tree, roll_up

YEAR = Periode.TAHUNAN


def measured_kecamatan(metode: MetodeRollUp = DEFAULT_METODE, settings: Settings | None = None):
    hung = [
        (iki("IKI-A", 5, target_tahunan=100, realisasi_tw=(80,)), "7.01.02.2.01.0001"),  # 80.00
        (iki("IKI-B", 6, target_tahunan=10, realisasi_tw=(12,)), "7.01.02.2.01.0002"),  # 120.00
        (iki("IKI-C", 7, target_tahunan=4, realisasi_tw=(3,)), "7.01.02.2.02.0003"),  # 75.00
        (iki("IKI-D", 8, target_tahunan=100, realisasi_tw=(95,)), "7.01.02.2.02"),  # 95.00, the kegiatan's own
        (iku("IKU-1", 5, target_tahunan=100, realisasi_tw=(90,)), "S1"),  # 90.00
        (iki("IKI-E", 9, target_tahunan=10, realisasi_tw=(5,)), "7.01.03.2.01.0001"),  # 50.00
        (iku("IKU-2", 6, target_tahunan=10, realisasi_tw=(8,), polaritas=Polaritas.NEGATIF), "S2"),  # (20−8)/10 = 120.00
    ]
    return measure_tree(tree(kecamatan_nodes(), hung), YEAR, settings or Settings(), metode)


def capaian(results, kode):
    return results[kode.casefold()].capaian


def test_the_default_roll_up_is_the_plain_mean_of_the_children():
    assert DEFAULT_METODE is MetodeRollUp.RATA_RATA
    r = measured_kecamatan()
    assert capaian(r, "7.01.02.2.01") == Decimal("100.00")  # (80 + 120) / 2
    assert capaian(r, "7.01.02.2.02") == Decimal("95.00")  # its own IKI-D, not its sub kegiatan's 75
    assert capaian(r, "7.01.02") == Decimal("97.50")  # (100 + 95) / 2
    assert capaian(r, "S1") == Decimal("90.00")  # its IKU measures it ...
    assert r["s1"].capaian_turunan == Decimal("97.50")  # ... and its program's roll-up is shown beside it
    assert capaian(r, "7.01.03") == Decimal("50.00")
    assert capaian(r, "7.01.06") is None and r["7.01.06"].sumber is Sumber.TIDAK_ADA
    assert capaian(r, "S2") == Decimal("120.00")  # negative polarity, (2 × 10 − 8) / 10 × 100
    assert capaian(r, "T1") == Decimal("105.00")  # (90 + 120) / 2
    assert r["t1"].sumber is Sumber.TURUNAN and r["s1"].sumber is Sumber.INDIKATOR
    assert r["t1"].predikat == "Sangat Tinggi" and r["7.01.03"].predikat == "Sangat Rendah"  # 50 < 51


def test_the_pagu_weighted_roll_up_weighs_each_child_by_its_budget():
    r = measured_kecamatan(MetodeRollUp.BOBOT_PAGU)
    assert capaian(r, "7.01.02.2.01") == Decimal("110.00")  # (80 × 100 jt + 120 × 300 jt) / 400 jt
    assert capaian(r, "7.01.02") == Decimal("108.33")  # (110 × 400 jt + 95 × 50 jt) / 450 jt = 108,333…
    assert capaian(r, "T1") == Decimal("92.45")  # (90 × 450 jt + 120 × 40 jt) / 490 jt = 92,448…
    assert r["t1"].metode is MetodeRollUp.BOBOT_PAGU


def test_efisiensi_per_program_and_kegiatan_is_capaian_against_serapan():
    r = measured_kecamatan()
    program = r["7.01.02"]
    assert (program.pagu, program.realisasi_anggaran) == (Decimal(450_000_000), Decimal(280_000_000))
    assert program.serapan == Decimal("62.22")  # 280 / 450 × 100
    assert program.efisiensi == Decimal("36.18")  # (1 − 62,22 / 97,50) × 100
    kegiatan = r["7.01.02.2.01"]
    assert (kegiatan.serapan, kegiatan.efisiensi) == (Decimal("57.50"), Decimal("42.50"))  # 230/400; 1 − 57,5/100
    assert r["s1"].serapan is None and r["s1"].efisiensi is None  # a sasaran has no budget of its own


def test_the_unit_s_cap_on_means_applies_to_each_child_s_capaian():
    r = measured_kecamatan(settings=Settings(batas_rata_rata=Decimal(100)))
    assert capaian(r, "7.01.02.2.01.0002") == Decimal("100.00")  # 120 capped in its own mean
    assert capaian(r, "7.01.02.2.01") == Decimal("90.00")  # (80 + 100) / 2
    assert r["7.01.02.2.01.0002"].hasil[0].capaian == Decimal("120.00")  # the printed capaian is never capped


def test_each_node_s_own_indicators_are_measured_with_the_engine():
    r = measured_kecamatan()
    sub = r["7.01.02.2.01.0002"]
    assert [(h.indicator.kode, h.target, h.realisasi, h.capaian) for h in sub.hasil] == [
        ("IKI-B", Decimal(10), Decimal(12), Decimal("120.00"))
    ]
    assert sub.capaian_sendiri == Decimal("120.00") and sub.anak_dihitung == 0
    assert r["7.01.02"].anak_dihitung == 2 and r["7.01.02"].hasil == ()


def test_without_any_pagu_the_weighted_roll_up_falls_back_to_the_mean_and_says_so():
    nodes = [node(S, "S1", 5), node(P, "7.01.02", 6, "S1"), node(K, "7.01.02.2.01", 7), node(K, "7.01.02.2.02", 8)]
    hung = [(iki("A", 5, target_tahunan=100, realisasi_tw=(60,)), "7.01.02.2.01"),
            (iki("B", 6, target_tahunan=100, realisasi_tw=(100,)), "7.01.02.2.02")]  # fmt: skip
    r = measure_tree(tree(nodes, hung), YEAR, Settings(), MetodeRollUp.BOBOT_PAGU)
    assert capaian(r, "7.01.02") == Decimal("80.00")
    assert r["7.01.02"].catatan == "Tidak ada pagu di tingkat bawah: dipakai rata-rata biasa."


def test_a_node_whose_indicators_are_not_filled_in_takes_its_children_s_capaian():
    nodes = [node(P, "7.01.02", 5), node(K, "7.01.02.2.01", 6), node(SK, "7.01.02.2.01.0001", 7, pagu=1)]
    hung = [(iki("A", 5, target_tahunan=100), "7.01.02.2.01"),  # no realisasi yet
            (iki("B", 6, target_tahunan=100, realisasi_tw=(70,)), "7.01.02.2.01.0001")]  # fmt: skip
    r = measure_tree(tree(nodes, hung), YEAR, Settings())
    assert r["7.01.02.2.01"].capaian_sendiri is None and capaian(r, "7.01.02.2.01") == Decimal("70.00")


capaian_values = st.decimals(Decimal(0), Decimal(500), places=2)
pagu_values = st.decimals(Decimal(1), Decimal(10) ** 12, places=0)


@given(st.lists(capaian_values, min_size=1, max_size=30))
def test_the_mean_lies_between_the_lowest_and_highest_child(values):
    mean, note = roll_up(((c, None) for c in values), MetodeRollUp.RATA_RATA)
    assert mean is not None and min(values) <= mean <= max(values) and note == ""


@given(st.lists(capaian_values, min_size=1, max_size=30), pagu_values)
def test_equal_budgets_weigh_as_the_plain_mean(values, pagu):
    weighted, _ = roll_up(((c, pagu) for c in values), MetodeRollUp.BOBOT_PAGU)
    plain, _ = roll_up(((c, pagu) for c in values), MetodeRollUp.RATA_RATA)
    assert weighted == plain


@given(st.lists(st.tuples(capaian_values, pagu_values), min_size=1, max_size=30))
def test_the_weighted_mean_lies_between_the_lowest_and_highest_child(pairs):
    weighted, _ = roll_up(pairs, MetodeRollUp.BOBOT_PAGU)
    assert weighted is not None and min(c for c, _ in pairs) <= weighted <= max(c for c, _ in pairs)


@pytest.mark.parametrize("metode", list(MetodeRollUp))
def test_children_without_capaian_are_left_out_and_none_at_all_is_no_capaian(metode):
    assert roll_up([(None, Decimal(5)), (Decimal(80), Decimal(5))], metode)[0] == Decimal("80.00")
    assert roll_up([(None, Decimal(5))], metode) == (None, "")
