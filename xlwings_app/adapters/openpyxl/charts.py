"""Native Excel charts that are rebuilt from their sheet's own cells.

openpyxl does not read charts: a workbook it loads and saves loses them. So every chart Kinerja
makes is drawn by a function of its sheet's cells, listed in ``CHARTS`` by sheet name, and
``restore_charts`` redraws them all after any load-and-save (``adapters.xlsx.master.FileMaster.commit``).
A new chart is one more entry of ``CHARTS``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl.results import draw_rekap_charts
from xlwings_app.adapters.openpyxl.sop_results import draw_hasil_sop_chart
from xlwings_app.sheets import layout as L

ChartMaker = Callable[[Worksheet], None]

CHARTS: Mapping[str, ChartMaker] = {
    L.SHEET_REKAP: draw_rekap_charts,
    L.SHEET_HASIL_SOP: draw_hasil_sop_chart,
}
"""Sheet name -> the function drawing that sheet's charts from its cells."""

FAMILIES: frozenset[str] = frozenset({L.SHEET_HASIL_SOP})
"""Sheets of ``CHARTS`` whose chart is also drawn on every sheet named "<name> <SOP>" (a further
SOP's Hasil, e.g. Hasil SOP Perencanaan)."""


def restore_charts(wb: Workbook) -> None:
    """Redraw every listed sheet's charts (the sheet's old charts are dropped first)."""
    for name, maker in CHARTS.items():
        for sheet in wb.sheetnames:
            if sheet == name or (name in FAMILIES and sheet.startswith(name + " ")):
                ws = wb[sheet]
                ws._charts = []
                maker(ws)
