"""Sheet Hasil SOP written into the open workbook through xlwings (the ribbon's Periksa Waktu SOP).

The cells are ``sheets.sop_results.hasil_sop_values``, the ones ``kinerja sop periksa`` writes;
values in one call, then fonts, fills and number formats, the Table ``TabelHasilSOP``, and the
chart helper columns T:W hidden. The Gantt chart itself is not drawn here: a native chart needs
the desktop object model, which the remote engine lacks. The helper cells are written, so the
chart appears once ``kinerja sop periksa`` (or any Kinerja command that saves) runs on the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlwings_app.adapters.xlwings.book import replace_sheet, write_sheet
from xlwings_app.domain.sop.summary import PeriodSummary
from xlwings_app.sheets.sop_layout import DEFAULT_PLACE, SopPlace
from xlwings_app.sheets.sop_results import (
    CHART_COLUMN,
    RUN_HEADERS,
    RUNS_TABLE,
    RUNS_TOP,
    hasil_sop_values,
    runs_last_row,
)


def write_hasil_sop_live(
    book: Any,
    sop_nama: str,
    summaries: Sequence[PeriodSummary],
    chart_periode: str | None = None,
    place: SopPlace | None = None,
) -> None:
    """Replace sheet Hasil SOP (of ``place``, None: the first SOP) of the open workbook with the values
    ``kinerja sop periksa`` writes."""
    place = place or DEFAULT_PLACE
    values = hasil_sop_values(sop_nama, summaries, chart_periode, place)
    sheet = replace_sheet(book, place.hasil, after=place.log)
    write_sheet(sheet, values)
    table = sheet.range((RUNS_TOP, 1), (runs_last_row(values), len(RUN_HEADERS)))
    sheet.tables.add(source=table, name=RUNS_TABLE + place.suffix, table_style_name="TableStyleLight9")
    sheet.range((1, CHART_COLUMN), (1, CHART_COLUMN + 3)).columns.hidden = True
