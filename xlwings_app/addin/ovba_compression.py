"""MS-OVBA 2.4.1 compression: the run-length/LZ77 scheme of VBA source and the dir stream.

A CompressedContainer (2.4.1.1.1) is the signature byte 0x01 followed by CompressedChunks of at most
4096 decompressed bytes each (2.4.1.1.4). A chunk header (2.4.1.1.5) holds the chunk size minus 3 in
bits 0-11, the signature 0b011 in bits 12-14 and the "compressed" flag in bit 15. Compressed chunk
data is a series of TokenSequences (2.4.1.1.7): a flag byte, then eight tokens, each a literal byte
(flag bit 0) or a 2-byte CopyToken (flag bit 1) whose split between offset and length depends on
the position in the chunk (CopyToken Help, 2.4.1.3.19.1).
"""

from __future__ import annotations

import struct

CHUNK_SIZE = 4096
"""Decompressed bytes per chunk (2.4.1.1.4)."""

_SIGNATURE = 0x01
_CHUNK_SIGNATURE = 0b011
_MAX_CHUNK_DATA = 4096
"""CompressedChunkSize has 12 bits: a chunk is at most 4098 bytes, its data at most 4096."""
_MIN_MATCH = 3
_MAX_CANDIDATES = 256
"""Candidates tried per position: a bound on work; any match found is still valid."""


class CompressionError(ValueError):
    """The input is not a valid CompressedContainer, or cannot be compressed exactly."""


def _copy_token_help(difference: int) -> tuple[int, int, int]:
    """Return (length_mask, offset_mask, bit_count) for a position ``difference`` into the chunk.

    MS-OVBA 2.4.1.3.19.1: bit_count is the smallest n with 2**n >= difference, at least 4.
    """
    bit_count = max((difference - 1).bit_length(), 4)
    length_mask = 0xFFFF >> bit_count
    offset_mask = ~length_mask & 0xFFFF
    return length_mask, offset_mask, bit_count


def decompress(data: bytes) -> bytes:
    """Decompress a CompressedContainer (MS-OVBA 2.4.1.3.1)."""
    if not data or data[0] != _SIGNATURE:
        raise CompressionError("tanda tangan CompressedContainer (0x01) tidak ada")
    out = bytearray()
    pos = 1
    while pos < len(data):
        if pos + 2 > len(data):
            raise CompressionError(f"header chunk terpotong di byte {pos}")
        (header,) = struct.unpack_from("<H", data, pos)
        size = (header & 0x0FFF) + 3
        if (header >> 12) & 0b111 != _CHUNK_SIGNATURE:
            raise CompressionError(f"tanda tangan chunk salah di byte {pos}")
        end = min(pos + size, len(data))
        chunk_start = len(out)
        if header & 0x8000:
            _decompress_tokens(data, pos + 2, end, out, chunk_start)
        else:
            if size != CHUNK_SIZE + 2:
                raise CompressionError(f"chunk mentah berukuran {size - 2}, harus 4096")
            out += data[pos + 2 : end]
        pos = end
    return bytes(out)


def _decompress_tokens(data: bytes, pos: int, end: int, out: bytearray, chunk_start: int) -> None:
    """Decompress the TokenSequences of one chunk (2.4.1.3.2 to 2.4.1.3.5) into ``out``."""
    while pos < end:
        flags = data[pos]
        pos += 1
        for bit in range(8):
            if pos >= end:
                break
            if not flags & (1 << bit):
                out.append(data[pos])
                pos += 1
                continue
            if pos + 2 > end:
                raise CompressionError(f"CopyToken terpotong di byte {pos}")
            (token,) = struct.unpack_from("<H", data, pos)
            pos += 2
            length_mask, offset_mask, bit_count = _copy_token_help(len(out) - chunk_start)
            length = (token & length_mask) + 3
            offset = ((token & offset_mask) >> (16 - bit_count)) + 1
            source = len(out) - offset
            if source < chunk_start:
                raise CompressionError(f"CopyToken menunjuk sebelum awal chunk di byte {pos - 2}")
            for i in range(length):  # byte by byte: source and target may overlap
                out.append(out[source + i])


def compress(data: bytes, *, literal_prefix: int = 0) -> bytes:
    """Compress ``data`` into a CompressedContainer (MS-OVBA 2.4.1.3.6).

    ``literal_prefix`` forces the first that many bytes of each chunk to be written as literals:
    the result is still valid and decompresses to the same bytes, only its length differs (used
    to keep a stream clear of the compound file's 4096-byte mini-stream cutoff).

    Raises CompressionError when the last, partial chunk does not compress into 4096 bytes: the
    spec's raw chunk would pad it with zeros, which would change the decompressed data.
    """
    out = bytearray([_SIGNATURE])
    for start in range(0, len(data), CHUNK_SIZE):
        chunk = data[start : start + CHUNK_SIZE]
        body = _compress_chunk(chunk, literal_prefix)
        if len(body) <= _MAX_CHUNK_DATA:
            header = 0x8000 | (_CHUNK_SIGNATURE << 12) | (len(body) + 2 - 3)
            out += struct.pack("<H", header) + body
        elif len(chunk) == CHUNK_SIZE:
            header = (_CHUNK_SIGNATURE << 12) | (CHUNK_SIZE + 2 - 3)
            out += struct.pack("<H", header) + chunk
        else:
            raise CompressionError(f"chunk terakhir ({len(chunk)} byte) tidak dapat dipadatkan tanpa padding")
    return bytes(out)


def _compress_chunk(chunk: bytes, literal_prefix: int) -> bytes:
    """Compress one DecompressedChunk into TokenSequences (2.4.1.3.7 to 2.4.1.3.9)."""
    out = bytearray()
    heads: dict[bytes, list[int]] = {}
    pos = 0
    n = len(chunk)
    while pos < n:
        flag_at = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if pos >= n:
                break
            length, offset = (0, 0) if pos < literal_prefix else _longest_match(chunk, pos, heads)
            if length >= _MIN_MATCH:
                length_mask, _, bit_count = _copy_token_help(pos)
                token = ((offset - 1) << (16 - bit_count)) | (length - 3)
                out += struct.pack("<H", token)
                flags |= 1 << bit
                step = length
            else:
                out.append(chunk[pos])
                step = 1
            for p in range(pos, pos + step):
                if p + _MIN_MATCH <= n:
                    heads.setdefault(chunk[p : p + _MIN_MATCH], []).append(p)
            pos += step
        out[flag_at] = flags
    return bytes(out)


def _longest_match(chunk: bytes, pos: int, heads: dict[bytes, list[int]]) -> tuple[int, int]:
    """Return (length, offset) of the longest earlier match at ``pos`` (2.4.1.3.19.4).

    Matches may overlap the current position, as the decompressor copies byte by byte. Ties go to
    the nearest candidate, which the spec's backward search also prefers.
    """
    n = len(chunk)
    if pos + _MIN_MATCH > n:
        return 0, 0
    candidates = heads.get(chunk[pos : pos + _MIN_MATCH])
    if not candidates:
        return 0, 0
    length_mask, _, _ = _copy_token_help(pos)
    max_length = min(length_mask + 3, n - pos)
    best_length, best_offset = 0, 0
    for tried, cand in enumerate(reversed(candidates)):
        if tried >= _MAX_CANDIDATES:
            break
        if best_length and chunk[cand + best_length] != chunk[pos + best_length]:
            continue
        length = _MIN_MATCH
        while length < max_length and chunk[cand + length] == chunk[pos + length]:
            length += 1
        if length > best_length:
            best_length, best_offset = length, pos - cand
            if length == max_length:
                break
    return best_length, best_offset
