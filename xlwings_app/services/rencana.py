"""The planner's actions: check the plan (``kinerja periksa``) and the Rencana Kinerja document.

``rencana`` renders the Rencana Kinerja Tahunan (PermenPANRB 53/2014) of the workbook's year:
the IKU by Sasaran Strategis with their targets, the triwulan targets in a lampiran, and the
Perencanaan SOP's timing as an annex when that SOP's log has entries. Rules shared with
``services.perjanjian``:
- a reading error refuses the document (``LaporanDitolak``); a final document also refuses the
  planner's errors (``domain.planning``), a draft (``draf``) is made with them as warnings and
  is marked "DRAF";
- the document is dated ``tanggal`` (``--tanggal``), else Profil's Tanggal Penandatanganan
  Rencana/Perjanjian Kinerja, else its Tanggal Penandatanganan, else today (with a warning);
- the output folder is checked before anything is made, and every document (and PDF) of one command
  is written whole, all replacing earlier ones together once all are made (``Outputs``);
- a final Rencana Kinerja, and a final unit Perjanjian Kinerja, record what they printed beside them
  ("<stem>.cetak.json", ``services.cetak``; the code ``domain.verification.plan_code`` over the IKU's
  plan and the signing), so ``kinerja arsip --periode RK`` / ``PK`` seals exactly the signed document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.adapters.documents.atomic import Outputs
from xlwings_app.adapters.documents.docx import render_bytes
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.adapters.documents.pdf import stage_pdfs
from xlwings_app.domain.cetak import TandaTangan
from xlwings_app.domain.indicator import Indicator, Jenis
from xlwings_app.domain.planning import check_plan, plan_row
from xlwings_app.domain.problems import Problem, errors
from xlwings_app.domain.seal import fingerprints
from xlwings_app.domain.tanggal import parse_tanggal
from xlwings_app.domain.verification import plan_code
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.report.context_plan import Penetapan, rencana_context
from xlwings_app.resources import resource_dir
from xlwings_app.services.laporan import LaporanDitolak, lambang_of, signing_date
from xlwings_app.services.workbook import WorkbookError, load

TEMPLATE_RENCANA = "rencana_kinerja.docx"


@dataclass(frozen=True)
class DokumenRencana:
    """One planning document written, and what the user should know."""

    judul: str
    docx: Path
    pdf: Path | None
    tanggal: dt.date
    peringatan: list[Problem] = field(default_factory=list)
    pejabat: str = ""
    kode_verifikasi: str = ""


def plan_problems(data: WorkbookData) -> list[Problem]:
    """The planner's checks (``domain.planning``) on every IKU and IKI row of ``data``."""
    return [p.in_file(data.path.name) for p in check_plan([plan_row(r) for r in data.rows])]


def open_plan(path: Path, draf: bool) -> tuple[WorkbookData, list[Problem]]:
    """The workbook's inputs, checked for a planning document; the warnings to show."""
    try:
        data = load(path)
    except WorkbookError as exc:
        raise LaporanDitolak(str(exc)) from exc
    planning = plan_problems(data)
    blocking = errors(data.problems) + ([] if draf else errors(planning))
    if blocking:
        hint = "" if draf else " (atau buat draf dengan --draf bila hanya pemeriksaan perencanaan yang gagal)"
        raise LaporanDitolak(
            f"Dokumen tidak dibuat: {len(blocking)} masalah pada data harus diperbaiki dulu{hint}.", blocking
        )
    if data.profil is None:
        raise LaporanDitolak("Dokumen tidak dibuat: sheet Profil belum lengkap.")
    warnings = [p for p in planning if p.tingkat != "catatan"]
    return data, warnings


def gaps(problems: list[Problem]) -> tuple[str, ...]:
    """A draft's box of what to correct: the planner's problems, located, without the file name."""
    return tuple(str(replace(p, file=None)) for p in problems)


def plan_date(data: WorkbookData, tanggal: dt.date | None) -> tuple[dt.date, list[Problem]]:
    """``tanggal``, else Profil's Tanggal Penandatanganan Rencana/Perjanjian Kinerja, else ``signing_date``."""
    assert data.profil is not None
    if tanggal is None:
        text = str(data.profil_values.get("tanggal_rencana") or "")
        try:
            tanggal = parse_tanggal(text.removesuffix(" 00:00:00"))
        except ValueError as exc:
            raise LaporanDitolak(f"Profil, Tanggal Penandatanganan Rencana/Perjanjian Kinerja: {exc}") from exc
    return signing_date(data.profil, tanggal, dt.datetime.now().astimezone())


def indicators_of(data: WorkbookData, jenis: Jenis) -> list[Indicator]:
    return [i for i in data.indicators if i.jenis is jenis]


def output_folder(folder: Path, what: str) -> Path:
    """``folder``, once it can take the documents; else ``LaporanDitolak`` naming it (nothing made)."""
    if why := output_folder_problem(folder):
        raise LaporanDitolak(f"{what} tidak dibuat: {why}")
    return folder


class Documents:
    """The documents of one command: each rendered into ``outputs`` (its temporary file), the PDFs of
    all made in one converter run at ``finish``, then everything moved into place together."""

    def __init__(self, outputs: Outputs, pdf: bool) -> None:
        self.outputs, self.pdf = outputs, pdf
        self._made: list[tuple[Path, Path]] = []
        self._records: list[tuple[Path, str, WorkbookData, TandaTangan]] = []

    def record(self, docx: Path, dokumen: str, data: WorkbookData, ttd: TandaTangan) -> None:
        """Record what the final planning document ``docx`` printed (staged at ``finish``, once its PDF
        is made)."""
        self._records.append((docx, dokumen, data, ttd))

    def write(self, template: str, context: dict[str, object], out: Path,
              lambang: bytes | None) -> tuple[Path, Path | None]:
        """Render ``context`` into the shipped ``template`` as ``out`` (its PDF beside it at ``finish``)."""
        data = render_bytes(resource_dir("report_templates") / template, context, None, lambang)
        self._made.append((self.outputs.put(out, data), out.with_suffix(".pdf")))
        return out, out.with_suffix(".pdf") if self.pdf else None

    def finish(self) -> None:
        if self.pdf:
            stage_pdfs(self.outputs, self._made)
        for docx, dokumen, data, ttd in self._records:
            from xlwings_app.services.cetak import stage_record

            assert data.profil is not None
            files = [docx, *([docx.with_suffix(".pdf")] if self.pdf else [])]
            iku = indicators_of(data, Jenis.IKU)
            stage_record(self.outputs, docx, files, dokumen, plan_code(data.profil, dokumen, iku, ttd),
                         ttd, dt.datetime.now().astimezone(), data.path.name, fingerprints(dokumen, iku))  # fmt: skip
        self.outputs.commit()


def file_stem(kind: str, tahun: int, draf: bool, who: str = "") -> str:
    """"Rencana_Kinerja_2024", "Perjanjian_Kinerja_2024_Kasi_Pelayanan_Umum_DRAF"."""
    return "_".join(part for part in (kind, str(tahun), who, "DRAF" if draf else "") if part)


def rencana(
    path: Path,
    out_dir: Path | None = None,
    pdf: bool = False,
    draf: bool = False,
    tanggal: dt.date | None = None,
    lambang: Path | None = None,
) -> DokumenRencana:
    """Render the Rencana Kinerja Tahunan of the workbook at ``path`` (see the module docstring)."""
    data, warnings = open_plan(path, draf)
    assert data.profil is not None
    profil = data.profil
    iku = indicators_of(data, Jenis.IKU)
    if not iku:
        raise LaporanDitolak("Rencana Kinerja tidak dibuat: belum ada Indikator Kinerja Utama (IKU).")
    folder = output_folder(out_dir or path.parent, "Rencana Kinerja")
    signed, date_notes = plan_date(data, tanggal)
    image, image_notes = lambang_of(data, path, lambang, final=not draf)
    ttd = TandaTangan(signed, profil.penandatangan)
    kode = plan_code(profil, "RK", iku, ttd)
    context = rencana_context(profil, iku, Penetapan(profil.tahun, signed, draf, gaps(warnings), kode))
    out = folder / f"{file_stem('Rencana_Kinerja', profil.tahun, draf)}.docx"
    with Outputs() as outputs:
        documents = Documents(outputs, pdf)
        docx, pdf_path = documents.write(TEMPLATE_RENCANA, context, out, image)
        if not draf:
            documents.record(docx, "RK", data, ttd)
        documents.finish()
    notes = [*image_notes, *date_notes, *warnings]
    return DokumenRencana("Rencana Kinerja Tahunan", docx, pdf_path, signed, notes, kode_verifikasi=kode)
