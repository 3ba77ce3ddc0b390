"""The workbook's colours, declared once (RRGGBB hex, no "#").

Every writer takes its colours from here: the openpyxl styles (``adapters/openpyxl/styles.py``)
build their fills and fonts from these values, the xlwings writers prefix a "#", and the sheet
layouts in ``sheets/`` name them in ``fill:<RRGGBB>`` spans. The legend in sheet Petunjuk
explains the input and computed colours to the user.
"""

from __future__ import annotations

INPUT = "FFF2CC"
"""Light yellow: the user types here."""
COMPUTED = "E7E6E6"
"""Grey: Kinerja computes this (locked)."""
PROBLEM = "F8CBAD"
"""Orange: a problem was found in this cell."""
HEADER = "1F4E78"
"""Dark blue header fill (white bold text)."""
HEADER_TEXT = "FFFFFF"
SUBTITLE_TEXT = "595959"
BORDER = "BFBFBF"
"""The thin grey cell border."""

STATUS = {
    "Tercapai": "C6EFCE",
    "Tidak Tercapai": "FFC7CE",
    "Belum Diisi": "FFEB9C",
    "Tidak Dapat Dihitung": "D9D9D9",
    "Tidak Ada Target": "DDEBF7",
}
"""Sheet Hasil's status cells, by ``domain.measure.Status`` value."""

SOP_STATUS = {
    "Tepat Waktu": "C6EFCE",
    "Terlambat": "FFC7CE",
    "Tanpa Standar": "DDEBF7",
    "Dicatat Otomatis": "EDEDED",
    "Belum Selesai": "FFEB9C",
    "Belum Dimulai": "D9D9D9",
    "Data Tidak Lengkap": "F8CBAD",
    "Urutan Salah": "E4DFEC",
}
"""Sheet Hasil SOP's status cells, by ``domain.sop.measure.STATUSES``."""

KABUPATEN_STATUS = {
    "Final, tersegel": "C6EFCE",
    "Tersegel, berubah sejak disegel": "FFEB9C",
    "Belum disegel": "DDEBF7",
    "Ada galat isian": "FFC7CE",
    "Tidak cocok dengan dokumen bertanda tangan": "FF9999",
    "Belum diterima": "D9D9D9",
}
"""The kabupaten rekap's unit states, by ``domain.kabupaten.Keadaan`` value."""

SOP_BARS = {"Tepat Waktu": "70AD47", "Terlambat": "C00000", "Urutan Salah": "7030A0"}
"""The Gantt chart's bar colours by status; any other status is ``SOP_BAR_OTHER``."""
SOP_BAR_OTHER = "A5A5A5"


def xlwings(colour: str) -> str:
    """``colour`` as xlwings takes it ("#RRGGBB")."""
    return f"#{colour}"
