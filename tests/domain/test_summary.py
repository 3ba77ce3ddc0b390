"""Summaries for Rekap: counts per predikat, mean capaian (optionally capped), per group."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.domain.builders import indicator
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import Hasil, measure_all
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.summary import by_penanggung_jawab, by_sasaran, mean_capaian, summarize

S1, S2 = "Meningkatnya kualitas pelayanan publik", "Meningkatnya akuntabilitas kinerja"
KASI = "Kasi Pemerintahan"


DEFAULT = Settings()


def _results(settings: Settings = DEFAULT) -> list[Hasil]:
    rows = [
        # kode, sasaran, penanggung jawab, target, realisasi -> capaian / status
        ("A", S1, KASI, 100, 95),  # 95.00 Sangat Tinggi, tidak tercapai
        ("B", S1, "", 100, 80),  # 80.00 Tinggi
        ("C", S2, KASI, 3, 7),  # 233.33 Sangat Tinggi, tercapai
        ("D", S1, "", 0, 5),  # target 0, positive: tidak dapat dihitung
        ("E", S2, "", 100, None),  # belum diisi
        ("F", S2, "", 100, 50),  # 50.00 Sangat Rendah
    ]
    inds = [
        indicator(kode=k, sasaran=s, penanggung_jawab=pj, target_tw=(t,), realisasi_tw=(r,))
        for k, s, pj, t, r in rows
    ]
    return measure_all(inds, Periode.TW1, settings)


def test_counts_per_predikat_list_every_label_of_the_scale_best_first_zeros_included():
    ringkasan = summarize("Kecamatan Lumajang", _results(), Settings())
    assert ringkasan.per_predikat == {
        "Sangat Tinggi": 2, "Tinggi": 1, "Sedang": 0, "Rendah": 0, "Sangat Rendah": 1,
    }


def test_counts_per_status_include_the_results_without_capaian():
    ringkasan = summarize("Kecamatan Lumajang", _results(), Settings())
    assert ringkasan.jumlah_indikator == 6
    assert (ringkasan.tercapai, ringkasan.tidak_tercapai) == (1, 3)
    assert (ringkasan.belum_diisi, ringkasan.tidak_dapat_dihitung) == (1, 1)


def test_mean_capaian_takes_only_computed_capaian_uncapped_by_default():
    # (95 + 80 + 233.33 + 50) / 4 = 114.5825; D (not computable) and E (blank) are left out
    assert summarize("x", _results(), Settings()).rata_rata_capaian == Decimal("114.58")


def test_mean_capaian_with_batas_rata_rata_caps_each_capaian_entering_the_mean():
    settings = Settings(batas_rata_rata=Decimal(100))
    results = _results(settings)
    # (95 + 80 + 100 + 50) / 4 = 81.25
    assert summarize("x", results, settings).rata_rata_capaian == Decimal("81.25")


def test_the_cap_never_changes_the_printed_capaian():
    results = _results(Settings(batas_rata_rata=Decimal(100)))
    assert results[2].capaian == Decimal("233.33")


def test_mean_of_no_computed_capaian_is_none():
    results = [h for h in _results() if h.capaian is None]
    assert mean_capaian(results) is None
    assert mean_capaian([]) is None


def test_mean_capaian_is_rounded_half_away_from_zero():
    results = [h for h in _results() if h.indicator.kode in ("A", "B", "C")]
    # (95 + 80 + 233.33) / 3 = 136.11
    assert mean_capaian(results) == Decimal("136.11")
    assert mean_capaian(results, cap=Decimal("100.005")) == Decimal("91.67")


def test_by_sasaran_groups_in_order_of_first_appearance():
    groups = by_sasaran(_results(), Settings())
    assert [g.nama for g in groups] == [S1, S2]
    s1, s2 = groups
    assert (s1.jumlah_indikator, s1.rata_rata_capaian, s1.tidak_dapat_dihitung) == (3, Decimal("87.50"), 1)
    assert (s2.jumlah_indikator, s2.rata_rata_capaian, s2.belum_diisi) == (3, Decimal("141.67"), 1)
    assert s2.per_predikat["Sangat Tinggi"] == 1 and s2.per_predikat["Sangat Rendah"] == 1


def test_by_penanggung_jawab_names_a_blank_group():
    groups = by_penanggung_jawab(_results(), Settings())
    assert [g.nama for g in groups] == [KASI, "(tanpa nama)"]
    kasi, _ = groups
    # (95 + 233.33) / 2 = 164.165 -> 164.17
    assert (kasi.jumlah_indikator, kasi.rata_rata_capaian) == (2, Decimal("164.17"))


@pytest.mark.parametrize("cap", [None, Decimal(100)])
def test_as_dict_gives_json_numbers(cap):
    settings = Settings(batas_rata_rata=cap)
    data = summarize("Kecamatan Lumajang", _results(settings), settings).as_dict()
    assert isinstance(data["rata_rata_capaian"], float)
    assert data["nama"] == "Kecamatan Lumajang"
    assert data["per_predikat"]["Tinggi"] == 1


def test_as_dict_mean_is_null_without_any_capaian():
    results = [h for h in _results() if h.capaian is None]
    assert summarize("x", results, Settings()).as_dict()["rata_rata_capaian"] is None
