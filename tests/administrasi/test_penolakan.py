"""Refusals of the administrative papers: every problem named at once, exit code 2, files untouched."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from typer.testing import CliRunner

from xlwings_app.cli import app
from xlwings_app.samples import administrasi as A
from xlwings_app.services.disposisi import disposisi
from xlwings_app.services.master import using
from xlwings_app.sheets import register_surat as R
from xlwings_app.sheets import surat_keluar as K
from xlwings_app.sheets.changes import PutSheet

runner = CliRunner()


def _register(path: Path, rows) -> None:
    with using(path) as master:
        master.stage(PutSheet(R.register_values(rows)))
        master.commit()


def test_a_workbook_without_the_register_gets_the_empty_sheet_and_no_paper(example_workbook: Path) -> None:
    hasil = disposisi(example_workbook, example_workbook.parent / "out")
    assert hasil.sheet_baru and not hasil.kertas
    with using(example_workbook) as master:
        rows, problems = R.read_register(master.rows(R.SHEET))
    assert rows == [] and problems == []
    assert not (example_workbook.parent / "out").exists()


def test_a_register_with_errors_is_refused_naming_every_cell_and_nothing_changes(example_workbook: Path) -> None:
    bad = [replace(A.REGISTER[0], diterima=datetime(2024, 9, 20, 9, 0)),  # received before it was dated
           replace(A.REGISTER[1], sifat="Kilat"),  # no such Sifat
           replace(A.REGISTER[2], disposisi_kepada="")]  # a disposition to no one  # fmt: skip
    _register(example_workbook, bad)
    before = example_workbook.read_bytes()
    result = runner.invoke(app, ["disposisi", str(example_workbook), "--pdf", "--keluar", str(example_workbook.parent / "o")])
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    assert "Tanggal Terima (20-09-2024 09.00) lebih awal dari Tanggal Surat (25-09-2024)" in text
    assert "Sifat \"Kilat\" tidak dikenal" in text and "Disposisi Kepada kosong" in text
    assert "F5" in text and "H6" in text and "J7" in text  # each problem names its cell
    assert example_workbook.read_bytes() == before
    assert not (example_workbook.parent / "o").exists()


def test_a_surat_pengantar_dated_before_the_documents_were_signed_is_refused(example_workbook: Path) -> None:
    before = example_workbook.read_bytes()
    result = runner.invoke(app, ["surat-pengantar", str(example_workbook), "--nomor", A.PENGANTAR_NOMOR, "--tanggal",
                                 "2024-10-06", "--periode", "TW3"])  # fmt: skip
    assert result.exit_code == 2
    assert "ditandatangani 7 Oktober 2024, sesudah tanggal surat pengantar 6 Oktober 2024" in " ".join(result.output.split())
    assert example_workbook.read_bytes() == before
    assert not list(example_workbook.parent.glob("Surat_Pengantar*"))


def test_received_before_sent_is_refused(example_workbook: Path) -> None:
    result = runner.invoke(app, ["surat-pengantar", str(example_workbook), "--nomor", "1", "--tanggal", "2024-10-08",
                                 "--periode", "TW3", "--dikirim", "2024-10-08 10.00", "--diterima",
                                 "2024-10-08 09.00"])  # fmt: skip
    assert result.exit_code == 2
    assert "sebelum Dikirim" in " ".join(result.output.split())


def test_the_draft_surat_pengantar_records_nothing(example_workbook: Path) -> None:
    result = runner.invoke(app, ["surat-pengantar", str(example_workbook), "--nomor", "1", "--tanggal", "2024-10-08",
                                 "--periode", "TW3", "--draf"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (example_workbook.parent / "Surat_Pengantar_2024_TW3_DRAF.docx").is_file()
    with using(example_workbook) as master:
        assert K.SHEET not in master.sheet_names()


def test_the_cli_records_the_final_letter_in_sheet_surat_keluar(example_workbook: Path) -> None:
    result = runner.invoke(app, ["surat-pengantar", str(example_workbook), "--nomor", "7/2024", "--tanggal",
                                 "8 Oktober 2024", "--periode", "TW3", "--dikirim", "2024-10-08 09.00"])  # fmt: skip
    assert result.exit_code == 0, result.output
    with using(example_workbook) as master:
        rows, _ = K.read_keluar(master.rows(K.SHEET))
    assert len(rows) == 8 and rows[0].dikirim == datetime(2024, 10, 8, 9, 0) and rows[0].tanggal == date(2024, 10, 8)
    assert "(TW3): Mulai 08-10-2024 09.00 dari Surat Pengantar nomor 7/2024" in result.output  # no Diterima yet


def test_a_receipt_typed_before_the_document_was_signed_is_refused_at_its_cell(example_workbook: Path) -> None:
    from xlwings_app.domain.indicator import Periode
    from xlwings_app.services.distribusi import tanda_terima_dokumen
    from xlwings_app.sheets import tanda_terima_dokumen as T

    tanda_terima_dokumen(example_workbook, Periode.TW3)
    with using(example_workbook) as master:
        rows, _ = T.read_terima(master.rows(T.SHEET))
        master.stage(PutSheet(T.terima_values([], [replace(rows[0], diterima=date(2024, 10, 1))])))
        master.commit()
    before = example_workbook.read_bytes()
    result = runner.invoke(app, ["tanda-terima-dokumen", str(example_workbook), "--periode", "TW3"])
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "sebelum ditandatangani" in text and "F5" in text
    assert example_workbook.read_bytes() == before
