"""The action "Laporan Kinerja" (``kinerja lkjip``): the LKjIP of the workbook's year (PermenPANRB
53/2014) as .docx and, with LibreOffice, PDF (docs/lkjip.md).

Read from the workbook: the IKU measured for the year (``Periode.TAHUNAN``), the history of earlier
years (sheet Riwayat Capaian, and the Realisasi Tahun Lalu columns for a year the sheet lacks), the
programs and their budget (the performance tree's when the workbook has sheet Pohon Kinerja, else
the IKU's Program/Kegiatan, Pagu and Realisasi Anggaran columns), the
officials (sheet Pejabat), what people wrote (sheet Narasi LKjIP) and the indicators' kode changes
(sheet Perubahan Kode Indikator: an earlier year recorded under the old kode joins the indicator it
became; ``sheets.lkjip``, ``domain.lkjip.renames``). Drafted by
``domain.lkjip.draft``. Rules:
- a reading error refuses the document (``LaporanDitolak``), as the other documents;
- ``tahun`` must be the workbook's year (Profil): the year's IKU are that year's;
- a draft (the default) prints every required written piece not yet written as its placeholder and
  lists them in the box of what to correct; a final (``final``) is refused while any is left, each
  named, while the history has an error (two values for one year, a year not before this one, a kode
  change that cannot be read one way only: one old kode to two new ones in a year, …), and,
  as the Pengukuran document's final, while an unmet IKU lacks its Permasalahan or Rencana Aksi
  (``domain.kelengkapan.document_gaps``);
- the Permasalahan and Rencana Aksi columns of the IKU (the active period's) are the recorded analysis
  drafted into item (5) (``domain.lkjip.analysis``);
- ``riwayat``: earlier years' workbooks or sealed archives, each verified against its yearly seal
  (``services.lkjip_riwayat``); a refused year (tampered) is an error: named in a draft, refusing a final;
- the Renstra period is sheet Riwayat Capaian's "Periode Renstra", else five years from the earliest
  year known (a warning says so);
- dated ``tanggal``, else Profil's Tanggal Penandatanganan, else today (``services.laporan.signing_date``);
  the .docx and its PDF replace earlier ones together, once both are made;
- a final writes its print record "LKjIP_<tahun>.cetak.json" beside it, in the same unit of writing
  (``services.cetak``): the code ``domain.verification.lkjip_code`` over the year's IKU and the
  signing (the date and Profil's signer it prints), the files' SHA-256; ``kinerja arsip --periode
  LKJIP`` packs exactly those files and records the seal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.adapters.documents.atomic import Outputs
from xlwings_app.adapters.documents.chart_series import draw_series
from xlwings_app.adapters.documents.docx import render_bytes
from xlwings_app.adapters.documents.pdf import stage_pdfs
from xlwings_app.domain.cetak import LKJIP, TandaTangan
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.kelengkapan import document_gaps
from xlwings_app.domain.lkjip.analysis import analisis_of
from xlwings_app.domain.lkjip.budget import ProgramAnggaran, programs_from_indicators, programs_from_tree
from xlwings_app.domain.lkjip.draft import LkjipDraft, LkjipInput, draft_lkjip
from xlwings_app.domain.lkjip.history import YearRecord, build_history
from xlwings_app.domain.lkjip.renames import Rename, current_kode
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.lkjip.standar import from_manuals
from xlwings_app.domain.lkjip.tables import chart_series
from xlwings_app.domain.measure import Hasil, measure_all
from xlwings_app.domain.problems import Problem, errors
from xlwings_app.domain.seal import fingerprints
from xlwings_app.domain.tree.model import key_of
from xlwings_app.domain.verification import lkjip_code
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.resources import resource_dir
from xlwings_app.services.cetak import stage_record
from xlwings_app.services.laporan import LaporanDitolak, cells_of, lambang_of, signing_date
from xlwings_app.services.lkjip_riwayat import read_years
from xlwings_app.services.master import using
from xlwings_app.services.rencana import output_folder
from xlwings_app.services.workbook import WorkbookError
from xlwings_app.sheets.lkjip import (
    SHEET_NARASI,
    SHEET_PERUBAHAN_KODE,
    SHEET_RIWAYAT_CAPAIAN,
    PerubahanKode,
    read_narasi,
    read_perubahan_kode,
    read_riwayat_capaian,
)

TEMPLATE_LKJIP = "lkjip.docx"
RENSTRA_YEARS = 5
SUMBER_LALU = "Kolom Realisasi Tahun Lalu"


@dataclass(frozen=True)
class DokumenLkjip:
    """The LKjIP written, the draft it printed, and what the user should know."""

    docx: Path
    pdf: Path | None
    tanggal: dt.date
    draft: LkjipDraft
    peringatan: list[Problem] = field(default_factory=list)
    kode: str = ""
    """The verification code of a final (``domain.verification.lkjip_code``), "" for a draft."""


def default_period(tahun: int, records: list[YearRecord]) -> RenstraPeriod:
    """Five years from the earliest year known (this year at the latest), reaching this year."""
    first = min([r.tahun for r in records if r.tahun < tahun] + [tahun])
    return RenstraPeriod(first, max(first + RENSTRA_YEARS - 1, tahun))


def lalu_records(
    indicators: list[Indicator], tahun: int, known: list[YearRecord], renames: Sequence[Rename] = ()
) -> list[YearRecord]:
    """Last year's target and realisasi from the IKU's columns, for an indicator the sheet lacks it for
    (a year known under the indicator's earlier kode, ``renames``, counts as known)."""
    have = {(key_of(current_kode(r.kode, r.tahun, renames)), r.tahun) for r in known}
    return [YearRecord(i.kode, tahun - 1, i.target_lalu, i.realisasi_lalu, sumber=SUMBER_LALU)
            for i in indicators
            if i.realisasi_lalu is not None and (key_of(i.kode), tahun - 1) not in have]  # fmt: skip


def programs_of(data: WorkbookData, hasil: list[Hasil]) -> tuple[ProgramAnggaran, ...]:
    """The programs of the year with their budget and capaian: the performance tree's (sheet Pohon
    Kinerja, measured for the year) when the workbook has one, else the IKU's Program/Kegiatan columns."""
    pohon = data.pohon
    if pohon is not None and pohon.has_tree and pohon.tree is not None:
        from xlwings_app.domain.tree.rollup import measure_tree

        measured = measure_tree(pohon.tree, Periode.TAHUNAN, data.settings, pohon.metode)
        return programs_from_tree(pohon.tree, measured)
    return programs_from_indicators(hasil)


def lkjip_input(
    path: Path, tahun: int | None = None, riwayat: Sequence[Path] = ()
) -> tuple[WorkbookData, LkjipInput, RenstraPeriod, list[Problem]]:
    """The workbook at ``path``, what its LKjIP is drafted from (with the earlier years of the workbooks or
    archives ``riwayat``, ``services.lkjip_riwayat``), its Renstra period, and every problem."""
    try:
        with using(path) as master:
            data = master.data()
            names = master.sheet_names()
            riwayat_rows = master.rows(SHEET_RIWAYAT_CAPAIAN) if SHEET_RIWAYAT_CAPAIAN in names else []
            narasi_rows = master.rows(SHEET_NARASI) if SHEET_NARASI in names else []
            perubahan_rows = master.rows(SHEET_PERUBAHAN_KODE) if SHEET_PERUBAHAN_KODE in names else []
    except WorkbookError as exc:
        raise LaporanDitolak(str(exc)) from exc
    if errors(data.problems):
        raise LaporanDitolak(f"LKjIP tidak dibuat: {len(errors(data.problems))} masalah pada data harus diperbaiki "
                             "dulu.", errors(data.problems))  # fmt: skip
    if data.profil is None:
        raise LaporanDitolak("LKjIP tidak dibuat: sheet Profil belum lengkap.")
    profil = data.profil
    if tahun is not None and tahun != profil.tahun:
        raise LaporanDitolak(f"LKjIP {tahun} tidak dapat dibuat dari workbook tahun {profil.tahun}: buka workbook "
                             f"tahun {tahun}.")  # fmt: skip
    iku = [i for i in data.indicators if i.jenis is Jenis.IKU]
    if not iku:
        raise LaporanDitolak("LKjIP tidak dibuat: belum ada Indikator Kinerja Utama (IKU).")
    file = data.path.name
    sheet, problems = read_riwayat_capaian(riwayat_rows, file)
    tulisan, narasi_problems = read_narasi(narasi_rows, file)
    problems += narasi_problems
    perubahan, perubahan_problems = read_perubahan_kode(perubahan_rows, file)
    problems += perubahan_problems
    imported, import_problems = read_years(riwayat)
    problems += import_problems
    known = [*sheet.records, *imported]
    records = [*known, *lalu_records(iku, profil.tahun, known, perubahan.renames)]
    period = sheet.periode
    if period is None:
        period = default_period(profil.tahun, records)
        problems.append(Problem(f"Periode Renstra belum ditulis di sheet {SHEET_RIWAYAT_CAPAIAN}: dipakai "
                                f"{period.label}.", SHEET_RIWAYAT_CAPAIAN, kolom="Periode Renstra", file=file,
                                tingkat="peringatan"))  # fmt: skip
    hasil = measure_all(iku, Periode.TAHUNAN, data.settings)
    history, history_problems = build_history(period, profil.tahun, hasil, records, perubahan.renames,
                                              data.settings, perubahan.cells, sumber_tahun_ini=file)  # fmt: skip
    problems += [p.in_file(file) for p in history_problems]
    analisis = analisis_of(iku)  # every period's analysis, faktor pendukung/penghambat included
    data_input = LkjipInput(profil.unit, profil.tahun, tuple(hasil), history, data.settings, analisis,
                            programs=programs_of(data, hasil), tulisan=tuple(tulisan),
                            standar=from_manuals(data.pohon.manuals.values() if data.pohon else ()))  # fmt: skip
    return data, data_input, period, problems


def lkjip(
    path: Path,
    out_dir: Path | None = None,
    tahun: int | None = None,
    final: bool = False,
    pdf: bool = False,
    tanggal: dt.date | None = None,
    lambang: Path | None = None,
    riwayat: Sequence[Path] = (),
) -> DokumenLkjip:
    """Render the LKjIP of the workbook at ``path`` into ``out_dir`` (see the module docstring)."""
    from xlwings_app.report.context_lkjip import lkjip_context

    data, data_input, period, problems = lkjip_input(path, tahun, riwayat)
    draft = draft_lkjip(data_input, final)
    gaps = [p.in_file(path.name) for p in document_gaps(data_input.hasil, cells_of(data), "galat" if final else "catatan")]
    if final:
        blocking = [*draft.missing, *errors(problems), *gaps]
        if blocking:
            raise LaporanDitolak(f"LKjIP final tidak dibuat: {len(blocking)} isian harus dilengkapi dulu (atau buat "
                                 "draf tanpa --final).", [p.in_file(path.name) for p in blocking])  # fmt: skip
    profil = data.profil
    assert profil is not None
    folder = output_folder(out_dir or path.parent, "LKjIP")
    signed, date_notes = signing_date(profil, tanggal, dt.datetime.now().astimezone())
    image, image_notes = lambang_of(data, path, lambang)
    kekurangan = [str(replace(p, file=None)) for p in [*draft.missing, *errors(problems), *gaps]]
    context = lkjip_context(profil, draft, period, signed, kekurangan)
    series = chart_series(data_input.history)
    chart = draw_series(series) if any(v is not None for s in series for _, v in s.titik) else None
    stem = f"LKjIP_{profil.tahun}{'' if final else '_DRAF'}"
    out = folder / f"{stem}.docx"
    pdf_path = out.with_suffix(".pdf") if pdf else None
    iku = [i for i in data.indicators if i.jenis is Jenis.IKU]
    ttd = TandaTangan(signed, profil.penandatangan)
    kode = lkjip_code(profil, iku, data.settings, ttd) if final else ""
    with Outputs() as outputs:
        made = outputs.put(out, render_bytes(resource_dir("report_templates") / TEMPLATE_LKJIP, context, chart, image))
        if pdf_path is not None:
            stage_pdfs(outputs, [(made, pdf_path)])
        if final:  # the print record ``kinerja arsip --periode LKJIP`` packs (``services.cetak``)
            files = [out, *([pdf_path] if pdf_path is not None else [])]
            stage_record(outputs, out, files, LKJIP, kode, ttd, dt.datetime.now().astimezone(), path.name,
                         fingerprints(LKJIP, iku))  # fmt: skip
        outputs.commit()
    notes = [*image_notes, *date_notes, *(p for p in problems if p.tingkat != "catatan"),
             *(draft.missing if not final else [])]  # fmt: skip
    return DokumenLkjip(out, pdf_path, signed, draft, notes, kode)


def carried_history(source: Path) -> tuple[RenstraPeriod | None, list[YearRecord], list[Problem]]:
    """The history a next year's workbook carries from ``source`` (``kinerja baru --dari``): the Renstra
    period, every earlier year it holds (sheet Riwayat Capaian, or its Realisasi Tahun Lalu columns) and
    its own year as measured for the year (``Periode.TAHUNAN``), with capaian and predikat as computed
    now; the problems met reading it. A workbook whose LKjIP cannot be drafted (no IKU, a reading
    error) carries nothing, with the reason as a warning."""
    try:
        data, data_input, period, problems = lkjip_input(source)
    except LaporanDitolak as exc:
        why = Problem(f"Riwayat capaian tidak dibawa dari {source.name}: {exc}", file=source.name, tingkat="peringatan")
        return None, [], [why]
    records = [r for h in data_input.history.indicators for r in h.records]
    return period, records, [p for p in problems if p.tingkat != "catatan"]


def carried_renames(source: Path) -> tuple[PerubahanKode, list[Problem]]:
    """The kode changes a next year's workbook carries from ``source`` (``kinerja baru --dari``): its
    sheet Perubahan Kode Indikator as written (empty when it has none), and the problems reading it."""
    try:
        with using(source) as master:
            rows = master.rows(SHEET_PERUBAHAN_KODE) if SHEET_PERUBAHAN_KODE in master.sheet_names() else []
    except WorkbookError as exc:
        return PerubahanKode(), [Problem(f"Perubahan kode tidak dibawa dari {source.name}: {exc}", file=source.name,
                                         tingkat="peringatan")]  # fmt: skip
    return read_perubahan_kode(rows, source.name)
