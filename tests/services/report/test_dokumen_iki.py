"""Dokumen Pengukuran Kinerja Individu: one document per penanggung jawab, read back from the PDF."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import typer
from docx import Document
from typer.testing import CliRunner

from tests.services.report.conftest import NOW
from tests.services.report.test_document_pdf import flat as _flat
from xlwings_app.adapters.documents.template_check import check_template
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.cli import report_cmds
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.profil import format_nip
from xlwings_app.report.context_iki import officials, provided_iki, slug
from xlwings_app.samples import example
from xlwings_app.services.laporan import LaporanDitolak, load_workbook
from xlwings_app.services.laporan_iki import LaporanIki, buat_laporan_iki, default_iki_template

IKI = [i for i in example.INDICATORS if i.jenis is Jenis.IKI]
IKU = {i.kode: i for i in example.INDICATORS if i.jenis is Jenis.IKU}
HEAD = example.PROFIL


def flat(text: str) -> str:
    """Whitespace collapsed, and a hyphenated word broken over two lines joined again."""
    return re.sub(r"-\s+", "-", _flat(text))


def in_order(words: str, text: str) -> bool:
    """Every word of ``words`` in ``text`` in that order (a wrapped table cell interleaves with
    its neighbours when pdftotext reads the page, but keeps its own order)."""
    at = 0
    for word in words.split():
        at = text.find(word, at)
        if at < 0:
            return False
        at += len(word)
    return True


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("iki") / "kinerja.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    return path


@pytest.fixture(scope="module")
def rendered(book: Path, tmp_path_factory: pytest.TempPathFactory) -> list[LaporanIki]:
    out = tmp_path_factory.mktemp("iki_out")
    return buat_laporan_iki(load_workbook(book), out, Periode.TW3, pdf=True, now=NOW)


def test_one_document_per_penanggung_jawab(rendered: list[LaporanIki]) -> None:
    expected = officials(IKI)
    assert len(expected) >= 5
    assert [d.pejabat for d in rendered] == expected
    assert len({d.docx for d in rendered}) == len(expected)
    for doc in rendered:
        assert doc.docx.name == f"Pengukuran_Kinerja_Individu_2024_TW3_{slug(doc.pejabat)}.docx"
        assert doc.pdf is not None and doc.pdf.is_file()


@pytest.mark.libreoffice
def test_each_document_lists_only_that_officials_iki_and_their_iku(rendered: list[LaporanIki]) -> None:
    for doc in rendered:
        assert doc.pdf is not None
        text = flat(" ".join(pages(doc.pdf)))
        own = [i for i in IKI if i.penanggung_jawab == doc.pejabat]
        assert list(doc.indikator) == [i.kode for i in own]
        for indicator in IKI:
            assert (flat(indicator.nama) in text) == (indicator in own), (doc.pejabat, indicator.kode)
        for indicator in own:
            assert indicator.induk in IKU
            assert in_order(f"{indicator.induk} {IKU[indicator.induk].nama}", text), indicator.kode
        assert "PENGUKURAN KINERJA INDIVIDU" in text
        assert f"Kode verifikasi: {doc.kode_verifikasi}" in text


@pytest.mark.libreoffice
def test_the_signature_block_stands_on_one_page(rendered: list[LaporanIki]) -> None:
    for doc in rendered:
        assert doc.pdf is not None
        texts = pages(doc.pdf)
        assert 1 <= len(texts) <= 3
        [official] = [p for p in example.PEJABAT if p.jabatan == doc.pejabat]
        atasan = ((example.SEKRETARIS, example.PEJABAT[1].nama, example.PEJABAT[1].nip)
                  if doc.pejabat.startswith("Kasubag")  # a Kasubag's IKI is acknowledged by the Sekretaris
                  else (str(HEAD["ttd_jabatan"]), str(HEAD["ttd_nama"]), str(HEAD["ttd_nip"])))
        lines = ("Demikian dokumen pengukuran kinerja individu ini dibuat", "Mengetahui,", atasan[0], atasan[1],
                 f"NIP {format_nip(atasan[2])}", "Lumajang, 7 Oktober 2024", doc.pejabat,
                 official.nama, official.pangkat, f"NIP {format_nip(official.nip)}")
        holding = [n for n, page in enumerate(texts) if "Mengetahui," in page or official.nama in page]
        assert len(holding) == 1, f"{doc.pejabat}: signature spread over pages {holding}"
        page = flat(texts[holding[0]])
        for line in lines:
            assert flat(line) in page, (doc.pejabat, line)
        assert "......" not in page


def test_an_official_missing_from_sheet_pejabat_gets_dotted_lines_to_fill_by_hand() -> None:
    from xlwings_app.report.context_iki import TITIK_NAMA, TITIK_NIP, official_block
    from xlwings_app.samples import contoh

    assert official_block(contoh.PROFIL, "Kasi Trantib") == {
        "jabatan": "Kasi Trantib", "nama": TITIK_NAMA, "pangkat": "", "nip": TITIK_NIP}
    block = official_block(contoh.PROFIL, "kasi  pelayanan umum")
    assert block["nama"] == "YULI ANDRIANI, S.Sos." and block["nip"] == "NIP 19860715 201001 2 009"


@pytest.mark.libreoffice
def test_unmet_iki_is_analysed_with_its_permasalahan(rendered: list[LaporanIki]) -> None:
    [sekretaris] = [d for d in rendered if d.indikator == ("IKI-SEK-01",)]
    assert sekretaris.pdf is not None
    text = flat(" ".join(pages(sekretaris.pdf)))
    assert "75" in text and "Analisis Indikator yang Belum Mencapai Target" in text
    assert in_order(IKI[0].catatan(Periode.TW3).permasalahan, text)


def test_the_iki_template_uses_only_what_kinerja_provides() -> None:
    assert check_template(default_iki_template(), provided_iki()) == []


def test_no_iki_is_refused(book: Path, tmp_path: Path) -> None:
    data = load_workbook(book)
    data.indicators = [i for i in data.indicators if i.jenis is Jenis.IKU]
    with pytest.raises(LaporanDitolak, match="belum ada Indikator Kinerja Individu"):
        buat_laporan_iki(data, tmp_path)
    assert not list(tmp_path.iterdir())


def test_names_differing_in_case_and_spacing_are_one_official(book: Path, tmp_path: Path) -> None:
    data = load_workbook(book)
    first = data.indicators.index(next(i for i in data.indicators if i.kode == "IKI-PEL-02"))
    data.indicators[first] = replace(data.indicators[first], penanggung_jawab="kasi  pelayanan umum")
    docs = buat_laporan_iki(data, tmp_path, Periode.TW3, now=NOW)
    [pel] = [d for d in docs if d.pejabat == "Kasi Pelayanan Umum"]
    assert pel.indikator == ("IKI-PEL-01", "IKI-PEL-02")
    body = " ".join(c.text for t in Document(str(pel.docx)).tables for row in t.rows for c in row.cells)
    assert "Jumlah layanan PATEN" in body


def run(*args: str):
    app = typer.Typer()
    report_cmds.register(app)
    return CliRunner().invoke(app, list(args))


def test_cli_help_has_an_indonesian_example() -> None:
    result = run("laporan-iki", "--help")
    assert result.exit_code == 0
    assert "Contoh: kinerja laporan-iki" in result.output


def test_cli_writes_one_docx_per_official(book: Path, tmp_path: Path) -> None:
    result = run("laporan-iki", str(book), "--periode", "TW3", "--keluar", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("Pengukuran_Kinerja_Individu_2024_TW3_*.docx"))) == len(officials(IKI))


def test_cli_names_what_a_custom_template_lacks(book: Path, tmp_path: Path) -> None:
    template = tmp_path / "sendiri.docx"
    document = Document()
    document.add_paragraph("{{ pejabat.jabatan }} {{ pejabat.golongan }}")
    document.save(str(template))
    result = run("laporan-iki", str(book), "-p", "TW3", "--template", str(template), "-k", str(tmp_path))
    assert result.exit_code == 2
    assert "'pejabat.golongan'" in result.output


def test_every_official_s_pdf_comes_from_one_libreoffice_run(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    from xlwings_app.adapters.documents import libreoffice

    runs: list[list[str]] = []
    real = subprocess.run

    def counted(command: list[str], *args: object, **kwargs: object) -> object:
        runs.append(command)
        return real(command, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(libreoffice.subprocess, "run", counted)
    made = buat_laporan_iki(load_workbook(book), tmp_path, Periode.TW3, pdf=True, now=NOW)
    assert len(made) > 1 and len(runs) == 1
    for doc in made:
        assert doc.pdf is not None and doc.pdf.read_bytes().startswith(b"%PDF-")
        assert doc.pdf.stem == doc.docx.stem
