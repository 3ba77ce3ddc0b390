"""Regenerate the page images of the SOPs' administrative papers under docs/administrasi/.

Builds the example workbook (its SOPs, the TW4 rows of Log Langkah opened, as ``kinerja contoh``
has it), runs the demo step of the papers (``services.contoh_administrasi``) and renders the first
page of each paper at 60 dpi (LibreOffice, then poppler):
lembar-disposisi, notulen-rapat, program-kerja (and its page 2: the plan against the log),
checklist-dokumen, tanda-terima-dokumen, surat-pengantar.

Usage: .venv/bin/python docs/gambar_administrasi.py [WORK_DIR]   (WORK_DIR defaults to out/gambar-administrasi)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).parent / "administrasi"
DPI = "60"
PAGES = (
    ("Lembar_Disposisi_050-1234-427.50-2024.pdf", 1, "lembar-disposisi"),
    ("Notulen_Rapat_2024-10-01.pdf", 1, "notulen-rapat"),
    ("Program_Kerja_Pengukuran_Kinerja_TW3.pdf", 1, "program-kerja"),
    ("Program_Kerja_Pengukuran_Kinerja_TW3.pdf", 2, "program-kerja-2"),
    ("Checklist_Dokumen_2024_TW3.pdf", 1, "checklist-dokumen"),
    ("Tanda_Terima_Pengukuran_Kinerja_2024_TW3.pdf", 1, "tanda-terima-dokumen"),
    ("Surat_Pengantar_2024_TW3.pdf", 1, "surat-pengantar"),
)


def main(work: Path) -> None:
    from xlwings_app.adapters.openpyxl.builder import build_workbook
    from xlwings_app.samples import example
    from xlwings_app.services.contoh import sop_contoh
    from xlwings_app.services.contoh_administrasi import contoh
    from xlwings_app.services.sop import mulai
    from xlwings_app.services.workbook import create

    work.mkdir(parents=True, exist_ok=True)
    path = work / "kinerja-kecamatan-lumajang-2024.xlsx"
    create(path, build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=10,
                                pejabat=example.PEJABAT), overwrite=True)  # fmt: skip
    list(sop_contoh(path))
    mulai(path, "TW4")
    out = work / "administrasi"
    for line in contoh(path, out):
        print(line)
    DOCS.mkdir(exist_ok=True)
    for pdf, number, name in PAGES:
        subprocess.run(["pdftoppm", "-png", "-r", DPI, "-f", str(number), "-l", str(number), "-singlefile",
                        str(out / pdf), str(DOCS / name)], check=True)  # fmt: skip
        print(DOCS / f"{name}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out/gambar-administrasi"))
