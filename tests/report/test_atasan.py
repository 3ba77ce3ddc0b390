"""The organisation: each official's direct superior (column Atasan of sheet Pejabat, or the rule)
signs the official's PK, acknowledges the IKI document and receives the Tim SAKIP's draft; the
Pengelola's pangkat comes from sheet Pejabat; a final document without lambang, or printing an
official without Nama or NIP, warns (periksa and the command)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.domain.organisasi import atasan_bawaan, atasan_langsung, is_head
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.report.context_iki import mengetahui
from xlwings_app.samples import example
from xlwings_app.services.hitung import periksa
from xlwings_app.services.laporan_iki import laporan_iki
from xlwings_app.services.laporan_pengumpulan import penanda
from xlwings_app.services.perjanjian import perjanjian

SEKRETARIS = example.PEJABAT[1]


def book(tmp_path: Path, pejabat: tuple[Pejabat, ...] = example.PEJABAT, name: str = "kinerja.xlsx",
         **profil: object) -> Path:
    path = tmp_path / name
    build_workbook({**example.PROFIL, **profil}, example.INDICATORS, example.SETTINGS, pejabat=pejabat).save(path)
    return path


def profil_of(path: Path) -> Profil:
    data = read_workbook(path)
    assert data.profil is not None
    return data.profil


def text(docx: Path) -> str:
    document = Document(str(docx))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def test_by_rule_a_kasubag_answers_to_the_sekretaris_a_kasi_and_the_sekretaris_to_the_camat(tmp_path: Path) -> None:
    profil = profil_of(book(tmp_path))
    assert atasan_langsung(profil, example.KASUBAG_KEU) == SEKRETARIS
    assert atasan_langsung(profil, example.KASUBAG_UMUM) == SEKRETARIS
    assert atasan_langsung(profil, example.KASI_PEL) == profil.penandatangan
    assert atasan_langsung(profil, example.SEKRETARIS) == profil.penandatangan
    assert atasan_langsung(profil, example.CAMAT) is None  # the head answers to the Bupati
    assert atasan_bawaan(profil, "Kepala Sub Bagian Umum") == example.SEKRETARIS
    assert not is_head(profil, "Kepala Seksi Pemerintahan") and not is_head(profil, "Kepala Bidang Anggaran")
    assert is_head(profil, "Kepala Dinas Kependudukan") and is_head(profil, "Camat")


def test_without_a_sekretaris_a_kasubag_answers_to_the_head(tmp_path: Path) -> None:
    pejabat = tuple(p for p in example.PEJABAT if p.jabatan != example.SEKRETARIS)
    profil = profil_of(book(tmp_path, pejabat))
    assert atasan_langsung(profil, example.KASUBAG_KEU) == profil.penandatangan


def test_column_atasan_is_written_read_and_wins_over_the_rule(tmp_path: Path) -> None:
    pejabat = tuple(replace(p, atasan=example.SEKRETARIS) if p.jabatan == example.KASI_PEL else p
                    for p in example.PEJABAT)  # fmt: skip
    path = book(tmp_path, pejabat)
    ws = load_workbook(path)["Pejabat"]
    assert [c.value for c in ws[4]][:5] == ["Jabatan", "Nama", "NIP", "Pangkat/Golongan", "Atasan"]
    profil = profil_of(path)
    assert profil.pejabat_untuk(example.KASI_PEL).atasan == example.SEKRETARIS  # type: ignore[union-attr]
    assert atasan_langsung(profil, example.KASI_PEL) == replace(SEKRETARIS)


def test_a_workbook_made_before_the_column_reads_and_follows_the_rule(tmp_path: Path) -> None:
    path = book(tmp_path)
    wb = load_workbook(path)
    ws = wb["Pejabat"]
    table = ws.tables["TabelPejabat"]
    table.ref = table.ref.replace("E", "D")
    table.tableColumns = table.tableColumns[:4]
    ws.delete_cols(5)
    wb.save(path)
    data = read_workbook(path)
    assert data.errors == [] and not [p for p in data.problems if p.sheet == "Pejabat"]
    assert data.profil is not None and atasan_langsung(data.profil, example.KASUBAG_KEU) == SEKRETARIS


def test_an_atasan_naming_nobody_is_a_warning_at_its_cell(tmp_path: Path) -> None:
    pejabat = tuple(replace(p, atasan="Sekretaris Kelurahan") if p.jabatan == example.KASI_PEM else p
                    for p in example.PEJABAT)  # fmt: skip
    data = read_workbook(book(tmp_path, pejabat))
    [problem] = [p for p in data.problems if p.sheet == "Pejabat"]
    assert problem.tingkat == "peringatan" and problem.sel == "E9" and "Sekretaris Kelurahan" in problem.pesan
    assert data.profil is not None
    assert atasan_langsung(data.profil, example.KASI_PEM) == Pejabat("Sekretaris Kelurahan", "")


def test_the_pengelola_takes_its_pangkat_from_sheet_pejabat(tmp_path: Path) -> None:
    profil = profil_of(book(tmp_path))
    assert profil.pengelola.jabatan == example.KASUBAG_KEU
    assert profil.pengelola.pangkat == "Penata Tingkat I (III/d)"


def test_the_tim_sakip_draft_goes_to_the_pengelolas_atasan(tmp_path: Path) -> None:
    profil = profil_of(book(tmp_path))
    assert penanda(profil, False).kepada.nama == SEKRETARIS.nama
    assert penanda(profil, False).dari.pangkat == "Penata Tingkat I (III/d)"
    pejabat = tuple(replace(p, atasan=example.CAMAT) if p.jabatan == example.KASUBAG_KEU else p
                    for p in example.PEJABAT)  # fmt: skip
    profil = profil_of(book(tmp_path, pejabat, "lain.xlsx"))
    assert penanda(profil, False).kepada == profil.penandatangan


def test_each_pk_is_signed_with_the_atasan_langsung(tmp_path: Path) -> None:
    made = {d.pejabat: d for d in perjanjian(book(tmp_path), tmp_path / "out", iki=True, tanggal=None)}
    keuangan = text(made[example.KASUBAG_KEU].docx)
    assert SEKRETARIS.nama in keuangan and example.PEJABAT[0].nama not in keuangan
    assert "NIP 19750823 199803 1 004" in keuangan
    pelayanan = text(made[example.KASI_PEL].docx)
    assert "Drs. DEDWI SUPRAPTO, M.Si." in pelayanan and SEKRETARIS.nama not in pelayanan
    assert all("Ir. H. BUDI SANTOSO" not in text(d.docx) for d in made.values())  # the Bupati signs the unit's PK


def test_the_iki_document_is_acknowledged_by_the_atasan(tmp_path: Path) -> None:
    profil = profil_of(book(tmp_path))
    assert mengetahui(profil, example.KASUBAG_KEU)["nama"] == SEKRETARIS.nama
    assert mengetahui(profil, example.KASI_PEL)["nama"] == profil.penandatangan.nama
    assert mengetahui(profil, example.CAMAT)["nama"] == profil.penandatangan.nama
    made = {d.pejabat: d for d in laporan_iki(book(tmp_path, name="iki.xlsx"), tmp_path / "iki")}
    words = text(made[example.KASUBAG_KEU].docx)
    assert words.index("Mengetahui") < words.index(SEKRETARIS.nama)
    assert example.PEJABAT[0].nama not in words[words.index("Mengetahui"):]


NO_NIP = tuple(replace(p, nip="") if p.jabatan == example.KASI_PMD else p for p in example.PEJABAT)


def test_periksa_warns_of_no_lambang_and_an_official_without_nip(tmp_path: Path) -> None:
    found = periksa(book(tmp_path, NO_NIP)).problems
    lambang = [p for p in found if "lambang" in p.pesan]
    nip = [p for p in found if p.sheet == "Pejabat" and example.KASI_PMD in p.pesan]
    assert len(lambang) == 1 and lambang[0].tingkat == "peringatan"
    assert len(nip) == 1 and nip[0].tingkat == "peringatan" and "tanpa NIP" in nip[0].pesan
    assert not [p for p in periksa(book(tmp_path, name="lengkap.xlsx", lambang="")).problems
                if p.sheet == "Pejabat"]  # fmt: skip


@pytest.mark.parametrize("command", ["iki", "perjanjian"])
def test_a_final_document_warns_a_draft_does_not(tmp_path: Path, command: str) -> None:
    path = book(tmp_path, NO_NIP)

    def notes(draf: bool) -> list[str]:
        if command == "iki":
            made = laporan_iki(path, tmp_path / f"out{draf}", draf=draf)
            return [p.pesan for p in made[0].peringatan]
        return [p.pesan for d in perjanjian(path, tmp_path / f"pk{draf}", iki=True, draf=draf) for p in d.peringatan]

    final = notes(False)
    assert any("tanpa lambang" in n for n in final)
    assert any(example.KASI_PMD in n and "tanpa NIP" in n for n in final)
    assert not [n for n in notes(True) if "tanpa lambang" in n or "tanpa NIP" in n]
