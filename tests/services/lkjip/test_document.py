"""``kinerja lkjip``: the LKjIP rendered by LibreOffice and read back with pdftotext; the draft marks
what a person writes, the final is refused while a required piece is empty (each named)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.services.plan.test_documents import text_of
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.cli import app
from xlwings_app.domain.lkjip.structure import required
from xlwings_app.samples import example
from xlwings_app.samples import example_lkjip as E
from xlwings_app.services.contoh_lkjip import write_workbook
from xlwings_app.services.laporan import LaporanDitolak
from xlwings_app.services.lkjip import lkjip

runner = CliRunner()
BAB = ["IKHTISAR EKSEKUTIF", "BAB I", "PENDAHULUAN", "BAB II", "PERENCANAAN KINERJA", "BAB III",
       "AKUNTABILITAS KINERJA", "BAB IV", "PENUTUP", "LAMPIRAN 1", "LAMPIRAN 2"]
TABLES = ["Tabel 1.1 Susunan Pejabat", "Tabel 2.1 Sasaran, Indikator dan Target Akhir Renstra 2021–2025",
          "Tabel 2.2 Perjanjian Kinerja Tahun 2024", "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024",
          "Gambar 3.1", "Tabel Target dan Realisasi Sasaran 1", "Tabel Capaian Beberapa Tahun Sasaran 1",
          "Tabel Kemajuan terhadap Target Akhir Renstra Sasaran 1",
          "Tabel 3.2 Realisasi Anggaran per Program Tahun 2024", "PERJANJIAN KINERJA TAHUN 2024",
          "PENGUKURAN KINERJA TAHUN 2024"]


@pytest.fixture(scope="module")
def final(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's closed year with every written piece, its LKjIP final as PDF (through the CLI)."""
    folder = tmp_path_factory.mktemp("lkjip")
    path = folder / "akhir.xlsx"
    write_workbook(path, E.NARASI)
    result = runner.invoke(app, ["lkjip", str(path), "--final", "--pdf", "--tanggal", E.TANGGAL,
                                 "--keluar", str(folder / "out")])
    assert result.exit_code == 0, result.output
    return folder / "out" / "LKjIP_2024.pdf"


def test_final_has_every_bab_and_table(final: Path) -> None:
    text = text_of(final)
    for expected in [*BAB, *TABLES]:
        assert expected in text, expected
    for n, name in enumerate((E.S1, E.S2, E.S3, E.S4), start=1):
        assert f"Sasaran Strategis {n}: {name}" in text
    assert "[Belum ditulis" not in text and "DRAF" not in text
    assert "Lumajang, 24 Februari 2025" in text


def test_final_prints_the_series_and_renstra_progress(final: Path) -> None:
    text = text_of(final)
    # the multi-year table of sasaran 1: IKU-01 target / realisasi / capaian per year from sheet Riwayat Capaian
    for cell in ("78 / 77,2 / 98,97%", "80 / 80,4 / 100,50%", "81 / 81,6 / 100,74%", "82 / 83,4 / 101,71%"):
        assert cell in text, cell
    # IKU-05 (Jumlah): 5 + 6 + 6 + 5 = 22 dokumen of the period's 30 = 73,33%
    assert "73,33%" in text and "Jumlah 2021–2024" in text
    # what the Sekretaris wrote is printed as written
    assert "Kecamatan Lumajang adalah perangkat daerah Kabupaten Lumajang" in text
    assert "patroli terpadu bersama Satpol PP" in text


def test_draft_marks_every_written_piece(tmp_path: Path) -> None:
    """An existing workbook without the LKjIP sheets still gets its LKjIP: a draft marking each piece."""
    path = tmp_path / "kinerja.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    doc = lkjip(path, tmp_path / "out", pdf=True)
    assert doc.docx.name == "LKjIP_2024_DRAF.docx"
    assert doc.pdf is not None
    text = text_of(doc.pdf)
    assert "DRAF" in text
    for piece in required():
        if piece.per_sasaran:
            assert text.count(f"[Belum ditulis: {piece.nama}") >= 4
        else:
            assert f"[Belum ditulis: {piece.nama}" in text, piece.nama
    assert len(doc.draft.placeholders) == 9
    for expected in BAB:
        assert expected in text


def test_final_refused_while_a_required_piece_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "akhir.xlsx"
    left_out = [t for t in E.NARASI if not (t.kunci == "bab4.langkah" or (t.kunci == "bab3.a.5.analisis"
                                                                          and t.sasaran == E.S1))]  # fmt: skip
    write_workbook(path, left_out)
    with pytest.raises(LaporanDitolak) as refused:
        lkjip(path, tmp_path / "out", final=True)
    messages = [str(p) for p in refused.value.problems]
    assert len(messages) == 2, messages
    assert any("Langkah di masa mendatang belum ditulis (BAB IV Penutup)" in m for m in messages)
    assert any(f'sasaran "{E.S1}" belum ditulis' in m and "Narasi LKjIP" in m for m in messages)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    result = runner.invoke(app, ["lkjip", str(path), "--final", "--keluar", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "Langkah di masa mendatang belum ditulis" in " ".join(result.output.split())
    # the draft of the same workbook is made, the two pieces marked
    doc = lkjip(path, tmp_path / "out")
    assert [p.kunci for p in doc.draft.placeholders] == ["bab4.langkah", "bab3.a.5.analisis"]


def test_year_other_than_the_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kinerja.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, pejabat=example.PEJABAT).save(path)
    result = runner.invoke(app, ["lkjip", str(path), "--tahun", "2023"])
    assert result.exit_code == 2
    assert "workbook tahun 2024" in " ".join(result.output.split())
