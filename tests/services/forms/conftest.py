"""Shared set-up of the form tests: the example master, its forms, and reading cells back."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.ready import example_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.services.formulir import formulir

TW4 = Periode.TW4


def build_master(path: Path, **profil: object) -> Path:
    """The example master at ``path`` (a copy of the one built once per run: ``tests.ready``)."""
    return example_workbook(path, spare_rows=3, **profil)


@pytest.fixture
def master(tmp_path: Path) -> Path:
    """The example workbook (Kecamatan Lumajang 2024)."""
    return build_master(tmp_path / "induk.xlsx")


@pytest.fixture
def forms(master: Path, tmp_path: Path) -> dict[str, Path]:
    """The TW4 forms of the example, by penanggung jawab."""
    result = formulir(master, tmp_path / "formulir", TW4)
    assert result.valid
    return {pj: Path(path) for pj, path, _ in result.formulir}


@pytest.fixture
def outside(tmp_path: Path) -> Callable[[Path], Path]:
    """Move a form out of the forms folder (to deliver it separately)."""

    def move(path: Path) -> Path:
        target = tmp_path / "lain" / path.name
        target.parent.mkdir(exist_ok=True)
        shutil.move(path, target)
        return target

    return move


def cell_value(path: Path, sheet: str, address: str) -> object:
    return load_workbook(path)[sheet][address].value


def find_cell(path: Path, sheet: str, kode: str, header: str) -> str:
    """Address of column ``header`` in the row of ``kode`` (any sheet whose header row has 'Kode')."""
    ws = load_workbook(path)[sheet]
    header_row, col = 0, 0
    for row in ws.iter_rows(max_row=60):
        if row[0].value == "Kode":
            header_row = row[0].row
            col = next(c.column_letter for c in row if c.value == header)
            break
    for row in ws.iter_rows(min_row=header_row + 1):
        if row[0].value == kode:
            return f"{col}{row[0].row}"
    raise KeyError(kode)
