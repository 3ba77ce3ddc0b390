"""The actions "new workbook" (``kinerja baru``) and "built-in example" (``kinerja contoh``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.formatting import persen
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.sop.presets import DEFAULT_PRESET
from xlwings_app.samples import example, lambang
from xlwings_app.services import formulir
from xlwings_app.services.hitung import hitung
from xlwings_app.services.sop import contoh as sop_contoh
from xlwings_app.services.workbook import WorkbookError, create

EXAMPLE_NAME = "kinerja-kecamatan-lumajang-2024.xlsx"


def baru(path: Path, overwrite: bool = False, sop: str = DEFAULT_PRESET, tahun: int | None = None) -> None:
    """Create an empty Kinerja workbook at ``path`` holding the SOP preset(s) ``sop``.

    The sheets SOP, Kalender (that year's cuti bersama filled in) and Log Langkah come from the
    preset; the user may edit them. ``sop`` may list several presets separated by commas
    ("pengukuran-lumajang,perencanaan-lumajang"): the first gets the sheets SOP and Log Langkah,
    each further one its own (SOP Perencanaan, Log Perencanaan). ``tahun`` defaults to this year.
    """
    from xlwings_app.adapters.openpyxl.sop_sheets import DEFAULT_PLACE, SopPlace, add_sop_sheets, short_name
    from xlwings_app.domain.sop.presets import UnknownPreset, preset

    try:
        chosen = [preset(name.strip()) for name in sop.split(",") if name.strip()]
    except UnknownPreset as exc:
        raise WorkbookError(str(exc)) from exc
    year = tahun or date.today().year
    wb = build_workbook({"tahun": tahun} if tahun else {}, [], Settings())
    places = [DEFAULT_PLACE] + [SopPlace(short_name(s.nama)) for s in chosen[1:]]
    if len({short_name(s.nama) for s in chosen}) < len(chosen):
        raise WorkbookError(f"--sop {sop}: dua SOP bernama sama; pilih SOP yang berbeda jenisnya.")
    for place, one in zip(places, chosen, strict=False):
        add_sop_sheets(wb, one, year, place=place)
    create(path, wb, overwrite=overwrite)


def contoh(folder: Path) -> Iterator[str]:
    """Write the example workbook into ``folder`` and run the whole pipeline over it.

    Yields one line of progress per step (Indonesian), for the CLI and ``make demo``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXAMPLE_NAME
    wb = build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=10, pejabat=example.PEJABAT)
    create(path, wb, overwrite=True)
    (folder / lambang.FILE_NAME).write_bytes(lambang.placeholder_png())
    yield f"Workbook contoh: {path} (lambang daerah: gambar pengganti {lambang.FILE_NAME})"
    yield from sop_contoh(path)
    result = hitung(path)
    if not result.valid:
        raise RuntimeError("contoh bawaan tidak sah: " + "; ".join(str(p) for p in result.data.errors))
    for jenis, ringkasan in result.per_jenis.items():
        yield (
            f"{jenis.value} {result.periode.label}: {ringkasan.jumlah_indikator} indikator, "
            f"rata-rata capaian {persen(ringkasan.rata_rata_capaian)}%, tercapai {ringkasan.tercapai}, "
            f"tidak tercapai {ringkasan.tidak_tercapai}, belum diisi {ringkasan.belum_diisi}."
        )
    yield f"Sheet Hasil dan Rekap ditulis ke {path}"
    yield from _documents(path, folder / "dokumen")
    yield from formulir.contoh(path, folder / "formulir")


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
