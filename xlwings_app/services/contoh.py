"""The action "built-in example" (``kinerja contoh``, ``make demo``): the example unit end to end.

Writes the example workbook of Kecamatan Lumajang (``samples``), adds its SOPs (Pengukuran with the
TW3 log, Perencanaan with the log of the Rencana Kinerja 2024, Pengumpulan Data), computes, prints
the documents (Pengukuran, IKI, Rencana Kinerja, Perjanjian Kinerja), then distributes and collects
the TW4 forms, then a small kabupaten rekap of generated units (``services.contoh_kabupaten.contoh``),
the unit's Laporan Kinerja 2024 once the year is closed, draft then final (``services.contoh_lkjip.contoh``),
and the AKIP self-evaluation (``services.lke_contoh``); yields one Indonesian line of progress per step.
Every step is the same service a user runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from xlwings_app.adapters.documents import lambang_contoh as lambang
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.formatting import persen
from xlwings_app.domain.indicator import Periode
from xlwings_app.samples import example, example_sop
from xlwings_app.services.formulir import formulir
from xlwings_app.services.hitung import hitung
from xlwings_app.services.master import using
from xlwings_app.services.rekap import rekap
from xlwings_app.services.sop import periksa, summary_lines
from xlwings_app.services.workbook import create
from xlwings_app.sheets.changes import AddSopSheets, AppendLogRows

EXAMPLE_NAME = "kinerja-kecamatan-lumajang-2024.xlsx"


def contoh(folder: Path) -> Iterator[str]:
    """Write the example workbook into ``folder`` and run the whole pipeline over it.

    Yields one line of progress per step (Indonesian), for the CLI and ``make demo``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXAMPLE_NAME
    profil = {**example.PROFIL, "lambang": lambang.FILE_NAME}  # the placeholder is written beside it
    wb = build_workbook(profil, example.INDICATORS, example.SETTINGS, spare_rows=10, pejabat=example.PEJABAT)
    create(path, wb, overwrite=True)
    (folder / lambang.FILE_NAME).write_bytes(lambang.placeholder_png())
    yield f"Workbook contoh: {path} (lambang daerah: gambar pengganti {lambang.FILE_NAME})"
    yield from pohon_contoh(path)
    yield from sop_contoh(path)
    result = hitung(path)
    if not result.valid:
        raise RuntimeError("contoh bawaan tidak sah: " + "; ".join(str(p) for p in result.data.errors))
    for jenis, ringkasan in result.per_jenis.items():
        yield (
            f"{jenis.value} {result.periode.label}: {ringkasan.jumlah_indikator} indikator, "
            f"rata-rata capaian {persen(ringkasan.rata_rata_capaian)}%, tercapai {ringkasan.tercapai}, "
            f"tidak tercapai {ringkasan.tidak_tercapai}, belum diisi {ringkasan.belum_diisi}"
            + (f", tanpa target pada periode ini {ringkasan.tanpa_target}." if ringkasan.tanpa_target else ".")
        )
    yield f"Sheet Hasil dan Rekap ditulis ke {path}"
    yield from _documents(path, folder / "dokumen")
    from xlwings_app.services.sop import mulai

    opened = mulai(path, "TW4")  # the office opens the TW4 rows of its step log, then collects
    yield f"Log Langkah: baris TW4 ditambahkan (baris {opened.first_row}-{opened.last_row}); Kinerja mengisi langkahnya."
    yield from formulir_contoh(path, folder / "formulir")
    from xlwings_app.services import laporan_pengumpulan

    yield from laporan_pengumpulan.contoh(path, folder / "formulir", folder / "pengumpulan")
    yield from _laporan_sop(path, folder / "pengumpulan", "TW4", draf=True)
    from xlwings_app.services.contoh_administrasi import contoh as administrasi_contoh

    yield from administrasi_contoh(path, folder / "administrasi")
    from xlwings_app.services.contoh_kabupaten import contoh as kabupaten_contoh

    yield from kabupaten_contoh(folder / "kabupaten")
    from xlwings_app.services.contoh_lkjip import contoh as lkjip_contoh

    yield from lkjip_contoh(folder / "lkjip")  # its own workbook: independent of the steps around it
    from xlwings_app.services.lke_contoh import contoh as lke_contoh

    yield from lke_contoh(path, folder / "lke")


def _documents(path: Path, out_dir: Path) -> Iterator[str]:
    """The Pengukuran Kinerja document of the active period, as .docx and (with LibreOffice) PDF."""
    from xlwings_app.adapters.documents.pdf import PdfUnavailable
    from xlwings_app.services.laporan import laporan

    try:
        doc = laporan(path, out_dir, pdf=True)
    except PdfUnavailable as exc:
        doc = laporan(path, out_dir, pdf=False)
        yield f"PDF tidak dibuat: {exc}"
    yield f"Dokumen Pengukuran Kinerja ({doc.periode.label}): {doc.docx}"
    if doc.pdf is not None:
        yield f"PDF: {doc.pdf} (kode verifikasi {doc.kode_verifikasi})"
    from xlwings_app.services.laporan_iki import laporan_iki

    individu = laporan_iki(path, out_dir / "individu")
    yield f"Dokumen Pengukuran Kinerja Individu: {len(individu)} dokumen (satu per pejabat) di {out_dir / 'individu'}"
    yield from _plan_documents(path, out_dir, pdf=doc.pdf is not None)
    yield from _pohon_documents(path, out_dir, pdf=doc.pdf is not None)
    yield from _laporan_sop(path, out_dir, example_sop.PERIODE, sop="Pengukuran", pdf=doc.pdf is not None)


def _laporan_sop(path: Path, out_dir: Path, periode: str, sop: str | None = None, draf: bool = False,
                 pdf: bool = True) -> Iterator[str]:
    """The Laporan Kepatuhan Waktu SOP for the Sekretaris: TW3's Pengukuran log as a final report; TW4,
    whose steps Kinerja stamped while the forms went out and came back, as a draft."""
    from xlwings_app.adapters.documents.pdf import PdfUnavailable
    from xlwings_app.services.laporan_sop import laporan_sop

    tanggal = example_sop.TANGGAL_LAPORAN if periode == example_sop.PERIODE else None  # TW4: the day it runs
    try:
        hasil = laporan_sop(path, periode, sop, out_dir, pdf=pdf, draf=draf, tanggal=tanggal)
    except PdfUnavailable:
        hasil = laporan_sop(path, periode, sop, out_dir, pdf=False, draf=draf, tanggal=tanggal)
    yield (f"Laporan Kepatuhan Waktu SOP {periode}{' (draf)' if draf else ''}, {', '.join(hasil.sop)}: "
           f"{hasil.pdf or hasil.docx}")


def _plan_documents(path: Path, out_dir: Path, pdf: bool) -> Iterator[str]:
    """The Rencana Kinerja Tahunan and the Perjanjian Kinerja (the unit's and one per official)."""
    from xlwings_app.services.perjanjian import perjanjian
    from xlwings_app.services.rencana import rencana

    plan = rencana(path, out_dir, pdf=pdf)
    yield f"Rencana Kinerja Tahunan: {plan.pdf or plan.docx}"
    [unit] = perjanjian(path, out_dir, pdf=pdf)
    yield f"Perjanjian Kinerja {unit.pejabat}: {unit.pdf or unit.docx}"
    individu = perjanjian(path, out_dir / "perjanjian", pdf=pdf, iki=True)
    yield f"Perjanjian Kinerja pejabat: {len(individu)} dokumen (satu per pejabat) di {out_dir / 'perjanjian'}"


def pohon_contoh(path: Path) -> Iterator[str]:
    """Add the example's performance tree and Manual Indikator (``samples.pohon``) to the workbook."""
    from xlwings_app.samples import pohon
    from xlwings_app.sheets.changes import PutPohon
    from xlwings_app.sheets.pohon import manual_values, pohon_values

    with using(path) as master:
        master.stage(PutPohon(pohon_values(pohon.NODES, str(example.PROFIL["unit"])),
                              manual_values(pohon.MANUALS, pohon.SIMPUL)))  # fmt: skip
        master.commit()
    counts = {j: sum(1 for n in pohon.NODES if n.jenjang is j) for j in {n.jenjang for n in pohon.NODES}}
    yield ("Pohon kinerja contoh: " + ", ".join(f"{counts[j]} {j.value.lower()}" for j in sorted(counts, key=lambda j: j.depth))
           + f"; Manual Indikator {len(pohon.MANUALS)} indikator.")  # fmt: skip


def _pohon_documents(path: Path, out_dir: Path, pdf: bool) -> Iterator[str]:
    """The Tim SAKIP's Kertas Kerja Pengukuran Kinerja and Rekapitulasi Hasil Pengukuran Kinerja per level."""
    from xlwings_app.services.pohon import kertas_kerja, rekapitulasi

    kertas = kertas_kerja(path, out_dir, pdf=pdf)
    yield f"Kertas Kerja Pengukuran Kinerja ({kertas.periode.label}): {kertas.pdf or kertas.docx}"
    rekap = rekapitulasi(path, out_dir, pdf=pdf)
    yield f"Rekapitulasi Hasil Pengukuran Kinerja per tingkat ({rekap.periode.label}): {rekap.pdf or rekap.docx}"


def sop_contoh(path: Path) -> Iterator[str]:
    """Add the example SOP and its filled TW3 log to the workbook at ``path``, then check it.

    For ``kinerja contoh``: yields the lines to print.
    """
    from xlwings_app.domain.sop.adapt import catatan
    from xlwings_app.domain.sop.log import new_period_entries
    from xlwings_app.sheets.sop_layout import LOG_HEADER_ROW, SopPlace, short_name

    perencanaan, plan_replaced = example_sop.own(example_sop.PERENCANAAN_PRESET)
    pengumpulan, data_replaced = example_sop.own(example_sop.PENGUMPULAN_PRESET)
    plan_place, data_place = SopPlace(short_name(perencanaan.nama)), SopPlace(short_name(pengumpulan.nama))
    (sop, replaced), rows = example_sop.adapted(), example_sop.example_log()
    first = LOG_HEADER_ROW + 1
    with using(path) as master:
        master.stage(AddSopSheets(sop, 2024, catatan("Kecamatan Lumajang", replaced)))
        master.stage(AppendLogRows(sop, rows, first))
        master.stage(AddSopSheets(perencanaan, 2024, catatan("Kecamatan Lumajang", plan_replaced), plan_place))
        master.stage(AppendLogRows(perencanaan, example_sop.perencanaan_log(), first, plan_place))
        master.stage(AddSopSheets(pengumpulan, 2024, catatan("Kecamatan Lumajang", data_replaced), data_place))
        master.stage(AppendLogRows(pengumpulan, new_period_entries(pengumpulan, example_sop.PERIODE), first, data_place))
        master.commit()
    yield f"SOP contoh: {sop.nama} (preset {example_sop.PRESET}), log {example_sop.PERIODE} terisi."
    result = periksa(path)
    if not result.valid:
        raise RuntimeError("log SOP contoh tidak sah: " + "; ".join(str(p) for p in result.problems))
    for summary in result.summaries:
        yield from summary_lines(summary, result.day_minutes)
    yield f"Sheet Hasil SOP ditulis ke {path}"
    plan = periksa(path, sop=plan_place.nama)
    if not plan.valid:
        raise RuntimeError("log SOP Perencanaan contoh tidak sah: " + "; ".join(str(p) for p in plan.problems))
    yield f"SOP contoh: {perencanaan.nama} (sheet {plan_place.sop}), log {example_sop.PERENCANAAN_PERIODE} terisi."
    for summary in plan.summaries:
        yield from summary_lines(summary, plan.day_minutes)
    yield (f"Sheet {plan_place.hasil} ditulis; {pengumpulan.nama} di sheet {data_place.sop} "
           f"(log {example_sop.PERIODE} dimulai).")


def formulir_contoh(path: Path, out_dir: Path) -> Iterator[str]:
    """The demo step of ``kinerja contoh``: distribute the example's TW4 forms, then collect them.

    The example is measured s.d. TW III, so TW IV is the period whose data is collected next. The
    rekap runs on the forms as handed out: none has come back (``forms.kembali``), every check runs,
    nothing changes and the rekap does not rewrite the master (making the forms kept their key in
    it, ``forms.kunci``).
    """
    periode = Periode.TW4
    result = formulir(path, out_dir, periode, overwrite=True)
    if not result.valid:
        raise RuntimeError("; ".join(str(p) for p in result.data.errors))
    yield f"Formulir {periode.value}: {len(result.formulir)} file (satu per penanggung jawab) di {out_dir}"
    if result.tanda_terima:
        yield f"Tanda terima formulir (cetak A4, ditandatangani penerima): {result.tanda_terima}"
    yield from result.log
    hasil = rekap(path, [out_dir], periode)
    if not hasil.valid:
        raise RuntimeError("; ".join(str(p) for p in hasil.problems if p.is_error))
    k = hasil.konsolidasi
    yield (
        f"Rekap formulir {periode.value} tepat setelah dibagikan: {k.jumlah_formulir} formulir masuk, "
        f"{len(k.belum_kembali)} belum kembali (masih kosong), {len(hasil.perubahan)} perubahan "
        "(isi formulir lalu jalankan: kinerja rekap FILE FOLDER --periode TW4)."
    )
    yield from hasil.log
