"""A rekap's cells written straight into the .xlsx zip: only the touched sheets' XML changes.

``set_cells(src, dst, cells, riwayat)`` writes ``dst``: ``src`` with the given input cells replaced
(each keeps its style ``s``; text becomes an inline string so it stays text and "=..." never becomes
a formula, numbers stay numbers, ``None`` empties the cell) and the Riwayat rows appended below the
sheet's last row (each column with the style of the sheet's last row below the header, as openpyxl
appends them when there is none). ``calcChain.xml`` is dropped and ``fullCalcOnLoad`` set, so the
live formulas recompute on load; every other part is copied byte for byte. Anything unexpected (no
Riwayat sheet, a shared or array formula in a replaced cell, rows or cells without their address, a
value that is not text, number or truth value) raises ``PatchUnsupported`` before anything is written:
the caller applies the change with openpyxl instead.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from lxml import etree

from xlwings_app.adapters.xlsx.patch import (
    CALC_CHAIN,
    MAIN,
    PatchUnsupported,
    _bytes,
    _content_types,
    _rels,
    _sheet_parts,
    _workbook_xml,
    _xml,
)
from xlwings_app.adapters.xlsx.zip_copy import copy_member
from xlwings_app.sheets.grid import column_letter
from xlwings_app.sheets.riwayat import HEADER_ROW, SHEET_RIWAYAT

_ROW, _C, _V, _F, _IS, _T = (f"{{{MAIN}}}{tag}" for tag in ("row", "c", "v", "f", "is", "t"))
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ADDRESS = re.compile(r"^([A-Z]{1,3})([1-9][0-9]{0,6})$")
_RANGE = re.compile(r"^([A-Z]{1,3}[1-9][0-9]*)(?::([A-Z]{1,3}[1-9][0-9]*))?$")


_COLUMNS: dict[str, int] = {}


def _column_number(letters: str) -> int:
    n = _COLUMNS.get(letters)
    if n is None:
        n = 0
        for ch in letters:
            n = n * 26 + ord(ch) - 64
        _COLUMNS[letters] = n
    return n


def _split(address: str) -> tuple[int, int]:
    """``"K12"`` -> ``(12, 11)``."""
    match = _ADDRESS.match(address.replace("$", "").upper())
    if match is None:
        raise PatchUnsupported(f"alamat sel {address!r}")
    return int(match.group(2)), _column_number(match.group(1))


def _column(cell: etree._Element) -> int:
    """The column number of a ``<c>`` (its ``r`` as Excel writes it, ``"K12"``)."""
    return _column_number(cell.get("r", "").rstrip("0123456789"))


_ROOT_TAG = re.compile(rb"<worksheet\b[^>]*>")
_ROW_OPEN = re.compile(rb"<row\b[^>]*>")
_ROW_NUMBER = re.compile(rb'\br="([0-9]+)"')
_HAS_CELL = re.compile(rb"<c[\s>/]")
_DIM = re.compile(rb'<dimension ref="([^"]*)"\s*/>')
_DECL = re.compile(rb'\sxmlns(?::[\w.-]+)?="[^"]*"')


class _Sheet:
    """One worksheet's XML as bytes: only the rows touched are parsed, and spliced back by ``to_bytes``.

    A 2,000-indicator IKU sheet is some 28 MB of XML; parsing all of it would cost more memory than
    openpyxl's whole load. Every row must carry its number ``r``, every touched row's cells theirs.
    """

    def __init__(self, part: str, data: bytes) -> None:
        self.part = part
        self.xml = data
        root = _ROOT_TAG.search(data)
        if root is None:
            raise PatchUnsupported(f"{part}: worksheet berprefiks namespace")
        self._wrap = root.group(0)
        self._decls = set(_DECL.findall(self._wrap))
        if _xml(self._wrap + b"</worksheet>").nsmap.get(None) != MAIN:
            raise PatchUnsupported(f"{part}: namespace utama bukan SpreadsheetML")
        end = data.rfind(b"</sheetData>")
        empty = data.find(b"<sheetData/>")
        if end < 0 and empty < 0:
            raise PatchUnsupported(f"{part} tanpa sheetData")
        self._end = end if end >= 0 else empty
        self._empty = end < 0
        self.spans: dict[int, tuple[int, int]] = {}
        find = data.find
        for match in _ROW_OPEN.finditer(data):  # rows do not nest: a row ends at its </row>
            number = _ROW_NUMBER.search(match.group(0))
            if number is None:
                raise PatchUnsupported(f"{part}: baris tanpa nomor")
            stop = match.end()
            if not match.group(0).endswith(b"/>"):
                close = find(b"</row>", stop)
                if close < 0:
                    raise PatchUnsupported(f"{part}: baris tanpa penutup")
                stop = close + len(b"</row>")
            self.spans[int(number.group(1))] = (match.start(), stop)
        self.rows: dict[int, etree._Element] = {}
        self._new: set[int] = set()
        self._dim: str | None = None

    def last_row_with_cells(self) -> int:
        """The last row holding a ``<c>`` (openpyxl's ``max_row`` of the loaded sheet)."""
        for number in sorted(self.spans, reverse=True):
            start, stop = self.spans[number]
            if _HAS_CELL.search(self.xml, start + 4, stop):
                return number
        return 0

    def row(self, number: int) -> etree._Element:
        row = self.rows.get(number)
        if row is None:
            span = self.spans.get(number)
            if span is None:
                row = etree.Element(_ROW, r=str(number))
                self._new.add(number)
            else:
                row = _xml(self._wrap + self.xml[span[0] : span[1]] + b"</worksheet>")[0]
            self.rows[number] = row
        row.attrib.pop("spans", None)  # a hint only, and it may no longer hold
        return row

    def cell(self, number: int, column: int) -> etree._Element:
        """The ``<c>`` at ``(number, column)``, created in column order when missing."""
        row = self.row(number)
        address = f"{column_letter(column)}{number}"
        for cell in row.iter(_C):
            at = cell.get("r")
            if at == address:
                return cell
            if not at:
                raise PatchUnsupported(f"{self.part}: sel tanpa alamat di baris {number}")
        new = etree.Element(_C, r=address)
        later = [c for c in row.iter(_C) if _column(c) > column]
        if later:
            later[0].addprevious(new)
        else:
            row.append(new)
        return new

    def widen(self, cells: Iterable[tuple[int, int]]) -> None:
        """``<dimension>`` widened to take ``cells`` (row, column) in."""
        if self._dim is None:
            found = _DIM.search(self.xml, 0, self._end)
            if found is None:
                return
            self._dim = found.group(1).decode()
        ref = _RANGE.match(self._dim)
        if ref is None:
            return
        top, left = _split(ref.group(1))
        bottom, right = _split(ref.group(2) or ref.group(1))
        for number, column in cells:
            top, bottom, left, right = min(top, number), max(bottom, number), min(left, column), max(right, column)
        self._dim = f"{column_letter(left)}{top}:{column_letter(right)}{bottom}"

    def _row_bytes(self, number: int) -> bytes:
        text = bytes(etree.tostring(self.rows[number], encoding="UTF-8"))
        if text.startswith(b"<?xml"):
            text = text[text.index(b"?>") + 2 :].lstrip()
        head_end = text.index(b">")
        head = text[:head_end]
        for decl in _DECL.findall(head):
            if decl in self._decls:  # declared on <worksheet> already
                head = head.replace(decl, b"", 1)
        return head + text[head_end:]

    def pieces(self, appended: bytes = b"") -> Iterator[bytes | memoryview]:
        """The sheet's XML in pieces: untouched stretches as views of the original bytes, the touched
        rows re-serialised, ``appended`` rows at the end (never the whole sheet copied at once)."""
        view = memoryview(self.xml)
        at = 0
        if self._dim is not None:
            found = _DIM.search(self.xml, 0, self._end)
            assert found is not None
            yield view[: found.start()]
            yield f'<dimension ref="{self._dim}"/>'.encode()
            at = found.end()
        new = sorted(self._new)
        for number in sorted(self.spans):
            start, stop = self.spans[number]
            while new and new[0] < number:
                yield view[at:start]
                yield self._row_bytes(new.pop(0))
                at = start
            if number in self.rows:
                yield view[at:start]
                yield self._row_bytes(number)
                at = stop
        tail = b"".join(self._row_bytes(n) for n in new) + appended
        if self._empty:
            yield view[at : self._end]
            yield b"<sheetData>" + tail + b"</sheetData>"
            yield view[self._end + 12 :]
        else:
            yield view[at : self._end]
            yield tail
            yield view[self._end :]


def _put(cell: etree._Element, value: object, style: str | None) -> None:
    """``cell`` holding only ``value`` (its style kept, or ``style`` when given)."""
    formula = cell.find(_F)
    if formula is not None and (formula.get("t") in ("shared", "array", "dataTable") or formula.get("ref")):
        raise PatchUnsupported(f"sel {cell.get('r')} memakai rumus bersama")
    kept = cell.get("s") if style is None else style
    address = cell.get("r", "")
    cell.attrib.clear()
    for child in list(cell):
        cell.remove(child)
    cell.set("r", address)
    if kept and kept != "0":
        cell.set("s", kept)
    if value is None or value == "":
        return
    if isinstance(value, bool):
        cell.set("t", "b")
        etree.SubElement(cell, _V).text = "1" if value else "0"
    elif isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise PatchUnsupported(f"nilai {value!r}")
        etree.SubElement(cell, _V).text = repr(value) if isinstance(value, float) else str(value)
    elif isinstance(value, str):
        cell.set("t", "inlineStr")
        text = etree.SubElement(etree.SubElement(cell, _IS), _T)
        try:
            text.text = value
        except ValueError as exc:  # a control character XML cannot hold
            raise PatchUnsupported(f"teks sel {address}") from exc
        if value != value.strip() or "\n" in value:
            text.set(_XML_SPACE, "preserve")
    else:
        raise PatchUnsupported(f"nilai {type(value).__name__}")


_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text_cell(address: str, style: str, value: object) -> str:
    """One appended ``<c>`` as XML text (the same cell ``_put`` makes)."""
    s = f' s="{style}"' if style and style != "0" else ""
    if isinstance(value, bool):
        return f'<c r="{address}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise PatchUnsupported(f"nilai {value!r}")
        return f'<c r="{address}"{s}><v>{value!r}</v></c>'
    if isinstance(value, str):
        if _ILLEGAL.search(value):
            raise PatchUnsupported(f"teks sel {address}")
        text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
        space = ' xml:space="preserve"' if value != value.strip() or "\n" in value else ""
        return f'<c r="{address}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    raise PatchUnsupported(f"nilai {type(value).__name__}")


def _rows_xml(first: int, rows: Sequence[Sequence[object]], styles: dict[int, str]) -> tuple[str, int]:
    """``rows`` as ``<row>`` elements from row ``first`` on, and their last column."""
    out: list[str] = []
    width = 0
    letters = [column_letter(n) for n in range(1, max((len(r) for r in rows), default=0) + 1)]
    for number, values in enumerate(rows, start=first):
        cells = [_text_cell(f"{letters[i]}{number}", styles.get(i + 1, "0"), v)
                 for i, v in enumerate(values) if v is not None and v != ""]  # fmt: skip
        width = max(width, len(values))
        out.append(f'<row r="{number}">{"".join(cells)}</row>')
    return "".join(out), width


def _row_styles(sheet: _Sheet, last: int) -> dict[int, str]:
    """Each column's style in the last row below the header (none: openpyxl appends unstyled)."""
    if last <= HEADER_ROW or last not in sheet.spans:
        return {}
    return {_column(c): c.get("s", "0") for c in sheet.row(last).iter(_C)}


def set_cells(
    src: Path, dst: Path, cells: Iterable[tuple[str, str, object]], riwayat: Sequence[Sequence[object]]
) -> None:
    """Write ``dst``: ``src`` with ``cells`` (``(sheet, address, value)``) replaced and ``riwayat``
    (each a row of cell values) appended to sheet Riwayat; see the module docstring."""
    with zipfile.ZipFile(src) as z:
        names = set(z.namelist())
        sheet_els, sheet_part = _sheet_parts(z, names)
        by_sheet: dict[str, list[tuple[int, int, object]]] = {}
        for sheet_name, address, value in cells:
            by_sheet.setdefault(sheet_name, []).append((*_split(address), value))
        if riwayat:
            by_sheet.setdefault(SHEET_RIWAYAT, [])
        missing = [n for n in by_sheet if sheet_part.get(n) not in names]
        if missing:
            raise PatchUnsupported(f"sheet {', '.join(missing)} tidak ada")
        new_parts: dict[str, bytes] = {}
        sheets: dict[str, tuple[_Sheet, bytes]] = {}
        for name, changes in by_sheet.items():
            sheet = _Sheet(sheet_part[name], z.read(sheet_part[name]))
            for number, column, value in changes:
                _put(sheet.cell(number, column), value, None)
            sheet.widen((n, c) for n, c, _ in changes)
            if name == SHEET_RIWAYAT and riwayat:
                last = sheet.last_row_with_cells()
                first = max(last, HEADER_ROW) + 1
                text, width = _rows_xml(first, riwayat, _row_styles(sheet, last))
                if any(n >= first for n in sheet.spans):  # formatted empty rows below the last cell
                    raise PatchUnsupported("Riwayat punya baris kosong berformat di bawah isinya")
                sheet.widen([(first + len(riwayat) - 1, width)])
                sheets[sheet.part] = (sheet, text.encode("utf-8"))
            else:
                sheets[sheet.part] = (sheet, b"")
        master_names = [e.get("name", "") for e in sheet_els]
        workbook = z.read("xl/workbook.xml")
        new_parts["xl/workbook.xml"] = _workbook_xml(workbook, workbook, [], master_names, master_names)
        calc = {t for rel, t in _rels(z, "xl/workbook.xml", names) if rel.get("Type") == CALC_CHAIN and t}
        if calc:
            root = _xml(z.read("xl/_rels/workbook.xml.rels"))
            for rel in [r for r in root if r.get("Type") == CALC_CHAIN]:
                root.remove(rel)
            new_parts["xl/_rels/workbook.xml.rels"] = _bytes(root)
            new_parts["[Content_Types].xml"] = _content_types(z.read("[Content_Types].xml"), calc, {})
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for name in z.namelist():
                if name in calc:
                    continue
                if name in sheets:
                    sheet, appended = sheets[name]
                    with out.open(name, "w") as handle:
                        for piece in sheet.pieces(appended):
                            handle.write(piece)
                elif name in new_parts:
                    out.writestr(name, new_parts[name])
                else:
                    copy_member(z, out, name)
