"""Check a custom template before rendering: which names it uses that Kinerja does not provide.

Rule: every variable a template reads must exist in the context Kinerja builds. Checked are the
top-level names (``kop``, ``sasaran``, ...) and the keys read from them, also through ``for``
loops (``{% for i in g.indikator %}{{ i.nama_x }}`` reports ``i.nama_x``). Names the template
defines itself (``{% set %}``, loop variables, ``loop``) are allowed. Each unknown name is reported
once, by the path the template wrote. A template jinja cannot parse is reported as such.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2 import nodes

_ANY = object()  # a value whose inside is not described (allowed: loop, names set by the template)


def _path(node: nodes.Node) -> tuple[str, list[str]] | None:
    """("i", ["nama"]) for ``i.nama`` or ``i["nama"]``; ``None`` for other expressions."""
    keys: list[str] = []
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        if isinstance(node, nodes.Getattr):
            keys.append(node.attr)
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            keys.append(node.arg.value)
        else:
            return None
        node = node.node
    if isinstance(node, nodes.Name):
        return node.name, list(reversed(keys))
    return None


def _resolve(shape: object, keys: list[str]) -> tuple[object, str | None]:
    """Walk ``keys`` into ``shape``; the first key not found, if any."""
    for key in keys:
        if shape is _ANY:
            return _ANY, None
        if isinstance(shape, Mapping):
            if key not in shape:
                return None, key
            shape = shape[key]
        else:
            return _ANY, None  # string methods, filters' results: not ours to judge
    return shape, None


def _element(shape: object) -> object:
    return shape[0] if isinstance(shape, list) and shape and shape[0] is not None else _ANY


class _Checker:
    def __init__(self, provided: Mapping[str, object]) -> None:
        self.provided = provided
        self.unknown: list[str] = []

    def lookup(self, node: nodes.Node, scope: Mapping[str, object]) -> object:
        found = _path(node)
        if found is None:
            return _ANY
        name, keys = found
        if name in scope:
            root = scope[name]
        elif name in self.provided:
            root = self.provided[name]
        else:
            self.report(name)
            return _ANY
        shape, missing = _resolve(root, keys)
        if missing is not None:
            self.report(".".join([name, *keys[: keys.index(missing) + 1]]))
            return _ANY
        return shape

    def report(self, name: str) -> None:
        if name not in self.unknown:
            self.unknown.append(name)

    def visit(self, node: nodes.Node, scope: dict[str, object]) -> None:
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            element = _element(self.lookup(node.iter, scope))
            inner = dict(scope, loop=_ANY)
            for target in _names(node.target):
                inner[target] = element if isinstance(node.target, nodes.Name) else _ANY
            for child in (*node.body, *node.else_):
                self.visit(child, inner)
            if node.test is not None:
                self.visit(node.test, inner)
            return
        if isinstance(node, nodes.Assign):
            self.visit(node.node, scope)
            for target in _names(node.target):
                scope[target] = _ANY
            return
        if isinstance(node, nodes.Getattr | nodes.Getitem) and _path(node) is not None:
            self.lookup(node, scope)
            return
        if isinstance(node, nodes.Name) and node.ctx == "load":
            self.lookup(node, scope)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope)


def _names(target: nodes.Node) -> Iterator[str]:
    for name in target.find_all(nodes.Name):
        yield name.name
    if isinstance(target, nodes.Name):
        yield target.name


def unknown_names(source: str, provided: Mapping[str, object]) -> list[str]:
    """Names ``source`` (jinja) reads that ``provided`` (a context shape) lacks, in order."""
    checker = _Checker(provided)
    checker.visit(jinja2.Environment().parse(source), {})
    return checker.unknown


def template_source(path: Path) -> str:
    """The jinja source of a .docx template (body, headers, footers), as docxtpl prepares it."""
    template = DocxTemplate(str(path))
    template.init_docx()
    xml: str = template.patch_xml(template.get_xml())
    for uri in (template.HEADER_URI, template.FOOTER_URI):
        for rel in template.docx.part.rels.values():
            if rel.reltype == uri and rel.target_part.blob:
                xml += template.patch_xml(rel.target_part.blob.decode("utf-8"))
    return xml


def check_template(path: Path, provided: Mapping[str, object]) -> list[str]:
    """Indonesian messages for every problem of the template at ``path``; empty when usable.

    A missing file, a folder, or a file that is not a Word document (.docx: a zip holding
    ``word/document.xml``) is one message naming it."""
    if not path.is_file():
        return [f"Template {path} tidak ditemukan (atau bukan file): periksa nama dan folder template."]
    try:
        with zipfile.ZipFile(path) as archive:
            archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return [f"Template {path.name} bukan dokumen Word .docx: simpan template dari Word sebagai .docx."]
    try:
        names = unknown_names(template_source(path), provided)
    except jinja2.TemplateSyntaxError as exc:
        return [f"Template {path.name} berisi tag yang salah tulis: {exc.message}"]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return [f"Template {path.name} tidak dapat dibaca sebagai dokumen Word ({type(exc).__name__})."]
    return [
        f"Template {path.name} memakai '{name}', yang tidak disediakan Kinerja." for name in names
    ]
