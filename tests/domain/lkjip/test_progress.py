"""Cumulative Renstra progress per agregasi and polaritas, against values worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.domain.lkjip.builders import hasil, rec
from xlwings_app.domain.indicator import Agregasi, Periode, Polaritas
from xlwings_app.domain.lkjip.history import IndicatorHistory, build_history
from xlwings_app.domain.lkjip.progress import renstra_progress
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.progres import progres_renstra
from xlwings_app.domain.settings import Settings, VarianNegatif

PERIOD = RenstraPeriod(2021, 2025)
JUMLAH, AKHIR, RATA = Agregasi.JUMLAH, Agregasi.AKHIR, Agregasi.RATA_RATA
NEGATIF = Polaritas.NEGATIF


def history_of(current_realisasi: object, earlier: dict[int, object], **kw: object) -> IndicatorHistory:
    current = [hasil("IKU-01", 1, current_realisasi, **kw)]
    records = [rec("IKU-01", year, 1, value) for year, value in earlier.items()]
    history, problems = build_history(PERIOD, 2024, current, records)
    assert problems == []
    found = history.of("IKU-01")
    assert found is not None
    return found


def test_jumlah_sums_every_year_against_the_period_total() -> None:
    # 18 + 20 + 22 + 25 = 85 dokumen of 100 over the period: 85 / 100 × 100 = 85.00; 15 still to go
    h = history_of(25, {2021: 18, 2022: 20, 2023: 22}, agregasi=JUMLAH, target_akhir=100, satuan="dokumen")
    p = renstra_progress(h, PERIOD, 2024)
    assert (p.nilai, p.progres, p.sisa) == (Decimal(85), Decimal("85.00"), Decimal(15))
    assert (p.tahun_dihitung, p.tahun_kosong) == ((2021, 2022, 2023, 2024), ())


def test_jumlah_with_a_missing_year_has_no_progress_and_names_the_year() -> None:
    h = history_of(25, {2021: 18, 2023: 22}, agregasi=JUMLAH, target_akhir=100)
    p = renstra_progress(h, PERIOD, 2024)
    assert (p.nilai, p.progres, p.tahun_kosong) == (None, None, (2022,))


def test_jumlah_negative_is_the_share_of_the_ceiling_used() -> None:
    # at most 50 kasus over the period; 12 + 9 + 11 = 32 by 2023: 32 / 50 × 100 = 64.00 of the ceiling used
    h = history_of(None, {2021: 12, 2022: 9, 2023: 11}, agregasi=JUMLAH, polaritas=NEGATIF, target_akhir=50)
    p = renstra_progress(h, PERIOD, 2023)
    assert (p.nilai, p.progres, p.sisa) == (Decimal(32), Decimal("64.00"), Decimal(18))
    # by 2024 the year has no realisasi yet: the sum is not complete
    assert renstra_progress(h, PERIOD, 2024).tahun_kosong == (2024,)


def test_jumlah_negative_past_the_ceiling_is_above_100() -> None:
    h = history_of(20, {2021: 12, 2022: 9, 2023: 11}, agregasi=JUMLAH, polaritas=NEGATIF, target_akhir=50)
    p = renstra_progress(h, PERIOD, 2024)
    assert (p.nilai, p.progres, p.sisa) == (Decimal(52), Decimal("104.00"), Decimal(-2))


def test_akhir_takes_the_latest_year_against_the_end_target() -> None:
    # 92.1 / 95 × 100 = 96.947… → 96.95
    h = history_of("92.1", {2021: 80, 2022: 84, 2023: 85}, target_akhir=95)
    p = renstra_progress(h, PERIOD, 2024)
    assert (p.nilai, p.progres, p.tahun_dihitung) == (Decimal("92.1"), Decimal("96.95"), (2024,))


def test_akhir_without_this_years_realisasi_takes_the_latest_year_that_has_one() -> None:
    h = history_of(None, {2021: 80, 2022: 84, 2023: 85}, target_akhir=95)
    p = renstra_progress(h, PERIOD, 2024)  # 85 / 95 = 89.473… → 89.47
    assert (p.nilai, p.progres, p.tahun_dihitung, p.tahun_kosong) == (Decimal(85), Decimal("89.47"), (2023,), (2024,))


def test_akhir_negative_by_each_variant() -> None:
    # poverty rate, end target at most 8 %; 9 % in 2024: (2 × 8 − 9) / 8 × 100 = 87.50; T/R: 8 / 9 = 88.89
    h = history_of(9, {2021: 11, 2022: 10, 2023: "9.5"}, polaritas=NEGATIF, target_akhir=8)
    assert renstra_progress(h, PERIOD, 2024).progres == Decimal("87.50")
    rasio = Settings(varian_negatif=VarianNegatif.RASIO)
    assert renstra_progress(h, PERIOD, 2024, rasio).progres == Decimal("88.89")
    # already below the end target in 2024 (7 %): (16 − 7) / 8 = 112.50
    better = history_of(7, {2023: "9.5"}, polaritas=NEGATIF, target_akhir=8)
    assert renstra_progress(better, PERIOD, 2024).progres == Decimal("112.50")


def test_rata_rata_takes_the_mean_of_the_years() -> None:
    # (80 + 85 + 90) / 3 = 85; 85 / 90 × 100 = 94.444… → 94.44; 2022 without realisasi is left out of the mean
    h = history_of(90, {2021: 80, 2023: 85}, agregasi=RATA, target_akhir=90)
    p = renstra_progress(h, PERIOD, 2024)
    assert (p.nilai, p.progres, p.tahun_dihitung, p.tahun_kosong) == (
        Decimal(85), Decimal("94.44"), (2021, 2023, 2024), (2022,))  # fmt: skip


def test_rata_rata_negative() -> None:
    # mean of 10, 12, 11 = 11 against at most 10: (20 − 11) / 10 × 100 = 90.00
    h = history_of(11, {2022: 10, 2023: 12}, agregasi=RATA, polaritas=NEGATIF, target_akhir=10)
    assert renstra_progress(h, PERIOD, 2024).progres == Decimal("90.00")


@pytest.mark.parametrize("agregasi", list(Agregasi))
def test_no_end_target_or_no_realisasi_gives_no_progress(agregasi: Agregasi) -> None:
    no_target = renstra_progress(history_of(5, {2021: 5, 2022: 5, 2023: 5}, agregasi=agregasi), PERIOD, 2024)
    assert no_target.progres is None and no_target.nilai is not None
    nothing = renstra_progress(history_of(None, {}, agregasi=agregasi, target_akhir=10), PERIOD, 2024)
    assert (nothing.nilai, nothing.progres) == (None, None)


def test_jumlah_with_an_end_target_of_zero_has_no_progress() -> None:
    h = history_of(0, {2021: 0, 2022: 0, 2023: 0}, agregasi=JUMLAH, polaritas=NEGATIF, target_akhir=0)
    assert renstra_progress(h, PERIOD, 2024).progres is None


@pytest.mark.parametrize(("agregasi", "polaritas"), [(a, p) for a in Agregasi for p in Polaritas])
def test_a_period_of_one_year_agrees_with_this_years_progress(agregasi: Agregasi, polaritas: Polaritas) -> None:
    """With only this year, the cumulative rule is ``domain.progres.progres_renstra``'s."""
    h = hasil("IKU-01", 10, 8, agregasi=agregasi, polaritas=polaritas, target_akhir=12)
    history, _ = build_history(RenstraPeriod(2024, 2024), 2024, [h], [])
    found = history.of("IKU-01")
    assert found is not None and h.periode is Periode.TAHUNAN
    assert renstra_progress(found, RenstraPeriod(2024, 2024), 2024).progres == progres_renstra(h, Settings())
