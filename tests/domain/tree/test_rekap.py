"""The Rekapitulasi per level (``rekap.per_tingkat``) of the kecamatan tree, every figure worked by hand
from the capaian ``rollup.measure_tree`` gives each node (tests/domain/tree/test_rollup.py)."""

from __future__ import annotations

from decimal import Decimal

from tests.domain.tree.builders import iki, iku, kecamatan_nodes, tree
from xlwings_app.domain.indicator import Periode, Polaritas
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.rekap import RingkasanTingkat, per_tingkat
from xlwings_app.domain.tree.rollup import CapaianSimpul, measure_tree

D = Decimal


def measured() -> dict[str, CapaianSimpul]:
    hung = [
        (iki("IKI-A", 5, target_tahunan=100, realisasi_tw=(80,)), "7.01.02.2.01.0001"),  # 80.00
        (iki("IKI-B", 6, target_tahunan=10, realisasi_tw=(12,)), "7.01.02.2.01.0002"),  # 120.00
        (iki("IKI-C", 7, target_tahunan=4, realisasi_tw=(3,)), "7.01.02.2.02.0003"),  # 75.00
        (iki("IKI-D", 8, target_tahunan=100, realisasi_tw=(95,)), "7.01.02.2.02"),  # 95.00, the kegiatan's own
        (iku("IKU-1", 5, target_tahunan=100, realisasi_tw=(90,)), "S1"),  # 90.00
        (iki("IKI-E", 9, target_tahunan=10, realisasi_tw=(5,)), "7.01.03.2.01.0001"),  # 50.00
        (iku("IKU-2", 6, target_tahunan=10, realisasi_tw=(8,), polaritas=Polaritas.NEGATIF), "S2"),  # 120.00
    ]
    return measure_tree(tree(kecamatan_nodes(), hung), Periode.TAHUNAN, Settings())


def test_each_level_has_its_count_mean_and_budget_from_tujuan_to_sub_kegiatan() -> None:
    jt = D(1_000_000)
    assert per_tingkat(measured()) == [
        RingkasanTingkat(Jenjang.TUJUAN, 1, 1, D("105.00"), None, None, None),  # T1 = (90 + 120) / 2
        RingkasanTingkat(Jenjang.SASARAN, 2, 2, D("105.00"), None, None, None),  # (90 + 120) / 2
        # 7.01.02 97,50, 7.01.03 50,00, 7.01.06 nothing: (97,5 + 50) / 2 = 73,75; pagu 450 + 40 jt,
        # realisasi 280 + 30 jt, serapan 310 / 490 = 63,265… %
        RingkasanTingkat(Jenjang.PROGRAM, 3, 2, D("73.75"), 490 * jt, 310 * jt, D("63.27")),
        # (100 + 95 + 50) / 3 = 81,666…
        RingkasanTingkat(Jenjang.KEGIATAN, 3, 3, D("81.67"), 490 * jt, 310 * jt, D("63.27")),
        # (80 + 120 + 75 + 50) / 4 = 81,25; pagu 100 + 300 + 50 + 40 jt, realisasi 80 + 150 + 50 + 30 jt
        RingkasanTingkat(Jenjang.SUB_KEGIATAN, 4, 4, D("81.25"), 490 * jt, 310 * jt, D("63.27")),
    ]


def test_a_level_without_nodes_is_left_out_and_one_without_capaian_has_no_mean() -> None:
    results = measure_tree(tree(kecamatan_nodes()[:3]), Periode.TAHUNAN, Settings())  # T1, S1, 7.01.02: no indicator
    found = per_tingkat(results)
    assert [r.jenjang for r in found] == [Jenjang.TUJUAN, Jenjang.SASARAN, Jenjang.PROGRAM]
    assert [(r.jumlah, r.dihitung, r.rata_rata) for r in found] == [(1, 0, None)] * 3
    assert (found[2].pagu, found[2].realisasi_anggaran, found[2].serapan) == (None, None, None)  # no sub kegiatan, no pagu
