"""Service: ``laporan_pengumpulan``: the Laporan Hasil Pengumpulan Data Kinerja of a period.

Rules (SOP Pengumpulan Data Kinerja, steps 9-11):
- made from the last rekap: the forms of the folder are read and checked again as ``rekap`` does
  (nothing is written to the master), so the list of forms and who is missing is what the rekap
  saw: a form only handed out (blank, ``forms.kembali``) is not "masuk"; forms holding values the
  master does not have yet are refused: run ``kinerja rekap`` first;
- the changes are the rows of sheet Riwayat that came from this period's forms;
- the blank indicators are the master's indicators whose realisasi of the period is empty;
- the draft (default) goes from the Tim SAKIP (Profil's pengelola) to the Sekretaris; ``final``
  goes from the Sekretaris to the Camat (Profil's penandatangan) with the Lembar Disposisi page;
- refused (``LaporanDitolak``) while the master has input errors or a form has an error, or when
  the output folder cannot take the document (checked before anything is made); the .docx and its
  PDF are written whole, replacing earlier ones together (``adapters.documents.atomic``);
- the document's making is stamped into Log Langkah (steps 9 or 10) when the workbook's SOP has it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.adapters.documents.docx import render_bytes
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.adapters.documents.pdf import write_document
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.organisasi import atasan_langsung
from xlwings_app.domain.problems import Problem, errors
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.verification import verification_code
from xlwings_app.forms.consolidate import master_value
from xlwings_app.forms.pengumpulan import masuk
from xlwings_app.forms.spec import realisasi_key
from xlwings_app.report.context import Dokumen
from xlwings_app.report.pengumpulan import (
    Diterima,
    HasilPengumpulan,
    Kosong,
    Nota,
    Penanda,
    Perubahan,
    build_pengumpulan_context,
)
from xlwings_app.resources import resource_dir
from xlwings_app.services.laporan import LaporanDitolak, lambang_of, stamp_log
from xlwings_app.services.master import Master, using
from xlwings_app.services.rekap import collect, form_key, periksa_rekap
from xlwings_app.sheets.riwayat import SHEET_RIWAYAT, read_riwayat_rows

TEMPLATE = "laporan_pengumpulan_data.docx"
UNSIGNED = "...................................."


@dataclass(frozen=True)
class LaporanPengumpulan:
    """The document written, what it reports, and notes for the user."""

    docx: Path
    pdf: Path | None
    periode: Periode
    final: bool
    hasil: HasilPengumpulan
    peringatan: list[Problem] = field(default_factory=list)


def default_template() -> Path:
    return resource_dir("report_templates") / TEMPLATE


def file_name(profil: Profil, periode: Periode, final: bool) -> str:
    """ "Laporan_Pengumpulan_Data_2024_TW4_Draf" (no extension)."""
    return f"Laporan_Pengumpulan_Data_{profil.tahun}_{periode.value}_{'Final' if final else 'Draf'}"


def sekretaris(profil: Profil) -> Pejabat:
    """The Sekretaris of the unit from sheet Pejabat (the first jabatan starting "Sekretaris"),
    else a blank signature line under "Sekretaris <unit>"."""
    for official in profil.pejabat:
        if official.jabatan.casefold().startswith("sekretaris"):
            return _signable(official)
    return Pejabat(jabatan=f"Sekretaris {profil.unit}".strip(), nama=UNSIGNED)


def _signable(official: Pejabat) -> Pejabat:
    """An official without a name in sheet Pejabat signs on a dotted line."""
    return official if official.nama.strip() else replace(official, nama=UNSIGNED)


def penanda(profil: Profil, final: bool) -> Penanda:
    """Draft: Tim SAKIP (the pengelola) → the pengelola's direct superior (``domain.organisasi``: a
    Kasubag's Sekretaris, or column Atasan of sheet Pejabat). Final: Sekretaris → the head of the unit."""
    if final:
        return Penanda(True, sekretaris(profil), _signable(profil.penandatangan))
    tim = profil.pengelola
    atasan = atasan_langsung(profil, tim.jabatan) if tim.jabatan.strip() else None
    return Penanda(False, Pejabat(f"Ketua Tim SAKIP ({tim.jabatan})" if tim.jabatan else "Ketua Tim SAKIP",
                                  tim.nama or UNSIGNED, tim.pangkat, tim.nip),
                   _signable(atasan) if atasan else sekretaris(profil))  # fmt: skip


def gather(master: Master, sources: Sequence[Path], periode: Periode) -> tuple[HasilPengumpulan, list[Problem]]:
    """What the report says, from the master, its Riwayat and the forms (read only)."""
    data, path = master.data(), master.path
    forms, problems = collect(path, sources)
    checked = periksa_rekap(data, forms, problems, periode, form_key(master))
    if not checked.valid:
        raise LaporanDitolak("Laporan tidak dibuat: formulir bermasalah (periksa dengan kinerja rekap).",
                             errors(checked.problems))  # fmt: skip
    if checked.perubahan:
        raise LaporanDitolak(
            f"Laporan tidak dibuat: {len(checked.perubahan)} isian formulir belum masuk ke workbook induk. "
            f"Jalankan dulu: kinerja rekap {path.name} FOLDER --periode {periode.value}"
        )
    rows = master.rows(SHEET_RIWAYAT) if SHEET_RIWAYAT in master.sheet_names() else []
    riwayat, notes = read_riwayat_rows(rows, master.name)
    files = {f.file for f in forms}
    prefix = f"Formulir {periode.value} "
    changes = [
        Perubahan(e.waktu, e.kode, e.kolom, e.lama, e.baru, e.sumber)
        for e in riwayat if e.sumber in files or e.sumber.startswith(prefix)
    ]  # fmt: skip
    k = checked.konsolidasi
    by_pj: dict[str, list[str]] = {}
    for ind in data.indicators:
        if ind.penanggung_jawab:
            by_pj.setdefault(ind.penanggung_jawab, []).append(ind.kode)
    key = realisasi_key(periode)
    hasil = HasilPengumpulan(
        periode=periode,
        diterima=[Diterima(m.penanggung_jawab, m.file, m.status, m.diubah, m.indikator) for m in map(masuk, k.kembali)],
        belum_masuk=[(pj, by_pj.get(pj, [])) for pj in k.tanpa_formulir],
        perubahan=changes,
        kosong=[Kosong(i.kode, i.nama, i.penanggung_jawab) for i in data.indicators if master_value(i, key) is None],
        jumlah_indikator=len(data.indicators),
    )
    return hasil, [*notes, *(p for p in checked.problems if not p.is_error and p.file)]


def laporan_pengumpulan(
    source: Path | Master,
    sources: Sequence[Path],
    periode: Periode | None = None,
    final: bool = False,
    out_dir: Path | None = None,
    pdf: bool = False,
    tanggal: dt.date | None = None,
    log: bool = True,
    lambang: Path | None = None,
    nota: Nota | None = None,
) -> LaporanPengumpulan:
    """Render the period's Laporan Hasil Pengumpulan Data Kinerja (draft, or ``final``) beside the master.

    Dated on ``tanggal``, else the day it is made: a working paper of the period's collection, not
    the signed Pengukuran Kinerja (whose date is the Profil's Tanggal Penandatanganan). The kop
    carries the lambang daerah when the Profil names one. ``source`` is the master file, or the
    open workbook (the ribbon), whose Log Langkah then gets the step.
    """
    from xlwings_app.services.formulir import chosen_periode

    mulai = dt.datetime.now()
    with using(source) as master:
        data = master.data()
        if data.errors:
            raise LaporanDitolak(f"Laporan tidak dibuat: {len(data.errors)} masalah pada data harus diperbaiki dulu.",
                                 data.errors)  # fmt: skip
        if data.profil is None:
            raise LaporanDitolak("Laporan tidak dibuat: sheet Profil belum lengkap.")
        folder = out_dir or master.path.parent
        if why := output_folder_problem(folder):
            raise LaporanDitolak(f"Laporan tidak dibuat: {why}")
        chosen = chosen_periode(data, periode)
        hasil, notes = gather(master, sources, chosen)
        profil = data.profil
        image, image_notes = lambang_of(data, master.path, lambang, final=final)
        now = dt.datetime.now().astimezone()
        notes = [*image_notes, *notes]
        kode = verification_code(profil, chosen, data.indicators, data.settings)
        dokumen = Dokumen(chosen, kode, tanggal or now.date(), now)
        context = build_pengumpulan_context(profil, hasil, penanda(profil, final), dokumen, nota or Nota())
        docx = folder / f"{file_name(profil, chosen, final)}.docx"
        pdf_path = write_document(docx, render_bytes(default_template(), context, lambang=image), pdf)
        if log:
            notes += stamp_log(master, chosen, "laporan-final" if final else "laporan-draf", mulai, docx.name)
    return LaporanPengumpulan(docx, pdf_path, chosen, final, hasil, notes)


def contoh(path: Path, forms: Path, out_dir: Path) -> Iterator[str]:
    """The demo step of ``kinerja contoh``: the TW4 forms come back, are recapped and reported.

    Six of the eight forms handed out (``forms``) come back filled into ``out_dir``/"Formulir TW4
    masuk" (one still Draf), two never do; then the rekap, and the report as draft and as final.
    """
    import shutil

    from xlwings_app.adapters.documents.pdf import PdfUnavailable
    from xlwings_app.adapters.openpyxl.form_fill import fill_form, set_status
    from xlwings_app.services.rekap import rekap

    periode = Periode.TW4
    with using(path) as master:
        data = master.data()
    back = out_dir / "Formulir TW4 masuk"
    back.mkdir(parents=True, exist_ok=True)
    files = sorted(forms.glob("Formulir TW4 - *.xlsx"))
    for n, source in enumerate(files[:6]):
        target = back / source.name
        shutil.copyfile(source, target)
        pj = source.stem.removeprefix("Formulir TW4 - ")
        values = {i.kode: {"r4": i.target_tw[3]} for i in data.indicators if i.penanggung_jawab == pj and i.target_tw[3]}
        fill_form(target, values)
        set_status(target, "Draf" if n == 2 else "Final")
    hasil = rekap(path, [back], periode)
    if not hasil.valid:
        raise RuntimeError("; ".join(str(p) for p in hasil.problems if p.is_error))
    yield (f"Formulir {periode.value} kembali: {len(files[:6])} dari {len(files)} (di {back}); rekap: "
           f"{len(hasil.perubahan)} perubahan dicatat di sheet Riwayat.")  # fmt: skip
    for final in (False, True):
        try:
            doc = laporan_pengumpulan(path, [back], periode, final, out_dir, pdf=True)
        except PdfUnavailable:
            doc = laporan_pengumpulan(path, [back], periode, final, out_dir, pdf=False)
        h = doc.hasil
        yield (f"Laporan Hasil Pengumpulan Data Kinerja ({'final, dengan Lembar Disposisi' if final else 'draf'}): "
               f"{doc.pdf or doc.docx} ({len(h.belum_masuk)} formulir belum masuk: "
               f"{', '.join(pj for pj, _ in h.belum_masuk)}; {len(h.kosong)} realisasi kosong)")  # fmt: skip
