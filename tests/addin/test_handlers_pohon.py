"""Kertas Kerja and Rekapitulasi Tingkat buttons make the drafts ``kinerja pohon ... --draf`` makes.

Each button is pressed through xlwings' remote engine on the saved example workbook with its
performance tree; its document must carry the same text as the command's on a copy.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.addin.test_handlers_laporan import click
from tests.sheets.test_pohon import tree_workbook
from xlwings_app.cli import app

pytestmark = pytest.mark.libreoffice


def _text(docx: Path) -> bytes:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml")


@pytest.mark.parametrize(("button", "command", "stem"), [
    ("kertas_kerja", "kertas-kerja", "Kertas_Kerja_Pengukuran_Kinerja_2024_TW3_DRAF"),
    ("rekapitulasi_pohon", "rekapitulasi", "Rekapitulasi_Pengukuran_Kinerja_2024_TW3_DRAF"),
])  # fmt: skip
def test_the_button_makes_the_draft_the_command_makes(tmp_path: Path, button: str, command: str, stem: str) -> None:
    path = tree_workbook(tmp_path / "kinerja.xlsx")
    copy = tmp_path / "cli" / path.name
    copy.parent.mkdir()
    shutil.copy(path, copy)
    result = CliRunner().invoke(app, ["pohon", command, str(copy), "--draf"])
    assert result.exit_code == 0, result.output
    [alert] = click(button, load_workbook(path), str(path))
    made = path.parent / f"{stem}.docx"
    assert made.exists() and stem in alert and "(draf)" in alert, alert
    assert _text(made) == _text(copy.parent / f"{stem}.docx")
