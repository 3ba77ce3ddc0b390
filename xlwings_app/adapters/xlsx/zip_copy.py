"""A zip member copied into another zip as it is stored: no inflating, no deflating again.

The package writer (``package.Package.save``) copies every part it does not change. Through ``zipfile``'s
public API a copy inflates and deflates the part, most of what a ``kinerja hitung`` spends writing
(figures in docs/jalur-cepat.md). ``copy_member`` writes the member's local
header and its compressed bytes as found (the CRC and sizes from the central directory, so a member
streamed with a data descriptor is copied right too), and registers it in the output's directory.
It leans on ``zipfile.ZipFile``'s writer state (``fp``, ``filelist``, ``NameToInfo``,
``start_dir``, ``_didModify``), stable since Python 3.6; ``tests/integration/test_zip_copy.py``
holds every supported Python to it. An encrypted member (never in an .xlsx) is refused.

``read_member`` is ``ZipFile.read`` in one inflating call: ``zipfile`` inflates a member in small
steps, several times as long. Its CRC is checked; anything but a plain
deflated or stored member is read by ``zipfile``. ``member_chunks`` inflates a member a bounded
piece at a time (the guard and the reader's sheet scan: a 70 MB sheet is never held whole), its
CRC checked with ``deflate.crc32``. ``write_streamed`` deflates a member given in pieces with
``deflate.raw_compressor`` (python-isal where installed), its header rewritten once the CRC and
sizes are known, as ``zipfile`` does on a seekable file.
"""

from __future__ import annotations

import struct
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator

from xlwings_app.adapters.xlsx import deflate

_LOCAL = struct.Struct("<4s5H3L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DATA_DESCRIPTOR = 0x08
_ENCRYPTED = 0x01


CHUNK = 256 * 1024
"""The largest piece ``member_chunks`` hands out (256 KB: larger pieces cost page faults each)."""
_PLAIN = (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)


def _data_offset(src: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Where the member's data starts: after its local header (APPNOTE 4.3.7)."""
    fp = src.fp
    assert fp is not None
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL.size)
    fields = _LOCAL.unpack(header) if len(header) == _LOCAL.size else (b"",) + (0,) * 10
    if fields[0] != _LOCAL_SIGNATURE:
        raise zipfile.BadZipFile(f"{info.filename}: header lokal rusak")
    return int(info.header_offset + _LOCAL.size + fields[9] + fields[10])


def _stored_bytes(src: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's data as stored (compressed), found after its local header."""
    fp = src.fp
    assert fp is not None
    fp.seek(_data_offset(src, info))
    data = fp.read(info.compress_size)
    if len(data) != info.compress_size:
        raise zipfile.BadZipFile(f"{info.filename}: data terpotong")
    return data


def read_member(src: zipfile.ZipFile, name: str) -> bytes:
    """``src``'s member ``name``, inflated in one call (``ZipFile.read``'s result)."""
    info = src.getinfo(name)
    if info.flag_bits & _ENCRYPTED or info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        return src.read(name)
    data = _stored_bytes(src, info)
    if info.compress_type == zipfile.ZIP_DEFLATED:
        try:
            data = zlib.decompress(data, -15, max(info.file_size, 1))
        except zlib.error:
            return src.read(name)  # zipfile's own error
    if len(data) != info.file_size or deflate.crc32(data, 0) != info.CRC:
        return src.read(name)
    return data


def copy_member(src: zipfile.ZipFile, out: zipfile.ZipFile, name: str) -> None:
    """Append ``src``'s member ``name`` to ``out`` (opened for writing) byte for byte."""
    info = src.getinfo(name)
    if info.flag_bits & _ENCRYPTED:
        raise ValueError(f"{name}: bagian zip terenkripsi")
    assert out.fp is not None
    data = _stored_bytes(src, info)
    copy = zipfile.ZipInfo(name, info.date_time)
    copy.compress_type = info.compress_type
    copy.external_attr = info.external_attr
    copy.create_system = info.create_system
    copy.flag_bits = info.flag_bits & ~_DATA_DESCRIPTOR
    copy.CRC, copy.compress_size, copy.file_size = info.CRC, info.compress_size, info.file_size
    copy.extra = b""
    out._writecheck(copy)  # type: ignore[attr-defined]  # the name not yet in out, out writable
    copy.header_offset = out.fp.tell()
    out.fp.write(copy.FileHeader(None))
    out.fp.write(data)
    out.filelist.append(copy)
    out.NameToInfo[name] = copy
    out.start_dir = out.fp.tell()
    out._didModify = True  # type: ignore[attr-defined]


def member_chunks(src: zipfile.ZipFile, member: str | zipfile.ZipInfo, check: bool = True) -> Iterator[bytes]:
    """``src``'s ``member`` (a name or an entry) inflated, no piece longer than ``CHUNK``. With ``check`` its size
    and CRC-32 are checked at the end, as ``ZipFile.read`` checks them (a mismatch: the member is
    read again by ``zipfile``, whose error is raised); without, a size that differs from its entry's
    raises ``zipfile.BadZipFile``. Anything but a plain deflated or stored member is read through
    ``zipfile``. The position in ``src``'s file is kept here, so other reads may come between."""
    info = member if isinstance(member, zipfile.ZipInfo) else src.getinfo(member)
    name = info.filename
    if info.flag_bits & _ENCRYPTED or info.compress_type not in _PLAIN:
        with src.open(info) as handle:
            while piece := handle.read(CHUNK):
                yield piece
        return
    fp = src.fp
    assert fp is not None
    at, left, size, crc = _data_offset(src, info), info.compress_size, 0, 0
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    pending = b""
    intact = True
    try:
        while left or pending:
            if not pending:
                fp.seek(at)  # a stored piece as it is, a deflated one inflates to at most CHUNK bytes
                pending = fp.read(min(left, CHUNK if inflater is None else CHUNK // 4))
                if not pending:
                    break
                at, left = at + len(pending), left - len(pending)
            if inflater is None:
                piece, pending = pending, b""
            else:
                piece = inflater.decompress(pending, CHUNK)
                pending = inflater.unconsumed_tail
            size += len(piece)
            if size > info.file_size:
                break
            if check:
                crc = deflate.crc32(piece, crc)
            if piece:
                yield piece
        intact = inflater is None or inflater.eof
    except zlib.error:
        intact = False
    if not intact or size != info.file_size or (check and crc != info.CRC):
        if check:
            src.read(info)  # zipfile's verdict: its error (or the member is whole after all)
            return
        raise zipfile.BadZipFile(f"{name}: ukuran tidak sesuai")


def write_streamed(out: zipfile.ZipFile, name: str, pieces: Iterable[bytes | memoryview]) -> None:
    """Append a member ``name`` to ``out`` (opened for writing, on a seekable file), its data the
    ``pieces`` deflated by ``deflate.raw_compressor``: the local header is written first with
    zeros, then rewritten with the CRC and sizes (a member past 4 GB raises ``zipfile.LargeZipFile``:
    ``ZipFile.open(..., force_zip64=True)`` writes those)."""
    assert out.fp is not None
    info = zipfile.ZipInfo(name, time.localtime(time.time())[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    out._writecheck(info)  # type: ignore[attr-defined]  # the name not yet in out, out writable
    info.header_offset = out.fp.tell()
    info.CRC = info.compress_size = info.file_size = 0
    out.fp.write(info.FileHeader(False))
    compressor = deflate.raw_compressor()
    crc = size = written = 0
    for piece in pieces:
        crc = deflate.crc32(piece, crc)
        size += len(piece)
        data = compressor.compress(piece)
        written += len(data)
        out.fp.write(data)
    data = compressor.flush()
    written += len(data)
    out.fp.write(data)
    if size > zipfile.ZIP64_LIMIT or written > zipfile.ZIP64_LIMIT:
        raise zipfile.LargeZipFile(f"{name}: lebih dari 4 GB")
    info.CRC, info.compress_size, info.file_size = crc, written, size
    end = out.fp.tell()
    out.fp.seek(info.header_offset)
    out.fp.write(info.FileHeader(False))
    out.fp.seek(end)
    out.filelist.append(info)
    out.NameToInfo[name] = info
    out.start_dir = end
    out._didModify = True  # type: ignore[attr-defined]
