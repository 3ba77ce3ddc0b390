"""Handlers for the Pengumpulan Data SOP's papers: Tanda Terima, Laporan Pengumpulan (draf, final).

They run the services on the saved workbook (``live.saved_path``) for the active period, with the
forms folder Ekspor Formulir writes ("Formulir <periode>" beside the workbook). The SOP step the
report performs is stamped into the open workbook's Log Langkah (the user saves it), as Ekspor and
Impor Formulir do. Buttons (macros/customUI.xml): ``tanda_terima``,
``laporan_pengumpulan_draf``, ``laporan_pengumpulan_final`` (see docs/pengumpulan-data.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlwings_app.ribbon import live

if TYPE_CHECKING:
    import xlwings as xw


def tanda_terima(book: xw.Book) -> None:
    """Print-ready Tanda Terima of the forms in "Formulir <periode>" (``kinerja tanda-terima --timpa``)."""
    from xlwings_app.services.tanda_terima import tanda_terima as make

    path, master = live.saved(book)
    periode = master.data().settings.periode_aktif
    target, _ = make(path, path.parent / f"Formulir {periode.value}", periode, overwrite=True)  # refusals: the dispatcher
    live.alert(book, f"Tanda terima formulir {periode.value} (cetak A4, ditandatangani penerima):\n{target}")


def _laporan(book: xw.Book, final: bool) -> None:
    from xlwings_app.services.laporan import PdfUnavailable
    from xlwings_app.services.laporan_pengumpulan import laporan_pengumpulan
    from xlwings_app.sheets.layout import SHEET_LOG

    path, master = live.saved(book)  # the inputs on screen are the saved ones
    periode = master.data().settings.periode_aktif
    folder = path.parent / f"Formulir {periode.value}"
    try:  # a refusal (forms not imported yet, input errors) is the ribbon's message box
        hasil = laporan_pengumpulan(master, [folder], periode, final, pdf=True)
    except PdfUnavailable:  # a fresh master: nothing staged by the attempt carries over
        hasil = laporan_pengumpulan(live.master(book), [folder], periode, final)
    h = hasil.hasil
    logged = [p.pesan for p in hasil.peringatan if p.sheet == SHEET_LOG]
    lines = [f"Laporan Hasil Pengumpulan Data Kinerja {periode.value} ({'final' if final else 'draf'}):",
             str(hasil.pdf or hasil.docx),
             f"{len(h.diterima)} formulir masuk, {len(h.belum_masuk)} belum masuk, {len(h.perubahan)} perubahan, "
             f"{len(h.kosong)} realisasi kosong.",
             *logged, *(["Simpan workbook sekarang (Ctrl+S)."] if logged else [])]  # fmt: skip
    live.alert(book, "\n".join(lines))


def laporan_pengumpulan_draf(book: xw.Book) -> None:
    """The draft for the Sekretaris (``kinerja laporan-pengumpulan``)."""
    _laporan(book, final=False)


def laporan_pengumpulan_final(book: xw.Book) -> None:
    """The final for the Camat, with the Lembar Disposisi (``kinerja laporan-pengumpulan --final``)."""
    _laporan(book, final=True)
