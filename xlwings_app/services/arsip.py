"""Service: ``arsip``: seal a document after signing: a period's Pengukuran Kinerja, the
Rencana Kinerja ("RK"), the unit's Perjanjian Kinerja ("PK") or the yearly Laporan Kinerja ("LKJIP").

Rules:
- the archive holds the document that was signed, never one rendered again: the files the final
  document's print record names (``services.cetak``: "<stem>.cetak.json" beside the document, in the
  workbook's folder or the one ``dokumen`` names), byte for byte. It is refused (``CetakDitolak``,
  naming each difference) when there is no such record, when a file is gone or changed, or when
  the workbook no longer gives the printed code signed as printed (its data, signer or settings
  changed since): a changed workbook is never sealed under an old signature;
- the zip holds the workbook snapshot (``workbook/<name>``), the documents (``dokumen/``), any
  extra files the user adds, e.g. the scanned signed copy (``lampiran/``), and ``manifest.json``;
  two attachments of one name are both kept ("scan.pdf", "scan (2).pdf"), the same file named twice
  once;
- the result carries the ``SealRecord`` the workbook must record (``domain.seal``): the printed
  code and the printed signing (date and signer);
- refused like ``laporan`` while the inputs have error problems, and while an unmet indicator
  lacks Permasalahan or Rencana Aksi;
- the manifest (``FORMAT`` 2) records when the document was made (``dokumen_dibuat``), the date and
  signer it printed (``tanggal_penandatanganan``, ``penandatangan``) and when it was sealed
  (``disegel``); its code covers that signing (``domain.verification``);
- archives never replace each other: the name carries the second of sealing
  ("Arsip_Pengukuran_Kinerja_2024_TW2_20240705-093012.zip", "Arsip_Rencana_Kinerja_2024_RK_...",
  "Arsip_LKjIP_2024_LKJIP_..."),
  and " (2)", " (3)" when taken;
- one unit of work (``arsip``): every attachment is checked, and the master checked writable and not
  open in Excel, before anything is written; the zip is written under a temporary name, the seal
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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from xlwings_app.adapters.documents.archive import read_manifest, sha256_file, write_archive
from xlwings_app.adapters.documents.atomic import WriteFailed, failed, place_new, temp_name
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.domain import cetak
from xlwings_app.domain.cetak import CatatanCetak, TandaTangan
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure_all
from xlwings_app.domain.seal import SealRecord, fingerprints, sealed
from xlwings_app.domain.sop.otomatis import Jalan
from xlwings_app.domain.verification import lkjip_code, plan_code, verification_code
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.services import log_otomatis
from xlwings_app.services.arsip_administrasi import anggota
from xlwings_app.services.cetak import CetakDitolak, printed, read_record
from xlwings_app.services.laporan import (
    LaporanDitolak,
    file_name,
    gaps_of,
    iku_of,
    signable,
)
from xlwings_app.services.master import Master, using
from xlwings_app.sheets.changes import AppendSeal

FORMAT = 2
"""2: the document packed is the one printed, and its code covers the signing (1: rendered again at
sealing, the code over the data alone)."""
WORK_PREFIX = ".arsip-"
_TEMP_ZIP = re.compile(r"^\.~(?P<name>Arsip_.+\.zip)\..+\.tmp(\.zip)?$")


@dataclass(frozen=True)
class Arsip:
    """The archive written, the record to keep in the workbook, and notes for the user.

    ``zip`` is the archive's path; ``sementara`` the temporary file holding it while it is not yet in
    place (``buat_arsip(place=False)``: the seal is committed first)."""

    zip: Path
    record: SealRecord
    cetak: CatatanCetak
    catatan: list[str]
    sementara: Path | None = None


def archive_name(tahun: int, periode: Periode | str, when: dt.datetime) -> str:
    """ "Arsip_Pengukuran_Kinerja_2024_TW2_20240705-093012.zip", "Arsip_Rencana_Kinerja_2024_RK_..."."""
    if periode == cetak.LKJIP:
        kind = "LKjIP"
    elif isinstance(periode, Periode):
        kind = "Pengukuran_Kinerja"
    else:
        kind = cetak.PLAN_DOCUMENTS[periode].replace(" ", "_")
    return f"Arsip_{kind}_{tahun}_{periode}_{when:%Y%m%d-%H%M%S}.zip"


def document_stem(data: WorkbookData, dokumen: Periode | str) -> str:
    """The signed document's file stem ("Pengukuran_Kinerja_2024_TW2", "Rencana_Kinerja_2024", "LKjIP_2024")."""
    profil = data.profil
    assert profil is not None
    if isinstance(dokumen, Periode):
        return file_name(profil, dokumen)
    if dokumen == cetak.LKJIP:
        return f"LKjIP_{profil.tahun}"
    return f"{cetak.PLAN_DOCUMENTS[dokumen].replace(' ', '_')}_{profil.tahun}"


def signed_document(data: WorkbookData, workbook: Path, dokumen: Periode | str, folder: Path) -> CatatanCetak:
    """The print record of ``dokumen``'s final document in ``folder``, once it still holds against
    the workbook (``services.cetak.printed``); ``CetakDitolak`` otherwise."""
    profil = data.profil
    assert profil is not None
    record = read_record(folder, document_stem(data, dokumen), cetak.label(dokumen))
    if record.dokumen != dokumen:
        raise CetakDitolak(f"Arsip tidak dibuat: catatan cetak di {folder} bukan milik {cetak.label(dokumen)}.")
    now = TandaTangan(record.tanda_tangan.tanggal, profil.penandatangan)
    iku = iku_of(data)
    if isinstance(dokumen, Periode):
        code = verification_code(profil, dokumen, iku, data.settings, now)
    elif dokumen == cetak.LKJIP:
        code = lkjip_code(profil, iku, data.settings, now)
    else:
        code = plan_code(profil, dokumen, iku, now)
    return printed(record, folder, now, fingerprints(dokumen, iku), code, workbook.name)


def free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or "<stem> (2).zip", "(3)", ... when a file of that name is there."""
    target, n = folder / name, 2
    while target.exists():
        target = folder / f"{Path(name).stem} ({n}){Path(name).suffix}"
        n += 1
    return target


def _unusable(path: Path) -> str:
    """Why the attachment at ``path`` cannot be archived as a copy of a paper: empty, unreadable, or
    a .pdf without the PDF signature; "" when it can."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        return f"tidak dapat dibaca ({exc.strerror or type(exc).__name__})"
    if not head:
        return "kosong (0 bait): pindai atau simpan ulang berkasnya"
    if path.suffix.casefold() == ".pdf" and b"%PDF-" not in head:
        return "bukan PDF yang dapat dibuka (isinya tidak diawali tanda PDF): simpan ulang sebagai PDF"
    return ""


def attachments(lampiran: Sequence[Path]) -> dict[str, Path]:
    """The archive names of ``lampiran``: "lampiran/<name>", "lampiran/<stem> (2)<suffix>" for a second
    file of the same name; a file given twice is archived once. A missing attachment, one that is
    no readable file, an empty one (0 bait: a scan that failed to save) or a .pdf that is no PDF
    is refused (naming it) before anything is made."""
    problems = []
    for path in lampiran:
        if not path.is_file():
            what = "adalah folder, bukan file" if path.is_dir() else "tidak ditemukan"
            problems.append(f"Lampiran {path} {what}.")
        elif not os.access(path, os.R_OK):
            problems.append(f"Lampiran {path} tidak dapat dibaca (izin ditolak).")
        elif why := _unusable(path):
            problems.append(f"Lampiran {path} {why}.")
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
    periode: Periode | str,
    out_dir: Path,
    lampiran: Sequence[Path] = (),
    now: dt.datetime | None = None,
    dokumen: Path | None = None,
    place: bool = True,
) -> Arsip:
    """Seal ``periode`` (or "RK" / "PK"): zip its signed document (found in ``dokumen``, by default the
    workbook's folder) with the workbook snapshot and manifest, return the record.

    With ``place=False`` the zip stays under its temporary name (``Arsip.sementara``) until ``put_in_place``.
    """
    if why := output_folder_problem(out_dir):
        raise LaporanDitolak(f"Arsip tidak dibuat: {why}")
    extra = attachments(lampiran)
    sealable(data, periode)
    folder = dokumen or workbook.parent
    record = signed_document(data, workbook, periode, folder)
    now = now or dt.datetime.now().astimezone()
    profil = data.profil
    assert profil is not None  # sealable refuses a workbook without a Profil
    files = {f"workbook/{workbook.name}": workbook}
    files.update({f"dokumen/{b.nama}": folder / b.nama for b in record.berkas})
    if isinstance(periode, Periode):  # the period's administrative papers written beside its document
        files.update(anggota(folder, periode.value))
    files.update(extra)
    signer = record.tanda_tangan.penandatangan
    info = {
        "format": FORMAT,
        "kabupaten": profil.kabupaten,
        "unit": profil.unit,
        "tahun": profil.tahun,
        "periode": str(periode),
        "kode_verifikasi": record.kode_verifikasi,
        "disegel": now.isoformat(timespec="seconds"),
        "dokumen_dibuat": record.dibuat.isoformat(timespec="seconds"),
        "tanggal_penandatanganan": record.tanda_tangan.tanggal.isoformat(),
        "penandatangan": {"jabatan": signer.jabatan_lengkap, "nama": signer.nama, "pangkat": signer.pangkat,
                          "nip": signer.nip},  # fmt: skip
        "sidik_indikator": dict(record.sidik_indikator),
    }
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise failed(out_dir, exc, "tidak dapat dibuat") from exc
    target = free_name(out_dir, archive_name(profil.tahun, periode, now))
    tmp = temp_name(target)
    try:
        write_archive(tmp, files, info)
        digest = sha256_file(tmp)
        archived = read_manifest(tmp).get("berkas", {})
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise failed(target, exc) from exc
    assert isinstance(archived, dict)
    if changed := [b.nama for b in record.berkas if archived.get(f"dokumen/{b.nama}") != b.sha256]:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise CetakDitolak(f"Arsip tidak dibuat: {', '.join(changed)} berubah saat diarsipkan; ulangi.")
    made = Arsip(target, sealed(record, target.name, digest, now), record, [])
    made = replace(made, sementara=tmp)
    return put_in_place(made) if place else made


def sealable(data: WorkbookData, periode: Periode | str) -> None:
    """Refuse (``LaporanDitolak``) a period whose final document cannot be signed: input errors, Profil
    fields a signed document needs, an unmet indicator without its analysis (a period's document)."""
    signable(data)
    if not isinstance(periode, Periode):
        return
    results = measure_all(iku_of(data), periode, data.settings)
    gaps_of(data, results, False, "Arsip", "Lengkapi sel berikut, buat dokumen final, lalu arsipkan:")


def put_in_place(made: Arsip) -> Arsip:
    """Move the archive from its temporary name to its own (never over another file)."""
    if made.sementara is None:
        return made
    return replace(made, zip=place_new(made.sementara, made.zip, limit=1), sementara=None)


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
    periode: Periode | str,
    out_dir: Path | None = None,
    lampiran: Sequence[Path] = (),
    segel: Master | None = None,
    dokumen: Path | None = None,
) -> Arsip:
    """``buat_arsip`` on the saved workbook at ``path`` (archive beside it by default; the signed
    document looked for in ``dokumen``, by default the workbook's folder), then record the seal in
    sheet Segel: of the file itself (one locked, atomic commit), or of ``segel`` when given (the
    ribbon: the workbook open in Excel, which holds the file). A period's archiving step of the SOP
    is stamped into the same workbook's Log Langkah in that commit (``services.log_otomatis``).
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
        signed_document(data, path, periode, dokumen or path.parent)  # refused before anything is written
        if not target.live:
            _check_master(path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise failed(folder, exc, "tidak dapat dibuat") from exc
        with writer_lock(folder / "Arsip_Pengukuran_Kinerja"):  # one archiving run per folder at a time
            clean_leftovers(folder, [*data.segel, *target.data().segel])
            result = buat_arsip(data, path, periode, folder, lampiran, dokumen=dokumen, place=False)
            try:
                target.stage(AppendSeal(result.record))
                if isinstance(periode, Periode):
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
