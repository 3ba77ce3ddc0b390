"""Render the example to .docx and PDF (LibreOffice) and read the PDF back (pdftotext)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document

from tests.services.report.conftest import NOW, TRICKY, Data
from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.analisis import with_catatan
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure_all
from xlwings_app.domain.settings import Settings
from xlwings_app.samples import contoh
from xlwings_app.services.laporan import Laporan, buat_laporan

pytestmark = pytest.mark.libreoffice


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Laporan, list[str]]:
    """The example with tricky user text, rendered once to .docx and PDF."""
    indicators = list(contoh.INDICATORS)
    indicators[1] = replace(indicators[1], analisis=with_catatan(indicators[1].analisis, Periode.TW2,
                                                                 permasalahan=f"{TRICKY}\nBaris kedua"))
    data = Data(replace(contoh.PROFIL, alamat=f"Jl. {TRICKY}"), Settings(), indicators)
    doc = buat_laporan(data, tmp_path_factory.mktemp("dok"), Periode.TW2, pdf=True, now=NOW)
    assert doc.pdf is not None
    return doc, pages(doc.pdf)


def test_every_indicator_prints_name_target_realisasi_capaian(rendered: tuple[Laporan, list[str]]) -> None:
    text = flat(" ".join(rendered[1]))
    for h in measure_all(contoh.INDICATORS, Periode.TW2, Settings()):
        assert flat(h.indicator.nama) in text
        for value in (fmt.angka(h.target), fmt.angka(h.realisasi), fmt.persen(h.capaian)):
            assert value in text
    for expected in ("84,15", "101,39", "87,25", "91,84", "125,00", "52,5", "79,55", "133,33",
                     "Rp 125.000.000", "Rp 54.250.000", "43,40"):
        assert expected in text
    assert "84.15" not in text and "101.39" not in text


def test_user_text_prints_literally(rendered: tuple[Laporan, list[str]]) -> None:
    text = flat(" ".join(rendered[1]))
    assert flat(TRICKY) in text  # the kop's address
    for part in ('A & B <x> "y"', "{z} {{ v }}", "p %}"):  # and the permasalahan, wrapped in its cell
        assert text.count(part) == 2, part
    assert "&amp;" not in text and "&lt;" not in text


def test_signature_block_stands_on_one_page(rendered: tuple[Laporan, list[str]]) -> None:
    assert_signature_on_one_page(rendered[1])


def assert_signature_on_one_page(texts: list[str]) -> None:
    lines = ("Senduro, 5 Juli 2024", "Plt. Camat Senduro", "Drs. BUDI SANTOSO, M.Si.",
             "Pembina Tingkat I (IV/b)", "NIP 19770309 200501 1 003")
    holding = [n for n, page in enumerate(texts) if any(line in page for line in lines)]
    assert len(holding) == 1, f"signature spread over pages {holding}"
    assert all(line in texts[holding[0]] for line in lines)


def test_page_count_is_sane_and_every_page_has_code_and_number(
    rendered: tuple[Laporan, list[str]],
) -> None:
    doc, texts = rendered
    assert 1 <= len(texts) <= 3
    assert all(f"Kode verifikasi: {doc.kode_verifikasi}" in page for page in texts)
    assert all(f"Halaman {n} dari {len(texts)}" in page for n, page in enumerate(texts, 1))


def test_the_footer_carries_the_verification_code(tmp_path: Path, data: Data) -> None:
    doc = buat_laporan(data, tmp_path, Periode.TW2, now=NOW)
    footer = Document(str(doc.docx)).sections[0].footer.paragraphs[0].text
    assert f"Kode verifikasi: {doc.kode_verifikasi}" in footer


@pytest.mark.parametrize("extra", [8, 14, 20])
def test_signature_never_splits_whatever_the_length(tmp_path: Path, data: Data, extra: int) -> None:
    base = contoh.INDICATORS[0]
    more = [replace(base, kode=f"IKU 3.{n}", sasaran="Sasaran tambahan", nama=f"Indikator tambahan {n}",
                    target_akhir_renstra=None)  # the rows lengthen tables A and B, not the Renstra table too
            for n in range(extra)]
    data.indicators = [*data.indicators, *more]
    doc = buat_laporan(data, tmp_path, Periode.TW2, pdf=True, now=NOW)
    assert doc.pdf is not None
    texts = pages(doc.pdf)
    assert_signature_on_one_page(texts)
    assert len(texts) <= 5  # the document, then its lampiran (realisasi per triwulan) on a page of its own


def test_page_one_renders_to_png(rendered: tuple[Laporan, list[str]], tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(rendered[0].pdf),
                    str(tmp_path / "hal")], check=True)
    [png] = list(tmp_path.glob("hal*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 5000
