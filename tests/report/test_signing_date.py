"""The signing date: Profil "Tanggal Penandatanganan", ``--tanggal``, and a footer without a clock."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.report.conftest import NOW, Data
from tests.report.test_cli import PROFIL, app, workbook
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.tanggal import parse_tanggal
from xlwings_app.samples import contoh
from xlwings_app.services.laporan import buat_laporan


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7 Oktober 2024", dt.date(2024, 10, 7)),
        ("7 okt. 2024", dt.date(2024, 10, 7)),
        ("07/10/2024", dt.date(2024, 10, 7)),
        ("7-10-2024", dt.date(2024, 10, 7)),
        ("2024-10-07", dt.date(2024, 10, 7)),
        (dt.datetime(2024, 10, 7), dt.date(2024, 10, 7)),
        ("", None),
        (None, None),
    ],
)
def test_a_date_reads_as_people_type_it(typed: object, expected: dt.date | None) -> None:
    assert parse_tanggal(typed) == expected


@pytest.mark.parametrize("typed", ["besok", "31 Februari 2024", "10/2024", "7 Oktober"])
def test_a_date_that_is_not_one_is_refused_in_indonesian(typed: str) -> None:
    with pytest.raises(ValueError, match="Tanggal"):
        parse_tanggal(typed)


def test_the_profil_date_is_read_from_a_date_cell_and_from_text(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    build_workbook({**PROFIL, "tanggal_ttd": dt.date(2024, 10, 7)}, contoh.INDICATORS, Settings()).save(path)
    assert read_workbook(path).profil.tanggal_ttd == dt.date(2024, 10, 7)  # type: ignore[union-attr]
    build_workbook({**PROFIL, "tanggal_ttd": "8 Oktober 2024"}, contoh.INDICATORS, Settings()).save(path)
    assert read_workbook(path).profil.tanggal_ttd == dt.date(2024, 10, 8)  # type: ignore[union-attr]


def test_an_unreadable_profil_date_is_a_problem_naming_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    build_workbook({**PROFIL, "tanggal_ttd": "awal Oktober"}, contoh.INDICATORS, Settings()).save(path)
    [problem] = [p for p in read_workbook(path).problems if p.kolom == "Tanggal Penandatanganan"]
    assert problem.is_error and problem.sheet == "Profil" and problem.sel and problem.sel.startswith("B")


def test_the_document_carries_the_profil_date_not_the_day_it_was_made(tmp_path: Path) -> None:
    data = Data(replace(contoh.PROFIL, tanggal_ttd=dt.date(2024, 10, 7)), Settings(), list(contoh.INDICATORS))
    doc = buat_laporan(data, tmp_path, Periode.TW2, now=NOW)
    assert doc.tanggal == dt.date(2024, 10, 7) and doc.peringatan == []


def test_tanggal_overrides_the_profil_date(tmp_path: Path) -> None:
    data = Data(replace(contoh.PROFIL, tanggal_ttd=dt.date(2024, 10, 7)), Settings(), list(contoh.INDICATORS))
    doc = buat_laporan(data, tmp_path, Periode.TW2, tanggal=dt.date(2024, 10, 9), now=NOW)
    assert doc.tanggal == dt.date(2024, 10, 9)


def test_a_blank_date_says_which_date_was_used(tmp_path: Path) -> None:
    doc = buat_laporan(Data(contoh.PROFIL, Settings(), list(contoh.INDICATORS)), tmp_path, Periode.TW2,
                       now=NOW)
    assert doc.tanggal == NOW.date()
    [note] = doc.peringatan
    assert "Tanggal Penandatanganan belum diisi" in note.pesan and "5 Juli 2024" in note.pesan


def test_cli_tanggal_is_parsed_and_echoed(tmp_path: Path) -> None:
    path = workbook(tmp_path / "kinerja.xlsx")
    result = CliRunner().invoke(app(), ["laporan", str(path), "-p", "TW2", "--tanggal", "9 Oktober 2024"])
    assert result.exit_code == 0, result.output
    assert "Tanggal dokumen: 9 Oktober 2024" in result.output


def test_cli_refuses_a_tanggal_it_cannot_read(tmp_path: Path) -> None:
    path = workbook(tmp_path / "kinerja.xlsx")
    result = CliRunner().invoke(app(), ["laporan", str(path), "-p", "TW2", "--tanggal", "kemarin"])
    assert result.exit_code == 2 and "--tanggal: Tanggal 'kemarin' tidak dikenali" in result.output
    assert not list(tmp_path.glob("*.docx"))


@pytest.mark.libreoffice
def test_the_pdf_is_dated_on_the_signing_date_and_its_footer_has_no_clock(tmp_path: Path) -> None:
    data = Data(replace(contoh.PROFIL, tanggal_ttd=dt.date(2024, 10, 7)), Settings(), list(contoh.INDICATORS))
    doc = buat_laporan(data, tmp_path, Periode.TW2, pdf=True, now=NOW)
    assert doc.pdf is not None
    text = subprocess.run(["pdftotext", str(doc.pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Senduro, 7 Oktober 2024" in text
    assert "5 Juli 2024" not in text and "dibuat dengan" not in text
    pages = text.split("\f")[:-1]
    assert all(f"Kode verifikasi: {doc.kode_verifikasi}" in p for p in pages)
    assert all(f"Halaman {n} dari {len(pages)}" in p for n, p in enumerate(pages, 1))


def test_the_archive_manifest_records_when_the_document_was_made_and_the_date_it_carries(tmp_path: Path) -> None:
    path = workbook(tmp_path / "kinerja.xlsx")
    made = CliRunner().invoke(app(), ["laporan", str(path), "-p", "TW2", "--tanggal", "8 Juli 2024"])
    assert made.exit_code == 0, made.output
    result = CliRunner().invoke(app(), ["arsip", str(path), "-p", "TW2"])
    assert result.exit_code == 0, result.output
    [archive] = tmp_path.glob("Arsip_*.zip")
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert dt.datetime.fromisoformat(manifest["dokumen_dibuat"]).tzinfo is not None
    assert manifest["dokumen_dibuat"] <= manifest["disegel"]
    assert manifest["tanggal_penandatanganan"] == "2024-07-08"  # the date printed, not the day of sealing
