"""Cell styles of the workbook as openpyxl objects, built from ``sheets.palette`` (its one colour list).

Inputs look different from computed cells (legend in Petunjuk).
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

from xlwings_app.sheets import palette as P


def fill(colour: str) -> PatternFill:
    """A solid fill of ``colour`` (RRGGBB)."""
    return PatternFill("solid", fgColor=colour)


INPUT_FILL = fill(P.INPUT)  # light yellow: you type here
COMPUTED_FILL = fill(P.COMPUTED)  # grey: Kinerja computes this
HEADER_FILL = fill(P.HEADER)
PROBLEM_FILL = fill(P.PROBLEM)  # orange: a problem was found here
HEADER_FONT = Font(bold=True, color=P.HEADER_TEXT)
TITLE_FONT = Font(bold=True, size=14)
SUBTITLE_FONT = Font(italic=True, color=P.SUBTITLE_TEXT)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
"""Numbers sit at the top of their row like the wrapped text beside them."""
CENTER_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
THIN = Side(style="thin", color=P.BORDER)
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)

STATUS_FILLS = {status: fill(colour) for status, colour in P.STATUS.items()}
