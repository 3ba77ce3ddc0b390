"""Notulen Rapat: agenda from the SOP's meeting step, leader and participants from sheet Pejabat."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from xlwings_app.domain.administrasi.notulen import TindakLanjut, agenda_dari, notulen_rapat, periksa_notulen
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.sop.presets import preset
from xlwings_app.samples.example import PEJABAT

CAMAT, SEKCAM, *KASI = PEJABAT


def test_the_meeting_of_the_pengumpulan_sop_is_led_by_the_sekretaris_with_the_other_officials() -> None:
    notulen, problems = notulen_rapat(preset("pengumpulan-data-tim-sakip"), PEJABAT, "Kecamatan Lumajang",
                                      date(2024, 10, 2), "Ruang Rapat Kecamatan", waktu=time(9, 0),
                                      dasar="Disposisi Camat atas Surat Edaran Bappeda nomor 050/123/427.50/2024")  # fmt: skip
    assert problems == []
    assert notulen is not None
    assert (notulen.sop, notulen.langkah) == ("Pengumpulan Data Kinerja", 2)
    assert notulen.agenda == "Memberikan arahan pelaksanaan kegiatan pengumpulan data kinerja"
    assert notulen.pimpinan == SEKCAM  # the step's Pelaksana "Sekretaris" holds "Sekretaris Camat"
    assert notulen.peserta == (CAMAT, *KASI)
    assert (notulen.keputusan, notulen.tindak_lanjut, notulen.baris_kosong) == ((), (), 5)


def test_an_sop_without_a_meeting_step_gives_no_notulen() -> None:
    notulen, (problem,) = notulen_rapat(preset("pengukuran-lumajang"), PEJABAT, "Kecamatan Lumajang",
                                        date(2024, 10, 2), "Aula")  # fmt: skip
    assert notulen is None
    assert problem.pesan == 'SOP Prosedur Penyusunan Pengukuran Kinerja tidak punya langkah rapat (Output "Notulen Rapat").'


def test_without_the_leaders_role_in_pejabat_or_a_place_the_notulen_says_what_is_missing() -> None:
    notulen, problems = notulen_rapat(preset("pengukuran-tim-sakip"), KASI, "Kecamatan Lumajang", date(2024, 10, 2), " ")
    assert notulen is not None and notulen.pimpinan == Pejabat("Sekretaris", "")
    assert [p.pesan for p in problems] == [
        "Pimpinan rapat tidak ditemukan: tidak ada pejabat berjabatan Sekretaris di sheet Pejabat.",
        "Tempat rapat kosong: tulis ruang rapatnya.",
    ]


def test_the_agenda_is_the_purpose_the_kegiatan_states() -> None:
    step = preset("pengukuran-tim-sakip").step(2)
    assert step is not None and agenda_dari(step) == "Memberikan arahan pelaksanaan kegiatan pengumpulan data kinerja"
    no_purpose = replace(step, kegiatan="Rapat koordinasi Tim SAKIP")
    assert agenda_dari(no_purpose) == "Rapat koordinasi Tim SAKIP"


def test_a_signed_notulen_records_what_was_decided() -> None:
    notulen, _ = notulen_rapat(preset("pengukuran-tim-sakip"), PEJABAT, "Kecamatan Lumajang", date(2024, 10, 2), "Aula")
    assert notulen is not None
    assert periksa_notulen(notulen, ditandatangani=False) == []
    (problem,) = periksa_notulen(notulen, ditandatangani=True, sheet="Notulen")
    assert (problem.sheet, problem.kolom) == ("Notulen", "Keputusan")
    typed_back = replace(notulen, keputusan=("Pengukuran TW III selesai 11 Oktober 2024",),
                         tindak_lanjut=(TindakLanjut("Bagikan formulir", "Ketua Tim SAKIP", date(2024, 10, 1)),
                                        TindakLanjut(" ")),
                         peserta=(*notulen.peserta, KASI[0]))  # fmt: skip
    problems = periksa_notulen(typed_back, ditandatangani=True)
    assert [(p.kolom, p.tingkat) for p in problems] == [("Batas Waktu", "galat"), ("Tindak Lanjut", "galat"),
                                                        ("Peserta", "peringatan")]  # fmt: skip
    assert problems[0].pesan == "Tindak lanjut 1: batas waktu 01-10-2024 sebelum tanggal rapat 02-10-2024."
