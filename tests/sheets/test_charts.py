"""sheets.charts: a chart is a value; Rekap's charts read their own sheet's cells."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from xlwings_app.sheets.charts import BarChart


def test_a_chart_is_a_frozen_value_with_default_size() -> None:
    chart = BarChart("Predikat", "col", (2, 3), 1, 10, 15, "H4")
    assert (chart.width_cm, chart.height_cm, chart.legend, chart.value_axis_title) == (16, 7.5, True, None)
    assert chart == BarChart("Predikat", "col", (2, 3), 1, 10, 15, "H4")
    with pytest.raises(FrozenInstanceError):
        chart.title = "Lain"  # type: ignore[misc]
