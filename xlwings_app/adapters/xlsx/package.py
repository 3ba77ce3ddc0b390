"""An .xlsx package opened once, changed in memory, written once: the one writer of a master's zip.

The lesson of XlsxWriter's packager: one object knows every part, and its save writes each part
once. ``Package.open(path)`` opens the zip; its parts are read when asked (``read``), their
relationships (``rels``), content types (``content_type``) and the workbook's sheets (``sheets``)
parsed when first needed. Changes stay in memory:
- ``put`` (a part's new bytes), ``stream`` (a part written from pieces at save: a sheet of
  millions of rows is never held whole), ``drop``;
- ``add_part`` (a new part under a free name, pointed at from its source by a free ``rId``, with
  the parts it points at itself), ``replace_sheet`` (a sheet's part, its tables, drawings and
  charts replaced; sheet id, ``rId`` and position kept);
- ``merge_styles`` (another ``styles.xml``'s cell formats appended, identical ones reused: the map
  of its format numbers to the package's), ``number_format_style`` (a cell format with another
  number format), ``set_local_names`` (a sheet's print titles), ``recalculate_on_load``
  (``calcChain.xml`` dropped, ``fullCalcOnLoad`` set: Excel recomputes the formulas on open);
- free names: ``free_name`` (a part), ``free_rid`` (a relationship), ``free_table_id`` (given to
  every table ``add_part`` adds).
``save(dst)`` writes each part once, in the package's order: an unchanged part copied as stored
(``zip_copy.copy_member``: never inflated), a changed one written, a streamed one deflated as it
is made; the file master saves it into the temporary file of ``safe_write.save_atomically`` (backup,
atomic rename), so a failure leaves the master as it was.

What the package cannot take (a sheet missing, a styles part without its sections) raises
``PatchUnsupported`` before anything is written: the caller writes the change another way.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from lxml import etree

from xlwings_app.adapters.xlsx import deflate, styles_xml
from xlwings_app.adapters.xlsx.zip_copy import copy_member, read_member, write_streamed

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CALC_CHAIN = REL + "/calcChain"
TABLE, DRAWING, CHART = REL + "/table", REL + "/drawing", REL + "/chart"
_OFFICE = "application/vnd.openxmlformats-officedocument"
TABLE_TYPE = f"{_OFFICE}.spreadsheetml.table+xml"
DRAWING_TYPE = f"{_OFFICE}.drawing+xml"
CHART_TYPE = f"{_OFFICE}.drawingml.chart+xml"
WORKBOOK = "xl/workbook.xml"
STYLES = "xl/styles.xml"
CONTENT_TYPES = "[Content_Types].xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False, huge_tree=False)
_TABLE_ID = re.compile(rb'<(?:\w+:)?table\b[^>]*?\sid="([0-9]+)"')


class PatchUnsupported(Exception):
    """The package cannot take this change (a sheet missing, a part it does not know): write it another way."""


def parse(data: bytes | str) -> etree._Element:
    """A part's XML (no entities resolved, nothing fetched: the guard refused DTDs already)."""
    return etree.fromstring(data.encode("utf-8") if isinstance(data, str) else data, _PARSER)


def serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def canonical(root: etree._Element) -> bytes:
    """``root`` as canonical XML: two trees that say the same compare equal."""
    return bytes(etree.tostring(root, method="c14n", exclusive=True))


def rels_name(part: str) -> str:
    """The relationships part of ``part`` ("" is the package: ``_rels/.rels``)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _rels_source(name: str) -> str:
    """The part whose relationships part is ``name`` (``rels_name`` undone)."""
    folder, file = posixpath.split(name)
    return posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels"))


@dataclass(frozen=True)
class Rel:
    """One relationship: its id, type and the part it points at (None: an external target)."""

    id: str
    type: str
    target: str | None


@dataclass(frozen=True)
class NewPart:
    """A part to add (``add_part``, ``replace_sheet``): its name is ``prefix`` + a free number + ".xml";
    the part that lists it points at it with ``rel_type``; ``related`` are the parts it points at,
    as ``rId1``, ``rId2``, … in their order (its XML may name them so)."""

    prefix: str
    content_type: str
    rel_type: str
    data: bytes | str
    related: Sequence[NewPart] = ()


@dataclass(frozen=True)
class Sheet:
    """A sheet of the workbook: its name, its part and its position (0-based)."""

    name: str
    part: str
    index: int


Pieces = Callable[[], Iterable[bytes | memoryview]]


class _Rels:
    """A part's relationships: the parsed rels XML (kept, so other attributes stay) and their list."""

    def __init__(self, part: str, root: etree._Element) -> None:
        self.root = root
        self.items: list[Rel] = []
        for el in root:
            target = el.get("Target", "")
            if el.get("TargetMode") == "External":
                resolved: str | None = None
            elif target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
            self.items.append(Rel(el.get("Id", ""), el.get("Type", ""), resolved))
        self.changed = False


class Package:
    """One .xlsx, open for patching (see the module docstring)."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self._zip = zf
        self._original = zf.namelist()
        self._present = set(self._original)
        self._dropped: set[str] = set()
        self._added: list[str] = []
        self._data: dict[str, bytes] = {}
        self._streams: dict[str, tuple[Pieces, bool]] = {}
        self._rels: dict[str, _Rels] = {}
        self._types: etree._Element | None = None
        self._types_changed = False
        self._workbook: etree._Element | None = None
        self._workbook_before: bytes = b""
        self._styles: etree._Element | None = None
        self._styles_changed = False
        self._reserved: set[str] = set()
        self._table_ids: set[int] | None = None
        self._sheets: list[Sheet] | None = None

    @classmethod
    def open(cls, source: Path | IO[bytes]) -> Package:
        """Open the .xlsx at ``source`` (a path or a binary file); ``PatchUnsupported`` when it is not one."""
        try:
            zf = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError) as exc:
            raise PatchUnsupported(f"bukan zip: {exc}") from exc
        if WORKBOOK not in zf.namelist():
            zf.close()
            raise PatchUnsupported("tanpa xl/workbook.xml")
        return cls(zf)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # reading ---------------------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        """Every part, in the order ``save`` writes them."""
        return [n for n in self._original if n not in self._dropped] + [n for n in self._added if n not in self._dropped]

    def has(self, name: str) -> bool:
        return name in self._present and name not in self._dropped

    def read(self, name: str) -> bytes:
        """Part ``name`` as it stands (changed or as stored, inflated); a streamed part cannot be read."""
        if name in self._streams:
            raise PatchUnsupported(f"{name} ditulis bertahap")
        self._flush(name)
        if name in self._data:
            return self._data[name]
        if not self.has(name):
            raise PatchUnsupported(f"bagian {name} tidak ada")
        return read_member(self._zip, name)

    def rels(self, part: str) -> list[Rel]:
        """The relationships of ``part`` ("" for the package's own)."""
        return list(self._rels_of(part).items)

    def _rels_of(self, part: str) -> _Rels:
        found = self._rels.get(part)
        if found is None:
            name = rels_name(part)
            root = parse(self.read(name)) if self.has(name) else etree.Element(f"{{{PKG}}}Relationships", nsmap={None: PKG})
            found = self._rels[part] = _Rels(part, root)
        return found

    def target(self, part: str, rel_type: str) -> list[str]:
        """The parts ``part`` points at with ``rel_type``."""
        return [r.target for r in self.rels(part) if r.type == rel_type and r.target]

    def _content_types(self) -> etree._Element:
        if self._types is None:
            self._types = parse(self.read(CONTENT_TYPES))
        return self._types

    def content_type(self, part: str) -> str | None:
        """``part``'s content type: its Override, else its extension's Default."""
        root = self._content_types()
        for el in root:
            if el.tag == f"{{{CT}}}Override" and el.get("PartName", "").lstrip("/") == part:
                return str(el.get("ContentType", ""))
        ext = part.rsplit(".", 1)[-1].lower()
        for el in root:
            if el.tag == f"{{{CT}}}Default" and el.get("Extension", "").lower() == ext:
                return str(el.get("ContentType", ""))
        return None

    def _workbook_root(self) -> etree._Element:
        if self._workbook is None:
            self._workbook = parse(self.read(WORKBOOK))
            self._workbook_before = canonical(self._workbook)
        return self._workbook

    def sheets(self) -> list[Sheet]:
        """The workbook's sheets in their order, each with its part ("" when it has none)."""
        if self._sheets is None:
            by_id = {r.id: r.target for r in self.rels(WORKBOOK) if r.target}
            elements = self._workbook_root().iter(f"{{{MAIN}}}sheet")
            self._sheets = [
                Sheet(el.get("name", ""), by_id.get(el.get(f"{{{REL}}}id", ""), "") or "", i)
                for i, el in enumerate(elements)
            ]
        return list(self._sheets)

    def sheet_part(self, sheet: str) -> str:
        """The part of sheet ``sheet``; ``PatchUnsupported`` when the workbook has no such sheet."""
        for found in self.sheets():
            if found.name == sheet and found.part and self.has(found.part):
                return found.part
        raise PatchUnsupported(f"sheet {sheet} tidak ada")

    # free names ------------------------------------------------------------------------------
    def free_name(self, prefix: str, ext: str = ".xml") -> str:
        """``prefix`` + the lowest number no part (nor an earlier reservation) takes + ``ext``; reserved."""
        n = 1
        while (name := f"{prefix}{n}{ext}") in self._reserved or self.has(name):
            n += 1
        self._reserved.add(name)
        return name

    def free_rid(self, part: str) -> str:
        """An ``rId`` no relationship of ``part`` uses."""
        taken = {r.id for r in self._rels_of(part).items}
        n = 1
        while f"rId{n}" in taken:
            n += 1
        return f"rId{n}"

    def free_table_id(self) -> int:
        """A table id (unique in the workbook) no table part uses; reserved."""
        if self._table_ids is None:
            self._table_ids = set()
            for name in self.names:
                if name.startswith("xl/tables/") and name.endswith(".xml") and name not in self._streams:
                    found = _TABLE_ID.search(self.read(name))
                    if found:
                        self._table_ids.add(int(found.group(1)))
        table_id = max(self._table_ids, default=0) + 1
        self._table_ids.add(table_id)
        return table_id

    # changing --------------------------------------------------------------------------------
    def _mark(self, name: str) -> None:
        self._dropped.discard(name)
        if name not in self._present:
            self._present.add(name)
            self._added.append(name)

    def put(self, name: str, data: bytes | str, content_type: str | None = None) -> None:
        """Part ``name`` holds ``data`` (added when new, with its ``content_type`` declared)."""
        self._streams.pop(name, None)
        self._data[name] = data.encode("utf-8") if isinstance(data, str) else data
        self._mark(name)
        if content_type is not None:
            self._declare(name, content_type)
        if name == STYLES:
            self._styles, self._styles_changed = None, False
        elif name == WORKBOOK:
            self._workbook, self._sheets = None, None

    def stream(self, name: str, pieces: Pieces, zip64: bool = False) -> None:
        """Part ``name`` written at save from ``pieces()`` (deflated as they come; ``zip64``: a part
        that may pass 4 GB, written with its zip64 sizes)."""
        self._data.pop(name, None)
        self._streams[name] = (pieces, zip64)
        self._mark(name)

    def drop(self, name: str) -> None:
        """Part ``name`` (and its relationships part) left out; its content type undeclared."""
        for gone in (name, rels_name(name)):
            if gone in self._present:
                self._dropped.add(gone)
            self._data.pop(gone, None)
            self._streams.pop(gone, None)
        self._rels.pop(name, None)
        root = self._content_types()
        for el in list(root):
            if el.tag == f"{{{CT}}}Override" and el.get("PartName", "").lstrip("/") == name:
                root.remove(el)
                self._types_changed = True

    def _declare(self, name: str, content_type: str) -> None:
        if self.content_type(name) == content_type:
            return
        root = self._content_types()
        for el in list(root):
            if el.tag == f"{{{CT}}}Override" and el.get("PartName", "").lstrip("/") == name:
                root.remove(el)
        etree.SubElement(root, f"{{{CT}}}Override", PartName="/" + name, ContentType=content_type)
        self._types_changed = True

    def add_rel(self, part: str, rel_type: str, target: str) -> str:
        """A relationship of ``part`` to the part ``target``, under a free ``rId`` (returned)."""
        rels = self._rels_of(part)
        rid = self.free_rid(part)
        etree.SubElement(rels.root, f"{{{PKG}}}Relationship", Id=rid, Type=rel_type, Target="/" + target)
        rels.items.append(Rel(rid, rel_type, target))
        rels.changed = True
        return rid

    def remove_rels(self, part: str, rel_type: str) -> list[str]:
        """``part``'s relationships of ``rel_type`` removed; the parts they pointed at."""
        rels = self._rels_of(part)
        gone = [r for r in rels.items if r.type == rel_type]
        if gone:
            for el in [el for el in rels.root if el.get("Type") == rel_type]:
                rels.root.remove(el)
            rels.items = [r for r in rels.items if r.type != rel_type]
            rels.changed = True
        return [r.target for r in gone if r.target]

    def add_part(self, new: NewPart, source: str) -> tuple[str, str]:
        """Add ``new`` (and the parts it points at) under free names, pointed at from ``source``;
        its name and the ``rId`` that points at it."""
        name = self.free_name(new.prefix)
        self._rels[name] = _Rels(name, etree.Element(f"{{{PKG}}}Relationships", nsmap={None: PKG}))
        for related in new.related:  # rId1, rId2, … in order: the part's XML may name them
            self.add_part(related, name)
        data = new.data
        if new.content_type == TABLE_TYPE:  # a table's id is unique in the workbook
            root = parse(data)
            root.set("id", str(self.free_table_id()))
            data = serialise(root)
        self.put(name, data, new.content_type)
        return name, self.add_rel(source, new.rel_type, name)

    def _closure(self, roots: Iterable[str], skip: set[str]) -> set[str]:
        """Every part reachable from ``roots`` through relationships (not through ``skip``)."""
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            part = todo.pop()
            if part in seen or part in skip or (part and not self.has(part)):
                continue
            seen.add(part)
            todo.extend(r.target for r in self._rels_of(part).items if r.target)
        return seen

    def replace_sheet(self, sheet: str, body: bytes | str | Pieces, related: Sequence[NewPart] = (),
                      zip64: bool = False) -> str:  # fmt: skip
        """Sheet ``sheet``'s part replaced by ``body`` (bytes, or pieces streamed at save) pointing
        at ``related`` as ``rId1``, ``rId2``, …; the parts only the old sheet pointed at (its tables,
        drawing, charts) dropped. The sheet keeps its id, ``rId`` and position; the part's name."""
        part = self.sheet_part(sheet)
        old = self._closure([part], set()) - {part}
        keep = self._closure([""], {part})
        for gone in sorted(old - keep):
            self.drop(gone)
        if self.has(rels_name(part)):
            self._dropped.add(rels_name(part))
        self._rels[part] = _Rels(part, etree.Element(f"{{{PKG}}}Relationships", nsmap={None: PKG}))
        self._table_ids = None
        for new in related:
            self.add_part(new, part)
        if callable(body):
            self.stream(part, body, zip64)
        else:
            self.put(part, body)
        return part

    def _styles_root(self) -> etree._Element:
        if self._styles is None:
            self._styles = parse(self.read(STYLES))
        return self._styles

    def merge_styles(self, other: bytes | str) -> dict[int, int]:
        """The cell formats of the ``styles.xml`` ``other`` added to the package's (identical ones
        reused, so repeated runs do not grow it): each of ``other``'s format numbers -> the package's."""
        try:
            changed, xf_map = styles_xml.merge(self._styles_root(), parse(other))
        except ValueError as exc:
            raise PatchUnsupported(str(exc)) from exc
        self._styles_changed |= changed
        return xf_map

    def number_format_style(self, xf: int, code: str) -> int:
        """The cell format that is format ``xf`` with number format ``code`` (added when new)."""
        try:
            changed, found = styles_xml.with_number_format(self._styles_root(), xf, code)
        except ValueError as exc:
            raise PatchUnsupported(str(exc)) from exc
        self._styles_changed |= changed
        return found

    def set_local_names(self, sheet: str, names: Mapping[str, str]) -> None:
        """Sheet ``sheet``'s own defined names (print titles, print area …) become ``names``: each
        kept in place with its new text, the others removed, new ones added."""
        root = self._workbook_root()
        index = str(next(s.index for s in self.sheets() if s.name == sheet))
        wanted = dict(names)
        defined = root.find(f"{{{MAIN}}}definedNames")
        for dn in [] if defined is None else list(defined):
            if dn.get("localSheetId") != index:
                continue
            text = wanted.pop(dn.get("name", ""), None)
            if text is None:
                defined.remove(dn)
            elif dn.text != text:
                dn.text = text
        if wanted and defined is None:
            defined = etree.Element(f"{{{MAIN}}}definedNames")
            anchor = root.find(f"{{{MAIN}}}sheets")
            if anchor is None:
                raise PatchUnsupported("workbook.xml tanpa sheets")
            anchor.addnext(defined)
        for name, text in wanted.items():
            etree.SubElement(defined, f"{{{MAIN}}}definedName", name=name, localSheetId=index).text = text
        if defined is not None and not len(defined):
            root.remove(defined)

    def recalculate_on_load(self) -> None:
        """``calcChain.xml`` dropped and ``fullCalcOnLoad`` set: Excel recomputes every formula on open."""
        for chain in self.remove_rels(WORKBOOK, CALC_CHAIN):
            self.drop(chain)
        root = self._workbook_root()
        calc = root.find(f"{{{MAIN}}}calcPr")
        if calc is None:
            calc = etree.SubElement(root, f"{{{MAIN}}}calcPr", calcId="124519")
            for tag in ("oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
                        "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"):  # fmt: skip
                later = root.find(f"{{{MAIN}}}{tag}")
                if later is not None:
                    later.addprevious(calc)
                    break
        calc.set("fullCalcOnLoad", "1")

    # writing ---------------------------------------------------------------------------------
    def _flush(self, only: str | None = None) -> None:
        """The changed models (relationships, content types, workbook, styles) as part bytes: all of
        them, or the one that is part ``only``."""
        if only is None or only.endswith(".rels"):
            parts = list(self._rels) if only is None else [p for p in (_rels_source(only),) if p in self._rels]
            for part in parts:
                rels = self._rels[part]
                if rels.changed:
                    rels.changed = False
                    name = rels_name(part)
                    if len(rels.root):
                        self._data[name] = serialise(rels.root)
                        self._mark(name)
                    else:
                        self._drop_quietly(name)
        if self._types is not None and self._types_changed and only in (None, CONTENT_TYPES):
            self._data[CONTENT_TYPES], self._types_changed = serialise(self._types), False
        if self._workbook is not None and only in (None, WORKBOOK) and canonical(self._workbook) != self._workbook_before:
            self._data[WORKBOOK] = serialise(self._workbook)
            self._workbook_before = canonical(self._workbook)
        if self._styles is not None and self._styles_changed and only in (None, STYLES):
            self._data[STYLES], self._styles_changed = serialise(self._styles), False

    def _drop_quietly(self, name: str) -> None:
        if name in self._present:
            self._dropped.add(name)
        self._data.pop(name, None)

    def save(self, dst: Path | IO[bytes]) -> None:
        """Write the package to ``dst``: every part once (see the module docstring)."""
        self._flush()
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=deflate.ZLIB_LEVEL) as out:
            for name in self.names:
                if name in self._streams:
                    pieces, zip64 = self._streams[name]
                    if zip64:
                        with out.open(name, "w", force_zip64=True) as handle:
                            for piece in pieces():
                                handle.write(piece)
                    else:
                        write_streamed(out, name, pieces())
                elif name in self._data:
                    out.writestr(name, self._data[name])
                else:
                    copy_member(self._zip, out, name)
