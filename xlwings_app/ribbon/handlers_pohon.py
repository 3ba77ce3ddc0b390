"""Handlers for the Tim SAKIP's papers of the performance tree: Kertas Kerja and Rekapitulasi.

They run the services on the saved workbook (``live.saved``) for the active period, as drafts for the
correction round (the final is ``kinerja pohon kertas-kerja`` / ``rekapitulasi`` without ``--draf``,
once the Sekretaris agreed), and stamp the SOP's steps 4–6 into the open workbook's log (the user
saves it). Buttons (macros/customUI.xml): ``kertas_kerja``, ``rekapitulasi_pohon`` (docs/pohon-kinerja.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlwings_app.ribbon import live

if TYPE_CHECKING:
    import xlwings as xw


def _paper(book: xw.Book, rekap: bool) -> None:
    from xlwings_app.services.laporan import PdfUnavailable
    from xlwings_app.services.pohon import kertas_kerja as make_kertas_kerja
    from xlwings_app.services.pohon import rekapitulasi as make_rekapitulasi

    make = make_rekapitulasi if rekap else make_kertas_kerja
    path, master = live.saved(book)  # the inputs on screen are the saved ones
    try:  # a refusal (input errors, the tree's rules) is the ribbon's message box
        hasil = make(master, path.parent, pdf=True, draf=True)
    except PdfUnavailable:  # a fresh master: nothing staged by the attempt carries over
        hasil = make(live.master(book), path.parent, draf=True)
    logged = [p.pesan for p in hasil.catatan if p.pesan.startswith("Log")]
    title = "Rekapitulasi Hasil Pengukuran Kinerja" if rekap else "Kertas Kerja Pengukuran Kinerja"
    lines = [f"{title} {hasil.periode.value} (draf):", str(hasil.pdf or hasil.docx),
             *logged, *(["Simpan workbook sekarang (Ctrl+S)."] if logged else [])]  # fmt: skip
    live.alert(book, "\n".join(lines))


def kertas_kerja(book: xw.Book) -> None:
    """The Kertas Kerja Pengukuran Kinerja, draft (``kinerja pohon kertas-kerja --draf``)."""
    _paper(book, rekap=False)


def rekapitulasi_pohon(book: xw.Book) -> None:
    """The Rekapitulasi Hasil Pengukuran Kinerja per level, draft (``kinerja pohon rekapitulasi --draf``)."""
    _paper(book, rekap=True)
