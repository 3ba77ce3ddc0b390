"""The demo step of ``kinerja contoh``: the example unit's AKIP self-evaluation, end to end.

The triwulan reported so far are signed (a final ``kinerja laporan``) and sealed (``kinerja arsip``: the sealed archives are the bukti
dukung), the LKE workbook is built with Kinerja's proposals, the Tim SAKIP answers the rest,
confirms one and overrides three proposals with a note, fills the register of recommendations and the Rencana Aksi
followed up (``samples.example_lke``), the workbook is built again (answers kept, the register's
share now proposes 4.c.1 and 4.c.2), then the summary as draft and final and the evaluators' export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import Periode
from xlwings_app.samples import example_lke

SIGNED = {Periode.TW1: dt.date(2024, 4, 10), Periode.TW2: dt.date(2024, 7, 10), Periode.TW3: dt.date(2024, 10, 10)}
"""The dates the demo's triwulan documents are signed (the tenth day after each triwulan)."""


def contoh(path: Path, out_dir: Path) -> Iterator[str]:
    """Seal TW1-TW3 of the example master at ``path``, then make its LKE and documents in ``out_dir``."""
    from xlwings_app.adapters.documents.pdf import PdfUnavailable
    from xlwings_app.adapters.openpyxl.lke import fill_lke
    from xlwings_app.services.arsip import arsip
    from xlwings_app.services.laporan import laporan
    from xlwings_app.services.lke import buat, ekspor, hitung, lke_path
    from xlwings_app.services.lke_dokumen import dokumen
    from xlwings_app.services.master import using

    out_dir.mkdir(parents=True, exist_ok=True)
    with using(path) as master:
        sealed = {s.periode for s in master.data().segel}
    signed = out_dir / "dokumen"  # each triwulan's final document as signed, then sealed from it
    for periode, tanggal in SIGNED.items():
        if periode not in sealed:
            try:
                laporan(path, signed, periode, pdf=True, tanggal=tanggal, log=False)
            except PdfUnavailable:
                laporan(path, signed, periode, pdf=False, tanggal=tanggal, log=False)
            done = arsip(path, periode, out_dir / "arsip", dokumen=signed)
            yield f"Arsip {periode.value} disegel: {done.zip.name} (kode verifikasi {done.record.kode_verifikasi})"
    with using(path) as master:
        tahun = master.data().profil.tahun  # type: ignore[union-attr]  # the example has its Profil
    target = out_dir / lke_path(path, tahun).name  # "LKE 2024 - <master>.xlsx", as kinerja lke buat names it
    target.unlink(missing_ok=True)  # the demo starts afresh: the team's answers are typed once
    first = buat(path, keluar=target)
    yield f"LKE dibuat: {first.path} ({len(first.proposals)} usulan Kinerja dari data unit)"
    fill_lke(target, example_lke.JAWABAN, example_lke.CATATAN, example_lke.REKOMENDASI, example_lke.DILAKSANAKAN)
    again = buat(path, keluar=target)
    hasil = hitung(target)
    yield (f"LKE diisi Tim SAKIP dan dibuat ulang: {again.kept} jawaban tetap, {len(again.proposals)} usulan; "
           f"nilai {angka(hasil.score.total, desimal=2)}, predikat {hasil.score.predikat.kode} "
           f"({hasil.score.predikat.interpretasi}).")  # fmt: skip
    for final in (False, True):
        try:
            doc = dokumen(path, target, final, out_dir, pdf=True)
        except PdfUnavailable:
            doc = dokumen(path, target, final, out_dir, pdf=False)
        yield (f"Laporan Evaluasi AKIP Mandiri ({'final' if final else 'draf'}): {doc.pdf or doc.docx} "
               f"({len(doc.bukti)} bukti dukung, kode verifikasi {doc.kode_verifikasi})")  # fmt: skip
    yield f"Ekspor evaluator: {ekspor(target)}"
