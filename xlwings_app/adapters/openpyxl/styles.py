"""Cell styles of the workbook: inputs look different from computed cells (legend in Petunjuk)."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # light yellow: you type here
COMPUTED_FILL = PatternFill("solid", fgColor="E7E6E6")  # grey: Kinerja computes this
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
PROBLEM_FILL = PatternFill("solid", fgColor="F8CBAD")  # orange: a problem was found here
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)
SUBTITLE_FONT = Font(italic=True, color="595959")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
"""Numbers sit at the top of their row like the wrapped text beside them."""
CENTER_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)

STATUS_FILLS = {
    "Tercapai": PatternFill("solid", fgColor="C6EFCE"),
    "Tidak Tercapai": PatternFill("solid", fgColor="FFC7CE"),
    "Belum Diisi": PatternFill("solid", fgColor="FFEB9C"),
    "Tidak Dapat Dihitung": PatternFill("solid", fgColor="D9D9D9"),
}
