"""The SOP workbook's layout (sheets SOP, Kalender, Log Langkah and Hasil SOP), declared once.

The sheet names are ``[sheets]`` of workbook/layout.toml; the rows, columns and formats here are
shared by the openpyxl writer (``adapters.openpyxl.sop_sheets``), the reader
(``adapters.xlsx.sop_reader``) and the ribbon. Nothing here imports an engine.
"""

from __future__ import annotations

from xlwings_app.domain.sop.log import LABELS
from xlwings_app.sheets import layout as L

SHEET_SOP, SHEET_KALENDER, SHEET_LOG, SHEET_HASIL = L.SHEET_SOP, L.SHEET_KALENDER, L.SHEET_LOG, L.SHEET_HASIL_SOP
SOP_IDENTITY_ROW = 4
"""First row of the identity block: label in A (merged A:B), value in C (merged to the last column)."""
SOP_IDENTITY_VALUE_COLUMN = 3
SOP_SPARE_STEPS = 10
KALENDER_HEADER_ROW = 4
"""Header row of the three Kalender tables; Senin..Minggu in rows 5-11 (columns A-E)."""
KALENDER_NATIONAL = "B13"
"""Ya/Tidak: national holidays count."""
KALENDER_LIST_ROWS = 120
"""Rows read in each date list (Hari Libur Tambahan in G:H, Hari Kerja Tambahan in J:K)."""
KALENDER_OFF_COLUMN, KALENDER_WORK_COLUMN, KALENDER_INFO_COLUMN = 7, 10, 13
LOG_HEADER_ROW = 4
LOG_TABLE = "TabelLogLangkah"
LOG_HEADERS = (
    LABELS["periode"],
    LABELS["langkah"],
    "Kegiatan",
    "Peran",
    LABELS["pelaksana"],
    LABELS["mulai"],
    LABELS["selesai"],
    LABELS["catatan"],
)
"""Kegiatan and Peran are copied from the SOP for reading ease; the reader ignores them."""
LOG_INFO = ("Kegiatan", "Peran")
LOG_WIDTHS = (9, 8, 44, 18, 22, 17, 17, 30)
LOG_VALIDATED_ROWS = 2000
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
DATE_FORMAT = "dd-mm-yyyy"
TIME_FORMAT = "hh:mm"
EXCEL_2000 = 36526
"""Excel's serial number of 1 Januari 2000: the earliest date a log accepts."""
