"""Regenerate the page images under docs/ from the demo (``make gambar``), so they cannot drift.

Writes, each page rendered by LibreOffice and poppler at 60 dpi:
- dokumen-contoh.png: page 1 of the example's Pengukuran Kinerja (the README's picture);
- dokumen-contoh-analisis.png: page 2 (chart and analysis);
- dokumen-iki-contoh.png: page 1 of an IKI document (Sekretaris Camat);
- dokumen-draf-contoh.png: page 1 of a draft (the example with two analysis cells emptied);
- cetak-iku.png, cetak-hasil.png: the first printed page of sheets IKU and Hasil;
- laporan-sop.png, laporan-sop-2.png: the Laporan Kepatuhan Waktu SOP of TW3 (final), both pages;
  laporan-sop-draf.png: the last page of TW4's draft (steps Kinerja stamped, Pelaksana from Pejabat);
- pohon-kertas-kerja.png, pohon-kertas-kerja-2.png: the Kertas Kerja Pengukuran Kinerja's first page
  (methodology) and its working page; pohon-rekapitulasi.png: the Rekapitulasi's first page (per level);
  pohon-gambar.png: its pohon kinerja page, at 100 dpi (the picture must read on A4).

Usage: .venv/bin/python docs/gambar.py [OUT_DIR]   (OUT_DIR defaults to out/gambar)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

DOCS = Path(__file__).parent
DPI = "60"


def page(pdf: Path, number: int, name: str, dpi: str = DPI) -> Path:
    target = DOCS / name
    subprocess.run(["pdftoppm", "-png", "-r", dpi, "-f", str(number), "-l", str(number), "-singlefile",
                    str(pdf), str(target.with_suffix(""))], check=True)
    return target


def to_pdf(path: Path, out: Path) -> Path:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
                   check=True, capture_output=True)
    return out / (path.stem + ".pdf")


def first_page_of(pdf: Path, title: str) -> int:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return next(n for n, p in enumerate(text.split("\f"), start=1) if p.lstrip().startswith(title))


def page_holding(pdf: Path, words: str) -> int:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return next(n for n, p in enumerate(text.split("\f"), start=1) if words in p)


def pohon_pages(dokumen: Path) -> None:
    """The Tim SAKIP's papers of the example's performance tree (``kinerja pohon``)."""
    kerja = dokumen / "Kertas_Kerja_Pengukuran_Kinerja_2024_TW3.pdf"
    print(page(kerja, 1, "pohon-kertas-kerja.png"))
    print(page(kerja, page_holding(kerja, "B. Lembar Kerja Pengukuran"), "pohon-kertas-kerja-2.png"))
    rekap = dokumen / "Rekapitulasi_Pengukuran_Kinerja_2024_TW3.pdf"
    print(page(rekap, 1, "pohon-rekapitulasi.png"))
    print(page(rekap, page_holding(rekap, "C. Pohon Kinerja dengan Capaian"), "pohon-gambar.png", "100"))


def main(out: Path) -> None:
    from xlwings_app.adapters.documents import lambang_contoh as lambang
    from xlwings_app.adapters.openpyxl.builder import build_workbook
    from xlwings_app.domain.analisis import with_catatan
    from xlwings_app.samples import example
    from xlwings_app.services.contoh import EXAMPLE_NAME, contoh
    from xlwings_app.services.laporan import laporan

    shutil.rmtree(out, ignore_errors=True)
    for line in contoh(out):
        print(line)
    pdf = out / "dokumen" / "Pengukuran_Kinerja_2024_TW3.pdf"
    print(page(pdf, 1, "dokumen-contoh.png"))
    print(page(pdf, 2, "dokumen-contoh-analisis.png"))
    sop = out / "dokumen" / "Laporan_Kepatuhan_Waktu_SOP_2024_TW3.pdf"
    print(page(sop, 1, "laporan-sop.png"))
    print(page(sop, 2, "laporan-sop-2.png"))
    pohon_pages(out / "dokumen")
    print(page(out / "pengumpulan" / "Laporan_Kepatuhan_Waktu_SOP_2024_TW4_DRAF.pdf", 3, "laporan-sop-draf.png"))
    iki = to_pdf(out / "dokumen" / "individu" / "Pengukuran_Kinerja_Individu_2024_TW3_Sekretaris_Camat.docx",
                 out / "dokumen" / "individu")
    print(page(iki, 1, "dokumen-iki-contoh.png"))
    draf = out / "draf"
    draf.mkdir()
    gaps = [replace(i, analisis=with_catatan(i.analisis, example.SETTINGS.periode_aktif, rencana_aksi=""))
            if i.kode in ("IKU-05", "IKU-07") else i for i in example.INDICATORS]  # fmt: skip
    build_workbook({**example.PROFIL, "lambang": lambang.FILE_NAME}, gaps, example.SETTINGS,
                   pejabat=example.PEJABAT).save(draf / "kinerja.xlsx")
    (draf / lambang.FILE_NAME).write_bytes(lambang.placeholder_png())
    doc = laporan(draf / "kinerja.xlsx", draf, pdf=True, draf=True)
    assert doc.pdf is not None
    print(page(doc.pdf, 1, "dokumen-draf-contoh.png"))
    book = to_pdf(out / EXAMPLE_NAME, out)
    print(page(book, first_page_of(book, "Indikator Kinerja Utama (IKU)"), "cetak-iku.png"))
    print(page(book, first_page_of(book, "Hasil Pengukuran Kinerja"), "cetak-hasil.png"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/gambar"))
