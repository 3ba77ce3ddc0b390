"""A workbook file read through python-calamine: the reader's fast ``SheetSource``.

Calamine (Rust) reads cell values about fifteen times faster than openpyxl's read-only mode. Its
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
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from defusedxml import ElementTree

from xlwings_app.adapters.xlsx import sheet_parts
from xlwings_app.domain.numbers import Percent, is_percent_format

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
_WIDE = re.compile(rb'<c r="[A-Z]{3}[0-9]')
_TWO_LETTERS = re.compile(rb'<c r="([A-Z]{2})[0-9]')
_ESCAPES = {b"&amp;": b"&", b"&lt;": b"<", b"&gt;": b">", b"&quot;": b'"', b"&apos;": b"'"}
_EXACT = 2**53
BUILTIN_PERCENT_FORMATS = (9, 10)
"""Excel's built-in number formats 9 (``0%``) and 10 (``0.00%``)."""


class Unsuitable(Exception):
    """The file is better read by openpyxl (see the module docstring)."""


def _column(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + char - 64
    return number


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
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return ()
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


def _unescape(text: bytes) -> str:
    for escaped, plain in _ESCAPES.items():
        text = text.replace(escaped, plain)
    return text.decode("utf-8")


class CalamineSource:
    """A workbook file, its sheets read whole by calamine on first use."""

    def __init__(self, path: Path) -> None:
        from python_calamine import CalamineWorkbook

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

    def tables(self, sheet: str) -> list[sheet_parts.TableInfo]:
        """The Excel Tables of ``sheet`` (name, range, Total Rows)."""
        part = self._parts.get(sheet)
        return sheet_parts.tables(self._archive, part) if part else []

    def merged(self, sheet: str) -> list[str]:
        """The merged ranges of ``sheet``."""
        self.iter_values(sheet)
        return self._merged.get(sheet, [])

    def iter_values(self, sheet: str) -> Sequence[Sequence[object]]:
        if sheet not in self._rows:
            self._rows[sheet] = self._load(sheet)
        return self._rows[sheet]

    def _load(self, sheet: str) -> list[list[object]]:
        part = self._parts.get(sheet)
        if part is None or part not in self._archive.namelist():
            raise Unsuitable(f"bagian sheet {sheet} tidak ditemukan")
        xml = self._archive.read(part)
        last = _LAST_ROW.search(xml, max(0, xml.rfind(b"<row ")))
        height = int(last.group(1)) if last else 0
        if _WIDE.search(xml):
            raise Unsuitable(f"sheet {sheet} memakai kolom setelah ZZ")
        width = max((_column(c) for c in set(_TWO_LETTERS.findall(xml))), default=26)
        if height * width > MAX_CELLS:
            raise Unsuitable(f"sheet {sheet} terlalu jarang untuk dibaca calamine")
        rows = [
            [_cell(v) for v in row]
            for row in self._book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        ]
        if b't="e"' in xml:
            self._errors(xml, rows)
        if b"<f" in xml:
            self._uncached_formulas(xml, rows)
        if self._percent is not None:
            self._percentages(self._percent, xml, rows)
        self._merged[sheet] = sheet_parts.merged_ranges(xml)
        return rows

    @staticmethod
    def _percentages(pattern: re.Pattern[bytes], xml: bytes, rows: list[list[object]]) -> None:
        """Numbers of cells with a percent format become ``Percent`` (what the user typed: 93%)."""
        for match in pattern.finditer(xml):
            ref = _REF.search(match.group(0))
            if ref is None:
                continue
            row, col = int(ref.group(2)) - 1, _column(ref.group(1)) - 1
            if row < len(rows) and col < len(rows[row]):
                value = rows[row][col]
                if isinstance(value, int | float) and not isinstance(value, bool):
                    rows[row][col] = Percent(value)

    @staticmethod
    def _uncached_formulas(xml: bytes, rows: list[list[object]]) -> None:
        """A formula Excel stored no value for reads as its text ("=SUM(A1:A2)"), as with openpyxl's
        fallback, never as a blank; it is never evaluated."""
        for match in _FORMULA_CELL.finditer(xml):
            ref = _REF.search(match.group(1))
            if ref is None:
                continue
            row, col = int(ref.group(2)) - 1, _column(ref.group(1)) - 1
            if row < len(rows) and col < len(rows[row]) and rows[row][col] is None:
                rows[row][col] = "=" + _unescape(match.group(3) or b"")

    @staticmethod
    def _errors(xml: bytes, rows: list[list[object]]) -> None:
        """Put error cells' text (``#DIV/0!``) where calamine left them empty."""
        for match in _ERROR_CELL.finditer(xml):
            ref, value = _REF.search(match.group(1)), _VALUE.search(match.group(2))
            if ref is None:
                raise Unsuitable("sel galat tanpa alamat")
            row, col = int(ref.group(2)) - 1, _column(ref.group(1)) - 1
            if value is not None and row < len(rows) and col < len(rows[row]):
                rows[row][col] = _unescape(value.group(1))
