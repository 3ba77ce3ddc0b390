"""Import of the program/kegiatan/sub kegiatan table with pagu from a SIPD or DPA export.

Rows are given as an export's cells come (CSV text, Excel floats, ``None`` for an empty cell),
title block included; every problem names its row and cell; one error refuses the whole import.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from xlwings_app.domain.problems import errors, notices
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.dpa import Peran, find_header, header_key, read_dpa
from xlwings_app.domain.tree.model import pagu_of
from xlwings_app.domain.tree.nomenklatur import parse_nomenklatur
from xlwings_app.resources import nomenklatur_files

TITLE = [["PEMERINTAH KABUPATEN LUMAJANG"], ["DOKUMEN PELAKSANAAN ANGGARAN SKPD"], ["Tahun Anggaran 2025"], []]


@pytest.fixture(scope="module")
def nomenklatur():
    return parse_nomenklatur(nomenklatur_files()[0].read_text(encoding="utf-8"))[0]


def sipd_fields_csv():
    """SIPD's sub kegiatan fields, as a CSV of the export holds them (all text)."""
    return [
        ["kode_urusan", "kode_bidang_urusan", "kode_program", "nama_program", "kode_giat", "nama_giat",
         "kode_sub_giat", "nama_sub_giat", "pagu_keg", "pagu", "pagumurni", "pagu_n_depan", "pagu_n_lalu"],
        ["7", "7.01", "7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "7.01.02.2.01",
         "Koordinasi Penyelenggaraan Kegiatan\n\nPemerintahan di Tingkat Kecamatan", "7.01.02.2.01.0001",
         "7.01.02.2.01.0001 Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat "
         "Daerah dan Instansi Vertikal Terkait", "308687500", "296187500", "296187500", "1176533636", "0"],
        ["7", "7.01", "7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "7.01.02.2.01",
         "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", "7.01.02.2.01.0002",
         "7.01.02.2.01.0002 Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", "308687500", "12500000",
         "12500000", "0", "0"],
        ["7", "7.01", "7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "7.01.03.2.01",
         "Koordinasi Kegiatan Pemberdayaan Desa", "7.01.03.2.01.0003",
         "7.01.03.2.01.0003 Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
         "189339181", "189339181", "189339181", "0", "0"],
    ]  # fmt: skip


def test_sipd_s_own_fields_give_each_sub_kegiatan_its_pagu_and_make_its_kegiatan_and_program(nomenklatur):
    result = read_dpa(sipd_fields_csv(), "Export SIPD", nomenklatur=nomenklatur)
    assert result.ok
    assert [(p.tingkat, p.pesan) for p in result.problems] == [
        ("catatan", "Kolom 'pagumurni' tidak dibaca sebagai pagu (dipakai 'pagu')."),
        ("catatan", "3 nilai pagu/realisasi berupa teks (mis. '1.234.567,00') dibaca sebagai angka."),
    ]
    assert [(n.jenjang, n.kode, n.pagu) for n in result.nodes] == [
        (Jenjang.PROGRAM, "7.01.02", None),
        (Jenjang.KEGIATAN, "7.01.02.2.01", None),
        (Jenjang.SUB_KEGIATAN, "7.01.02.2.01.0001", Decimal(296187500)),
        (Jenjang.SUB_KEGIATAN, "7.01.02.2.01.0002", Decimal(12500000)),
        (Jenjang.PROGRAM, "7.01.03", None),
        (Jenjang.KEGIATAN, "7.01.03.2.01", None),
        (Jenjang.SUB_KEGIATAN, "7.01.03.2.01.0003", Decimal(189339181)),
    ]
    tree = result.tree()
    assert pagu_of(tree, tree.node("7.01.02")) == Decimal(308687500)
    assert tree.node("7.01.02.2.01").nama == "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"
    assert tree.node("7.01.02.2.01.0002").nama == "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan"
    assert result.header is not None and result.header.labels[Peran.PAGU] == "pagu"  # not pagu_keg, pagu_n_depan


def test_an_excel_export_with_a_title_block_indonesian_headers_and_indonesian_number_text(nomenklatur):
    rows = [
        *TITLE,
        ["No", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Sumber Dana"],
        [1.0, "7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "1.680.822.871,00", 1_250_000_000.0, "DAU"],
        [2.0, "7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 115022000.0, None, "PAD"],
        [None, None, "JUMLAH", 1_795_844_871.0, None, None],
    ]
    result = read_dpa(rows, "DPA", nomenklatur=nomenklatur)
    assert result.ok and result.header is not None and result.header.baris == 5
    subs = {n.kode: (n.pagu, n.realisasi_anggaran) for n in result.nodes if n.jenjang is Jenjang.SUB_KEGIATAN}
    assert subs == {
        "7.01.01.2.02.0001": (Decimal(1_680_822_871), Decimal(1_250_000_000)),
        "7.01.01.2.06.0009": (Decimal(115_022_000), None),
    }
    assert [p.pesan for p in notices(result.problems)] == [
        "1 nilai pagu/realisasi berupa teks (mis. '1.234.567,00') dibaca sebagai angka."
    ]


def test_a_dpa_recap_with_one_kode_column_reads_the_level_from_each_code_and_skips_headings_and_accounts():
    rows = [
        *TITLE,
        ["Kode", "Uraian", "Jumlah (Rp)"],
        ["7", "UNSUR KEWILAYAHAN", 458_000_000.0],
        ["7.01", "KECAMATAN", 458_000_000.0],
        ["7.01.0.00.0.00.06.0000", "KECAMATAN SUMBERSUKO", 458_000_000.0],
        ["7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 458_000_000.0],
        ["7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", 400_000_000.0],
        ["7.01.02.2.01.0001", "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan", "Rp 100.000.000"],
        ["5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor", 20_000_000.0],
        ["7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", 300_000_000.0],
        ["7.01.02.2.02", "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan ...", 50_000_000.0],
        ["7.01.02.2.02.0003", "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat", 50_000_000.0],
        [None, "Jumlah Total", 458_000_000.0],
    ]
    result = read_dpa(rows, "Rekap")
    assert errors(result.problems) == []
    assert [(n.kode, n.pagu) for n in result.nodes] == [
        ("7.01.02", Decimal(458_000_000)), ("7.01.02.2.01", Decimal(400_000_000)),
        ("7.01.02.2.01.0001", Decimal(100_000_000)), ("7.01.02.2.01.0002", Decimal(300_000_000)),
        ("7.01.02.2.02", Decimal(50_000_000)), ("7.01.02.2.02.0003", Decimal(50_000_000)),
    ]  # fmt: skip
    program = result.nodes[0]
    assert (program.sheet, program.baris) == ("Rekap", 9)
    # the program's own pagu is not its kegiatan's sum (458 ≠ 450): a warning on its pagu cell
    assert [(p.sel, p.tingkat) for p in result.problems if p.tingkat == "peringatan"] == [("C9", "peringatan")]


def test_a_name_column_that_starts_with_the_code_is_enough():
    rows = [["Program/Kegiatan/Sub Kegiatan", "Anggaran"],
            ["7 UNSUR KEWILAYAHAN", 5_000_000], ["7.01 KECAMATAN", 5_000_000],
            ["7.01.03 PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", 5_000_000],
            ["7.01.03.2.03 Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan", 5_000_000],
            ["7.01.03.2.03.0004 Fasilitasi Pengembangan Usaha Ekonomi Masyarakat", 5_000_000],
            ["5.1.02.02.01.0003 Honorarium Narasumber", 5_000_000]]  # fmt: skip
    result = read_dpa(rows)
    assert result.ok and [n.kode for n in result.nodes] == ["7.01.03", "7.01.03.2.03", "7.01.03.2.03.0004"]
    assert all(n.pagu == Decimal(5_000_000) for n in result.nodes)
    assert [p.pesan for p in result.problems] == [
        "1 baris rincian rekening dilewati (pagu dibaca dari baris sub kegiatan)."
    ]
    assert result.nodes[-1].nama == "Fasilitasi Pengembangan Usaha Ekonomi Masyarakat"


def test_older_exports_with_two_digit_sub_kegiatan_numbers_are_read_with_a_notice_naming_the_cell():
    rows = [["kode_sub_giat", "nama_sub_giat", "pagu"], ["7.01.02.2.01.01", "Koordinasi/Sinergi ...", "296187500"]]
    result = read_dpa(rows, "SIPD")
    assert result.ok and result.nodes[-1].kode == "7.01.02.2.01.0001"
    assert [(p.sel, p.tingkat) for p in result.problems][0] == ("A2", "catatan")


def test_rincian_rows_with_an_account_code_are_summed_into_their_sub_kegiatan():
    rows = [
        ["Kode Sub Kegiatan", "Nama Sub Kegiatan", "Kode Rekening", "Uraian Rekening", "Jumlah"],
        ["7.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik", "5.1.02.01.01.0031", "Alat Listrik", 2_000_000],
        ["7.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik", "5.1.02.01.01.0029", "Bahan Komputer", 1_854_405],
        ["7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", "5.1.02.01.01.0024", "ATK", 18_367_614],
    ]  # fmt: skip
    result = read_dpa(rows)
    assert result.ok
    assert {n.kode: n.pagu for n in result.nodes if n.jenjang is Jenjang.SUB_KEGIATAN} == {
        "7.01.01.2.06.0001": Decimal(3_854_405), "7.01.01.2.06.0004": Decimal(18_367_614),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("row", "cell", "says"),
    [
        (["7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001", "Sub", "#REF!"], "E6", "galat Excel #REF!"),
        (["7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001", "Sub", "-5.000"], "E6", "tidak boleh negatif"),
        (["7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001", "Sub", None], "E6", "belum diisi"),
        (["7.01.02", "7.01.02.2.01", "7.01.02.2.1.0001", "Sub", 5], "C6", "mungkin maksudnya '7.01.02.2.01.0001'"),
        (["7.01.02", "7.01.03.2.01", "7.01.02.2.01.0001", "Sub", 5], "B6", "tidak termasuk kegiatan '7.01.03.2.01'"),
        (["7.01.03", "7.01.02.2.01", "7.01.02.2.01.0001", "Sub", 5], "A6", "tidak termasuk program '7.01.03'"),
        (["7.01.02", "7.01.02.2.01", "7.01.02.2.01.0002", "Sub", 5], "C6", "ganda: sudah ada di baris 5"),
        (["7.01.02", "7.01.02.2.01", "Belanja Modal", "Sub", 5], "C6", "tidak berbentuk"),
    ],
)
def test_a_row_that_does_not_fit_is_an_error_naming_its_cell_and_refuses_the_import(row, cell, says):
    rows = [
        ["Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Pagu"],
        ["7.01.02", "7.01.02.2.01", "7.01.02.2.01.0002", "Peningkatan Efektifitas", 1_000],
        row,
    ]
    result = read_dpa(rows, "DPA", first_row=4)
    assert not result.ok
    found = errors(result.problems)
    assert [(p.sheet, p.baris, p.sel) for p in found] == [("DPA", 6, cell)]
    assert says in found[0].pesan


def test_a_table_without_a_code_or_pagu_header_is_refused_with_what_was_looked_for():
    result = read_dpa([*TITLE, ["No", "Nama Kegiatan", "Keterangan"], [1, "Rapat", "-"]], "Sheet1")
    assert not result.ok and result.nodes == () and result.header is None
    assert "Kepala tabel tidak ditemukan" in result.problems[0].pesan and result.problems[0].sheet == "Sheet1"


def test_a_dppa_s_pagu_is_the_amount_after_the_change():
    rows = [["Kode", "Uraian", "Sebelum Perubahan", "Setelah Perubahan", "Bertambah/(Berkurang)"],
            ["7.01.02.2.01.0001", "Koordinasi/Sinergi", 100_000_000, 120_000_000, 20_000_000]]  # fmt: skip
    result = read_dpa(rows)
    assert result.ok and result.nodes[-1].pagu == Decimal(120_000_000)


def test_header_texts_are_compared_without_case_separators_or_units():
    assert header_key(" Kode_Sub-Giat ") == "kode sub giat"
    assert header_key("Pagu (Rp.)") == "pagu" and header_key("Program / Kegiatan / Sub Kegiatan") == (
        "program kegiatan sub kegiatan"
    )
    header, notes = find_header([["Kode", "Uraian", "Anggaran", "Pagu", "Jumlah"]], first_row=7)
    assert header is not None and header.baris == 7 and header.columns[Peran.PAGU] == 3
    assert notes == ["Kolom 'Anggaran' tidak dibaca sebagai pagu (dipakai 'Pagu').",
                     "Kolom 'Jumlah' tidak dibaca sebagai pagu (dipakai 'Pagu')."]  # fmt: skip


def export_of(subs: int) -> list[list[object]]:
    """A SIPD-shaped export of ``subs`` sub kegiatan over 5 programs and 6 kegiatan each, pagu as text."""
    rows: list[list[object]] = [*TITLE, ["kode_program", "nama_program", "kode_giat", "nama_giat", "kode_sub_giat",
                                         "nama_sub_giat", "pagu", "realisasi"]]  # fmt: skip
    for n in range(subs):
        program, kegiatan, sub = n % 5 + 1, n // 5 % 6 + 1, n // 30 + 1
        p, k = f"7.01.{program:02d}", f"7.01.{program:02d}.2.{kegiatan:02d}"
        rows.append([p, f"Program {p}", k, f"Kegiatan {k}", f"{k}.{sub:04d}", f"Sub kegiatan nomor {n + 1}",
                     f"{(n + 1) * 1_000_000:,}".replace(",", ".") + ",00", float((n + 1) * 900_000)])  # fmt: skip
    return rows


def test_an_export_of_300_sub_kegiatan_reads_every_row_quickly(nomenklatur):
    rows = export_of(300)
    started = time.perf_counter()
    result = read_dpa(rows, "DPA", nomenklatur=nomenklatur)
    elapsed = time.perf_counter() - started
    assert result.ok
    subs = [n for n in result.nodes if n.jenjang is Jenjang.SUB_KEGIATAN]
    assert len(subs) == 300 and len(result.nodes) == 300 + 30 + 5
    assert sum(n.pagu for n in subs) == Decimal(1_000_000 * 300 * 301 // 2)
    tree = result.tree()
    assert sum(pagu_of(tree, p) for p in tree.of_level(Jenjang.PROGRAM)) == Decimal(45_150_000_000)
    assert elapsed < 2.0, f"{elapsed:.2f} s for 300 sub kegiatan"


def test_one_broken_row_among_300_refuses_the_whole_import_and_names_only_that_cell():
    rows = export_of(300)
    rows[200][6] = "Rp satu juta"
    result = read_dpa(rows, "DPA")
    assert not result.ok
    assert [(p.baris, p.sel, p.kolom) for p in errors(result.problems)] == [(201, "G201", "pagu")]
