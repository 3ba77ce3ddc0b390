"""A zip member copied into another zip as it is stored: no inflating, no deflating again.

The zip patches (``patch``, ``cell_patch``) copy every part they do not change. Through ``zipfile``'s
public API a copy inflates and deflates the part: 0,3 s for a 28 MB IKU sheet, most of what a
``kinerja hitung`` of 2.000 indicators spends writing. ``copy_member`` writes the member's local
header and its compressed bytes as found (the CRC and sizes from the central directory, so a member
streamed with a data descriptor is copied right too), and registers it in the output's directory.
It leans on ``zipfile.ZipFile``'s writer state (``fp``, ``filelist``, ``NameToInfo``,
``start_dir``, ``_didModify``), stable since Python 3.6; ``tests/integration/test_zip_copy.py``
holds every supported Python to it. An encrypted member (never in an .xlsx) is refused.

``read_member`` is ``ZipFile.read`` in one inflating call: ``zipfile`` inflates a member in small
steps, 0,1 s for that 28 MB sheet, five times as long. Its CRC is checked; anything but a plain
deflated or stored member is read by ``zipfile``.
"""

from __future__ import annotations

import struct
import zipfile
import zlib

_LOCAL = struct.Struct("<4s5H3L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DATA_DESCRIPTOR = 0x08
_ENCRYPTED = 0x01


def _stored_bytes(src: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's data as stored (compressed), found after its local header."""
    fp = src.fp
    assert fp is not None
    fp.seek(info.header_offset)
    fields = _LOCAL.unpack(fp.read(_LOCAL.size))
    if fields[0] != _LOCAL_SIGNATURE:
        raise zipfile.BadZipFile(f"{info.filename}: header lokal rusak")
    fp.seek(info.header_offset + _LOCAL.size + fields[9] + fields[10])
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
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
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
