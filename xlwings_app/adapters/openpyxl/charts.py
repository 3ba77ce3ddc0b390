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


def register(sheet: str) -> Callable[[ChartMaker], ChartMaker]:
    """Decorator: ``maker(ws)`` draws the charts of sheet ``sheet`` from its cells."""

    def add(maker: ChartMaker) -> ChartMaker:
        _MAKERS[sheet] = maker
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
        if name in wb.sheetnames:
            ws = wb[name]
            ws._charts = []
            maker(ws)
