"""The Tanda Terima Formulir (SOP Pengumpulan Data Kinerja step 6, "Bukti Tanda Terima formulir").

One row per distributed form: No, Penanggung Jawab, File Formulir, Jumlah Indikator, Tanggal
Diberikan, then three blank columns the recipient fills by hand (Nama Penerima, Tanda Tangan,
Tanggal Diterima); a signature block for the Tim SAKIP who hands them over. As values only
(``SheetValues``); ``adapters/openpyxl/tanda_terima.py`` writes the .xlsx, A4 portrait.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from xlwings_app.domain.formatting import tanggal
from xlwings_app.domain.indicator import Periode
from xlwings_app.sheets.grid import SheetValues

SHEET = "Tanda Terima"
FILE_PREFIX = "Tanda Terima Formulir"
"""Files named so in a forms folder are the receipt, not a form (``form_reader.form_files`` skips them)."""
HEADERS = (
    "No", "Penanggung Jawab", "File Formulir", "Jumlah Indikator", "Tanggal Diberikan",
    "Nama Penerima", "Tanda Tangan", "Tanggal Diterima",
)  # fmt: skip
WIDTHS = (5, 22, 30, 10, 17, 20, 16, 13)
HEADER_ROW = 6
ROW_HEIGHT = 34
"""Points: room for a handwritten name and signature."""


@dataclass(frozen=True)
class Diberikan:
    """One form handed over: to whom, which file (name only), how many indicators."""

    penanggung_jawab: str
    file: str
    jumlah_indikator: int


def file_name(periode: Periode) -> str:
    """ "Tanda Terima Formulir TW4.xlsx"."""
    return f"{FILE_PREFIX} {periode.value}.xlsx"


def tanda_terima_values(
    unit: str, tahun: int, periode: Periode, forms: Sequence[Diberikan], diberikan: dt.date, tempat: str
) -> SheetValues:
    """The receipt's cells: title, the forms table, the giver's signature block."""
    sheet = SheetValues(SHEET)
    tw = periode.label.replace("s.d. ", "")
    sheet.put(1, 1, ["TANDA TERIMA FORMULIR PENGUMPULAN DATA CAPAIAN KINERJA"], "title")
    sheet.put(2, 1, [f"{unit} — {tw} Tahun {tahun}"], "bold")
    sheet.put(3, 1, [f"Formulir dibagikan oleh Tim SAKIP pada {tanggal(diberikan)}. Penerima mengisi "
                     "nama, tanda tangan dan tanggal diterima."], "subtitle")  # fmt: skip
    sheet.put(4, 1, ["SOP Pengumpulan Data Kinerja langkah 6: Bukti Tanda Terima formulir."], "subtitle")
    sheet.put(HEADER_ROW, 1, HEADERS, "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    row = HEADER_ROW
    for no, form in enumerate(forms, start=1):
        row += 1
        sheet.put(row, 1, [no, form.penanggung_jawab, form.file, form.jumlah_indikator, tanggal(diberikan),
                           None, f"{no}.", None])  # fmt: skip
        sheet.style("box", row, 1, 1, len(HEADERS))
        sheet.style("wrap", row, 2, 1, 2)
    total = sum(f.jumlah_indikator for f in forms)
    row += 1
    sheet.put(row, 1, [None, f"Jumlah: {len(forms)} formulir", None, total], "bold")
    sheet.put(row + 2, 6, [f"{tempat}, {tanggal(diberikan)}"])
    sheet.put(row + 3, 6, ["Yang menyerahkan,"])
    sheet.put(row + 4, 6, ["Tim SAKIP"], "bold")
    sheet.put(row + 8, 6, ["(.................................................)"])
    return sheet
