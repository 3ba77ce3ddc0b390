"""Item (4): this year's realisasi against a national standard, by polarity."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.domain.lkjip.builders import hasil
from xlwings_app.domain.indicator import Polaritas
from xlwings_app.domain.lkjip.standar import (
    StandarNasional,
    compare_standar,
    from_manuals,
    standar_kalimat,
    standar_number,
)
from xlwings_app.domain.tree.manual import ManualIndikator

SPM = "SPM, Permendagri 59/2021"


def test_only_indicators_with_a_standard_are_compared_by_polarity() -> None:
    results = [
        hasil("IKU-01", 90, "92.1", nama="Persentase pelayanan tepat waktu"),
        hasil("IKU-02", 90, 100),
        hasil("IKU-03", 10, 12, nama="Angka kematian ibu", satuan="kasus", polaritas=Polaritas.NEGATIF),
        hasil("IKU-04", 90, None),
        hasil("IKU-05", 90, 95),
    ]
    standards = [StandarNasional("IKU-01", Decimal(100), SPM), StandarNasional("iku-02", Decimal(100)),
                 StandarNasional("IKU-03", Decimal(10), SPM), StandarNasional("IKU-04", Decimal(100), SPM)]  # fmt: skip
    rows = compare_standar(results, standards)
    assert [(r.kode, r.memenuhi, r.selisih) for r in rows] == [
        ("IKU-01", False, Decimal("-7.9")), ("IKU-02", True, Decimal(0)), ("IKU-03", False, Decimal(2)),
        ("IKU-04", None, None),
    ]  # fmt: skip
    assert standar_kalimat(rows) == (
        "Realisasi IKU-01 Persentase pelayanan tepat waktu sebesar 92,1% belum memenuhi standar nasional 100% (SPM, "
        "Permendagri 59/2021); kurang 7,9%. Realisasi IKU-02 Indikator IKU-02 sebesar 100% sama dengan standar "
        "nasional 100%. Realisasi IKU-03 Angka kematian ibu sebesar 12 kasus melebihi standar nasional 10 kasus "
        "(SPM, Permendagri 59/2021) sebesar 2 kasus. Realisasi IKU-04 Indikator IKU-04 tahun ini belum ada untuk "
        "dibandingkan dengan standar nasional 100% (SPM, Permendagri 59/2021)."
    )


def test_met_standards_and_none_at_all() -> None:
    above = compare_standar([hasil("IKU-01", 90, 105)], [StandarNasional("IKU-01", Decimal(100))])
    below = compare_standar([hasil("IKU-02", 10, 8, polaritas=Polaritas.NEGATIF, satuan="kasus")],
                            [StandarNasional("IKU-02", Decimal(10))])  # fmt: skip
    assert standar_kalimat(above) == "Realisasi IKU-01 Indikator IKU-01 sebesar 105% melampaui standar nasional 100% sebesar 5%."
    assert standar_kalimat(below) == "Realisasi IKU-02 Indikator IKU-02 sebesar 8 kasus tidak melebihi standar nasional 10 kasus."
    assert standar_kalimat(()) == "Indikator sasaran ini belum mempunyai standar nasional untuk dibandingkan."


@pytest.mark.parametrize(("text", "expected"), [
    ("SPM: 100% sesuai maklumat pelayanan", Decimal(100)),
    ("Standar pelayanan PATEN: 15 menit", Decimal(15)),
    ("Target nasional: 1.250,5 orang", Decimal("1250.5")),
    ("95 %", Decimal(95)),
    ("IKM kategori Baik (PermenPANRB 14/2017)", None),  # a regulation's number is no standard
    ("Permendagri 59/2021: lihat lampiran", None),
    ("", None),
])  # fmt: skip
def test_the_standard_number_is_the_one_the_manual_states(text: str, expected: Decimal | None) -> None:
    assert standar_number(text) == expected


def test_manual_rows_with_a_number_become_standards_with_their_text_as_source() -> None:
    manuals = [ManualIndikator("IKU-01", standar="SPM: 100% sesuai maklumat pelayanan"),
               ManualIndikator("IKU-02", standar="IKM kategori Baik (PermenPANRB 14/2017)"),
               ManualIndikator("IKU-03")]  # fmt: skip
    assert from_manuals(manuals) == (StandarNasional("IKU-01", Decimal(100), "SPM: 100% sesuai maklumat pelayanan"),)
