"""Services ``kinerja pohon kertas-kerja`` and ``kinerja pohon rekapitulasi``: the Tim SAKIP's papers.

Rules (SOP Pengukuran Kinerja, Tim SAKIP, steps 4–6; ``report.context_pohon``):
- the tree is the workbook's (sheets Pohon Kinerja and Manual Indikator); a workbook without them is
  read as a tree from its IKU and IKI (``domain.tree.migration``: sasaran from the Sasaran Strategis,
  programs and kegiatan from codes in Program/Kegiatan), so a two-level workbook gets the papers too;
- measured from the inputs in any period (``rollup.measure_tree``, the roll-up chosen on sheet
  Pohon Kinerja), never from cached cells;
- refused (``LaporanDitolak``) while the inputs have errors (the tree rules among them), without a
  Profil, or when the output folder cannot take the document;
- final or draft: a final Kertas Kerja is refused while an indicator lacks its methodology (no
  Manual Indikator, definisi operasional or sumber data: the SMART gaps of ``periksa``); a final
  Rekapitulasi while an unmet indicator lacks Permasalahan or Rencana Aksi (as ``laporan``); a draft
  prints "DRAF" on every page and lists the gaps;
- signed by the Ketua Tim SAKIP with the Sekretaris's "Mengetahui"; dated like ``laporan``;
- each .docx (and PDF) is written whole (``adapters.documents.atomic``); the making is stamped into
  the SOP's log (Kertas Kerja: steps 4 and 5; Rekapitulasi: step 6) when the workbook's SOP has them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from xlwings_app.adapters.documents.chart import Batang, draw_chart
from xlwings_app.adapters.documents.docx import render_bytes
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.adapters.documents.pdf import write_document
from xlwings_app.adapters.documents.pohon_gambar import Kotak, draw_tree
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.otomatis import Aksi, Jalan
from xlwings_app.domain.tree.model import Tree
from xlwings_app.domain.tree.rollup import DEFAULT_METODE, CapaianSimpul, MetodeRollUp, measure_tree
from xlwings_app.domain.tree.workbook import CombinedCells
from xlwings_app.domain.verification import verification_code
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.report.context import Dokumen
from xlwings_app.report.context_pohon import chart_bars, kertas_kerja_context, rekapitulasi_context
from xlwings_app.resources import resource_dir
from xlwings_app.services.laporan import DRAF_SUFFIX, LaporanDitolak, gaps_of, lambang_of, signing_date
from xlwings_app.services.laporan_pengumpulan import sekretaris
from xlwings_app.services.master import Master, using

KERTAS_KERJA = "kertas_kerja_pengukuran.docx"
REKAPITULASI = "rekapitulasi_pengukuran_kinerja.docx"
TREE_WIDTH_MM = 165


@dataclass(frozen=True)
class DokumenPohon:
    """One paper written."""

    docx: Path
    pdf: Path | None
    periode: Periode
    draf: bool
    kode_verifikasi: str
    hasil: dict[str, CapaianSimpul]
    catatan: list[Problem] = field(default_factory=list)


def tree_of(data: WorkbookData) -> tuple[Tree, MetodeRollUp, list[Problem]]:
    """The workbook's tree and roll-up method; a two-level workbook's read by ``migration``."""
    pohon = data.pohon
    if pohon is not None and pohon.has_tree and pohon.tree is not None:
        return pohon.tree, pohon.metode, []
    from xlwings_app.domain.tree.migration import tree_from_indicators
    from xlwings_app.sheets.pohon import nomenklatur

    migration = tree_from_indicators(data.indicators, nomenklatur(), data.cells)
    note = Problem("Workbook belum punya sheet Pohon Kinerja: pohon dibaca dari IKU dan IKI (sasaran dari Sasaran "
                   "Strategis, program/kegiatan dari kode di kolom Program/Kegiatan).", tingkat="catatan")  # fmt: skip
    return migration.tree, DEFAULT_METODE, [note]


def _ready(data: WorkbookData, folder: Path, what: str) -> None:
    if data.errors:
        raise LaporanDitolak(f"{what} tidak dibuat: {len(data.errors)} masalah pada data harus diperbaiki dulu.",
                             data.errors)  # fmt: skip
    if data.profil is None:
        raise LaporanDitolak(f"{what} tidak dibuat: sheet Profil belum lengkap.")
    if why := output_folder_problem(folder):
        raise LaporanDitolak(f"{what} tidak dibuat: {why}")


def _stamp(master: Master, periode: Periode, aksi: tuple[Aksi, ...], mulai: dt.datetime, what: str) -> list[Problem]:
    from xlwings_app.domain.problems import Refusal
    from xlwings_app.services import log_otomatis

    runs = [Jalan(a, mulai, dt.datetime.now(), what) for a in aksi]
    stamp = log_otomatis.rencana(master, periode.value, runs)
    if not log_otomatis.stage(master, stamp):
        return []
    try:
        master.commit()
    except Refusal as exc:
        return [Problem(f"Log SOP tidak diisi: {exc}", file=master.name, tingkat="catatan")]
    return [Problem(m, file=master.name, tingkat="catatan") for m in log_otomatis.pesan(stamp)]


def kertas_kerja(
    source: Path | Master, out_dir: Path | None = None, periode: Periode | None = None, pdf: bool = False,
    tanggal: dt.date | None = None, draf: bool = False, lambang: Path | None = None, log: bool = True,
) -> DokumenPohon:  # fmt: skip
    """The Kertas Kerja Pengukuran Kinerja of ``periode`` (default: the active one) beside the workbook."""
    from xlwings_app.domain.tree.manual import manual_gaps

    mulai = dt.datetime.now()
    what = "Kertas Kerja Pengukuran Kinerja"
    with using(source) as master:
        data = master.data()
        folder = out_dir or master.path.parent
        _ready(data, folder, what)
        assert data.profil is not None
        profil = data.profil
        tree, metode, notes = tree_of(data)
        manuals = data.pohon.manuals if data.pohon is not None else {}
        gaps = [p for p in manual_gaps([h.indicator for h in tree.indicators], manuals, _cells(data))
                if p.tingkat != "catatan"]  # fmt: skip
        if gaps and not draf:
            raise LaporanDitolak(
                f"{what} final tidak dibuat: {len(gaps)} indikator belum lengkap metodologinya (Manual Indikator: "
                "definisi operasional, sumber data, pembilang/penyebut). Lengkapi, atau buat draf dengan --draf:",
                [p.in_file(master.name) for p in gaps],
            )  # fmt: skip
        chosen = periode or data.settings.periode_aktif
        hasil = measure_tree(tree, chosen, data.settings, metode)
        now = dt.datetime.now().astimezone()
        signed, date_notes = signing_date(profil, tanggal, now)
        kode = verification_code(profil, chosen, data.indicators, data.settings)
        kekurangan = tuple(str(p) for p in gaps) if draf else None
        dokumen = Dokumen(chosen, kode, signed, now, kekurangan)
        image, image_notes = lambang_of(data, master.path, lambang)
        context = kertas_kerja_context(profil, data.settings, tree, hasil, manuals, metode, dokumen,
                                       sekretaris(profil))  # fmt: skip
        stem = f"Kertas_Kerja_Pengukuran_Kinerja_{profil.tahun}_{chosen.value}" + (DRAF_SUFFIX if draf else "")
        docx = folder / f"{stem}.docx"
        pdf_path = write_document(docx, render_bytes(resource_dir("report_templates") / KERTAS_KERJA, context,
                                             lambang=image), pdf)  # fmt: skip
        notes = [*notes, *date_notes, *image_notes]
        if log:
            notes += _stamp(master, chosen, ("metodologi", "pengukuran"), mulai, docx.name)
    return DokumenPohon(docx, pdf_path, chosen, draf, kode, hasil, notes)


def _cells(data: WorkbookData) -> CombinedCells:
    return CombinedCells(data.pohon.cells if data.pohon is not None else {}, data.cells)


MAX_BOXES = 48
"""Boxes the picture holds and still reads on one A4 page; a larger tree is drawn down to the deepest
level that fits (its lower levels are in the Rekapitulasi's tables)."""


def tree_picture(tree: Tree, hasil: dict[str, CapaianSimpul]) -> tuple[bytes, str]:
    """The pohon kinerja with capaian as a picture (``pohon_gambar.draw_tree``) and, when the tree
    was cut to fit one page (``MAX_BOXES``), a note saying down to which level."""
    from xlwings_app.domain.tree.codes import Jenjang
    from xlwings_app.sheets.pohon_rekap import node_label

    walked = [(n, depth) for n, depth in tree.walk() if n.key in hasil]
    deepest = max((n.jenjang.depth for n, _ in walked), default=0)
    cut = deepest
    while cut > 0 and sum(1 for n, _ in walked if n.jenjang.depth <= cut) > MAX_BOXES:
        cut -= 1
    boxes = [Kotak(depth, node_label(hasil[n.key], 0), hasil[n.key].capaian, hasil[n.key].predikat)
             for n, depth in walked if n.jenjang.depth <= cut]  # fmt: skip
    note = ""
    if cut < deepest:
        shown = list(Jenjang)[cut].value
        note = (f"Gambar sampai tingkat {shown} agar terbaca pada satu halaman A4; tingkat di bawahnya ada pada "
                "tabel bagian B.")  # fmt: skip
    return draw_tree(boxes), note


def rekapitulasi(
    source: Path | Master, out_dir: Path | None = None, periode: Periode | None = None, pdf: bool = False,
    tanggal: dt.date | None = None, draf: bool = False, lambang: Path | None = None, log: bool = True,
) -> DokumenPohon:  # fmt: skip
    """The Rekapitulasi Hasil Pengukuran Kinerja per level of ``periode`` beside the workbook."""
    mulai = dt.datetime.now()
    what = "Rekapitulasi Hasil Pengukuran Kinerja"
    with using(source) as master:
        data = master.data()
        folder = out_dir or master.path.parent
        _ready(data, folder, what)
        assert data.profil is not None
        profil = data.profil
        tree, metode, notes = tree_of(data)
        chosen = periode or data.settings.periode_aktif
        hasil = measure_tree(tree, chosen, data.settings, metode)
        measured = [h for c in hasil.values() for h in c.hasil]
        kekurangan = gaps_of(data, measured, draf, f"{what} final")  # refused when final and incomplete
        now = dt.datetime.now().astimezone()
        signed, date_notes = signing_date(profil, tanggal, now)
        kode = verification_code(profil, chosen, data.indicators, data.settings)
        dokumen = Dokumen(chosen, kode, signed, now, kekurangan)
        image, image_notes = lambang_of(data, master.path, lambang)
        picture, note = tree_picture(tree, hasil)
        context = {**rekapitulasi_context(profil, tree, hasil, metode, dokumen, sekretaris(profil)),
                   "pohon_catatan": note}  # fmt: skip
        chart = draw_chart([Batang(label, value) for label, value in chart_bars(tree, hasil)])  # type: ignore[arg-type]
        pictures = {"pohon_gambar": (picture, float(TREE_WIDTH_MM))}
        stem = f"Rekapitulasi_Pengukuran_Kinerja_{profil.tahun}_{chosen.value}" + (DRAF_SUFFIX if draf else "")
        docx = folder / f"{stem}.docx"
        content = render_bytes(resource_dir("report_templates") / REKAPITULASI, context, chart, image, pictures)
        pdf_path = write_document(docx, content, pdf)
        notes = [*notes, *date_notes, *image_notes]
        if log:
            notes += _stamp(master, chosen, ("rekapitulasi",), mulai, docx.name)
    return DokumenPohon(docx, pdf_path, chosen, draf, kode, hasil, notes)
