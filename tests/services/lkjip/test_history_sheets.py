"""Sheets Riwayat Capaian and Narasi LKjIP: written, read back, their problems at their cells; the history
carried to the next year's workbook by ``kinerja baru --dari`` and read by that year's LKjIP."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from xlwings_app.cli import app
from xlwings_app.domain.lkjip.history import YearRecord
from xlwings_app.domain.lkjip.written import Tulisan
from xlwings_app.samples import example_lkjip as E
from xlwings_app.services.contoh_lkjip import write_workbook
from xlwings_app.services.lkjip import carried_history, lkjip_input
from xlwings_app.services.master import using
from xlwings_app.sheets.lkjip import (
    SHEET_NARASI,
    SHEET_RIWAYAT_CAPAIAN,
    narasi_values,
    parse_periode,
    read_narasi,
    read_riwayat_capaian,
    riwayat_values,
)

runner = CliRunner()


def test_riwayat_round_trip_and_bad_cells() -> None:
    records = [YearRecord("IKU-01", 2022, Decimal("80"), Decimal("80.4")),
               YearRecord("IKU-01", 2021, Decimal("78"), Decimal("77.2"), Decimal("98.97"), "Sangat Tinggi")]
    sheet = riwayat_values(E.PERIODE, records)
    rows = sheet.grid()
    riwayat, problems = read_riwayat_capaian(rows)
    assert problems == []
    assert riwayat.periode == E.PERIODE
    assert [(r.tahun, r.target, r.realisasi, r.capaian, r.predikat) for r in riwayat.records] == [
        (2021, Decimal("78"), Decimal("77.2"), Decimal("98.97"), "Sangat Tinggi"),
        (2022, Decimal("80"), Decimal("80.4"), None, None),
    ]
    rows[5][0] = "tahun lalu"  # row 6: Tahun not a year
    rows[6][3] = "delapan puluh"  # row 7: Realisasi not a number
    riwayat, problems = read_riwayat_capaian(rows, "k.xlsx")
    assert riwayat.records == ()
    assert [(p.sheet, p.sel) for p in problems] == [(SHEET_RIWAYAT_CAPAIAN, "A6"), (SHEET_RIWAYAT_CAPAIAN, "D7")]


def test_periode_forms() -> None:
    assert parse_periode("2021–2025") == parse_periode("2021-2025") == parse_periode("2021 s.d. 2025") == E.PERIODE
    assert parse_periode("2025–2021") is None and parse_periode("") is None


def test_narasi_lists_every_written_piece_and_reads_by_kunci_or_name() -> None:
    sheet = narasi_values(["Sasaran A", "Sasaran B"], [Tulisan("bab1.organisasi", "Teks organisasi.")])
    rows = sheet.grid()
    tulisan, problems = read_narasi(rows)
    assert problems == []
    written = [t for t in tulisan if t.ditulis]
    assert [(t.kunci, t.teks) for t in written] == [("bab1.organisasi", "Teks organisasi.")]
    # the analysis per sasaran: one row for each
    assert [t.sasaran for t in tulisan if t.kunci == "bab3.a.5.analisis"] == ["Sasaran A", "Sasaran B"]
    # a row typed by a user without Kunci is matched by its Isian; an unknown Isian is a warning
    rows.append(["", "", "Langkah di masa mendatang", "", "Langkah 2025."])
    rows.append(["", "", "Kata pengantar", "", "Puji syukur."])
    tulisan, problems = read_narasi(rows, "k.xlsx")
    assert tulisan[-1].kunci == "bab4.langkah" and tulisan[-1].teks == "Langkah 2025."
    assert len(problems) == 1 and "Kata pengantar" in problems[0].pesan and problems[0].tingkat == "peringatan"


def test_baru_dari_carries_the_history_into_the_next_lkjip(tmp_path: Path) -> None:
    """2024 (with 2021–2023 in sheet Riwayat Capaian) → the 2025 workbook holds 2021–2024 for every IKU."""
    source = tmp_path / "2024.xlsx"
    write_workbook(source, E.NARASI)
    target = tmp_path / "2025.xlsx"
    result = runner.invoke(app, ["baru", str(target), "--dari", str(source)])
    assert result.exit_code == 0, result.output
    assert "riwayat capaian 32 catatan" in " ".join(result.output.split())
    with using(target) as master:
        riwayat, problems = read_riwayat_capaian(master.rows(SHEET_RIWAYAT_CAPAIAN))
        tulisan, _ = read_narasi(master.rows(SHEET_NARASI))
    assert problems == [] and riwayat.periode == E.PERIODE
    iku01 = sorted((r for r in riwayat.records if r.kode == "IKU-01"), key=lambda r: r.tahun)
    assert [(r.tahun, r.target, r.realisasi, r.capaian) for r in iku01] == [
        (2021, Decimal("78"), Decimal("77.2"), Decimal("98.97")), (2022, Decimal("80"), Decimal("80.4"), Decimal("100.5")),
        (2023, Decimal("81"), Decimal("81.6"), Decimal("100.74")), (2024, Decimal("82"), Decimal("83.4"), Decimal("101.71")),
    ]
    # the 2025 workbook's Narasi LKjIP waits empty, one analysis row per sasaran of 2025
    assert tulisan and not [t for t in tulisan if t.ditulis]
    assert sorted(t.sasaran for t in tulisan if t.kunci == "bab3.a.5.analisis") == sorted((E.S1, E.S2, E.S3, E.S4))


def test_lkjip_of_the_next_year_reads_the_carried_history(tmp_path: Path) -> None:
    """The history sheet as ``baru --dari`` writes it is what the next LKjIP's history is built from."""
    source = tmp_path / "2024.xlsx"
    write_workbook(source, E.NARASI)
    period, records, problems = carried_history(source)
    assert period == E.PERIODE and problems == []
    assert len(records) == 32 and {r.tahun for r in records} == {2021, 2022, 2023, 2024}
    iku05 = sorted((r for r in records if r.kode == "IKU-05"), key=lambda r: r.tahun)
    assert [r.realisasi for r in iku05] == [Decimal(5), Decimal(6), Decimal(6), Decimal(5)]
    _, data_input, _, _ = lkjip_input(source)
    assert data_input.history.of("IKU-05") is not None
