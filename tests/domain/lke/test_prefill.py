"""The criteria Kinerja can pre-fill, each with the facts it needs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from xlwings_app.domain.lke.model import Lke
from xlwings_app.domain.lke.prefill import PREFILL, Fact, prefillable


def test_about_a_third_of_the_criteria_can_be_prefilled(lke: Lke) -> None:
    criteria = prefillable(lke)
    assert len(criteria) == 26
    assert 0.25 < len(criteria) / len(list(lke.criteria())) < 0.4
    assert [c.id for c, _ in criteria][:4] == ["1.a.1", "1.a.4", "1.a.5", "1.b.1"]


@pytest.mark.parametrize(
    ("criterion", "fact"),
    [
        ("1.a.4", Fact.PK_DITANDATANGANI),  # PK made and signed
        ("1.a.5", Fact.RENCANA_AKSI),
        ("1.c.4", Fact.TARGET_TRIWULAN),
        ("2.b.4", Fact.PENGUMPULAN_DATA_BERKALA),  # forms with receipts, a whole rekap
        ("2.b.7", Fact.PENGUKURAN_TI),
        ("2.b.5", Fact.PENGUKURAN_BERJENJANG),  # unit and official level
        ("1.b.8", Fact.CASCADING),  # IKU -> IKI
        ("3.b.4", Fact.TARGET_JANGKA_MENENGAH),
        ("2.c.8", Fact.EFISIENSI_ANGGARAN),
        ("3.a.2", Fact.LAPORAN_BERKALA),
        ("3.a.3", Fact.LAPORAN_DIFORMALKAN),
        ("3.a.6", Fact.LAPORAN_TEPAT_WAKTU),  # against the SOP's times
        ("3.b.3", Fact.PERBANDINGAN_TARGET_TAHUNAN),
        ("3.b.5", Fact.PERBANDINGAN_TAHUN_SEBELUMNYA),
        ("1.b.6", Fact.INDIKATOR_KONSISTEN),  # indicators kept across years
        ("4.c.1", Fact.REKOMENDASI_DITINDAKLANJUTI),
        ("2.c.6", Fact.RENCANA_AKSI_DILAKSANAKAN),
    ],
)
def test_each_fact_of_the_issue_answers_its_criterion(criterion: str, fact: Fact) -> None:
    assert fact in PREFILL[criterion]


def test_every_fact_is_used_and_described() -> None:
    used = {fact for facts in PREFILL.values() for fact in facts}
    assert used == set(Fact)
    assert all(fact.uraian.endswith(".") for fact in Fact)


def test_a_mapping_to_a_criterion_the_lke_lacks_is_a_defect(lke: Lke) -> None:
    smaller = replace(lke, components=lke.components[:3])
    with pytest.raises(KeyError, match="4.c.1"):
        prefillable(smaller)
