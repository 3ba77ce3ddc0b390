"""Handlers of the ribbon's Administrasi group: the SOPs' papers and the planning round.

Each runs one service on the saved workbook (``live.saved``: the rule "save first"), writes its
papers beside it and what it records into the open workbook (the user saves it): Lembar Disposisi
(sheet Register Surat, added empty the first time), Checklist Dokumen (sheet Checklist Dokumen),
Tanda Terima Dokumen of the active period, Formulir Rencana (folder "Formulir Rencana <tahun>")
and Impor Rencana (the returned planning forms into IKU/IKI and Riwayat, all or nothing). A refusal
reaches the dispatcher, which shows it. Notulen, Program Kerja and Surat Pengantar need dates and
numbers: they are made with their ``kinerja`` commands (docs/administrasi-sop.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from xlwings_app.ribbon import live

if TYPE_CHECKING:
    import xlwings as xw

SIMPAN = "Simpan workbook sekarang (Ctrl+S)."


def _with_pdf(make: Callable[[bool], Any]) -> Any:
    from xlwings_app.services.laporan import PdfUnavailable

    try:
        return make(True)
    except PdfUnavailable:
        return make(False)


def lembar_disposisi(book: xw.Book) -> None:
    """The Lembar Disposisi of every letter of sheet Register Surat (``kinerja disposisi --pdf``)."""
    from xlwings_app.services.disposisi import disposisi

    path, master = live.saved(book)
    hasil = _with_pdf(lambda pdf: disposisi(master, path.parent, pdf=pdf))
    if hasil.sheet_baru:
        live.alert(book, f"Sheet Register Surat ditambahkan: catat surat masuk dan disposisinya, lalu tekan lagi. {SIMPAN}")
        return
    names = [f"- {(k.pdf or k.docx).name}" for k in hasil.kertas]
    live.alert(book, "\n".join([f"Lembar Disposisi dibuat di {path.parent}:", *names]))


def checklist_dokumen(book: xw.Book) -> None:
    """The Checklist Dokumen of the active period; sheet Checklist Dokumen refreshed (``kinerja checklist``)."""
    from xlwings_app.services.checklist import checklist_dokumen as make

    path, master = live.saved(book)
    hasil = _with_pdf(lambda pdf: make(master, out_dir=path.parent, pdf=pdf))
    ada = sum(1 for i in hasil.items if i.status == "ada")
    kertas = hasil.kertas
    live.alert(book, f"Checklist Dokumen: {(kertas.pdf or kertas.docx).name}\n{ada} dari {len(hasil.items)} dokumen "
                     f"ada. Isi kolom Ada dan Berkas / Lokasi di sheet Checklist Dokumen. {SIMPAN}")  # fmt: skip


def tanda_terima_dokumen(book: xw.Book) -> None:
    """The Tanda Terima of the active period's signed Pengukuran Kinerja (``kinerja tanda-terima-dokumen``)."""
    from xlwings_app.services.distribusi import tanda_terima_dokumen as make

    path, master = live.saved(book)
    hasil = _with_pdf(lambda pdf: make(master, out_dir=path.parent, pdf=pdf))
    kertas = hasil.kertas
    live.alert(book, "\n".join([f"Tanda Terima Dokumen (satu baris per pejabat): {(kertas.pdf or kertas.docx).name}",
                                f"{hasil.diterima} dari {hasil.jumlah} pejabat sudah menerima.", *hasil.log,
                                SIMPAN]))  # fmt: skip


def formulir_rencana(book: xw.Book) -> None:
    """One Formulir Rencana Kinerja per penanggung jawab (``kinerja formulir --rencana``)."""
    from xlwings_app.services.formulir_rencana import formulir_rencana as make

    path, master = live.saved(book)
    profil = master.data().profil
    folder = path.parent / f"Formulir Rencana {profil.tahun if profil else ''}".strip()
    made = make(path, folder, timpa=True)
    live.alert(book, f"Formulir Rencana Kinerja: {len(made)} file di {folder}")


def impor_rencana(book: xw.Book) -> None:
    """The returned planning forms into the open workbook, all or nothing (``kinerja rekap --rencana``)."""
    from xlwings_app.services.formulir_rencana import rekap_rencana

    path, master = live.saved(book)
    profil = master.data().profil
    folder = path.parent / f"Formulir Rencana {profil.tahun if profil else ''}".strip()
    hasil = rekap_rencana(master, [folder])
    if not hasil.valid:
        wrong = [str(p) for p in hasil.problems if p.is_error]
        live.alert(book, "\n".join(["Tidak ada yang diubah: perbaiki formulir rencana berikut lalu impor lagi.",
                                    *wrong[:20]]))  # fmt: skip
        return
    merged = hasil.gabung
    changes = len(merged.perubahan) if merged else 0
    live.alert(book, f"Rekap rencana: {changes} perubahan, {len(merged.baru) if merged else 0} indikator baru; "
                     f"tercatat di sheet Riwayat. {SIMPAN}")  # fmt: skip
