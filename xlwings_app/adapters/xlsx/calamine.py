"""A workbook file read through python-calamine: the readers' fast ``sheets.source.SheetSource``.

Calamine (Rust) reads cell values many times faster than openpyxl's read-only mode. Its
values are turned into what openpyxl gives, so the reader's checks and messages are the same: an
empty cell is ``None``, a whole number an ``int``, a date a ``datetime`` at midnight, and an error
cell its text (``#N/A``; calamine reads those as empty, so they are found in the sheet's XML).
Calamine gives no number formats: a number whose cell style has a percent format (styles.xml
``cellXfs`` → ``numFmts``) is found by its ``s`` attribute in the sheet's XML and handed over as
``numbers.Percent`` (the sheets of a workbook without any percent style are not scanned).

``Unsuitable`` means "read this file with openpyxl instead": a sheet so sparse that calamine's
dense grid would be huge (a cell far right or far down), or a part this module does not expect.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import NamedTuple, cast

from defusedxml import ElementTree

from xlwings_app.adapters.xlsx import sheet_parts
from xlwings_app.adapters.xlsx.xml_text import xml_unescape
from xlwings_app.adapters.xlsx.zip_copy import member_chunks
from xlwings_app.domain.cell_addresses import column_number
from xlwings_app.domain.numbers import Percent, is_percent_format
from xlwings_app.sheets.source import TableInfo

MAX_CELLS = 20_000_000
"""The largest dense grid (rows × columns) read with calamine; beyond, openpyxl streams."""
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ERROR_CELL = re.compile(rb'<c\b([^>]*\bt="e"[^>]*)>(.*?)</c>', re.S)
_FORMULA_CELL = re.compile(rb"<c\b([^>]*)>(<f\b[^>]*(?:/>|>([^<]*)</f>))(?:<v/>|<v></v>)?</c>", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_LAST_ROW = re.compile(rb'<row\b[^>]*\br="([0-9]+)"')
_LONG_REFS = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
"""Cells past column Z: their letters give the sheet's width (one search for both checks)."""
_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_NO_VALUE = (b"</c>", b"<v/></c>", b"<v></v></c>")
_EXACT = 2**53
BUILTIN_PERCENT_FORMATS = (9, 10)
"""Excel's built-in number formats 9 (``0%``) and 10 (``0.00%``)."""


class Unsuitable(Exception):
    """The file is better read by openpyxl (see the module docstring)."""


def _column(letters: bytes) -> int:
    """``cell_addresses.column_number`` of a cell reference's letters as found in the XML, each
    spelling converted once (a sheet names the same few columns in every row)."""
    number = _COLUMNS.get(letters)
    if number is None:
        number = _COLUMNS[letters] = column_number(letters.decode("ascii"))
    return number


_COLUMNS: dict[bytes, int] = {}


def sheet_part_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet part, from xl/workbook.xml and its relationships."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError as exc:
        raise Unsuitable(str(exc)) from None
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(_PKG_REL)}
    parts = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_REL), "")
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        parts[sheet.get("name", "")] = path
    return parts


def percent_styles(archive: zipfile.ZipFile) -> tuple[bytes, ...]:
    """The cell style indexes (``s="…"``) whose number format is a percent format."""
    try:
        return _percent_styles(archive.read("xl/styles.xml"))
    except KeyError:
        return ()


@lru_cache(maxsize=16)
def _percent_styles(xml: bytes) -> tuple[bytes, ...]:
    """``percent_styles`` of a styles part, kept: the 50 forms of a ``rekap`` share one."""
    styles = ElementTree.fromstring(xml)
    percent = set(BUILTIN_PERCENT_FORMATS)
    for fmt in styles.iter(f"{_MAIN}numFmt"):
        if is_percent_format(fmt.get("formatCode")):
            percent.add(int(fmt.get("numFmtId", "-1")))
    xfs = styles.find(f"{_MAIN}cellXfs")
    if xfs is None:
        return ()
    return tuple(
        str(index).encode()
        for index, xf in enumerate(xfs.iter(f"{_MAIN}xf"))
        if int(xf.get("numFmtId", "0")) in percent
    )


def _cell(value: object) -> object:
    if isinstance(value, str):
        return value or None
    if isinstance(value, float):
        return int(value) if value.is_integer() and -_EXACT < value < _EXACT else value
    if type(value) is date:
        return datetime(value.year, value.month, value.day)
    return value


def _as_openpyxl(rows: list[list[object]]) -> None:
    """``_cell`` on every value of ``rows``, in place (no second copy of a large sheet)."""
    for row in rows:
        for i, value in enumerate(row):
            kind = type(value)
            if kind is float:
                if value.is_integer() and -_EXACT < value < _EXACT:  # type: ignore[attr-defined, operator]
                    row[i] = int(value)  # type: ignore[call-overload]
            elif kind is str:
                if not value:
                    row[i] = None
            elif kind is not int and kind is not bool:
                row[i] = _cell(value)


class CalamineSource:
    """A workbook file, its sheets read whole by calamine on first use."""

    def __init__(self, path: Path) -> None:
        from python_calamine import CalamineWorkbook

        self._path = path
        self._archive = zipfile.ZipFile(path)
        self._parts = sheet_part_names(self._archive)
        self._book = CalamineWorkbook.from_path(str(path))
        self._rows: dict[str, list[list[object]]] = {}
        self._merged: dict[str, list[str]] = {}
        styles = percent_styles(self._archive)
        self._percent = (
            re.compile(rb'<c\b[^>]*?\bs="(?:' + b"|".join(styles) + rb')"[^>]*>') if styles else None
        )

    def close(self) -> None:
        self._archive.close()
        self._book.close()

    @property
    def sheetnames(self) -> list[str]:
        return list(self._book.sheet_names)

    def tables(self, sheet: str) -> list[TableInfo]:
        """The Excel Tables of ``sheet`` (name, range, Total Rows)."""
        part = self._parts.get(sheet)
        return sheet_parts.tables(self._archive, part) if part else []

    def merged(self, sheet: str) -> list[str]:
        """The merged ranges of ``sheet``."""
        self.iter_values(sheet)
        return self._merged.get(sheet, [])

    def forget(self) -> None:
        """Drop the sheets' rows parsed so far (parsed again if asked for): what was read from
        them is held by whoever read it (100,000 rows of IKU and IKI are 80 MB as parsed)."""
        self._rows.clear()

    def take(self, sheet: str) -> Iterator[list[object]]:
        """The rows of ``sheet`` from row 1, for one reading top to bottom: the sheet is forgotten
        (parsed again if asked for later) and each row let go once handed out."""
        self.iter_values(sheet)
        rows = cast(list[list[object] | None], self._rows.pop(sheet))
        for i in range(len(rows)):
            row = cast(list[object], rows[i])
            rows[i] = None
            yield row

    def iter_values(self, sheet: str) -> Sequence[Sequence[object]]:
        if sheet not in self._rows:
            self._rows[sheet] = self._load(sheet)
        return self._rows[sheet]

    def _load(self, sheet: str) -> list[list[object]]:
        part = self._parts.get(sheet)
        if part is None or part not in self._archive.namelist():
            raise Unsuitable(f"bagian sheet {sheet} tidak ditemukan")
        # what the XML says beyond calamine's values, found before calamine's grid is built (a grid
        # too sparse is refused first), a piece of whole rows at a time: the part's text (70 MB for a
        # sheet of 75,000 rows) is never held whole, nor next to the grid
        try:
            facts = scan_sheet(self._chunks(part), self._percent, formulas=self._reads_formulas())
        except Unsuitable as exc:
            raise Unsuitable(f"sheet {sheet}: {exc}") from None
        if facts.height * facts.width > MAX_CELLS:
            raise Unsuitable(f"sheet {sheet} terlalu jarang untuk dibaca calamine")
        self._merged[sheet] = facts.merged
        rows = cast(list[list[object]], self._book.get_sheet_by_name(sheet).to_python(skip_empty_area=False))
        _as_openpyxl(rows)
        for row, col, text in facts.errors:  # error cells' text (#DIV/0!), where calamine left them empty
            if row < len(rows) and col < len(rows[row]):
                rows[row][col] = text
        for row, col, text in facts.formulas:
            if row < len(rows) and col < len(rows[row]) and rows[row][col] is None:
                rows[row][col] = text
        for row, col in facts.percent:
            if row < len(rows) and col < len(rows[row]):
                value = rows[row][col]
                if isinstance(value, int | float) and not isinstance(value, bool):
                    rows[row][col] = Percent(value)
        return rows

    def _reads_formulas(self) -> bool:
        """Whether ``_load`` looks for uncached formulas (``form_cells`` reads them itself)."""
        return True

    def _chunks(self, name: str) -> Iterator[bytes]:
        """The part ``name`` inflated a bounded piece at a time (``zip_copy.member_chunks``), its CRC
        not checked again: the guard has read every part to its end (``guard.check_xlsx``) and
        calamine checks the sheets it reads. A part that does not inflate to its directory entry's
        size is ``Unsuitable`` (changed since the guard read it: openpyxl reads it, or says what is
        wrong)."""
        try:
            yield from member_chunks(self._archive, name, check=False)
        except zipfile.BadZipFile as exc:
            raise Unsuitable(str(exc)) from None

    def _part(self, name: str) -> bytes:
        """The part ``name`` whole (``_chunks`` joined): for the small sheets of a form."""
        return b"".join(self._chunks(name))


class SheetFacts(NamedTuple):
    """What a sheet's XML says beyond calamine's values (``scan_sheet``); rows and columns from 0."""

    height: int
    width: int
    errors: list[tuple[int, int, str]]
    formulas: list[tuple[int, int, str]]
    percent: list[tuple[int, int]]
    merged: list[str]


def scan_sheet(
    chunks: Iterable[bytes], percent: re.Pattern[bytes] | None, formulas: bool = True
) -> SheetFacts:
    """The facts of a sheet's XML given as ``chunks``, read a piece of whole rows at a time (up to
    each piece's last ``</row>``; a row is never cut): the last row's number, the widest column
    (raising ``Unsuitable`` past ZZ), the error cells' text, the uncached formulas' text (unless
    ``formulas`` is false), the cells of a ``percent`` style, and the merged ranges (after
    ``sheetData``, in the last piece). Each search reads a piece without its formulas' text."""
    height, widest = 0, 26
    errors: list[tuple[int, int, str]] = []
    found: list[tuple[int, int, str]] = []
    cells: list[tuple[int, int]] = []
    memo: dict[int, tuple[bytes, str]] = {}

    def read(text: bytes, start: int, end: int) -> None:  # the piece text[start:end], not copied
        nonlocal height, widest
        last = _LAST_ROW.search(text, max(start, text.rfind(b"<row ", start, end)), end)
        if last is not None:
            height = int(last.group(1))
        tags, low, high = text, start, end
        if formulas and text.find(b"<f", start, end) >= 0:
            uncached, stripped = _uncached_formulas(text, memo, start, end)
            found.extend(uncached)
            if stripped is not None:
                tags, low, high = stripped, 0, len(stripped)
        letters = set(_LONG_REFS.findall(tags, low, high))
        if any(len(c) == 3 for c in letters):
            raise Unsuitable("sheet memakai kolom setelah ZZ")
        widest = max(widest, max((_column(c) for c in letters), default=26))
        if tags.find(b't="e"', low, high) >= 0:
            errors.extend(_errors(text, start, end))
        if percent is not None:
            cells.extend(_percentages(percent, tags, low, high))

    rest = b""
    for chunk in chunks:
        begin = 0
        if rest:  # the rows begun in earlier chunks, up to the first row's end in this one
            first = chunk.find(b"</row>")
            if first < 0:
                rest += chunk
                continue
            head = rest + chunk[: first + 6]
            read(head, 0, len(head))
            begin = first + 6
        cut = chunk.rfind(b"</row>", begin)
        end = cut + 6 if cut >= 0 else begin
        if end > begin:
            read(chunk, begin, end)
        rest = chunk[end:]
    read(rest, 0, len(rest))  # self-closing rows after the last </row>, sheetData's close and what follows
    merged = sheet_parts.merged_ranges(rest[max(0, rest.rfind(b"</sheetData>")) :])
    return SheetFacts(height, widest, errors, found, cells, merged)


def _percentages(
    pattern: re.Pattern[bytes], xml: bytes, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """The cells (row, column from 0) of ``xml[start:end]`` with a percent format: their numbers
    become ``Percent`` (what the user typed: 93%)."""
    found = []
    for match in pattern.finditer(xml, start, len(xml) if end is None else end):
        ref = _REF.search(match.group(0))
        if ref is not None:
            found.append((int(ref.group(2)) - 1, _column(ref.group(1)) - 1))
    return found


def _uncached_formulas(
    xml: bytes, memo: dict[int, tuple[bytes, str]] | None = None, begin: int = 0, stop: int | None = None
) -> tuple[list[tuple[int, int, str]], bytes | None]:
    """The formulas of ``xml[begin:stop]`` Excel stored no value for, as (row, column from 0,
    text), and that XML without any formula's text (``<f>`` and ``</f>`` kept; ``None`` when no
    formula has text). Such a cell reads as its text
    ("=SUM(A1:A2)"), as with openpyxl's fallback, never as a blank (where calamine left it
    blank); it is never evaluated.

    The cells are those ``_FORMULA_CELL`` matches (``<c …><f …>text</f></c>``, perhaps with an
    empty ``<v/>``), found from each ``<f`` with ``bytes.find``: a sheet's XML is mostly the
    formulas' text, which a regular expression reads character by character. A column's
    formulas are often one text (structured references, "[#This Row]"): each text is made once,
    and ``memo`` (column → its last formula's raw text and text, kept across the pieces of one
    sheet) answers a repeated one by comparing bytes in place, without copying or hashing it."""
    find, rfind, startswith = xml.find, xml.rfind, xml.startswith
    texts: dict[bytes, str] = {}
    memo = {} if memo is None else memo
    found: list[tuple[int, int, str]] = []
    outside: list[bytes] = []  # the XML between formula texts
    stop = len(xml) if stop is None else stop
    kept = begin
    at, last = find(b"<f", begin, stop), stop - 3
    while 0 < at < last:
        after = at + 2
        if xml[at - 1] == 62 and xml[at + 2] not in _WORD:  # <f> right after a <c …> tag's ">"
            close = find(b">", at, stop)
            if close < 0:
                break
            if xml[close - 1] == 47:  # <f …/>
                start = end = after = close + 1
            else:
                start = close + 1
                end = find(b"<", start, stop)  # the text holds no "<" (a single byte: found fast)
                if end < 0:
                    break
                if not startswith(b"</f>", end):
                    at = find(b"<f", end, stop)
                    continue
                after = end + 4
                outside.append(xml[kept:start])
                kept = end
            if startswith(_NO_VALUE, after):
                tag = rfind(b"<", 0, at - 1)
                if startswith(b"<c", tag) and xml[tag + 2] not in _WORD:
                    ref = _REF.search(xml, tag, at)
                    if ref is not None:
                        letters, digits = ref.groups()
                        column = (_COLUMNS.get(letters) or _column(letters)) - 1
                        seen = memo.get(column)
                        if seen is not None and len(seen[0]) == end - start and startswith(seen[0], start):
                            text = seen[1]
                        else:
                            raw = xml[start:end]
                            known = texts.get(raw)
                            text = texts[raw] = known if known is not None else "=" + xml_unescape(raw)
                            memo[column] = (raw, text)
                        found.append((int(digits) - 1, column, text))
        at = find(b"<f", after, stop)
    if not outside:
        return found, None
    outside.append(xml[kept:stop])
    return found, b"".join(outside)


def _errors(xml: bytes, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """The error cells' text (``#DIV/0!``) of ``xml[start:end]`` as (row, column from 0, text):
    calamine reads them as empty."""
    found = []
    for match in _ERROR_CELL.finditer(xml, start, len(xml) if end is None else end):
        ref, value = _REF.search(match.group(1)), _VALUE.search(match.group(2))
        if ref is None:
            raise Unsuitable("sel galat tanpa alamat")
        if value is not None:
            found.append((int(ref.group(2)) - 1, _column(ref.group(1)) - 1, xml_unescape(value.group(1))))
    return found
