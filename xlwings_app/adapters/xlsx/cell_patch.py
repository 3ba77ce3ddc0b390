"""A rekap's cells written straight into the .xlsx zip: only the touched sheets' XML changes.

``set_cells(src, dst, cells, riwayat)`` writes ``dst``: ``src`` with the given input cells replaced
(each keeps its style ``s``; text becomes an inline string so it stays text and "=..." never becomes
a formula, numbers stay numbers, ``None`` empties the cell) and the Riwayat rows appended below the
sheet's last row (each column with the style of the sheet's last row below the header, as openpyxl
appends them when there is none). ``calcChain.xml`` is dropped and ``fullCalcOnLoad`` set, so the
live formulas recompute on load; every other part is copied byte for byte. The parts written are
deflated at ``DEFLATE_LEVEL``. Anything unexpected (no
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
from xlwings_app.adapters.xlsx.zip_copy import copy_member, read_member, write_streamed
from xlwings_app.sheets.grid import column_letter
from xlwings_app.sheets.riwayat import HEADER_ROW, SHEET_RIWAYAT

DEFLATE_LEVEL = 3
"""zlib's level for the small parts the patch rewrites (workbook, relationships); the sheets it
splices are deflated as they are written (``zip_copy.write_streamed``: python-isal's level 1 where
installed, zlib's 3 elsewhere: the IKU sheet of 2,000 indicators, 28 MB, 0,11 s at zlib's 3 instead
of 0,25 s at zipfile's default 6)."""
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


_ROOT_TAG = re.compile(rb"<worksheet\b[^>]*>")
_ROW_OPEN = re.compile(rb"<row\b[^>]*>")
_ROW_NUMBER = re.compile(rb'\br="([0-9]+)"')
_HAS_CELL = re.compile(rb"<c[\s>/]")
_DIM = re.compile(rb'<dimension ref="([^"]*)"\s*/>')
_SPANS = re.compile(rb"""\sspans\s*=\s*(?:"[^"]*"|'[^']*')""")
_CELL_TAG = re.compile(rb"<c(?=[\s/>])([^>]*?)(/?)>")
_FORMULA_TAG = re.compile(rb"<f(?=[\s/>])([^>]*?)/?>")
_ATTR = re.compile(rb"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_STYLE = re.compile(r"[0-9]*")
_MARKUP = re.compile(rb"<[!?]")
_PREFIXED_CELL = re.compile(rb"<[\w.-]+:c[\s/>]")


def _attrs(tag: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(tag)}


class _Row:
    """One touched ``<row>`` of a sheet's XML: its cells found in the bytes, the ones put kept as XML text.

    The row is spliced, never parsed into a tree: a row of the IKU sheet is some 14 KB of formulas,
    and 2,000 of them parsed and serialised again cost more than the rest of the patch. Only its
    start tag changes (``spans`` dropped: a hint only, and it may no longer hold). A row with a
    comment, CDATA or processing instruction, a cell without its address or with a namespace prefix,
    or a cell inside a cell raises ``PatchUnsupported``.
    """

    def __init__(self, part: str, number: int, xml: bytes, span: tuple[int, int] | None) -> None:
        self.part, self.number, self.xml = part, number, xml
        if span is None:  # a row the sheet does not have yet
            self.head, self.lo, self.hi = f'<row r="{number}">'.encode(), 0, 0
        else:
            start, stop = span
            self.lo = xml.index(b">", start, stop) + 1
            head = xml[start : self.lo]
            if head.endswith(b"/>"):  # <row r="5"/>
                head, self.hi = head[:-2].rstrip() + b">", self.lo
            else:
                self.hi = stop - len(b"</row>")
            self.head = _SPANS.sub(b"", head)
        self._plain_to = self.lo
        self._order: list[tuple[int, int, int, dict[bytes, bytes]]] | None = None
        self.edits: dict[str, tuple[int, tuple[int, int] | None, bytes]] = {}
        """Address -> (column, the old cell's start and end or None, new ``<c>`` XML) of every cell put."""

    def _plain(self, end: int) -> None:
        """The row read up to ``end`` holds no comment, CDATA or processing instruction (what a
        search of the bytes could take for a cell); ``PatchUnsupported`` when it does."""
        if end > self._plain_to:
            if _MARKUP.search(self.xml, self._plain_to, end):
                raise PatchUnsupported(f"{self.part}: baris {self.number} berisi komentar atau CDATA")
            self._plain_to = end

    def _end(self, address: str, tag: re.Match[bytes]) -> int:
        """Where the cell whose start tag is ``tag`` ends."""
        if tag.group(2):
            return tag.end()
        close = self.xml.find(b"</c>", tag.end(), self.hi)
        if close < 0 or _CELL_TAG.search(self.xml, tag.end(), close) is not None:
            raise PatchUnsupported(f"{self.part}: sel {address} tidak lazim")
        return close + len(b"</c>")

    def order(self) -> list[tuple[int, int, int, dict[bytes, bytes]]]:
        """(column, start, end, attributes) of every cell, in the row's order."""
        if self._order is None:
            self._plain(self.hi)
            if _PREFIXED_CELL.search(self.xml, self.lo, self.hi):  # a cell this search would not see
                raise PatchUnsupported(f"{self.part}: sel berprefiks namespace di baris {self.number}")
            self._order, at = [], self.lo
            while (tag := _CELL_TAG.search(self.xml, at, self.hi)) is not None:
                attrs = _attrs(tag.group(1))
                address = attrs.get(b"r", b"").decode("ascii", errors="replace")
                if not address:
                    raise PatchUnsupported(f"{self.part}: sel tanpa alamat di baris {self.number}")
                at = self._end(address, tag)
                self._order.append((_column_number(address.rstrip("0123456789")), tag.start(), at, attrs))
        return self._order

    def _find(self, address: str) -> tuple[int, int, dict[bytes, bytes]] | None:
        """The first cell at ``address``: its start, end and attributes.

        Found by its ``r="…"`` as Excel writes it: the nearest "<" before it (never inside an
        attribute value, never in text, where it is escaped) must open a ``<c`` tag that is still
        open there. Any other way of writing it is found by reading every cell of the row."""
        xml, key, lo, hi = self.xml, f' r="{address}"'.encode(), self.lo, self.hi
        at = xml.find(key, lo, hi)
        while at >= 0:
            start = xml.rfind(b"<", lo, at)
            if start >= 0 and xml.startswith(b"<c", start) and xml.find(b">", start, at) < 0:
                tag = _CELL_TAG.match(xml, start, hi)
                if tag is not None:
                    end = self._end(address, tag)
                    self._plain(end)  # only what was read: the rest of the row is copied as it is
                    return start, end, _attrs(tag.group(1))
            at = xml.find(key, at + 1, hi)
        for _, start, end, attrs in self.order():
            if attrs.get(b"r") == address.encode():
                return start, end, attrs
        return None

    def styles(self) -> dict[int, str]:
        """Each cell's style (``s``, "0" when none) by column."""
        return {
            column: attrs.get(b"s", b"0").decode("ascii", errors="replace") for column, _, _, attrs in self.order()
        }

    def put(self, column: int, value: object) -> None:
        """The cell at ``column`` holding only ``value`` (its style kept; created in column order)."""
        address = f"{column_letter(column)}{self.number}"
        found = self._find(address)
        style = None
        if found is not None:
            start, end, attrs = found
            formula = _FORMULA_TAG.search(self.xml, start, end)
            if formula is not None:
                f = _attrs(formula.group(1))
                if f.get(b"t") in (b"shared", b"array", b"dataTable") or f.get(b"ref"):
                    raise PatchUnsupported(f"sel {address} memakai rumus bersama")
            raw = attrs.get(b"s")
            style = None if raw is None else raw.decode("ascii", errors="replace")
            if style is not None and not _STYLE.fullmatch(style):
                raise PatchUnsupported(f"gaya sel {address}")
        xml = _cell_xml(address, style or "", value, empty=True).encode("utf-8")
        self.edits[address] = (column, None if found is None else found[:2], xml)

    def to_bytes(self) -> bytes:
        splices: list[tuple[int, int, int, int, bytes]] = []  # start, new cell first, column, end, XML
        for column, found, xml in self.edits.values():
            if found is not None:
                splices.append((found[0], 1, column, found[1], xml))
            else:  # before the first cell further right, else at the end
                at = next((start for c, start, _, _ in self.order() if c > column), self.hi)
                splices.append((at, 0, column, at, xml))
        out, at = [self.head], self.lo
        for start, _, _, end, xml in sorted(splices):
            out += (self.xml[at:start], xml)
            at = max(at, end)
        out += (self.xml[at : self.hi], b"</row>")
        return b"".join(out)


class _Sheet:
    """One worksheet's XML as bytes: only the rows touched are looked into (``_Row``), and spliced
    back by ``pieces``.

    A 2,000-indicator IKU sheet is some 28 MB of XML; parsing all of it would cost more memory than
    openpyxl's whole load. Every row must carry its number ``r``, every touched row's cells theirs.
    """

    def __init__(self, part: str, data: bytes) -> None:
        self.part = part
        self.xml = data
        root = _ROOT_TAG.search(data)
        if root is None:
            raise PatchUnsupported(f"{part}: worksheet berprefiks namespace")
        if _xml(root.group(0) + b"</worksheet>").nsmap.get(None) != MAIN:
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
        self.rows: dict[int, _Row] = {}
        self._dim: str | None = None

    def last_row_with_cells(self) -> int:
        """The last row holding a ``<c>`` (openpyxl's ``max_row`` of the loaded sheet)."""
        for number in sorted(self.spans, reverse=True):
            start, stop = self.spans[number]
            if _HAS_CELL.search(self.xml, start + 4, stop):
                return number
        return 0

    def _read_row(self, number: int) -> _Row:
        return _Row(self.part, number, self.xml, self.spans.get(number))

    def row(self, number: int) -> _Row:
        """Row ``number``, to be written back (made when the sheet has none)."""
        row = self.rows.get(number)
        if row is None:
            row = self.rows[number] = self._read_row(number)
        return row

    def styles(self, number: int) -> dict[int, str]:
        """Each cell's style in row ``number`` by column (the row itself left as it is)."""
        return (self.rows.get(number) or self._read_row(number)).styles()

    def put(self, number: int, column: int, value: object) -> None:
        self.row(number).put(column, value)

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

    def pieces(self, appended: bytes = b"") -> Iterator[bytes | memoryview]:
        """The sheet's XML in pieces: untouched stretches as views of the original bytes, the touched
        rows spliced, ``appended`` rows at the end (never the whole sheet copied at once)."""
        view = memoryview(self.xml)
        at = 0
        if self._dim is not None:
            found = _DIM.search(self.xml, 0, self._end)
            assert found is not None
            yield view[: found.start()]
            yield f'<dimension ref="{self._dim}"/>'.encode()
            at = found.end()
        new = sorted(n for n in self.rows if n not in self.spans)
        for number in sorted(self.spans):
            start, stop = self.spans[number]
            while new and new[0] < number:
                yield view[at:start]
                yield self.rows[new.pop(0)].to_bytes()
                at = start
            if number in self.rows:
                yield view[at:start]
                yield self.rows[number].to_bytes()
                at = stop
        tail = b"".join(self.rows[n].to_bytes() for n in new) + appended
        if self._empty:
            yield view[at : self._end]
            yield b"<sheetData>" + tail + b"</sheetData>"
            yield view[self._end + 12 :]
        else:
            yield view[at : self._end]
            yield tail
            yield view[self._end :]


_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF)."""


def _text(value: str, address: str) -> str:
    """``<is><t>…</t></is>``: the text (not empty) escaped as lxml escapes it, its spaces kept."""
    plain = value.isprintable()  # no control character, line break or lone surrogate: the common case
    if not plain and _ILLEGAL.search(value):
        raise PatchUnsupported(f"teks sel {address}")
    text = value
    if "&" in text or "<" in text or ">" in text or (not plain and "\r" in text):
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    if value[0].isspace() or value[-1].isspace() or (not plain and "\n" in value):
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def _cell(address: str, s: str, value: object, empty: bool) -> str:
    """``_cell_xml`` with the style attribute ``s`` (`` s="N"`` or "") made already."""
    kind = type(value)
    if kind is str:
        if value:
            return f'<c r="{address}"{s} t="inlineStr">{_text(value, address)}</c>'  # type: ignore[arg-type]
        return f'<c r="{address}"{s}/>' if empty else ""
    if kind is float and math.isfinite(value) or kind is int:  # type: ignore[arg-type]
        return f'<c r="{address}"{s}><v>{value!r}</v></c>'
    if value is None or value == "":
        return f'<c r="{address}"{s}/>' if empty else ""
    if isinstance(value, bool):
        return f'<c r="{address}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise PatchUnsupported(f"nilai {value!r}")
        return f'<c r="{address}"{s}><v>{value!r}</v></c>'
    if isinstance(value, str):
        return f'<c r="{address}"{s} t="inlineStr">{_text(value, address)}</c>'
    raise PatchUnsupported(f"nilai {type(value).__name__}")


def _cell_xml(address: str, style: str, value: object, empty: bool = False) -> str:
    """One ``<c>`` holding only ``value`` as XML text (style ``style`` unless "" or "0"): text as an
    inline string (so it stays text and "=..." never becomes a formula), numbers as numbers, truth
    values as such. No value: the empty, styled cell (``empty``) or nothing."""
    return _cell(address, f' s="{style}"' if style and style != "0" else "", value, empty)


def _rows_xml(first: int, rows: Sequence[Sequence[object]], styles: dict[int, str]) -> tuple[str, int]:
    """``rows`` as ``<row>`` elements from row ``first`` on, and their last column."""
    out: list[str] = []
    width = max((len(r) for r in rows), default=0)
    letters = [column_letter(n) for n in range(1, width + 1)]
    attrs = [f' s="{s}"' if (s := styles.get(n, "0")) and s != "0" else "" for n in range(1, width + 1)]
    for number, values in enumerate(rows, start=first):
        cells = [_cell(f"{letters[i]}{number}", attrs[i], v, False) for i, v in enumerate(values)]
        out.append(f'<row r="{number}">{"".join(cells)}</row>')
    return "".join(out), width


def _row_styles(sheet: _Sheet, last: int) -> dict[int, str]:
    """Each column's style in the last row below the header (none: openpyxl appends unstyled)."""
    if last <= HEADER_ROW or last not in sheet.spans:
        return {}
    return sheet.styles(last)


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
            sheet = _Sheet(sheet_part[name], read_member(z, sheet_part[name]))
            for number, column, value in changes:
                sheet.put(number, column, value)
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
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=DEFLATE_LEVEL) as out:
            for name in z.namelist():
                if name in calc:
                    continue
                if name in sheets:  # deflated as it is spliced (deflate.raw_compressor: ISA-L where installed)
                    sheet, appended = sheets[name]
                    write_streamed(out, name, sheet.pieces(appended))
                elif name in new_parts:
                    out.writestr(name, new_parts[name])
                else:
                    copy_member(z, out, name)
