"""Opening a received archive (``kinerja arsip``'s zip) on the kabupaten's side.

Rules: the archive must hold exactly one workbook under ``workbook/`` (``.xlsx``/``.xlsm``); it is
copied out to a folder the caller owns (the archive is never changed), in blocks; an entry larger than
``MAX_WORKBOOK``, or any entry announcing a bomb (``archive_limits``), is refused before it is
decompressed. The manifest is read (checked: UTF-8 JSON object, its list of files) and the files are
checked against it by ``archive.verify_archive``. Every refusal is Indonesian, naming the archive.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path, PurePosixPath

from xlwings_app.adapters.documents.archive import MANIFEST, read_manifest, verify_archive
from xlwings_app.adapters.documents.archive_limits import ArchiveError, check_members

MAX_WORKBOOK = 300 * 1024 * 1024


def extract_workbook(archive: Path, folder: Path) -> Path:
    """Copy the archived workbook of ``archive`` into ``folder``; return its path there."""
    try:
        with zipfile.ZipFile(archive) as zf:
            check_members(zf, archive.name)
            books = [
                info for info in zf.infolist()
                if PurePosixPath(info.filename).parent.name == "workbook"
                and info.filename.lower().endswith((".xlsx", ".xlsm"))
            ]
            if len(books) != 1:
                raise ArchiveError(
                    f"Arsip {archive.name} harus berisi tepat satu workbook di folder workbook/ "
                    f"(ditemukan {len(books)})."
                )
            info = books[0]
            if info.file_size > MAX_WORKBOOK:
                raise ArchiveError(f"Workbook dalam arsip {archive.name} terlalu besar untuk dibaca.")
            target = folder / PurePosixPath(info.filename).name
            with zf.open(info) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out)
            return target
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise ArchiveError(f"Arsip {archive.name} tidak dapat dibaca sebagai zip (rusak atau bukan arsip).") from exc


def open_manifest(archive: Path) -> dict[str, object]:
    """The manifest of ``archive``, or ``ArchiveError`` when it is missing or unreadable."""
    try:
        return read_manifest(archive)
    except ArchiveError:
        raise
    except KeyError as exc:
        raise ArchiveError(f"Arsip {archive.name} tidak berisi {MANIFEST}: bukan arsip Kinerja.") from exc
    except Exception as exc:  # zipfile's errors of a damaged archive
        raise ArchiveError(f"Arsip {archive.name} tidak dapat dibaca sebagai zip (rusak atau bukan arsip).") from exc


__all__ = ["ArchiveError", "extract_workbook", "open_manifest", "verify_archive"]
