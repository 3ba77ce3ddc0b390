"""Span styles (``sheets.grid``) as SpreadsheetML: a ``styles.xml`` of the cell formats a writer uses.

Each combination of span style names becomes one cell format (``<xf>``), its font, fill, border,
alignment, protection and number format folded from the names in order (a later name overrides an
earlier one, as ``adapters.openpyxl.grid.style_cell`` applied one after the other). The XML is what
openpyxl writes for the same styles, so a master written by either writer reuses the same formats
(``merge`` compares them canonically). ``width:`` and ``height:`` are no cell format: the caller
turns them into column widths and row heights.

``merge`` adds one styles part's cell formats to another's (``package.Package.merge_styles``),
``with_number_format`` gives a cell format shown with another number format (a stamped time).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, replace

from lxml import etree

from xlwings_app.adapters.xlsx.xml_text import xml_attribute
from xlwings_app.sheets import palette as P

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49}
"""Number formats Excel knows by id (ECMA-376 §18.8.30); any other code is declared in ``numFmts``."""

_BOX_SIDE = f'style="thin"><color rgb="00{P.BORDER}"/>'
BOX = f"<border><left {_BOX_SIDE}</left><right {_BOX_SIDE}</right><top {_BOX_SIDE}</top><bottom {_BOX_SIDE}</bottom></border>"
NO_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>"
DEFAULT_FONT = '<font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font>'
FONTS = {
    "title": '<font><b val="1"/><sz val="14"/></font>',
    "subtitle": f'<font><i val="1"/><color rgb="00{P.SUBTITLE_TEXT}"/></font>',
    "bold": '<font><b val="1"/></font>',
    "header": f'<font><b val="1"/><color rgb="00{P.HEADER_TEXT}"/></font>',
}
ALIGNMENTS = {
    "header": '<alignment horizontal="center" vertical="center" wrapText="1"/>',
    "top": '<alignment vertical="top"/>',
    "wrap": '<alignment vertical="top" wrapText="1"/>',
}


def solid_fill(colour: str) -> str:
    return f'<fill><patternFill patternType="solid"><fgColor rgb="00{colour}"/></patternFill></fill>'


@dataclass(frozen=True)
class CellFormat:
    """One cell format: XML of its font, fill and border (None: the defaults), alignment and
    protection (None: none), number format code."""

    font: str | None = None
    fill: str | None = None
    border: str | None = None
    alignment: str | None = None
    unlocked: bool = False
    number_format: str = "General"


def cell_format(names: Iterable[str]) -> CellFormat:
    """The format of a cell styled with ``names`` in order; ``ValueError`` for a name no cell
    format holds (an unknown style)."""
    f = CellFormat()
    for name in names:
        kind, _, arg = name.partition(":")
        if kind in ("title", "subtitle", "bold"):
            f = replace(f, font=FONTS[kind])
        elif kind == "header":
            f = replace(f, font=FONTS[kind], fill=solid_fill(P.HEADER), alignment=ALIGNMENTS[kind], border=BOX)
        elif kind == "box":
            f = replace(f, border=BOX)
        elif kind in ("top", "wrap"):
            f = replace(f, alignment=ALIGNMENTS[kind])
        elif kind == "format":
            f = replace(f, number_format=arg)
        elif kind == "status":
            f = replace(f, fill=solid_fill(P.STATUS[arg]))
        elif kind == "fill":
            f = replace(f, fill=solid_fill(arg))
        elif kind == "unlocked":
            f = replace(f, unlocked=True)
        elif kind not in ("width", "height"):
            raise ValueError(f"gaya {name!r} tidak dapat ditulis sebagai format sel")
    return f


class Styles:
    """The cell formats one writer uses, registered in order (format 0 is the default); ``xml`` is
    their styles part, merged into the master's (``package.Package.merge_styles``)."""

    def __init__(self) -> None:
        self.fonts = [DEFAULT_FONT]
        self.fills = ["<fill><patternFill/></fill>", '<fill><patternFill patternType="gray125"/></fill>']
        self.borders = [NO_BORDER]
        self.codes: list[str] = []
        self.xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/>']

    @staticmethod
    def _index(items: list[str], item: str | None) -> int:
        if item is None:
            return 0
        if item not in items:
            items.append(item)
        return items.index(item)

    def add(self, f: CellFormat) -> int:
        """Register ``f``; its ``<xf>`` index."""
        fmt = BUILTIN_FORMATS.get(f.number_format)
        if fmt is None:
            if f.number_format not in self.codes:
                self.codes.append(f.number_format)
            fmt = 164 + self.codes.index(f.number_format)
        attrs = (
            f'numFmtId="{fmt}" fontId="{self._index(self.fonts, f.font)}" fillId="{self._index(self.fills, f.fill)}" '
            f'borderId="{self._index(self.borders, f.border)}"'
        )
        children = (f.alignment or "") + ('<protection locked="0" hidden="0"/>' if f.unlocked else "")
        applies = (' applyAlignment="1"' if f.alignment else "") + (' applyProtection="1"' if f.unlocked else "")
        tail = f">{children}</xf>" if children else "/>"
        xf = f'<xf {attrs}{applies} pivotButton="0" quotePrefix="0" xfId="0"{tail}'
        if xf not in self.xfs:
            self.xfs.append(xf)
        return self.xfs.index(xf)

    def xml(self) -> str:
        def section(tag: str, items: list[str]) -> str:
            return f'<{tag} count="{len(items)}">{"".join(items)}</{tag}>'

        formats = "".join(
            f'<numFmt numFmtId="{164 + i}" formatCode={xml_attribute(code)}/>' for i, code in enumerate(self.codes)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<numFmts count="{len(self.codes)}">{formats}</numFmts>'
            + section("fonts", self.fonts)
            + section("fills", self.fills)
            + section("borders", self.borders)
            + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            + section("cellXfs", self.xfs)
            + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles>'
            "</styleSheet>"
        )



def _key(el: etree._Element) -> bytes:
    return bytes(etree.tostring(el, method="c14n", exclusive=True))


def _section(root: etree._Element, tag: str, create_at: int | None = None) -> etree._Element | None:
    found = root.find(f"{{{MAIN}}}{tag}")
    if found is None and create_at is not None:
        found = etree.Element(f"{{{MAIN}}}{tag}")
        root.insert(create_at, found)
    return found


def _number_format_id(root: etree._Element, code: str) -> tuple[bool, str]:
    """The id of number format ``code`` in ``root`` (a built-in one, else declared in numFmts,
    added when missing above 163); whether it was added."""
    if code in BUILTIN_FORMATS:
        return False, str(BUILTIN_FORMATS[code])
    formats = _section(root, "numFmts", create_at=0)
    assert formats is not None
    for f in formats:
        if f.get("formatCode") == code:
            return False, f.get("numFmtId", "0")
    top = max([163, *(int(f.get("numFmtId", "0")) for f in formats)]) + 1
    etree.SubElement(formats, f"{{{MAIN}}}numFmt", numFmtId=str(top), formatCode=code)
    formats.set("count", str(len(formats)))
    return True, str(top)


def merge(root: etree._Element, other: etree._Element) -> tuple[bool, dict[int, int]]:
    """Add the cell formats of the styles part ``other`` to the styles part ``root`` (in place),
    reusing identical fonts, fills, borders, number formats and formats (compared canonically);
    whether ``root`` changed, and each of ``other``'s format numbers -> ``root``'s. ``ValueError``
    when a part lacks a section."""
    changed = False
    fmt_map: dict[str, str] = {}
    src_fmts = _section(other, "numFmts")
    for f in [] if src_fmts is None else list(src_fmts):
        added, fmt_map[f.get("numFmtId", "")] = _number_format_id(root, f.get("formatCode") or "")
        changed |= added
    maps: dict[str, dict[str, str]] = {}
    for tag, child in (("fonts", "fontId"), ("fills", "fillId"), ("borders", "borderId")):
        dst, src = _section(root, tag), _section(other, tag)
        if dst is None or src is None:
            raise ValueError(f"styles.xml tanpa {tag}")
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
    dst_xfs, src_xfs = _section(root, "cellXfs"), _section(other, "cellXfs")
    if dst_xfs is None or src_xfs is None:
        raise ValueError("styles.xml tanpa cellXfs")
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
    return changed, xf_map


def with_number_format(root: etree._Element, xf: int, code: str) -> tuple[bool, int]:
    """The cell format of the styles part ``root`` that is format ``xf`` shown with number format
    ``code`` (an identical one reused, else added); whether ``root`` changed. ``ValueError`` when
    ``root`` has no such format."""
    xfs = _section(root, "cellXfs")
    if xfs is None or not 0 <= xf < len(xfs):
        raise ValueError(f"styles.xml tanpa format sel {xf}")
    added, fmt = _number_format_id(root, code)
    if xfs[xf].get("numFmtId", "0") == fmt:
        return added, xf
    variant = copy.deepcopy(xfs[xf])
    variant.set("numFmtId", fmt)
    variant.set("applyNumberFormat", "1")
    k = _key(variant)
    for i, el in enumerate(xfs):
        if _key(el) == k:
            return added, i
    xfs.append(variant)
    xfs.set("count", str(len(xfs)))
    return True, len(xfs) - 1
