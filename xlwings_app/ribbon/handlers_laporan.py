"""Handlers of the ribbon's Laporan group: Dokumen Pengukuran, PDF, Dokumen IKI, Arsipkan.

They call the file services ``kinerja laporan`` and ``kinerja arsip`` call, on the saved file
(``live.saved_path``: the rule "save first"), for the active period of sheet Pengaturan, and put
their output beside the workbook. Arsipkan records the seal in the open workbook, since Excel
keeps the file locked: the user saves it afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlwings_app.ribbon import live

if TYPE_CHECKING:
    import xlwings as xw


def _dokumen(book: xw.Book, pdf: bool) -> None:
    from xlwings_app.services.laporan import laporan

    path = live.saved_path(book)
    hasil = laporan(path, pdf=pdf, log=False)  # the saved file; the open workbook holds its log
    lines = [f"Dokumen Pengukuran Kinerja {hasil.periode.label} dibuat:", str(hasil.docx)]
    if hasil.pdf:
        lines.append(f"PDF: {hasil.pdf}")
    lines.append(f"Kode verifikasi: {hasil.kode_verifikasi}")
    lines += [f"Peringatan: {w.pesan}" for w in hasil.peringatan]
    live.alert(book, "\n".join(lines))


def dokumen_pengukuran(book: xw.Book) -> None:
    """The period's document as .docx beside the workbook (``kinerja laporan``)."""
    _dokumen(book, pdf=False)


def dokumen_pdf(book: xw.Book) -> None:
    """The document as .docx and PDF (``kinerja laporan --pdf``)."""
    _dokumen(book, pdf=True)


def dokumen_iki(book: xw.Book) -> None:
    """One IKI document per official, beside the workbook (``kinerja laporan-iki``)."""
    from xlwings_app.services.laporan_iki import laporan_iki

    path = live.saved_path(book)
    dokumen = laporan_iki(path)
    lines = [f"Dokumen Pengukuran Kinerja Individu dibuat: {len(dokumen)} dokumen di {path.parent}"]
    lines += [f"- {d.pejabat}: {d.docx.name}" for d in dokumen]
    live.alert(book, "\n".join(lines))


def arsipkan(book: xw.Book) -> None:
    """Seal the active period (``kinerja arsip``); the seal row goes into the open workbook."""
    from xlwings_app.services.arsip import arsip

    path, master = live.saved(book)
    periode = master.data().settings.periode_aktif
    hasil = arsip(path, periode, segel=master)
    from xlwings_app.domain.cetak import dated

    lines = [f"Periode {periode.label} disegel: dokumen yang ditandatangani ({dated(hasil.cetak)}).", f"Arsip: {hasil.zip}",
             f"Kode verifikasi: {hasil.record.kode_verifikasi}", *hasil.catatan,
             "Segel dicatat di sheet Segel: simpan workbook sekarang (Ctrl+S)."]  # fmt: skip
    live.alert(book, "\n".join(lines))
