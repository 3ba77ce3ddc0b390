"""The SOP workbook's layout (sheets SOP, Kalender, Log Langkah and Hasil SOP), declared once,
and where each SOP of a workbook lives (``SopPlace``: the first in the plain sheets, each further
one in "SOP <name>", "Log <name>", "Hasil SOP <name>").

The sheet names are ``[sheets]`` of workbook/layout.toml; the rows, columns and formats here are
shared by the openpyxl writer (``adapters.openpyxl.sop_sheets``), the reader
(``sheets.sop_sheet``, ``sheets.kalender``, ``sheets.log``) and the ribbon. Nothing here imports an engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
PLACE_NAME_MAX = 31 - len(SHEET_HASIL) - 1
"""Longest SOP name in a sheet name: "Hasil SOP <name>" must fit Excel's 31 characters."""


@dataclass(frozen=True)
class SopPlace:
    """Where one SOP of the workbook lives, so that several SOPs sit side by side, each with its log.

    The workbook's first SOP has the plain sheets SOP, Log Langkah and Hasil SOP (as always);
    each further one is named: SOP Perencanaan, Log Perencanaan, Hasil SOP Perencanaan. The
    sheet Kalender is shared by all.
    """

    nama: str = ""

    @property
    def sop(self) -> str:
        return f"{SHEET_SOP} {self.nama}" if self.nama else SHEET_SOP

    @property
    def log(self) -> str:
        return f"Log {self.nama}" if self.nama else SHEET_LOG

    @property
    def hasil(self) -> str:
        return f"{SHEET_HASIL} {self.nama}" if self.nama else SHEET_HASIL

    @property
    def suffix(self) -> str:
        """What the place adds to Table names (letters and digits of its name)."""
        return re.sub(r"[^0-9A-Za-z]", "", self.nama)

    @property
    def log_table(self) -> str:
        return LOG_TABLE + self.suffix


DEFAULT_PLACE = SopPlace()


def short_name(sop_nama: str) -> str:
    """The name of an SOP as a sheet suffix: "Prosedur Penyusunan Perencanaan Kinerja" -> "Perencanaan"."""
    text = re.sub(r"^\s*(prosedur\s+)?(penyusunan\s+)?", "", sop_nama, flags=re.IGNORECASE)
    text = re.sub(r"\s+kinerja\s*$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[\\/?*\[\]:']", " ", text)
    return " ".join(text.split()).title()[:PLACE_NAME_MAX].strip() or "Lain"


def places_in(sheetnames: Iterable[str]) -> list[SopPlace]:
    """The SOPs a workbook holds, by its sheet names: SOP first, then every "SOP <name>"."""
    names = list(sheetnames)
    found = [DEFAULT_PLACE] if SHEET_SOP in names else []
    prefix = SHEET_SOP + " "
    return found + [SopPlace(n[len(prefix):].strip()) for n in names if n.startswith(prefix) and n[len(prefix):].strip()]
