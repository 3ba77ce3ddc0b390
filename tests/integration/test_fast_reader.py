"""The workbook reader's fast path (issue 17): openpyxl stays unloaded, and what the fast parts find
in a sheet's XML is what the plain rules say (the regular expression, a one-pass unescape, the
guard's markers across chunk boundaries)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx import guard
from xlwings_app.adapters.xlsx.calamine import (
    _FORMULA_CELL,
    _LONG_REFS,
    _REF,
    CalamineSource,
    Unsuitable,
    _column,
    _errors,
    _uncached_formulas,
    scan_sheet,
)
from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx
from xlwings_app.adapters.xlsx.xml_text import xml_unescape
from xlwings_app.adapters.xlsx.zip_copy import CHUNK, member_chunks
from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.settings import Settings
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, env: dict[str, str] | None = None) -> list[str]:
    """The heavy modules ``code`` leaves imported, from a fresh interpreter."""
    probe = code + "\nimport sys; print(sorted(m for m in ('openpyxl', 'numpy', 'PIL') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})})  # fmt: skip
    return eval(out.stdout.strip().splitlines()[-1])  # a printed list of names


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cepat") / "induk.xlsx"
    build_workbook(SYNTHETIC_PROFIL, random_indicators(20, 40, seed=5), Settings(), spare_rows=2).save(path)
    return path


def test_importing_the_reader_imports_no_openpyxl() -> None:
    assert _run("import xlwings_app.adapters.xlsx.reader") == []


def test_reading_a_workbook_through_calamine_imports_no_openpyxl(master: Path) -> None:
    code = (
        "from pathlib import Path\nfrom xlwings_app.adapters.xlsx.reader import read_workbook\n"
        f"data = read_workbook(Path({str(master)!r}))\nassert len(data.indicators) == 60 and not data.errors"
    )
    assert _run(code) == []


def test_the_fallback_does_load_openpyxl(master: Path) -> None:
    """The probe can fail: when calamine cannot read the file, openpyxl reads it (and is imported)."""
    code = (
        "from pathlib import Path\nfrom xlwings_app.adapters.xlsx import calamine, reader\n"
        "def refuse(self, sheet): raise calamine.Unsuitable(sheet)\n"
        "calamine.CalamineSource._load = refuse\n"
        f"data = reader.read_workbook(Path({str(master)!r}))\nassert len(data.indicators) == 60"
    )
    assert "openpyxl" in _run(code)


def test_defusedxml_switched_off_is_refused_before_openpyxl_is_loaded(master: Path) -> None:
    code = (
        "from pathlib import Path\nfrom xlwings_app.adapters.xlsx.reader import read_workbook\n"
        "from xlwings_app.adapters.xlsx.guard import WorkbookError\n"
        f"try:\n    read_workbook(Path({str(master)!r}))\nexcept WorkbookError as exc:\n"
        "    assert '(defusedxml) tidak aktif' in str(exc), exc\nelse:\n    raise SystemExit('not refused')"
    )
    assert _run(code, {"OPENPYXL_DEFUSEDXML": "False"}) == []


def test_a_dtd_across_the_guards_chunks_is_refused(tmp_path: Path, master: Path) -> None:
    """The marker's first bytes end one 1 MB chunk, the rest begin the next."""
    path = tmp_path / "dtd.xlsx"
    filler = b"<x/>" * guard._CHUNK
    with zipfile.ZipFile(master) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        for cut in (3, 5):  # "<!D" | "OCTYPE", "<!DOC" | "TYPE"
            new.writestr(f"xl/extra{cut}.xml", filler[: guard._CHUNK - cut] + b"<!DOCTYPE x>" + filler[:64])
    with pytest.raises(WorkbookError, match="extra3.xml"):
        check_xlsx(path)


def test_column_letters_are_excels() -> None:
    assert [column_letter(c) for c in (1, 26, 27, 52, 53, 702, 703, 16384)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]  # fmt: skip
    with pytest.raises(ValueError):
        column_letter(0)


def test_entities_are_replaced_once() -> None:
    """As an XML parser reads them: "&amp;lt;" is the text "&lt;", not "<"."""
    assert xml_unescape(b"a&amp;lt;b &quot;x&quot; &lt;&gt;&apos;&amp;") == "a&lt;b \"x\" <>'&"


_PIECES = [
    b'<c r="A1"><f>SUM(A2:A3)</f></c>', b'<c r="B2" s="3"><f>1&amp;lt;2&quot;</f><v></v></c>',
    b'<c r="C3"><f t="shared" si="0"/></c>', b'<c r="D4"><f>X</f><v>5</v></c>', b'<c r="E5"><f/></c>',
    b'<c r="F6" t="str"><f>A&amp;B</f><v/></c>', b'<c r="G7"><foo>x</foo></c>', b'<c r="H8"><is><f>x</f></is></c>',
    b'<col r="I9"><f>y</f></col>', b'<c s="1" r="J10"><f a="x/">z</f></c>', b'<c r="K11"><f>a<b</f></c>',
    b'<c r="L12"><f >q</f> </c>', b'<c  r="M13"\n><f\n>w</f></c>', b'<c r="N14"><f>', b'<row r="1">', b"</row>",
    b'<c r="O15"><v>1</v></c>', b'<c r="P16"><f>\xc3\xa9</f></c>', b'<c r="Q17"><f ref="A1:A2" t="array">1</f></c>',
    b'<c r="AB18"><f>IF(TabelIKU[[#This Row],[Agregasi]]=&quot;Jumlah&quot;,1,2)</f><v></v></c>',
    b'<c r="S19" t="e"><v>#N/A</v></c>', b'<c r="T20"><f>IF(t="e",1)</f><v>1</v></c>', b'<c r="ABC21"><v>2</v></c>',
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_uncached_formulas_are_the_regular_expressions_cells(pieces: list[bytes]) -> None:
    xml = b"<worksheet><sheetData>" + b"".join(pieces) + b"</sheetData></worksheet>"
    expected: dict[tuple[int, int], str] = {}
    for match in _FORMULA_CELL.finditer(xml):  # the rule, as a regular expression
        ref = _REF.search(match.group(1))
        if ref is not None:
            key = (int(ref.group(2)) - 1, _column(ref.group(1)) - 1)
            expected.setdefault(key, "=" + xml_unescape(match.group(3) or b""))
    found: dict[tuple[int, int], str] = {}
    fixes, stripped = _uncached_formulas(xml)
    tags = xml if stripped is None else stripped
    for row, col, text in fixes:
        found.setdefault((row, col), text)
    assert found == expected
    # the cells' tags are all in the XML without the formulas' text: the searches of _load find the same
    assert _LONG_REFS.findall(tags) == _LONG_REFS.findall(xml)
    errors = _errors(xml)
    assert (errors if b't="e"' in tags else []) == (errors if b't="e"' in xml else [])


_CELLS = [piece for piece in _PIECES if not piece.startswith((b"<row", b"</row"))] + [
    b'<c r="U22" s="3"><v>0.5</v></c>', b'<c r="V23" s="1"><v>7</v></c>']  # fmt: skip
_PERCENT = re.compile(rb'<c\b[^>]*?\bs="(?:3)"[^>]*>')


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.lists(st.sampled_from(_CELLS), max_size=6), st.booleans()), min_size=1, max_size=8),
    st.booleans(),
    st.lists(st.integers(min_value=1, max_value=400), max_size=12),
)
def test_a_sheet_scanned_in_pieces_is_the_sheet_scanned_whole(
    rows: list[tuple[list[bytes], bool]], merged: bool, cuts: list[int]
) -> None:
    """``scan_sheet`` reads the XML as it is inflated, a piece of whole rows at a time: wherever the
    chunks are cut, it finds what the searches find in the whole XML at once."""
    body = b"".join(
        (f'<row r="{n}"/>'.encode() if empty else f'<row r="{n}">'.encode() + b"".join(cells) + b"</row>")
        for n, (cells, empty) in enumerate(rows, start=1)
    )
    tail = b'<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>' if merged else b""
    xml = b"<worksheet><sheetData>" + body + b"</sheetData>" + tail + b"</worksheet>"
    chunks, at = [], 0
    for size in cuts:
        chunks.append(xml[at : at + size])
        at += size
    chunks.append(xml[at:])
    try:
        whole = scan_sheet([xml], _PERCENT)
    except Unsuitable:  # a column past ZZ, wherever the chunks are cut
        with pytest.raises(Unsuitable):
            scan_sheet(chunks, _PERCENT)
        return
    assert scan_sheet(chunks, _PERCENT) == whole
    fixes, stripped = _uncached_formulas(xml)
    tags = xml if stripped is None else stripped
    assert whole.formulas == fixes
    assert whole.errors == (_errors(xml) if b't="e"' in tags else [])
    assert whole.merged == (["A1:B2"] if merged else [])
    assert whole.height == len(rows)


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_a_member_is_inflated_in_pieces_of_bounded_size(tmp_path: Path, method: int) -> None:
    """``member_chunks`` gives the member's bytes, no piece longer than ``CHUNK``; its CRC-32 and
    size are checked at the end (zipfile's own error for a damaged member, as ``ZipFile.read``);
    unchecked, a size that differs from the entry's is ``BadZipFile``."""
    xml = b"".join(
        f'<row r="{n}"><c r="A{n}"><v>{n * 7919 % 10007}</v></c></row>'.encode() for n in range(1, 200_000)
    )
    path = tmp_path / "part.zip"
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", xml)
    with zipfile.ZipFile(path) as archive:
        for check in (True, False):
            pieces = list(member_chunks(archive, "xl/worksheets/sheet1.xml", check))
            assert b"".join(pieces) == xml and len(pieces) > 2 and max(map(len, pieces)) <= CHUNK
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        info.CRC ^= 1
        with pytest.raises(zipfile.BadZipFile, match="Bad CRC-32"):
            list(member_chunks(archive, info))
        info.CRC ^= 1
        for wrong in (info.file_size + 1, info.file_size - 1):
            info.file_size = wrong
            with pytest.raises(zipfile.BadZipFile):
                list(member_chunks(archive, info, check=False))


def test_a_read_sheets_formulas_without_values_come_as_their_text(master: Path) -> None:
    """The builder stores the computed columns' formulas without values (openpyxl computes none)."""
    source = CalamineSource(master)
    try:
        rows = source.iter_values("IKU")
    finally:
        source.close()
    texts = {v for row in rows for v in row if isinstance(v, str) and v.startswith("=")}
    assert texts and all('CELL("format"' in t or "LOOKUP(" in t for t in texts) and not any("&quot;" in t for t in texts)
