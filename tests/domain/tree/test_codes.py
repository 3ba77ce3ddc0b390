"""The levels of the tree and the shape of a national nomenclature code (Kepmendagri 050-5889/2021)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xlwings_app.domain.tree.codes import (
    Bentuk,
    JenisIndikator,
    Jenjang,
    bentuk,
    parse_kode,
    split_code_prefix,
)


@pytest.mark.parametrize(
    ("text", "jenjang", "induk"),
    [
        ("7.01.02", Jenjang.PROGRAM, None),
        ("7.01.02.2.01", Jenjang.KEGIATAN, "7.01.02"),
        ("7.01.02.2.01.0001", Jenjang.SUB_KEGIATAN, "7.01.02.2.01"),
        ("1.02.02.1.01.0001", Jenjang.SUB_KEGIATAN, "1.02.02.1.01"),  # a province's kegiatan: digit 1
        (" 7.01.06.2.01.0018 ", Jenjang.SUB_KEGIATAN, "7.01.06.2.01"),
    ],
)
def test_a_code_of_the_national_shape_is_read_with_its_level_and_its_parent(text, jenjang, induk):
    read = parse_kode(text)
    assert read.galat is None and read.catatan is None
    assert read.kode is not None
    assert (read.kode.text, read.kode.jenjang, read.kode.induk) == (text.strip(), jenjang, induk)
    assert read.kode.bidang == "7.01" or text.startswith("1.02")


def test_a_two_digit_sub_kegiatan_number_of_permendagri_90_is_read_as_four_digits_with_a_notice():
    read = parse_kode("7.01.02.2.01.01")
    assert read.kode is not None and read.kode.text == "7.01.02.2.01.0001"
    assert read.catatan is not None and "7.01.02.2.01.0001" in read.catatan and "dua digit" in read.catatan


def test_spaces_inside_a_code_and_unicode_dashes_do_not_matter():
    assert parse_kode("7.01.02. 2.01").kode is not None
    assert parse_kode("7.01.02.2.01.0001\u200b").kode is not None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("X.XX.01", "X.XX"),
        ("7.1.2", "mungkin maksudnya '7.01.02'"),
        ("7.01.01.02.01", "mungkin maksudnya '7.01.01.2.01'"),  # the kegiatan group written as 02
        ("7.01.02.3.01", "1 (provinsi) atau 2 (kabupaten/kota)"),
        ("7.01.00", "bukan 00"),
        ("7.01.02.2.01.0000", "bukan nol"),
        ("Program 1", "tidak berbentuk"),
        ("", "belum diisi"),
    ],
)
def test_a_code_of_no_national_shape_is_an_error_that_says_what_was_expected(text, says):
    read = parse_kode(text)
    assert read.kode is None
    assert read.galat is not None and says in read.galat


def test_a_code_of_another_level_than_expected_is_an_error_naming_both():
    read = parse_kode("7.01.02", Jenjang.SUB_KEGIATAN)
    assert read.kode is None
    assert read.galat == "Kode '7.01.02' adalah kode program, bukan kode sub kegiatan."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("7", Bentuk.URUSAN),
        ("7.01", Bentuk.BIDANG),
        ("7.01.02", Bentuk.PROGRAM),
        ("7.01.02.2.01", Bentuk.KEGIATAN),
        ("7.01.02.2.01.0001", Bentuk.SUB_KEGIATAN),
        ("7.01.02.2.01.01", Bentuk.SUB_KEGIATAN),
        ("5.1.02.01.01.0024", Bentuk.REKENING),
        ("5.1.02", Bentuk.REKENING),
        ("7.01.0.00.0.00.06.0000", Bentuk.ORGANISASI),
        ("Belanja Operasi", Bentuk.LAIN),
    ],
)
def test_a_dpa_table_code_is_told_apart_by_its_shape(text, kind):
    assert bentuk(text) is kind


def test_a_name_cell_starting_with_its_code_is_split_as_sipd_writes_nama_sub_giat():
    assert split_code_prefix("7.01.02.2.01.01 Koordinasi/Sinergi\n\nPerencanaan") == (
        "7.01.02.2.01.01", "Koordinasi/Sinergi Perencanaan"
    )  # fmt: skip
    assert split_code_prefix("Penyediaan Gaji dan Tunjangan ASN") == ("", "Penyediaan Gaji dan Tunjangan ASN")


def test_the_levels_run_from_tujuan_to_sub_kegiatan_with_outcome_above_and_output_below():
    assert [j.depth for j in Jenjang] == [0, 1, 2, 3, 4]
    assert Jenjang.KEGIATAN.above is Jenjang.PROGRAM and Jenjang.TUJUAN.above is None
    assert Jenjang.SUB_KEGIATAN.below is None
    assert [j.jenis_indikator for j in Jenjang] == [JenisIndikator.OUTCOME] * 3 + [JenisIndikator.OUTPUT] * 2
    assert [j.has_budget for j in Jenjang] == [False, False, True, True, True]
    assert Jenjang.parse("Sub-Kegiatan") is Jenjang.SUB_KEGIATAN and Jenjang.parse("giat") is Jenjang.KEGIATAN
    assert Jenjang.parse("dinas") is None


codes = st.builds(
    lambda u, b, p, k, kk, s, depth: ".".join(
        [str(u), f"{b:02d}", f"{p:02d}", str(k), f"{kk:02d}", f"{s:04d}"][: (3, 5, 6)[depth]]
    ),
    st.integers(1, 8), st.integers(1, 99), st.integers(1, 99), st.sampled_from([1, 2]), st.integers(1, 99),
    st.integers(1, 9999), st.integers(0, 2),
)  # fmt: skip


@given(codes)
def test_every_valid_code_reads_back_as_itself_and_its_parent_is_its_prefix(text):
    read = parse_kode(text)
    assert read.kode is not None and read.kode.text == text
    if read.kode.induk is not None:
        assert text.startswith(read.kode.induk + ".")
        parent = parse_kode(read.kode.induk)
        assert parent.kode is not None and parent.kode.jenjang is read.kode.jenjang.above


@given(st.text(alphabet="0123456789.X ", max_size=24))
def test_any_text_is_either_a_code_of_one_of_the_three_shapes_or_an_error(text):
    read = parse_kode(text)
    assert (read.kode is None) != (read.galat is None)
    if read.kode is not None:
        assert read.kode.jenjang in (Jenjang.PROGRAM, Jenjang.KEGIATAN, Jenjang.SUB_KEGIATAN)
        assert bentuk(read.kode.text).value == read.kode.jenjang.value.casefold()
