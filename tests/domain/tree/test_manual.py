"""The Manual Indikator: a ratio's realisasi computed from its parts, and the SMART gaps as warnings."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.domain.builders import quarterly
from tests.domain.tree.builders import iki, iku
from xlwings_app.domain.indicator import Agregasi, Periode, Polaritas
from xlwings_app.domain.measure import measure
from xlwings_app.domain.settings import Settings, VarianNegatif
from xlwings_app.domain.tree.manual import (
    Frekuensi,
    JenisRumus,
    ManualIndikator,
    apply_manual,
    manual_gaps,
    metodologi,
    realisasi_from_parts,
    smart_gaps,
)

SETTINGS = Settings()


def apbdes_manual(**values: object) -> ManualIndikator:
    base = ManualIndikator(
        kode="IKI-1",
        definisi_operasional="Desa yang menyampaikan rancangan APBDes ke camat untuk dievaluasi paling lambat 31 Januari.",
        jenis_rumus=JenisRumus.RASIO,
        pembilang="Jumlah desa yang menyampaikan APBDes tepat waktu",
        penyebut="Jumlah desa di kecamatan",
        sumber_data="Register evaluasi APBDes Seksi Pemerintahan",
        frekuensi=Frekuensi.TRIWULANAN,
        pembilang_tw=quarterly(8, 11),
        penyebut_tw=quarterly(12, 12),
        sheet="Manual Indikator",
        baris=5,
    )
    return replace(base, **values)


def apbdes_indicator(**values: object):
    """Persentase desa yang menyampaikan APBDes tepat waktu: target 100 % every triwulan."""
    base: dict[str, object] = {"agregasi": Agregasi.AKHIR, "target_tahunan": 100, "target_tw": (100, 100, 100, 100)}
    return iki("IKI-1", 9, **{**base, **values})


def test_a_ratio_s_realisasi_is_pembilang_over_penyebut_times_100_rounded_to_two_decimals():
    computed, problems = realisasi_from_parts(apbdes_manual())
    assert computed == (Decimal("66.67"), Decimal("91.67"), None, None)  # 8/12 and 11/12 of the 12 desa
    assert problems == []
    assert apbdes_manual().rumus() == (
        "Realisasi = (Jumlah desa yang menyampaikan APBDes tepat waktu ÷ Jumlah desa di kecamatan) × 100"
    )


def test_the_computed_realisasi_is_measured_by_the_engine_as_any_other():
    indicator, problems = apply_manual(apbdes_indicator(), apbdes_manual())
    assert problems == []
    assert indicator.realisasi_tw == (Decimal("66.67"), Decimal("91.67"), None, None)
    hasil = measure(indicator, Periode.TW2, SETTINGS)
    assert (hasil.realisasi, hasil.capaian, hasil.predikat) == (Decimal("91.67"), Decimal("91.67"), "Sangat Tinggi")


def test_a_typed_realisasi_that_differs_is_replaced_with_a_notice_stating_the_formula():
    cells = {("IKI", 9, "r1"): "M9"}
    indicator, problems = apply_manual(apbdes_indicator(realisasi_tw=(70,)), apbdes_manual(), cells)
    assert indicator.realisasi_tw[0] == Decimal("66.67")
    assert [(p.sheet, p.sel, p.kolom, p.tingkat) for p in problems] == [("IKI", "M9", "Realisasi TW I", "catatan")]
    assert problems[0].pesan == (
        "Realisasi TW I diketik 70; dari pembilang ÷ penyebut (Jumlah desa yang menyampaikan APBDes tepat waktu ÷ "
        "Jumlah desa di kecamatan) × 100 = 66,67: yang dipakai 66,67."
    )


def test_one_part_without_the_other_or_a_penyebut_of_zero_leaves_the_typed_realisasi_with_a_warning():
    manual = apbdes_manual(pembilang_tw=quarterly(8, 11, 12, 0), penyebut_tw=quarterly(12, 12, None, 0))
    cells = {("Manual Indikator", 5, "q3"): "K5"}
    indicator, problems = apply_manual(apbdes_indicator(realisasi_tw=(None, None, 95)), manual, cells)
    assert indicator.realisasi_tw == (Decimal("66.67"), Decimal("91.67"), Decimal(95), None)
    assert [(p.kolom, p.sel, p.tingkat) for p in problems] == [
        ("Penyebut TW III", "K5", "peringatan"), ("Penyebut TW IV", None, "peringatan"),
    ]  # fmt: skip
    assert "penyebut belum diisi" in problems[0].pesan and "penyebut 0" in problems[1].pesan


def test_a_value_read_directly_is_left_as_typed():
    manual = ManualIndikator("IKU-1", "Nilai IKM hasil survei", sumber_data="Laporan survei kepuasan masyarakat")
    indicator = iku("IKU-1", 5, realisasi_tw=(82,))
    assert apply_manual(indicator, manual) == (indicator, [])
    assert manual.rumus() == "Realisasi = nilai yang diukur langsung"


def test_smart_gaps_are_warnings_naming_the_manual_s_cells():
    cells = {("Manual Indikator", 5, "definisi_operasional"): "C5", ("Manual Indikator", 5, "sumber_data"): "H5",
             ("Manual Indikator", 5, "penyebut"): "F5"}  # fmt: skip
    manual = apbdes_manual(definisi_operasional=" ", sumber_data="", penyebut="")
    found = smart_gaps(apbdes_indicator(), manual, cells)
    assert [(p.sel, p.kolom, p.tingkat) for p in found] == [
        ("C5", "Definisi Operasional", "peringatan"), ("H5", "Sumber Data", "peringatan"),
        ("F5", "Penyebut", "peringatan"),
    ]  # fmt: skip
    assert smart_gaps(apbdes_indicator(), apbdes_manual()) == []


def test_a_percentage_stated_as_a_plain_value_and_a_ratio_summed_over_triwulan_are_warnings():
    plain = apbdes_manual(jenis_rumus=JenisRumus.NILAI)
    found = smart_gaps(apbdes_indicator(agregasi=Agregasi.JUMLAH), plain)
    assert [p.kolom for p in found] == ["Jenis Rumus", "Kode"]
    assert "berupa rasio dengan agregasi Jumlah" in found[1].pesan


def test_an_indicator_without_a_manual_is_one_warning_on_its_row():
    rows = [iku("IKU-1", 5), apbdes_indicator()]
    found = manual_gaps(rows, {"iki-1": apbdes_manual()})
    assert [(p.sheet, p.baris, p.tingkat) for p in found] == [("IKU", 5, "peringatan")]
    assert "belum punya Manual Indikator" in found[0].pesan


def test_the_methodology_states_the_manual_and_the_rules_the_engine_applies():
    negative = iku("IKU-2", 6, polaritas=Polaritas.NEGATIF, batas_bawah=None)
    text = metodologi(negative, None, SETTINGS)
    assert text.rumus_capaian == "Capaian = (2 × Target − Realisasi) ÷ Target × 100 (polaritas negatif, PermenPANRB 6/2022)"
    assert metodologi(negative, None, Settings(varian_negatif=VarianNegatif.RASIO)).rumus_capaian.startswith(
        "Capaian = Target ÷ Realisasi × 100"
    )
    ranged = iku("IKU-3", 7, agregasi=Agregasi.RATA_RATA, target_tahunan=None, batas_bawah=80, batas_atas=90)
    assert metodologi(ranged, None, SETTINGS).rumus_capaian.endswith("target rentang 80–90: realisasi di dalam rentang = 100")
    full = metodologi(apbdes_indicator(), apbdes_manual(standar="SPM: -"), SETTINGS)
    assert (full.definisi_operasional, full.sumber_data, full.frekuensi, full.standar) == (
        apbdes_manual().definisi_operasional, "Register evaluasi APBDes Seksi Pemerintahan", "Triwulanan", "SPM: -"
    )
    assert full.agregasi.startswith("Akhir: realisasi = nilai triwulan terakhir yang terisi")
