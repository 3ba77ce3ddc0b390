"""The master's "%" realisasi a hundred times off is an error at its cell (kinerja periksa, hitung)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import cell_of, edit
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.cli import app
from xlwings_app.domain.indicator import Jenis
from xlwings_app.sheets import layout as L

SHEET = L.layout().tables[Jenis.IKI].sheet


def _type(path: Path, kode: str, key: str, value: object, fmt: str) -> str:
    address = cell_of(path, Jenis.IKI, kode, key)

    def change(wb: object) -> None:
        cell = wb[SHEET][address]  # type: ignore[index]
        cell.value, cell.number_format = value, fmt

    edit(path, change)
    return address


@pytest.mark.parametrize(("value", "fmt", "said"), [
    (0.682, "General", "tertulis 0,682, padahal targetnya 75%: mungkin maksudnya 68,2%"),
    (0.682, 'General"%"', "tertulis 0,682, padahal targetnya 75%: mungkin maksudnya 68,2%"),
    (68.2, "0.00%", "tampil 6.820%, padahal targetnya 75%: mungkin maksudnya 68,2%"),
])  # fmt: skip
def test_periksa_names_the_cell_and_what_was_meant(example_path: Path, value: float, fmt: str, said: str) -> None:
    address = _type(example_path, "IKI-KEU-01", "r3", value, fmt)
    wrong = [p for p in read_workbook(example_path).errors if p.sel == address]
    assert len(wrong) == 1 and said in wrong[0].pesan and wrong[0].sheet == SHEET
    run = CliRunner().invoke(app, ["periksa", str(example_path), "--json"])
    assert run.exit_code == 2
    assert any(p["sel"] == address and said in p["pesan"] for p in json.loads(run.stdout)["masalah"])


@pytest.mark.parametrize(("value", "fmt"), [(0.682, "0%"), (68.2, "General"), (0.005, "0.0%"), (0, "General")])
def test_a_percentage_as_typed_is_no_error(example_path: Path, value: float, fmt: str) -> None:
    address = _type(example_path, "IKI-KEU-01", "r3", value, fmt)
    assert not [p for p in read_workbook(example_path).errors if p.sel == address]


def test_a_unit_that_is_no_percentage_is_not_judged(example_path: Path) -> None:
    address = _type(example_path, "IKI-PEM-01", "r3", 0.5, "General")  # "kegiatan", target 3
    assert not [p for p in read_workbook(example_path).errors if p.sel == address]
