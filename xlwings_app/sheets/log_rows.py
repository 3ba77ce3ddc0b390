"""The rows Kinerja writes into a step log (Log Langkah), as values: one row per ``LogEntry``.

A row holds the entry's Periode, Langkah, Pelaksana, Mulai, Selesai and Catatan, with Kegiatan and
Peran copied from the SOP (``log_row_values``). Every cell is an input cell (yellow, boxed); Kegiatan
and Peran are grey and wrap; Mulai and Selesai show a date (``DATE_FORMAT``) when the entry gives
a day only, else a date and time (``DATETIME_FORMAT``). Each row is as high as its wrapped text
needs in its column's width (``row_height``), so every spreadsheet shows it whole (LibreOffice and
some Excel builds do not fit a row themselves). ``log_rows_values`` gives the rows as a
``SheetValues``; the package writer (``adapters.xlsx.log_patch``) writes it, the openpyxl writer
(``adapters.openpyxl.sop_sheets.write_log_rows``) writes the same cells (a test compares them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime

from xlwings_app.domain.sop.log import LogEntry
from xlwings_app.domain.sop.model import Sop
from xlwings_app.sheets import palette as P
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.sop_layout import DATE_FORMAT, DATETIME_FORMAT, LOG_HEADERS, LOG_INFO

LINE_HEIGHT = 15
"""Points per line of text at the workbook's font (Calibri 11)."""
MAX_ROW_HEIGHT = 409
"""The highest row Excel allows (points)."""
CHARACTERS_PER_WIDTH = 1.15
"""Characters of wrapped text per unit of column width (a column 40 wide holds some 46)."""
NO_WIDTH = 10
"""The width counted for a column whose width is 0."""


def log_row_values(sop: Sop, entry: LogEntry) -> dict[str, object]:
    """One log row's cells by ``LOG_HEADERS`` title (Kegiatan and Peran copied from the SOP)."""
    step = sop.step(entry.langkah) if entry.langkah is not None else None
    return {
        "Periode": entry.periode,
        "Langkah": entry.langkah,
        "Kegiatan": step.kegiatan if step else None,
        "Peran": ", ".join(step.pelaksana) if step else None,
        "Pelaksana": entry.pelaksana or None,
        "Mulai": entry.mulai,
        "Selesai": entry.selesai,
        "Catatan": entry.catatan or None,
    }


def text_lines(value: object, width: float) -> int:
    """Lines the text ``value`` takes, wrapped in a column ``width`` wide (a line break starts a line)."""
    per_line = max(1, int((width or NO_WIDTH) * CHARACTERS_PER_WIDTH))
    return sum(-(-len(part) // per_line) or 1 for part in str(value).split("\n"))


def row_height(wrapped: Iterable[tuple[object, float]]) -> float:
    """The height (points) of a row whose wrapped cells hold these ``(value, column width)``."""
    lines = max((text_lines(value, width) for value, width in wrapped if value is not None), default=1)
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * max(1, lines))


def _date_only(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def log_rows_values(
    sheet: str, sop: Sop, entries: Sequence[LogEntry], first_row: int, width: Callable[[int], float]
) -> SheetValues:
    """``entries`` as the rows of log sheet ``sheet`` from ``first_row`` on, each as high as its
    text needs in the columns' widths (``width(column)``)."""
    values = SheetValues(sheet)
    for row, entry in enumerate(entries, start=first_row):
        cells = log_row_values(sop, entry)
        wrapped = []
        for col, header in enumerate(LOG_HEADERS, start=1):
            value = cells[header]
            values.cells[(row, col)] = value
            styles = [f"fill:{P.INPUT}", "box"]
            if header in LOG_INFO:
                styles += ["wrap", f"fill:{P.COMPUTED}"]
                wrapped.append((value, width(col)))
            if header in ("Mulai", "Selesai"):
                styles.append(f"format:{DATE_FORMAT if _date_only(value) else DATETIME_FORMAT}")
            for style in styles:
                values.style(style, row, col)
        values.style(f"height:{row_height(wrapped):g}", row, 1)
    return values
