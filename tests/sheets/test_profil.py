"""Sheet Profil read back (``sheets.profil``): a label block, every problem at its cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.sheets.sources import Rows, profil_rows
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets.profil import read_profil, read_tahun


def read(rows: list[list[object]] | None) -> WorkbookData:
    data = WorkbookData(Path("k.xlsx"), None, {}, Settings(), [])
    read_profil(Rows({} if rows is None else {"Profil": rows}), data)
    return data


def test_the_fields_are_read_beside_their_labels() -> None:
    data = read(profil_rows(ttd_status="plt", tanggal_ttd=dt.datetime(2024, 10, 7)))
    assert data.problems == []
    profil = data.profil
    assert profil is not None
    assert (profil.unit, profil.tahun, profil.penandatangan.status, profil.tanggal_ttd) == (
        "Kecamatan Lumajang", 2024, "Plt.", dt.date(2024, 10, 7))  # fmt: skip
    assert data.profil_cells["unit"] == "B4" and data.profil_values["tahun"] == "2024"


def test_each_problem_names_its_cell() -> None:
    data = read(profil_rows(unit=None, tahun="dua ribu", ttd_status="Kepala", ttd_nip=197012181991011002, alamat=...))
    found = {(p.kolom, p.sel, p.tingkat): p.pesan for p in data.problems}
    assert found[("Alamat", None, "galat")] == "Isian 'Alamat' tidak ditemukan di kolom A."
    assert found[("Unit Kerja", "B4", "galat")] == "Unit Kerja belum diisi."
    assert found[("Tahun", "B7", "galat")] == "Tahun 'dua ribu' tidak sah: isi tahun 4 angka, mis. 2024."
    assert found[("Status Penandatangan (kosong/Plt./Plh.)", "B8", "galat")].startswith("Status penandatangan 'Kepala'")
    assert ("NIP Penandatangan", "B12", "catatan") in found and data.profil_numeric == {"ttd_nip"}


def test_without_the_sheet_nothing_is_read() -> None:
    data = read(None)
    assert data.profil is None and [p.pesan for p in data.problems] == [
        "Sheet 'Profil' tidak ditemukan: identitas unit dan penandatangan dibaca dari sana."
    ]


def test_the_year_for_the_sop_sheets() -> None:
    assert read_tahun(Rows({"Profil": profil_rows()})) == 2024
    assert read_tahun(Rows({"Profil": profil_rows(tahun=2024.0)})) == 2024
    assert read_tahun(Rows({"Profil": profil_rows(tahun="1999")})) is None
    assert read_tahun(Rows({})) is None
