"""The one table reader (``sheets.table``): finding a table, mapping its columns, walking its rows.

Every rule is shown on literal rows; the last tests read a real file (an Excel Table and merged
ranges as openpyxl stores them) through both engines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.table import Table

from tests.sheets.sources import numbered
from xlwings_app.adapters.xlsx.calamine import CalamineSource
from xlwings_app.adapters.xlsx.reader import OpenpyxlSource
from xlwings_app.domain.problems import Problem
from xlwings_app.sheets import table as T
from xlwings_app.sheets.source import TableInfo, merged_of, sheet_rows, tables_of
from xlwings_app.sheets.table import (
    BLANK_RUN,
    HEADER_SCAN_ROWS,
    MAX_COLUMNS,
    TableSpec,
    cell_grid,
    duplicate_problems,
    find_header,
    header_at,
    merged_problems,
    read_fields,
    table_rows,
)

SPEC = TableSpec(
    "Contoh",
    {"kode": "Kode", "nama": "Nama Indikator", "nilai": "Nilai", "catatan": "Catatan"},
    required=("kode", "nama"),
    optional=("catatan",),
    excel_table="TabelContoh",
)
HEADER = ["Kode", "Nama Indikator", "Nilai", "Catatan"]


def walk(rows: Sequence[Sequence[object]], spec: TableSpec = SPEC, tables: Sequence[TableInfo] = ()) -> tuple[list[tuple[int, tuple[object, ...]]], list[Problem]]:
    header = find_header(numbered(rows), spec, "Data", tables)
    assert header is not None
    problems: list[Problem] = []
    read = [(index, cells) for index, _row, cells in table_rows(iter(numbered(rows)), header, problems)]
    return read, problems


# --- the header row -------------------------------------------------------------------------


def test_the_header_is_found_below_title_rows_with_case_spacing_and_marks_ignored() -> None:
    rows = [["Judul tabel"], [], ["  KODE ", "nama   indikator:", "Nilai*"], ["A-1", "Satu", 5]]
    header = find_header(numbered(rows), SPEC, "Data")
    assert header is not None and header.row == 3
    assert header.columns == {"kode": 0, "nama": 1, "nilai": 2}
    assert header.letters == {"kode": "A", "nama": "B", "nilai": "C"}
    assert header.missing() == []  # Catatan is optional


def test_reordered_columns_are_read_by_their_header() -> None:
    rows = [["Nilai", "Catatan", "Nama Indikator", "Kode"], [7, "ok", "Tujuh", "A-7"]]
    read, problems = walk(rows)
    header = find_header(numbered(rows), SPEC, "Data")
    assert header is not None and header.columns == {"kode": 3, "nama": 2, "nilai": 0, "catatan": 1}
    assert read == [(2, ("A-7", "Tujuh", 7, "ok"))] and problems == []
    assert header.cell("kode", 2) == "D2"


def test_a_missing_column_is_named_and_a_row_without_the_required_headers_is_no_header() -> None:
    assert find_header(numbered([["Kode", "Nilai"], ["A-1", 1]]), SPEC, "Data") is None
    header = find_header(numbered([["Kode", "Nama Indikator"]]), SPEC, "Data")
    assert header is not None and header.missing() == ["Nilai"]


def test_the_header_is_searched_in_the_first_rows_only() -> None:
    title = [["judul"]] * (HEADER_SCAN_ROWS - 1)
    assert find_header(numbered([*title, HEADER]), SPEC, "Data") is not None
    assert find_header(numbered([*title, ["judul"], HEADER]), SPEC, "Data") is None


def test_an_excel_table_of_the_layouts_name_is_found_wherever_it_starts() -> None:
    top = HEADER_SCAN_ROWS + 20
    rows = [["catatan pengguna"]] * (top - 1) + [HEADER, ["A-1", "Satu", 1, None], ["A-2", "Dua", 2, None]]
    table = TableInfo("TabelContoh", f"A{top}:D{top + 2}")
    assert find_header(numbered(rows), SPEC, "Data") is None
    header = find_header(numbered(rows), SPEC, "Data", [table])
    assert header is not None and header.row == top and header.excel_table == table
    assert find_header(numbered(rows), SPEC, "Data", [TableInfo("TabelLain", f"A{top}:D{top + 2}")]) is None


def test_only_the_first_max_columns_of_a_header_row_are_looked_at() -> None:
    far = [None] * MAX_COLUMNS + ["Kode", "Nama Indikator"]
    assert find_header(numbered([far]), SPEC, "Data") is None
    near = [None] * (MAX_COLUMNS - 2) + ["Kode", "Nama Indikator"]
    header = find_header(numbered([near]), SPEC, "Data")
    assert header is not None and header.letters == {"kode": "ZY", "nama": "ZZ"}


# --- a copy beside the table, duplicate headers -------------------------------------------------


def test_a_copy_of_the_table_beside_it_is_never_read() -> None:
    copy_left = ["Kode", "Nama Indikator", None, *HEADER]  # a scratch copy left of the real table
    rows = [copy_left, ["X-9", "salinan", None, "A-1", "Satu", 1, None]]
    real = TableInfo("TabelContoh", "D1:G2")
    read, _ = walk(rows, tables=[real])
    assert read == [(2, ("A-1", "Satu", 1, None))]
    header = find_header(numbered(rows), SPEC, "Data", [real])
    assert header is not None and header.columns == {"kode": 3, "nama": 4, "nilai": 5, "catatan": 6}


def test_without_an_excel_table_the_first_of_repeated_titles_is_read_and_both_cells_are_named() -> None:
    rows = [[*HEADER, None, "Kode", "Nilai"], ["A-1", "Satu", 1, None, None, "salinan", 9]]
    read, _ = walk(rows)
    assert read == [(2, ("A-1", "Satu", 1, None))]
    header = find_header(numbered(rows), SPEC, "Data")
    assert header is not None
    assert header.duplicates() == {"kode": [0, 5], "nilai": [2, 6]}
    kode, nilai = duplicate_problems(header)
    assert kode.pesan == (
        "Judul kolom 'Kode' ada 2 kali di baris judul: A1 dan F1. Hapus salinan judul (mis. salinan tabel di "
        "samping) agar jelas kolom mana yang dibaca."
    )
    assert (kode.sel, kode.kolom, kode.baris, kode.tingkat) == ("F1", "Kode", 1, "galat")
    assert nilai.sel == "G1"


def test_a_title_the_excel_table_lacks_is_read_where_the_row_has_it() -> None:
    rows = [[*HEADER, "Nilai"], ["A-1", "Satu", None, "c", 5]]
    stale = TableInfo("TabelContoh", "A1:B2")  # a Table whose range was not grown with its columns
    header = find_header(numbered(rows), SPEC, "Data", [stale])
    assert header is not None and header.columns == {"kode": 0, "nama": 1, "nilai": 2, "catatan": 3}


def test_the_total_row_of_an_excel_table_is_no_data() -> None:
    rows = [HEADER, ["A-1", "Satu", 1], ["A-2", "Dua", 2], ["Total", None, 3], ["B-1", "Sesudah", 4]]
    read, _ = walk(rows, tables=[TableInfo("TabelContoh", "A1:D4", totals_rows=1)])
    assert [index for index, _ in read] == [2, 3, 5]


# --- rows: blank rows, blank runs, limits ---------------------------------------------------


def test_blank_rows_are_passed_over_and_a_narrow_row_reads_blank_cells() -> None:
    rows = [HEADER, ["A-1", "Satu"], [None, "  ", "", None], [], ["\x07"], ["A-2", "Dua", 2, "x", "lebih"]]
    read, problems = walk(rows)
    assert read == [(2, ("A-1", "Satu", None, None)), (6, ("A-2", "Dua", 2, "x"))] and problems == []


def test_a_cell_outside_the_mapped_columns_does_not_make_a_row_data() -> None:
    read, _ = walk([HEADER, [None, None, None, None, "catatan di samping"], ["A-1", "Satu", 1]])
    assert [index for index, _ in read] == [3]


def _with_gap(gap: int, after: object = "A-9") -> Iterator[tuple[int, list[object]]]:
    yield 1, HEADER
    yield 2, ["A-1", "Satu", 1]
    for index in range(3, 3 + gap):
        yield index, [None, None, None, None]
    yield 3 + gap, [after, "Jauh", 9]


def test_a_table_goes_on_across_fewer_blank_rows_than_the_blank_run() -> None:
    header = find_header(numbered([HEADER]), SPEC, "Data")
    assert header is not None
    problems: list[Problem] = []
    read = [index for index, _, _ in table_rows(_with_gap(BLANK_RUN - 1), header, problems)]
    assert read == [2, 2 + BLANK_RUN] and problems == []


def test_a_blank_run_ends_the_table_and_the_data_after_it_is_named() -> None:
    header = find_header(numbered([HEADER]), SPEC, "Data")
    assert header is not None
    problems: list[Problem] = []
    read = [index for index, _, _ in table_rows(_with_gap(BLANK_RUN), header, problems)]
    far = 3 + BLANK_RUN
    assert read == [2]
    [notice] = problems
    assert notice.pesan == (
        f"Pembacaan tabel Contoh berhenti di baris {2 + BLANK_RUN} setelah {BLANK_RUN} baris kosong berturut-turut, "
        f"tetapi sel A{far} masih berisi data: baris itu tidak dibaca. Pindahkan barisnya ke atas, tepat di bawah tabel."
    )
    assert (notice.sheet, notice.baris, notice.kolom, notice.sel, notice.tingkat) == ("Data", far, "Kode", f"A{far}", "catatan")


def test_a_table_longer_than_max_rows_is_read_up_to_there_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(T, "MAX_ROWS", 3)
    read, problems = walk([HEADER, *([f"A-{i}", "x", i] for i in range(1, 6))])
    assert [index for index, _ in read] == [2, 3, 4]
    assert [(p.pesan, p.baris) for p in problems] == [("Tabel Contoh lebih dari 3 baris: dibaca hanya 3 baris pertama.", 5)]


def test_a_table_at_fixed_columns_is_walked_the_same() -> None:
    rows = [["Kode", "anything"], ["A-1", "Satu", 1], [None], ["A-2"]]
    header = header_at(SPEC, "Lembar", 1, rows[0], {"kode": 0, "nama": 1, "nilai": 2})
    read = [(index, cells) for index, _, cells in table_rows(iter(numbered(rows)), header, [])]
    assert read == [(2, ("A-1", "Satu", 1)), (4, ("A-2", None, None))]


# --- merged ranges ------------------------------------------------------------------------------


def test_a_merged_range_over_mapped_cells_below_the_header_is_named() -> None:
    header = find_header(numbered([["judul"], HEADER]), SPEC, "Data")
    assert header is not None
    problems = merged_problems(header, ["A1:D1", "B3:B5", "F3:G9", "C2:D4"])
    assert [(p.sel, p.kolom, p.baris) for p in problems] == [("B3:B5", "Nama Indikator", 3), ("C2:D4", "Nilai", 3)]
    assert problems[0].pesan == (
        "Sel digabung (merge) B3:B5 di kolom Nama Indikator: hanya sel kiri atas (B3) yang menyimpan nilai, sel "
        "lain terbaca kosong. Pisahkan gabungan sel (Unmerge) lalu isi tiap sel."
    )
    assert "kolom Nilai, Catatan" in problems[1].pesan


# --- label blocks and fixed cells -----------------------------------------------------------------


def test_a_label_block_reads_each_value_beside_its_label_above_a_table() -> None:
    rows = [["Tahun:", 2024], ["Unit  kerja", "Kecamatan"], ["tahun", 2025, "ignored"], ["Kode", "Nama"], ["Tahun", 1999]]
    found = read_fields(numbered(rows), {"tahun": "Tahun", "unit": "Unit Kerja", "lain": "Lain"}, until=4)
    assert found == {"tahun": (2025, "B3"), "unit": ("Kecamatan", "B2")}  # the last of a repeated label
    assert read_fields(numbered([["Tahun", None, 7]]), {"tahun": "Tahun"}, value_column=3) == {"tahun": (7, "C1")}
    assert read_fields(numbered([["Tahun"]]), {"tahun": "Tahun"}) == {"tahun": (None, "B1")}


def test_a_label_block_is_read_in_the_first_rows_only() -> None:
    rows = [[None]] * HEADER_SCAN_ROWS + [["Tahun", 2024]]
    assert read_fields(numbered(rows), {"tahun": "Tahun"}) == {}


def test_fixed_cells_by_address() -> None:
    grid = cell_grid(numbered([["a", "b", "c"], [1, 2, 3], ["x"]]), 2, 2)
    assert grid == {"A1": "a", "B1": "b", "A2": 1, "B2": 2}


# --- through a real file ------------------------------------------------------------------------


@pytest.fixture
def excel_file(tmp_path: Path) -> Path:
    """An Excel Table (TabelContoh with a Total Row) below title rows, a copy of its titles beside it
    and a merged range in its Nama column, as openpyxl stores them."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = "Daftar contoh"
    for col, title in enumerate(HEADER, start=2):
        ws.cell(3, col, title)
        ws.cell(3, col + 6, title)  # the scratch copy
    for r, row in enumerate((["A-1", "Satu", 1, None], ["A-2", None, 2, "x"], ["A-3", None, 3, None]), start=4):
        for col, value in enumerate(row, start=2):
            ws.cell(r, col, value)
    ws.cell(7, 2, "Total")
    ws.cell(7, 4, "=SUBTOTAL(109,D4:D6)")
    table = Table(displayName="TabelContoh", ref="B3:E7")
    table.totalsRowCount = 1
    ws.add_table(table)
    ws.merge_cells("C5:C6")
    path = tmp_path / "tabel.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_an_excel_file_supplies_its_table_and_merged_range_to_the_reader(excel_file: Path, engine: str) -> None:
    from openpyxl import load_workbook

    wb = None
    if engine == "calamine":
        source: CalamineSource | OpenpyxlSource = CalamineSource(excel_file)
    else:
        wb = load_workbook(excel_file, read_only=True, data_only=True)
        source = OpenpyxlSource(wb, excel_file)
    try:
        header = find_header(sheet_rows(source, "Data"), SPEC, "Data", tables_of(source, "Data"))
        assert header is not None and header.row == 3
        assert header.excel_table == TableInfo("TabelContoh", "B3:E7", 1)
        assert header.columns == {"kode": 1, "nama": 2, "nilai": 3, "catatan": 4}  # never the copy in H:K
        assert set(header.duplicates()) == {"kode", "nama", "nilai", "catatan"}
        problems: list[Problem] = []
        read = [(index, cells) for index, _, cells in table_rows(sheet_rows(source, "Data"), header, problems)]
        assert read == [(4, ("A-1", "Satu", 1, None)), (5, ("A-2", None, 2, "x")), (6, ("A-3", None, 3, None))]
        assert [p.sel for p in merged_problems(header, merged_of(source, "Data") or ())] == ["C5:C6"]
    finally:
        if isinstance(source, CalamineSource):
            source.close()
        if wb is not None:
            wb.close()
