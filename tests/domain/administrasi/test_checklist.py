"""Checklist Dokumen: the documents named by the SOPs, normalised, once each, with their state."""

from __future__ import annotations

import pytest

from xlwings_app.domain.administrasi.checklist import (
    DAFTAR_BAKU,
    IsianChecklist,
    Sebutan,
    checklist,
    katalog,
    kebutuhan_dokumen,
    kunci,
    mirip,
    pisah,
    yang_kurang,
)
from xlwings_app.domain.sop.model import Sop, Step
from xlwings_app.domain.sop.presets import preset

PENGUMPULAN = preset("pengumpulan-data-tim-sakip")
PENGUKURAN = preset("pengukuran-tim-sakip")


def names(sops: list[Sop], baku: bool = True) -> list[str]:
    return [d.nama for d in kebutuhan_dokumen(sops, baku=baku)]


def test_the_pengumpulan_sop_needs_its_step_4_list_and_what_its_steps_pass_on() -> None:
    docs = {d.nama: d for d in kebutuhan_dokumen([PENGUMPULAN])}
    for name in ("Renstra (Rencana Strategis)", "Hasil Survei", "Laporan Hasil Evaluasi",
                 "Pedoman SAKIP Kementerian PANRB", "Program Kerja Kegiatan"):  # fmt: skip
        assert Sebutan("Pengumpulan Data Kinerja", 4, "Kelengkapan") in docs[name].disebut
    assert docs["Program Kerja Kegiatan"].dibuat == (Sebutan("Pengumpulan Data Kinerja", 3, "Output"),)
    assert docs["Hasil Survei"].dari_luar and not docs["Notulen Rapat"].dari_luar
    # "Blangko formulir ..." (needed at 6 and 7) is the form step 5 makes
    assert docs["Formulir Pengumpulan Data Capaian Kinerja"].dibuat == (Sebutan("Pengumpulan Data Kinerja", 5, "Output"),)
    # Peralatan: documents only (RPJMD, IKU, Renstra), never the room, the ATK or the car
    assert Sebutan("Pengumpulan Data Kinerja", 0, "Peralatan") in docs["RPJMD"].disebut
    assert not any("ATK" in n or "Ruang" in n or "Kendaraan" in n for n in docs)


def test_ocr_damage_and_abbreviations_make_one_document_not_two() -> None:
    sop = Sop("Uji", ("Unit",), ("Staf",), (
        Step(1, "A", ("Staf",), kelengkapan="Suarat Disposisi, Program Kerja Keg., Lap. Hasil Evaluasi"),
        Step(2, "B", ("Staf",), kelengkapan="Surat Disposisi / Hasil Survey; TAPKIN", output="Surat Disposisi"),
        Step(3, "C", ("Staf",), kelengkapan="Laporan hasil evaluasi, Rencana Kinerja, Rencana Kerja"),
    ))  # fmt: skip
    assert names([sop], baku=False) == [
        "Surat Disposisi", "Program Kerja Kegiatan", "Laporan Hasil Evaluasi", "Hasil Survei", "Perjanjian Kinerja (PK)",
        "Rencana Kinerja Tahunan", "Renja (Rencana Kerja)",
    ]  # fmt: skip
    (disposisi, *_) = kebutuhan_dokumen([sop], baku=False)
    assert [s.langkah for s in disposisi.disebut] == [1, 2] and disposisi.dibuat == (Sebutan("Uji", 2, "Output"),)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("suarat disposisi", "surat disposisi", True),  # one letter inserted
    ("rencana kinerja", "rencana kerja", False),  # two letters in 13: another document
    ("draft laporan hasil pengukuran data kinerja", "draft laporan hasil pengumpulan data kinerja", False),
    ("laporan hasil evaluasl", "laporan hasil evaluasi", True),
    ("iku", "iki", False),  # short names are never guessed
])  # fmt: skip
def test_names_one_damaged_letter_apart_are_one(a: str, b: str, same: bool) -> None:
    assert mirip(a, b) is same


def test_a_cell_is_split_outside_brackets_and_tidied() -> None:
    assert pisah("DPA (Dokumen Pelaksanaan Anggaran), dan Tupoksi masing masing Kasi/ Kasubag.") == [
        "DPA (Dokumen Pelaksanaan Anggaran)", "Tupoksi masing masing Kasi", "Kasubag"]
    assert kunci("Dokumen Renstra Kecamatan Sumbersuko.") == "renstra kecamatan sumbersuko"
    entry = katalog("Dokumen Renstra Kecamatan Sumbersuko.")
    assert entry is not None and entry.nama == "Renstra (Rencana Strategis)"
    assert katalog("Formulir pengumpulan data capaian kinerja yang sudah diisi") is None  # no prefix rule there


def test_the_standard_list_joins_a_shorter_sop() -> None:
    docs = {d.nama: d for d in kebutuhan_dokumen([preset("pengukuran-lumajang")])}
    for name in DAFTAR_BAKU:
        assert name in docs
    assert docs["Hasil Survei"].hanya_baku and not docs["DPA (Dokumen Pelaksanaan Anggaran)"].hanya_baku
    assert "Hasil Survei" not in names([preset("pengukuran-lumajang")], baku=False)


def test_two_sops_share_their_documents_and_one_makes_what_the_other_needs() -> None:
    docs = {d.nama: d for d in kebutuhan_dokumen([PENGUKURAN, PENGUMPULAN])}
    rekap = docs["Rekapitulasi Hasil Pengumpulan Data Kinerja"]
    assert Sebutan("Pengukuran Kinerja", 7, "Kelengkapan") in rekap.disebut
    assert rekap.dibuat == (Sebutan("Pengumpulan Data Kinerja", 8, "Output"),)
    assert len(docs["Notulen Rapat"].dibuat) == 2


def test_states_from_the_typed_rows_and_what_is_missing_at_step_4() -> None:
    perlu = kebutuhan_dokumen([PENGUMPULAN])
    typed = [
        IsianChecklist("RENSTRA", True, r"\\server\sakip\Renstra 2021-2026.pdf", baris=7, sheet="Checklist",
                       cells={"ada": "C7", "berkas": "D7"}),
        IsianChecklist("Hasil Survey", None, "SKM 2024.pdf", baris=8),
        IsianChecklist("Notulen Rapat", True, "", baris=9, cells={"berkas": "D9"}),
        IsianChecklist("Suarat Disposisi", False, "Disposisi SE.pdf", baris=10),
        IsianChecklist("Foto kegiatan", True, "foto.zip", baris=11),
    ]
    items = {i.dokumen.nama: i for i in checklist(perlu, typed)}
    assert items["Renstra (Rencana Strategis)"].status == "ada"
    assert (items["Hasil Survei"].status, items["Hasil Survei"].berkas) == ("ada", "SKM 2024.pdf")
    assert items["Surat Disposisi"].status == "belum"  # unticked, although a file is named
    assert items["Foto kegiatan"].dokumen.disebut == ()  # typed in, kept at the end
    assert list(items)[-1] == "Foto kegiatan"
    missing = yang_kurang(checklist(perlu, typed), PENGUMPULAN, 4)
    by_name = {p.nilai: p for p in missing}
    # gathered from outside, still missing: a warning naming where it is needed
    assert by_name["Laporan Hasil Evaluasi"].tingkat == "peringatan"
    assert by_name["Laporan Hasil Evaluasi"].pesan == ("Laporan Hasil Evaluasi belum ada: dokumen ini harus dikumpulkan "
        "(diperlukan Pengumpulan Data Kinerja langkah 4, daftar baku Pengumpulan Data Kinerja).")  # fmt: skip
    # made by step 3, before the checklist: it should exist by now
    assert by_name["Program Kerja Kegiatan"].pesan.startswith(
        "Program Kerja Kegiatan belum ada: seharusnya sudah dibuat pada Pengumpulan Data Kinerja langkah 3")
    # ticked without saying where; unticked with a file named
    assert (by_name["Notulen Rapat"].tingkat, by_name["Notulen Rapat"].sel) == ("catatan", "D9")
    assert by_name["Surat Disposisi"].tingkat == "peringatan"
    # only the standard list names it: a notice
    assert by_name["DPA (Dokumen Pelaksanaan Anggaran)"].tingkat == "catatan"
    # made by a later step (the filled forms, step 7): not expected yet
    assert "Formulir pengumpulan data capaian kinerja yang sudah diisi" not in by_name
    assert "Renstra (Rencana Strategis)" not in by_name
