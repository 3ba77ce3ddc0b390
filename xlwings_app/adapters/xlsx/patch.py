"""Replace some worksheets of an .xlsx by copying every other zip part byte for byte.

``patch(src, dst, parts)`` writes ``dst``: the parts of ``src`` in their order, except the
worksheets named in ``rows`` (their XML is the scratch workbook's sheet around freshly
streamed ``<sheetData>`` rows), their tables, drawings and charts (the old ones dropped, the
scratch's added under free names), ``styles.xml`` (the scratch's cell formats appended, identical
ones reused, so repeated runs do not grow it), ``[Content_Types].xml``, the workbook's rels (only
when ``calcChain.xml`` is dropped) and ``workbook.xml`` (only when its print titles or
``fullCalcOnLoad`` must change). Sheet ids, rIds and positions stay. A workbook lacking one of the
sheets raises ``PatchUnsupported`` before anything is written: the caller rewrites it with openpyxl.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

from lxml import etree

from xlwings_app.adapters.xlsx import deflate
from xlwings_app.adapters.xlsx.zip_copy import copy_member, write_streamed

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CALC_CHAIN = REL + "/calcChain"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


class PatchUnsupported(Exception):
    """The workbook cannot be patched (a sheet to replace is missing): rewrite it whole."""


class SheetXml(Protocol):
    """A new sheet's cells: its last row and column, and its ``<row>`` elements as XML text."""

    @property
    def bounds(self) -> tuple[int, int]: ...

    @property
    def dimension(self) -> str: ...

    def chunks(self, xf_map: dict[int, int]) -> Iterator[str]: ...


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def _bytes(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _rels(z: zipfile.ZipFile, part: str, names: set[str]) -> list[tuple[etree._Element, str | None]]:
    """Each relationship of ``part`` with the part it points at (``None``: external)."""
    name = rels_name(part)
    if name not in names:
        return []
    out: list[tuple[etree._Element, str | None]] = []
    for rel in _xml(z.read(name)):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            out.append((rel, None))
        elif target.startswith("/"):
            out.append((rel, target.lstrip("/")))
        else:
            out.append((rel, posixpath.normpath(posixpath.join(posixpath.dirname(part), target))))
    return out


def _closure(z: zipfile.ZipFile, roots: Iterable[str], names: set[str], skip: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        part = todo.pop()
        if part in seen or part in skip:
            continue
        seen.add(part)
        if rels_name(part) in names:
            seen.add(rels_name(part))
        todo.extend(t for _, t in _rels(z, part, names) if t)
    return seen


def _free(prefix: str, taken: set[str]) -> str:
    n = 1
    while f"{prefix}{n}.xml" in taken:
        n += 1
    taken.add(f"{prefix}{n}.xml")
    return f"{prefix}{n}.xml"


def _key(el: etree._Element) -> bytes:
    return bytes(etree.tostring(el, method="c14n", exclusive=True))


def _merge_styles(master: bytes, scratch: bytes) -> tuple[bytes, dict[int, int]]:
    """Append the scratch's formats to ``master`` (reusing identical ones); scratch xf -> master xf."""
    root, new = _xml(master), _xml(scratch)

    def section(tree: etree._Element, tag: str, create_at: int | None = None) -> etree._Element | None:
        found = tree.find(f"{{{MAIN}}}{tag}")
        if found is None and create_at is not None:
            found = etree.Element(f"{{{MAIN}}}{tag}")
            tree.insert(create_at, found)
        return found

    changed = False
    fmt_map: dict[str, str] = {}
    src_fmts = section(new, "numFmts")
    if src_fmts is not None and len(src_fmts):
        dst = section(root, "numFmts", create_at=0)
        assert dst is not None
        by_code = {f.get("formatCode"): f.get("numFmtId") for f in dst}
        top = max([163, *(int(f.get("numFmtId", "0")) for f in dst)])
        for f in src_fmts:
            code = f.get("formatCode")
            if code not in by_code:
                top += 1
                etree.SubElement(dst, f"{{{MAIN}}}numFmt", numFmtId=str(top), formatCode=code or "")
                by_code[code] = str(top)
                changed = True
            fmt_map[f.get("numFmtId", "")] = by_code[code] or "0"
        dst.set("count", str(len(dst)))
    maps: dict[str, dict[str, str]] = {}
    for tag, child in (("fonts", "fontId"), ("fills", "fillId"), ("borders", "borderId")):
        dst, src = section(root, tag), section(new, tag)
        if dst is None or src is None:
            raise PatchUnsupported(f"styles.xml tanpa {tag}")
        index = {_key(el): i for i, el in reversed(list(enumerate(dst)))}
        mapping: dict[str, str] = {}
        for i, el in enumerate(list(src)):
            k = _key(el)
            if k not in index:
                dst.append(el)
                index[k] = len(dst) - 1
                changed = True
            mapping[str(i)] = str(index[k])
        dst.set("count", str(len(dst)))
        maps[child] = mapping
    dst_xfs, src_xfs = section(root, "cellXfs"), section(new, "cellXfs")
    if dst_xfs is None or src_xfs is None:
        raise PatchUnsupported("styles.xml tanpa cellXfs")
    index = {_key(el): i for i, el in reversed(list(enumerate(dst_xfs)))}
    xf_map: dict[int, int] = {}
    for i, xf in enumerate(list(src_xfs)):
        for attr, mapping in maps.items():
            xf.set(attr, mapping[xf.get(attr, "0")])
        fmt = xf.get("numFmtId", "0")
        xf.set("numFmtId", fmt_map.get(fmt, fmt))
        xf.set("xfId", "0")
        k = _key(xf)
        if k not in index:
            dst_xfs.append(xf)
            index[k] = len(dst_xfs) - 1
            changed = True
        xf_map[i] = index[k]
    dst_xfs.set("count", str(len(dst_xfs)))
    return (_bytes(root) if changed else master), xf_map


def _sheet_parts(z: zipfile.ZipFile, names: set[str]) -> tuple[list[etree._Element], dict[str, str]]:
    """The workbook's ``<sheet>`` elements and each sheet name's part."""
    wb = _xml(z.read("xl/workbook.xml"))
    by_id = {rel.get("Id"): t for rel, t in _rels(z, "xl/workbook.xml", names) if t}
    sheets = list(wb.iter(f"{{{MAIN}}}sheet"))
    return sheets, {s.get("name", ""): by_id.get(s.get(f"{{{REL}}}id"), "") for s in sheets}


def _workbook_xml(master: bytes, scratch: bytes, replaced: list[str], master_sheets: list[str], scratch_sheets: list[str]) -> bytes:
    """Print titles of the replaced sheets taken from the scratch; ``fullCalcOnLoad`` set."""
    root, new = _xml(master), _xml(scratch)
    before = _key(root)
    names = root.find(f"{{{MAIN}}}definedNames")
    wanted: dict[tuple[str, str], str] = {}
    src_names = new.find(f"{{{MAIN}}}definedNames")
    for dn in [] if src_names is None else list(src_names):
        local = dn.get("localSheetId")
        if local is not None and scratch_sheets[int(local)] in replaced:
            wanted[(dn.get("name", ""), str(master_sheets.index(scratch_sheets[int(local)])))] = dn.text or ""
    for dn in [] if names is None else list(names):
        local = dn.get("localSheetId")
        if local is None or master_sheets[int(local)] not in replaced:
            continue
        text = wanted.pop((dn.get("name", ""), local), None)
        if text is None:
            names.remove(dn)
        elif dn.text != text:
            dn.text = text
    if wanted and names is None:
        names = etree.Element(f"{{{MAIN}}}definedNames")
        anchor = root.find(f"{{{MAIN}}}sheets")
        if anchor is None:
            raise PatchUnsupported("workbook.xml tanpa sheets")
        anchor.addnext(names)
    for (name, local), text in wanted.items():
        assert names is not None
        etree.SubElement(names, f"{{{MAIN}}}definedName", name=name, localSheetId=local).text = text
    if names is not None and not len(names):
        root.remove(names)
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
    return master if _key(root) == before else _bytes(root)


def patch(src: Path, dst: Path, scratch: bytes, rows: Mapping[str, SheetXml]) -> None:
    """Write ``dst``: ``src`` with the sheets named in ``rows`` replaced by the same sheets of the
    ``scratch`` workbook, their ``<sheetData>`` streamed from ``rows`` (see the module docstring)."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(io.BytesIO(scratch)) as s:
        names = set(z.namelist())
        sheet_els, sheet_part = _sheet_parts(z, names)
        s_els, s_part = _sheet_parts(s, set(s.namelist()))
        replaced = list(rows)
        missing = [n for n in replaced if not sheet_part.get(n) or sheet_part[n] not in names]
        if missing:
            raise PatchUnsupported(f"sheet {', '.join(missing)} tidak ada")
        targets = {sheet_part[n] for n in replaced}
        old = _closure(z, targets, names, set()) - targets
        keep = _closure(z, ["[Content_Types].xml", *_root_parts(z, names)], names, targets)
        calc = {t for rel, t in _rels(z, "xl/workbook.xml", names) if rel.get("Type") == CALC_CHAIN and t}
        dropped = (old - keep) | calc | {rels_name(t) for t in targets}
        taken = names - dropped
        new_parts: dict[str, bytes] = {}
        content: dict[str, str] = {}
        s_types = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in _xml(s.read("[Content_Types].xml"))}
        renamed: dict[str, str] = {}

        def carry(scratch_part: str, master_part: str) -> None:
            """Add ``scratch_part`` (and, through its rels, what it points at) as ``master_part``."""
            rels = _rels(s, scratch_part, set(s.namelist()))
            if rels:
                root = _xml(s.read(rels_name(scratch_part)))
                for rel, (_, target) in zip(root, rels, strict=True):
                    if target is None:
                        continue
                    if target not in renamed:
                        kind = re.sub(r"\d+\.xml$", "", target)
                        renamed[target] = _free(kind, taken)
                        carry(target, renamed[target])
                    rel.set("Target", "/" + renamed[target])
                new_parts[rels_name(master_part)] = _bytes(root)
            if scratch_part not in s_part.values():
                data = s.read(scratch_part)
                if scratch_part.startswith("xl/tables/"):
                    data = _table_id(data, z, names - dropped)
                new_parts[master_part] = data
                content[master_part] = s_types[scratch_part]

        for name in replaced:
            carry(s_part[name], sheet_part[name])
        styles, xf_map = _merge_styles(z.read("xl/styles.xml"), s.read("xl/styles.xml"))
        new_parts["xl/styles.xml"] = styles
        master_names = [e.get("name", "") for e in sheet_els]
        new_parts["xl/workbook.xml"] = _workbook_xml(
            z.read("xl/workbook.xml"), s.read("xl/workbook.xml"), replaced, master_names, [e.get("name", "") for e in s_els]
        )
        if calc:
            root = _xml(z.read("xl/_rels/workbook.xml.rels"))
            for rel in [r for r in root if r.get("Type") == CALC_CHAIN]:
                root.remove(rel)
            new_parts["xl/_rels/workbook.xml.rels"] = _bytes(root)
        new_parts["[Content_Types].xml"] = _content_types(z.read("[Content_Types].xml"), dropped, content)
        templates = {sheet_part[n]: (s.read(s_part[n]).decode("utf-8"), rows[n]) for n in replaced}
        order = [n for n in z.namelist() if n not in dropped or n in new_parts]
        order += [n for n in new_parts if n not in order]
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for name in order:
                if name in templates:
                    _write_sheet(out, name, *templates[name], xf_map)
                elif name in new_parts:
                    out.writestr(name, new_parts[name])
                else:
                    copy_member(z, out, name)


def _root_parts(z: zipfile.ZipFile, names: set[str]) -> list[str]:
    return [t for _, t in _rels(z, "", names) if t]


def _table_id(data: bytes, z: zipfile.ZipFile, kept: set[str]) -> bytes:
    """The scratch's table with an id no kept table of the master uses."""
    ids = [0]
    for name in kept:
        if name.startswith("xl/tables/") and name.endswith(".xml"):
            ids.append(int(_xml(z.read(name)).get("id", "0")))
    root = _xml(data)
    root.set("id", str(max(ids) + 1))
    return _bytes(root)


def _content_types(data: bytes, dropped: set[str], added: dict[str, str]) -> bytes:
    root = _xml(data)
    for el in list(root):
        if el.tag == f"{{{CT}}}Override" and el.get("PartName", "").lstrip("/") in dropped:
            root.remove(el)
    for part, kind in added.items():
        etree.SubElement(root, f"{{{CT}}}Override", PartName="/" + part, ContentType=kind)
    return _bytes(root)


_DIMENSION = re.compile(r"<dimension ref=\"[^\"]*\"\s*/>")
_SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>.*</sheetData>", re.S)


STREAMED_ROWS = 4_000_000
"""The most rows of a sheet part written by ``zip_copy.write_streamed``, whose sizes must stay under
4 GB: a row of sheet Hasil is about 700 bytes of XML, so 4 million rows are 2,8 GB (Excel's sheets
hold 1.048.576). A larger part is written by ``zipfile`` with zip64 sizes."""


def _write_sheet(out: zipfile.ZipFile, name: str, template: str, rows: SheetXml, xf_map: dict[int, int]) -> None:
    """The sheet part ``name``: ``template`` with ``rows``' XML as its sheetData, deflated as it is
    made (``zip_copy.write_streamed``: ``deflate.raw_compressor``, python-isal where installed)."""
    template = _DIMENSION.sub(f'<dimension ref="{rows.dimension}"/>', template, count=1)
    match = _SHEET_DATA.search(template)
    if match is None:
        raise PatchUnsupported(f"{name} tanpa sheetData")

    def pieces() -> Iterator[bytes]:
        yield template[: match.start()].encode("utf-8") + b"<sheetData>"
        batch: list[str] = []
        for chunk in rows.chunks(xf_map):
            batch.append(chunk)
            if len(batch) >= 2000:
                yield "".join(batch).encode("utf-8")
                batch.clear()
        yield "".join(batch).encode("utf-8") + b"</sheetData>" + template[match.end() :].encode("utf-8")

    if rows.bounds[0] <= STREAMED_ROWS:
        write_streamed(out, name, pieces())
        return
    level, out.compresslevel = out.compresslevel, deflate.ZLIB_LEVEL
    try:  # a part that may pass 4 GB: zipfile writes the member with its zip64 sizes
        handle = out.open(name, "w", force_zip64=True)
    finally:
        out.compresslevel = level
    with handle:
        for piece in pieces():
            handle.write(piece)
