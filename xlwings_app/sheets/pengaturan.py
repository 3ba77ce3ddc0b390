"""Reading sheet Pengaturan back: the predikat scale, the negative-polarity rule, the average cap, the
active period and the Penanggung Jawab list, each in its fixed cell (``layout.PENGATURAN_*``).

Rules: an unknown period or rule, a cap or scale bound that is not a number, and a scale that does
not rise (``domain.predikat.check_scale``) are errors naming their cell; a workbook without the sheet
gets the default settings (Permendagri 86/2017 scale) with a notice.
"""

from __future__ import annotations

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.predikat import check_scale
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import text_of
from xlwings_app.domain.settings import DEFAULT_SCALE, Band, Scale, Settings, VarianNegatif
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.source import SheetSource, sheet_rows
from xlwings_app.sheets.table import cell_grid

LAST_COLUMN = 6
"""Columns A to F hold the settings (the scale in A:B, the Penanggung Jawab list in D, periods in F)."""


def read_pengaturan(source: SheetSource, data: WorkbookData) -> None:
    """Read sheet Pengaturan into ``data.settings`` (and its problems into ``data.problems``)."""
    sheet = L.SHEET_PENGATURAN
    if sheet not in source.sheetnames:
        data.problems.append(
            Problem(
                f"Sheet '{sheet}' tidak ditemukan: dipakai pengaturan baku (skala Permendagri 86/2017).",
                sheet,
                tingkat="catatan",
            )
        )
        return
    first = L.PENGATURAN_TABLE_ROW
    grid = cell_grid(sheet_rows(source, sheet), first + L.PENGATURAN_PJ_ROWS, LAST_COLUMN)
    problems = data.problems
    periode = Periode.TW1
    try:
        periode = Periode.parse(text_of(grid.get(L.PENGATURAN_PERIODE)) or "TW1")
    except ValueError as exc:
        problems.append(Problem(str(exc), sheet, kolom="Periode aktif", sel=L.PENGATURAN_PERIODE))
    varian_text = text_of(grid.get(L.PENGATURAN_VARIAN)).replace(" ", "").upper()
    varian = VarianNegatif.SELISIH
    if varian_text:
        matches = [
            v
            for v in VarianNegatif
            if v.value.upper() == varian_text or v.label.replace(" ", "").upper() == varian_text
        ]
        if matches:
            varian = matches[0]
        else:
            problems.append(
                Problem(
                    f"Rumus polaritas negatif '{text_of(grid.get(L.PENGATURAN_VARIAN))}' tidak dikenal: pilih "
                    + " atau ".join(v.value for v in VarianNegatif)
                    + ".",
                    sheet,
                    kolom="Rumus polaritas negatif",
                    sel=L.PENGATURAN_VARIAN,
                )
            )
    cap_read = read_number(grid.get(L.PENGATURAN_BATAS_RATA))
    if cap_read.galat:
        problems.append(
            Problem(cap_read.galat, sheet, kolom="Batas capaian untuk rata-rata", sel=L.PENGATURAN_BATAS_RATA)
        )
    bands: list[Band] = []
    for i in range(L.PENGATURAN_SKALA_ROWS):
        bound, label = grid.get(f"A{first + i}"), text_of(grid.get(f"B{first + i}"))
        if bound in (None, "") and not label:
            continue
        read = read_number(bound)
        if read.value is None:
            problems.append(
                Problem(
                    read.galat or "Batas bawah predikat belum diisi.",
                    sheet,
                    first + i,
                    "Batas Bawah",
                    f"A{first + i}",
                )
            )
            continue
        bands.append(Band(read.value, label))
    scale = Scale(tuple(bands)) if bands else DEFAULT_SCALE
    problems.extend(check_scale(scale, sheet))
    names = tuple(text_of(grid.get(f"D{first + i}")) for i in range(L.PENGATURAN_PJ_ROWS))
    data.settings = Settings(
        skala=scale,
        varian_negatif=varian,
        batas_rata_rata=cap_read.value,
        periode_aktif=periode,
        daftar_penanggung_jawab=tuple(n for n in names if n),
    )
