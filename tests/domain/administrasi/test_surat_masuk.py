"""The register of incoming letters and dispositions: checks, letters, the SOP steps they answer."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from xlwings_app.domain.administrasi.surat_masuk import (
    BarisRegister,
    JenisSurat,
    jenis_surat,
    langkah_surat,
    periksa_register,
    stempel_surat,
    surat_masuk,
    tebak_jenis,
)
from xlwings_app.domain.sop.presets import preset

CELLS = {"nomor": "B5", "tanggal": "C5", "dari": "D5", "hal": "E5", "diterima": "G5", "sifat": "I5",
         "disposisi_kepada": "K5", "tanggal_disposisi": "M5", "batas_waktu": "N5"}  # fmt: skip


def edaran(baris: int = 5, **changes: object) -> BarisRegister:
    """The Surat Edaran of Bappeda as the Staf Penerima Surat records it, disposed by the Camat."""
    values: dict[str, object] = {
        "nomor": "050/123/427.50/2024", "tanggal": date(2024, 2, 1), "dari": "Bappeda Kabupaten Lumajang",
        "hal": "Penyusunan Pengukuran Kinerja Triwulan IV", "jenis": JenisSurat.SURAT_EDARAN,
        "diterima": datetime(2024, 2, 5, 9, 12), "no_agenda": "112", "sifat": "Segera", "disposisi_dari": "Camat",
        "disposisi_kepada": "Kasubbag Keuangan", "isi_disposisi": "Tindak lanjuti, koordinasikan dengan Sekcam",
        "tanggal_disposisi": datetime(2024, 2, 5, 10, 40), "batas_waktu": date(2024, 2, 23),
        "sheet": "Surat Masuk", "baris": baris, "cells": CELLS,
    }  # fmt: skip
    values.update(changes)
    return BarisRegister(**values)  # type: ignore[arg-type]


def test_a_complete_row_has_no_problem() -> None:
    assert periksa_register([edaran()]) == []


def test_every_problem_of_a_row_at_once_each_naming_its_cell() -> None:
    bad = edaran(nomor=" ", tanggal=None, hal="", sifat="Kilat")
    found = {(p.kolom, p.sel): p for p in periksa_register([bad])}
    assert set(found) == {("Nomor Surat", "B5"), ("Tanggal Surat", "C5"), ("Hal", "E5"), ("Sifat", "I5")}
    assert all(p.is_error and p.sheet == "Surat Masuk" and p.baris == 5 for p in found.values())
    assert "pilih Biasa, Segera, Sangat Segera, Rahasia" in found["Sifat", "I5"].pesan


def test_a_letter_is_received_after_it_is_dated_and_disposed_after_it_is_received() -> None:
    early = edaran(diterima=date(2024, 1, 31), tanggal_disposisi=datetime(2024, 1, 30, 8, 0),
                   batas_waktu=date(2024, 1, 15))  # fmt: skip
    messages = {p.kolom: p.pesan for p in periksa_register([early])}
    assert messages["Tanggal Terima"] == "Tanggal Terima (31-01-2024) lebih awal dari Tanggal Surat (01-02-2024)."
    assert messages["Tanggal Disposisi"] == ("Tanggal Disposisi (30-01-2024 08.00) lebih awal dari Tanggal Terima "
                                             "(31-01-2024).")  # fmt: skip
    assert messages["Batas Waktu"].startswith("Batas Waktu (15-01-2024) lebih awal dari Tanggal Surat")
    same_day = edaran(diterima=date(2024, 2, 5), tanggal_disposisi=datetime(2024, 2, 5, 7, 45))
    assert periksa_register([same_day]) == []  # a date alone covers its whole day


def test_a_disposition_needs_its_recipient() -> None:
    (problem,) = periksa_register([edaran(disposisi_kepada="")])
    assert (problem.kolom, problem.sel) == ("Disposisi Kepada", "K5")


def test_rows_of_one_letter_agree_and_a_disposition_is_written_once() -> None:
    second = edaran(6, hal="Penyusunan Rencana Kinerja", disposisi_dari="Sekretaris", disposisi_kepada="Staf")
    again = edaran(7)
    problems = periksa_register([edaran(), second, again])
    assert [(p.baris, p.kolom, p.tingkat) for p in problems] == [(6, "Hal", "galat"), (7, "Disposisi Kepada", "peringatan")]
    assert "berbeda dengan baris 5" in problems[0].pesan


def test_the_rows_of_one_letter_make_one_letter_with_its_dispositions() -> None:
    down = edaran(6, jenis=None, hal="", disposisi_dari="Kasubbag Keuangan", disposisi_kepada="Staf",
                  isi_disposisi="Siapkan formulir", tanggal_disposisi=datetime(2024, 2, 5, 13, 0),
                  batas_waktu=date(2024, 2, 16))  # fmt: skip
    other = edaran(7, nomor="800/5/2024", dari="BKPSDM", hal="Undangan", jenis=None, disposisi_kepada="",
                   isi_disposisi="", tanggal_disposisi=None, batas_waktu=None)  # fmt: skip
    first, second = surat_masuk([edaran(), down, other])
    assert (first.nomor, first.jenis, first.hal, first.baris) == ("050/123/427.50/2024", JenisSurat.SURAT_EDARAN,
                                                                  "Penyusunan Pengukuran Kinerja Triwulan IV", (5, 6))
    assert [(d.dari, d.kepada) for d in first.disposisi] == [("Camat", "Kasubbag Keuangan"), ("Kasubbag Keuangan", "Staf")]
    assert first.batas_waktu == date(2024, 2, 16)  # the earliest deadline its dispositions set
    assert (second.jenis, second.disposisi, second.batas_waktu) == (JenisSurat.LAINNYA, (), None)


@pytest.mark.parametrize(("dari", "hal", "jenis"), [
    ("Bappeda", "Surat Edaran Penyusunan Rencana Kinerja", JenisSurat.SURAT_EDARAN),
    ("Sekretaris Camat", "Laporan Hasil Pengumpulan Data Kinerja TW IV", JenisSurat.LAPORAN_PENGUMPULAN),
    ("Sekretaris Camat", "Laporan Hasil Pengukuran Kinerja TW IV", JenisSurat.LAPORAN_PENGUKURAN),
    ("BKPSDM", "Undangan rapat", JenisSurat.LAINNYA),
])  # fmt: skip
def test_a_row_without_jenis_is_read_from_its_sender_and_subject(dari: str, hal: str, jenis: JenisSurat) -> None:
    assert tebak_jenis(dari, hal) is jenis
    assert jenis_surat(f"  {jenis.value.upper()} ") is jenis


@pytest.mark.parametrize(("preset_id", "jenis", "steps"), [
    ("pengukuran-lumajang", JenisSurat.SURAT_EDARAN, [1, 2, 3]),
    ("perencanaan-lumajang", JenisSurat.SURAT_EDARAN, [1, 2, 3]),
    ("pengukuran-tim-sakip", JenisSurat.SURAT_EDARAN, [1]),
    ("pengumpulan-data-tim-sakip", JenisSurat.SURAT_EDARAN, [1]),
    ("pengukuran-tim-sakip", JenisSurat.LAPORAN_PENGUKURAN, [8, 9]),
    ("pengumpulan-data-tim-sakip", JenisSurat.LAPORAN_PENGUMPULAN, [10, 11]),
    ("pengumpulan-data-tim-sakip", JenisSurat.LAPORAN_PENGUKURAN, []),
    ("pengukuran-kominfo", JenisSurat.SURAT_EDARAN, []),
])  # fmt: skip
def test_which_steps_each_kind_of_letter_answers(preset_id: str, jenis: JenisSurat, steps: list[int]) -> None:
    assert [step.no for step, _ in langkah_surat(preset(preset_id), jenis)] == steps


def test_the_surat_edaran_stamps_the_end_of_receiving_and_of_disposing_never_a_start() -> None:
    sop = preset("pengukuran-lumajang")
    letter = surat_masuk([edaran(), edaran(6, disposisi_dari="Kasubbag Keuangan", disposisi_kepada="Staf",
                                             tanggal_disposisi=datetime(2024, 2, 5, 13, 0))])[0]  # fmt: skip
    stamps = stempel_surat(sop, letter)
    # step 2 (forwarding) records no moment of its own: the person stamps it
    assert [(s.langkah.no, s.mulai, s.selesai) for s in stamps] == [
        (1, None, datetime(2024, 2, 5, 9, 12)),  # Tanggal Terima
        (3, None, datetime(2024, 2, 5, 10, 40)),  # the Camat's disposition, the earliest
    ]
    assert stamps[0].catatan == ("Dicatat otomatis (Surat Edaran nomor 050/123/427.50/2024, register surat)")
    (order,) = stempel_surat(preset("pengumpulan-data-tim-sakip"), letter)
    assert (order.langkah.no, order.selesai) == (1, datetime(2024, 2, 5, 10, 40))


def test_a_report_sent_up_stamps_the_analysis_by_its_date_and_the_report_by_the_camats_disposition() -> None:
    report = BarisRegister("094/15/2024", date(2024, 10, 14), "Sekretaris Camat",
                           "Laporan Hasil Pengumpulan Data Kinerja Triwulan III", disposisi_dari="Camat",
                           disposisi_kepada="Sekretaris Camat", isi_disposisi="Setuju, lanjutkan",
                           tanggal_disposisi=date(2024, 10, 15))  # fmt: skip
    (letter,) = surat_masuk([report])
    assert letter.jenis is JenisSurat.LAPORAN_PENGUMPULAN
    stamps = stempel_surat(preset("pengumpulan-data-tim-sakip"), letter)
    assert [(s.langkah.no, s.mulai, s.selesai) for s in stamps] == [(10, None, date(2024, 10, 14)),
                                                                   (11, None, date(2024, 10, 15))]  # fmt: skip
