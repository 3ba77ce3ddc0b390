"""Dokumen Pengukuran, PDF and Arsipkan through xlwings' remote engine, against the CLI."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import xlwings as xw
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from tests.addin import remote_book
from tests.fakes import FakeMaster
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.ribbon import entry
from xlwings_app.services.arsip import arsip
from xlwings_app.sheets.changes import AppendSeal
from xlwings_app.sheets.segel import HEADER_ROW

SetCell = Callable[[Path, Jenis, str, str, object], str]


def click(button: str, wb: Workbook, name: str) -> list[str]:
    book = xw.Book(json=remote_book.payload(wb, name=name))
    entry.dispatch(button, book)
    return remote_book.apply(book.json()["actions"], wb)


def cli(tmp_path: Path, source: Path, *args: str) -> tuple[Path, str]:
    """Run ``kinerja <args> <copy of source>`` in its own folder; the copy and the output."""
    copy = tmp_path / "cli" / source.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copy(source, copy)
    result = CliRunner().invoke(app, [args[0], str(copy), *args[1:]])
    assert result.exit_code == 0, result.output
    return copy, result.output


def kode(text: str) -> str:
    found = re.search(r"Kode verifikasi: (\S+)", text)
    assert found, text
    return found.group(1)


def test_a_new_unsaved_book_is_asked_to_be_saved_first(example_path: Path) -> None:
    [alert] = click("dokumen_pengukuran", load_workbook(example_path), "Book1")
    assert "belum disimpan sebagai file" in alert and "Simpan" in alert
    assert not list(example_path.parent.glob("*.docx"))


def test_unsaved_changes_are_refused_until_saved(example_path: Path, set_cell: SetCell) -> None:
    wb = load_workbook(example_path)
    wb["IKU"]["A1"].value = wb["IKU"]["A1"].value  # untouched title
    address = set_cell(example_path, Jenis.IKU, "IKU-01", "r1", 1)  # the saved file differs
    assert wb["IKU"][address].value != 1
    for button in ("dokumen_pengukuran", "dokumen_pdf", "arsipkan"):
        [alert] = click(button, wb, str(example_path))
        assert alert.startswith("Ada perubahan yang belum disimpan"), button
    assert not [p for p in example_path.parent.iterdir() if p.suffix in (".docx", ".pdf", ".zip")]


def test_dokumen_pengukuran_makes_the_document_kinerja_laporan_makes(
    example_path: Path, tmp_path: Path
) -> None:
    copy, output = cli(tmp_path, example_path, "laporan")
    [alert] = click("dokumen_pengukuran", load_workbook(example_path), str(example_path))
    [docx] = example_path.parent.glob("*.docx")
    assert [p.name for p in copy.parent.glob("*.docx")] == [docx.name]
    assert str(docx) in alert and kode(alert) == kode(output)
    with zipfile.ZipFile(docx) as made, zipfile.ZipFile(copy.parent / docx.name) as by_cli:
        assert made.read("word/document.xml") == by_cli.read("word/document.xml")


def test_pdf_makes_the_document_and_its_pdf(example_path: Path) -> None:
    [alert] = click("dokumen_pdf", load_workbook(example_path), str(example_path))
    [pdf] = example_path.parent.glob("*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and f"PDF: {pdf}" in alert


def test_bad_input_is_refused_with_the_problems_listed(example_path: Path, set_cell: SetCell) -> None:
    address = set_cell(example_path, Jenis.IKU, "IKU-02", "polaritas", "ke atas")
    [alert] = click("dokumen_pengukuran", load_workbook(example_path), str(example_path))
    assert alert.startswith("Laporan tidak dibuat") and address in alert
    assert "Traceback" not in alert


def _seal_rows(wb: Workbook) -> list[tuple[object, ...]]:
    rows = wb["Segel"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    return [row for row in rows if row[0]]


def test_arsipkan_seals_like_kinerja_arsip_and_records_the_seal_in_the_open_workbook(
    example_path: Path, tmp_path: Path
) -> None:
    periode = read_workbook(example_path).settings.periode_aktif
    signed = CliRunner().invoke(app, ["laporan", str(example_path), "--periode", periode.value])
    assert signed.exit_code == 0, signed.output  # the final document beside the workbook, signed
    copy, _ = cli(tmp_path, example_path, "laporan", "--periode", periode.value)
    sealed = CliRunner().invoke(app, ["arsip", str(copy), "--periode", periode.value])
    assert sealed.exit_code == 0, sealed.output
    output = sealed.output
    [expected] = _seal_rows(load_workbook(copy))
    before = example_path.read_bytes()
    wb = load_workbook(example_path)
    [alert] = click("arsipkan", wb, str(example_path))
    assert example_path.read_bytes() == before  # the file is open in Excel: never written
    [zip_path] = example_path.parent.glob("Arsip_*.zip")
    [row] = _seal_rows(wb)
    assert row[:2] == expected[:2] and row[5:] == expected[5:]  # periode, kode, fingerprints, signing
    assert row[3] == zip_path.name and kode(alert) == kode(output) == row[1]
    assert "simpan workbook" in alert
    wb.save(example_path)  # the user saves: the seal is read back
    assert [s.periode for s in read_workbook(example_path).segel] == [periode]


def test_arsip_service_records_in_the_given_master_and_leaves_the_file_alone(example_path: Path) -> None:
    from xlwings_app.services.laporan import laporan
    from xlwings_app.services.laporan import load_workbook as read_data

    laporan(example_path, None, Periode.TW2, log=False)  # the final document, signed
    segel = FakeMaster(workbook=read_data(example_path))
    before = example_path.read_bytes()
    result = arsip(example_path, Periode.TW2, segel=segel)
    assert segel.committed == [[AppendSeal(result.record)]] and example_path.read_bytes() == before


def test_dokumen_iki_makes_the_documents_kinerja_laporan_iki_makes(example_path: Path, tmp_path: Path) -> None:
    copy, _ = cli(tmp_path, example_path, "laporan-iki")
    [alert] = click("dokumen_iki", load_workbook(example_path), str(example_path))
    made = sorted(p.name for p in example_path.parent.glob("*.docx"))
    assert made and made == sorted(p.name for p in copy.parent.glob("*.docx"))
    assert f"{len(made)} dokumen" in alert
    for name in made:
        with zipfile.ZipFile(example_path.parent / name) as a, zipfile.ZipFile(copy.parent / name) as b:
            assert a.read("word/document.xml") == b.read("word/document.xml")
