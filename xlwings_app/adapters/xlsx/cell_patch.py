"""Cells written straight into a worksheet's XML in the master's package: only the touched rows change.

``set_cells(edits, cells, riwayat)`` (``kinerja rekap``) replaces the given input cells (each
keeps its style ``s``; the value written by ``cell_xml``: text as an inline string, so it stays text
and "=..." never becomes a formula, numbers as numbers, ``None`` empties the cell) and appends the
Riwayat rows below the sheet's last row (each column with the style of the sheet's last row below
the header, as openpyxl appends them when there is none). ``SheetCells`` is the splicing itself, for
any writer of cells into an existing sheet (``values_patch``, ``log_patch``); ``SheetEdits`` holds
the sheets of one commit, each opened once, and stores them in the package together, which then
drops ``calcChain.xml`` and sets ``fullCalcOnLoad``, so the live formulas recompute on load;
every other part is copied byte for byte. Anything unexpected (no Riwayat sheet, a shared or array
formula in a replaced cell, rows or cells without their address, a value no cell can hold) raises
``PatchUnsupported`` before anything is written: the caller applies the change with openpyxl instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from xlwings_app.adapters.xlsx.cell_xml import style_attribute, styled_cell
from xlwings_app.adapters.xlsx.package import MAIN, Package, PatchUnsupported, parse
from xlwings_app.domain.cell_addresses import column_letter, column_number
from xlwings_app.sheets.riwayat import HEADER_ROW, SHEET_RIWAYAT

_ADDRESS = re.compile(r"^([A-Z]{1,3})([1-9][0-9]{0,6})$")
_RANGE = re.compile(r"^([A-Z]{1,3}[1-9][0-9]*)(?::([A-Z]{1,3}[1-9][0-9]*))?$")


def _split(address: str) -> tuple[int, int]:
    """``"K12"`` -> ``(12, 11)``."""
    match = _ADDRESS.match(address.replace("$", "").upper())
    if match is None:
        raise PatchUnsupported(f"alamat sel {address!r}")
    return int(match.group(2)), column_number(match.group(1))


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
_COL = re.compile(rb"<col\b[^>]*>")
_HEIGHT = re.compile(rb"""\s(?:ht|customHeight)\s*=\s*(?:"[^"]*"|'[^']*')""")
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
                self._order.append((column_number(address.rstrip("0123456789")), tag.start(), at, attrs))
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

    def style(self, column: int) -> int:
        """The cell format of the cell at ``column`` (0, the default, when it has none)."""
        found = self._find(f"{column_letter(column)}{self.number}")
        raw = found[2].get(b"s", b"0") if found is not None else b"0"
        if not raw.isdigit():
            raise PatchUnsupported(f"{self.part}: gaya sel {column_letter(column)}{self.number}")
        return int(raw)

    def put(self, column: int, value: object, style: int | None = None) -> None:
        """The cell at ``column`` holding only ``value`` (created in column order), in cell format
        ``style`` (None: the cell's own is kept)."""
        address = f"{column_letter(column)}{self.number}"
        found = self._find(address)
        kept = None
        if found is not None:
            start, end, attrs = found
            formula = _FORMULA_TAG.search(self.xml, start, end)
            if formula is not None:
                f = _attrs(formula.group(1))
                if f.get(b"t") in (b"shared", b"array", b"dataTable") or f.get(b"ref"):
                    raise PatchUnsupported(f"sel {address} memakai rumus bersama")
            raw = attrs.get(b"s")
            kept = None if raw is None else raw.decode("ascii", errors="replace")
            if kept is not None and not _STYLE.fullmatch(kept):
                raise PatchUnsupported(f"gaya sel {address}")
        try:
            xml = styled_cell(address, style_attribute((kept or "") if style is None else style), value)
        except TypeError as exc:
            raise PatchUnsupported(f"nilai sel {address}: {exc}") from exc
        self.edits[address] = (column, None if found is None else found[:2], xml.encode("utf-8"))

    def set_height(self, height: float) -> None:
        """The row ``height`` points high (as set by hand: ``customHeight``)."""
        head = _HEIGHT.sub(b"", self.head)
        self.head = head[:-1].rstrip() + f' ht="{height:g}" customHeight="1">'.encode()

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


class SheetCells:
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
        if parse(root.group(0) + b"</worksheet>").nsmap.get(None) != MAIN:
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
        self._appended: list[bytes] = []
        self._appended_last = 0

    def last_row_with_cells(self) -> int:
        """The last row holding a ``<c>`` (openpyxl's ``max_row`` of the loaded sheet), the rows
        put and appended here counted."""
        last = max([self._appended_last, *(n for n, row in self.rows.items() if row.edits)])
        for number in sorted(self.spans, reverse=True):
            if number <= last:
                break
            start, stop = self.spans[number]
            if _HAS_CELL.search(self.xml, start + 4, stop):
                return number
        return last

    def widths(self) -> dict[int, float]:
        """Each column's width as ``<cols>`` sets it (a column it leaves out is not here)."""
        found: dict[int, float] = {}
        for match in _COL.finditer(self.xml, 0, self._end):
            attrs = _attrs(match.group(0))
            try:
                low, high = int(attrs[b"min"]), int(attrs[b"max"])
                width = float(attrs.get(b"width", b"0"))
            except (KeyError, ValueError):
                continue
            for column in range(low, min(high, 16384) + 1):
                found[column] = width
        return found

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

    def put(self, number: int, column: int, value: object, style: int | None = None) -> None:
        """Cell (``number``, ``column``) holding ``value`` in cell format ``style`` (None: its own kept)."""
        self.row(number).put(column, value, style)

    def append(self, rows: str, first: int, last: int) -> None:
        """``rows`` (``<row>`` elements numbered ``first`` to ``last``) added at the end of the sheet."""
        if first <= self._appended_last or any(n >= first for n in [*self.spans, *self.rows]):
            raise PatchUnsupported(f"{self.part}: baris {first} sudah ada")
        self._appended.append(rows.encode("utf-8"))
        self._appended_last = last

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

    def store(self, package: Package) -> None:
        """The spliced sheet (``pieces``) becomes its part in ``package``, streamed at save."""
        appended = b"".join(self._appended)
        package.stream(self.part, lambda: self.pieces(appended))

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


def _rows_xml(first: int, rows: Sequence[Sequence[object]], styles: dict[int, str]) -> tuple[str, int]:
    """``rows`` as ``<row>`` elements from row ``first`` on (an empty value: no cell), and their last column."""
    out: list[str] = []
    width = max((len(r) for r in rows), default=0)
    letters = [column_letter(n) for n in range(1, width + 1)]
    attrs = [style_attribute(styles.get(n, "0")) for n in range(1, width + 1)]
    for number, values in enumerate(rows, start=first):
        try:
            cells = [
                styled_cell(f"{letters[i]}{number}", attrs[i], v) for i, v in enumerate(values) if v is not None and v != ""
            ]
        except TypeError as exc:
            raise PatchUnsupported(f"nilai baris {number}: {exc}") from exc
        out.append(f'<row r="{number}">{"".join(cells)}</row>')
    return "".join(out), width


def _row_styles(sheet: SheetCells, last: int) -> dict[int, str]:
    """Each column's style in the last row below the header (none: openpyxl appends unstyled)."""
    if last <= HEADER_ROW or last not in sheet.spans:
        return {}
    return sheet.styles(last)


class SheetEdits:
    """The sheets of one package being spliced, for every change of one commit: each sheet opened
    once (``edits[name]``), all stored together (``store``)."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self._open: dict[str, SheetCells] = {}

    def __getitem__(self, sheet: str) -> SheetCells:
        """Sheet ``sheet`` (``PatchUnsupported`` when the workbook has none)."""
        found = self._open.get(sheet)
        if found is None:
            part = self.package.sheet_part(sheet)
            found = self._open[sheet] = SheetCells(part, self.package.read(part))
        return found

    def store(self) -> None:
        """Every sheet opened becomes its part again (streamed at save); formulas recompute on load."""
        for sheet in self._open.values():
            sheet.store(self.package)
        if self._open:
            self.package.recalculate_on_load()


def set_cells(edits: SheetEdits, cells: Iterable[tuple[str, str, object]], riwayat: Sequence[Sequence[object]]) -> None:
    """``cells`` (``(sheet, address, value)``) replaced and ``riwayat`` (each a row of cell values)
    appended to sheet Riwayat; see the module docstring."""
    by_sheet: dict[str, list[tuple[int, int, object]]] = {}
    for sheet_name, address, value in cells:
        by_sheet.setdefault(sheet_name, []).append((*_split(address), value))
    if riwayat:
        by_sheet.setdefault(SHEET_RIWAYAT, [])
    for name, changes in by_sheet.items():
        sheet = edits[name]
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
            sheet.append(text, first, first + len(riwayat) - 1)
