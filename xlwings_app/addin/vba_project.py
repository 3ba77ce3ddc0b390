"""Reading and writing vbaProject.bin: a VBA project kept as module source only (MS-OVBA 2.3).

The storage holds PROJECT (2.3.1, text properties), PROJECTwm (2.3.3, module name map),
VBA/_VBA_PROJECT (2.3.4.1), VBA/dir (2.3.4.2, compressed records) and one stream per module
(2.3.4.3): a performance cache of compiled p-code followed, at MODULEOFFSET, by the compressed
source. We write every module with MODULEOFFSET 0, no cache, and keep the template's 7-byte
_VBA_PROJECT stream whose version 0xFFFF tells the host the cache is absent (2.3.4.1), so Excel
recompiles the project from source when it loads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from xlwings_app.addin import vba_dir
from xlwings_app.addin.cfb_writer import MINI_STREAM_CUTOFF, read_streams, write_compound_file
from xlwings_app.addin.ovba_compression import compress, decompress
from xlwings_app.addin.vba_dir import ModuleKind

_VB_NAME = re.compile(r'^Attribute VB_Name = "([^"]+)"', re.MULTILINE)
_MODULE_LINE = re.compile(r"^(Document|Module|Class|BaseClass|Package)=", re.IGNORECASE)


@dataclass(frozen=True)
class VbaModule:
    """One module: its name, kind and source text (CRLF line ends, as stored)."""

    name: str
    kind: ModuleKind
    source: str
    docstring: str = ""


@dataclass(frozen=True)
class VbaProject:
    """A VBA project as source: what ``write_vba_project`` needs, nothing compiled."""

    name: str
    modules: tuple[VbaModule, ...]
    dir_records: tuple[vba_dir.Record, ...]
    project_text: str
    vba_project_stream: bytes

    @property
    def codec(self) -> str:
        return vba_dir.code_page(self.dir_records)

    def module(self, name: str) -> VbaModule:
        for module in self.modules:
            if module.name.lower() == name.lower():
                return module
        raise KeyError(name)


def to_crlf(text: str) -> str:
    """Line ends as VBA stores them."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def standard_module_from_bas(path: Path) -> VbaModule:
    """A standard module from a ``.bas`` file whose first line is ``Attribute VB_Name = "..."``."""
    source = to_crlf(path.read_text(encoding="utf-8"))
    match = _VB_NAME.match(source)
    if not match:
        raise ValueError(f'{path.name}: baris pertama harus Attribute VB_Name = "..."')
    return VbaModule(match.group(1), ModuleKind.STANDARD, source)


def read_vba_project(data: bytes) -> VbaProject:
    """Read a vbaProject.bin: the modules' source, the dir records and the PROJECT text."""
    streams = read_streams(data)
    records = tuple(vba_dir.parse_records(decompress(streams["VBA/dir"])))
    codec = vba_dir.code_page(records)
    project_text = streams["PROJECT"].decode(codec)
    kinds = _kinds_from_project_text(project_text)
    modules = []
    for entry in vba_dir.modules(records):
        stream = streams[f"VBA/{entry.stream_name}"]
        source = decompress(stream[entry.offset :]).decode(codec)
        kind = kinds.get(entry.name.lower(), ModuleKind.STANDARD)
        modules.append(VbaModule(entry.name, kind, source, entry.docstring))
    name = next(rec.data.decode(codec) for rec in records if rec.id == vba_dir.PROJECTNAME)
    return VbaProject(name, tuple(modules), records, project_text, streams["VBA/_VBA_PROJECT"])


def with_modules(project: VbaProject, name: str, modules: Sequence[VbaModule]) -> VbaProject:
    """The project renamed to ``name`` and holding exactly ``modules``."""
    names = [m.name.lower() for m in modules]
    if len(set(names)) != len(names):
        raise ValueError(f"nama modul ganda: {names}")
    return replace(project, name=name, modules=tuple(modules))


def write_vba_project(project: VbaProject) -> bytes:
    """Write the project as a compound file (MS-OVBA 2.2): source only, MODULEOFFSET 0."""
    codec = project.codec
    entries = [(m.name, m.kind, m.docstring) for m in project.modules]
    dir_stream = vba_dir.build_dir(project.dir_records, project.name, entries)
    streams = {
        "PROJECT": _project_stream(project).encode(codec),
        "PROJECTwm": _project_wm(project.modules, codec),
        "VBA/_VBA_PROJECT": project.vba_project_stream,
        "VBA/dir": _compress_clear_of_cutoff(dir_stream),
    }
    for module in project.modules:
        streams[f"VBA/{module.name}"] = _compress_clear_of_cutoff(module.source.encode(codec))
    return write_compound_file(streams)


def _compress_clear_of_cutoff(data: bytes) -> bytes:
    """Compress ``data``; if the result is exactly the mini-stream cutoff, write more literals."""
    for literal_prefix in range(0, 64):
        compressed = compress(data, literal_prefix=literal_prefix)
        if len(compressed) != MINI_STREAM_CUTOFF:
            return compressed
    raise ValueError("stream tidak dapat dibuat selain 4096 byte")


def _kinds_from_project_text(text: str) -> dict[str, ModuleKind]:
    """Module kinds from the PROJECT stream's ProjectModules lines (2.3.1.3 to 2.3.1.7)."""
    kinds = {}
    for line in text.splitlines():
        key, _, value = line.partition("=")
        name = value.split("/")[0].lower()
        if key == "Document":
            kinds[name] = ModuleKind.DOCUMENT
        elif key == "Class":
            kinds[name] = ModuleKind.CLASS
        elif key == "Module":
            kinds[name] = ModuleKind.STANDARD
    return kinds


def _project_stream(project: VbaProject) -> str:
    """The PROJECT text (2.3.1): the template's properties with our modules, name and workspace."""
    module_lines = []
    for m in project.modules:
        if m.kind is ModuleKind.DOCUMENT:
            module_lines.append(f"Document={m.name}/&H00000000")
        else:
            module_lines.append(f"{m.kind.value}={m.name}")
    out: list[str] = []
    section = ""
    for line in project.project_text.split("\r\n"):
        if line.startswith("["):
            section = line
            out.append(line)
            if section == "[Workspace]":
                out += [f"{m.name}=0, 0, 0, 0, C" for m in project.modules]
            continue
        if section == "":
            if _MODULE_LINE.match(line):
                continue
            if line.startswith("Name="):
                line = f'Name="{project.name}"'
            out.append(line)
            if line.startswith("ID="):
                out += module_lines
        elif section != "[Workspace]" or not line:
            out.append(line)
    return "\r\n".join(out)


def _project_wm(modules: Sequence[VbaModule], codec: str) -> bytes:
    """PROJECTwm (2.3.3): each module name in MBCS and UTF-16, NUL-terminated; then 0x0000."""
    parts = [m.name.encode(codec) + b"\x00" + m.name.encode("utf-16-le") + b"\x00\x00" for m in modules]
    return b"".join(parts) + b"\x00\x00"
