"""Render a docxtpl template with a context (the docx adapter).

Rules: rendering uses autoescape, so user text with & < > " prints literally and cannot break the
document's XML; context values are data, never template source, so "{{ x }}" or "{% if %}" typed
by a user prints as typed. The chart PNG, when given, is the context's ``grafik`` (150 mm wide);
the lambang daerah, when given, is ``lambang`` (22 mm high, left of the kop text); either is ""
otherwise, so a template prints nothing there.
A template that jinja cannot parse raises ``TemplateError`` with an Indonesian message.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

import jinja2
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from xlwings_app.domain.problems import Refusal
from xlwings_app.resources import resource_dir

DEFAULT_TEMPLATE = "pengukuran_kinerja.docx"
CHART_WIDTH_MM = 150
LAMBANG_HEIGHT_MM = 22


class TemplateError(Refusal):
    """The template cannot be used; the message says why, in Indonesian."""


def default_template() -> Path:
    """The shipped "Dokumen Pengukuran Kinerja" template."""
    return resource_dir("report_templates") / DEFAULT_TEMPLATE


def open_template(path: Path) -> DocxTemplate:
    """Open ``path`` as a docxtpl template, or raise ``TemplateError``."""
    if not path.is_file():
        raise TemplateError(f"Template tidak ditemukan: {path}")
    try:
        template = DocxTemplate(str(path))
        template.init_docx()
    except Exception as exc:  # python-docx raises several types for a non-docx file
        raise TemplateError(f"Template {path.name} bukan dokumen Word (.docx) yang sah: {exc}") from exc
    return template


def render(template_path: Path, context: Mapping[str, object], out: Path,
           chart_png: bytes | None = None, lambang: bytes | None = None) -> Path:
    """Render ``context`` into ``template_path`` and save the document as ``out``."""
    template = open_template(template_path)
    values = dict(context)
    if chart_png is not None:
        values["grafik"] = InlineImage(template, io.BytesIO(chart_png), width=Mm(CHART_WIDTH_MM))
    else:
        values.setdefault("grafik", "")
    if lambang is not None:
        values["lambang"] = InlineImage(template, io.BytesIO(lambang), height=Mm(LAMBANG_HEIGHT_MM))
    else:
        values.setdefault("lambang", "")
    try:
        template.render(values, jinja_env=jinja2.Environment(autoescape=True), autoescape=True)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"Template {template_path.name} berisi tag yang salah tulis (baris XML {exc.lineno}): "
            f"{exc.message}"
        ) from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"Template {template_path.name} memakai nilai yang tidak ada: {exc}") from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    template.save(str(out))
    return out
