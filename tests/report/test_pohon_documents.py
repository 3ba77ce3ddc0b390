"""The Tim SAKIP's two papers of the example's tree, rendered to PDF (LibreOffice) and read back
(pdftotext): every level with its capaian, the methodology and the working per indicator, the
signatures, the draft's mark and the final's gate."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.sheets.test_pohon import manual_row, tree_workbook
from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Periode
from xlwings_app.services.laporan import LaporanDitolak
from xlwings_app.services.pohon import DokumenPohon, kertas_kerja, rekapitulasi

pytestmark = pytest.mark.libreoffice


def text_of(pdf: Path | None, layout: bool = False) -> str:
    """The PDF's text, spacing collapsed; ``layout``: each table row on its line (cells apart)."""
    assert pdf is not None
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return out if layout else re.sub(r"\s+", " ", out)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DokumenPohon, DokumenPohon]:
    folder = tmp_path_factory.mktemp("pohon")
    path = tree_workbook(folder / "kinerja.xlsx")
    kerja = kertas_kerja(path, folder, Periode.TW3, pdf=True, log=False)
    rekap = rekapitulasi(path, folder, Periode.TW3, pdf=True, log=False)
    return path, kerja, rekap


def test_the_rekapitulasi_shows_every_level_with_its_capaian(made: tuple[Path, DokumenPohon, DokumenPohon]) -> None:
    _, _, rekap = made
    text = text_of(rekap.pdf)
    for heading in ("REKAPITULASI HASIL PENGUKURAN KINERJA", "S.D. TRIWULAN III TAHUN 2024", "B.1 Tujuan",
                    "B.2 Sasaran", "B.3 Program", "B.4 Kegiatan", "B.5 Sub Kegiatan"):  # fmt: skip
        assert heading in text
    for node in rekap.hasil.values():
        assert node.node.kode in text
        if node.capaian is not None:
            assert fmt.persen(node.capaian) in text
    rows = [re.sub(r"\s+", " ", line).strip() for line in text_of(rekap.pdf, layout=True).splitlines()]
    assert "1 T1 Meningkatnya kualitas tata kelola 88,43 Tinggi – –" in rows  # B.1, the first tujuan
    assert "Tujuan 2 2 82,69 – –" in rows and "Sub Kegiatan 20 4 97,57 Rp 4.444.000.000 71,80" in rows  # A
    assert any(r.startswith("Tujuan T1 Meningkatnya") and r.endswith("88,43 Tinggi") for r in rows)  # C, the tree
    assert "Ketua Tim SAKIP (Kasubag Keuangan)" in text and "Mengetahui," in text and "NURUL HIDAYATI, S.E." in text
    assert "DRAF" not in text


def test_the_kertas_kerja_states_the_methodology_and_the_working(made: tuple[Path, DokumenPohon, DokumenPohon]) -> None:
    _, kerja, _ = made
    text = text_of(kerja.pdf)
    assert "KERTAS KERJA PENGUKURAN KINERJA" in text
    for level in ("Tingkat Sasaran (indikator Outcome)", "Tingkat Program (indikator Outcome)",
                  "Tingkat Kegiatan (indikator Output)", "Tingkat Sub Kegiatan (indikator Output)"):  # fmt: skip
        assert level in text
    cells = " ".join(c.text for t in Document(str(kerja.docx)).tables for r in t.rows for c in r.cells)
    assert "Realisasi = (Jumlah kelurahan yang melaksanakan musyawarah ÷ Jumlah kelurahan) × 100" in cells
    assert "Realisasi = (Jumlah kelurahan" in text and "musyawarah kelurahan) × 100" in text  # wrapped in its cell
    assert "83,1 ÷ 81,5 × 100 = 101,96" in text  # IKU-01's working
    assert "(2 × 3 − 2,9) ÷ 3 × 100 = 103,33" in text  # IKU-03, negative polarity
    assert "Rata-rata" in text and "Permendagri 86/2017" in text


def test_a_final_kertas_kerja_is_refused_while_a_methodology_is_missing(
    made: tuple[Path, DokumenPohon, DokumenPohon], tmp_path: Path
) -> None:
    path = tree_workbook(tmp_path / "kinerja.xlsx")
    wb = load_workbook(path)
    wb["Manual Indikator"][f"C{manual_row('IKU-04')}"] = None  # no definisi operasional
    wb.save(path)
    with pytest.raises(LaporanDitolak) as refused:
        kertas_kerja(path, tmp_path, Periode.TW3, log=False)
    assert "belum lengkap metodologinya" in refused.value.pesan
    assert any("IKU-04" in str(p) for p in refused.value.problems)
    draft = kertas_kerja(path, tmp_path, Periode.TW3, draf=True, pdf=True, log=False)
    text = text_of(draft.pdf)
    assert "DRAF" in text and "Indikator 'IKU-04' belum punya definisi operasional." in text
    assert draft.docx.name == "Kertas_Kerja_Pengukuran_Kinerja_2024_TW3_DRAF.docx"


def test_making_the_papers_stamps_steps_4_to_6_of_the_tim_sakip_sop(tmp_path: Path) -> None:
    from xlwings_app.services.contoh import sop_contoh
    from xlwings_app.services.sop import mulai

    path = tree_workbook(tmp_path / "kinerja.xlsx")
    for _ in sop_contoh(path):  # the SOP Pengukuran Kinerja (Tim SAKIP) with its TW3 log
        pass
    opened = mulai(path, "TW4")
    kerja = kertas_kerja(path, tmp_path, Periode.TW4, draf=True)
    assert [p.pesan for p in kerja.catatan if "Log Langkah" in p.pesan] == [
        f"Log Langkah, langkah 4 TW4: Mulai dan Selesai dicatat (baris {opened.first_row + 3}).",
        f"Log Langkah, langkah 5 TW4: Mulai dan Selesai dicatat (baris {opened.first_row + 4}).",
    ]
    rekap = rekapitulasi(path, tmp_path, Periode.TW4, draf=True)
    assert [p.pesan for p in rekap.catatan if "Log Langkah" in p.pesan] == [
        f"Log Langkah, langkah 6 TW4: Mulai dan Selesai dicatat (baris {opened.first_row + 5})."
    ]
    log = load_workbook(path)["Log Langkah"]
    assert any("Dicatat otomatis (kinerja pohon rekapitulasi)" in str(c.value) for c in log[opened.first_row + 5])


def test_a_two_level_workbook_gets_its_rekapitulasi_from_its_iku_and_iki(example_path: Path, tmp_path: Path) -> None:
    rekap = rekapitulasi(example_path, tmp_path, Periode.TW3, draf=True, log=False)
    # the sasaran from the Sasaran Strategis; the support program from the nomenclature name of an IKI's
    # Program/Kegiatan cell ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota")
    assert [c.node.kode for c in rekap.hasil.values()] == ["S1", "S2", "S3", "S4", "7.01.01"]
    assert rekap.catatan[0].pesan.startswith("Workbook belum punya sheet Pohon Kinerja: pohon dibaca dari IKU dan IKI")
    cells = " ".join(c.text for t in Document(str(rekap.docx)).tables for r in t.rows for c in r.cells)
    s1 = rekap.hasil["s1"]
    assert s1.capaian is not None and fmt.persen(s1.capaian) in cells
    assert "Meningkatnya kualitas pelayanan publik kecamatan (indikator sendiri)" in cells


def test_a_large_tree_is_drawn_down_to_the_level_that_fits_one_page(tmp_path: Path) -> None:
    from bench.pohon_scenario import build

    tree, flat = tmp_path / "pohon.xlsx", tmp_path / "datar.xlsx"
    build(tree, flat)  # 2 tujuan, 4 sasaran, 6 programs, 60 kegiatan, 300 sub kegiatan
    rekap = rekapitulasi(tree, tmp_path, Periode.TW4, draf=True, log=False)
    assert len(rekap.hasil) == 372
    text = " ".join(p.text for p in Document(str(rekap.docx)).paragraphs)
    assert "Gambar sampai tingkat Program agar terbaca pada satu halaman A4" in text
