"""Span styles (``sheets.grid``) as SpreadsheetML: the ``styles.xml`` of a scratch workbook.

Each combination of span style names becomes one cell format (``<xf>``), its font, fill, border,
alignment, protection and number format folded from the names in order (a later name overrides an
earlier one, as ``adapters.openpyxl.grid.style_cell`` applied one after the other). The XML is what
openpyxl writes for the same styles, so a master written by either writer reuses the same formats
(``patch._merge_styles`` compares them canonically). ``width:`` and ``height:`` are no cell format:
the caller turns them into column widths; a row height is not supported here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from xml.sax.saxutils import quoteattr

from xlwings_app.sheets import palette as P

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
    format holds (an unknown style, or a row height)."""
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
        elif kind != "width":
            raise ValueError(f"gaya {name!r} tidak dapat ditulis sebagai format sel")
    return f


class Styles:
    """The cell formats of one scratch workbook, registered in order (format 0 is the default)."""

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
            f'<numFmt numFmtId="{164 + i}" formatCode={quoteattr(code)}/>' for i, code in enumerate(self.codes)
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
