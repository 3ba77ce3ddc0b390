"""What the services of the SOPs' administrative papers share: write one paper, find its signers.

Each paper (Lembar Disposisi, Notulen Rapat, Program Kerja Kegiatan, Checklist Dokumen, Tanda
Terima Dokumen, Surat Pengantar) is a docxtpl template of ``report_templates`` filled with a context
of ``report.context_administrasi``. Rules shared with the other documents: the output folder is
checked before anything is made (``LaporanDitolak`` naming it); the .docx files and their PDFs of one
command are written whole and replace earlier ones together (``services.rencana.Documents``); the
kop carries the lambang daerah when the Profil names one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from xlwings_app.adapters.documents.atomic import Outputs
from xlwings_app.domain.administrasi.langkah import pejabat_peran
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.services.laporan import LaporanDitolak, lambang_of
from xlwings_app.services.rencana import Documents, output_folder


@dataclass(frozen=True)
class Kertas:
    """One paper written: its title, the .docx and (when asked) its PDF."""

    judul: str
    docx: Path
    pdf: Path | None


def nama_berkas(*parts: str) -> str:
    """A file stem from ``parts``: "Lembar_Disposisi_050-123-427.50-2024" (no spaces or slashes)."""
    text = "_".join(p for p in parts if p)
    return re.sub(r"[^\w.-]+", "_", re.sub(r"[/\\]", "-", text)).strip("_")


def tulis(
    data: WorkbookData, master_path: Path, out_dir: Path | None, what: str,
    papers: Sequence[tuple[str, str, dict[str, object], str]], pdf: bool, lambang: Path | None = None,
) -> tuple[list[Kertas], list[Problem]]:
    """Write ``papers`` (title, template, context, file stem) into ``out_dir`` (default: beside the
    master) together, with their PDFs when ``pdf``; the lambang's notes."""
    folder = output_folder(out_dir or master_path.parent, what)
    image, notes = lambang_of(data, master_path, lambang)
    made: list[Kertas] = []
    with Outputs() as outputs:
        documents = Documents(outputs, pdf)
        for judul, template, context, stem in papers:
            docx, pdf_path = documents.write(template, context, folder / f"{stem}.docx", image)
            made.append(Kertas(judul, docx, pdf_path))
        documents.finish()
    return made, notes


def profil_of(data: WorkbookData, what: str) -> Profil:
    """The Profil, else ``LaporanDitolak`` (a paper carries the unit's kop)."""
    if data.errors:
        raise LaporanDitolak(f"{what} tidak dibuat: {len(data.errors)} masalah pada data harus diperbaiki dulu.",
                             data.errors)  # fmt: skip
    if data.profil is None:
        raise LaporanDitolak(f"{what} tidak dibuat: sheet Profil belum lengkap.")
    return data.profil


def pemegang(profil: Profil, peran: str) -> Pejabat | None:
    """The first official of sheet Pejabat holding the role ``peran`` ("Sekretaris"), or None."""
    found = pejabat_peran(profil.pejabat, peran)
    return found[0] if found else None


def ketua_tim(profil: Profil) -> Pejabat:
    """The Ketua Tim SAKIP: the Profil's pengelola, named so."""
    tim = profil.pengelola
    jabatan = f"Ketua Tim SAKIP ({tim.jabatan})" if tim.jabatan else "Ketua Tim SAKIP"
    return Pejabat(jabatan, tim.nama, tim.pangkat, tim.nip)
