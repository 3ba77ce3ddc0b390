"""The LKjIP's structure is PermenPANRB 53/2014's, and says of each piece who makes it."""

from __future__ import annotations

import pytest

from xlwings_app.domain.lkjip.structure import (
    LKJIP,
    Bentuk,
    Sumber,
    path,
    required,
    slot,
    slots,
    tempat,
    walk,
)


def test_the_parts_are_in_the_regulations_order() -> None:
    assert [s.label for s in LKJIP] == [
        "Ikhtisar Eksekutif", "BAB I Pendahuluan", "BAB II Perencanaan Kinerja", "BAB III Akuntabilitas Kinerja",
        "BAB IV Penutup", "Lampiran",
    ]  # fmt: skip
    bab3 = LKJIP[3]
    assert [s.label for s in bab3.sub] == ["A. Capaian Kinerja Organisasi", "B. Realisasi Anggaran"]


def test_bab_iii_a_has_the_seven_items_per_sasaran_in_order() -> None:
    items = LKJIP[3].sub[0].sub
    assert [s.nomor for s in items] == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]
    assert all(s.per_sasaran for s in items)
    assert [s.judul for s in items] == [
        "Target dan Realisasi Kinerja Tahun Ini",
        "Dibandingkan dengan Tahun Lalu dan Beberapa Tahun Terakhir",
        "Dibandingkan dengan Target Akhir Renstra",
        "Dibandingkan dengan Standar Nasional",
        "Penyebab Keberhasilan atau Kegagalan dan Alternatif Solusi",
        "Efisiensi Penggunaan Sumber Daya",
        "Program dan Kegiatan Penunjang",
    ]


def test_bab_i_covers_organisation_tugas_fungsi_aspek_strategis_and_permasalahan_utama() -> None:
    assert [s.judul for s in LKJIP[1].sub] == [
        "Gambaran Umum Organisasi", "Tugas dan Fungsi", "Aspek Strategis Organisasi", "Permasalahan Utama",
        "Tindak Lanjut Hasil Evaluasi Tahun Lalu", "Sistematika Penyajian",
    ]  # fmt: skip


def test_what_a_person_must_write_before_a_final() -> None:
    assert [(s.kunci, s.per_sasaran) for s in required()] == [
        ("bab1.organisasi", False), ("bab1.tugas_fungsi", False), ("bab1.aspek_strategis", False),
        ("bab1.permasalahan_utama", False), ("bab3.a.5.analisis", True), ("bab4.langkah", False),
    ]  # fmt: skip
    assert all(s.sumber is Sumber.TULISAN for s in required())


def test_only_written_pieces_can_be_required_and_every_piece_says_what_goes_in() -> None:
    assert all(not s.wajib for s in slots(Sumber.DATA))
    assert all(s.isi and s.nama for s in slots())
    kunci = [s.kunci for s in slots()]
    assert len(kunci) == len(set(kunci))


def test_the_tables_and_the_chart_of_the_report() -> None:
    assert [s.kunci for s in slots() if s.bentuk is not Bentuk.PARAGRAF] == [
        "bab1.pejabat", "bab2.renstra.tabel", "bab2.pk.tabel", "bab3.a.tabel", "bab3.a.1.tabel", "bab3.a.2.tabel",
        "bab3.a.2.grafik", "bab3.a.3.tabel", "bab3.a.4.tabel", "bab3.b.tabel", "lampiran.pk", "lampiran.pengukuran",
    ]  # fmt: skip


def test_where_a_piece_sits() -> None:
    assert tempat("bab1.aspek_strategis") == "BAB I Pendahuluan, C. Aspek Strategis Organisasi"
    assert [s.kunci for s in path("bab3.a.5.analisis")] == ["bab3", "bab3.a", "bab3.a.5"]
    assert slot("bab4.langkah").nama == "Langkah di masa mendatang"
    with pytest.raises(KeyError):
        slot("bab9")


def test_walk_gives_depths_in_printed_order() -> None:
    walked = [(s.kunci, depth) for s, depth in walk()]
    assert walked[:3] == [("ikhtisar", 0), ("bab1", 0), ("bab1.a", 1)]
    assert ("bab3.a.7", 2) in walked and walked[-1] == ("lampiran", 0)
