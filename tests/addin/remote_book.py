"""Test side of xlwings' remote engine: a payload from an openpyxl workbook, and an applier.

``payload(wb)`` is what the xlwings client would send for the workbook (its sheets' values);
``xw.Book(json=payload(wb))`` is then a real xlwings Book whose calls become actions, and
``apply(actions, wb)`` plays the actions this project's handlers use back onto the openpyxl
workbook. Unknown actions fail loudly, so a handler cannot do something the test ignores.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import xlwings as xw
from openpyxl import Workbook


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def payload(wb: Workbook, active: str | None = None) -> dict[str, Any]:
    sheets = []
    for ws in wb.worksheets:
        values = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)] or [[""]]
        sheets.append({"name": ws.title, "values": values, "pictures": [], "tables": []})
    index = wb.sheetnames.index(active) if active else wb.sheetnames.index(wb.active.title)
    return {
        "client": "Microsoft Excel",
        "version": xw.__version__,
        "book": {"name": "kinerja.xlsx", "active_sheet_index": index, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }


def apply(actions: list[dict[str, Any]], wb: Workbook) -> list[str]:
    """Apply ``actions`` to ``wb``; return the texts of the message boxes shown."""
    alerts = []
    for action in actions:
        func, args = action["func"], action["args"]
        if func == "activateSheet":
            wb.active = args[0]
        elif func == "alert":
            alerts.append(args[0])
        else:
            raise AssertionError(f"aksi xlwings belum didukung applier uji: {func}")
    return alerts
