"""The dir stream of a VBA project (MS-OVBA 2.3.4.2), as a list of records.

Every record of the decompressed dir stream is ``Id (u16) | Size (u32) | Size bytes``, with one
exception: PROJECTVERSION (Id 0x0009) has Size fixed to 4 but carries 6 bytes (VersionMajor u32,
VersionMinor u16). The paired "Reserved" ids that introduce Unicode variants (0x0040, 0x003D,
0x003C, 0x003E, 0x0032, 0x0048) and the nested parts of REFERENCECONTROL (0x0030) have the same
shape, so a flat record list round-trips every dir stream byte for byte.

PROJECTMODULES (2.3.4.2.3) starts at Id 0x000F; the module records (2.3.4.2.3.2) follow it, and
Id 0x0010 ends the stream. ``build_dir`` keeps the information and references records of the
template and writes new module records.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

PROJECTNAME = 0x0004
PROJECTVERSION = 0x0009
PROJECTCODEPAGE = 0x0003
PROJECTMODULES = 0x000F
PROJECTCOOKIE = 0x0013
MODULENAME = 0x0019
MODULENAMEUNICODE = 0x0047
MODULESTREAMNAME = 0x001A
MODULESTREAMNAMEUNICODE = 0x0032
MODULEDOCSTRING = 0x001C
MODULEDOCSTRINGUNICODE = 0x0048
MODULEOFFSET = 0x0031
MODULEHELPCONTEXT = 0x001E
MODULECOOKIE = 0x002C
MODULETYPE_PROCEDURAL = 0x0021
MODULETYPE_OTHER = 0x0022
MODULEREADONLY = 0x0025
MODULEPRIVATE = 0x0028
MODULE_TERMINATOR = 0x002B
DIR_TERMINATOR = 0x0010


class ModuleKind(Enum):
    """The three kinds of module; the PROJECT stream names them Module=, Class=, Document=."""

    STANDARD = "Module"
    CLASS = "Class"
    DOCUMENT = "Document"


@dataclass(frozen=True)
class Record:
    """One dir stream record: its Id and the bytes after the Size field."""

    id: int
    data: bytes

    def to_bytes(self) -> bytes:
        size = 4 if self.id == PROJECTVERSION else len(self.data)
        return struct.pack("<HI", self.id, size) + self.data


@dataclass(frozen=True)
class ModuleEntry:
    """What the dir stream says of one module (2.3.4.2.3.2)."""

    name: str
    stream_name: str
    offset: int
    procedural: bool
    docstring: str = ""


def parse_records(data: bytes) -> list[Record]:
    """Split a decompressed dir stream into records."""
    records = []
    pos = 0
    while pos < len(data):
        if pos + 6 > len(data):
            raise ValueError(f"record dir terpotong di byte {pos}")
        rec_id, size = struct.unpack_from("<HI", data, pos)
        pos += 6
        if rec_id == PROJECTVERSION:
            size = 6
        if pos + size > len(data):
            raise ValueError(f"record dir 0x{rec_id:04X} melewati akhir stream")
        records.append(Record(rec_id, data[pos : pos + size]))
        pos += size
    return records


def code_page(records: Sequence[Record]) -> str:
    """The Python codec of PROJECTCODEPAGE (2.3.4.2.1.5), e.g. ``cp1252``."""
    for rec in records:
        if rec.id == PROJECTCODEPAGE:
            return f"cp{struct.unpack('<H', rec.data)[0]}"
    raise ValueError("PROJECTCODEPAGE tidak ada di stream dir")


def modules(records: Sequence[Record]) -> list[ModuleEntry]:
    """The modules listed in the dir stream, in order."""
    codec = code_page(records)
    found: list[ModuleEntry] = []
    name = stream = docstring = ""
    offset = 0
    procedural = True
    for rec in records:
        if rec.id == MODULENAME:
            name = rec.data.decode(codec)
        elif rec.id == MODULESTREAMNAME:
            stream = rec.data.decode(codec)
        elif rec.id == MODULEDOCSTRING:
            docstring = rec.data.decode(codec)
        elif rec.id == MODULEOFFSET:
            (offset,) = struct.unpack("<I", rec.data)
        elif rec.id in (MODULETYPE_PROCEDURAL, MODULETYPE_OTHER):
            procedural = rec.id == MODULETYPE_PROCEDURAL
        elif rec.id == MODULE_TERMINATOR:
            found.append(ModuleEntry(name, stream, offset, procedural, docstring))
            docstring = ""
    return found


def module_records(name: str, kind: ModuleKind, codec: str, docstring: str = "") -> list[Record]:
    """The records of one module with its source at offset 0 (2.3.4.2.3.2.1 to .10)."""
    mbcs = name.encode(codec)
    utf16 = name.encode("utf-16-le")
    module_type = MODULETYPE_PROCEDURAL if kind is ModuleKind.STANDARD else MODULETYPE_OTHER
    return [
        Record(MODULENAME, mbcs),
        Record(MODULENAMEUNICODE, utf16),
        Record(MODULESTREAMNAME, mbcs),
        Record(MODULESTREAMNAMEUNICODE, utf16),
        Record(MODULEDOCSTRING, docstring.encode(codec)),
        Record(MODULEDOCSTRINGUNICODE, docstring.encode("utf-16-le")),
        Record(MODULEOFFSET, struct.pack("<I", 0)),
        Record(MODULEHELPCONTEXT, struct.pack("<I", 0)),
        Record(MODULECOOKIE, struct.pack("<H", 0xFFFF)),
        Record(module_type, b""),
        Record(MODULE_TERMINATOR, b""),
    ]


def build_dir(
    template: Sequence[Record], project_name: str, entries: Sequence[tuple[str, ModuleKind, str]]
) -> bytes:
    """A new decompressed dir stream: the template's project information and references, the
    project name replaced, and one module record group per ``(name, kind, docstring)``.
    """
    codec = code_page(template)
    head: list[Record] = []
    for rec in template:
        if rec.id == PROJECTMODULES:
            break
        head.append(Record(PROJECTNAME, project_name.encode(codec)) if rec.id == PROJECTNAME else rec)
    else:
        raise ValueError("PROJECTMODULES tidak ada di stream dir")
    body = [
        Record(PROJECTMODULES, struct.pack("<H", len(entries))),
        Record(PROJECTCOOKIE, struct.pack("<H", 0xFFFF)),
    ]
    for name, kind, docstring in entries:
        body += module_records(name, kind, codec, docstring)
    body.append(Record(DIR_TERMINATOR, b""))
    return b"".join(rec.to_bytes() for rec in [*head, *body])
