"""Sheet SOP read back (``sheets.sop_sheet``): the identity block and the procedure table, by header."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.sheets.sources import Rows, numbered
from xlwings_app.sheets.sop_layout import SopPlace
from xlwings_app.sheets.sop_sheet import UnknownSop, match_place, read_sop_sheet, sop_places

IDENTITY = [
    ["Nomor SOP", None, "800/01/2024"],
    ["Tanggal Pembuatan", None, dt.datetime(2024, 1, 2)],
    ["Nama SOP", None, "Prosedur Penyusunan Perencanaan Kinerja"],
    ["Disahkan Oleh (Jabatan)", None, "Camat"],
]
HEADER = ["No", "Kegiatan", "Camat", "Sekcam", "Kelengkapan", "Waktu (hari)", "Output", "Keterangan", "TIDAK Kembali ke"]


def sheet(*steps: list[object], header: list[object] = HEADER) -> list[list[object]]:
    return [["SOP"], [], [], *IDENTITY, [], ["Uraian Prosedur"], header, *steps]


def test_identity_and_steps_are_read_with_the_pelaksana_between_kegiatan_and_kelengkapan() -> None:
    rows = sheet([1, "Menyusun", "X", None, "Data", 2, "Draf", None, None], [], [2, "Memeriksa", None, "X", "Draf", 1, "Paraf", None, 1])
    sop, problems = read_sop_sheet(numbered(rows), "SOP")
    assert problems == [] and sop is not None
    assert (sop.nama, sop.nomor, sop.tanggal_pembuatan) == ("Prosedur Penyusunan Perencanaan Kinerja", "800/01/2024", dt.date(2024, 1, 2))
    assert sop.pelaksana == ("Camat", "Sekcam")
    first, second = sop.steps
    assert (first.no, first.pelaksana, first.waktu) == (1, ("Camat",), "2 hari")  # the unit of the header
    assert (second.no, second.pelaksana, second.returns_to) == (2, ("Sekcam",), 1)


def test_reordered_columns_and_cells_named_by_their_address() -> None:
    header = ["No", "Kegiatan", "Camat", "Kelengkapan", "Output", "Waktu", "Keterangan", "TIDAK Kembali ke"]
    sop, problems = read_sop_sheet(numbered(sheet(["satu", "Menyusun", "X", None, None, "5 menit"], header=header)), "SOP")
    assert sop is not None
    assert [(p.sel, p.kolom) for p in problems if p.sel] == [("A11", "No")]


def test_a_missing_table_or_column_is_one_problem() -> None:
    sop, [problem] = read_sop_sheet(numbered(IDENTITY), "SOP Lain")
    assert sop is None and problem.sheet == "SOP Lain" and problem.pesan.startswith("Tabel uraian prosedur tidak ditemukan")
    sop, [problem] = read_sop_sheet(numbered(sheet(header=["No", "Kegiatan", "Camat", "Kelengkapan", "Output"])), "SOP")
    assert problem.pesan == "Kolom tabel SOP tidak ditemukan: Waktu, Keterangan, TIDAK Kembali ke." and problem.baris == 10


def test_every_sop_of_a_workbook_is_found_and_matched_by_name() -> None:
    step = [1, "Menyusun", "X", None, "Data", 2, "Draf", None, None]
    source = Rows({"SOP": sheet(step), "SOP Pengukuran": [["kosong"]], "Log Langkah": []})
    found = sop_places(source)
    assert found == [(SopPlace(), "Prosedur Penyusunan Perencanaan Kinerja"), (SopPlace("Pengukuran"), "")]
    assert match_place(found, "perencanaan") == SopPlace() and match_place(found, "SOP Pengukuran") == SopPlace("Pengukuran")
    with pytest.raises(UnknownSop, match="sheet SOP yang ada: SOP, SOP Pengukuran"):
        match_place(found, "Keuangan")
