"""Rencana Kinerja, Perjanjian Kinerja and PK Pejabat buttons make what the commands make.

Each button is pressed through xlwings' remote engine on the saved example workbook; its documents
must carry the same text as ``kinerja rencana`` / ``kinerja perjanjian [--iki]`` on a copy.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.addin.test_handlers_laporan import cli, click
from xlwings_app.domain.indicator import Jenis

pytestmark = pytest.mark.libreoffice


def _text(docx: Path) -> bytes:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml")


@pytest.mark.parametrize(
    ("button", "command"),
    [("rencana_kinerja", ["rencana"]), ("perjanjian_kinerja", ["perjanjian"]), ("pk_pejabat", ["perjanjian", "--iki"])],
)
def test_the_button_makes_the_documents_the_command_makes(
    example_path: Path, tmp_path: Path, button: str, command: list[str]
) -> None:
    copy, _ = cli(tmp_path, example_path, *command)
    by_cli = {p.name: p for p in copy.parent.glob("*.docx")}
    [alert] = click(button, load_workbook(example_path), str(example_path))
    made = {p.name: p for p in example_path.parent.glob("*.docx")}
    assert made and set(made) == set(by_cli), alert
    for name, path in made.items():
        assert _text(path) == _text(by_cli[name]), name
        assert name.removesuffix(".docx") in alert
    if button == "pk_pejabat":
        assert len(made) > 1


def test_a_refused_document_is_a_message_naming_the_cell_and_nothing_is_written(
    example_path: Path, set_cell: Callable[[Path, Jenis, str, str, object], str]
) -> None:
    address = set_cell(example_path, Jenis.IKU, "IKU-01", "target_tahunan", "delapan puluh")
    [alert] = click("rencana_kinerja", load_workbook(example_path), str(example_path))
    assert address in alert and "Traceback" not in alert
    assert not list(example_path.parent.glob("*.docx"))
