"""Input problems are data: where, what, and the value seen."""

from __future__ import annotations

from xlwings_app.domain.problems import Problem, errors, notices


def test_a_problem_names_file_sheet_cell_and_column():
    problem = Problem("Bukan angka.", sheet="IKU", sel="H12", kolom="Realisasi TW I", nilai="abc")
    assert str(problem.in_file("kinerja.xlsx")) == (
        "kinerja.xlsx, sheet IKU, sel H12 (kolom Realisasi TW I): Bukan angka."
    )


def test_a_problem_without_a_cell_names_the_row():
    assert Problem("Kode ganda.", sheet="IKI", baris=7).where() == "sheet IKI, baris 7"


def test_a_problem_without_a_place_is_just_its_message():
    assert str(Problem("Skala kosong.")) == "Skala kosong."


def test_in_file_returns_a_copy():
    problem = Problem("x", sheet="IKU")
    assert problem.in_file("a.xlsx").file == "a.xlsx"
    assert problem.file is None


def test_errors_block_and_notices_only_inform():
    galat = Problem("Bukan angka.")
    catatan = Problem('"1.234,5" dibaca sebagai 1234,5.', tingkat="catatan")
    assert galat.is_error and not catatan.is_error
    assert errors([galat, catatan]) == [galat]
    assert notices([galat, catatan]) == [catatan]


def test_as_dict_has_the_json_fields():
    data = Problem("Bukan angka.", sheet="IKU", baris=12, kolom="Target").as_dict()
    assert data == {
        "file": None, "sheet": "IKU", "baris": 12, "kolom": "Target", "sel": None,
        "pesan": "Bukan angka.", "tingkat": "galat",
    }
