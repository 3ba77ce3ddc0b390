"""The action "Perjanjian Kinerja" (``kinerja perjanjian``): the unit's PK and one PK per official.

PermenPANRB 53/2014: the head of the unit (pihak pertama) promises the head of the region (pihak
kedua: the Profil's Jabatan and Nama Kepala Daerah) the targets of the IKU; each official
(pihak pertama, from sheet Pejabat) promises the head of the unit (pihak kedua) the targets of
the IKI they are Penanggung Jawab of. Each PK has the lampiran Sasaran / Indikator / Target and
Program/Kegiatan / Anggaran, and the Rencana Aksi (targets per triwulan). Checks, dates and
drafts as ``services.rencana``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.report.context_iki import officials, same_official, slug
from xlwings_app.report.context_plan import JUDUL_PERJANJIAN, Penetapan, perjanjian_context
from xlwings_app.services.laporan import LaporanDitolak, lambang_of
from xlwings_app.services.rencana import (
    DokumenRencana,
    file_stem,
    gaps,
    indicators_of,
    open_plan,
    plan_date,
    write,
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
    signed, date_notes = plan_date(data, tanggal)
    image, image_notes = lambang_of(data, path, lambang)
    penetapan = Penetapan(profil.tahun, signed, draf, gaps(warnings))
    folder = out_dir or path.parent
    notes = [*image_notes, *date_notes, *warnings]
    if not iki:
        iku = indicators_of(data, Jenis.IKU)
        if not iku:
            raise LaporanDitolak("Perjanjian Kinerja tidak dibuat: belum ada Indikator Kinerja Utama (IKU).")
        kedua, kd_notes = kepala_daerah(data)
        context = perjanjian_context(profil, iku, profil.penandatangan, kedua, penetapan, profil.unit.upper())
        out = folder / f"{file_stem('Perjanjian_Kinerja', profil.tahun, draf)}.docx"
        docx, pdf_path = write(TEMPLATE_PERJANJIAN, context, out, pdf, image)
        return [DokumenRencana(JUDUL_PERJANJIAN.title(), docx, pdf_path, signed, [*notes, *kd_notes],
                               profil.penandatangan.jabatan)]  # fmt: skip
    all_iki = indicators_of(data, Jenis.IKI)
    if not all_iki:
        raise LaporanDitolak("Perjanjian Kinerja individu tidak dibuat: belum ada Indikator Kinerja Individu (IKI).")
    made = []
    for official in officials(all_iki):
        mine = [i for i in all_iki if same_official(i.penanggung_jawab, official)]
        known = profil.pejabat_untuk(official)
        pertama = Pejabat(official, known.nama, known.pangkat, known.nip) if known else Pejabat(official, "")
        missing = [] if known and known.nama else [Problem(
            f"{official} tidak ada (atau tanpa nama) di sheet Pejabat: nama dikosongkan untuk ditulis tangan.",
            L.SHEET_PEJABAT, kolom="Nama", tingkat="peringatan", file=path.name,
        )]  # fmt: skip
        subjudul = f"{official.upper()} {profil.unit.upper()}"
        context = perjanjian_context(profil, mine, pertama, profil.penandatangan, penetapan, subjudul)
        out = folder / f"{file_stem('Perjanjian_Kinerja', profil.tahun, draf, slug(official))}.docx"
        docx, pdf_path = write(TEMPLATE_PERJANJIAN, context, out, pdf, image)
        made.append(DokumenRencana(JUDUL_PERJANJIAN.title(), docx, pdf_path, signed, [*notes, *missing], official))
    return made
