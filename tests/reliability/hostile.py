"""Folders that refuse writes: read-only, or on a full disk.

Where the test may mount (root, a Linux with tmpfs), the folder is a real small tmpfs: filled to the
last byte (a full disk), or remounted read-only. Elsewhere (CI without mount rights, Windows) the same
refusals are injected into this process: every way Python writes a file (``open``, ``os.open`` and
``os.write``, ``os.sendfile``, renames, ``mkdir``) fails for paths inside the folder with the errno a
real disk gives (ENOSPC for a full disk: files can be created but take no byte; EROFS for a read-only
folder: nothing can be created, renamed or removed). A test runs the commands in-process
(``typer.testing.CliRunner``), so the injection reaches every write Kinerja makes in Python.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

WRITE_MODES = set("wax+")


def _inside(path: object, folder: str) -> bool:
    if isinstance(path, int):
        return False
    try:
        text = os.path.abspath(os.fsdecode(path))  # type: ignore[arg-type]
    except TypeError:
        return False
    return text == folder or text.startswith(folder + os.sep)


class _NoSpace:
    """A file object of a full disk: created, but every write of a byte fails with ENOSPC."""

    def __init__(self, handle: Any, name: str) -> None:
        self._handle = handle
        self._name = name

    def write(self, data: Any) -> int:
        if len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self._name)
        return 0

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._handle.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _NoSpace:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._handle)


class Injected:
    """Refuse writes under ``folder`` with ``code`` (ENOSPC or EROFS) in this process."""

    def __init__(self, folder: Path, code: int) -> None:
        self.folder = os.path.abspath(folder)
        self.code = code
        self.fds: set[int] = set()

    def _fail(self, path: object) -> OSError:
        return OSError(self.code, os.strerror(self.code), os.fsdecode(path) if not isinstance(path, int) else None)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_open, real_os_open, real_write = io.open, os.open, os.write
        real_sendfile = getattr(os, "sendfile", None)
        real_close = os.close
        inside, full = (lambda p: _inside(p, self.folder)), self.code == errno.ENOSPC

        def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            writing = bool(WRITE_MODES & set(mode))
            if isinstance(file, int) and file in self.fds and writing:
                handle = real_open(file, mode, *args, **kwargs)
                return _NoSpace(handle, f"<fd {file}>")
            if not writing or not inside(file):
                return real_open(file, mode, *args, **kwargs)
            if not full:
                raise self._fail(file)
            handle = real_open(file, mode, *args, **kwargs)  # created (and truncated), as on a full disk
            with contextlib.suppress(OSError, ValueError):
                self.fds.add(handle.fileno())
            return _NoSpace(handle, os.fsdecode(file))

        def fake_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            creating = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC)
            if creating and inside(path):
                if not full:
                    raise self._fail(path)
                fd = real_os_open(path, flags, *args, **kwargs)
                self.fds.add(fd)
                return fd
            return real_os_open(path, flags, *args, **kwargs)

        def fake_write(fd: int, data: Any) -> int:
            if fd in self.fds and len(data):
                raise OSError(self.code, os.strerror(self.code))
            return real_write(fd, data)

        def fake_close(fd: int) -> None:
            self.fds.discard(fd)
            real_close(fd)

        def fake_sendfile(out_fd: int, in_fd: int, offset: Any, count: int) -> int:
            if out_fd in self.fds:
                raise OSError(self.code, os.strerror(self.code))
            assert real_sendfile is not None
            return int(real_sendfile(out_fd, in_fd, offset, count))

        def guarded(real: Callable[..., Any], *, on_full: bool = False) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                paths = [a for a in args[:2] if isinstance(a, str | bytes | os.PathLike)]
                if any(inside(p) for p in paths) and (not full or on_full):
                    raise self._fail(paths[0])
                return real(*args, **kwargs)

            return call

        monkeypatch.setattr(io, "open", fake_open)
        monkeypatch.setattr(builtins, "open", fake_open)
        monkeypatch.setattr(os, "open", fake_os_open)
        monkeypatch.setattr(os, "write", fake_write)
        monkeypatch.setattr(os, "close", fake_close)
        if real_sendfile is not None:
            monkeypatch.setattr(os, "sendfile", fake_sendfile)
        for name in ("replace", "rename", "link", "mkdir", "unlink", "remove", "rmdir", "chmod", "utime",
                     "symlink"):
            monkeypatch.setattr(os, name, guarded(getattr(os, name)))
        if not full:  # a read-only folder also says so when asked
            real_access = os.access

            def fake_access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
                if mode & os.W_OK and inside(path):
                    return False
                return bool(real_access(path, mode, *args, **kwargs))

            monkeypatch.setattr(os, "access", fake_access)


def can_mount() -> bool:
    """Whether this process may mount a tmpfs (root on Linux, with the capability)."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = Path(f"/tmp/kinerja-mount-probe-{uuid.uuid4().hex[:8]}")
    probe.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
                              capture_output=True, check=False)
        if done.returncode != 0:
            return False
        subprocess.run(["umount", str(probe)], capture_output=True, check=False)
        return True
    finally:
        with contextlib.suppress(OSError):
            probe.rmdir()


class HostileFolder:
    """A folder prepared while writable (``folder``), then turned hostile by ``close_off``."""

    def __init__(self, base: Path, kind: str, method: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.kind, self.method, self.monkeypatch = kind, method, monkeypatch
        self.folder = base / f"{kind}-{method}"
        self.folder.mkdir()
        self.mounted = False
        if method == "tmpfs":
            subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(self.folder)], check=True)
            self.mounted = True

    def close_off(self) -> None:
        """Make the folder full (every free byte taken) or read-only, from now on."""
        code = errno.ENOSPC if self.kind == "penuh" else errno.EROFS
        if self.method == "injected":
            Injected(self.folder, code).install(self.monkeypatch)
        elif self.kind == "penuh":
            fd = os.open(self.folder / ".pengisi", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            try:
                for size in (1 << 16, 512, 1):  # big blocks, then the last partial ones
                    with contextlib.suppress(OSError):
                        while True:
                            os.write(fd, b"\0" * size)
            finally:
                os.close(fd)
        else:
            subprocess.run(["mount", "-o", "remount,ro", str(self.folder)], check=True)

    def snapshot(self) -> dict[str, bytes]:
        """Every file under the folder and its bytes (the filler of a full disk left out)."""
        return {
            p.relative_to(self.folder).as_posix(): p.read_bytes()
            for p in sorted(self.folder.rglob("*")) if p.is_file() and p.name != ".pengisi"
        }

    def release(self) -> None:
        self.monkeypatch.undo()
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.folder)], capture_output=True, check=False)


METHODS = list(dict.fromkeys(["tmpfs" if can_mount() else "injected", "injected"]))
"""Each hostile folder is tried for real where this machine allows (a tmpfs), and always injected."""
