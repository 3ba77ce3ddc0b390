"""Regenerate the LKjIP page images under docs/lkjip/ from the demo's LKjIP (``services.contoh_lkjip``).

Writes, each page rendered by LibreOffice and poppler at 70 dpi:
- lkjip-sampul.png, lkjip-ikhtisar.png: the final's cover and Ikhtisar Eksekutif;
- lkjip-bab3.png: BAB III's first page (the table of every IKU and the chart of the series);
- lkjip-sasaran.png: the page after it (one sasaran's tables: the years compared, Renstra progress);
- lkjip-anggaran.png: the page of B. Realisasi Anggaran;
- lkjip-draf-bab1.png: BAB I of the draft, every piece the Sekretaris must write marked.

Usage: .venv/bin/python docs/gambar_lkjip.py
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

DOCS = Path(__file__).parent / "lkjip"
DPI = "70"


def page(pdf: Path, number: int, name: str) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", DPI, "-f", str(number), "-l", str(number), "-singlefile",
                    str(pdf), str(DOCS / name)], check=True)


def first_page_of(pdf: Path, text: str) -> int:
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    return next(n for n, content in enumerate(pages, start=1) if text in content)


def main() -> None:
    from xlwings_app.services.contoh_lkjip import contoh

    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for line in contoh(folder):
            print(line)
        final, draf = folder / "LKjIP_2024.pdf", folder / "LKjIP_2024_DRAF.pdf"
        page(final, 1, "lkjip-sampul")
        page(final, 2, "lkjip-ikhtisar")
        bab3 = first_page_of(final, "AKUNTABILITAS KINERJA")
        page(final, bab3, "lkjip-bab3")
        page(final, bab3 + 1, "lkjip-sasaran")
        page(final, first_page_of(final, "B. Realisasi Anggaran"), "lkjip-anggaran")
        page(draf, first_page_of(draf, "PENDAHULUAN"), "lkjip-draf-bab1")


if __name__ == "__main__":
    main()
