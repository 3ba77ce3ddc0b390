"""customUI.xml and the VBA dispatcher against the Python registry (a static cross-check)."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import pytest
from defusedxml import ElementTree as SafeET

from tests.addin.conftest import MACROS
from xlwings_app.ribbon import registry
from xlwings_app.ribbon.entry import resolve

NS = "{http://schemas.microsoft.com/office/2009/07/customui}"

# Buttons whose service has not landed yet, with the issue that adds their handler. A button id
# must be in the registry or here; once its handler is registered, remove it from this list.
PENDING: dict[str, int] = {}

REQUIRED_LABELS = [
    "Rencana Kinerja",
    "Perjanjian Kinerja",
    "PK Pejabat",
    "Buat Lembar Isian",
    "Ekspor Formulir",
    "Impor Formulir",
    "Tanda Terima",
    "Periksa Data",
    "Hitung Capaian",
    "Periksa Waktu SOP",
    "Catat Waktu Langkah",
    "Dokumen Pengukuran",
    "PDF",
    "Dokumen IKI",
    "Laporan Pengumpulan",
    "Laporan Pengumpulan Final",
    "Arsipkan",
    "Kertas Kerja",
    "Rekapitulasi Tingkat",
    "Evaluasi AKIP",
    "Lembar Disposisi",
    "Checklist Dokumen",
    "Tanda Terima Dokumen",
    "Formulir Rencana",
    "Impor Rencana",
    "Petunjuk",
]


@pytest.fixture(scope="module")
def root() -> Element:
    return SafeET.parse(MACROS / "customUI.xml").getroot()


@pytest.fixture(scope="module")
def buttons(root: Element) -> list[Element]:
    return list(root.iter(f"{NS}button"))


def test_custom_ui_is_well_formed_in_the_2009_namespace(root: Element) -> None:
    assert root.tag == f"{NS}customUI"
    tabs = list(root.iter(f"{NS}tab"))
    assert [t.get("label") for t in tabs] == ["Kinerja"]
    groups = [g.get("label") for g in tabs[0].iter(f"{NS}group")]
    assert groups == ["Perencanaan", "Data", "Hitung", "Laporan", "Administrasi", "Bantuan"]


def test_every_button_is_labelled_iconed_and_calls_on_action(buttons: list[Element]) -> None:
    assert [b.get("label") for b in buttons] == REQUIRED_LABELS
    for button in buttons:
        assert button.get("onAction") == "OnAction", button.get("id")
        assert button.get("imageMso"), button.get("id")
        assert button.get("screentip") and button.get("supertip"), button.get("id")


def test_button_ids_are_unique_python_names(buttons: list[Element]) -> None:
    ids = [b.get("id") for b in buttons]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)


def test_every_button_has_a_handler_or_is_pending_with_its_issue(buttons: list[Element]) -> None:
    ids = {b.get("id") for b in buttons}
    missing = ids - set(registry.HANDLERS) - set(PENDING)
    assert not missing, f"button tanpa handler dan tidak tercatat PENDING: {missing}"
    assert not set(registry.HANDLERS) & set(PENDING), "handler sudah ada: hapus dari PENDING"
    assert set(registry.HANDLERS) <= ids, "handler tanpa tombol di customUI.xml"
    assert set(PENDING) <= ids


def test_registered_handlers_exist(buttons: list[Element]) -> None:
    for button_id in registry.HANDLERS:
        assert callable(resolve(button_id))


def test_message_labels_match_the_ribbon(buttons: list[Element]) -> None:
    assert {b.get("id"): b.get("label") for b in buttons} == registry.LABELS


def test_vba_dispatcher_passes_the_button_id_and_addin_version_to_python() -> None:
    source = (MACROS / "KinerjaRibbon.bas").read_text(encoding="utf-8")
    assert "Public Sub OnAction(control As IRibbonControl)" in source
    match = re.search(
        r'pythonCall = "(.*)" & control\.Id & "(.*)" & GetConfig\("KINERJA_VERSI", ""\) & "(.*)"', source
    )
    assert match, "OnAction must hand control.Id and the add-in's version to Python"
    command = match.group(1) + "periksa_data" + match.group(2) + "0.1.0" + match.group(3)
    compile(command, "<RunPython>", "exec")
    assert command == "import xlwings_app.ribbon.entry as e; e.dispatch('periksa_data', addin_version='0.1.0')"
    assert "XLPy.Exec pythonCall" in source and "RunInOwnPython pythonCall" in source


def test_the_buttons_that_run_in_their_own_python_are_tagged_as_the_registry_says(buttons: list[Element]) -> None:
    tagged = {b.get("id") for b in buttons if b.get("tag") == "proses-sendiri"}
    assert tagged == registry.OWN_PROCESS
    assert {b.get("tag") for b in buttons} == {"proses-sendiri", None}


def _handler_calls(button_id: str) -> set[str]:
    """The ``live.*`` functions a handler calls, directly or through a helper of its module."""
    import ast
    import importlib
    import inspect

    module_name, _, function_name = registry.HANDLERS[button_id].partition(":")
    tree = ast.parse(inspect.getsource(importlib.import_module(module_name)))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    seen, todo, calls = set(), [function_name], set()
    while todo:
        name = todo.pop()
        if name in seen or name not in functions:
            continue
        seen.add(name)
        for node in ast.walk(functions[name]):
            if isinstance(node, ast.Call):
                called = ast.unparse(node.func)
                calls.add(called)
                todo.append(called)
    return {c for c in calls if c.startswith("live.")}


@pytest.mark.parametrize("button_id", sorted(registry.HANDLERS))
def test_a_button_that_works_on_the_saved_file_runs_in_its_own_python(button_id: str) -> None:
    """Fault 5: xlwings documents that a call into its UDF server times out after about 90 s
    (github.com/xlwings/xlwings/issues/1757, #120). The buttons that work on the saved file and
    write files beside it (documents, PDF, forms, the archive) run in their own Python; the ones
    that read and write only the open workbook keep the long-lived one."""
    on_file = bool(_handler_calls(button_id) & {"live.saved", "live.saved_path", "live.folder_of"})
    assert (button_id in registry.OWN_PROCESS) == on_file, button_id
