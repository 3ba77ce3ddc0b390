"""``adapters.xlsx.zip_copy.copy_member``: a member copied as stored reads back as the original;
``read_member`` reads what ``ZipFile.read`` reads, and refuses a damaged member as it does.

Members written the ways .xlsx writers store them: deflated and stored, a member streamed with a
data descriptor (as ``zipfile`` writes to an unseekable stream, and Java-based writers do), an
empty member; the copy passes ``testzip``, keeps name order, date and contents, and a patched
workbook saved by LibreOffice (its own zip layout) still opens after ``kinerja hitung``.
"""

from __future__ import annotations

import io
import shutil
import zipfile
import zlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from xlwings_app.adapters.xlsx import deflate, results_parts
from xlwings_app.adapters.xlsx import package as package_module
from xlwings_app.adapters.xlsx.zip_copy import copy_member, member_chunks, read_member, write_streamed
from xlwings_app.services.hitung import hitung


class _Unseekable(io.RawIOBase):
    """A write-only stream: ``zipfile`` then writes data descriptors after each member."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.buffer += data
        return len(data)


def _source() -> bytes:
    stream = _Unseekable()
    with zipfile.ZipFile(stream, "w") as z:
        z.writestr(zipfile.ZipInfo("a.xml", (2024, 10, 7, 8, 30, 0)), b"<a>" * 5000, zipfile.ZIP_DEFLATED)
        z.writestr("b.bin", bytes(range(256)) * 10, zipfile.ZIP_STORED)
        z.writestr("kosong.txt", b"")
    return bytes(stream.buffer)


def test_members_copied_as_stored_read_back_the_same() -> None:
    data = _source()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        assert any(i.flag_bits & 0x08 for i in src.infolist())  # the data descriptor case is there
        out_buffer = io.BytesIO()
        with zipfile.ZipFile(out_buffer, "w", zipfile.ZIP_DEFLATED) as out:
            out.writestr("baru.xml", b"<baru/>")
            for name in src.namelist():
                copy_member(src, out, name)
            out.writestr("akhir.xml", b"<akhir/>")
        expected = {i.filename: (src.read(i), i.date_time, i.compress_type) for i in src.infolist()}
    with zipfile.ZipFile(io.BytesIO(out_buffer.getvalue())) as copied:
        assert copied.testzip() is None
        assert copied.namelist() == ["baru.xml", "a.xml", "b.bin", "kosong.txt", "akhir.xml"]
        for name, (content, when, method) in expected.items():
            info = copied.getinfo(name)
            assert (copied.read(name), info.date_time, info.compress_type) == (content, when, method)


def test_read_member_reads_what_zipfile_reads() -> None:
    with zipfile.ZipFile(io.BytesIO(_source())) as src:
        for name in src.namelist():
            assert read_member(src, name) == src.read(name)


def test_read_member_refuses_a_damaged_member_as_zipfile_does() -> None:
    data = bytearray(_source())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as src:
        info = src.getinfo("b.bin")  # stored: a changed byte changes only the CRC
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 5] ^= 0xFF
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as src:
        with pytest.raises(zipfile.BadZipFile):
            src.read("b.bin")
        with pytest.raises(zipfile.BadZipFile):
            read_member(src, "b.bin")


def test_a_name_copied_twice_is_refused_as_zipfile_refuses() -> None:
    with zipfile.ZipFile(io.BytesIO(_source())) as src:
        out = zipfile.ZipFile(io.BytesIO(), "w")
        copy_member(src, out, "a.xml")
        with pytest.warns(UserWarning, match="Duplicate name"):
            copy_member(src, out, "a.xml")


@pytest.mark.libreoffice
def test_hitung_on_a_workbook_libreoffice_saved(example_path: Path, tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "lo"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profil", "--convert-to", "xlsx",
         "--outdir", str(out), str(example_path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    saved = out / example_path.name
    before = load_workbook(saved)
    inputs = {name: [[c.value for c in row] for row in before[name].iter_rows()] for name in ("IKU", "IKI")}
    master = tmp_path / "induk.xlsx"
    shutil.copy2(saved, master)
    assert hitung(master).valid
    with zipfile.ZipFile(master) as z:
        assert z.testzip() is None
    after = load_workbook(master)
    assert {name: [[c.value for c in row] for row in after[name].iter_rows()] for name in ("IKU", "IKI")} == inputs
    assert after["Hasil"].max_row > 5


@pytest.mark.parametrize("engine", ["isal", "zlib"])
def test_a_streamed_member_reads_back_between_others(monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    """``write_streamed`` deflates the pieces as they come and rewrites the local header with the
    CRC and sizes: ``testzip`` passes, zipfile reads the bytes back and the members around it are
    intact; with python-isal (level 1) or zlib (level 3) alike."""
    if engine == "zlib":
        monkeypatch.setattr(deflate, "_isal", None)
        monkeypatch.setattr(deflate, "_crc32", zlib.crc32)
    else:
        assert deflate._isal is not None  # python-isal is a dependency where its wheel exists
    pieces = [b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n * 7) * 40 for n in range(3000)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("awal.xml", b"<awal/>")
        write_streamed(out, "xl/worksheets/sheet1.xml", iter(pieces))
        write_streamed(out, "kosong.xml", iter([]))
        out.writestr("akhir.xml", b"<akhir/>")
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as back:
        assert back.testzip() is None
        assert back.namelist() == ["awal.xml", "xl/worksheets/sheet1.xml", "kosong.xml", "akhir.xml"]
        assert back.read("xl/worksheets/sheet1.xml") == b"".join(pieces)
        assert back.read("kosong.xml") == b"" and back.read("akhir.xml") == b"<akhir/>"
        info = back.getinfo("xl/worksheets/sheet1.xml")
        assert info.compress_type == zipfile.ZIP_DEFLATED and info.compress_size < info.file_size // 20
        assert b"".join(member_chunks(back, info)) == b"".join(pieces)


def test_a_sheet_too_large_to_stream_is_written_with_zip64_sizes(
    example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Hasil part past ``STREAMED_ROWS`` (one that could pass 4 GB) is written by zipfile with its
    zip64 sizes, not by ``write_streamed``: the same sheet as the streamed one, in a zip that reads
    back whole."""
    streamed, large = tmp_path / "alir.xlsx", tmp_path / "besar.xlsx"
    shutil.copy2(example_path, streamed)
    shutil.copy2(example_path, large)
    assert hitung(streamed).valid
    monkeypatch.setattr(results_parts, "STREAMED_ROWS", 0)
    monkeypatch.setattr(package_module, "write_streamed", lambda *args: pytest.fail("dialirkan"))
    assert hitung(large).valid
    with zipfile.ZipFile(large) as z:
        assert z.testzip() is None
    rows = {path: [[c.value for c in r] for r in load_workbook(path)["Hasil"].iter_rows()] for path in (streamed, large)}
    assert rows[large] == rows[streamed] and len(rows[large]) > 5
