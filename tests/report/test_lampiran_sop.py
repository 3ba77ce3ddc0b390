"""The annex "Lampiran: Kepatuhan Waktu SOP": the example workbook (SOP log of TW3) rendered to PDF.

The workbook is built as ``kinerja contoh`` builds it (``services.contoh.contoh``): the example unit,
then the example SOP and its TW3 log (``services.contoh.sop_contoh``).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document

from tests.report.test_document_pdf import flat
from xlwings_app.adapters.documents.docx import render
from xlwings_app.adapters.documents.template_check import check_template
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.summary import check_log
from xlwings_app.report.context import build_context, contoh_lampiran_sop, lampiran_sop, provided
from xlwings_app.samples import example, example_sop
from xlwings_app.services.contoh import sop_contoh
from xlwings_app.services.laporan import laporan
from xlwings_app.services.workbook import create

JUDUL = "LAMPIRAN: KEPATUHAN WAKTU SOP"


def pages(pdf: Path) -> list[str]:
    """The PDF's pages as laid out (rows of a table stay rows)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def example_workbook(path: Path, with_sop: bool = True) -> Path:
    create(path, build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS), overwrite=True)
    if with_sop:
        list(sop_contoh(path))
    return path


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_workbook(tmp_path_factory.mktemp("sop") / "kinerja.xlsx")


def expected_runs():
    [summary], _ = check_log(example_sop.example_sop(), example_sop.example_log(), WorkingCalendar())
    return summary


def test_the_context_formats_the_summary_the_indonesian_way() -> None:
    annex = lampiran_sop(contoh_lampiran_sop())
    assert isinstance(annex, dict)
    assert annex["tepat_waktu"] == "66,67%"
    assert annex["hari_kalender"] == "4" and annex["putaran_revisi"] == "1"
    assert [row["status"] for row in annex["langkah"]] == [r.status for r in expected_runs().runs]
    assert annex["langkah"][8]["kegiatan"].endswith("(putaran 2)")
    assert annex["keterlambatan"][0] == {
        "langkah": "8", "kegiatan": expected_runs().runs[7].kegiatan, "selisih": "+1 jam 30 menit"
    }
    assert lampiran_sop(None) == ""


@pytest.mark.libreoffice
def test_the_annex_shows_the_sop_its_share_and_every_run(book: Path, tmp_path: Path) -> None:
    doc = laporan(book, tmp_path, Periode.TW3, pdf=True)
    assert doc.pdf is not None and doc.peringatan == []
    texts = pages(doc.pdf)
    first = next(n for n, page in enumerate(texts) if JUDUL in page)
    assert first > 0, "the annex starts on its own page, after the signature"
    annex = flat(" ".join(texts[first:]))
    summary = expected_runs()
    assert "Nama SOP Pengukuran Kinerja" in annex
    assert "Tepat waktu 66,67% (8 dari 12 pelaksanaan langkah yang selesai)" in annex
    assert "66.67" not in annex
    assert "Siklus (hari kalender) 4 hari" in annex and "Putaran revisi 1" in annex
    table = annex[annex.index("Pelaksanaan Langkah SOP"):]
    statuses = re.findall(r"Tepat Waktu|Terlambat|Belum Selesai|Belum Dimulai|Data Tidak Lengkap|Urutan Salah",
                          table)
    assert statuses == [run.status for run in summary.runs]
    raw = flat(subprocess.run(["pdftotext", str(doc.pdf), "-"], capture_output=True, text=True,
                              check=True).stdout)  # cell by cell: a wrapped name reads whole
    for run in summary.runs:
        assert flat(run.pelaksana) in raw
    # the main document is untouched: the signature ends it, then the lampiran per triwulan, then this
    quarters = next(n for n, page in enumerate(texts) if "LAMPIRAN: REALISASI PER TRIWULAN" in page)
    assert quarters < first and "Drs. DEDWI SUPRAPTO, M.Si." in texts[quarters - 1]


@pytest.mark.libreoffice
def test_no_log_for_the_period_means_no_annex(book: Path, tmp_path: Path) -> None:
    doc = laporan(book, tmp_path, Periode.TW2, pdf=True)
    assert doc.pdf is not None and doc.peringatan == []
    assert JUDUL not in " ".join(pages(doc.pdf))


def test_a_workbook_without_sop_sheets_has_no_annex(tmp_path: Path) -> None:
    path = example_workbook(tmp_path / "tanpa_sop.xlsx", with_sop=False)
    doc = laporan(path, tmp_path / "out", Periode.TW3)
    body = "\n".join(p.text for p in Document(str(doc.docx)).paragraphs)
    assert "KEPATUHAN WAKTU SOP" not in body and "PENGUKURAN KINERJA" in body
    assert doc.peringatan == []


def test_a_broken_log_of_the_period_leaves_the_annex_out_with_a_warning(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = example_workbook(tmp_path / "rusak.xlsx")
    wb = load_workbook(path)
    ws = wb["Log Langkah"]
    header = next(r for r in range(1, 20) if any(c.value == "Mulai" for c in ws[r]))
    col = next(c.column for c in ws[header] if c.value == "Mulai")
    ws.cell(header + 1, col).value = "kemarin sore"
    wb.save(path)
    doc = laporan(path, tmp_path / "out", Periode.TW3)
    body = "\n".join(p.text for p in Document(str(doc.docx)).paragraphs)
    assert "KEPATUHAN WAKTU SOP" not in body
    [warning] = doc.peringatan
    assert "Lampiran Kepatuhan Waktu SOP tidak dibuat" in warning.pesan


def test_templates_know_the_annex_and_one_without_it_still_renders(tmp_path: Path) -> None:
    from xlwings_app.adapters.documents.docx import default_template

    assert "lampiran_sop" in provided()
    assert check_template(default_template(), provided()) == []
    custom = tmp_path / "tanpa_lampiran.docx"
    document = Document()
    document.add_paragraph("{{ kop.unit }} {{ dokumen.periode }}")
    document.add_paragraph("{% if lampiran_sop %}SOP {{ lampiran_sop.nama }} {{ lampiran_sop.tepat_waktu }}{% endif %}")
    document.save(str(custom))
    assert check_template(custom, provided()) == []
    bare = tmp_path / "polos.docx"
    document = Document()
    document.add_paragraph("{{ kop.unit }}")
    document.save(str(bare))
    import datetime as dt

    from xlwings_app.domain.measure import measure_all
    from xlwings_app.domain.settings import Settings
    from xlwings_app.report.context import Dokumen
    from xlwings_app.samples import contoh

    context = build_context(
        contoh.PROFIL, Settings(), measure_all(contoh.INDICATORS, Periode.TW3, Settings()),
        Dokumen(Periode.TW3, "X", dt.date(2024, 10, 7), dt.datetime(2024, 10, 7)), contoh_lampiran_sop(),
    )
    out = render(bare, context, tmp_path / "polos_out.docx")
    assert Document(str(out)).paragraphs[0].text == "Kecamatan Senduro".upper()
    out = render(custom, context, tmp_path / "sendiri_out.docx")
    assert Document(str(out)).paragraphs[1].text == "SOP Pengukuran Kinerja 66,67%"
