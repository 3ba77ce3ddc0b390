"""Check a custom template before rendering: which names it uses that Kinerja does not provide.

Rules:
- every variable a template reads must exist in the context Kinerja builds. Checked are the
  top-level names (``kop``, ``sasaran``, ...) and the keys read from them, also through ``for``
  loops (``{% for i in g.indikator %}{{ i.nama_x }}`` reports ``i.nama_x``). Names the template
  defines itself (``{% set %}``, loop variables, ``loop``) are allowed. Each unknown name is reported
  once, by the path the template wrote;
- no expression may reach for Python's internals, whatever it starts from (a variable, a string
  constant, a filter's result): an attribute or key starting with "_" (``''.__class__``), the string
  formatting methods (``format``, ``format_map``) and a frame's or code's attributes are refused,
  also through the ``attr`` filter; each is reported with the tag it is in;
- ``{% include %}``, ``{% import %}``, ``{% from %}`` and ``{% extends %}`` are refused: a template
  stands alone;
- a template jinja cannot parse, or a file that is not a whole Word document, is reported as such.
The renderer enforces the same at run time (``docx``: jinja's sandbox); the check names every
problem before anything is made.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2 import nodes
from jinja2.sandbox import (
    UNSAFE_ASYNC_GENERATOR_ATTRIBUTES,
    UNSAFE_COROUTINE_ATTRIBUTES,
    UNSAFE_FUNCTION_ATTRIBUTES,
    UNSAFE_GENERATOR_ATTRIBUTES,
    UNSAFE_METHOD_ATTRIBUTES,
)

UNSAFE_NAMES = frozenset({
    "format", "format_map", "mro", "f_globals", "f_locals", "f_builtins", "f_code", "tb_frame", "func_globals",
    "func_code", *UNSAFE_FUNCTION_ATTRIBUTES, *UNSAFE_METHOD_ATTRIBUTES, *UNSAFE_GENERATOR_ATTRIBUTES,
    *UNSAFE_COROUTINE_ATTRIBUTES, *UNSAFE_ASYNC_GENERATOR_ATTRIBUTES,
})  # fmt: skip
"""Attribute names no template needs and every sandbox escape uses (beside those starting "_")."""
LOADING: dict[type[nodes.Node], str] = {
    nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from", nodes.Extends: "extends",
}
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def unsafe(name: str) -> bool:
    """Whether an attribute or key ``name`` reaches for Python's internals."""
    return name.startswith("_") or name in UNSAFE_NAMES


def forbidden(tree: nodes.Template) -> list[tuple[str, str]]:
    """(what, needle) for every refused construct of ``tree``: an unsafe attribute or key (needle: its
    name) or a tag loading another template (needle: the tag's keyword)."""
    found: list[tuple[str, str]] = []
    kinds: tuple[type[nodes.Node], ...] = (nodes.Getattr, nodes.Getitem, nodes.Filter, *LOADING)
    for node in tree.find_all(kinds):
        if isinstance(node, nodes.Getattr) and unsafe(node.attr):
            found.append(("atribut", node.attr))
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(
            node.arg.value, str) and unsafe(node.arg.value):
            found.append(("kunci", node.arg.value))
        elif isinstance(node, nodes.Filter) and node.name == "attr" and any(
            isinstance(a, nodes.Const) and isinstance(a.value, str) and unsafe(a.value) for a in node.args
        ):
            found.append(("atribut", next(str(a.value) for a in node.args if isinstance(a, nodes.Const))))
        elif type(node) in LOADING:
            found.append(("tag", LOADING[type(node)]))
    return list(dict.fromkeys(found))


def _tag_with(source: str, needle: str, keyword: bool) -> str:
    """The first jinja tag of ``source`` holding ``needle`` (as the tag's keyword when ``keyword``),
    its XML removed and shortened, for the message."""
    for match in _TAG.finditer(source):
        text = re.sub(r"<[^>]+>", "", match.group())
        inner = text.strip("{}%-+ \n\t")
        if (inner.split()[:1] == [needle]) if keyword else needle in text:
            return text if len(text) <= 120 else text[:117] + "..."
    return needle

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


def refused(source: str, name: str) -> list[str]:
    """Messages for every construct of ``source`` (jinja) that the template ``name`` may not use."""
    messages = []
    for what, needle in forbidden(jinja2.Environment().parse(source)):
        if what == "tag":
            tag = _tag_with(source, needle, keyword=True)
            messages.append(f"Template {name} memakai {tag}: template tidak boleh menyertakan template lain "
                            "(include, import, from, extends); salin isinya ke template ini.")
        else:
            tag = _tag_with(source, needle, keyword=False)
            messages.append(f"Template {name} ditolak: ekspresi {tag} memakai {what} '{needle}', yang tidak "
                            "diizinkan (template hanya boleh memakai nilai yang disediakan Kinerja).")
    return messages


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
        source = template_source(path)
    except Exception:  # python-docx and lxml raise many types for a document cut short or damaged
        return [f"Template {path.name} tidak dapat dibaca sebagai dokumen Word (isinya rusak atau terpotong): "
                "simpan ulang dari Word sebagai .docx."]
    try:
        messages = refused(source, path.name)
        names = unknown_names(source, provided)
    except jinja2.TemplateSyntaxError as exc:
        return [f"Template {path.name} berisi tag yang salah tulis: {exc.message}"]
    return messages + [
        f"Template {path.name} memakai '{name}', yang tidak disediakan Kinerja." for name in names
    ]
