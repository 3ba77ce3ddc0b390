"""Typing into a distributed form as its filler does (by header and kode, then saving the .xlsx).

For the demo (``kinerja contoh``: the TW4 forms that come back), the bench and the tests: an
openpyxl writer standing in for the person at the keyboard.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from openpyxl import load_workbook

from xlwings_app.domain.analisis import FIELDS
from xlwings_app.domain.indicator import Periode
from xlwings_app.forms.checks import STATUS_LABEL
from xlwings_app.forms.spec import form_columns
from xlwings_app.sheets.forms import FORM_TABLE
from xlwings_app.sheets.grid import excel_value
from xlwings_app.sheets.table import TableSpec, find_header, read_fields


def fill_form(path: Path, values: Mapping[str, Mapping[str, object]], sheet: str | None = None) -> None:
    """Type ``values`` (kode → column key → value) into the form sheet of ``path`` and save it.

    Columns are found by header (the one table reader, ``sheets.table``), rows by kode, as a person
    would; text is typed as text. An analysis field without its period ("permasalahan") is the
    form's own period's column.
    """
    wb = load_workbook(path)
    ws = wb[sheet or wb.sheetnames[0]]
    headers = {c.key: c.header for p in (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4) for c in form_columns(p)}
    table = TableSpec(FORM_TABLE, headers, required=("kode",))
    header = find_header(enumerate(ws.iter_rows(values_only=True), start=1), table, ws.title)
    if header is None:
        raise ValueError(f"{path.name}: baris judul formulir tidak ditemukan")
    for row in ws.iter_rows(min_row=header.row + 1):
        kode = row[header.columns["kode"]].value
        for key, value in values.get(str(kode), {}).items():
            cell = ws.cell(row[0].row, header.columns[_own(key, header.columns)] + 1)
            cell.value = excel_value(value)
            if isinstance(cell.value, str):
                cell.data_type = "s"
    wb.save(path)


def _own(key: str, columns: Mapping[str, int]) -> str:
    """``key``, or for an analysis field named without its period ("permasalahan") the form's own
    column of it: the latest triwulan's (the earlier one is the read-only context)."""
    if key in columns or key not in FIELDS:
        return key
    return max((k for k in columns if k.startswith(f"{key}_tw")), default=key)


def set_status(path: Path, status: str, sheet: str | None = None) -> None:
    """Choose ``status`` (Draf/Final) in the form's "Status formulir" cell, as the filler does."""
    wb = load_workbook(path)
    ws = wb[sheet or wb.sheetnames[0]]
    found = read_fields(enumerate(ws.iter_rows(values_only=True), start=1), {"status": STATUS_LABEL})
    if "status" in found:
        ws[found["status"][1]].value = status
    wb.save(path)
