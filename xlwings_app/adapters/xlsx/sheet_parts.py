"""What a sheet's XML says beyond its cell values: its Excel Tables and merged ranges.

Read straight from the .xlsx package (the sheet part, its relationships and the table parts), so
the fast reader (calamine) and openpyxl's read-only mode, which give neither, report the same:
``tables(archive, part)`` gives each table's name, range (``ref``) and Total Row count;
``merged_ranges(xml)`` the ``mergeCell`` ranges ("A5:A7"). ``TableInfo`` is the sheet readers' value
(``sheets.source``), ``range_bounds`` the one reading of a range (``domain.cell_addresses``).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

from defusedxml import ElementTree

from xlwings_app.domain.cell_addresses import range_bounds
from xlwings_app.sheets.source import TableInfo

_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TABLE_TYPE = "/table"
_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?)"')


def merged_ranges(xml: bytes) -> list[str]:
    """The merged ranges of a sheet part's XML."""
    return [m.group(1).decode("ascii") for m in _MERGE.finditer(xml)] if b"<mergeCell" in xml else []


def tables(archive: zipfile.ZipFile, part: str) -> list[TableInfo]:
    """The Excel Tables of the sheet part ``part`` ("xl/worksheets/sheet2.xml")."""
    path = PurePosixPath(part)
    rels_name = str(path.parent / "_rels" / (path.name + ".rels"))
    try:
        rels = ElementTree.fromstring(archive.read(rels_name))
    except KeyError:
        return []
    found = []
    for rel in rels.iter(_PKG_REL):
        if not rel.get("Type", "").endswith(_TABLE_TYPE):
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else str(PurePosixPath(
            *_normalised((path.parent / target).parts)))  # fmt: skip
        try:
            table = ElementTree.fromstring(archive.read(name))
        except KeyError:
            continue
        ref = table.get("ref", "")
        try:
            range_bounds(ref)
        except ValueError:
            continue
        found.append(TableInfo(table.get("displayName") or table.get("name", ""), ref,
                               int(table.get("totalsRowCount", "0") or 0)))  # fmt: skip
    return found


def _normalised(parts: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if part == "..":
            if out:
                out.pop()
        elif part != ".":
            out.append(part)
    return out
