"""Writing a compound file (MS-CFB) with the ms-cfb package, and checking it with olefile.

ms-cfb 0.0.6 builds the file from streams on disk and writes scratch files into the current
directory (``fatChain.bin``, ``stream*.bin``, ``temp.bin``), so it runs inside a private
temporary directory, under a lock because the working directory is process-wide.

MS-CFB 2.6.3: a stream shorter than the cutoff (4096 bytes) lives in the mini stream; ms-cfb places a
stream of exactly 4096 bytes there too, where readers do not look, so such a size is refused
here and the caller makes the stream a different length.

Known limits of ms-cfb 0.0.6, found by reading files back: it writes only the first sector of
the FAT (so a file past 128 sectors, about 64 KB, is corrupt) and an empty stream shifts the
streams after it. Kinerja's vbaProject.bin is about 30 KB; empty streams are refused, and every
file is read back with olefile and compared stream by stream, so a file past the limit fails the
build with a CompoundFileError instead of reaching Excel corrupt.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

import olefile
from ms_cfb.Models.Directories.root_directory import RootDirectory
from ms_cfb.Models.Directories.storage_directory import StorageDirectory
from ms_cfb.Models.Directories.stream_directory import StreamDirectory
from ms_cfb.ole_file import OleFile

MINI_STREAM_CUTOFF = 4096
_CWD_LOCK = threading.Lock()


class CompoundFileError(RuntimeError):
    """The compound file could not be written, or did not read back as written."""


def write_compound_file(streams: Mapping[str, bytes]) -> bytes:
    """Return a compound file holding ``streams`` (paths like ``"VBA/dir"``, one storage level)."""
    for path, data in streams.items():
        if not data:
            raise CompoundFileError(f"stream {path} kosong; ms-cfb tidak menulisnya dengan benar")
        if len(data) == MINI_STREAM_CUTOFF:
            raise CompoundFileError(f"stream {path} tepat 4096 byte; ubah panjangnya dahulu")
        if path.count("/") > 1:
            raise CompoundFileError(f"stream {path}: hanya satu tingkat storage yang didukung")
    with _CWD_LOCK, tempfile.TemporaryDirectory(prefix="kinerja-cfb-") as tmp:
        work = Path(tmp)
        root = RootDirectory()
        storages: dict[str, StorageDirectory] = {}
        for index, (path, data) in enumerate(streams.items()):
            file = work / f"s{index}.bin"
            file.write_bytes(data)
            storage_name, _, stream_name = path.rpartition("/")
            stream = StreamDirectory(stream_name, str(file))
            if not storage_name:
                root.add_directory(stream)
                continue
            if storage_name not in storages:
                storages[storage_name] = StorageDirectory(storage_name)
                root.add_directory(storages[storage_name])
            storages[storage_name].add_directory(stream)
        ole = OleFile()
        ole.root_directory = root
        target = work / "out.bin"
        with contextlib.chdir(work):
            ole.create_file(str(target))
        result = target.read_bytes()
    _check_read_back(result, streams)
    return result


def read_streams(data: bytes) -> dict[str, bytes]:
    """Every stream of a compound file, keyed by its ``/``-separated path."""
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        return {"/".join(entry): ole.openstream(entry).read() for entry in ole.listdir()}


def _check_read_back(data: bytes, streams: Mapping[str, bytes]) -> None:
    """Read the written file with olefile, an independent reader, and compare every stream."""
    back = read_streams(data)
    if back != dict(streams):
        differ = sorted(set(back) ^ set(streams) | {k for k in streams if back.get(k) != streams[k]})
        raise CompoundFileError(
            f"compound file tidak terbaca kembali dengan benar (batas ms-cfb ~64 KB?): {differ}"
        )
