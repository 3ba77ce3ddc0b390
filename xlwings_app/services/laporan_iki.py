"""Service: ``laporan-iki``: one "Dokumen Pengukuran Kinerja Individu" per official (.docx, PDF).

Rules:
- one document per Penanggung Jawab of the IKI (``report.context_iki.officials``), holding only
  that official's IKI, grouped by the IKU they cascade from;
- refused (``LaporanDitolak``) like ``laporan``: while the inputs have error problems, without a
  Profil, when a custom template uses names Kinerja does not provide, or when there is no IKI;
- measured from the inputs (``measure_all``), never from cached cells;
- each document's verification code covers the unit, the period, the inputs of its IKI and the
  signing it prints (the date and the official, ``domain.cetak.TandaTangan``);
- final or draft like ``laporan``: a final set is refused, before any file is written, while an
  unmet IKI lacks Permasalahan or Rencana Aksi; ``draf`` marks every page;
- the officials it prints pass the checks ``laporan`` applies to its signer (``pejabat_problems``):
  a final set is refused while sheet Pejabat has an invalid NIP, a NIP stored as a number or a
  jabatan written twice; a draft carries them as notes; a final set warns of every official it
  prints (the Penanggung Jawab and the "Mengetahui", ``domain.organisasi``) lacking Nama or NIP;
- every document (and PDF) is written whole, all of them replacing earlier ones together once all
  are made (``adapters.documents.atomic``);
- dated like ``laporan`` (``services.laporan.signing_date``);
- file names: "Pengukuran_Kinerja_Individu_2024_TW3_Kasi_Pelayanan_Umum.docx".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from xlwings_app.adapters.documents.atomic import Outputs
from xlwings_app.adapters.documents.docx import render_bytes
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.adapters.documents.pdf import stage_pdfs
from xlwings_app.adapters.documents.template_check import check_template
from xlwings_app.domain.cetak import TandaTangan
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.kelengkapan import as_signed
from xlwings_app.domain.measure import measure_all
from xlwings_app.domain.organisasi import atasan_langsung, tanpa_identitas
from xlwings_app.domain.problems import Problem, errors
from xlwings_app.domain.profil import Pejabat, Profil, document_problems
from xlwings_app.domain.verification import verification_code
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.report.context import Dokumen
from xlwings_app.report.context_iki import build_iki_context, officials, provided_iki, same_official, slug
from xlwings_app.resources import resource_dir
from xlwings_app.services.laporan import (
    DRAF_SUFFIX,
    LaporanDitolak,
    gaps_of,
    lambang_of,
    signing_date,
)
from xlwings_app.services.master import Master, using
from xlwings_app.sheets import layout as L

IKI_TEMPLATE = "pengukuran_kinerja_individu.docx"


@dataclass(frozen=True)
class LaporanIki:
    """One official's document."""

    pejabat: str
    indikator: tuple[str, ...]
    docx: Path
    pdf: Path | None
    periode: Periode
    kode_verifikasi: str
    tanggal: dt.date | None = None
    peringatan: tuple[Problem, ...] = ()


def default_iki_template() -> Path:
    """The shipped "Dokumen Pengukuran Kinerja Individu" template."""
    return resource_dir("report_templates") / IKI_TEMPLATE


def pejabat_problems(data: WorkbookData, draf: bool, what: str) -> list[Problem]:
    """Sheet Pejabat's rows that a signed document cannot print as they are (the reader's notes on an
    invalid NIP, a NIP stored as a number, a jabatan written twice): a final document is refused
    (``LaporanDitolak``, every row named), a draft gets them back as notes. PermenPANRB 53/2014: the
    signature block carries the official's name, jabatan and NIP, as ``laporan`` checks its signer."""
    spec = L.layout().pejabat
    if spec is None:
        return []
    labels = {c.key: c.header for c in spec.columns}
    found = [
        p for p in data.problems
        if p.sheet == spec.sheet and (p.kolom == labels.get("nip") or (p.kolom == labels.get("jabatan") and p.nilai))
    ]  # fmt: skip
    if found and not draf:
        raise LaporanDitolak(
            f"{what} tidak dibuat: {len(found)} baris sheet {spec.sheet} harus diperbaiki dulu (NIP dan jabatan "
            "pejabat dicetak di dokumen yang ditandatangani), atau buat draf dengan --draf:",
            [replace(p, tingkat="galat") for p in found],
        )
    return [replace(p, tingkat="peringatan") for p in found]


def unnamed(profil: Profil, names: list[str]) -> list[Problem]:
    """The officials a final set prints (each Penanggung Jawab and each one's "Mengetahui") lacking a
    Nama or NIP in sheet Pejabat: warnings (their blocks print dotted lines)."""
    printed: dict[str, Pejabat] = {}
    for name in names:
        for official in (profil.pejabat_untuk(name) or Pejabat(name, ""),
                         atasan_langsung(profil, name) or profil.penandatangan):
            printed.setdefault(official.jabatan.casefold(), official)
    return tanpa_identitas(printed.values(), L.SHEET_PEJABAT, "Dokumen IKI final")


def iki_of(data: WorkbookData) -> list[Indicator]:
    """The Indikator Kinerja Individu of the workbook, in workbook order."""
    return [i for i in data.indicators if i.jenis is Jenis.IKI]


def buat_laporan_iki(
    data: WorkbookData,
    out_dir: Path,
    periode: Periode | None = None,
    template: Path | None = None,
    pdf: bool = False,
    tanggal: dt.date | None = None,
    now: dt.datetime | None = None,
    lambang: bytes | None = None,
    draf: bool = False,
) -> list[LaporanIki]:
    """Render one document per official into ``out_dir``; the period defaults to the active one."""
    blocking = errors(data.problems) + document_problems(
        data.profil, data.profil_cells, data.profil_numeric
    )
    if blocking:
        raise LaporanDitolak(
            f"Dokumen IKI tidak dibuat: {len(blocking)} masalah pada data harus diperbaiki dulu.", blocking
        )
    if data.profil is None:
        raise LaporanDitolak("Dokumen IKI tidak dibuat: sheet Profil belum lengkap.")
    profil = data.profil
    if template is not None:
        unknown = check_template(template, provided_iki())
        if unknown:
            raise LaporanDitolak("Template tidak dapat dipakai.", unknown)
    if why := output_folder_problem(out_dir):
        raise LaporanDitolak(f"Dokumen IKI tidak dibuat: {why}")
    iki = iki_of(data)
    names = officials(iki)
    if not names:
        raise LaporanDitolak(
            "Dokumen IKI tidak dibuat: belum ada Indikator Kinerja Individu (IKI) dengan penanggung jawab."
        )
    periode = periode or data.settings.periode_aktif
    now = now or dt.datetime.now().astimezone()
    tanggal, notes = signing_date(profil, tanggal, now)
    iku = [i for i in data.indicators if i.jenis is Jenis.IKU]
    measured = measure_all([i for i in iki if i.penanggung_jawab.strip()], periode, data.settings)
    gaps_of(data, measured, draf, "Dokumen IKI final")  # a final set is refused before any file is written
    notes = [*notes, *pejabat_problems(data, draf, "Dokumen IKI final"), *([] if draf else unnamed(profil, names))]
    done: list[LaporanIki] = []
    with Outputs() as outputs:
        made = []
        for name in names:
            own = [i for i in iki if same_official(i.penanggung_jawab, name)]
            signer = profil.pejabat_untuk(name) or Pejabat(name, "")  # the official signs their own document
            kode = verification_code(profil, periode, own, data.settings, TandaTangan(tanggal, signer))
            results = measure_all(own, periode, data.settings)
            dokumen = Dokumen(periode, kode, tanggal, now, gaps_of(data, results, draf, "Dokumen IKI final"))
            results = results if draf else as_signed(results)
            context = build_iki_context(profil, data.settings, name, results, iku, dokumen)
            stem = f"Pengukuran_Kinerja_Individu_{profil.tahun}_{periode.value}_{slug(name)}"
            stem += DRAF_SUFFIX if draf else ""
            docx = out_dir / f"{stem}.docx"
            made.append(outputs.put(docx, render_bytes(template or default_iki_template(), context, lambang=lambang)))
            done.append(LaporanIki(name, tuple(i.kode for i in own), docx, None, periode, kode, tanggal, tuple(notes)))
        if pdf:  # every document in one converter run (LibreOffice starts once, not once per official)
            pdfs = stage_pdfs(outputs, [(tmp, d.docx.with_suffix(".pdf")) for tmp, d in zip(made, done, strict=True)])
            done = [replace(d, pdf=path) for d, path in zip(done, pdfs, strict=True)]
        outputs.commit()
    return done


def laporan_iki(
    source: Path | Master,
    out_dir: Path | None = None,
    periode: Periode | None = None,
    template: Path | None = None,
    pdf: bool = False,
    tanggal: dt.date | None = None,
    lambang: Path | None = None,
    draf: bool = False,
) -> list[LaporanIki]:
    """``buat_laporan_iki`` on the workbook at ``path`` (output beside it by default)."""
    with using(source) as master:
        data = master.data()
        image, notes = lambang_of(data, master.path, lambang, final=not draf)
        done = buat_laporan_iki(
            data, out_dir or master.path.parent, periode, template, pdf, tanggal, lambang=image, draf=draf
        )
    return [replace(d, peringatan=(*notes, *d.peringatan)) for d in done]
