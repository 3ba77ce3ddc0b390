"""Building Kinerja.xlam from xlwings' ribbon add-in template and the text in macros/.

The template (``quickstart_addin_ribbon.xlam`` inside the pinned xlwings package) brings the
xlwings VBA module, whose Declare statements name the xlwings DLL of that version. We keep its
workbook parts and change four things (ECMA-376 Part 2 packaging; MS-OVBA for the VBA part):

- ``xl/vbaProject.bin``: project "Kinerja"; the template's ribbon module replaced by every
  ``macros/*.bas``; xlwings' PROJECT_NAME set to ``kinerja``, and its UDF-server command line
  freed of workbook paths (``xlwings_module_source``).
- ``customUI/customUI14.xml``: our ``macros/customUI.xml`` (namespace 2009/07, the Office 2010+
  part, related to the package by the ``2007/relationships/ui/extensibility`` type).
- ``xl/worksheets/sheet1.xml`` and ``xl/workbook.xml``: the config sheet ``kinerja.conf``.
- no absolute path of the template's author in ``xl/workbook.xml``; ``docProps/core.xml`` names
  Kinerja as title and author (the template names xlwings' author).
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from xlwings_app.addin.config_sheet import CONFIG_NAME, SHEET_NAME, AddinConfig, sheet_xml
from xlwings_app.addin.vba_project import (
    VbaModule,
    read_vba_project,
    standard_module_from_bas,
    with_modules,
    write_vba_project,
)
from xlwings_app.resources import resource_dir

PROJECT_NAME = "Kinerja"
TEMPLATE_NAME = "quickstart_addin_ribbon.xlam"
TEMPLATE_RIBBON_MODULE = "RibbonMyAddin"
CUSTOM_UI_PART = "customUI/customUI14.xml"
_TEMPLATE_CUSTOM_UI_PART = "customUI/customUI.xml"
_VBA_PART = "xl/vbaProject.bin"
_SHEET_PART = "xl/worksheets/sheet1.xml"
_WORKBOOK_PART = "xl/workbook.xml"
_RELS_PART = "_rels/.rels"
_CORE_PART = "docProps/core.xml"
_CUSTOM_UI_REL = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
TEMP_PREFIX = ".kinerja-"
"""Temporary files while writing: ``.kinerja-XXXX.tmp``, an extension Excel does not open."""
_XLWINGS_PROJECT_CONST = re.compile(r'(Public Const PROJECT_NAME As String = )"[^"]*"')
_SERVER_COMMAND_PATHS = re.compile(
    r'(\n\s*PYTHONPATH = AddExcelDir & ";" & )ActiveWorkbook\.FullName & ";" & ThisWorkbook\.FullName( & ";")'
)
"""In xlwings' ``XLPyCommand`` (the command line that starts the UDF server): the active and the
add-in's workbook paths. The xlwings DLL keeps one Python per distinct command line, so the active
workbook's path in it starts a Python per workbook; and the DLL passes the line through the ANSI
code page, which cannot hold every file name. ``prepare_sys_path`` reads those two fields only when
the first is "true" (ADD_WORKBOOK_TO_PYTHONPATH), which Kinerja's config sets to False."""


class BuildError(RuntimeError):
    """The add-in could not be built (a missing or unexpected template, a bad macro file)."""


def template_path() -> Path:
    """The ribbon add-in template shipped inside the installed xlwings package."""
    import xlwings

    path = Path(xlwings.__file__).resolve().parent / TEMPLATE_NAME
    if not path.is_file():
        raise BuildError(f"Templat add-in xlwings tidak ditemukan: {path}")
    return path


def macro_modules(macros: Path | None = None) -> list[VbaModule]:
    """Our standard modules: every ``*.bas`` in macros/, in name order."""
    folder = macros or resource_dir("macros")
    files = sorted(folder.glob("*.bas"))
    if not files:
        raise BuildError(f"Tidak ada modul VBA (*.bas) di {folder}")
    return [standard_module_from_bas(path) for path in files]


def xlwings_module_source(source: str) -> str:
    """xlwings' VBA module with Kinerja's two changes: PROJECT_NAME ``kinerja`` (the config sheet
    and file), and no workbook path in the UDF server's command line (``_SERVER_COMMAND_PATHS``):
    one long-lived Python per Excel, whichever workbook is active."""
    source, count = _XLWINGS_PROJECT_CONST.subn(rf'\1"{CONFIG_NAME}"', source)
    if count != 1:
        raise BuildError("Konstanta PROJECT_NAME tidak ditemukan di modul xlwings templat")
    start = source.find("Function XLPyCommand()")
    end = source.find("End Function", start)
    if start < 0 or end < 0:
        raise BuildError("Fungsi XLPyCommand tidak ditemukan di modul xlwings templat")
    body, count = _SERVER_COMMAND_PATHS.subn(r'\1";"\2', source[start:end])
    if count != 1:
        raise BuildError("Baris PYTHONPATH di XLPyCommand modul xlwings templat tidak dikenali")
    return source[:start] + body + source[end:]


def build_vba_project(template_bin: bytes, ours: Sequence[VbaModule]) -> bytes:
    """The template's project with its ribbon module replaced by ``ours``."""
    project = read_vba_project(template_bin)
    kept = []
    for module in project.modules:
        if module.name == TEMPLATE_RIBBON_MODULE:
            continue
        if module.name == "xlwings":
            module = VbaModule(module.name, module.kind, xlwings_module_source(module.source), module.docstring)
        kept.append(module)
    if len(kept) == len(project.modules):
        raise BuildError(f"Modul {TEMPLATE_RIBBON_MODULE} tidak ada di templat")
    return write_vba_project(with_modules(project, PROJECT_NAME, [*kept, *ours]))


def build_xlam(
    target: Path,
    config: AddinConfig | None = None,
    macros: Path | None = None,
    template: Path | None = None,
    temp_dir: Path | None = None,
) -> Path:
    """Write the add-in to ``target`` (atomically: a temporary file, then a rename).

    The temporary file is ``.kinerja-XXXX.tmp`` in ``temp_dir`` (default: the target's folder; it
    must be on the same volume). ``pasang`` puts it beside XLSTART, not in it.
    """
    macros = macros or resource_dir("macros")
    custom_ui = (macros / "customUI.xml").read_bytes()
    parts = _read_zip(template or template_path())
    for part in (_VBA_PART, _SHEET_PART, _WORKBOOK_PART, _RELS_PART, _TEMPLATE_CUSTOM_UI_PART):
        if part not in parts:
            raise BuildError(f"Bagian {part} tidak ada di templat add-in")
    parts[_VBA_PART] = build_vba_project(parts[_VBA_PART], macro_modules(macros))
    del parts[_TEMPLATE_CUSTOM_UI_PART]
    parts[CUSTOM_UI_PART] = custom_ui
    parts[_RELS_PART] = _point_rels_to_custom_ui14(parts[_RELS_PART].decode("utf-8")).encode()
    parts[_SHEET_PART] = sheet_xml(config or AddinConfig(), _sheet_code_name(parts)).encode()
    parts[_WORKBOOK_PART] = _rename_config_sheet(parts[_WORKBOOK_PART].decode("utf-8")).encode()
    if _CORE_PART in parts:
        parts[_CORE_PART] = _kinerja_core_properties(parts[_CORE_PART].decode("utf-8")).encode()
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_zip_atomically(target, parts, temp_dir or target.parent)
    return target


def _read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_zip_atomically(target: Path, parts: dict[str, bytes], temp_dir: Path) -> None:
    handle, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=temp_dir)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            ordered = ["[Content_Types].xml", *sorted(p for p in parts if p != "[Content_Types].xml")]
            for name in ordered:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, parts[name])
        os.chmod(temporary, 0o644)  # mkstemp makes it private; an add-in is an ordinary file
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _point_rels_to_custom_ui14(rels: str) -> str:
    pattern = re.compile(r'<Relationship [^>]*Target="/?customUI/customUI\.xml"[^>]*/>')
    replacement = f'<Relationship Id="kinerjaRibbon" Type="{_CUSTOM_UI_REL}" Target="{CUSTOM_UI_PART}"/>'
    new, count = pattern.subn(replacement, rels)
    if count != 1:
        raise BuildError("Relasi customUI tidak ditemukan di _rels/.rels templat")
    return new


def _kinerja_core_properties(core: str) -> str:
    """Title and author Kinerja; the template's last-modified-by and dates left out."""
    for tag, value in (("dc:title", PROJECT_NAME), ("dc:creator", PROJECT_NAME)):
        core = re.sub(rf"<{tag}\s*/>|<{tag}>[^<]*</{tag}>", f"<{tag}>{value}</{tag}>", core)
    core = re.sub(r"<cp:lastModifiedBy>[^<]*</cp:lastModifiedBy>|<cp:lastModifiedBy\s*/>", "", core)
    return core


def _sheet_code_name(parts: dict[str, bytes]) -> str:
    match = re.search(r'<sheetPr[^>]*codeName="([^"]+)"', parts[_SHEET_PART].decode("utf-8"))
    if not match:
        raise BuildError("codeName lembar konfigurasi tidak ditemukan di templat")
    return match.group(1)


def _rename_config_sheet(workbook: str) -> str:
    new, count = re.subn(r'<sheet name="[^"]*"', f'<sheet name="{SHEET_NAME}"', workbook)
    if count != 1:
        raise BuildError("Templat add-in harus berisi tepat satu lembar")
    return re.sub(r"<mc:AlternateContent\b.*?</mc:AlternateContent>", "", new, flags=re.DOTALL)
