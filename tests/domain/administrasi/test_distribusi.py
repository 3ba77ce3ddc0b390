"""Tanda Terima of a signed document: one per official, its checks, and the step it stamps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from xlwings_app.domain.administrasi.distribusi import (
    belum_diterima,
    langkah_distribusi,
    periksa_tanda_terima,
    stempel_distribusi,
    tanda_terima_dokumen,
)
from xlwings_app.domain.administrasi.dokumen import DokumenTertanda, JenisDokumen, kode_sah
from xlwings_app.domain.sop.presets import preset
from xlwings_app.samples.example import PEJABAT

CAMAT = PEJABAT[0]
PENGUKURAN = DokumenTertanda(JenisDokumen.PENGUKURAN, "Pengukuran Kinerja s.d. Triwulan II Tahun 2024", 2024,
                             date(2024, 7, 10), "K7Q2M-XR4TB", "TW2", "Pengukuran_Kinerja_2024_TW2.pdf")  # fmt: skip
RENCANA = DokumenTertanda(JenisDokumen.RENCANA, "Rencana Kinerja Tahunan 2025", 2025, date(2025, 1, 23), "ABCDE-FGH23")
PK = DokumenTertanda(JenisDokumen.PERJANJIAN, "Perjanjian Kinerja Tahun 2025", 2025, date(2025, 1, 23), "ABCDE-FGH45")


def test_every_official_but_the_signer_gets_a_receipt() -> None:
    receipts = tanda_terima_dokumen(PENGUKURAN, PEJABAT, penandatangan=CAMAT, diberikan=date(2024, 7, 11))
    assert [r.penerima for r in receipts] == list(PEJABAT[1:])
    assert {(r.dokumen, r.diberikan, r.diterima) for r in receipts} == {(PENGUKURAN, date(2024, 7, 11), None)}
    assert belum_diterima(receipts) == PEJABAT[1:]


def test_a_receipt_names_the_signed_copy_and_comes_after_the_signing() -> None:
    unsigned = replace(PENGUKURAN, kode_verifikasi="K7Q2M-XR4T8", tanggal=None)  # 8 is not base32
    receipts = tanda_terima_dokumen(unsigned, PEJABAT[1:3], diberikan=date(2024, 7, 11))
    early = replace(receipts[0], diterima=date(2024, 7, 10), baris=6, cells={"diterima": "F6"})
    problems = periksa_tanda_terima([early, receipts[1], replace(receipts[1], baris=8)])
    assert [(p.kolom, p.tingkat) for p in problems] == [("Kode Verifikasi", "galat"), ("Tanggal Dokumen", "galat"),
                                                        ("Tanggal Diterima", "galat"), ("Penerima", "peringatan")]
    assert problems[2].pesan == "Tanggal Diterima (10-07-2024) lebih awal dari Tanggal Diberikan (11-07-2024)."
    assert problems[2].sel == "F6"
    signed_later = replace(receipts[0], dokumen=PENGUKURAN, diterima=datetime(2024, 7, 9, 10, 0))
    (problem,) = periksa_tanda_terima([signed_later])
    assert problem.pesan == ("Sekretaris Camat menerima dokumen (09-07-2024 10.00) sebelum ditandatangani "
                             "(10-07-2024).")  # fmt: skip
    assert kode_sah(" k7q2m-xr4tb ") and not kode_sah("K7Q2MXR4TB")


def test_the_receipts_stamp_the_distribution_step_from_first_to_last() -> None:
    sop = preset("pengukuran-lumajang")
    receipts = list(tanda_terima_dokumen(PENGUKURAN, PEJABAT[1:4]))
    times = [datetime(2024, 7, 11, 9, 20), datetime(2024, 7, 11, 8, 5), None]
    receipts = [replace(r, diterima=t) for r, t in zip(receipts, times, strict=True)]
    partial = stempel_distribusi(sop, receipts)
    assert partial is not None
    # one official has not signed yet: the distribution has begun, it has not ended
    assert (partial.langkah.no, partial.mulai, partial.selesai) == (11, datetime(2024, 7, 11, 8, 5), None)
    receipts[2] = replace(receipts[2], diterima=date(2024, 7, 12))  # a date alone
    done = stempel_distribusi(sop, receipts)
    assert done is not None and (done.mulai, done.selesai) == (datetime(2024, 7, 11, 8, 5), date(2024, 7, 12))
    assert done.catatan == "Dicatat otomatis (Tanda Terima Pengukuran Kinerja s.d. Triwulan II Tahun 2024)"


def test_each_document_stamps_its_own_sops_step_only() -> None:
    # seed 000's outputs say "Rencana Kinerja": only its Kegiatan tells the documents apart
    assert langkah_distribusi(preset("pengukuran-lumajang"), RENCANA) is None
    step = langkah_distribusi(preset("perencanaan-lumajang"), RENCANA)
    assert step is not None and step.no == 10
    assert langkah_distribusi(preset("perencanaan-lumajang"), PENGUKURAN) is None
    for sop_id in ("pengukuran-lumajang", "perencanaan-lumajang", "pengukuran-kominfo", "pengumpulan-data-tim-sakip"):
        assert langkah_distribusi(preset(sop_id), PK) is None  # no seed SOP distributes the PK
    receipts = [replace(r, diterima=date(2025, 1, 24)) for r in tanda_terima_dokumen(PK, PEJABAT[1:])]
    assert stempel_distribusi(preset("perencanaan-lumajang"), receipts) is None
    assert stempel_distribusi(preset("perencanaan-lumajang"), []) is None
