"""The SOP sheets of a workbook read together (``sheets.sop_workbook.read_sop_sheets``)."""

from __future__ import annotations

from pathlib import Path

from tests.sheets.sources import Rows, profil_rows
from tests.sheets.test_log import HEADER as LOG_HEADER
from tests.sheets.test_log import START
from tests.sheets.test_sop_sheet import sheet as sop_sheet
from xlwings_app.sheets.sop_layout import SopPlace
from xlwings_app.sheets.sop_workbook import read_sop_sheets

STEP = [1, "Menyusun", "X", None, "Data", 2, "Draf", None, None]


def test_the_sop_its_log_and_the_year_of_profil() -> None:
    source = Rows({"Profil": profil_rows(), "SOP Perencanaan": sop_sheet(STEP),
                   "Log Perencanaan": [LOG_HEADER, ["2024", 1, None, None, "Budi", START, None]]})  # fmt: skip
    data = read_sop_sheets(source, Path("k.xlsx"), SopPlace("Perencanaan"))
    assert data.sop is not None and data.sop.nama.endswith("Perencanaan Kinerja")
    assert [(e.periode, e.baris) for e in data.entries] == [("2024", 2)] and data.log_last_row == 2
    assert (data.tahun, data.place_name, data.sheets) == (2024, "Perencanaan", {"Profil", "SOP Perencanaan", "Log Perencanaan"})
    assert [(p.sheet, p.tingkat, p.file) for p in data.problems] == [("Kalender", "catatan", "k.xlsx")]


def test_missing_sheets_and_a_log_without_its_header_are_said() -> None:
    data = read_sop_sheets(Rows({"Log Langkah": [["Periode", "Langkah"]]}), Path("k.xlsx"))
    assert data.sop is None and data.log_last_row is None and data.tahun is None
    assert [p.sheet for p in data.problems] == ["SOP", "Kalender", "Log Langkah"]
    assert data.problems[2].pesan.startswith("Baris judul Log Langkah tidak ditemukan")
