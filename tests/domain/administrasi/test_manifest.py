"""The archive manifest of a period: every paper, its folder, the SOP step it answers, its hash."""

from __future__ import annotations

import hashlib

import pytest

from xlwings_app.domain.administrasi.manifest import (
    FOLDER,
    BerkasArsip,
    JenisBerkas,
    ManifestArsip,
    langkah_keluaran,
    manifest_periode,
    periksa_manifest,
)
from xlwings_app.domain.sop.presets import preset

SOPS = [preset("pengukuran-tim-sakip"), preset("pengumpulan-data-tim-sakip")]


def period() -> ManifestArsip:
    return manifest_periode("Kecamatan Lumajang", 2024, "TW2", {
        JenisBerkas.TANDA_TERIMA: ["Tanda Terima Formulir TW2.xlsx"],
        JenisBerkas.DOKUMEN: ["Pengukuran_Kinerja_2024_TW2.pdf", "Pengukuran_Kinerja_2024_TW2.docx"],
        JenisBerkas.WORKBOOK: ["kinerja.xlsx"],
        JenisBerkas.FORMULIR: ["Formulir TW2 Kasi Pemerintahan.xlsx", "Formulir TW2 Kasi Pelayanan Umum.xlsx"],
        JenisBerkas.NOTULEN: [BerkasArsip(JenisBerkas.NOTULEN, "Notulen 2 Juli 2024.pdf", "Notulen rapat Tim SAKIP")],
        JenisBerkas.LAPORAN_PENGUMPULAN: ["Laporan_Pengumpulan_TW2.pdf"],
    }, SOPS)  # fmt: skip


def test_the_manifest_lists_each_paper_under_its_folder_with_the_step_it_answers() -> None:
    manifest = period()
    rows = [(b.path, b.langkah) for b in manifest.berkas]
    assert rows == [
        ("workbook/kinerja.xlsx", ""),
        ("dokumen/Pengukuran_Kinerja_2024_TW2.pdf", ""),
        ("dokumen/Pengukuran_Kinerja_2024_TW2.docx", ""),
        ("formulir/Formulir TW2 Kasi Pemerintahan.xlsx", "Pengumpulan Data Kinerja langkah 7"),
        ("formulir/Formulir TW2 Kasi Pelayanan Umum.xlsx", "Pengumpulan Data Kinerja langkah 7"),
        ("tanda-terima/Tanda Terima Formulir TW2.xlsx", "Pengumpulan Data Kinerja langkah 6"),
        ("laporan-pengumpulan/Laporan_Pengumpulan_TW2.pdf", "Pengumpulan Data Kinerja langkah 9"),
        ("notulen/Notulen 2 Juli 2024.pdf", "Pengukuran Kinerja langkah 2; Pengumpulan Data Kinerja langkah 2"),
    ]
    assert manifest.berkas[-1].judul == "Notulen rapat Tim SAKIP"
    assert periksa_manifest(manifest) == []


def test_hashes_are_filled_in_later_and_listed_by_path() -> None:
    manifest = period()
    assert len(manifest.belum_hash) == 8
    digest = hashlib.sha256(b"isi").hexdigest()
    filled = manifest.dengan_hash({"workbook/kinerja.xlsx": digest.upper()})
    assert filled.daftar()["workbook/kinerja.xlsx"] == digest
    assert "workbook/kinerja.xlsx" not in filled.belum_hash and len(filled.belum_hash) == 7
    bad = filled.dengan_hash({"formulir/Formulir TW2 Kasi Pemerintahan.xlsx": "bukan-hash"})
    (problem,) = periksa_manifest(bad)
    assert problem.pesan == ("Hash berkas formulir/Formulir TW2 Kasi Pemerintahan.xlsx bukan SHA-256 (64 angka "
                             "heksadesimal).")  # fmt: skip


@pytest.mark.parametrize("name", ["../kinerja.xlsx", "sub/berkas.pdf", r"C:\arsip\x.pdf", "manifest.json", " ", "a\x00b"])
def test_a_file_name_handed_in_is_a_plain_name(name: str) -> None:
    manifest = manifest_periode("U", 2024, "TW1", {JenisBerkas.WORKBOOK: ["k.xlsx"], JenisBerkas.DOKUMEN: ["d.pdf"],
                                                   JenisBerkas.LAMPIRAN: [name]})  # fmt: skip
    (problem,) = periksa_manifest(manifest)
    assert problem.pesan.endswith("tidak dapat diarsipkan: tulis nama berkas saja, tanpa folder.")


def test_a_period_without_workbook_or_document_or_with_a_file_twice() -> None:
    manifest = manifest_periode("U", 2024, "TW1", {JenisBerkas.LAMPIRAN: ["scan.pdf", "SCAN.pdf"]})
    assert [p.pesan for p in periksa_manifest(manifest)] == [
        "Arsip tanpa workbook: workbook periode ini disimpan bersama dokumennya.",
        "Arsip tanpa dokumen periode ini: buat dokumen final lebih dulu.",
        "Berkas lampiran/SCAN.pdf tercantum dua kali.",
    ]


def test_every_kind_has_its_folder_and_the_papers_of_the_seeds_find_their_steps() -> None:
    assert set(FOLDER) == set(JenisBerkas)
    assert len(set(FOLDER.values())) == len(JenisBerkas)
    every = [preset(i) for i in ("pengukuran-lumajang", "perencanaan-lumajang")]
    assert langkah_keluaran(every, JenisBerkas.SURAT_PENGANTAR) == (
        "Prosedur Penyusunan Pengukuran Kinerja langkah 12; Prosedur Penyusunan Perencanaan Kinerja langkah 11")
    assert langkah_keluaran(every, JenisBerkas.TANDA_TERIMA) == (
        "Prosedur Penyusunan Pengukuran Kinerja langkah 11; Prosedur Penyusunan Perencanaan Kinerja langkah 10")
    assert langkah_keluaran(every, JenisBerkas.CHECKLIST) == ""
