"""The LKjIP sealed like the other documents: a final ``kinerja lkjip`` writes its print record, ``kinerja
arsip --periode LKJIP`` packs exactly the signed bytes with the workbook and records a Segel row
"LKJIP"; a workbook changed after printing is refused (exit 2, nothing written). Through the CLI,
LibreOffice making the PDF, read back from the zip with pdftotext."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.services.plan.test_documents import text_of
from xlwings_app.cli import app
from xlwings_app.domain.cetak import LKJIP, parse_dokumen
from xlwings_app.samples import example_lkjip as E
from xlwings_app.services.contoh_lkjip import write_workbook

runner = CliRunner()


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's closed year with its LKjIP final (PDF), signed on E.TANGGAL; returns the workbook."""
    folder = tmp_path_factory.mktemp("lkjip-segel")
    path = folder / "kinerja-2024.xlsx"
    write_workbook(path, E.NARASI)
    result = runner.invoke(app, ["lkjip", str(path), "--final", "--pdf", "--tanggal", E.TANGGAL])
    assert result.exit_code == 0, result.output
    assert "Kode verifikasi: " in result.output
    return path


def test_lkjip_is_a_document_arsip_takes() -> None:
    assert parse_dokumen("LKjIP") == parse_dokumen(" lkjip ") == LKJIP


def test_the_final_writes_its_print_record(printed: Path) -> None:
    record = json.loads((printed.parent / "LKjIP_2024.cetak.json").read_text(encoding="utf-8"))
    assert record["dokumen"] == "LKJIP"
    assert record["tanggal_penandatanganan"] == "2025-02-24"
    pdf = printed.parent / "LKjIP_2024.pdf"
    assert record["berkas"]["LKjIP_2024.pdf"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert set(record["berkas"]) == {"LKjIP_2024.docx", "LKjIP_2024.pdf"}


def test_a_draft_writes_no_record(tmp_path: Path) -> None:
    path = tmp_path / "kinerja-2024.xlsx"
    write_workbook(path, E.NARASI)
    result = runner.invoke(app, ["lkjip", str(path)])
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("*.cetak.json"))
    refused = runner.invoke(app, ["arsip", str(path), "--periode", "LKjIP"])
    assert refused.exit_code == 2
    assert "LKjIP_2024.cetak.json tidak ada" in refused.output
    assert not list(tmp_path.glob("Arsip_*.zip"))


def test_arsip_packs_the_signed_lkjip_and_records_the_seal(printed: Path, tmp_path: Path) -> None:
    signed_text = text_of(printed.parent / "LKjIP_2024.pdf")
    signed_bytes = (printed.parent / "LKjIP_2024.pdf").read_bytes()
    result = runner.invoke(app, ["arsip", str(printed), "--periode", "LKjIP"])
    assert result.exit_code == 0, result.output
    record = json.loads((printed.parent / "LKjIP_2024.cetak.json").read_text(encoding="utf-8"))
    assert f"Kode verifikasi: {record['kode_verifikasi']}" in result.output
    (archive,) = printed.parent.glob("Arsip_LKjIP_2024_LKJIP_*.zip")
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        assert {"workbook/kinerja-2024.xlsx", "dokumen/LKjIP_2024.pdf", "dokumen/LKjIP_2024.docx",
                "manifest.json"} <= names
        manifest = json.loads(z.read("manifest.json"))
        archived = z.read("dokumen/LKjIP_2024.pdf")
    assert archived == signed_bytes
    (tmp_path / "archived.pdf").write_bytes(archived)
    assert text_of(tmp_path / "archived.pdf") == signed_text
    assert "24 Februari 2025" in signed_text
    assert manifest["format"] == 2 and manifest["periode"] == "LKJIP"
    assert manifest["tanggal_penandatanganan"] == "2025-02-24"
    assert manifest["kode_verifikasi"] == record["kode_verifikasi"]
    ws = load_workbook(printed, read_only=True)["Segel"]
    rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    header = next(r for r in rows if "Periode" in r)
    seals = [dict(zip(header, r, strict=False)) for r in rows[rows.index(header) + 1:] if r[0]]
    (seal,) = [s for s in seals if s["Periode"] == "LKJIP"]
    assert seal["Kode Verifikasi"] == record["kode_verifikasi"]
    assert seal["File Arsip"] == archive.name


def test_a_workbook_changed_after_printing_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kinerja-2024.xlsx"
    write_workbook(path, E.NARASI)
    made = runner.invoke(app, ["lkjip", str(path), "--final", "--tanggal", E.TANGGAL])
    assert made.exit_code == 0, made.output
    wb = load_workbook(path)
    ws = wb["IKU"]
    header = next(r for r in ws.iter_rows() if any(c.value == "Realisasi TW IV" for c in r))
    column = next(c.column for c in header if c.value == "Realisasi TW IV")
    row = next(r for r in ws.iter_rows() if r[0].value == "IKU-02")
    ws.cell(row[0].row, column, (ws.cell(row[0].row, column).value or 0) + 5)
    wb.save(path)
    before = path.read_bytes()
    refused = runner.invoke(app, ["arsip", str(path), "--periode", "LKJIP"])
    assert refused.exit_code == 2, refused.output
    assert "data indikator berubah: IKU-02" in refused.output
    assert not list(tmp_path.glob("Arsip_*.zip"))
    assert path.read_bytes() == before


def test_a_replaced_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kinerja-2024.xlsx"
    write_workbook(path, E.NARASI)
    made = runner.invoke(app, ["lkjip", str(path), "--final", "--tanggal", E.TANGGAL])
    assert made.exit_code == 0, made.output
    (tmp_path / "LKjIP_2024.docx").write_bytes(b"PK bukan dokumen yang ditandatangani")
    refused = runner.invoke(app, ["arsip", str(path), "--periode", "LKJIP"])
    assert refused.exit_code == 2, refused.output
    assert "LKjIP_2024.docx berubah sejak dicetak" in refused.output
    assert not list(tmp_path.glob("Arsip_*.zip"))
