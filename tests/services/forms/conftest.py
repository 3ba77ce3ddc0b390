"""Shared set-up of the form tests: the example master, its forms, and reading cells back."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.ready import example_workbook
from xlwings_app.domain.indicator import Periode

TW4 = Periode.TW4


def build_master(path: Path, **profil: object) -> Path:
    """The example master at ``path`` (a copy of the one built once per run: ``tests.ready``)."""
    return example_workbook(path, spare_rows=3, **profil)


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
