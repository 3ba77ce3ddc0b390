"""The kabupaten's LKE ranking workbook (``kinerja lke kabupaten``): sheets Peringkat LKE and Bukti Dukung Unit.

Peringkat LKE: one row per unit, ranked (``domain.lke.peringkat.rank``): Peringkat, Unit, Tahun, the
score of each component, Nilai Akhir, Predikat, criteria answered, bukti dukung and how many are
verified against the unit's seals, the file read. Bukti Dukung Unit: every bukti dukung of every
unit with what the check found. Values only; ``adapters/openpyxl/lke.py`` writes them.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlwings_app.domain.lke.peringkat import BuktiStatus, LkeUnit
from xlwings_app.sheets import palette
from xlwings_app.sheets.grid import SheetValues

SHEET_PERINGKAT = "Peringkat LKE"
SHEET_BUKTI = "Bukti Dukung Unit"
HEADER_ROW = 3


def peringkat_values(ranked: Sequence[tuple[int, LkeUnit]], kabupaten: str) -> SheetValues:
    """Sheet Peringkat LKE."""
    sheet = SheetValues(SHEET_PERINGKAT)
    sheet.put(1, 1, [f"PERINGKAT EVALUASI AKIP MANDIRI PERANGKAT DAERAH {kabupaten.upper()}".strip()], "title")
    names = [c.component.nama for c in ranked[0][1].score.components] if ranked else []
    headers = ["Peringkat", "Unit", "Tahun", *names, "Nilai Akhir", "Predikat", "Kriteria Dijawab", "Bukti Dukung",
               "Bukti Terverifikasi", "File LKE"]  # fmt: skip
    sheet.put(HEADER_ROW, 1, headers, "header")
    widths = [10, 34, 8, *([14] * len(names)), 11, 16, 11, 11, 13, 40]
    for col, width in enumerate(widths, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    sheet.style("height:45", HEADER_ROW, 1)
    for row, (position, unit) in enumerate(ranked, start=HEADER_ROW + 1):
        score = unit.score
        answered = 80 - len(score.unanswered)
        sheet.put(row, 1, [position, unit.unit, unit.tahun, *(c.nilai for c in score.components), score.total,
                           f"{score.predikat.kode} ({score.predikat.interpretasi})", answered, len(unit.bukti),
                           unit.terverifikasi, unit.file], "box")  # fmt: skip
        sheet.style("format:0.00", row, 4, 1, len(names) + 1)
        if unit.terverifikasi < len(unit.bukti):
            sheet.style(f"fill:{palette.PROBLEM}", row, len(headers) - 1)
    return sheet


def bukti_values(units: Sequence[LkeUnit]) -> SheetValues:
    """Sheet Bukti Dukung Unit."""
    sheet = SheetValues(SHEET_BUKTI)
    sheet.put(1, 1, ["BUKTI DUKUNG SETIAP UNIT, DICOCOKKAN DENGAN SEGEL UNIT"], "title")
    sheet.put(HEADER_ROW, 1, ["Unit", "Kriteria", "Bukti Dukung", "Kode Verifikasi", "Hasil Pemeriksaan"], "header")
    for col, width in enumerate((34, 9, 50, 16, 36), start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    row = HEADER_ROW
    for unit in units:
        for bukti in unit.bukti:
            row += 1
            sheet.put(row, 1, [unit.unit, bukti.kriteria, bukti.file, bukti.kode, bukti.status.value], "box")
            if bukti.status is not BuktiStatus.TERVERIFIKASI:
                sheet.style(f"fill:{palette.PROBLEM}", row, 5)
    return sheet
