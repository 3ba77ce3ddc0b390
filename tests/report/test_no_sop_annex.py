"""The signed Pengukuran Kinerja carries no SOP timing: its own last steps (signing, sending) happen
after it is printed, so the timing is the Laporan Kepatuhan Waktu SOP (``tests/sop/test_laporan_sop.py``).

The workbook is built as ``kinerja contoh`` builds it: the example unit, then its SOPs and their logs
(``services.contoh.sop_contoh``), the Pengukuran log of TW3 complete.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from docx import Document

from xlwings_app.adapters.documents.docx import default_template, render
from xlwings_app.adapters.documents.template_check import check_template
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure_all
from xlwings_app.domain.settings import Settings
from xlwings_app.report.context import Dokumen, build_context, provided
from xlwings_app.samples import contoh, example
from xlwings_app.services.contoh import sop_contoh
from xlwings_app.services.laporan import laporan
from xlwings_app.services.workbook import create

SOP_WORDS = ("KEPATUHAN WAKTU SOP", "Kepatuhan Waktu", "Belum Dimulai", "Tepat Waktu", "Terlambat", "Mutu Baku")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sop") / "kinerja.xlsx"
    create(path, build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS), overwrite=True)
    list(sop_contoh(path))
    return path


@pytest.mark.libreoffice
def test_the_final_document_with_a_complete_sop_log_has_no_sop_timing(book: Path, tmp_path: Path) -> None:
    doc = laporan(book, tmp_path, Periode.TW3, pdf=True)
    assert doc.pdf is not None and not doc.draf
    assert [w.kolom for w in doc.peringatan] == ["Berkas Lambang Daerah"]  # the example has no lambang file; no SOP notice
    text = subprocess.run(["pdftotext", str(doc.pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "PENGUKURAN KINERJA" in text and "LAMPIRAN: REALISASI PER TRIWULAN" in text
    for word in SOP_WORDS:
        assert word not in text, word
    last = text.split("\f")[-2]  # the last page: the realisasi per triwulan, nothing after it
    assert "Setiap sel triwulan" in last


def test_the_default_template_no_longer_names_the_annex() -> None:
    import zipfile

    body = zipfile.ZipFile(default_template()).read("word/document.xml").decode("utf-8")
    assert "lampiran_sop" not in body and "KEPATUHAN" not in body
    assert check_template(default_template(), provided()) == []


def test_a_template_made_when_the_annex_existed_still_renders_without_it(tmp_path: Path) -> None:
    custom = tmp_path / "lama.docx"
    document = Document()
    document.add_paragraph("{{ kop.unit }} {{ dokumen.periode }}")
    document.add_paragraph("{% if lampiran_sop %}SOP {{ lampiran_sop.nama }} {{ lampiran_sop.tepat_waktu }}{% endif %}")
    document.save(str(custom))
    assert check_template(custom, provided()) == []  # no unknown name: the user's template is accepted
    context = build_context(
        contoh.PROFIL, Settings(), measure_all(contoh.INDICATORS, Periode.TW3, Settings()),
        Dokumen(Periode.TW3, "X", dt.date(2024, 10, 7), dt.datetime(2024, 10, 7)),
    )  # fmt: skip
    assert context["lampiran_sop"] == ""
    out = render(custom, context, tmp_path / "lama_out.docx")
    assert [p.text for p in Document(str(out)).paragraphs] == ["KECAMATAN SENDURO S.D. TRIWULAN III TAHUN 2024", ""]
