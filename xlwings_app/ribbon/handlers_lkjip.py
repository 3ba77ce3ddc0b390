"""Handler of the ribbon's LKjIP button: the year's Laporan Kinerja (``kinerja lkjip``, docs/lkjip.md).

It runs on the saved workbook (``live.saved_path``: the rule "save first") and puts the document
(.docx, and PDF when a converter is there) beside it: the draft while sheet Narasi LKjIP still lacks a
required piece (the message counts them and names the sheet), else the final. A refusal (input
errors, an unmet IKU without Permasalahan/Rencana Aksi for the final) reaches the dispatcher, which
shows it. Button (macros/customUI.xml): ``lkjip``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlwings_app.ribbon import live

if TYPE_CHECKING:
    import xlwings as xw


def lkjip(book: xw.Book) -> None:
    """The draft LKjIP (``kinerja lkjip --pdf``), or the final once every required piece is written."""
    from xlwings_app.services.laporan import PdfUnavailable
    from xlwings_app.services.lkjip import lkjip as make

    path = live.saved_path(book)
    no_pdf = None
    try:
        doc = make(path, pdf=True)
    except PdfUnavailable as exc:
        doc, no_pdf = make(path), exc.pesan
    belum = len(doc.draft.placeholders)
    if belum == 0 and not doc.draft.missing:
        doc = make(path, final=True, pdf=no_pdf is None)
        lines = [f"LKjIP {doc.draft.tahun} final dibuat di {path.parent}:", (doc.pdf or doc.docx).name]
    else:
        lines = [f"LKjIP {doc.draft.tahun} (draf) dibuat di {path.parent}:", (doc.pdf or doc.docx).name,
                 f"{belum} isian bertanda [Belum ditulis] harus ditulis di sheet Narasi LKjIP sebelum LKjIP final."]
    lines += [f"Peringatan: {p.pesan}" for p in doc.peringatan if "belum ditulis" not in p.pesan][:8]
    if no_pdf:
        lines.append(f"PDF tidak dibuat: {no_pdf}")
    live.alert(book, "\n".join(lines))
