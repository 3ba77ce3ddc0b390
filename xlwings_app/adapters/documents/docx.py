"""Render a docxtpl template with a context (the docx adapter).

Rules: rendering uses autoescape, so user text with & < > " prints literally and cannot break the
document's XML; context values are data, never template source, so "{{ x }}" or "{% if %}" typed
by a user prints as typed. The chart PNG, when given, is the context's ``grafik`` (150 mm wide);
the lambang daerah, when given, is ``lambang`` (22 mm high, left of the kop text); either is ""
otherwise, so a template prints nothing there.

A template is untrusted (offices edit and pass them on): it renders in jinja's sandbox
(``SandboxedEnvironment``), which refuses Python's internals (``__class__``, ``__globals__``, a
function's code ...); here such an access stops the rendering at once instead of printing nothing.
There is no loader: ``{% include %}``, ``{% import %}`` and ``{% extends %}`` are refused. A string or
list repeated into a huge one (``'x' * 10**9``) is refused too. Every way a template can fail (a tag
jinja cannot parse, a name missing, a refused access, a document cut short, XML its output breaks)
raises ``TemplateError`` (exit code 2) naming the template, in Indonesian. The document is written
whole or not at all (``atomic``).

Speed: jinja's compiled code of each template part is kept between runs in jinja's own bytecode cache
(``FileSystemBytecodeCache``, in the temporary folder), keyed by the part's full source, jinja's and
Python's version and the environment's settings; docxtpl's clean-up of a part's XML before jinja
(``patch_xml``, a function of that XML alone) is kept beside it, keyed by the XML and docxtpl's
version. A changed template is cleaned and compiled afresh; a cache that cannot be used, or a damaged
cache file, only means doing the work again. Cleaning and compiling the shipped body cost more than
rendering it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import docxtpl
import jinja2
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2.bccache import BytecodeCache, FileSystemBytecodeCache
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from xlwings_app.adapters.documents.atomic import write_bytes
from xlwings_app.domain.problems import Refusal
from xlwings_app.resources import resource_dir

DEFAULT_TEMPLATE = "pengukuran_kinerja.docx"
CHART_WIDTH_MM = 150
LAMBANG_HEIGHT_MM = 22
CACHE_PATTERN = "kinerja-jinja2-%s.cache"
PATCHED_PATTERN = "kinerja-docxtpl-%s.xml"
_CACHE_TAG = "docxtpl autoescape=True sandbox"
"""Part of every cache key: the environment's settings (``_environment``) the code was compiled with."""


class TemplateError(Refusal):
    """The template cannot be used; the message says why, in Indonesian."""


MAX_REPEAT = 100_000
"""The longest string or list a template may make by repeating one (``'-' * 40`` is fine)."""


class _Sandbox(SandboxedEnvironment):
    """jinja's sandbox, strict: an unsafe attribute stops the rendering (the sandbox alone renders it
    as nothing), no template can be loaded, and repeating a sequence is bounded."""

    intercepted_binops = frozenset(["*", "**"])

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        raise SecurityError(f"atribut '{attribute}'")

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError(f"pangkat {right}")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > MAX_REPEAT:
                    raise SecurityError("pengulangan teks yang terlalu panjang")
        return super().call_binop(context, operator, left, right)

    def get_template(self, name: Any, *args: Any, **kwargs: Any) -> jinja2.Template:
        raise SecurityError(f"menyertakan template lain ('{name}')")

    def select_template(self, names: Any, *args: Any, **kwargs: Any) -> jinja2.Template:
        raise SecurityError("menyertakan template lain")

    def get_or_select_template(self, template_name_or_list: Any, *args: Any, **kwargs: Any) -> jinja2.Template:
        raise SecurityError("menyertakan template lain")


class _CachedEnvironment(_Sandbox):
    """``from_string`` through the bytecode cache (jinja itself uses it only for loader templates)."""

    def from_string(
        self,
        source: str | jinja2.nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        cache = self.bytecode_cache
        if cache is None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        name = hashlib.sha256(f"{_CACHE_TAG}\0{source}".encode()).hexdigest()
        try:
            bucket = cache.get_bucket(self, name, None, source)
        except Exception:  # unreadable or damaged (pickle, marshal errors): only a speed-up, compile
            return super().from_string(source, globals, template_class)
        if bucket.code is None:
            bucket.code = self.compile(source)
            with contextlib.suppress(OSError):  # a cache that cannot be written: compiled next time
                cache.set_bucket(bucket)
        cls = template_class or self.template_class
        return cls.from_code(self, bucket.code, self.make_globals(globals), None)


class _Template(DocxTemplate):  # type: ignore[misc]  # docxtpl has no type hints
    """docxtpl's template with ``patch_xml`` remembered (``_patched``) and ``resolve_listing`` skipped
    when no text element (``<w:t>``) of the rendered XML holds a character it turns into Word markup
    (tab, newline, \\a, \\f): it changes only those, so its regular expressions would give back the
    same XML."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml, super().patch_xml)

    def resolve_listing(self, xml: str) -> str:
        if not any(_LISTING.search(text) for text in _TEXT.findall(xml)):
            return xml
        return str(super().resolve_listing(xml))


_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.DOTALL)
"""A text element and its text, as docxtpl's ``resolve_listing`` finds them."""
_LISTING = re.compile("[\t\a\n\f]")


_PATCHED: dict[str, str] = {}
"""This process's cleaned parts by key (``laporan-iki`` renders one template per official)."""


def _patched(src_xml: str, patch: Callable[[str], str]) -> str:
    """``patch(src_xml)``, from memory or the cache folder when done before; stored for next time."""
    key = hashlib.sha256(f"docxtpl {docxtpl.__version__}\0{src_xml}".encode()).hexdigest()
    if key in _PATCHED:
        return _PATCHED[key]
    folder = _cache_folder()
    file = Path(folder, PATCHED_PATTERN % key) if folder else None
    header = f"{key}\n"
    try:  # bytes, not text mode: no newline translation on Windows
        text = file.read_bytes().decode("utf-8") if file else ""
    except (OSError, UnicodeError):  # unreadable or damaged: only a speed-up
        text = ""
    if text.startswith(header) and text.endswith("\0"):  # written whole (see below)
        result = text[len(header):-1]
    else:
        result = patch(src_xml)
        if file:
            _store(file, f"{header}{result}\0")
    _PATCHED[key] = result
    return result


def _store(file: Path, text: str) -> None:
    """Write ``text`` to ``file`` whole or not at all (temporary file, then ``os.replace``)."""
    try:
        handle, name = tempfile.mkstemp(dir=file.parent, prefix=file.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(text.encode("utf-8"))
        os.replace(name, file)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(name)


def _cache_folder() -> str | None:
    cache = _bytecode_cache()
    return cache.directory if isinstance(cache, FileSystemBytecodeCache) else None


def _bytecode_cache() -> BytecodeCache | None:
    try:
        return FileSystemBytecodeCache(pattern=CACHE_PATTERN)
    except (OSError, RuntimeError):  # no safe temporary folder: no cache
        return None


def _environment() -> jinja2.Environment:
    """The environment every document renders with (the sandbox, autoescape; see the module's rules)."""
    return _CachedEnvironment(autoescape=True, bytecode_cache=_bytecode_cache())


def default_template() -> Path:
    """The shipped "Dokumen Pengukuran Kinerja" template."""
    return resource_dir("report_templates") / DEFAULT_TEMPLATE


def open_template(path: Path) -> DocxTemplate:
    """Open ``path`` as a docxtpl template, or raise ``TemplateError``."""
    if not path.is_file():
        raise TemplateError(f"Template tidak ditemukan: {path}")
    try:
        template = _Template(str(path))
        template.init_docx()
    except Exception as exc:  # python-docx and lxml raise many types for a file that is no .docx
        raise TemplateError(
            f"Template {path.name} bukan dokumen Word (.docx) yang utuh: simpan ulang dari Word sebagai .docx."
        ) from exc
    return template


def render_bytes(template_path: Path, context: Mapping[str, object], chart_png: bytes | None = None,
                 lambang: bytes | None = None, gambar: Mapping[str, tuple[bytes, float]] | None = None) -> bytes:
    """The document ``template_path`` filled with ``context``, as the bytes of a .docx; ``gambar``
    names further pictures (context name → PNG bytes and width in mm, e.g. the pohon kinerja)."""
    template = open_template(template_path)
    values = dict(context)
    for name, (png, width) in (gambar or {}).items():
        values[name] = InlineImage(template, io.BytesIO(png), width=Mm(width))
    if chart_png is not None:
        values["grafik"] = InlineImage(template, io.BytesIO(chart_png), width=Mm(CHART_WIDTH_MM))
    else:
        values.setdefault("grafik", "")
    if lambang is not None:
        values["lambang"] = InlineImage(template, io.BytesIO(lambang), height=Mm(LAMBANG_HEIGHT_MM))
    else:
        values.setdefault("lambang", "")
    name = template_path.name
    try:
        template.render(values, jinja_env=_environment(), autoescape=True)
        buffer = io.BytesIO()
        template.save(buffer)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"Template {name} berisi tag yang salah tulis (baris XML {exc.lineno}): {exc.message}"
        ) from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"Template {name} memakai nilai yang tidak ada: {exc.message}") from exc
    except SecurityError as exc:
        raise TemplateError(
            f"Template {name} ditolak: ekspresinya mencoba {exc.message} (tidak diizinkan: template hanya "
            "boleh memakai nilai yang disediakan Kinerja)."
        ) from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"Template {name} tidak dapat diisi: {exc.message or 'tag tidak dikenal'}.") from exc
    except Exception as exc:  # lxml, docxtpl: what the template's tags made is no valid Word XML
        raise TemplateError(
            f"Template {name} tidak dapat diisi: hasilnya bukan dokumen Word yang sah (periksa tag di dalam "
            "tabel, paragraf dan gambar template)."
        ) from exc
    return buffer.getvalue()


def render(template_path: Path, context: Mapping[str, object], out: Path,
           chart_png: bytes | None = None, lambang: bytes | None = None) -> Path:
    """Render ``context`` into ``template_path`` and save the document as ``out`` (whole or not at all)."""
    return write_bytes(out, render_bytes(template_path, context, chart_png, lambang))
