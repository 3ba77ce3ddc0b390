"""Realisasi anggaran per program, efisiensi with the one rule of ``measure.serapan_efisiensi``, and
their sentences; programs read from the performance tree."""

from __future__ import annotations

from decimal import Decimal

from tests.domain.tree.builders import iku, kecamatan_nodes, tree
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.lkjip.budget import (
    ProgramAnggaran,
    Total,
    anggaran_kalimat,
    efisiensi_kalimat,
    of_sasaran,
    program_kalimat,
    programs_from_tree,
    total,
    total_for,
)
from xlwings_app.domain.measure import serapan_efisiensi
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.tree.rollup import measure_tree

P1 = ProgramAnggaran("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", Decimal(450_000_000),
                     Decimal(280_000_000), Decimal("95.00"), "Meningkatnya kualitas pelayanan publik")  # fmt: skip
P2 = ProgramAnggaran("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", Decimal(40_000_000),
                     Decimal(30_000_000), Decimal("70.00"), "Meningkatnya partisipasi masyarakat desa")  # fmt: skip


def test_a_programs_serapan_and_efisiensi_are_the_measure_rule() -> None:
    # 280 / 450 = 62.22 %; (1 − 62.22 / 95) × 100 = 34.51
    assert (P1.serapan, P1.efisiensi) == (Decimal("62.22"), Decimal("34.51"))
    assert (P1.serapan, P1.efisiensi) == serapan_efisiensi(P1.pagu, P1.realisasi_anggaran, P1.capaian)


def test_the_total_sums_budget_and_averages_capaian() -> None:
    t = total([P1, P2])
    # pagu 490 jt, realisasi 310 jt: serapan 63.27; capaian (95 + 70) / 2 = 82.50; (1 − 63.27 / 82.5) × 100 = 23.31
    assert t == Total(Decimal(490_000_000), Decimal(310_000_000), Decimal("82.50"), Decimal("63.27"), Decimal("23.31"))


def test_a_total_with_a_missing_realisasi_has_no_realisasi() -> None:
    partial = ProgramAnggaran("7.01.06", "Program Pembinaan", Decimal(10_000_000), None)
    t = total_for([P1, partial], Decimal(90))
    assert (t.pagu, t.realisasi_anggaran, t.serapan, t.efisiensi) == (Decimal(460_000_000), None, None, None)


def test_efficiency_sentences() -> None:
    assert efisiensi_kalimat(total_for([P1], Decimal("95.00"))) == (
        "Anggaran untuk sasaran ini sebesar Rp 450.000.000 terealisasi Rp 280.000.000 (serapan 62,22%), sedangkan "
        "capaian kinerjanya 95,00%. Efisiensi 34,51%: capaian kinerja lebih tinggi daripada serapan anggaran.")
    assert efisiensi_kalimat(total_for([P1], Decimal("50.00"))) == (
        "Anggaran untuk sasaran ini sebesar Rp 450.000.000 terealisasi Rp 280.000.000 (serapan 62,22%), sedangkan "
        "capaian kinerjanya 50,00%. Efisiensi -24,44%: serapan anggaran lebih tinggi daripada capaian kinerja, "
        "sehingga penggunaan anggaran belum efisien.")  # fmt: skip
    assert efisiensi_kalimat(total_for([], Decimal(90))) == (
        "Anggaran untuk sasaran ini belum dicatat, sehingga efisiensi penggunaan sumber dayanya belum dapat dianalisis.")
    assert efisiensi_kalimat(total_for([P1], None)).endswith(
        "(serapan 62,22%); capaian kinerjanya belum dapat dihitung, sehingga efisiensi belum dapat dihitung.")


def test_programs_behind_a_sasaran() -> None:
    assert of_sasaran([P1, P2], "meningkatnya  KUALITAS pelayanan publik") == (P1,)
    assert program_kalimat([P1]) == (
        "Sasaran ini didukung oleh satu program: 7.01.02 Program Penyelenggaraan Pemerintahan dan Pelayanan Publik "
        "(pagu Rp 450.000.000, serapan 62,22%, capaian 95,00%).")  # fmt: skip
    assert program_kalimat([]) == "Belum ada program yang dikaitkan dengan sasaran ini."


def test_the_years_budget_sentence() -> None:
    assert anggaran_kalimat([P1, P2], 2024) == (
        "Pagu anggaran tahun 2024 untuk dua program sebesar Rp 490.000.000, terealisasi Rp 310.000.000 (serapan "
        "63,27%). Serapan terendah pada 7.01.02 Program Penyelenggaraan Pemerintahan dan Pelayanan Publik (62,22%).")
    assert anggaran_kalimat([], 2024) == "Belum ada program dengan anggaran yang dicatat untuk tahun 2024."


def test_programs_come_from_the_tree_with_their_sasaran() -> None:
    t = tree(kecamatan_nodes(), [(iku("IKU-1", 5, target_tahunan=100, realisasi_tw=(90,)), "7.01.02")])
    measured = measure_tree(t, Periode.TAHUNAN, Settings())
    programs = programs_from_tree(t, measured)
    assert [(p.kode, p.sasaran) for p in programs] == [
        ("7.01.02", "Meningkatnya kualitas pelayanan publik"),
        ("7.01.03", "Meningkatnya partisipasi masyarakat desa"),
        ("7.01.06", "Meningkatnya partisipasi masyarakat desa"),
    ]
    first = programs[0]
    # the tree sums its sub kegiatan: 100 + 300 + 50 = 450 jt pagu, 80 + 150 + 50 = 280 jt realisasi
    assert (first.pagu, first.realisasi_anggaran, first.capaian) == (Decimal(450_000_000), Decimal(280_000_000),
                                                                       Decimal("90.00"))  # fmt: skip
