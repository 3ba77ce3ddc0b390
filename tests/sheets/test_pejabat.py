"""Sheet Pejabat read back (``sheets.pejabat``): the officials become the Penanggung Jawab list."""

from __future__ import annotations

from pathlib import Path

from tests.sheets.sources import Rows
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets.pejabat import read_pejabat

NIP = "19701218 199101 1 002"


def read(rows: list[list[object]]) -> WorkbookData:
    data = WorkbookData(Path("k.xlsx"), Profil("Kab", "Unit", "", 2024, Pejabat("Camat", "A"), Pejabat("", ""), ""), {},
                        Settings(daftar_penanggung_jawab=("Lama",)), [])  # fmt: skip
    read_pejabat(Rows({"Pejabat": rows}), data)
    return data


def test_the_officials_are_read_by_header_and_become_the_list() -> None:
    data = read([["Daftar Pejabat"], [], ["NIP", "Jabatan", "Nama"], [NIP, "Sekretaris  Camat", "Budi"], [],
                 [None, "Kasi Pemerintahan", "Sari"]])  # fmt: skip
    assert data.problems == []
    assert data.settings.daftar_penanggung_jawab == ("Sekretaris Camat", "Kasi Pemerintahan")
    assert data.profil is not None and data.profil.pejabat[0] == Pejabat("Sekretaris Camat", "Budi", "", NIP)


def test_problems_are_notices_at_their_cells() -> None:
    data = read([["Jabatan", "Nama", "NIP"], [None, "Tanpa jabatan"], ["Camat", "A", 197012181991011002],
                 ["camat", "B"], ["Sekcam", "C", "123"]])  # fmt: skip
    assert [(p.sel, p.tingkat) for p in data.problems] == [("A2", "catatan"), ("C3", "catatan"), ("A4", "catatan"), ("C5", "catatan")]
    assert data.settings.daftar_penanggung_jawab == ("Camat", "Sekcam")


def test_without_a_header_the_list_of_pengaturan_stays() -> None:
    data = read([["Nama", "NIP"], ["A", NIP]])
    assert data.settings.daftar_penanggung_jawab == ("Lama",) and [p.tingkat for p in data.problems] == ["catatan"]
