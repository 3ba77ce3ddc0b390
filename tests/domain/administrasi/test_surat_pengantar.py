"""The Surat Pengantar to Bappeda: its table of documents and codes, its checks, the step it stamps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from xlwings_app.domain.administrasi.dokumen import DokumenTertanda, JenisDokumen
from xlwings_app.domain.administrasi.surat_pengantar import (
    LampiranPengantar,
    SuratPengantar,
    daftar_kode,
    langkah_pengiriman,
    periksa_surat_pengantar,
    stempel_pengiriman,
    surat_pengantar,
)
from xlwings_app.domain.sop.presets import preset
from xlwings_app.samples.example import PEJABAT

CAMAT = PEJABAT[0]
RENCANA = DokumenTertanda(JenisDokumen.RENCANA, "Rencana Kinerja Tahunan 2025", 2025, date(2025, 1, 23), "ABCDE-FGH23")
PK = DokumenTertanda(JenisDokumen.PERJANJIAN, "Perjanjian Kinerja Tahun 2025", 2025, date(2025, 1, 23), "ABCDE-FGH45")


def letter() -> SuratPengantar:
    return surat_pengantar([RENCANA, PK], "050/17/427.90/2025", date(2025, 1, 24),
                           "Kepala Bappeda Kabupaten Lumajang", CAMAT, "Kecamatan Lumajang")  # fmt: skip


def test_the_letter_lists_each_document_with_its_verification_code() -> None:
    surat = letter()
    assert surat.perihal == "Penyampaian Rencana Kinerja Tahunan 2025 dan Perjanjian Kinerja Tahun 2025"
    assert daftar_kode(surat) == (("Rencana Kinerja Tahunan 2025", "ABCDE-FGH23"),
                                  ("Perjanjian Kinerja Tahun 2025", "ABCDE-FGH45"))  # fmt: skip
    assert periksa_surat_pengantar(surat) == []


def test_every_problem_of_the_letter_names_its_field() -> None:
    late = replace(PK, tanggal=date(2025, 1, 27))
    rows = (LampiranPengantar(RENCANA), LampiranPengantar(replace(RENCANA, judul="Salinan")), LampiranPengantar(late, 0),
            LampiranPengantar(replace(PK, kode_verifikasi="", tanggal=None)))  # fmt: skip
    surat = replace(letter(), nomor="", lampiran=rows, dikirim=date(2025, 1, 23),
                    diterima=datetime(2025, 1, 22, 10, 0))
    problems = periksa_surat_pengantar(surat, sheet="Surat Pengantar")
    assert [(p.kolom, p.baris) for p in problems] == [
        ("Nomor", None), ("Kode Verifikasi", 2), ("Banyaknya", 3), ("Naskah", 3), ("Kode Verifikasi", 4),
        ("Naskah", 4), ("Dikirim", None), ("Diterima", None),
    ]  # fmt: skip
    assert problems[1].pesan == "Dokumen 2 (Salinan): kode ABCDE-FGH23 sudah tercantum pada dokumen 1."
    assert problems[3].pesan == ("Dokumen 3 (Perjanjian Kinerja Tahun 2025) ditandatangani 27 Januari 2025, sesudah "
                                 "tanggal surat pengantar 24 Januari 2025.")  # fmt: skip
    assert problems[-1].pesan == "Diterima Bappeda (22-01-2025 10.00) sebelum Dikirim (23-01-2025)."
    assert all(p.is_error and p.sheet == "Surat Pengantar" for p in problems)
    empty = replace(letter(), lampiran=(), kepada=" ", tanggal=None)
    assert [p.kolom for p in periksa_surat_pengantar(empty)] == ["Kepada", "Tanggal", "Lampiran"]


def test_sending_stamps_the_step_to_bappeda_from_sent_to_received() -> None:
    sop = preset("perencanaan-lumajang")
    step = langkah_pengiriman(sop, JenisDokumen.RENCANA)
    assert step is not None and step.no == 11
    assert langkah_pengiriman(preset("pengukuran-lumajang"), JenisDokumen.PENGUKURAN).no == 12
    assert langkah_pengiriman(preset("pengukuran-lumajang"), JenisDokumen.RENCANA) is None
    assert stempel_pengiriman(sop, letter()) == ()  # not sent yet: nothing to stamp
    sent = replace(letter(), dikirim=datetime(2025, 1, 24, 9, 0))
    (stamp,) = stempel_pengiriman(sop, sent)  # the PK has no step in this SOP
    assert (stamp.langkah.no, stamp.mulai, stamp.selesai) == (11, datetime(2025, 1, 24, 9, 0), None)
    received = replace(sent, diterima=datetime(2025, 1, 24, 10, 15))
    (stamp,) = stempel_pengiriman(sop, received)
    assert (stamp.mulai, stamp.selesai) == (datetime(2025, 1, 24, 9, 0), datetime(2025, 1, 24, 10, 15))
    assert stamp.catatan == "Dicatat otomatis (Surat Pengantar nomor 050/17/427.90/2025)"
    # Bappeda's receipt alone gives Selesai only; the log writes it after the person's own Mulai
    (only_end,) = stempel_pengiriman(sop, replace(letter(), diterima=date(2025, 1, 24)))
    assert (only_end.mulai, only_end.selesai) == (None, date(2025, 1, 24))
