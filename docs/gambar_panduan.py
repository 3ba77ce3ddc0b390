"""Regenerate the pictures of the office guide (docs/panduan-kantor.md) from the demo, so they cannot drift.

Everything comes from ``kinerja contoh`` (the Kecamatan Lumajang example): the workbook and the
forms rendered by LibreOffice, the documents as Kinerja makes them, each page by poppler at 60 dpi,
into docs/panduan-kantor/ (the bundle carries that folder beside panduan-kantor.md):

- lembar-iku.png: the first printed page of sheet IKU (yellow cells typed, grey computed);
- periksa-data.png: the same page after the ribbon's Periksa Data on a workbook with two mistakes
  (played through xlwings' remote engine, as tests/addin does; the problem cells orange);
- lembar-hasil.png, lembar-rekap.png: sheets Hasil and Rekap as Hitung Capaian writes them;
- hasil-sop.png: sheet Hasil SOP of Periksa Waktu SOP;
- formulir.png, tanda-terima.png: a Kasi's form of Ekspor Formulir and its receipt;
- dokumen-pengukuran.png, rencana-kinerja.png, perjanjian-kinerja.png, dokumen-iki.png,
  laporan-pengumpulan.png: page 1 of each document.

Usage: .venv/bin/python docs/gambar_panduan.py [OUT_DIR]   (OUT_DIR defaults to out/gambar-panduan;
also run by ``make gambar``)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).parent
PICTURES = DOCS / "panduan-kantor"
DPI = "60"


def page(pdf: Path, number: int, name: str, height: int | None = None) -> Path:
    """Page ``number`` of ``pdf`` as docs/panduan-kantor/``name``; ``height``: only the top that many
    pixels (a sheet that fills the upper part of its page)."""
    target = PICTURES / name
    crop = ["-x", "0", "-y", "0", "-W", "2000", "-H", str(height)] if height else []
    subprocess.run(["pdftoppm", "-png", "-r", DPI, "-f", str(number), "-l", str(number), *crop, "-singlefile",
                    str(pdf), str(target.with_suffix(""))], check=True)  # fmt: skip
    return target


def to_pdf(path: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
                   check=True, capture_output=True)  # fmt: skip
    return out / (path.stem + ".pdf")


def first_page_of(pdf: Path, title: str) -> int:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return next(n for n, p in enumerate(text.split("\f"), start=1) if p.lstrip().startswith(title))


def periksa_data(workbook: Path, out: Path) -> Path:
    """The example with an empty Indikator and a text realisasi, after the ribbon's Periksa Data."""
    import os

    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine (PolyForm NC)
    import xlwings as xw
    from openpyxl import load_workbook

    from tests.addin import remote_book
    from tests.conftest import cell_of
    from xlwings_app.domain.indicator import Jenis
    from xlwings_app.ribbon import entry

    target = out / "periksa" / workbook.name
    target.parent.mkdir(parents=True)
    shutil.copy(workbook, target)
    wb = load_workbook(target)
    wb["IKU"][cell_of(target, Jenis.IKU, "IKU-02", "nama")] = None
    wb["IKU"][cell_of(target, Jenis.IKU, "IKU-04", "r2")] = "delapan puluh"
    book = xw.Book(json=remote_book.payload(wb, name=str(target)))
    entry.dispatch("periksa_data", book)
    alerts = remote_book.apply(book.json()["actions"], wb)
    print(alerts[0].splitlines()[0])
    wb.save(target)
    return to_pdf(target, target.parent)


def main(out: Path) -> None:
    from xlwings_app.services.contoh import EXAMPLE_NAME, contoh

    shutil.rmtree(out, ignore_errors=True)
    for line in contoh(out):
        print(line)
    PICTURES.mkdir(exist_ok=True)
    book = to_pdf(out / EXAMPLE_NAME, out / "pdf")
    print(page(book, first_page_of(book, "Indikator Kinerja Utama (IKU)"), "lembar-iku.png", 315))
    print(page(book, first_page_of(book, "Hasil Pengukuran Kinerja"), "lembar-hasil.png"))
    print(page(book, first_page_of(book, "Rekapitulasi Capaian Kinerja"), "lembar-rekap.png", 275))
    print(page(book, first_page_of(book, "Hasil Pemeriksaan Waktu SOP"), "hasil-sop.png"))
    checked = periksa_data(out / EXAMPLE_NAME, out)
    print(page(checked, first_page_of(checked, "Indikator Kinerja Utama (IKU)"), "periksa-data.png", 315))
    form = to_pdf(out / "formulir" / "Formulir TW4 - Kasi Pelayanan Umum.xlsx", out / "pdf")
    print(page(form, 1, "formulir.png", 185))
    receipt = to_pdf(out / "formulir" / "Tanda Terima Formulir TW4.xlsx", out / "pdf")
    print(page(receipt, 1, "tanda-terima.png", 340))
    documents = out / "dokumen"
    print(page(documents / "Pengukuran_Kinerja_2024_TW3.pdf", 1, "dokumen-pengukuran.png"))
    print(page(documents / "Rencana_Kinerja_2024.pdf", 1, "rencana-kinerja.png"))
    print(page(documents / "Perjanjian_Kinerja_2024.pdf", 1, "perjanjian-kinerja.png"))
    iki = sorted((documents / "individu").glob("*.docx"))[0]
    print(page(to_pdf(iki, out / "pdf"), 1, "dokumen-iki.png"))
    print(page(out / "pengumpulan" / "Laporan_Pengumpulan_Data_2024_TW4_Draf.pdf", 1, "laporan-pengumpulan.png"))


if __name__ == "__main__":
    sys.path.insert(0, str(DOCS.parent))  # tests.addin.remote_book, for Periksa Data
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/gambar-panduan"))
