"""``kinerja laporan`` and ``kinerja arsip`` on a real workbook built by the workbook builder."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.cli import report_cmds
from xlwings_app.domain.settings import Settings
from xlwings_app.samples import contoh

PROFIL = {
    "kabupaten": "Lumajang", "unit": "Kecamatan Senduro", "alamat": contoh.PROFIL.alamat,
    "telepon": "(0334) 571234", "email": "kec.senduro@lumajangkab.go.id", "tahun": 2024,
    "ttd_status": "Plt.", "ttd_jabatan": "Camat Senduro", "ttd_nama": "Drs. BUDI SANTOSO, M.Si.",
    "ttd_pangkat": "Pembina Tingkat I (IV/b)", "ttd_nip": "197703092005011003",
    "pengelola_jabatan": "Kasubag Perencanaan dan Keuangan", "pengelola_nama": "SITI AMINAH, S.E.",
    "pengelola_nip": "198504122010012007", "tempat": "Senduro",
}


def app() -> typer.Typer:
    application = typer.Typer()
    report_cmds.register(application)
    return application


def workbook(path: Path, indicators=None) -> Path:
    settings = Settings(daftar_penanggung_jawab=tuple({i.penanggung_jawab for i in contoh.INDICATORS}))
    build_workbook(PROFIL, indicators or contoh.INDICATORS, settings).save(path)
    return path


def run(*args: str):
    return CliRunner().invoke(app(), list(args))


@pytest.mark.parametrize("command", ["laporan", "arsip"])
def test_every_command_has_indonesian_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"Contoh: kinerja {command}" in result.output


def test_laporan_writes_the_document_from_the_workbook(tmp_path: Path) -> None:
    path = workbook(tmp_path / "kinerja.xlsx")
    result = run("laporan", str(path), "--periode", "tw2", "--keluar", str(tmp_path / "hasil"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hasil" / "Pengukuran_Kinerja_2024_TW2.docx").is_file()
    assert "Kode verifikasi:" in result.output


def test_laporan_refuses_while_inputs_have_problems(tmp_path: Path) -> None:
    broken = [replace(contoh.INDICATORS[0], satuan=""), *contoh.INDICATORS[1:]]
    path = workbook(tmp_path / "kinerja.xlsx", broken)
    result = run("laporan", str(path), "--periode", "TW2", "--keluar", str(tmp_path / "hasil"))
    assert result.exit_code == 2
    assert "harus diperbaiki" in result.output
    assert not (tmp_path / "hasil").exists()


def test_laporan_names_what_a_custom_template_uses_but_kinerja_lacks(tmp_path: Path) -> None:
    from docx import Document

    template = tmp_path / "sendiri.docx"
    doc = Document()
    doc.add_paragraph("{{ kop.unit }} {{ nomor_surat }}")
    doc.save(str(template))
    path = workbook(tmp_path / "kinerja.xlsx")
    result = run("laporan", str(path), "-p", "TW2", "--template", str(template))
    assert result.exit_code == 2
    assert "'nomor_surat'" in result.output


def test_an_unknown_period_is_an_input_problem(tmp_path: Path) -> None:
    result = run("laporan", str(workbook(tmp_path / "k.xlsx")), "--periode", "TW9")
    assert result.exit_code == 2
    assert "tidak dikenal" in result.output


def test_arsip_writes_a_zip_and_records_the_seal_in_the_workbook(tmp_path: Path) -> None:
    path = workbook(tmp_path / "kinerja.xlsx")
    assert run("laporan", str(path), "--periode", "TW2").exit_code == 0  # the final document, signed
    result = run("arsip", str(path), "--periode", "TW2", "--keluar", str(tmp_path / "arsip"))
    assert result.exit_code == 0, result.output
    [archive] = list((tmp_path / "arsip").glob("Arsip_Pengukuran_Kinerja_2024_TW2_*.zip"))
    assert "workbook/kinerja.xlsx" in zipfile.ZipFile(archive).namelist()
    assert "dicatat di sheet Segel" in result.output
    from xlwings_app.adapters.xlsx.reader import read_workbook

    [seal] = read_workbook(path).segel
    assert seal.arsip == archive.name and seal.periode.value == "TW2"
