"""Typing into a Formulir Rencana Kinerja as its official does (the demo and the tests).

Cells are found by the form's own layout (``sheets.formulir_rencana``): an indicator's row by its
Kode, a new indicator in the next row marked "Baru"; columns by their keys.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import load_workbook

from xlwings_app.sheets import formulir_rencana as F


def fill_planning_form(path: Path, values: Mapping[str, Mapping[str, object]],
                       new: Sequence[Mapping[str, object]] = ()) -> None:  # fmt: skip
    """Type ``values`` (kode -> column key -> value) and the ``new`` rows into the form at ``path``."""
    wb = load_workbook(path)
    ws = wb[F.SHEET]
    col = {key: n for n, key in enumerate(F.COLUMNS, start=1)}
    blank = []
    for row in range(F.HEADER_ROW + 1, ws.max_row + 1):
        kode = ws.cell(row, col["kode"]).value
        if kode in values:
            for key, value in values[kode].items():
                ws.cell(row, col[key], value)
        elif ws.cell(row, col["status"]).value == F.BARU:
            blank.append(row)
    for row, fields in zip(blank, new, strict=False):
        for key, value in fields.items():
            ws.cell(row, col[key], value)
    wb.save(path)
