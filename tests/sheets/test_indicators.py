"""Sheets IKU and IKI read back (``sheets.indicators``): one indicator per row, every problem at its cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.sheets.sources import IKU_ROW, Rows, indicator_rows
from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.indicators import read_indicator_table
from xlwings_app.sheets.source import TableInfo

IKU, IKI = L.layout().tables[Jenis.IKU], L.layout().tables[Jenis.IKI]


def read(source: Rows, table: L.Table = IKU) -> WorkbookData:
    data = WorkbookData(Path("k.xlsx"), None, {}, Settings(), [])
    read_indicator_table(source, table, data)
    return data


def test_rows_become_indicators_with_their_cells_and_kodes() -> None:
    data = read(Rows({"IKU": indicator_rows("IKU", IKU_ROW, {}, {**IKU_ROW, "kode": "IKU-02", "r1": "x"})}))
    [indicator] = data.indicators
    assert (indicator.kode, indicator.target_tahunan, indicator.realisasi_tw[0]) == ("IKU-01", Decimal(80), Decimal(81))
    assert [(k.kode, k.baris, k.sel) for k in data.kodes] == [("IKU-01", 5, "A5"), ("IKU-02", 7, "A7")]
    assert data.sheets == {Jenis.IKU: "IKU"} and len(data.rows) == 2
    assert data.cells[("IKU", 7, "r1")] == "N7"
    [problem] = data.errors
    assert (problem.sheet, problem.baris, problem.sel, problem.kolom) == ("IKU", 7, "N7", "Realisasi TW I")


def test_a_renamed_sheet_is_found_by_its_header_with_a_notice() -> None:
    data = read(Rows({"IKI": indicator_rows("IKI"), "Indikator Utama": indicator_rows("IKU", IKU_ROW)}))
    assert data.sheets == {Jenis.IKU: "Indikator Utama"} and len(data.indicators) == 1
    [notice] = data.problems
    assert notice.tingkat == "catatan" and "dibaca dari sheet 'Indikator Utama'" in notice.pesan


def test_a_missing_sheet_and_a_missing_header_are_errors() -> None:
    [missing] = read(Rows({"Profil": []})).problems
    assert missing.pesan.startswith("Sheet 'IKU' tidak ditemukan (sheet yang ada: Profil).")
    [no_header] = read(Rows({"IKU": [["Kode", "Indikator"]]})).problems
    assert no_header.pesan.startswith("Baris judul kolom tabel IKU tidak ditemukan di 80 baris pertama")


def test_a_missing_column_is_named_and_nothing_is_read() -> None:
    rows = indicator_rows("IKI", {**IKU_ROW, "induk": "IKU-01"})
    rows[3][rows[3].index("Realisasi TW I")] = "Realisasi Triwulan 1"
    data = read(Rows({"IKI": rows}), IKI)
    assert data.indicators == []
    [problem] = data.problems
    assert problem.pesan.startswith("Kolom tidak ditemukan di baris judul 4: Realisasi TW I.") and problem.baris == 4


def test_the_excel_table_bounds_a_copy_beside_it_and_a_duplicate_is_an_error() -> None:
    rows = indicator_rows("IKU", IKU_ROW)
    width = len(rows[3])
    rows[3] += [None, "Kode", "Indikator"]
    rows[4] += [None, "IKU-99", "salinan"]
    tables = {"IKU": [TableInfo("TabelIKU", f"A4:{column_letter(width)}5")]}
    data = read(Rows({"IKU": rows}, tables))
    assert [i.kode for i in data.indicators] == ["IKU-01"]
    assert sorted(p.kolom or "" for p in data.errors) == ["Indikator", "Kode"]


def test_a_merged_input_range_is_an_error_naming_it() -> None:
    data = read(Rows({"IKU": indicator_rows("IKU", IKU_ROW, IKU_ROW)}, merged={"IKU": ["A1:C1", "B5:B6"]}))
    merged = [p for p in data.problems if p.sel == "B5:B6"]
    assert merged and merged[0].kolom == "Sasaran Strategis" and merged[0].is_error


def test_renstra_columns_are_read_anywhere_in_the_header_row() -> None:
    rows = indicator_rows("IKU", IKU_ROW)
    rows[3] += ["Target Renstra 2025", "target  renstra 2026"]
    rows[4] += [85, 90]
    assert read(Rows({"IKU": rows})).renstra == {"iku-01": {2025: 85, 2026: 90}}
