"""MS-OVBA 2.4.1 compression: spec vectors, round trips, and every VBA module xlwings ships."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import olefile
import pytest
import xlwings
from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.addin import vba_dir
from xlwings_app.addin.ovba_compression import CHUNK_SIZE, CompressionError, compress, decompress

XLWINGS_DIR = Path(xlwings.__file__).resolve().parent

# MS-OVBA 3.2.1 "No Compression" and 3.2.2 "Normal Compression" examples.
SPEC_PLAIN = b"abcdefghijklmnopqrstuv."
SPEC_PLAIN_COMPRESSED = bytes.fromhex("0119B000616263646566676800696A6B6C6D6E6F70007172737475762E")
SPEC_NORMAL = b"#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa"
SPEC_NORMAL_COMPRESSED = bytes.fromhex(
    "012FB000236161616263646582660070616768696A013808616B6C00306D6E6F700671027004107273747576107778797A003C"
)

VBA_TEXT = st.lists(
    st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ()=&'\",._\t")
        + ["\r\n", "    ", "End Sub\r\n", "Dim ", " As String"]
    ),
    max_size=3000,
).map("".join)


def test_spec_no_compression_example() -> None:
    assert compress(SPEC_PLAIN) == SPEC_PLAIN_COMPRESSED
    assert decompress(SPEC_PLAIN_COMPRESSED) == SPEC_PLAIN


def test_spec_normal_compression_example_decompresses() -> None:
    assert decompress(SPEC_NORMAL_COMPRESSED) == SPEC_NORMAL
    assert decompress(compress(SPEC_NORMAL)) == SPEC_NORMAL
    assert len(compress(SPEC_NORMAL)) == len(SPEC_NORMAL_COMPRESSED)


@settings(max_examples=150, deadline=None)
@given(VBA_TEXT)
def test_vba_like_text_round_trips(text: str) -> None:
    data = text.encode("cp1252")
    assert decompress(compress(data)) == data


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=6000))
def test_any_text_round_trips(text: str) -> None:
    data = text.encode("utf-8")
    try:
        packed = compress(data)
    except CompressionError:
        # Only a final partial chunk that does not shrink may be refused (the spec would pad it).
        tail = len(data) % CHUNK_SIZE
        assert tail and tail + (tail + 7) // 8 > CHUNK_SIZE
        return
    assert decompress(packed) == data


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=9000), st.integers(min_value=0, max_value=40))
def test_literal_prefix_changes_only_the_encoding(data: bytes, prefix: int) -> None:
    try:
        packed = compress(data, literal_prefix=prefix)
    except CompressionError:
        return
    assert decompress(packed) == data


@pytest.mark.parametrize("size", [0, 1, 2, 3, 4095, 4096, 4097, 8192, 8193, 20000])
def test_chunk_boundaries_and_long_runs(size: int) -> None:
    for data in (b"a" * size, bytes(i % 251 for i in range(size)), (b"Dim x\r\n" * size)[:size]):
        assert decompress(compress(data)) == data


def test_full_incompressible_chunk_is_stored_raw() -> None:
    data = random.Random(5).randbytes(CHUNK_SIZE)
    packed = compress(data)
    assert len(packed) == 1 + 2 + CHUNK_SIZE
    assert packed[2] & 0x80 == 0  # chunk header bit 15: not compressed
    assert decompress(packed) == data


def test_incompressible_partial_last_chunk_is_refused_not_padded() -> None:
    with pytest.raises(CompressionError):
        compress(random.Random(6).randbytes(CHUNK_SIZE - 10))


def test_decompress_rejects_damaged_containers() -> None:
    with pytest.raises(CompressionError):
        decompress(b"")
    with pytest.raises(CompressionError):
        decompress(b"\x02\x19\xb0")
    with pytest.raises(CompressionError):
        decompress(b"\x01\x19\x00abc")  # chunk signature bits are not 0b011


def _shipped_vba_projects() -> list[tuple[str, bytes]]:
    found = []
    for path in sorted([*XLWINGS_DIR.glob("*.xl*"), *XLWINGS_DIR.glob("addin/*.xl*")]):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith("vbaProject.bin"):
                    found.append((f"{path.name}:{name}", archive.read(name)))
    return found


SHIPPED = _shipped_vba_projects()


def test_xlwings_ships_vba_projects() -> None:
    assert len(SHIPPED) >= 4


@pytest.mark.parametrize("label,project", SHIPPED, ids=[label for label, _ in SHIPPED])
def test_every_xlwings_module_round_trips(label: str, project: bytes) -> None:
    import io

    with olefile.OleFileIO(io.BytesIO(project)) as ole:
        vba = next(e[:-1] for e in ole.listdir() if e[-1] == "dir")
        records = vba_dir.parse_records(decompress(ole.openstream([*vba, "dir"]).read()))
        entries = vba_dir.modules(records)
        assert entries
        for entry in entries:
            stream = ole.openstream([*vba, entry.stream_name]).read()
            source = decompress(stream[entry.offset :])
            assert b"Attribute VB_Name" in source
            assert decompress(compress(source)) == source, entry.name
