"""Service: ``arsip``: seal a period after signing.

Rules:
- the period's document is rendered again from the workbook (.docx, and PDF when a converter is
  present), so the archive holds exactly what the verification code covers;
- the zip holds the workbook snapshot (``workbook/<name>``), the documents (``dokumen/``), any
  extra files the user adds, e.g. the scanned signed copy (``lampiran/``), and ``manifest.json``;
- the result carries the ``SealRecord`` the workbook must record (``domain.seal``);
- refused like ``laporan`` while the inputs have error problems, and while an unmet indicator
  lacks Permasalahan or Rencana Aksi (only a final document is archived; no draft);
- the manifest records when the document was made (``dokumen_dibuat``) and the date it carries
  (``tanggal_penandatanganan``): the signed page itself prints no generation time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from xlwings_app.adapters.documents.archive import build_archive, sha256_file
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.adapters.documents.pdf import PdfUnavailable
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure_all
from xlwings_app.domain.problems import errors
from xlwings_app.domain.seal import SealRecord, seal_record
from xlwings_app.domain.sop.otomatis import Jalan
from xlwings_app.domain.verification import indicator_fingerprint
from xlwings_app.services import log_otomatis
from xlwings_app.services.laporan import (
    Laporan,
    LaporanDitolak,
    SumberData,
    buat_laporan,
    gaps_of,
    iku_of,
    lambang_of,
)
from xlwings_app.services.master import Master, using
from xlwings_app.sheets.changes import AppendSeal

FORMAT = 1


@dataclass(frozen=True)
class Arsip:
    """The archive written, the record to keep in the workbook, and notes for the user."""

    zip: Path
    record: SealRecord
    laporan: Laporan
    catatan: list[str]


def archive_name(tahun: int, periode: Periode, when: dt.datetime) -> str:
    """ "Arsip_Pengukuran_Kinerja_2024_TW2_20240705-0930.zip"."""
    return f"Arsip_Pengukuran_Kinerja_{tahun}_{periode.value}_{when:%Y%m%d-%H%M}.zip"


def buat_arsip(
    data: SumberData,
    workbook: Path,
    periode: Periode,
    out_dir: Path,
    lampiran: Sequence[Path] = (),
    sekarang: dt.datetime | None = None,
    pdf: bool = True,
    lambang: bytes | None = None,
) -> Arsip:
    """Seal ``periode``: render, zip with the workbook snapshot and manifest, return the record.

    ``pdf=False`` archives the .docx alone (generated sample units, where speed matters).
    """
    if why := output_folder_problem(out_dir):
        raise LaporanDitolak(f"Arsip tidak dibuat: {why}")
    if not errors(data.problems):  # a period is sealed only once its final document can be signed
        results = measure_all(iku_of(data), periode, data.settings)
        gaps_of(data, results, False, "Arsip", "Lengkapi sel berikut, buat dokumen final, lalu arsipkan:")
    sekarang = sekarang or dt.datetime.now().astimezone()
    catatan: list[str] = []
    work = out_dir / f".arsip-{periode.value}-{sekarang:%Y%m%d%H%M%S}"
    try:
        doc = buat_laporan(data, work, periode, pdf=pdf, sekarang=sekarang, lambang=lambang)
    except PdfUnavailable as exc:
        catatan.append(f"Arsip tanpa PDF: {exc}")
        doc = buat_laporan(data, work, periode, pdf=False, sekarang=sekarang, lambang=lambang)
    profil = data.profil
    assert profil is not None  # buat_laporan refuses a workbook without a Profil
    files = {f"workbook/{workbook.name}": workbook, f"dokumen/{doc.docx.name}": doc.docx}
    if doc.pdf is not None:
        files[f"dokumen/{doc.pdf.name}"] = doc.pdf
    files.update({f"lampiran/{p.name}": p for p in lampiran})
    iku = iku_of(data)
    info = {
        "format": FORMAT,
        "kabupaten": profil.kabupaten,
        "unit": profil.unit,
        "tahun": profil.tahun,
        "periode": periode.value,
        "kode_verifikasi": doc.kode_verifikasi,
        "disegel": sekarang.isoformat(timespec="seconds"),
        "dokumen_dibuat": sekarang.isoformat(timespec="seconds"),
        "tanggal_penandatanganan": doc.tanggal.isoformat() if doc.tanggal else None,
        "sidik_indikator": {i.kode: indicator_fingerprint(i, periode) for i in iku},
    }
    zip_path = build_archive(out_dir / archive_name(profil.tahun, periode, sekarang), files, info)
    for path in work.iterdir():
        path.unlink()
    work.rmdir()
    record = seal_record(profil, data.settings, iku, periode, zip_path.name, sha256_file(zip_path), sekarang)
    return Arsip(zip_path, record, doc, catatan)


def arsip(
    path: Path,
    periode: Periode,
    out_dir: Path | None = None,
    lampiran: Sequence[Path] = (),
    segel: Master | None = None,
) -> Arsip:
    """``buat_arsip`` on the saved workbook at ``path`` (archive beside it by default), then record
    the seal in sheet Segel: of the file itself (one locked, atomic commit), or of ``segel`` when
    given (the ribbon: the workbook open in Excel, which holds the file). The archiving step of the
    SOP is stamped into the same workbook's Log Langkah in that commit (``services.log_otomatis``)."""
    mulai = dt.datetime.now()
    with using(path) as master:
        data = master.data()
        image, image_notes = lambang_of(data, path, None)
        result = buat_arsip(data, path, periode, out_dir or path.parent, lampiran, lambang=image)
        result.catatan.extend(n.pesan for n in [*image_notes, *result.laporan.peringatan])
        target = segel or master
        target.stage(AppendSeal(result.record))
        run = Jalan("arsip", mulai, dt.datetime.now(), result.zip.name)
        stamp = log_otomatis.rencana(target, periode.value, [run])
        if log_otomatis.stage(target, stamp):
            result.catatan.extend(log_otomatis.pesan(stamp))
        target.commit()
    return result
