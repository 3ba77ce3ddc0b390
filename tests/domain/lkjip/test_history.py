"""The history: a unit's earlier years per indicator across the Renstra period, joined by kode."""

from __future__ import annotations

from decimal import Decimal

from tests.domain.lkjip.builders import hasil, rec
from xlwings_app.domain.indicator import Agregasi, Polaritas
from xlwings_app.domain.lkjip.history import History, SegelStatus, build_history
from xlwings_app.domain.lkjip.renames import Rename
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.settings import Settings, VarianNegatif

PERIOD = RenstraPeriod(2021, 2025)


def five_years() -> tuple[History, list]:
    current = [hasil("IKU-01", 90, "92.1", target_akhir=95), hasil("IKU-02", 12, 10, agregasi=Agregasi.JUMLAH)]
    records = [
        rec("IKU-01", 2023, 88, 80, capaian="90.91", predikat="Tinggi", sumber="kinerja-2023.xlsx"),
        rec("IKU-01", 2021, 85, 80),
        rec("IKU-01", 2022, 86, 84),
        rec("IKU-01", 2020, 80, 70),
        rec("IKU-02", 2022, 10, 9),
    ]
    return build_history(PERIOD, 2024, current, records, settings=Settings())


def test_each_indicator_holds_its_years_in_order_with_this_year_last() -> None:
    history, _ = five_years()
    iku1 = history.of("IKU-01")
    assert iku1 is not None
    assert iku1.years == (2021, 2022, 2023, 2024)
    assert history.years == (2021, 2022, 2023, 2024)
    assert iku1.record(2024) is not None and iku1.record(2024).capaian == Decimal("102.33")
    assert iku1.before(2024) == iku1.record(2023)
    assert history.of("IKU-02").years == (2022, 2024)  # type: ignore[union-attr]
    assert [i.kode for i in history.indicators] == ["IKU-01", "IKU-02"]


def test_a_recorded_capaian_is_kept_and_a_typed_one_is_computed() -> None:
    history, _ = five_years()
    iku1 = history.of("IKU-01")
    assert iku1 is not None
    # 2023 as that year printed it (its scale and rounding), even though 80 / 88 = 90.909…
    assert (iku1.record(2023).capaian, iku1.record(2023).predikat) == (Decimal("90.91"), "Tinggi")  # type: ignore[union-attr]
    # 2021 typed without capaian: 80 / 85 × 100 = 94.117… → 94.12, Sangat Tinggi (≥ 91)
    assert (iku1.record(2021).capaian, iku1.record(2021).predikat) == (Decimal("94.12"), "Sangat Tinggi")  # type: ignore[union-attr]


def test_a_typed_negative_record_uses_the_units_negative_variant() -> None:
    current = [hasil("IKU-09", 8, 9, polaritas=Polaritas.NEGATIF)]
    settings = Settings(varian_negatif=VarianNegatif.RASIO)
    history, _ = build_history(PERIOD, 2024, current, [rec("IKU-09", 2023, 8, 10)], settings=settings)
    assert history.of("IKU-09").record(2023).capaian == Decimal("80.00")  # type: ignore[union-attr]  # 8 / 10


def test_a_year_outside_the_period_is_left_out_with_a_warning() -> None:
    _, problems = five_years()
    assert [(p.tingkat, p.pesan) for p in problems] == [
        ("peringatan", "IKU-01 tahun 2020 di luar periode Renstra 2021–2025: tidak dipakai dalam riwayat.")
    ]


def test_this_year_or_a_later_one_cannot_come_from_the_history() -> None:
    current = [hasil("IKU-01", 90, 92)]
    history, problems = build_history(PERIOD, 2024, current, [rec("IKU-01", 2024, 90, 91, baris=9)])
    assert [(p.tingkat, p.sheet, p.baris, p.pesan) for p in problems] == [
        ("galat", "Riwayat Tahunan", 9, "IKU-01 tahun 2024 tidak dapat masuk riwayat laporan tahun 2024: riwayat "
         "memuat tahun sebelum 2024 saja; tahun 2024 diukur dari data tahun berjalan."),
    ]  # fmt: skip
    assert history.of("IKU-01").record(2024).realisasi == Decimal(92)  # type: ignore[union-attr]


def test_a_renamed_indicator_keeps_its_earlier_years() -> None:
    renames = [Rename(2023, "IKU-1", "IKU-01")]
    current = [hasil("IKU-01", 90, 92)]
    history, problems = build_history(
        PERIOD, 2024, current, [rec("IKU-1", 2021, 85, 80), rec("IKU-1", 2022, 86, 84), rec("IKU-01", 2023, 88, 85)],
        renames,
    )  # fmt: skip
    iku = history.of("IKU-01")
    assert problems == []
    assert iku is not None and iku.years == (2021, 2022, 2023, 2024)
    assert [r.kode for r in iku.records] == ["IKU-1", "IKU-1", "IKU-01", "IKU-01"]  # as each year wrote it
    assert iku.renames == (renames[0],)


def test_a_value_not_matching_any_indicator_of_this_year_is_left_out_with_a_warning() -> None:
    history, problems = build_history(
        PERIOD, 2024, [hasil("IKU-01", 90, 92)], [rec("IKU-7", 2022, 5, 5), rec("IKU-8", 2022, 1, 1)],
        [Rename(2023, "IKU-8", "IKU-08")],
    )  # fmt: skip
    assert [p.pesan for p in problems] == [
        "IKU-7 tahun 2022 tidak cocok dengan indikator mana pun tahun 2024: catat penggantian kodenya bila "
        "indikator itu berganti kode.",
        "IKU-8 tahun 2022 (menurut penggantian kode menjadi IKU-08) tidak cocok dengan indikator mana pun tahun "
        "2024: catat penggantian kodenya bila indikator itu berganti kode.",
    ]
    assert history.of("IKU-01").years == (2024,)  # type: ignore[union-attr]


def test_a_kode_used_after_its_rename_is_warned_about() -> None:
    _, problems = build_history(
        PERIOD, 2024, [hasil("IKU-1", 90, 92)], [rec("IKU-1", 2023, 88, 85)], [Rename(2023, "IKU-1", "IKU-01")]
    )
    assert problems[0].pesan == ("IKU-1 dipakai untuk tahun 2023, padahal sejak 2023 kode itu diganti menjadi "
                                 "IKU-01: periksa kode atau tahun penggantiannya.")
    assert problems[0].tingkat == "peringatan"


def test_two_different_values_for_one_year_are_an_error_and_the_year_stays_empty() -> None:
    renames = [Rename(2023, "IKU-1", "IKU-01")]
    history, problems = build_history(
        PERIOD, 2024, [hasil("IKU-01", 90, 92)],
        [rec("IKU-1", 2022, 86, 84, sumber="kinerja-2022.xlsx"), rec("IKU-01", 2022, 86, 85, baris=12)], renames,
    )  # fmt: skip
    assert [(p.tingkat, p.baris, p.pesan) for p in problems] == [
        ("galat", 12, "IKU-01 tahun 2022 tercatat dua kali dengan nilai berbeda: IKU-1 (kinerja-2022.xlsx) target "
         "86, realisasi 84; IKU-01 target 86, realisasi 85. Hapus salah satu."),
    ]  # fmt: skip
    assert history.of("IKU-01").record(2022) is None  # type: ignore[union-attr]


def test_the_same_values_twice_are_one_record_the_sealed_one_kept() -> None:
    history, problems = build_history(
        PERIOD, 2024, [hasil("IKU-01", 90, 92)],
        [rec("IKU-01", 2022, 86, 84, sumber="kinerja-2022.xlsx"),
         rec("IKU-01", 2022, 86, 84, sumber="arsip-2022.zip", segel=SegelStatus.TERVERIFIKASI)],
    )  # fmt: skip
    assert problems == []
    record = history.of("IKU-01").record(2022)  # type: ignore[union-attr]
    assert record is not None and (record.sumber, record.segel) == ("arsip-2022.zip", SegelStatus.TERVERIFIKASI)


def test_a_renstra_period_of_six_years_holds_every_year() -> None:
    period = RenstraPeriod(2021, 2026)
    records = [rec("IKU-01", y, 80 + y - 2021, 80) for y in range(2021, 2026)]
    history, problems = build_history(period, 2026, [hasil("IKU-01", 90, 92)], records)
    assert problems == [] and history.of("IKU-01").years == (2021, 2022, 2023, 2024, 2025, 2026)  # type: ignore[union-attr]


def test_a_record_without_a_kode_is_an_error() -> None:
    _, problems = build_history(PERIOD, 2024, [hasil("IKU-01", 90, 92)], [rec(" ", 2022, 5, 5, baris=4)])
    assert [(p.tingkat, p.baris, p.pesan) for p in problems] == [("galat", 4, "Data riwayat tahun 2022 tanpa kode indikator.")]
