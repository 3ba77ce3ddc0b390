"""A workbook file's own record of its last save: ``docProps/core.xml`` (``cp:lastModifiedBy``, ``dcterms:modified``).

Excel, LibreOffice and WPS rewrite both when a person saves the file (the saver's name, or nothing
when the program knows none; the moment, in UTC); a copy keeps them. Read with defusedxml, after
the xlsx guard; a file without the part, or with one that cannot be read, has no record (``None``
for each), never an error: the record is evidence, not content.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from xlwings_app.forms.filled import Disimpan
from xlwings_app.forms.kembali import utc

CORE_PART = "docProps/core.xml"
MAX_CORE_BYTES = 1024 * 1024
"""A core properties part is a few hundred bytes; a bigger one is not read."""
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DCTERMS = "{http://purl.org/dc/terms/}"


def last_saved(path: Path) -> Disimpan:
    """Who saved the file at ``path`` last and when, as its core properties say."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(CORE_PART)
            if info.file_size > MAX_CORE_BYTES:
                return Disimpan(None, None)
            root = ElementTree.fromstring(archive.read(info))
    except (KeyError, OSError, zipfile.BadZipFile, ParseError, DefusedXmlException, ValueError):
        return Disimpan(None, None)
    by = root.find(f"{_CP}lastModifiedBy")
    when = root.find(f"{_DCTERMS}modified")
    return Disimpan(None if by is None else (by.text or ""), _moment(None if when is None else when.text))


def _moment(text: str | None) -> datetime | None:
    """A W3CDTF time ("2025-04-10T09:15:00Z", with or without fractions or an offset), aware."""
    if not text:
        return None
    try:
        return utc(datetime.fromisoformat(text.strip().replace("Z", "+00:00")))
    except ValueError:
        return None
