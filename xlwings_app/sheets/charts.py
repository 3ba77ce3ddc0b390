"""A native bar chart of a sheet as an engine-free value: what it shows and where it sits.

A chart reads its own sheet's cells: ``series`` columns from ``header_row`` (the series titles)
down to ``last_row``, ``categories`` the labels in column ``category_col`` beside them. The
interpreters are ``adapters.openpyxl.results.add_bar_chart`` (a workbook openpyxl writes) and
``adapters.xlsx.chart_xml`` (the zip patch of ``kinerja hitung``), so both draw the same chart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BarChart:
    """Bars (``direction`` "bar", horizontal) or columns ("col") of ``series_cols`` over the rows
    ``header_row + 1 .. last_row``; anchored at ``anchor`` (top-left cell), ``width_cm`` ×
    ``height_cm``."""

    title: str
    direction: str
    series_cols: tuple[int, ...]
    category_col: int
    header_row: int
    last_row: int
    anchor: str
    value_axis_title: str | None = None
    legend: bool = True
    width_cm: float = 16
    height_cm: float = 7.5
