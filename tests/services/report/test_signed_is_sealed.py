"""The signed document is the sealed document (issue 25, item 1), through the ``kinerja`` commands.

A Pengukuran Kinerja made final on "10 April 2024" and archived later: the archive holds that very
document (its text read back with pdftotext equals the signed one, its bytes are the same), the
manifest records 10 April 2024 as the signing date, and a workbook changed since signing is refused
(exit 2, naming what changed; nothing written). The Rencana Kinerja and the Perjanjian Kinerja are
sealed the same way.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
import typer
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.cli.test_report_cmds import workbook
from tests.conftest import cell_of
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.cli import plan_cmds, report_cmds
from xlwings_app.domain.indicator import Jenis
from xlwings_app.sheets.layout import layout

SIGNED = "10 April 2024"


def app() -> typer.Typer:
    application = typer.Typer()
    report_cmds.register(application)
    plan_cmds.register(application)
    return application


def run(*args: str):
    return CliRunner().invoke(app(), list(args))


def said(result) -> str:  # noqa: ANN001
    """The command's output as one line (the console folds long lines)."""
    return " ".join(result.output.split())


def pdf_text(data: bytes, tmp: Path) -> str:
    path = tmp / "baca.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def only_archive(folder: Path) -> Path:
    [archive] = list(folder.glob("Arsip_*.zip"))
    return archive


def folder_state(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


@pytest.fixture
def signed_tw1(tmp_path: Path) -> Path:
    """The example unit's workbook whose TW I document was made final and signed on 10 April 2024."""
    path = workbook(tmp_path / "kinerja.xlsx")
    made = run("laporan", str(path), "--periode", "TW1", "--pdf", "--tanggal", SIGNED)
    assert made.exit_code == 0, made.output
    return path


@pytest.mark.libreoffice
def test_the_archive_holds_the_document_that_was_signed_and_its_signing_date(signed_tw1: Path, tmp_path: Path) -> None:
    folder = signed_tw1.parent
    signed_pdf = (folder / "Pengukuran_Kinerja_2024_TW1.pdf").read_bytes()
    signed_docx = (folder / "Pengukuran_Kinerja_2024_TW1.docx").read_bytes()
    signed_text = pdf_text(signed_pdf, tmp_path)
    assert SIGNED in signed_text
    sealed = run("arsip", str(signed_tw1), "--periode", "TW1", "--keluar", str(tmp_path / "arsip"))
    assert sealed.exit_code == 0, sealed.output
    assert f"Tanggal dokumen: {SIGNED}" in said(sealed)
    with zipfile.ZipFile(only_archive(tmp_path / "arsip")) as zf:
        archived_pdf = zf.read("dokumen/Pengukuran_Kinerja_2024_TW1.pdf")
        archived_docx = zf.read("dokumen/Pengukuran_Kinerja_2024_TW1.docx")
        manifest = json.loads(zf.read("manifest.json"))
    assert pdf_text(archived_pdf, tmp_path) == signed_text
    assert (archived_pdf, archived_docx) == (signed_pdf, signed_docx)
    assert manifest["tanggal_penandatanganan"] == "2024-04-10"
    assert manifest["penandatangan"]["nama"] == "Drs. BUDI SANTOSO, M.Si."
    assert manifest["kode_verifikasi"] in signed_text.replace("\n", " ")
    assert manifest["dokumen_dibuat"] <= manifest["disegel"]
    [seal] = read_workbook(signed_tw1).segel
    assert seal.kode_verifikasi == manifest["kode_verifikasi"]
    assert seal.tanda_tangan is not None and seal.tanda_tangan.tanggal.isoformat() == "2024-04-10"


def test_a_workbook_changed_since_signing_is_refused_naming_the_indicator(signed_tw1: Path, tmp_path: Path) -> None:
    kode = next(i.kode for i in read_workbook(signed_tw1).indicators if i.jenis is Jenis.IKU)
    wb = load_workbook(signed_tw1)
    cell = wb[layout().tables[Jenis.IKU].sheet][cell_of(signed_tw1, Jenis.IKU, kode, "r1")]
    cell.value = (cell.value or 0) + 1
    wb.save(signed_tw1)
    before = folder_state(signed_tw1.parent)
    refused = run("arsip", str(signed_tw1), "--periode", "TW1", "--keluar", str(tmp_path / "arsip"))
    assert refused.exit_code == 2, refused.output
    assert "tidak sama lagi" in said(refused) and f"data indikator berubah: {kode}" in said(refused)
    assert "Traceback" not in refused.output
    assert folder_state(signed_tw1.parent) == before
    assert not (tmp_path / "arsip").exists() or not list((tmp_path / "arsip").iterdir())


def test_a_signed_file_replaced_since_is_refused_naming_it(signed_tw1: Path, tmp_path: Path) -> None:
    (signed_tw1.parent / "Pengukuran_Kinerja_2024_TW1.pdf").write_bytes(b"%PDF-1.4 dokumen lain")
    refused = run("arsip", str(signed_tw1), "--periode", "TW1", "--keluar", str(tmp_path / "arsip"))
    assert refused.exit_code == 2, refused.output
    assert "Pengukuran_Kinerja_2024_TW1.pdf berubah sejak dicetak" in said(refused)
    assert read_workbook(signed_tw1).segel == []


def test_a_period_with_only_a_draft_cannot_be_sealed(tmp_path: Path) -> None:
    path = workbook(tmp_path / "kinerja.xlsx")
    assert run("laporan", str(path), "--periode", "TW2", "--draf").exit_code == 0
    assert not list(tmp_path.glob("*.cetak.json"))
    before = folder_state(tmp_path)
    refused = run("arsip", str(path), "--periode", "TW2")
    assert refused.exit_code == 2, refused.output
    assert "Pengukuran_Kinerja_2024_TW2.cetak.json tidak ada" in said(refused)
    assert folder_state(tmp_path) == before


def test_the_document_found_where_it_was_made(tmp_path: Path) -> None:
    path = workbook(tmp_path / "kinerja.xlsx")
    made = run("laporan", str(path), "--periode", "TW2", "--keluar", str(tmp_path / "hasil"))
    assert made.exit_code == 0, made.output
    assert run("arsip", str(path), "--periode", "TW2").exit_code == 2
    sealed = run("arsip", str(path), "--periode", "TW2", "--dokumen", str(tmp_path / "hasil"))
    assert sealed.exit_code == 0, sealed.output
    with zipfile.ZipFile(only_archive(tmp_path)) as zf:
        assert zf.read("dokumen/Pengukuran_Kinerja_2024_TW2.docx") == \
            (tmp_path / "hasil" / "Pengukuran_Kinerja_2024_TW2.docx").read_bytes()  # fmt: skip


@pytest.mark.libreoffice
def test_the_rencana_and_perjanjian_kinerja_are_sealed_as_signed(tmp_path: Path) -> None:
    path = workbook(tmp_path / "kinerja.xlsx")
    for command in ("rencana", "perjanjian"):
        made = run(command, str(path), "--pdf", "--tanggal", "2 Januari 2024")
        assert made.exit_code == 0, made.output
    for periode, stem in (("RK", "Rencana_Kinerja_2024"), ("PK", "Perjanjian_Kinerja_2024")):
        signed_text = pdf_text((tmp_path / f"{stem}.pdf").read_bytes(), tmp_path)
        assert "Kode verifikasi:" in signed_text
        sealed = run("arsip", str(path), "--periode", periode, "--keluar", str(tmp_path / periode))
        assert sealed.exit_code == 0, sealed.output
        archive = only_archive(tmp_path / periode)
        assert archive.name.startswith(f"Arsip_{stem}_{periode}_")
        with zipfile.ZipFile(archive) as zf:
            assert pdf_text(zf.read(f"dokumen/{stem}.pdf"), tmp_path) == signed_text
            manifest = json.loads(zf.read("manifest.json"))
        assert (manifest["periode"], manifest["tanggal_penandatanganan"]) == (periode, "2024-01-02")
        assert f"Kode verifikasi: {manifest['kode_verifikasi']}" in signed_text  # the code on the signed page
    assert [str(s.periode) for s in read_workbook(path).segel] == ["RK", "PK"]


def test_an_unknown_document_is_refused_in_indonesian(tmp_path: Path) -> None:
    result = run("arsip", str(workbook(tmp_path / "kinerja.xlsx")), "--periode", "IKI")
    assert result.exit_code == 2
    assert "RK (Rencana Kinerja)" in said(result)
