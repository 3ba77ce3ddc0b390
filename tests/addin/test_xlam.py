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
    assert "Tampilan Terproteksi (Protected View)" in guard and "Aktifkan Pengeditan" in guard
    assert "Belum ada workbook yang terbuka" in guard
    assert "Application.ActiveProtectedViewWindow" in procedures["ProtectedViewOpen"]
    assert "MsgBox PythonFailedMessage(Err.Description), vbExclamation, JUDUL" in on_action
    assert "Kinerja tidak dapat menjalankan Python" in procedures["PythonFailedMessage"]


def test_a_protected_view_window_behind_the_workbook_does_not_stop_the_click(built_xlam: Path) -> None:
    """Fault 8: Application.ActiveProtectedViewWindow names a Protected View window even when a
    normal workbook is in front (a Kasi's e-mailed form left open behind it). The guard lets a click
    through whenever a workbook and its window are active, and asks about Protected View only
    when none is."""
    guard = _procedures(_decoded_vba(built_xlam)["KinerjaRibbon"])["WorkbookReady"]
    lines = [line.strip() for line in guard.split("\n")]
    ready = lines.index("WorkbookReady = True")
    assert lines[ready - 2 : ready + 2] == [
        "If Not ActiveWorkbook Is Nothing Then", "If Not ActiveWindow Is Nothing Then",
        "WorkbookReady = True", "Exit Function",
    ]  # fmt: skip
    assert lines.index("If ProtectedViewOpen() Then") > ready
    assert "ProtectedViewOpen" not in "\n".join(lines[:ready])
    assert guard.count("WorkbookReady = True") == 1


def test_a_button_tagged_for_its_own_python_never_runs_in_the_udf_server(built_xlam: Path) -> None:
    """Fault 5: a long button (tag="proses-sendiri") goes to xlwings' ExecuteWindows, a new Python
    with no COM time-out, whatever the user's config says about the UDF server; RunPython is not
    used, since it would take the UDF server when a user's config sets "USE UDF SERVER" True."""
    procedures = _procedures(_decoded_vba(built_xlam)["KinerjaRibbon"])
    on_action = procedures["OnAction"]
    assert "If control.Tag <> PROSES_SENDIRI And LongLivedPython() Then" in on_action
    assert on_action.index("If control.Tag <> PROSES_SENDIRI") < on_action.index("XLPy.Exec pythonCall")
    assert on_action.index("Else") < on_action.index("RunInOwnPython pythonCall")
    assert "RunPython" not in on_action.replace("RunInOwnPython", "")
    own = procedures["RunInOwnPython"]
    assert 'ExecuteWindows False, pythonCall, CStr(GetConfig("INTERPRETER_WIN", "python")), "false;;;;;;" & CStr(GetConfig("PYTHONPATH", ""))' in own
    assert 'Private Const PROSES_SENDIRI As String = "proses-sendiri"' in _decoded_vba(built_xlam)["KinerjaRibbon"]
    xlwings = _procedures(_decoded_vba(built_xlam)["xlwings"])
    assert "Function ExecuteWindows(IsFrozen As Boolean, PythonCommand As String, PYTHON_WIN As String" in xlwings["ExecuteWindows"]
    assert "WaitOnReturn As Boolean: WaitOnReturn = True" in xlwings["ExecuteWindows"]


def test_the_python_failed_message_names_pasang_bat_and_the_full_kinerja_path(built_xlam: Path) -> None:
    """Fault 3: kinerja.exe is not on PATH after pasang.bat; the message names pasang.bat, and
    kinerja.exe by the folder of the add-in's interpreter (pasang.bat's venv\\Scripts)."""
    procedures = _procedures(_decoded_vba(built_xlam)["KinerjaRibbon"])
    message = procedures["PythonFailedMessage"]
    assert "jalankan lagi pasang.bat" in message and '""" & KinerjaExe() & """ addin pasang' in message
    assert "jalankan: kinerja addin pasang" not in message
    exe = procedures["KinerjaExe"]
    assert 'interpreter = GetConfig("INTERPRETER_WIN", "")' in exe
    assert 'KinerjaExe = Left$(interpreter, InStrRev(interpreter, "\\")) & "kinerja.exe"' in exe


def test_every_udf_wrapper_first_skips_the_function_wizard_as_xlwings_generates_it(built_xlam: Path) -> None:
    """Fault 20: for a function declared ``@xw.func(call_in_wizard=False)`` the wrapper xlwings'
    ``generate_vba_wrapper`` writes begins with the Function Wizard guard (Excel's wizard calls a
    function on every keystroke). Ours are declared so and begin with xlwings' line. (xlwings.udfs
    imports pythoncom, so its generator is read from its source here.)"""
    import ast
    import inspect

    import xlwings

    from xlwings_app import udfs

    generator = ast.parse((Path(xlwings.__file__).parent / "udfs.py").read_text(encoding="utf-8"))
    [guard] = [
        ast.literal_eval(call.args[0])
        for node in ast.walk(generator)
        if isinstance(node, ast.If) and ast.unparse(node.test) == "not call_in_wizard"
        for call in ast.walk(node)
        if isinstance(call, ast.Call) and ast.unparse(call.func) == "vba.writeln"
    ]
    assert guard == 'If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function'
    declared = {
        node.name: [ast.unparse(d) for d in node.decorator_list]
        for node in ast.parse(inspect.getsource(udfs)).body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("KINERJA_")
    }
    assert all("xw.func(call_in_wizard=False)" in decorators for decorators in declared.values()), declared
    ours = {
        name: body.split("\n")[1].strip()
        for name, body in _procedures(_decoded_vba(built_xlam)["KinerjaUDF"]).items()
        if not body.startswith("Private ")
    }
    assert set(ours) == set(declared)
    assert set(ours.values()) == {guard}


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
