"""Writing the master workbook without ever losing it.

``save_atomically(path, write)`` writes a complete new file next to the original (same folder,
so the final rename stays on one disk), checks it is a readable zip, copies the original to the
backup folder ``Cadangan Kinerja`` beside it (the last ``KEEP_BACKUPS`` are kept), then replaces
the original in one ``os.replace``. If anything fails before the replace, the original is
untouched and the temporary file is removed.

On Windows a file open in Excel cannot be replaced: Excel leaves a lock file ``~$name.xlsx``
beside it, which is detected first, and a ``PermissionError`` on the replace is reported the same
way: "close the file in Excel and try again". A second Kinerja writer on the same file is refused
through a lock file of our own (``.~name.kinerja.lock``, created exclusively; older than
``STALE_LOCK_SECONDS`` means a crashed writer and is taken over).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from xlwings_app.adapters.xlsx_guard import WorkbookError

BACKUP_DIR = "Cadangan Kinerja"
KEEP_BACKUPS = 10
STALE_LOCK_SECONDS = 15 * 60


class FileBusyError(WorkbookError):
    """The file is open in Excel or being written by another Kinerja process."""


def excel_lock_file(path: Path) -> Path:
    """The owner file Excel creates beside a workbook it has open."""
    return path.with_name("~$" + path.name)


def ensure_not_open_in_excel(path: Path) -> None:
    if excel_lock_file(path).exists():
        raise FileBusyError(
            f"File {path.name} sedang dibuka di Excel (ada {excel_lock_file(path).name}): "
            "simpan dan tutup file itu di Excel, lalu ulangi. Dari dalam Excel, gunakan tombol pita Kinerja."
        )


@contextlib.contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the Kinerja write lock of ``path`` for the duration of the block."""
    lock = path.with_name(f".~{path.name}.kinerja.lock")
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        age = time.time() - lock.stat().st_mtime if lock.exists() else 0
        if age < STALE_LOCK_SECONDS:
            raise FileBusyError(
                f"File {path.name} sedang ditulis oleh proses Kinerja lain: tunggu sampai selesai lalu ulangi."
            ) from None
        lock.unlink(missing_ok=True)
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    try:
        os.write(fd, f"{os.getpid()} {datetime.now().isoformat()}".encode())
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)


def _backup(path: Path) -> Path:
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    shutil.copy2(path, target)
    olds = sorted(folder.glob(f"{path.stem}-*{path.suffix}"))
    for old in olds[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target


def save_atomically(path: Path, write: Callable[[Path], None], backup: bool = True) -> Path | None:
    """Write ``path`` through ``write(temp_path)``; return the backup's path (if one was made)."""
    ensure_not_open_in_excel(path)
    tmp = path.with_name(f".~{path.stem}.{uuid.uuid4().hex[:8]}.tmp{path.suffix}")
    try:
        write(tmp)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        if path.suffix.lower() in (".xlsx", ".xlsm") and not zipfile.is_zipfile(tmp):
            raise WorkbookError(f"File sementara untuk {path.name} tidak utuh; file asli tidak diubah.")
        saved = _backup(path) if backup and path.exists() else None
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise FileBusyError(
                f"File {path.name} tidak dapat ditimpa (sedang dibuka di Excel atau program lain?): "
                "tutup file itu lalu ulangi. File asli tidak diubah."
            ) from exc
        return saved
    finally:
        tmp.unlink(missing_ok=True)
