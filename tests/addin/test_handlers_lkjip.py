"""The LKjIP button makes what ``kinerja lkjip`` makes: the draft while sheet Narasi LKjIP lacks a
required piece (the message counts them), the final once it is complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.addin.test_handlers_laporan import click
from xlwings_app.samples import example_lkjip as E
from xlwings_app.services.contoh_lkjip import write_workbook

pytestmark = pytest.mark.libreoffice


@pytest.mark.parametrize(("tulisan", "made", "said"), [
    ([], "LKjIP_2024_DRAF", "9 isian bertanda [Belum ditulis]"),
    (E.NARASI, "LKjIP_2024", "final dibuat"),
])  # fmt: skip
def test_the_button_makes_the_draft_or_the_final(tmp_path: Path, tulisan: list, made: str, said: str) -> None:
    path = tmp_path / "kinerja.xlsx"
    write_workbook(path, tulisan)
    [alert] = click("lkjip", load_workbook(path), str(path))
    assert said in alert and made in alert, alert
    assert (tmp_path / f"{made}.docx").is_file()
