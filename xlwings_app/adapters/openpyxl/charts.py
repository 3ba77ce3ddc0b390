"""Native Excel charts that are rebuilt from their sheet's own cells.

openpyxl does not read charts: a workbook it loads and saves loses them. So every chart Kinerja
makes is drawn by a function of its sheet's cells, registered here by sheet name, and
``restore_charts`` redraws them all after any load-and-save (``services.workbook.save``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

ChartMaker = Callable[[Worksheet], None]
_MAKERS: dict[str, ChartMaker] = {}
_FAMILIES: set[str] = set()


def register(sheet: str, family: bool = False) -> Callable[[ChartMaker], ChartMaker]:
    """Decorator: ``maker(ws)`` draws the charts of sheet ``sheet`` from its cells; with ``family``
    also of every sheet named "``sheet`` <name>" (e.g. Hasil SOP Perencanaan)."""

    def add(maker: ChartMaker) -> ChartMaker:
        _MAKERS[sheet] = maker
        if family:
            _FAMILIES.add(sheet)
        return maker

    return add


CHART_MODULES = ("xlwings_app.adapters.openpyxl.results", "xlwings_app.adapters.openpyxl.sop_results")
"""The modules that register chart makers; imported before redrawing so that every process
(CLI, ribbon, tests) redraws every chart, whichever module it happened to import."""


def restore_charts(wb: Workbook) -> None:
    """Redraw every registered sheet's charts (the sheet's old charts are dropped first)."""
    for module in CHART_MODULES:
        importlib.import_module(module)
    for name, maker in _MAKERS.items():
        for sheet in wb.sheetnames:
            if sheet == name or (name in _FAMILIES and sheet.startswith(name + " ")):
                ws = wb[sheet]
                ws._charts = []
                maker(ws)
