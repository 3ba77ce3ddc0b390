"""Typing into a distributed form as its filler does (by header and kode, then saving the .xlsx).

For the demo (``kinerja contoh``: the TW4 forms that come back), the bench and the tests: an
openpyxl writer standing in for the person at the keyboard.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from openpyxl import load_workbook

from xlwings_app.domain.indicator import Periode
from xlwings_app.forms.spec import form_columns
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import excel_value


def fill_form(path: Path, values: Mapping[str, Mapping[str, object]], sheet: str | None = None) -> None:
    """Type ``values`` (kode → column key → value) into the form sheet of ``path`` and save it.

    Columns are found by header, rows by kode, as a person would; text is typed as text.
    """
    wb = load_workbook(path)
    ws = wb[sheet or wb.sheetnames[0]]
    wanted = {L.normalise_header(c.header): c.key for c in form_columns(Periode.TW4)}
    header_row, keys = 0, {}
    for row in ws.iter_rows(max_row=60):
        if L.normalise_header(row[0].value) == "kode":
            header_row = row[0].row
            keys = {wanted[L.normalise_header(c.value)]: c.column for c in row if c.value}
            break
    for row in ws.iter_rows(min_row=header_row + 1):
        kode = row[0].value
        for key, value in values.get(str(kode), {}).items():
            cell = ws.cell(row[0].row, keys[key])
            cell.value = excel_value(value)
            if isinstance(cell.value, str):
                cell.data_type = "s"
    wb.save(path)


def set_status(path: Path, status: str, sheet: str | None = None) -> None:
    """Choose ``status`` (Draf/Final) in the form's "Status formulir" cell, as the filler does."""
    wb = load_workbook(path)
    ws = wb[sheet or wb.sheetnames[0]]
    for row in ws.iter_rows(max_row=40):
        if L.normalise_header(row[0].value).startswith(L.normalise_header("Status formulir")):
            ws.cell(row[0].row, 2).value = status
            break
    wb.save(path)
