"""Sheet Checklist Dokumen: the items written as values read back as typed (``checklist_values`` →
``read_checklist``), each spelling of Ada read, and an unknown answer a problem at its cell."""

from __future__ import annotations

from xlwings_app.domain.administrasi.checklist import DokumenPerlu, IsianChecklist, checklist
from xlwings_app.sheets.checklist_dokumen import HEADER_ROW, SHEET, checklist_values, read_checklist

PERLU = (DokumenPerlu("Renstra", ()), DokumenPerlu("Perjanjian Kinerja", ()), DokumenPerlu("Laporan Realisasi", ()))


def test_the_sheet_written_from_the_items_reads_back_as_typed() -> None:
    typed = [
        IsianChecklist("Renstra", True, "D:/SAKIP/Renstra 2021-2026.pdf"),
        IsianChecklist("Perjanjian Kinerja", False, "", "menunggu tanda tangan Camat"),
    ]
    sheet = checklist_values(checklist(PERLU, typed))
    grid = sheet.grid()
    assert grid[HEADER_ROW - 1] == ["Dokumen", "Ada", "Berkas / Lokasi", "Catatan"]
    assert grid[HEADER_ROW] == ["Renstra", "Ya", "D:/SAKIP/Renstra 2021-2026.pdf", None]
    assert grid[HEADER_ROW + 1] == ["Perjanjian Kinerja", "Tidak", None, "menunggu tanda tangan Camat"]
    assert grid[HEADER_ROW + 2] == ["Laporan Realisasi", None, None, None]  # not said yet
    rows, problems = read_checklist(grid)
    assert problems == []
    assert rows == [*typed, IsianChecklist("Laporan Realisasi")]
    assert (rows[1].sheet, rows[1].baris, rows[1].cells["ada"]) == (SHEET, HEADER_ROW + 2, f"B{HEADER_ROW + 2}")


def test_each_spelling_of_ada_and_an_unknown_one_named_at_its_cell() -> None:
    grid: list[list[object]] = [[None] * 4 for _ in range(HEADER_ROW - 1)]
    grid += [
        ["Dokumen", "Ada", "Berkas / Lokasi", "Catatan"],
        ["Renstra", "✓", None, None],
        ["Renja", True, None, None],
        ["IKU", "belum", None, None],
        ["LKjIP", None, "arsip/lkjip.pdf", None],
        ["Rencana Aksi", "Mungkin", None, None],
        [None, "Ya", None, None],  # no document: skipped
    ]
    rows, problems = read_checklist(grid)
    assert [(r.nama, r.ada) for r in rows] == [
        ("Renstra", True), ("Renja", True), ("IKU", False), ("LKjIP", None), ("Rencana Aksi", None)
    ]
    assert [(p.sheet, p.baris, p.kolom, p.sel, p.nilai) for p in problems] == [
        (SHEET, HEADER_ROW + 5, "Ada", f"B{HEADER_ROW + 5}", "Mungkin")
    ]
    # a file given with Ada empty counts as ada
    assert [i.status for i in checklist((DokumenPerlu("LKjIP", ()),), rows[3:4])] == ["ada"]


def test_a_sheet_without_its_header_row_is_one_problem() -> None:
    rows, problems = read_checklist([["Daftar dokumen"], ["Renstra", "Ya"]])
    assert rows == [] and [p.sheet for p in problems] == [SHEET]
