"""The built Kinerja.xlam: its parts, read back by olevba and opened by headless LibreOffice."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET
from oletools.olevba import VBA_Parser

from tests.addin.conftest import MACROS, bas_sources
from xlwings_app import __version__
from xlwings_app.addin.config_sheet import AddinConfig
from xlwings_app.addin.xlam import CUSTOM_UI_PART, build_xlam

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
UI_REL = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"


def _config_rows(xlam: Path) -> dict[str, str]:
    with zipfile.ZipFile(xlam) as archive:
        sheet = SafeET.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    rows = {}
    for row in sheet.iter(f"{MAIN}row"):
        cells = list(row)
        key = "".join(cells[0].itertext())
        value = cells[1]
        rows[key] = "".join(value.itertext()) if value.get("t") == "inlineStr" else value.findtext(f"{MAIN}v")
    return rows


def test_package_carries_our_ribbon_and_config_sheet(built_xlam: Path) -> None:
    with zipfile.ZipFile(built_xlam) as archive:
        names = set(archive.namelist())
        assert archive.read(CUSTOM_UI_PART) == (MACROS / "customUI.xml").read_bytes()
        rels = SafeET.fromstring(archive.read("_rels/.rels"))
        workbook = archive.read("xl/workbook.xml").decode()
        assert archive.testzip() is None
    assert "customUI/customUI.xml" not in names
    ui = [r for r in rels.iter(f"{RELS}Relationship") if r.get("Type") == UI_REL]
    assert [r.get("Target") for r in ui] == [CUSTOM_UI_PART]
    assert re.findall(r'<sheet name="([^"]+)"', workbook) == ["kinerja.conf"]
    assert "felix" not in workbook


def test_default_config_names_the_udf_module_and_no_interpreter(built_xlam: Path) -> None:
    rows = _config_rows(built_xlam)
    assert rows["UDF Modules"] == "xlwings_app.udfs"
    assert rows["ADD_WORKBOOK_TO_PYTHONPATH"] == "0"
    assert rows["KINERJA_VERSI"] == __version__
    assert "Interpreter_Win" not in rows  # an empty key would hide the user's config file


def test_conf_sheet_holds_only_what_kinerja_sets_on_purpose(built_xlam: Path) -> None:
    """The add-in's sheet is read before the user's kinerja.conf, so a key here could not be
    changed there: in particular no forced "Use UDF Server" or "Show Console"."""
    keys = {key.upper() for key in _config_rows(built_xlam)}
    assert keys == {"UDF MODULES", "ADD_WORKBOOK_TO_PYTHONPATH", "KINERJA_VERSI"}
    assert not keys & {"USE UDF SERVER", "SHOW CONSOLE", "DEBUG UDFS", "LICENSE_KEY"}


def test_document_properties_name_kinerja_not_the_template_author(built_xlam: Path) -> None:
    with zipfile.ZipFile(built_xlam) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "Felix" not in core and "Zumstein" not in core
    assert "<dc:creator>Kinerja</dc:creator>" in core
    assert "<dc:title>Kinerja</dc:title>" in core


def test_config_carries_interpreter_and_pythonpath(tmp_path: Path) -> None:
    config = AddinConfig(interpreter_win=r"C:\Python311\python.exe", pythonpath=r"C:\a & b")
    rows = _config_rows(build_xlam(tmp_path / "K.xlam", config))
    assert rows["Interpreter_Win"] == r"C:\Python311\python.exe"
    assert rows["PYTHONPATH"] == r"C:\a & b"


def test_olevba_reads_exactly_our_module_sources(built_xlam: Path) -> None:
    parser = VBA_Parser(str(built_xlam))
    assert parser.detect_vba_macros()
    found = {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    for name, source in bas_sources().items():
        assert found[name] in (source, source.replace("\r\n", "\n")), name


def test_build_is_reproducible(tmp_path: Path, built_xlam: Path) -> None:
    again = build_xlam(tmp_path / "again.xlam")
    assert again.read_bytes() == built_xlam.read_bytes()


LIBREOFFICE_HEADER = ("Rem Attribute VBA_ModuleType=VBAModule", "Option VBASupport 1")


@pytest.mark.libreoffice
def test_libreoffice_opens_the_addin_and_imports_our_modules(built_xlam: Path, tmp_path: Path) -> None:
    """LibreOffice loads the .xlam (its type detection needs the Excel 2007 filter named) and
    converts it to flat ODF, which embeds the VBA modules it imported as Basic source."""
    from xlwings_app.adapters.documents.libreoffice import find_soffice

    soffice = find_soffice()
    assert soffice, "LibreOffice (soffice) tidak terpasang: jalankan make libreoffice"
    out = tmp_path / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--infilter=Calc MS Excel 2007 XML",
            "--convert-to",
            "fods",
            "--outdir",
            str(out),
            str(built_xlam),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    fods = out / "Kinerja.fods"
    assert fods.exists(), "LibreOffice tidak dapat membuka add-in"
    root = SafeET.parse(fods).getroot()
    ooo = "{http://openoffice.org/2004/office}"
    libraries = {
        lib.get(f"{ooo}name"): {
            mod.get(f"{ooo}name"): mod.findtext(f"{ooo}source-code") or "" for mod in lib.iter(f"{ooo}module")
        }
        for lib in root.iter(f"{ooo}library-embedded")
    }
    assert "Kinerja" in libraries  # the VBA project name
    modules = libraries["Kinerja"]
    assert {"KinerjaRibbon", "KinerjaUDF", "xlwings"} <= set(modules)
    for name, source in bas_sources().items():
        lines = modules[name].split("\n")
        assert tuple(lines[:2]) == LIBREOFFICE_HEADER
        ours = [line for line in source.split("\r\n") if not line.startswith("Attribute ")]
        assert "\n".join(lines[2:]).rstrip() == "\n".join(ours).rstrip(), name
    sheets = [
        t.get("{urn:oasis:names:tc:opendocument:xmlns:table:1.0}name")
        for t in root.iter("{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table")
    ]
    assert sheets == ["kinerja.conf"]


def _decoded_vba(xlam: Path) -> dict[str, str]:
    parser = VBA_Parser(str(xlam))
    return {name.rsplit(".", 1)[0]: code.replace("\r\n", "\n") for _, _, name, code in parser.extract_macros()}


def _procedures(source: str) -> dict[str, str]:
    """Each Sub/Function of a module: its name and body, as VBA declares them."""
    found = re.findall(
        r"^((?:Public |Private )?(?:Sub|Function) (\w+)\(.*?^End (?:Sub|Function))$", source, re.M | re.S
    )
    return {name: body for body, name in found}


def test_decoded_ribbon_module_guards_the_click_before_python(built_xlam: Path) -> None:
    """No active workbook (Excel just started) or a file in Protected View: RunPython would stop
    at ``Set wb = ActiveWorkbook`` with error 91 and open the VBA editor; the guard answers first."""
    ribbon = _decoded_vba(built_xlam)["KinerjaRibbon"]
    procedures = _procedures(ribbon)
    on_action = procedures["OnAction"]
    assert on_action.index("On Error GoTo failed") < on_action.index("WorkbookReady()")
    assert on_action.index("If Not WorkbookReady() Then Exit Sub") < on_action.index("XLPy.Exec")
    guard = procedures["WorkbookReady"]
    assert "Application.ActiveProtectedViewWindow" in guard and "If ActiveWorkbook Is Nothing Then" in guard
    assert "Tampilan Terproteksi (Protected View)" in guard and "Aktifkan Pengeditan" in guard
    assert "Belum ada workbook yang terbuka" in guard
    assert "MsgBox PythonFailedMessage(Err.Description), vbExclamation, JUDUL" in on_action
    assert "Kinerja tidak dapat menjalankan Python" in procedures["PythonFailedMessage"]


def test_decoded_ribbon_module_runs_clicks_in_the_long_lived_python_by_default(built_xlam: Path) -> None:
    procedures = _procedures(_decoded_vba(built_xlam)["KinerjaRibbon"])
    setting = procedures["LongLivedPython"]
    assert 'GetConfig("USE UDF SERVER", "True")' in setting  # absent from every config: long-lived
    assert 'Case "FALSE", "0"' in setting and "LongLivedPython = False" in setting
    on_action = procedures["OnAction"]
    # What xlwings' own RunPython does when "USE UDF SERVER" is True, and RunPython otherwise.
    assert 'XLPy.SetAttr XLPy.Module("xlwings._xlwindows"), "BOOK_CALLER", ActiveWorkbook' in on_action
    xlwings = _decoded_vba(built_xlam)["xlwings"]
    assert 'XLPy.SetAttr XLPy.Module("xlwings._xlwindows"), "BOOK_CALLER", ActiveWorkbook' in xlwings
    assert 'OPTIMIZED_CONNECTION = GetConfig("USE UDF SERVER", False)' in xlwings


def test_every_entry_point_of_our_modules_has_an_error_handler(built_xlam: Path) -> None:
    """Ribbon callbacks and worksheet functions are what Excel calls; an error in one must become
    a message (callback) or a cell value (function), never the VBA editor."""
    decoded = _decoded_vba(built_xlam)
    entry_points = 0
    for module in bas_sources():
        for name, body in _procedures(decoded[module]).items():
            if body.startswith("Private "):
                continue
            entry_points += 1
            assert "On Error GoTo failed" in body and "\nfailed:\n" in body, f"{module}.{name}"
    assert entry_points == 5  # OnAction and the four KINERJA_* functions
