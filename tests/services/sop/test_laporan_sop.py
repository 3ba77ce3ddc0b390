"""The Laporan Kepatuhan Waktu SOP (``kinerja sop laporan``): the SOP's timing, apart from the signed page.

The workbook is built as ``kinerja contoh`` builds it: the example unit (Kecamatan Lumajang), its
Pengukuran SOP with the complete TW3 log, the Perencanaan SOP with its 2024 log and the Pengumpulan
Data SOP with TW3 begun but empty (``services.contoh.sop_contoh``).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from tests.services.sop.helpers import digest, example_profil
from xlwings_app.adapters.documents.template_check import check_template
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.cli import app
from xlwings_app.domain.problems import Refusal
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.log import LogEntry
from xlwings_app.domain.sop.presets import preset
from xlwings_app.domain.sop.summary import check_log
from xlwings_app.report.context_sop import KepatuhanSop, Surat, build_sop_context, label_periode
from xlwings_app.samples import example, example_sop
from xlwings_app.services.contoh import sop_contoh
from xlwings_app.services.laporan_sop import default_template, laporan_sop
from xlwings_app.services.workbook import create

runner = CliRunner()


def docx_text(path: Path) -> str:
    """Every paragraph of the body, its tables, headers and footers, as read back from the .docx."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("laporan-sop") / "kinerja.xlsx"
    create(path, build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT),
           overwrite=True)  # fmt: skip
    list(sop_contoh(path))
    return path


def test_the_context_prints_standards_as_the_sop_states_them() -> None:
    lumajang = preset("pengukuran-lumajang")
    stamped = "Dicatat otomatis (kinerja laporan) pada Mulai dan Selesai: Pengukuran_Kinerja_2024_TW3.docx"
    rows = [
        LogEntry("TW3", 4, "NURUL", datetime(2024, 7, 1, 8, 0), datetime(2024, 7, 1, 8, 10), baris=5),
        LogEntry("TW3", 5, "NURUL", datetime(2024, 7, 1, 9, 0), datetime(2024, 7, 4, 15, 0), baris=6),
        LogEntry("TW3", 6, "RINA", datetime(2024, 7, 5, 10, 0), datetime(2024, 7, 5, 10, 0), stamped, baris=7),
    ]
    [summary], _ = check_log(lumajang, rows, WorkingCalendar())
    part = KepatuhanSop(lumajang, summary, "Log Langkah")
    profil = example_profil()
    context = build_sop_context(profil, "TW3", [part], Surat(profil.pengelola, profil.pejabat[1], date(2024, 10, 14)),
                                datetime(2024, 10, 14, 9))  # fmt: skip
    rows_out = {r["no"]: r for r in context["sop"][0]["langkah"]}  # type: ignore[index]
    assert rows_out["5"]["waktu_sop"] == "4 hari" and rows_out["5"]["aktual"] == "3 hari 5 jam"
    assert rows_out["6"]["status"] == "Dicatat Otomatis" and rows_out["6"]["aktual"] == "–"
    assert "waktu kerja tidak diukur" in rows_out["6"]["keterangan"]
    assert rows_out["4"]["waktu_sop"] == "10 menit" and rows_out["4"]["mulai"] == "01-07-2024 08.00"
    summary_rows = {r["label"]: r["nilai"] for r in context["sop"][0]["ringkasan"]}  # type: ignore[index]
    assert summary_rows["Tepat waktu (langkah yang diukur)"] == "100,00% (2 dari 2)"
    assert summary_rows["Dicatat otomatis oleh Kinerja"].startswith("1 langkah")
    assert context["dokumen"]["periode"] == "TRIWULAN III TAHUN 2024"  # type: ignore[index]
    assert context["kepada"] == "Sekretaris Camat" and context["dari"] == "Kasubag Keuangan"
    assert label_periode("2025", 2025) == "Tahun 2025"
    assert check_template(default_template(), {**context, "lambang": None}) == []


def test_every_name_of_the_template_is_provided(book: Path, tmp_path: Path) -> None:
    doc = laporan_sop(book, "TW3", "Pengukuran", tmp_path)
    assert not doc.draf and doc.sop == ("Pengukuran Kinerja",)
    body = zipfile.ZipFile(doc.docx).read("word/document.xml").decode("utf-8")
    assert "{{" not in body and "{%" not in body


def test_the_final_report_of_a_complete_log(book: Path, tmp_path: Path) -> None:
    doc = laporan_sop(book, "TW3", "Pengukuran", tmp_path, tanggal=date(2024, 10, 14))
    assert doc.docx.name == "Laporan_Kepatuhan_Waktu_SOP_2024_TW3.docx" and doc.peringatan == []
    text = docx_text(doc.docx)
    assert "LAPORAN KEPATUHAN WAKTU SOP" in text and "TRIWULAN III TAHUN 2024" in text
    assert "Sekretaris Camat" in text and "Kasubag Keuangan" in text and "NURUL HIDAYATI, S.E." in text
    assert "Lumajang, 14 Oktober 2024" in text and "DRAF" not in text
    [summary], _ = check_log(example_sop.example_sop(), example_sop.example_log(), WorkingCalendar())
    statuses = re.findall(r"^(Tepat Waktu|Terlambat|Tanpa Standar|Dicatat Otomatis)(?: \((?:YA|TIDAK)\))?$", text,
                          re.MULTILINE)  # fmt: skip
    assert statuses == [r.status for r in summary.runs]
    assert "Tanpa standar" in text and "1 hari" in text and "2 jam 30 menit" in text
    assert not re.search(r"\d\.\d{3} menit", text)  # a standard as the SOP states it, never "1.800 menit"
    assert "63,64% (7 dari 11)" in text  # step 10 (no Waktu) is not judged


def test_a_final_report_is_refused_while_steps_are_open(book: Path, tmp_path: Path) -> None:
    before = digest(book)
    result = runner.invoke(app, ["sop", "laporan", str(book), "--periode", "TW3", "--keluar", str(tmp_path)])
    assert result.exit_code == 2, result.output
    output = " ".join(result.output.split())
    assert "Laporan final tidak dibuat: 12 pelaksanaan langkah periode TW3 belum lengkap" in output
    assert "sheet Log Pengumpulan Data, baris 5 (kolom Mulai): Langkah 1: Belum Dimulai." in output
    assert not list(tmp_path.glob("*.docx")) and digest(book) == before


def test_the_draft_names_what_is_missing(book: Path, tmp_path: Path) -> None:
    doc = laporan_sop(book, "TW3", out_dir=tmp_path, draf=True)
    assert doc.draf and doc.docx.name.endswith("_DRAF.docx")
    assert doc.sop == ("Pengukuran Kinerja", "Pengumpulan Data Kinerja")  # the Perencanaan log holds 2024
    text = docx_text(doc.docx)
    assert "DRAF · untuk koreksi" in text
    assert ("sheet Log Pengumpulan Data: Belum Dimulai langkah 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12." in text)
    assert "1. SOP Pengukuran Kinerja" in text and "2. SOP Pengumpulan Data Kinerja" in text


def test_the_perencanaan_sop_logs_a_year(book: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["sop", "laporan", str(book), "--periode", "2024", "--sop", "Perencanaan",
                                 "--keluar", str(tmp_path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = tmp_path / "Laporan_Kepatuhan_Waktu_SOP_2024.docx"
    text = docx_text(doc)
    assert "TAHUN 2024" in text and "Prosedur Penyusunan Perencanaan Kinerja" in text and "7 hari" in text


def test_a_period_in_no_log_is_refused(book: Path, tmp_path: Path) -> None:
    with pytest.raises(Refusal, match="periode TW1 tidak ada di log SOP mana pun"):
        laporan_sop(book, "TW1", out_dir=tmp_path)


@pytest.mark.libreoffice
def test_the_pdf_reads_as_the_sekretaris_gets_it(book: Path, tmp_path: Path) -> None:
    doc = laporan_sop(book, "TW3", "Pengukuran", tmp_path, pdf=True, tanggal=date(2024, 10, 14))
    assert doc.pdf is not None
    text = subprocess.run(["pdftotext", "-layout", str(doc.pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    pages = text.split("\f")[:-1]
    assert "LAPORAN KEPATUHAN WAKTU SOP" in pages[0] and "Halaman 1 dari" in pages[0]
    assert "NURUL HIDAYATI, S.E." in pages[-1] and "NIP 19820614 200801 2 015" in pages[-1]
    assert re.search(r"01-10-2024 08\.00", text)  # Mulai as logged, date and time on one line
