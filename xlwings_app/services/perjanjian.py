"""The action "Perjanjian Kinerja" (``kinerja perjanjian``): the unit's PK and one PK per official.

PermenPANRB 53/2014: the head of the unit (pihak pertama) promises the head of the region (pihak
kedua: the Profil's Jabatan and Nama Kepala Daerah) the targets of the IKU; each official
(pihak pertama, from sheet Pejabat) promises the direct superior (pihak kedua: column Atasan of
sheet Pejabat, by rule a Kasubag's Sekretaris and everyone else's head of the unit;
``domain.organisasi``) the targets of the IKI they are Penanggung Jawab of; a final one warns of
either party lacking Nama or NIP. Each PK has the lampiran Sasaran / Indikator / Target and
Program/Kegiatan / Anggaran, and the Rencana Aksi (targets per triwulan). Checks, dates,
drafts, writing and the print record of the unit's final PK (sealed by ``kinerja arsip --periode PK``)
as ``services.rencana``; with ``iki`` the officials printed pass the checks of
``laporan-iki`` (``services.laporan_iki.pejabat_problems``: a final set is refused while sheet Pejabat
has an invalid NIP, a NIP stored as a number or a jabatan written twice).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from xlwings_app.adapters.documents.atomic import Outputs
from xlwings_app.domain.cetak import TandaTangan
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.organisasi import atasan_langsung, tanpa_identitas
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.verification import plan_code
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.report.context_iki import officials, same_official, slug
from xlwings_app.report.context_plan import JUDUL_PERJANJIAN, Penetapan, perjanjian_context
from xlwings_app.services.laporan import LaporanDitolak, lambang_of
from xlwings_app.services.laporan_iki import pejabat_problems
from xlwings_app.services.rencana import (
    Documents,
    DokumenRencana,
    file_stem,
    gaps,
    indicators_of,
    open_plan,
    output_folder,
    plan_date,
)
from xlwings_app.sheets import layout as L

TEMPLATE_PERJANJIAN = "perjanjian_kinerja.docx"
KEPALA_DAERAH = "Bupati/Wali Kota"


def kepala_daerah(data: WorkbookData) -> tuple[Pejabat, list[Problem]]:
    """Pihak kedua of the unit's PK, from Profil (Jabatan and Nama Kepala Daerah)."""
    jabatan = str(data.profil_values.get("kd_jabatan") or "").strip()
    nama = str(data.profil_values.get("kd_nama") or "").strip()
    notes = []
    if not jabatan or not nama:
        notes.append(Problem(
            "Jabatan atau Nama Kepala Daerah belum diisi di sheet Profil: pihak kedua dicetak "
            f"'{jabatan or KEPALA_DAERAH}' dengan nama dikosongkan untuk ditulis tangan.",
            L.SHEET_PROFIL, kolom="Nama Kepala Daerah", tingkat="peringatan", file=data.path.name,
        ))  # fmt: skip
    return Pejabat(jabatan or KEPALA_DAERAH, nama), notes


def perjanjian(
    path: Path,
    out_dir: Path | None = None,
    pdf: bool = False,
    draf: bool = False,
    tanggal: dt.date | None = None,
    lambang: Path | None = None,
    iki: bool = False,
) -> list[DokumenRencana]:
    """The unit's PK, or (``iki``) one PK per Penanggung Jawab of the IKI, into ``out_dir``."""
    data, warnings = open_plan(path, draf)
    assert data.profil is not None
    profil = data.profil
    folder = output_folder(out_dir or path.parent, "Perjanjian Kinerja")
    signed, date_notes = plan_date(data, tanggal)
    image, image_notes = lambang_of(data, path, lambang, final=not draf)
    penetapan = Penetapan(profil.tahun, signed, draf, gaps(warnings))
    notes = [*image_notes, *date_notes, *warnings]
    with Outputs() as outputs:
        documents = Documents(outputs, pdf)
        made = _unit(data, documents, penetapan, folder, image, notes) if not iki else _officials(
            data, documents, penetapan, folder, image, notes, path)
        documents.finish()
    return made


def _unit(data: WorkbookData, documents: Documents, penetapan: Penetapan, folder: Path, image: bytes | None,
          notes: list[Problem]) -> list[DokumenRencana]:
    """The unit's PK: the head of the unit promises the head of the region."""
    profil = data.profil
    assert profil is not None
    iku = indicators_of(data, Jenis.IKU)
    if not iku:
        raise LaporanDitolak("Perjanjian Kinerja tidak dibuat: belum ada Indikator Kinerja Utama (IKU).")
    kedua, kd_notes = kepala_daerah(data)
    ttd = TandaTangan(penetapan.tanggal, profil.penandatangan)
    penetapan = replace(penetapan, kode_verifikasi=plan_code(profil, "PK", iku, ttd))
    context = perjanjian_context(profil, iku, profil.penandatangan, kedua, penetapan, profil.unit.upper())
    out = folder / f"{file_stem('Perjanjian_Kinerja', profil.tahun, penetapan.draf)}.docx"
    docx, pdf_path = documents.write(TEMPLATE_PERJANJIAN, context, out, image)
    if not penetapan.draf:  # what the signed PK printed, for ``kinerja arsip --periode PK``
        documents.record(docx, "PK", data, ttd)
    return [DokumenRencana(JUDUL_PERJANJIAN.title(), docx, pdf_path, penetapan.tanggal, [*notes, *kd_notes],
                           profil.penandatangan.jabatan, penetapan.kode_verifikasi)]  # fmt: skip


def _officials(data: WorkbookData, documents: Documents, penetapan: Penetapan, folder: Path,
               image: bytes | None, notes: list[Problem], path: Path) -> list[DokumenRencana]:
    """One PK per Penanggung Jawab of the IKI, promising the official's direct superior."""
    profil = data.profil
    assert profil is not None
    draf = penetapan.draf
    all_iki = indicators_of(data, Jenis.IKI)
    if not all_iki:
        raise LaporanDitolak("Perjanjian Kinerja individu tidak dibuat: belum ada Indikator Kinerja Individu (IKI).")
    notes = [*notes, *pejabat_problems(data, draf, "Perjanjian Kinerja individu final")]
    made = []
    for official in officials(all_iki):
        mine = [i for i in all_iki if same_official(i.penanggung_jawab, official)]
        known = profil.pejabat_untuk(official)
        pertama = Pejabat(official, known.nama, known.pangkat, known.nip) if known else Pejabat(official, "")
        kedua, kd_notes = (atasan, []) if (atasan := atasan_langsung(profil, official)) else kepala_daerah(data)
        missing = [*kd_notes, *([] if draf else tanpa_identitas(
            [pertama, kedua] if atasan else [pertama], L.SHEET_PEJABAT, "Perjanjian Kinerja final"))]
        subjudul = f"{official.upper()} {profil.unit.upper()}"
        own = replace(penetapan, kode_verifikasi=plan_code(profil, f"PK {official}", mine,
                                                           TandaTangan(penetapan.tanggal, pertama)))  # fmt: skip
        context = perjanjian_context(profil, mine, pertama, kedua, own, subjudul)
        out = folder / f"{file_stem('Perjanjian_Kinerja', profil.tahun, draf, slug(official))}.docx"
        docx, pdf_path = documents.write(TEMPLATE_PERJANJIAN, context, out, image)
        made.append(DokumenRencana(JUDUL_PERJANJIAN.title(), docx, pdf_path, penetapan.tanggal, [*notes, *missing],
                                   official, own.kode_verifikasi))  # fmt: skip
    return made
