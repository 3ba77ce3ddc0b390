"""Service: ``laporan``: render the Dokumen Pengukuran Kinerja of a period (.docx, optionally PDF).

Rules:
- the document is computed from the workbook's inputs (``measure_all``), never from cached cells;
- it refuses (``LaporanDitolak``) while the inputs have error problems, or when a custom template
  uses names Kinerja does not provide, or when there is no IKU;
- the verification code covers the unit, the period and the inputs (``domain.verification``);
- sealed periods whose data changed since sealing come back as warnings (``catatan``);
- the document is dated on its signing date (``signing_date``): ``tanggal`` (``--tanggal``) when
  given, else the Profil's Tanggal Penandatanganan; when both are blank it is dated the day it
  is made and a warning says which date was used. The time it was made is not printed (it goes
  to the archive's manifest);
- final or draft (``domain.kelengkapan``): a final document is refused while an indicator with a
  target in the period lacks the period's realisasi (with no reason written), or an unmet indicator
  lacks the period's Permasalahan or Rencana Aksi, naming every such cell, and nothing is written;
  a final document never carries an earlier triwulan's realisasi forward (``as_signed``); with
  ``draf`` the document is written with "DRAF" on every page, the gaps listed under the title
  and highlighted in the analysis, and the file name ends in "_DRAF";
- the verification code covers the data and the signing the page prints (its date and signer,
  ``domain.cetak.TandaTangan``);
- a final document records what it printed beside it ("<stem>.cetak.json", ``services.cetak``):
  its files and their SHA-256, date, signer, code and each indicator's fingerprint; ``arsip``
  packs exactly those files later. A draft records nothing;
- the .docx (and its PDF, and its record) are written whole: an earlier document of the same name stays as it was
  until both are made, whatever fails (``adapters.documents.atomic``);
- the SOP's timing is not on the signed page: the steps of signing and sending it happen after it
  is printed, so it is the Laporan Kepatuhan Waktu SOP of its own (``services.laporan_sop``,
  ``kinerja sop laporan``). The verification code does not cover the SOP log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.adapters.documents.atomic import Outputs
from xlwings_app.adapters.documents.chart import Batang, draw_chart
from xlwings_app.adapters.documents.docx import default_template, render_bytes
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.adapters.documents.pdf import PdfUnavailable, stage_pdfs
from xlwings_app.adapters.documents.template_check import check_template
from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.cetak import TandaTangan
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.kelengkapan import as_signed, document_gaps
from xlwings_app.domain.measure import Hasil, measure_all
from xlwings_app.domain.problems import Problem, Refusal, errors
from xlwings_app.domain.profil import Profil, document_problems
from xlwings_app.domain.seal import SealRecord, check_seals, fingerprints
from xlwings_app.domain.sop.otomatis import Aksi, Jalan
from xlwings_app.domain.verification import verification_code
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.report.context import Dokumen, build_context, provided
from xlwings_app.services.master import Master, using
from xlwings_app.sheets import layout as L

__all__ = ["Laporan", "LaporanDitolak", "PdfUnavailable", "buat_laporan", "laporan"]
"""``PdfUnavailable`` is re-exported: an entry point asks "was PDF possible?" without an adapter."""


DRAF_SUFFIX = "_DRAF"


class LaporanDitolak(Refusal):
    """The document cannot be made from this input; ``problems`` say why (Indonesian)."""


@dataclass(frozen=True)
class Laporan:
    """The documents written and what the user should know."""

    docx: Path
    pdf: Path | None
    periode: Periode
    kode_verifikasi: str
    peringatan: list[Problem] = field(default_factory=list)
    tanggal: dt.date | None = None
    draf: bool = False


def file_name(profil: Profil, periode: Periode) -> str:
    """ "Pengukuran_Kinerja_2024_TW2" (no extension; ASCII, no spaces)."""
    return f"Pengukuran_Kinerja_{profil.tahun}_{periode.value}"


def signing_date(
    profil: Profil, tanggal: dt.date | None, now: dt.datetime
) -> tuple[dt.date, list[Problem]]:
    """The date the document carries: ``tanggal``, else Profil's signing date, else today (warned)."""
    if tanggal is not None:
        return tanggal, []
    if profil.tanggal_ttd is not None:
        return profil.tanggal_ttd, []
    today = now.date()
    return today, [Problem(
        f"Tanggal Penandatanganan belum diisi: dokumen diberi tanggal hari ini, {fmt.tanggal(today)}. "
        "Isi tanggalnya di sheet Profil (atau pakai --tanggal) agar cetak ulang bertanggal sama.",
        L.SHEET_PROFIL, kolom="Tanggal Penandatanganan", tingkat="catatan",
    )]  # fmt: skip


def cells_of(data: WorkbookData) -> dict[tuple[str, int, str], str]:
    """The reader's map of (sheet, row, column key) to cell address; empty for data built in code."""
    return dict(data.cells)


def file_of(data: WorkbookData) -> str:
    return data.path.name


DRAF_HINT = "Lengkapi sel berikut, atau buat draf untuk koreksi dengan --draf:"


def gaps_of(
    data: WorkbookData, results: Sequence[Hasil], draf: bool, what: str, hint: str = DRAF_HINT
) -> tuple[str, ...] | None:
    """The gaps of ``results`` (``domain.kelengkapan``: the period's realisasi, the period's analysis
    of each unmet target): refused for a final document, the draft's notes otherwise.

    None for a final document (nothing missing), the gaps as text for a draft.
    """
    gaps = document_gaps(as_signed(results), cells_of(data), "catatan" if draf else "galat")
    name = file_of(data)
    gaps = [p.in_file(name) for p in gaps] if name else gaps
    if gaps and not draf:
        data_gaps = sum(1 for p in gaps if (p.kolom or "").startswith("Realisasi"))
        parts = [f"{data_gaps} realisasi periode ini belum diisi tanpa alasan tertulis (dokumen final memuat "
                 "data periodenya sendiri; nilai triwulan sebelumnya hanya untuk draf)"] if data_gaps else []
        if len(gaps) > data_gaps:
            parts.append(f"{len(gaps) - data_gaps} isian analisis periode ini untuk indikator yang belum mencapai "
                         "target belum diisi (SOP Pengukuran Kinerja: target yang tidak tercapai dibuatkan rencana "
                         "aksi sebelum ditandatangani)")
        raise LaporanDitolak(f"{what} tidak dibuat: {'; '.join(parts)}. {hint}", gaps)
    return tuple(str(replace(p, file=None)) for p in gaps) if draf else None


def iku_of(data: WorkbookData) -> list[Indicator]:
    """The indicators the Dokumen Pengukuran Kinerja reports and its code covers: the IKU."""
    return [i for i in data.indicators if i.jenis is Jenis.IKU]


def signable(data: WorkbookData, what: str = "Laporan") -> Profil:
    """The Profil of ``data`` once a signed document can be made from it: no input error, every
    Profil field a signed document needs (``domain.profil.document_problems``); else ``LaporanDitolak``
    listing them all."""
    blocking = errors(data.problems) + document_problems(
        data.profil, data.profil_cells, data.profil_numeric
    )
    if blocking:
        raise LaporanDitolak(f"{what} tidak dibuat: {len(blocking)} masalah pada data harus diperbaiki dulu.", blocking)
    if data.profil is None:
        raise LaporanDitolak(f"{what} tidak dibuat: sheet Profil belum lengkap.")
    return data.profil


def buat_laporan(
    data: WorkbookData,
    out_dir: Path,
    periode: Periode | None = None,
    template: Path | None = None,
    pdf: bool = False,
    tanggal: dt.date | None = None,
    segel: Sequence[SealRecord] = (),
    now: dt.datetime | None = None,
    lambang: bytes | None = None,
    draf: bool = False,
) -> Laporan:
    """Render the period's document into ``out_dir``; the period defaults to the active one.

    ``lambang`` is the image printed left of the kop (``adapters.documents.lambang``).
    """
    profil = signable(data)
    if template is not None:
        unknown = check_template(template, provided())
        if unknown:
            raise LaporanDitolak("Template tidak dapat dipakai.", unknown)
    if why := output_folder_problem(out_dir):
        raise LaporanDitolak(f"Laporan tidak dibuat: {why}")
    periode = periode or data.settings.periode_aktif
    iku = iku_of(data)
    if not iku:
        raise LaporanDitolak("Laporan tidak dibuat: belum ada Indikator Kinerja Utama (IKU).")
    now = now or dt.datetime.now().astimezone()
    tanggal, date_notes = signing_date(profil, tanggal, now)
    results = measure_all(iku, periode, data.settings)
    kekurangan = gaps_of(data, results, draf, "Dokumen final")
    results = results if draf else as_signed(results)  # carrying an earlier triwulan is for a draft only
    ttd = TandaTangan(tanggal, profil.penandatangan)
    kode = verification_code(profil, periode, iku, data.settings, ttd)
    context = build_context(
        profil,
        data.settings,
        results,
        Dokumen(periode, kode, tanggal, now, kekurangan),
    )
    chart = draw_chart([Batang(h.indicator.kode, h.capaian) for h in results])
    stem = f"{file_name(profil, periode)}{DRAF_SUFFIX if draf else ''}"
    docx, pdf_path = out_dir / f"{stem}.docx", (out_dir / f"{stem}.pdf" if pdf else None)
    with Outputs() as outputs:  # the .docx and its PDF replace earlier ones together, once both are made
        made = outputs.put(docx, render_bytes(template or default_template(), context, chart, lambang))
        if pdf_path is not None:
            stage_pdfs(outputs, [(made, pdf_path)])
        if not draf:
            from xlwings_app.services.cetak import stage_record

            files = [docx, *([pdf_path] if pdf_path is not None else [])]
            stage_record(outputs, docx, files, periode.value, kode, ttd, now, file_of(data) or "",
                         fingerprints(periode, iku))  # fmt: skip
        outputs.commit()
    warnings = [*date_notes, *check_seals(segel, profil, data.settings, iku)]
    return Laporan(docx, pdf_path, periode, kode, warnings, tanggal, draf)


def document_code(
    data: WorkbookData, periode: Periode, tanggal: dt.date | None = None, now: dt.datetime | None = None
) -> str:
    """The verification code ``periode``'s document prints: its data, signed by Profil's signer on
    its signing date (``signing_date``: ``tanggal``, else Profil's, else today)."""
    profil = data.profil
    assert profil is not None
    signed, _notes = signing_date(profil, tanggal, now or dt.datetime.now().astimezone())
    ttd = TandaTangan(signed, profil.penandatangan)
    return verification_code(profil, periode, iku_of(data), data.settings, ttd)


def load_workbook(path: Path) -> WorkbookData:
    """The workbook's inputs (``adapters.xlsx.reader``); an unreadable file is refused."""
    with using(path) as master:
        return master.data()


def seals_of(data: WorkbookData) -> list[SealRecord]:
    """The sealed periods the workbook records (none until the workbook has a seal table)."""
    return list(data.segel)


def laporan(
    source: Path | Master,
    out_dir: Path | None = None,
    periode: Periode | None = None,
    template: Path | None = None,
    pdf: bool = False,
    tanggal: dt.date | None = None,
    lambang: Path | None = None,
    draf: bool = False,
    log: bool = True,
) -> Laporan:
    """``buat_laporan`` on the workbook (output beside it by default); one open, one read.

    With ``log`` the document's making is stamped into the master's Log Langkah when its SOP has
    that step (``services.log_otomatis``); the ribbon, on the saved file of an open workbook, says no.
    """
    mulai = dt.datetime.now()
    with using(source) as master:
        data = master.data()
        periode = periode or data.settings.periode_aktif
        image, image_notes = lambang_of(data, master.path, lambang, final=not draf)
        notes: list[Problem] = []
        hasil = buat_laporan(
            data, out_dir or master.path.parent, periode, template, pdf, tanggal, segel=seals_of(data),
            lambang=image, draf=draf,
        )
        if log:
            notes += stamp_log(master, periode, "laporan", mulai, hasil.docx.name)
    return replace(hasil, peringatan=[*image_notes, *hasil.peringatan, *notes])


def stamp_log(master: Master, periode: Periode, aksi: Aksi, mulai: dt.datetime, what: str) -> list[Problem]:
    """Stamp ``aksi`` (from ``mulai`` to now) into the master's Log Langkah and commit; notes of what
    was written. The document is already written: a master that cannot take the stamp now (open in
    Excel) keeps its log as it was, and the note says so.
    """
    from xlwings_app.domain.problems import Refusal
    from xlwings_app.services import log_otomatis

    stamp = log_otomatis.rencana(master, periode.value, [Jalan(aksi, mulai, dt.datetime.now(), what)])
    if not log_otomatis.stage(master, stamp):
        return []  # no such step, or already filled: nothing to say beside the document
    try:
        master.commit()
    except Refusal as exc:
        return [Problem(f"{L.SHEET_LOG} tidak diisi: {exc}", L.SHEET_LOG, file=master.name, tingkat="catatan")]
    return [Problem(m, L.SHEET_LOG, file=master.name, tingkat="catatan") for m in log_otomatis.pesan(stamp)]


def lambang_of(data: WorkbookData, path: Path, override: Path | None,
               final: bool = False) -> tuple[bytes | None, list[Problem]]:
    """The lambang image for the workbook at ``path``: ``override``, else the file Profil names. A
    ``final`` document without any lambang is made, with a warning: a document an office files
    carries the lambang daerah in its kop (Permendagri 54/2009, tata naskah dinas)."""
    from xlwings_app.adapters.documents.lambang import FIELD, LambangError, load_lambang

    try:
        image, notes = load_lambang(path.parent, data.profil.lambang if data.profil else "", override)
    except LambangError as exc:
        raise LaporanDitolak(str(exc)) from exc
    if final and image is None and not notes:
        notes = [Problem(TANPA_LAMBANG, L.SHEET_PROFIL, kolom=FIELD, tingkat="peringatan", file=path.name)]
    return image, notes


TANPA_LAMBANG = ("Dokumen final dicetak tanpa lambang daerah: letakkan gambar lambang (PNG/JPEG) di folder "
                 "workbook dan tulis nama berkasnya di sheet Profil (Berkas Lambang Daerah), atau pakai --lambang.")
