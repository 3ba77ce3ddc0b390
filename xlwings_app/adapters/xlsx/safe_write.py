"""Writing the master workbook without ever losing it.

``save_atomically(path, write)`` writes a complete new file next to the original (same folder,
so the final rename stays on one disk), checks it is a readable zip, copies the original to the
backup folder ``Cadangan Kinerja`` beside it (the last ``KEEP_BACKUPS`` are kept), then replaces
the original in one ``os.replace``. If anything fails before the replace, the original is
untouched and the temporary file is removed.

On Windows a file open in Excel cannot be replaced: Excel leaves a lock file ``~$name.xlsx``
beside it, which is detected first, and a ``PermissionError`` on the replace is reported the same
way: "close the file in Excel and try again". A second Kinerja writer on the same file is refused
through a lock file of our own (``.~name.kinerja.lock``, created exclusively, holding the writer's
process id and host). A lock of a crashed writer is taken over: at once when its process is gone
(same host, POSIX), else once older than ``STALE_LOCK_SECONDS``; temporary files a crashed writer
left behind are removed then. A read-only file or folder, a full disk or any other failure of the
file system is a ``WorkbookError`` saying the original was not changed.

A workbook given through a symbolic link is written where the link points (``target_of``): the
link stays a link, and the real workbook gets the results; its backup and lock sit beside it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import sys
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from xlwings_app.adapters.xlsx.guard import WorkbookError

BACKUP_DIR = "Cadangan Kinerja"
KEEP_BACKUPS = 10
STALE_LOCK_SECONDS = 15 * 60


class FileBusyError(WorkbookError):
    """The file is open in Excel or being written by another Kinerja process."""


def target_of(path: Path) -> Path:
    """The file a symbolic link ``path`` points to (through every link), else ``path`` itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def excel_lock_file(path: Path) -> Path:
    """The owner file Excel creates beside a workbook it has open."""
    return path.with_name("~$" + path.name)


def ensure_not_open_in_excel(path: Path) -> None:
    if excel_lock_file(path).exists():
        raise FileBusyError(
            f"File {path.name} sedang dibuka di Excel (ada {excel_lock_file(path).name}): "
            "simpan dan tutup file itu di Excel, lalu ulangi. Dari dalam Excel, gunakan tombol pita Kinerja."
        )


def lock_file(path: Path) -> Path:
    """The Kinerja write lock beside ``path``."""
    return path.with_name(f".~{path.name}.kinerja.lock")


def _temp_name(path: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.~{re.escape(path.stem)}\.[0-9a-f]{{8}}\.tmp{re.escape(path.suffix)}$")


def _holder_gone(lock: Path) -> bool:
    """The lock's writer ran on this host and its process no longer exists (POSIX only)."""
    try:
        pid_text, host = lock.read_text(encoding="utf-8").split()[:2]
        pid = int(pid_text)
    except (OSError, ValueError):
        return False
    if sys.platform == "win32" or host != socket.gethostname() or pid <= 0:
        return False  # os.kill would terminate the process on Windows; another host: trust the age
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _create_lock(lock: Path, path: Path) -> int:
    try:
        return os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        raise
    except OSError as exc:
        raise WorkbookError(
            f"File {path.name} tidak dapat ditulis: folder {path.parent.name or path.parent} tidak dapat ditulisi "
            f"({exc.strerror or exc}). Periksa izin folder, lalu ulangi. File tidak diubah."
        ) from exc


@contextlib.contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the Kinerja write lock of ``path`` for the duration of the block."""
    path = target_of(path)
    lock = lock_file(path)
    try:
        fd = _create_lock(lock, path)
    except FileExistsError:
        age = time.time() - lock.stat().st_mtime if lock.exists() else 0
        if age < STALE_LOCK_SECONDS and not _holder_gone(lock):
            raise FileBusyError(
                f"File {path.name} sedang ditulis oleh proses Kinerja lain: tunggu sampai selesai lalu ulangi."
            ) from None
        lock.unlink(missing_ok=True)
        fd = _create_lock(lock, path)
    try:
        try:
            os.write(fd, f"{os.getpid()} {socket.gethostname()} {datetime.now().isoformat()}".encode())
        except OSError as exc:  # a completely full disk shows here first
            raise WorkbookError(
                f"File {path.name} tidak dapat ditulis: menulis kunci {lock.name} di folder "
                f"{path.parent.name or path.parent} gagal ({exc.strerror or exc}; disk penuh?). File tidak diubah."
            ) from exc
        finally:
            os.close(fd)
        _remove_leftovers(path)
        yield
    finally:
        lock.unlink(missing_ok=True)


def _remove_leftovers(path: Path) -> None:
    """Temporary files of a writer that crashed (we hold the lock: no writer is running)."""
    pattern = _temp_name(path)
    backups = path.parent / BACKUP_DIR
    for folder in (path.parent, backups):
        if not folder.is_dir():
            continue
        for item in folder.iterdir():
            if pattern.match(item.name) or (folder == backups and item.name.startswith(".~") and item.suffix == ".part"):
                with contextlib.suppress(OSError):
                    item.unlink()


def ensure_writable(path: Path) -> None:
    """Refuse a read-only workbook or folder before any work is done."""
    if path.exists() and not os.access(path, os.W_OK):
        raise WorkbookError(
            f"File {path.name} bersifat hanya-baca (read-only): hapus centang Read-only di Properties file "
            "(atau minta izin tulis), lalu ulangi. File tidak diubah."
        )
    if not os.access(path.parent, os.W_OK):
        raise WorkbookError(
            f"Folder {path.parent} tidak dapat ditulisi: simpan workbook di folder lain atau minta izin tulis, "
            "lalu ulangi. File tidak diubah."
        )


def _backup(path: Path) -> Path:
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    part = folder / f".~{target.name}.part"  # a copy cut short never looks like a backup
    try:
        shutil.copy2(path, part)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    olds = sorted(folder.glob(f"{path.stem}-*{path.suffix}"))
    for old in olds[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target


def save_atomically(path: Path, write: Callable[[Path], None], backup: bool = True) -> Path | None:
    """Write ``path`` through ``write(temp_path)``; return the backup's path (if one was made)."""
    ensure_not_open_in_excel(path)
    path = target_of(path)
    ensure_not_open_in_excel(path)
    ensure_writable(path)
    tmp = path.with_name(f".~{path.stem}.{uuid.uuid4().hex[:8]}.tmp{path.suffix}")
    step = "menulis file sementara"
    try:
        write(tmp)
        step = "memastikan file sementara tersimpan di disk"
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        if path.suffix.lower() in (".xlsx", ".xlsm") and not zipfile.is_zipfile(tmp):
            raise WorkbookError(f"File sementara untuk {path.name} tidak utuh; file asli tidak diubah.")
        step = f"membuat cadangan di folder {BACKUP_DIR}"
        saved = _backup(path) if backup and path.exists() else None
        step = "mengganti file asli"
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise FileBusyError(
                f"File {path.name} tidak dapat ditimpa (sedang dibuka di Excel atau program lain?): "
                "tutup file itu lalu ulangi. File asli tidak diubah."
            ) from exc
        return saved
    except OSError as exc:  # a full disk, a vanished folder, a network drive gone
        raise WorkbookError(
            f"Gagal {step} untuk {path.name}: {exc.strerror or exc}. File asli tidak diubah."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
