"""Sheet Perubahan Kode Indikator: an earlier year imported with ``--riwayat`` (a sealed archive, a
workbook) in which the indicator was coded "IKU-1" joins today's IKU-01 through its row; without the row
it does not join; a kode changed to two kodes in one year is a problem at its cell, refusing a final;
``kinerja baru --dari`` carries the table."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.services.plan.test_documents import text_of
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.lkjip_sheets import add_sheets
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.lkjip.renames import Rename
from xlwings_app.domain.problems import Problem
from xlwings_app.samples import example
from xlwings_app.services.arsip import arsip
from xlwings_app.services.contoh_lkjip import closed
from xlwings_app.services.laporan import LaporanDitolak, laporan
from xlwings_app.services.lkjip import lkjip, lkjip_input
from xlwings_app.services.master import using
from xlwings_app.services.tahun_baru import dari
from xlwings_app.sheets.lkjip import (
    SHEET_PERUBAHAN_KODE,
    perubahan_values,
    read_perubahan_kode,
)

RENAME = Rename(2024, "IKU-1", "IKU-01")


def coded_iku_1(i: Indicator) -> Indicator:
    """2023's indicator as coded then: IKU-01 was "IKU-1" (and so was its children's induk)."""
    return replace(i, kode="IKU-1" if i.kode == "IKU-01" else i.kode,
                   induk="IKU-1" if i.induk == "IKU-01" else i.induk)  # fmt: skip


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """2023's workbook with IKU-01 coded IKU-1, its yearly document final and sealed; 2024's workbook
    (IKU-01) without and with the rename row, and with a bad pair of rows."""
    folder = tmp_path_factory.mktemp("kode")
    y2023 = folder / "2023" / "kinerja-2023.xlsx"
    y2023.parent.mkdir()
    profil = {**example.PROFIL, "tahun": 2023, "tanggal_ttd": dt.date(2024, 1, 15)}
    build_workbook(profil, [coded_iku_1(closed(i)) for i in example.INDICATORS], example.SETTINGS,
                   pejabat=example.PEJABAT).save(y2023)  # fmt: skip
    laporan(y2023, periode=Periode.TAHUNAN)
    made = arsip(y2023, Periode.TAHUNAN, folder / "arsip")
    paths = {"workbook": y2023, "zip": made.zip}
    tables: dict[str, list[Rename]] = {
        "tanpa": [], "dengan": [RENAME], "ganda": [RENAME, Rename(2024, "IKU-1", "IKU-1A")]}
    for name, renames in tables.items():
        wb = build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT)
        if renames:
            add_sheets(wb, [perubahan_values(renames, ["Revisi Renstra: penomoran IKU"] * len(renames))])
        paths[name] = folder / f"kinerja-2024-{name}.xlsx"
        wb.save(paths[name])
    return paths


@pytest.mark.parametrize("kind", ["zip", "workbook"])
def test_the_earlier_kode_joins_through_its_rename_row(years: dict[str, Path], kind: str) -> None:
    _, data_input, _, problems = lkjip_input(years["dengan"], riwayat=[years[kind]])
    assert not [p for p in problems if p.is_error], problems
    iku01 = data_input.history.of("IKU-01")
    assert iku01 is not None and iku01.renames == (RENAME,)
    record = iku01.record(2023)
    assert record is not None
    # 2023's TW IV (83,4) under IKU-1 in the sealed year, not the Realisasi Tahun Lalu column (81,6)
    assert (record.kode, record.realisasi, record.sumber) == ("IKU-1", Decimal("83.4"), years[kind].name)
    assert not any("IKU-1 " in p.pesan for p in problems)


def test_without_the_row_the_earlier_year_does_not_join(years: dict[str, Path]) -> None:
    _, data_input, _, problems = lkjip_input(years["tanpa"], riwayat=[years["zip"]])
    unmatched = [p for p in problems if p.pesan.startswith("IKU-1 tahun 2023 tidak cocok")]
    assert len(unmatched) == 1 and unmatched[0].tingkat == "peringatan", problems
    assert "catat penggantian kodenya" in unmatched[0].pesan
    iku01 = data_input.history.of("IKU-01")
    assert iku01 is not None and iku01.renames == ()
    record = iku01.record(2023)
    assert record is not None  # only the 2024 workbook's Realisasi Tahun Lalu column
    assert (record.realisasi, record.sumber) == (Decimal("81.6"), "Kolom Realisasi Tahun Lalu")


def test_the_lkjip_prints_the_earlier_year_under_the_new_kode(years: dict[str, Path], tmp_path: Path) -> None:
    made = lkjip(years["dengan"], tmp_path / "dengan", pdf=True, riwayat=[years["zip"]])
    assert made.pdf is not None
    text = text_of(made.pdf)
    start = text.index("Tabel Capaian Beberapa Tahun Sasaran 1")
    table = text[start:text.index("Tabel Kemajuan", start)]
    # 2023's column of IKU-01: the sealed year's target / realisasi / capaian recorded under IKU-1
    assert "82 / 83,4 / 101,71%" in table, table
    assert "IKU-1 " not in table
    plain = lkjip(years["tanpa"], tmp_path / "tanpa", pdf=True, riwayat=[years["zip"]])
    assert plain.pdf is not None  # 2023 from the Realisasi Tahun Lalu column only (target 81)
    text = text_of(plain.pdf)
    start = text.index("Tabel Capaian Beberapa Tahun Sasaran 1")
    table = text[start:text.index("Tabel Kemajuan", start)]
    assert "81 / 81,6 / 100,74%" in table and "83,4" not in table, table


def test_one_kode_to_two_is_a_problem_at_its_cell(years: dict[str, Path], tmp_path: Path) -> None:
    _, _, _, problems = lkjip_input(years["ganda"], riwayat=[years["zip"]])
    [fork] = [p for p in problems if "diganti menjadi dua kode" in p.pesan]
    assert fork.is_error and fork.sheet == SHEET_PERUBAHAN_KODE
    assert (fork.baris, fork.kolom, fork.sel) == (6, "Kode Lama", "B6")
    assert "IKU-01 dan IKU-1A" in fork.pesan and fork.file == years["ganda"].name
    with pytest.raises(LaporanDitolak) as refused:
        lkjip(years["ganda"], tmp_path / "out", final=True, riwayat=[years["zip"]])
    assert any(isinstance(p, Problem) and "diganti menjadi dua kode" in p.pesan and p.sel == "B6"
               for p in refused.value.problems)


def test_reader_round_trip_and_a_bad_year() -> None:
    sheet = perubahan_values([RENAME], ["Revisi Renstra"])
    rows: list[list[object]] = [*sheet.grid(), ["tahun depan", "IKU-2", "IKU-02", ""]]
    perubahan, problems = read_perubahan_kode(rows, "k.xlsx")
    assert perubahan.renames == (RENAME,)
    assert perubahan.cells[(SHEET_PERUBAHAN_KODE, 5, "kode_lama")] == "B5"
    assert perubahan.keterangan[5] == "Revisi Renstra"
    [bad] = problems
    assert (bad.baris, bad.kolom, bad.sel, bad.file) == (6, "Tahun Berlaku", "A6", "k.xlsx")


def test_baru_dari_carries_the_table(years: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "kinerja-2025.xlsx"
    dari(target, years["dengan"])
    assert SHEET_PERUBAHAN_KODE in load_workbook(target, read_only=True).sheetnames
    with using(target) as master:
        perubahan, problems = read_perubahan_kode(master.rows(SHEET_PERUBAHAN_KODE))
    assert not problems and perubahan.renames == (RENAME,)
    assert list(perubahan.keterangan.values()) == ["Revisi Renstra: penomoran IKU"]
