"""Handler of the Evaluasi AKIP button: the LKE workbook and the draft of its summary.

It runs the services on the saved workbook (``live.saved_path``): ``kinerja lke buat`` (the LKE
workbook beside it, the answers already typed there kept) and ``kinerja lke dokumen`` (the draft,
with PDF when a converter is there). The final is made with ``kinerja lke dokumen FILE --final``
once the team has answered every criterion. Button (macros/customUI.xml): ``evaluasi_akip``
(see docs/evaluasi-akip.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlwings_app.ribbon import live

if TYPE_CHECKING:
    import xlwings as xw


def evaluasi_akip(book: xw.Book) -> None:
    """Build or update the LKE workbook, then the draft Laporan Evaluasi AKIP Mandiri."""
    from xlwings_app.domain.formatting import angka
    from xlwings_app.services.laporan import PdfUnavailable
    from xlwings_app.services.lke import buat
    from xlwings_app.services.lke_dokumen import dokumen

    path = live.saved_path(book)  # refusals (input errors, no Profil): the dispatcher's message box
    made = buat(path)
    try:
        doc = dokumen(path, made.path, pdf=True)
    except PdfUnavailable:
        doc = dokumen(path, made.path)
    lines = [f"Workbook LKE: {made.path}",
             f"Usulan Kinerja: {len(made.proposals)} kriteria; jawaban tim yang dipertahankan: {made.kept}.",
             f"Nilai sementara {angka(doc.hasil.score.total, desimal=2)}, predikat {doc.hasil.score.predikat.kode}; "
             f"belum dijawab {len(doc.hasil.score.unanswered)} kriteria.",
             f"Draf Laporan Evaluasi AKIP Mandiri: {doc.pdf or doc.docx}",
             f"Isi kolom Jawaban di workbook LKE, lalu klik lagi. Versi final: kinerja lke dokumen {path.name} --final"]  # fmt: skip
    live.alert(book, "\n".join(lines))
