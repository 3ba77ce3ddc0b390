"""The demo step of ``kinerja contoh`` for the SOPs' administrative papers.

Every paper the SOPs name beside the computed documents, made by the same services a user runs:
the register of letters (sheet Register Surat) and their Lembar Disposisi; the Camat's own start of
TW IV step 1 (Catat Waktu Langkah) and the Selesai his disposition of the TW IV Surat Edaran
stamps; the Notulen Rapat typed back with its decisions; the Program Kerja Kegiatan of the TW III
measurement with the plan against the log; the Checklist Dokumen the Tim SAKIP ticked; the Tanda
Terima of the signed TW III Pengukuran Kinerja; the Surat Pengantar to Bappeda as draft and final
(recorded in sheet Surat Keluar); and the planning round on a copy of the workbook (so the documents
already printed keep their codes): the Formulir Rencana Kinerja handed out, two of them returned
(the Kasi Pemberdayaan Masyarakat sets IKU-08's target, the Kasi Pemerintahan raises one and
proposes a new IKI) and recapped into it with Riwayat. Yields one Indonesian line per paper.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from xlwings_app.domain.administrasi.checklist import checklist, kebutuhan_dokumen
from xlwings_app.domain.indicator import Periode
from xlwings_app.samples import administrasi as A
from xlwings_app.services.master import using
from xlwings_app.sheets import checklist_dokumen as C
from xlwings_app.sheets import register_surat as R
from xlwings_app.sheets import tanda_terima_dokumen as T
from xlwings_app.sheets.changes import PutSheet

V = TypeVar("V")


def _with_pdf(make: Callable[[bool], V]) -> V:
    from xlwings_app.adapters.documents.pdf import PdfUnavailable

    try:
        return make(True)
    except PdfUnavailable:
        return make(False)


def _shown(kertas: object) -> str:
    return str(getattr(kertas, "pdf", None) or getattr(kertas, "docx", ""))


def contoh(path: Path, out_dir: Path) -> Iterator[str]:
    """Make every administrative paper of the example workbook at ``path`` into ``out_dir``."""
    from xlwings_app.services.checklist import checklist_dokumen
    from xlwings_app.services.disposisi import disposisi
    from xlwings_app.services.distribusi import HasilPengantar, surat_pengantar, tanda_terima_dokumen
    from xlwings_app.services.notulen import notulen
    from xlwings_app.services.program_kerja import program_kerja
    from xlwings_app.services.sop import catat_waktu
    from xlwings_app.services.sop_master import every_sop

    with using(path) as master:
        master.stage(PutSheet(R.register_values(A.REGISTER)))
        sops = [d.sop for d in every_sop(master) if d.sop is not None]
        master.stage(PutSheet(C.checklist_values(checklist(kebutuhan_dokumen(sops), A.CHECKLIST))))
        master.commit()
    with using(path) as master:
        entry = next(e for e in master.sop().entries if e.periode == "TW4" and e.langkah == 1)
        assert entry.baris is not None
        catat_waktu(master, entry.baris, A.CAMAT_MULAI_TW4)
    yield f"Sheet {R.SHEET}: {len(A.REGISTER)} baris (3 surat); sheet {C.SHEET} dicentang Tim SAKIP."
    hasil = _with_pdf(lambda pdf: disposisi(path, out_dir, pdf=pdf))
    yield f"Lembar Disposisi: {len(hasil.kertas)} surat di {out_dir}"
    hasil = _with_pdf(lambda pdf: disposisi(path, out_dir, nomor=A.SE_TW4, pdf=pdf, periode="TW4"))
    yield from (f"  {line}" for line in hasil.log)
    kertas, _ = _with_pdf(lambda pdf: notulen(path, A.RAPAT, A.RUANG_RAPAT, A.RAPAT_JAM, keputusan=A.KEPUTUSAN,
                                              out_dir=out_dir, pdf=pdf))  # fmt: skip
    yield f"Notulen Rapat Tim SAKIP: {_shown(kertas)}"
    program = _with_pdf(lambda pdf: program_kerja(path, A.PROGRAM_MULAI, sop="Pengukuran", periode="TW3",
                                                  out_dir=out_dir, pdf=pdf))  # fmt: skip
    batas = program.program.batas
    selesai = f"{program.program.selesai:%d-%m-%Y %H.%M}"
    yield (f"Program Kerja Kegiatan TW3: {_shown(program.kertas)} (selesai rencana {selesai}; "
           f"{batas.uraian() if batas else 'tanpa batas waktu'})")  # fmt: skip
    daftar = _with_pdf(lambda pdf: checklist_dokumen(path, "TW3", out_dir, pdf))
    ada = sum(1 for i in daftar.items if i.status == "ada")
    yield f"Checklist Dokumen: {_shown(daftar.kertas)} ({ada} dari {len(daftar.items)} dokumen ada)"
    terima = _with_pdf(lambda pdf: tanda_terima_dokumen(path, Periode.TW3, out_dir=out_dir, pdf=pdf))
    yield f"Tanda Terima Dokumen Pengukuran Kinerja TW3: {_shown(terima.kertas)} ({terima.jumlah} pejabat)"
    with using(path) as master:  # the signed receipts come back: the dates are typed into the sheet
        rows, _ = T.read_terima(master.rows(T.SHEET))
        master.stage(PutSheet(T.terima_values([], [replace(r, diterima=A.DITERIMA_PEJABAT[n % len(A.DITERIMA_PEJABAT)])
                                                   for n, r in enumerate(rows)])))
        master.commit()
    terima = _with_pdf(lambda pdf: tanda_terima_dokumen(path, Periode.TW3, out_dir=out_dir, pdf=pdf))
    yield f"  Tanggal Diterima diketik kembali: {terima.diterima} dari {terima.jumlah} pejabat menerima."
    yield from (f"  {line}" for line in terima.log)
    for draf in (True, False):

        def send(pdf: bool, draf: bool = draf) -> HasilPengantar:
            return surat_pengantar(path, A.PENGANTAR_NOMOR, A.PENGANTAR_TANGGAL, Periode.TW3,
                                   dikirim=None if draf else A.DIKIRIM, diterima=None if draf else A.DITERIMA,
                                   penerima="" if draf else A.PENERIMA, draf=draf, out_dir=out_dir, pdf=pdf)  # fmt: skip

        surat = _with_pdf(send)
        yield f"Surat Pengantar ke Bappeda ({'draf' if draf else 'final'}): {_shown(surat.kertas)}"
        yield from (f"  {line}" for line in surat.log)
    yield from rencana_contoh(path, out_dir / "rencana")


def rencana_contoh(path: Path, out_dir: Path) -> Iterator[str]:
    """The planning round of the example, on a copy of ``path`` in ``out_dir`` (see the module docstring)."""
    import shutil

    from xlwings_app.services.formulir_rencana import formulir_rencana, rekap_rencana

    out_dir.mkdir(parents=True, exist_ok=True)
    copy = out_dir / f"{path.stem} (putaran rencana).xlsx"
    shutil.copyfile(path, copy)
    folder = out_dir / "Formulir Rencana"
    made = formulir_rencana(copy, folder, timpa=True)
    yield f"Formulir Rencana Kinerja: {len(made)} file (satu per penanggung jawab) di {folder}"
    from xlwings_app.adapters.openpyxl.rencana_fill import fill_planning_form

    for name, values, new in A.RENCANA_KEMBALI:
        fill_planning_form(folder / name, values, new)
    hasil = rekap_rencana(copy, [folder])
    if not hasil.valid:
        raise RuntimeError("; ".join(str(p) for p in hasil.problems if p.is_error))
    merged = hasil.gabung
    assert merged is not None
    yield (f"Rekap Formulir Rencana ke {copy.name}: {len(merged.perubahan)} perubahan (sheet Riwayat), indikator baru "
           f"{', '.join(merged.baru) or '-'}")  # fmt: skip
