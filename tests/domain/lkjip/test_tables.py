"""The tables' content as rows, and the chart series."""

from __future__ import annotations

from decimal import Decimal

from tests.domain.lkjip.builders import SASARAN_1, SASARAN_2, hasil, rec
from xlwings_app.domain.indicator import Agregasi
from xlwings_app.domain.lkjip.history import build_history
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.lkjip.tables import (
    by_sasaran,
    chart_series,
    multi_year,
    renstra_rows,
    target_realisasi,
)
from xlwings_app.domain.measure import Status
from xlwings_app.domain.settings import Settings

PERIOD = RenstraPeriod(2021, 2025)
CURRENT = [
    hasil("IKU-01", 90, "92.1", target_akhir=95),
    hasil("IKU-02", 12, 10, satuan="dokumen", agregasi=Agregasi.JUMLAH, target_akhir=60, sasaran=SASARAN_2),
    hasil("IKU-03", 80, None, sasaran="  meningkatnya kualitas PELAYANAN publik"),
]
RECORDS = [rec("IKU-01", 2021, 85, 80), rec("IKU-01", 2023, 88, 85), rec("IKU-02", 2021, 12, 11),
           rec("IKU-02", 2022, 12, 12), rec("IKU-02", 2023, 12, 13)]  # fmt: skip


def test_results_are_grouped_by_sasaran_in_order_of_first_appearance() -> None:
    groups = by_sasaran(CURRENT)
    assert [(name, [h.indicator.kode for h in items]) for name, items in groups] == [
        (SASARAN_1, ["IKU-01", "IKU-03"]), (SASARAN_2, ["IKU-02"])]  # fmt: skip


def test_target_against_realisasi_rows() -> None:
    rows = target_realisasi(CURRENT)
    assert [(r.kode, r.target, r.realisasi, r.capaian, r.predikat, r.status) for r in rows] == [
        ("IKU-01", Decimal(90), Decimal("92.1"), Decimal("102.33"), "Sangat Tinggi", Status.TERCAPAI),
        ("IKU-02", Decimal(12), Decimal(10), Decimal("83.33"), "Tinggi", Status.TIDAK_TERCAPAI),
        ("IKU-03", Decimal(80), None, None, None, Status.BELUM_DIISI),
    ]  # fmt: skip


def test_the_multi_year_table_has_the_years_as_columns() -> None:
    history, _ = build_history(PERIOD, 2024, CURRENT, RECORDS)
    table = multi_year(history, ["IKU-02", "IKU-01"])
    assert table.tahun == (2021, 2022, 2023, 2024)
    assert [row.kode for row in table.rows] == ["IKU-02", "IKU-01"]
    assert [c.realisasi if c else None for c in table.rows[1].tahun] == [Decimal(80), None, Decimal(85), Decimal("92.1")]


def test_renstra_rows_say_what_was_compared() -> None:
    history, _ = build_history(PERIOD, 2024, CURRENT, RECORDS)
    rows = renstra_rows(history, Settings())
    assert [(r.kode, r.nilai, r.progres, r.keterangan) for r in rows] == [
        ("IKU-01", Decimal("92.1"), Decimal("96.95"), "Realisasi 2024"),
        ("IKU-02", Decimal(46), Decimal("76.67"), "Jumlah 2021–2024"),  # 11 + 12 + 13 + 10 = 46 of 60
        ("IKU-03", None, None, "Target akhir Renstra belum diisi"),
    ]  # fmt: skip


def test_chart_series_leave_a_missing_year_as_a_gap() -> None:
    history, _ = build_history(PERIOD, 2024, CURRENT, RECORDS)
    [capaian] = chart_series(history, ["IKU-01"])
    assert (capaian.satuan, capaian.titik) == ("%", (
        (2021, Decimal("94.12")), (2022, None), (2023, Decimal("96.59")), (2024, Decimal("102.33"))))  # fmt: skip
    [realisasi] = chart_series(history, ["IKU-02"], "realisasi")
    assert realisasi.satuan == "dokumen" and [v for _, v in realisasi.titik] == [11, 12, 13, 10]
