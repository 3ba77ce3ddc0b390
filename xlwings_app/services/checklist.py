"""The action "Checklist Dokumen" (``kinerja checklist``): the documents a period needs, and which are missing.

Rules (SOP Tim SAKIP Pengumpulan Data step 4, Output "Checklist Dokumen";
``domain.administrasi.checklist``): the documents are those every SOP of the workbook names (and the
standard list of that step); their state is sheet Checklist Dokumen (``sheets.checklist_dokumen``),
which is written afresh each time with every needed document and what the Tim SAKIP typed (a row
the SOPs do not name is kept); what is missing at the checklist step is listed on the paper. A
problem reading the sheet refuses the paper, nothing is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from xlwings_app.domain.administrasi.checklist import ItemChecklist, checklist, kebutuhan_dokumen, yang_kurang
from xlwings_app.domain.administrasi.langkah import cari_langkah
from xlwings_app.domain.problems import Problem, errors
from xlwings_app.report.context_administrasi import checklist_context
from xlwings_app.services.kertas import Kertas, ketua_tim, nama_berkas, profil_of, tulis
from xlwings_app.services.laporan import LaporanDitolak
from xlwings_app.services.master import Master, using
from xlwings_app.sheets import checklist_dokumen as C
from xlwings_app.sheets.changes import PutSheet

TEMPLATE = "checklist_dokumen.docx"


@dataclass(frozen=True)
class HasilChecklist:
    kertas: Kertas
    items: tuple[ItemChecklist, ...]
    kurang: list[Problem] = field(default_factory=list)


def checklist_dokumen(
    source: Path | Master,
    periode: str | None = None,
    out_dir: Path | None = None,
    pdf: bool = False,
    tanggal: dt.date | None = None,
    lambang: Path | None = None,
) -> HasilChecklist:
    """Print the Checklist Dokumen and refresh its sheet (rules in the module docstring)."""
    from xlwings_app.services.sop_master import every_sop

    with using(source) as master:
        data = master.data()
        profil = profil_of(data, "Checklist Dokumen")
        sops = [d.sop for d in every_sop(master) if d.sop is not None]
        if not sops:
            raise LaporanDitolak("Checklist Dokumen tidak dibuat: workbook belum punya SOP (kinerja sop mulai).")
        isian, problems = C.read_checklist(master.rows(C.SHEET)) if C.SHEET in master.sheet_names() else ([], [])
        if errors(problems):
            raise LaporanDitolak(f"Checklist Dokumen tidak dibuat: {len(errors(problems))} masalah di sheet {C.SHEET}.",
                                 [p.in_file(master.name) for p in errors(problems)])  # fmt: skip
        items = checklist(kebutuhan_dokumen(sops), isian)
        owner = next(((s, st) for s in sops if (st := cari_langkah(s, ("checklist dokumen",), "output"))), None)
        kurang = yang_kurang(items, owner[0], owner[1].no) if owner else []
        label = periode or data.settings.periode_aktif.value
        context = checklist_context(profil, owner[0].nama if owner else ", ".join(s.nama for s in sops), items, kurang,
                                    f"{label} Tahun {profil.tahun}", tanggal or dt.date.today(), ketua_tim(profil))  # fmt: skip
        paper = ("Checklist Dokumen", TEMPLATE, context, nama_berkas("Checklist_Dokumen", str(profil.tahun), label))
        [kertas], _ = tulis(data, master.path, out_dir, "Checklist Dokumen", [paper], pdf, lambang)
        master.stage(PutSheet(C.checklist_values(items)))
        master.commit()
    return HasilChecklist(kertas, items, kurang)
