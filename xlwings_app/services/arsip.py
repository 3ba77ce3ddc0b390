"""Service: ``arsip``: seal a period after signing.

Rules:
- the period's document is rendered again from the workbook (.docx, and PDF when a converter is
  present), so the archive holds exactly what the verification code covers;
- the zip holds the workbook snapshot (``workbook/<name>``), the documents (``dokumen/``), any
  extra files the user adds, e.g. the scanned signed copy (``lampiran/``), and ``manifest.json``;
  two attachments of one name are both kept ("scan.pdf", "scan (2).pdf"), the same file named twice
  once;
- the result carries the ``SealRecord`` the workbook must record (``domain.seal``);
- refused like ``laporan`` while the inputs have error problems, and while an unmet indicator
  lacks Permasalahan or Rencana Aksi (only a final document is archived; no draft);
- the manifest records when the document was made (``dokumen_dibuat``) and the date it carries
  (``tanggal_penandatanganan``): the signed page itself prints no generation time;
- archives never replace each other: the name carries the second of sealing
  ("Arsip_Pengukuran_Kinerja_2024_TW2_20240705-093012.zip"), and " (2)", " (3)" when taken;
- one unit of work (``arsip``): every attachment is checked, and the master checked writable and not
  open in Excel, before anything is rendered; the zip is written under a temporary name, the seal
  committed to the master, then the zip moved to its name. A refusal or failure anywhere leaves no
  archive without its seal and no work folder. Runs into one folder take turns (a lock); the work
  folders and temporary zips a killed run left there are cleaned first, and a zip whose seal was
  already committed when its run was killed is put in place then.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from xlwings_app.adapters.documents.archive import sha256_file, write_archive
from xlwings_app.adapters.documents.atomic import WriteFailed, failed, place_new, temp_name
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.adapters.documents.pdf import PdfUnavailable
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure_all
from xlwings_app.domain.seal import SealRecord, seal_record
from xlwings_app.domain.sop.otomatis import Jalan
from xlwings_app.domain.verification import indicator_fingerprint
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.services import log_otomatis
from xlwings_app.services.laporan import (
    Laporan,
    LaporanDitolak,
    buat_laporan,
    gaps_of,
    iku_of,
    lambang_of,
    signable,
)
from xlwings_app.services.master import Master, using
from xlwings_app.sheets.changes import AppendSeal

FORMAT = 1
WORK_PREFIX = ".arsip-"
_TEMP_ZIP = re.compile(r"^\.~(?P<name>Arsip_.+\.zip)\..+\.tmp(\.zip)?$")


@dataclass(frozen=True)
class Arsip:
    """The archive written, the record to keep in the workbook, and notes for the user.

    ``zip`` is the archive's path; ``sementara`` the temporary file holding it while it is not yet in
    place (``buat_arsip(place=False)``: the seal is committed first)."""

    zip: Path
    record: SealRecord
    laporan: Laporan
    catatan: list[str]
    sementara: Path | None = None


def archive_name(tahun: int, periode: Periode, when: dt.datetime) -> str:
    """ "Arsip_Pengukuran_Kinerja_2024_TW2_20240705-093012.zip"."""
    return f"Arsip_Pengukuran_Kinerja_{tahun}_{periode.value}_{when:%Y%m%d-%H%M%S}.zip"


def free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or "<stem> (2).zip", "(3)", ... when a file of that name is there."""
    target, n = folder / name, 2
    while target.exists():
        target = folder / f"{Path(name).stem} ({n}){Path(name).suffix}"
        n += 1
    return target


def attachments(lampiran: Sequence[Path]) -> dict[str, Path]:
    """The archive names of ``lampiran``: "lampiran/<name>", "lampiran/<stem> (2)<suffix>" for a second
    file of the same name; a file given twice is archived once. A missing attachment, or one that is
    no readable file, is refused (naming it) before anything is made."""
    problems = []
    for path in lampiran:
        if not path.is_file():
            what = "adalah folder, bukan file" if path.is_dir() else "tidak ditemukan"
            problems.append(f"Lampiran {path} {what}.")
        elif not os.access(path, os.R_OK):
            problems.append(f"Lampiran {path} tidak dapat dibaca (izin ditolak).")
    if problems:
        raise LaporanDitolak("Arsip tidak dibuat: lampiran tidak dapat dipakai; tidak ada yang ditulis.", problems)
    named: dict[str, Path] = {}
    seen: set[Path] = set()
    for path in lampiran:
        real = path.resolve()
        if real in seen:
            continue
        seen.add(real)
        name, n = f"lampiran/{path.name}", 2
        while name.casefold() in {k.casefold() for k in named}:
            name, n = f"lampiran/{path.stem} ({n}){path.suffix}", n + 1
        named[name] = path
    return named


def buat_arsip(
    data: WorkbookData,
    workbook: Path,
    periode: Periode,
    out_dir: Path,
    lampiran: Sequence[Path] = (),
    now: dt.datetime | None = None,
    pdf: bool = True,
    lambang: bytes | None = None,
    place: bool = True,
) -> Arsip:
    """Seal ``periode``: render, zip with the workbook snapshot and manifest, return the record.

    ``pdf=False`` archives the .docx alone (generated sample units, where speed matters). With
    ``place=False`` the zip stays under its temporary name (``Arsip.sementara``) until ``put_in_place``.
    """
    if why := output_folder_problem(out_dir):
        raise LaporanDitolak(f"Arsip tidak dibuat: {why}")
    extra = attachments(lampiran)
    sealable(data, periode)
    now = now or dt.datetime.now().astimezone()
    catatan: list[str] = []
    with _work_folder(out_dir, periode, now) as work:
        try:
            doc = buat_laporan(data, work, periode, pdf=pdf, now=now, lambang=lambang)
        except PdfUnavailable as exc:
            catatan.append(f"Arsip tanpa PDF: {exc}")
            doc = buat_laporan(data, work, periode, pdf=False, now=now, lambang=lambang)
        profil = data.profil
        assert profil is not None  # buat_laporan refuses a workbook without a Profil
        files = {f"workbook/{workbook.name}": workbook, f"dokumen/{doc.docx.name}": doc.docx}
        if doc.pdf is not None:
            files[f"dokumen/{doc.pdf.name}"] = doc.pdf
        files.update(extra)
        iku = iku_of(data)
        info = {
            "format": FORMAT,
            "kabupaten": profil.kabupaten,
            "unit": profil.unit,
            "tahun": profil.tahun,
            "periode": periode.value,
            "kode_verifikasi": doc.kode_verifikasi,
            "disegel": now.isoformat(timespec="seconds"),
            "dokumen_dibuat": now.isoformat(timespec="seconds"),
            "tanggal_penandatanganan": doc.tanggal.isoformat() if doc.tanggal else None,
            "sidik_indikator": {i.kode: indicator_fingerprint(i, periode) for i in iku},
        }
        target = free_name(out_dir, archive_name(profil.tahun, periode, now))
        tmp = temp_name(target)
        try:
            write_archive(tmp, files, info)
            digest = sha256_file(tmp)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise failed(target, exc) from exc
    record = seal_record(profil, data.settings, iku, periode, target.name, digest, now)
    made = Arsip(target, record, doc, catatan, tmp)
    return put_in_place(made) if place else made


def sealable(data: WorkbookData, periode: Periode) -> None:
    """Refuse (``LaporanDitolak``) a period whose final document cannot be signed: input errors, Profil
    fields a signed document needs, an unmet indicator without its analysis."""
    signable(data)
    results = measure_all(iku_of(data), periode, data.settings)
    gaps_of(data, results, False, "Arsip", "Lengkapi sel berikut, buat dokumen final, lalu arsipkan:")


def put_in_place(made: Arsip) -> Arsip:
    """Move the archive from its temporary name to its own (never over another file)."""
    if made.sementara is None:
        return made
    return replace(made, zip=place_new(made.sementara, made.zip, limit=1), sementara=None)


@contextlib.contextmanager
def _work_folder(out_dir: Path, periode: Periode, when: dt.datetime) -> Iterator[Path]:
    """A folder for the documents being archived, removed afterwards whatever happens."""
    work = out_dir / f"{WORK_PREFIX}{periode.value}-{when:%Y%m%d%H%M%S}-{os.getpid()}"
    try:
        work.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise failed(work, exc, "tidak dapat dibuat") from exc
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def clean_leftovers(out_dir: Path, seals: Sequence[SealRecord]) -> None:
    """What killed runs left in ``out_dir`` (called holding the folder's archive lock, so no run is
    under way): work folders go, and temporary zips go, except one whose seal was committed before
    its run was killed, which is put in place under the name the seal records."""
    if not out_dir.is_dir():
        return
    recorded = {r.arsip: r.sha256_arsip for r in seals}
    for item in list(out_dir.iterdir()):
        if item.is_dir() and item.name.startswith(WORK_PREFIX):
            shutil.rmtree(item, ignore_errors=True)
            continue
        found = _TEMP_ZIP.match(item.name)
        if not found or not item.is_file():
            continue
        final = out_dir / found["name"]
        with contextlib.suppress(OSError, WriteFailed):
            if recorded.get(final.name) == sha256_file(item) and not final.exists():
                place_new(item, final, limit=1)
        with contextlib.suppress(OSError):
            item.unlink()


def _check_master(path: Path) -> None:
    """The master file can take the seal: not open in Excel, writable (before anything is made)."""
    from xlwings_app.adapters.xlsx.safe_write import ensure_not_open_in_excel, ensure_writable, target_of

    for place in dict.fromkeys((path, target_of(path))):
        ensure_not_open_in_excel(place)
        ensure_writable(place)


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
    SOP is stamped into the same workbook's Log Langkah in that commit (``services.log_otomatis``).
    The archive is put in place once the seal is committed (see the module's rules)."""
    from xlwings_app.adapters.xlsx.safe_write import writer_lock

    mulai = dt.datetime.now()
    folder = out_dir or path.parent
    attachments(lampiran)
    if why := output_folder_problem(folder):
        raise LaporanDitolak(f"Arsip tidak dibuat: {why}")
    with using(path) as master:
        target = segel or master
        data = master.data()
        sealable(data, periode)
        if not target.live:
            _check_master(path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise failed(folder, exc, "tidak dapat dibuat") from exc
        with writer_lock(folder / "Arsip_Pengukuran_Kinerja"):  # one archiving run per folder at a time
            clean_leftovers(folder, [*data.segel, *target.data().segel])
            image, image_notes = lambang_of(data, path, None)
            result = buat_arsip(data, path, periode, folder, lampiran, lambang=image, place=False)
            try:
                result.catatan.extend(n.pesan for n in [*image_notes, *result.laporan.peringatan])
                target.stage(AppendSeal(result.record))
                run = Jalan("arsip", mulai, dt.datetime.now(), result.zip.name)
                stamp = log_otomatis.rencana(target, periode.value, [run])
                if log_otomatis.stage(target, stamp):
                    result.catatan.extend(log_otomatis.pesan(stamp))
                target.commit()
            except BaseException:
                if result.sementara is not None:
                    with contextlib.suppress(OSError):
                        result.sementara.unlink()
                raise
            return put_in_place(result)


