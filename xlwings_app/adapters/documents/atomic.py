"""Writing the files a command makes (documents, PDFs, archives, forms) whole or not at all.

Rules:
- every file is first written under a temporary name in its own folder
  (``.~<name>.<host tag>-<process id>-<8 hex>.tmp<suffix>``), flushed to the disk, and moved over its final name (``os.replace``) only once complete; an earlier
  file of that name is untouched until then, whatever fails before;
- the files of one command are one outcome (``Outputs``): all are written to their temporary names
  first, and moved into place together at ``commit``; a failure before removes every temporary file;
- a file that must never replace another (an archive) is moved with ``place_new``: under its name,
  or the next free one ("…(2)", "…(3)");
- a folder that cannot be written, a full disk, a read-only medium: ``WriteFailed`` (exit code 2)
  with an Indonesian message naming the file and the reason; the master workbook is written by
  ``adapters.xlsx.safe_write`` instead (backup, lock).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import socket
import sys
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from xlwings_app.domain.problems import Refusal

BACKUP_DIR = "Cadangan Kinerja"
TEMP = re.compile(r"^\.~.+\.(?P<host>[0-9a-f]{4})-(?P<pid>[0-9]+)-[0-9a-f]{8}\.tmp(\.[A-Za-z0-9]+)?$")
"""The temporary names written here (``temp_name``), recognised when a killed run left one."""
HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:4]
"""This computer's tag in a temporary name: a shared folder's leftovers of another computer are judged
by their age, never by a process id of this one."""
STALE_SECONDS = 3600
"""Where a process cannot be asked whether it still runs (Windows), a leftover this old is stale."""

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM}


class WriteFailed(Refusal):
    """A file could not be written (folder not writable, disk full, medium read-only, ...)."""


def reason(exc: OSError) -> str:
    """Why the file system refused, in Indonesian (never Python's own text)."""
    code = exc.errno
    if code in _FULL:
        return "disk penuh (atau kuota habis): kosongkan ruang disk lalu ulangi"
    if code == errno.EROFS:
        return "media hanya-baca (read-only): simpan di folder lain"
    if code in _DENIED:
        return "izin menulis ditolak (folder atau file hanya-baca, atau sedang dibuka program lain)"
    if code in (errno.ENOENT, errno.ENOTDIR):
        return "folder tujuan tidak ada (lagi)"
    if code == errno.ENAMETOOLONG:
        return "nama atau jalur file terlalu panjang"
    name = errno.errorcode.get(code or 0, "")
    return f"sistem berkas menolak ({name or 'galat tak dikenal'})"


def failed(target: Path, exc: OSError, done: str = "tidak ditulis") -> WriteFailed:
    """The refusal for ``exc`` while writing ``target``."""
    return WriteFailed(f"File {target.name} {done}: {reason(exc)}. Folder: {target.parent}. "
                       "File lama dengan nama itu (bila ada) tidak diubah.")


def temp_name(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (same folder: the final move stays on one disk)."""
    return target.with_name(f".~{target.name}.{HOST}-{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp{target.suffix}")


def _sync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def write_whole(target: Path, write: Callable[[Path], Any]) -> Path:
    """``write(temporary path)``, then the result moved over ``target``; ``WriteFailed`` on failure."""
    with Outputs() as outputs:
        outputs.write(target, write)
        outputs.commit()
    return target


def write_bytes(target: Path, data: bytes) -> Path:
    """``data`` as the file ``target``, whole or not at all."""
    return write_whole(target, lambda tmp: tmp.write_bytes(data))


class Outputs:
    """The files of one command: each written to a temporary name, all moved into place at ``commit``.

    Used as a context manager: leaving the block without ``commit`` (an exception) removes every
    temporary file, so nothing of the failed command remains.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path, bool]] = []

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def write(self, target: Path, write: Callable[[Path], Any], keep_old: bool = False) -> Path:
        """Write ``target``'s content through ``write(temporary path)``; the temporary path, readable
        now (e.g. to convert it), is moved to ``target`` at ``commit``. ``keep_old``: a file already
        at ``target`` is copied into the folder ``Cadangan Kinerja`` beside it before it is replaced."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise failed(target, exc) from exc
        tmp = temp_name(target)
        self._staged.append((tmp, target, keep_old))
        try:
            write(tmp)
            _sync(tmp)
        except OSError as exc:
            raise failed(target, exc) from exc
        return tmp

    def put(self, target: Path, data: bytes, keep_old: bool = False) -> Path:
        """``data`` as ``target`` (see ``write``)."""
        return self.write(target, lambda tmp: tmp.write_bytes(data), keep_old)

    def copy(self, target: Path, source: Path) -> Path:
        """A copy of the file ``source`` as ``target`` (see ``write``)."""
        return self.write(target, lambda tmp: shutil.copyfile(source, tmp))

    def temporary(self, target: Path) -> Path:
        """The temporary file staged for ``target``."""
        return next(tmp for tmp, final, _ in self._staged if final == target)

    def commit(self) -> list[Path]:
        """Move every staged file over its final name; the final paths, in the order staged."""
        done = []
        for folder in dict.fromkeys(target.parent for _tmp, target, _keep in self._staged):
            remove_leftovers(folder)
        for tmp, target, keep_old in self._staged:
            try:
                if keep_old and target.is_file():
                    _backup(target)
                os.replace(tmp, target)
            except OSError as exc:
                raise failed(target, exc) from exc
            remove_stale_lock(target)
            done.append(target)
        self._staged = [entry for entry in self._staged if entry[1] not in done]
        return done

    def discard(self) -> None:
        """Remove every temporary file not yet committed."""
        for tmp, _target, _keep in self._staged:
            _remove(tmp)
        self._staged = []


def _backup(target: Path) -> Path:
    folder = target.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    copy = folder / f"{target.stem}-{datetime.now():%Y%m%d-%H%M%S-%f}{target.suffix}"
    shutil.copy2(target, copy)
    return copy


def place_new(tmp: Path, target: Path, limit: int = 1000) -> Path:
    """Move the finished ``tmp`` to ``target``, or to "<stem> (2)<suffix>", "(3)", ... when a file of
    that name exists: never replacing one, even when two processes place at the same moment."""
    for n in range(1, limit + 1):
        candidate = target if n == 1 else target.with_name(f"{target.stem} ({n}){target.suffix}")
        try:
            if sys.platform == "win32":
                os.rename(tmp, candidate)  # Windows: refuses an existing target
            else:
                os.link(tmp, candidate)  # POSIX: link() refuses an existing target; rename() would replace
                _remove(tmp)
            return candidate
        except FileExistsError:
            continue
        except OSError as exc:
            _remove(tmp)
            raise failed(target, exc) from exc
    _remove(tmp)
    raise WriteFailed(f"File {target.name} tidak ditulis: sudah ada {limit} file bernama sama di {target.parent}.")


def remove_stale_lock(target: Path) -> None:
    """LibreOffice's lock file of ``target`` (``.~lock.<name>#``), left in the folder by a run that
    was killed while LibreOffice wrote there (versions before the private work folder)."""
    _remove(target.with_name(f".~lock.{target.name}#"))


def process_gone(pid: int, path: Path, host: str = HOST) -> bool:
    """The process ``pid`` of computer ``host`` (its tag) that made ``path`` has ended: asked on POSIX
    for this computer's; judged by the age of ``path`` (``STALE_SECONDS``) on Windows (where asking
    needs more than the standard library) and for another computer's."""
    if pid == os.getpid() and host == HOST:
        return False
    if sys.platform == "win32" or host != HOST:
        try:
            return datetime.now().timestamp() - path.stat().st_mtime > STALE_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def remove_leftovers(folder: Path) -> None:
    """Temporary files in ``folder`` left by a run that was killed (its process is gone)."""
    with contextlib.suppress(OSError):
        for item in list(folder.iterdir()) if folder.is_dir() else []:
            found = TEMP.match(item.name)
            if found and item.is_file() and process_gone(int(found["pid"]), item, found["host"]):
                _remove(item)
