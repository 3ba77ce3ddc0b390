"""A zip member copied into another zip as it is stored: no inflating, no deflating again.

The zip patches (``patch``, ``cell_patch``) copy every part they do not change. Through ``zipfile``'s
public API a copy inflates and deflates the part: 0,3 s for a 28 MB IKU sheet, most of what a
``kinerja hitung`` of 2.000 indicators spends writing. ``copy_member`` writes the member's local
header and its compressed bytes as found (the CRC and sizes from the central directory, so a member
streamed with a data descriptor is copied right too), and registers it in the output's directory.
It leans on ``zipfile.ZipFile``'s writer state (``fp``, ``filelist``, ``NameToInfo``,
``start_dir``, ``_didModify``), stable since Python 3.6; ``tests/integration/test_zip_copy.py``
holds every supported Python to it. An encrypted member (never in an .xlsx) is refused.
"""

from __future__ import annotations

import struct
import zipfile

_LOCAL = struct.Struct("<4s5H3L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DATA_DESCRIPTOR = 0x08
_ENCRYPTED = 0x01


def copy_member(src: zipfile.ZipFile, out: zipfile.ZipFile, name: str) -> None:
    """Append ``src``'s member ``name`` to ``out`` (opened for writing) byte for byte."""
    info = src.getinfo(name)
    if info.flag_bits & _ENCRYPTED:
        raise ValueError(f"{name}: bagian zip terenkripsi")
    fp = src.fp
    assert fp is not None and out.fp is not None
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL.size)
    fields = _LOCAL.unpack(header)
    if fields[0] != _LOCAL_SIGNATURE:
        raise zipfile.BadZipFile(f"{name}: header lokal rusak")
    fp.seek(info.header_offset + _LOCAL.size + fields[9] + fields[10])
    data = fp.read(info.compress_size)
    if len(data) != info.compress_size:
        raise zipfile.BadZipFile(f"{name}: data terpotong")
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
