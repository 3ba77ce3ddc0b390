"""Deflate and CRC-32 for the zip parts Kinerja writes and checks: python-isal's where installed.

python-isal (Intel's ISA-L) deflates a sheet of results several times as fast as zlib at level 3,
into a smaller part, and computes the CRC-32 of a part faster too (figures in docs/jalur-cepat.md): the same
DEFLATE format and the same CRC, so any zip reader (Excel among them) reads the parts. Where the
package is not installed (Windows, and machines without its wheel: see pyproject.toml), zlib does
the same work at ``ZLIB_LEVEL``.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from types import ModuleType
from typing import Protocol

_isal: ModuleType | None
try:
    from isal import isal_zlib as _isal
except ImportError:  # the platforms without python-isal's wheel
    _isal = None


class Compressor(Protocol):
    def compress(self, data: bytes | memoryview, /) -> bytes: ...

    def flush(self, /) -> bytes: ...


ISAL_LEVEL = 1
"""python-isal's level for a part Kinerja streams whole (sheet Hasil; its levels are 0 to 3)."""
ZLIB_LEVEL = 3
"""zlib's level instead: level 3 deflates a large sheet Hasil in a third of the default level's (6)
time, for a slightly larger part. Excel's next save deflates it again its own way."""


def crc32(data: bytes | memoryview, value: int = 0) -> int:
    """``zlib.crc32(data, value)``."""
    return _crc32(data, value)


def raw_compressor() -> Compressor:
    """A raw-DEFLATE compressor (no zlib header: a zip member's data) for a streamed part."""
    if _isal is not None:
        compressor: Compressor = _isal.compressobj(ISAL_LEVEL, _isal.DEFLATED, -15)
        return compressor
    return zlib.compressobj(ZLIB_LEVEL, zlib.DEFLATED, -15)


_crc32: Callable[[bytes | memoryview, int], int] = zlib.crc32 if _isal is None else _isal.crc32
