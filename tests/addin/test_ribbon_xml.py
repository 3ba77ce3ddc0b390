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
    "Buat Lembar Isian",
    "Ekspor Formulir",
    "Impor Formulir",
    "Periksa Data",
    "Hitung Capaian",
    "Periksa Waktu SOP",
    "Catat Waktu Langkah",
    "Dokumen Pengukuran",
    "PDF",
    "Dokumen IKI",
    "Arsipkan",
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
    assert groups == ["Data", "Hitung", "Laporan", "Bantuan"]


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
    assert "XLPy.Exec pythonCall" in source and "RunPython pythonCall" in source
