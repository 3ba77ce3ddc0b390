"""Shared fixtures: the built-in example workbook and small workbook-editing helpers."""

from __future__ import annotations

import os
import shutil

# xlwings decides at import whether its remote engine (``xw.Book(json=...)``) is available, from
# XLWINGS_LICENSE_KEY: the ribbon handler tests in every folder use it under the PolyForm
# Noncommercial license, so the key is set here, before anything imports xlwings.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from collections.abc import Callable  # noqa: E402
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.ready import example_workbook
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.sheets.layout import TITLE_ROWS, layout


@pytest.fixture
def example_path(tmp_path: Path) -> Path:
    """The built-in example workbook (inputs only; Hasil and Rekap not yet computed)."""
    return example_workbook(tmp_path / "kinerja.xlsx")  # built once per run, copied


@pytest.fixture
def master(tmp_path: Path) -> Path:
    """The example workbook as the forms' master (Kecamatan Lumajang 2024, three spare rows)."""
    return example_workbook(tmp_path / "induk.xlsx", spare_rows=3)  # built once per run, copied


@pytest.fixture
def forms(master: Path, tmp_path: Path) -> dict[str, Path]:
    """The TW4 forms of the example, by penanggung jawab."""
    from xlwings_app.services.formulir import formulir

    result = formulir(master, tmp_path / "formulir", Periode.TW4)
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


def cell_of(path: Path, jenis: Jenis, kode: str, key: str) -> str:
    """The address of column ``key`` in the row of indicator ``kode``."""
    table = layout().tables[jenis]
    ws = load_workbook(path, read_only=True)[table.sheet]
    header_row = TITLE_ROWS + 1
    headers = [c.value for c in next(ws.iter_rows(min_row=header_row, max_row=header_row))]
    col = headers.index(table.column(key).header) + 1
    kode_col = headers.index("Kode") + 1
    for index, row in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), start=header_row + 1):
        if row[kode_col - 1] == kode:
            from openpyxl.utils import get_column_letter

            return f"{get_column_letter(col)}{index}"
    raise KeyError(kode)


def edit(path: Path, change: Callable[..., None]) -> None:
    """Apply ``change(wb)`` to the workbook file (as a user editing it in Excel would)."""
    wb = load_workbook(path)
    change(wb)
    wb.save(path)


@pytest.fixture
def set_cell() -> Callable[[Path, Jenis, str, str, object], str]:
    """set_cell(path, jenis, kode, key, value) -> the edited cell's address."""

    def setter(path: Path, jenis: Jenis, kode: str, key: str, value: object) -> str:
        address = cell_of(path, jenis, kode, key)

        def change(wb: object) -> None:
            cell = wb[layout().tables[jenis].sheet][address]  # type: ignore[index]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"

        edit(path, change)
        return address

    return setter
