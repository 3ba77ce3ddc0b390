"""Final versus draft: a final document needs the analysis of every unmet target (seed 004 step 7)."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.cli.test_report_cmds import app
from xlwings_app.adapters.documents.lambang_contoh import FILE_NAME, placeholder_png
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.analisis import with_catatan
from xlwings_app.domain.indicator import Periode
from xlwings_app.samples import example
from xlwings_app.services.hitung import periksa

GAPS = {"IKU-05": ("permasalahan", "rencana_aksi"), "IKU-07": ("rencana_aksi",),
        "IKI-KEU-01": ("permasalahan", "rencana_aksi")}
EXPECTED_IKU = ["sheet IKU, sel AN9 (kolom Permasalahan TW III)", "sheet IKU, sel AO9 (kolom Rencana Aksi TW III)",
                "sheet IKU, sel AO11 (kolom Rencana Aksi TW III)"]
EXPECTED_IKI = ["sheet IKI, sel AO6 (kolom Permasalahan TW III)", "sheet IKI, sel AP6 (kolom Rencana Aksi TW III)"]


def with_gaps(folder: Path) -> Path:
    """The example with Permasalahan / Rencana Aksi of three unmet indicators emptied."""
    indicators = [replace(i, analisis=with_catatan(i.analisis, Periode.TW3, **dict.fromkeys(GAPS.get(i.kode, ()), "")))
                  for i in example.INDICATORS]  # fmt: skip
    path = folder / "kinerja.xlsx"
    profil = {**example.PROFIL, "lambang": FILE_NAME}
    build_workbook(profil, indicators, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    (folder / FILE_NAME).write_bytes(placeholder_png())
    return path


def run(*args: str):
    return CliRunner().invoke(app(), list(args))


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_the_example_is_final_every_unmet_indicator_has_its_analysis(tmp_path: Path) -> None:
    path = tmp_path / "contoh.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    assert not [p for p in periksa(path).problems if p.kolom in ("Permasalahan TW III", "Rencana Aksi TW III")]


def test_periksa_lists_every_gap_as_a_warning(tmp_path: Path) -> None:
    data = periksa(with_gaps(tmp_path))
    gaps = [p for p in data.problems if p.kolom in ("Permasalahan TW III", "Rencana Aksi TW III")]
    assert [p.where().split(", ", 1)[1] for p in gaps] == EXPECTED_IKU + EXPECTED_IKI
    assert all(p.tingkat == "catatan" for p in gaps) and data.errors == []


@pytest.mark.parametrize(("command", "expected"), [("laporan", EXPECTED_IKU), ("laporan-iki", EXPECTED_IKI),
                                                   ("arsip", EXPECTED_IKU)])
def test_a_final_document_is_refused_naming_every_missing_cell(tmp_path: Path, command: str,
                                                               expected: list[str]) -> None:
    path = with_gaps(tmp_path)
    before = path.read_bytes()
    result = run(command, str(path), "-p", "TW3", "--keluar", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert "tidak dibuat" in result.output
    listed = [line for line in result.output.splitlines() if line.startswith("  - ")]
    assert [line.split(", ", 1)[1].split(":")[0] for line in listed] == expected
    assert not (tmp_path / "out").exists() and path.read_bytes() == before
    assert not list(tmp_path.glob("*.zip"))


@pytest.mark.libreoffice
def test_a_draft_marks_every_page_and_highlights_the_gaps(tmp_path: Path) -> None:
    path = with_gaps(tmp_path)
    result = run("laporan", str(path), "-p", "TW3", "--draf", "--pdf", "--keluar", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Dokumen DRAF (belum untuk ditandatangani)" in result.output
    pages = pdf_pages(tmp_path / "out" / "Pengukuran_Kinerja_2024_TW3_DRAF.pdf")
    assert len(pages) >= 2
    assert all("DRAF · untuk koreksi, belum untuk ditandatangani" in page for page in pages)
    text = " ".join(" ".join(page.split()) for page in pages)
    assert "Isian yang harus dilengkapi di workbook:" in text
    for where in EXPECTED_IKU:
        assert where in text
    assert text.count("BELUM DIISI:") == 3


@pytest.mark.libreoffice
def test_an_iki_draft_is_marked_too(tmp_path: Path) -> None:
    path = with_gaps(tmp_path)
    result = run("laporan-iki", str(path), "-p", "TW3", "--draf", "--pdf", "--keluar", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out" / "Pengukuran_Kinerja_Individu_2024_TW3_Kasubag_Keuangan_DRAF.pdf"
    pages = pdf_pages(pdf)
    assert all("DRAF · untuk koreksi" in page for page in pages)
    assert " ".join(" ".join(pages).split()).count("BELUM DIISI:") == 2


@pytest.mark.libreoffice
def test_a_final_document_has_no_draft_mark(tmp_path: Path) -> None:
    path = tmp_path / "contoh.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    result = run("laporan", str(path), "-p", "TW3", "--pdf", "--keluar", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_pages(tmp_path / "out" / "Pengukuran_Kinerja_2024_TW3.pdf"))
    assert "DRAF" not in text and "BELUM DIISI" not in text and "(belum diisi)" not in text
