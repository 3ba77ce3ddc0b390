"""Build the Kinerja workbook with openpyxl, from the layout declaration (workbook/layout.toml).

Sheets: Petunjuk, Profil, IKU, IKI, Pejabat, Pengaturan, Hasil, Rekap. IKU and IKI are Excel Tables whose
computed columns are live formulas (``live_formulas``); input cells are yellow and unlocked,
computed cells grey and locked (sheet protection without a password, against accidental typing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableFormula, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl import riwayat as riwayat_sheet
from xlwings_app.adapters.openpyxl import segel
from xlwings_app.adapters.openpyxl import styles as S
from xlwings_app.adapters.openpyxl.sheet_format import print_setup as _print_setup
from xlwings_app.adapters.openpyxl.sheet_format import protect as _protect
from xlwings_app.adapters.openpyxl.sheet_format import title as _title
from xlwings_app.domain.analisis import split_key
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.settings import Settings, VarianNegatif
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import excel_value
from xlwings_app.sheets.indicator_rows import indicator_values
from xlwings_app.sheets.live_formulas import (
    NAME_DAFTAR_PJ,
    NAME_PERIODE_INDEX,
    NAME_SKALA_BATAS,
    NAME_SKALA_PREDIKAT,
    NAME_VARIAN,
    live_formulas,
)

DATE_FORMAT = "[$-421]d mmmm yyyy"
"""A date as Indonesians write it, "7 Oktober 2024", in any Excel locale (421: Indonesian)."""
SPARE_ROWS = 30
"""Empty, formatted rows below the data, so a Kasi can add indicators without unprotecting."""


LINE_HEIGHT = 15.0


def row_height(values: Mapping[str, object], columns: Sequence[L.Column]) -> float:
    """A row tall enough for its wrapped text (Excel does not grow rows of files it opens)."""
    lines = 1
    for column in columns:
        text = values.get(column.key)
        if column.type in ("text", "choice") and isinstance(text, str) and text:
            per_line = max(int(column.width * 1.15), 1)
            lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in text.split("\n")))
    return LINE_HEIGHT * min(lines, 15)


def _write_table(
    wb: Workbook, table: L.Table, indicators: Sequence[Indicator], unit: str, spare: int
) -> None:
    ws = wb.create_sheet(table.sheet)
    _title(ws, table.judul, f"{unit} — kolom kuning diisi, kolom abu-abu dihitung otomatis".strip(" —"))
    ws["A3"] = "Kolom abu-abu (Target Periode s.d. Predikat) mengikuti Periode aktif di sheet Pengaturan."
    ws["A3"].font = S.SUBTITLE_FONT
    header_row = L.TITLE_ROWS + 1
    for col, column in enumerate(table.columns, start=1):
        cell = ws.cell(header_row, col, column.header)
        cell.font, cell.fill, cell.alignment, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP, S.BOX
        ws.column_dimensions[get_column_letter(col)].width = column.width
    rows = [indicator_values(i) for i in indicators] + [
        {} for _ in range(max(spare, 1 if not indicators else 0))
    ]
    for offset, values in enumerate(rows, start=1):
        r = header_row + offset
        ws.row_dimensions[r].height = row_height(values, table.columns)
        formulas = live_formulas(table, r)
        for col, column in enumerate(table.columns, start=1):
            cell = ws.cell(r, col)
            if column.is_input:
                value = values.get(column.key)
                cell.value = None if value in ("", None) else value
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text: "=..." never becomes a formula
                cell.fill, cell.protection = S.INPUT_FILL, S.UNLOCKED
                # text and dropdowns wrap inside their column (never spill into the next one)
                cell.alignment = S.WRAP if column.type in ("text", "choice") else S.TOP
            else:
                cell.value = formulas[column.key]
                cell.fill, cell.protection, cell.alignment = S.COMPUTED_FILL, S.LOCKED, S.TOP
            fmt = column.format_for(str(values.get("satuan") or ""))
            if fmt:
                cell.number_format = fmt
            cell.border = S.BOX
    last_row = header_row + len(rows)
    ref = f"A{header_row}:{get_column_letter(len(table.columns))}{last_row}"
    excel_table = Table(displayName=table.name, ref=ref)
    excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=False)
    excel_table._initialise_columns()
    first = live_formulas(table, header_row + 1)  # a calculated column is stored as its first row's formula
    for tc, column in zip(excel_table.tableColumns, table.columns, strict=True):
        tc.name = column.header
        if not column.is_input:
            tc.calculatedColumnFormula = TableFormula(attr_text=first[column.key][1:])
    ws.add_table(excel_table)
    _validations(ws, table, header_row + 1, last_row)
    ws.freeze_panes = ws.cell(header_row + 1, 3)
    ws.row_dimensions[header_row].height = 45  # three lines: "Realisasi Anggaran", "Target TW III"
    _print_setup(ws, f"{header_row}:{header_row}")
    # 28 columns do not fit one A4 width legibly: three pages wide (about 75 %), kode..indikator repeated.
    ws.page_setup.fitToWidth = 3
    # the analysis per period (long text, right of Predikat) is read on screen, not printed with the table
    printed = max(i for i, c in enumerate(table.columns, start=1) if split_key(c.key) is None)
    ws.print_area = f"A1:{get_column_letter(printed)}{last_row}"
    ws.print_title_cols = f"A:{get_column_letter(table.columns.index(table.column('nama')) + 1)}"
    _protect(ws)


def _validations(ws: Worksheet, table: L.Table, first: int, last: int) -> None:
    for col, column in enumerate(table.columns, start=1):
        letter = get_column_letter(col)
        area = f"{letter}{first}:{letter}{last}"
        if column.type == "choice":
            source = f"={NAME_DAFTAR_PJ}" if column.choices_from else '"' + ",".join(column.choices) + '"'
            dv = DataValidation(type="list", formula1=source, allow_blank=True)
            dv.error = f"Pilih {column.header} dari daftar."
            # A name not in the list is still accepted with a warning: the list may be incomplete.
            dv.errorStyle = "warning" if column.choices_from else "stop"
        elif column.type == "number":
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
            dv.error = (
                f"{column.header}: isi angka 0 atau lebih (desimal dengan koma sesuai pengaturan Windows)."
            )
        else:
            continue
        dv.errorTitle = "Isian tidak sesuai"
        dv.showErrorMessage = True
        if column.help:
            dv.promptTitle, dv.prompt, dv.showInputMessage = column.header[:32], column.help[:255], True
        dv.add(area)
        ws.add_data_validation(dv)


def _write_profil(wb: Workbook, values: Mapping[str, object]) -> None:
    ws = wb.create_sheet(L.SHEET_PROFIL)
    _title(ws, "Profil Unit Kerja", "Identitas unit dan pejabat penandatangan dokumen Pengukuran Kinerja")
    ws.column_dimensions["A"].width = 38
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 40
    ws.cell(L.PROFIL_FIRST_ROW - 1, 3, "Contoh").font = S.SUBTITLE_FONT
    for offset, field in enumerate(L.layout().profil):
        r = L.PROFIL_FIRST_ROW + offset
        label = ws.cell(r, 1, field.label + (" *" if field.required else ""))
        label.font = S.BOLD
        cell = ws.cell(r, 2, excel_value(values.get(field.key)))
        if isinstance(cell.value, str):
            cell.data_type = "s"
        if field.key.endswith("nip"):
            cell.number_format = "@"
        elif isinstance(cell.value, dt.date):
            cell.number_format = DATE_FORMAT
        else:
            cell.number_format = "General"
        cell.fill, cell.protection, cell.border = S.INPUT_FILL, S.UNLOCKED, S.BOX
        ws.cell(r, 3, field.contoh).font = S.SUBTITLE_FONT
    _print_setup(ws)
    ws.page_setup.orientation = "portrait"
    _protect(ws)


def _define(wb: Workbook, name: str, ref: str) -> None:
    wb.defined_names[name] = DefinedName(name, attr_text=ref)


def _write_pengaturan(wb: Workbook, settings: Settings) -> None:
    ws = wb.create_sheet(L.SHEET_PENGATURAN)
    _title(ws, L.SHEET_PENGATURAN, "Skala predikat, rumus polaritas negatif, dan periode yang ditampilkan")
    sheet = quote_sheetname(L.SHEET_PENGATURAN)
    for column, width in zip("ABCDEF", (40, 30, 8, 34, 4, 12), strict=True):
        ws.column_dimensions[column].width = width
    first = L.PENGATURAN_TABLE_ROW
    periods = [p.value for p in Periode]
    for i, code in enumerate(periods):
        ws[f"{L.PERIODE_LIST_COLUMN}{first + i}"] = code
    ws[f"{L.PERIODE_LIST_COLUMN}{first - 1}"] = "Periode"
    period_range = f"${L.PERIODE_LIST_COLUMN}${first}:${L.PERIODE_LIST_COLUMN}${first + len(periods) - 1}"
    rows = (
        (
            L.PENGATURAN_PERIODE,
            "Periode aktif (kolom abu-abu IKU/IKI)",
            settings.periode_aktif.value,
            f"={period_range}",
            "stop",
        ),
        (
            L.PENGATURAN_VARIAN,
            "Rumus polaritas negatif",
            settings.varian_negatif.value,
            '"' + ",".join(v.value for v in VarianNegatif) + '"',
            "stop",
        ),
        (
            L.PENGATURAN_BATAS_RATA,
            "Batas capaian untuk rata-rata (%), kosong = tanpa batas",
            excel_value(settings.batas_rata_rata),
            None,
            None,
        ),
    )
    for address, label, value, source, style in rows:
        row = ws[address].row
        ws.cell(row, 1, label).font = S.BOLD
        ws[address] = value
        ws[address].fill, ws[address].protection, ws[address].border = S.INPUT_FILL, S.UNLOCKED, S.BOX
        if source:
            dv = DataValidation(type="list", formula1=source, allow_blank=False, errorStyle=style)
            dv.error, dv.errorTitle, dv.showErrorMessage = "Pilih dari daftar.", "Isian tidak sesuai", True
            dv.add(address)
            ws.add_data_validation(dv)
    ws[L.PENGATURAN_PERIODE_INDEX] = f"=MATCH({L.PENGATURAN_PERIODE},{period_range},0)"
    ws[L.PENGATURAN_PERIODE_INDEX].fill = S.COMPUTED_FILL
    ws.cell(first - 2, 1, "Skala predikat (urut naik; batas terendah 0)").font = S.BOLD
    for col, text in ((1, "Batas Bawah (capaian ≥)"), (2, "Predikat")):
        cell = ws.cell(first - 1, col, text)
        cell.font, cell.fill, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.BOX
    for i in range(L.PENGATURAN_SKALA_ROWS):
        band = settings.skala.bands[i] if i < len(settings.skala.bands) else None
        for col, value in (
            (1, excel_value(band.batas_bawah) if band else None),
            (2, band.predikat if band else None),
        ):
            cell = ws.cell(first + i, col, value)
            cell.fill, cell.protection, cell.border = S.INPUT_FILL, S.UNLOCKED, S.BOX
    last_band = first + L.PENGATURAN_SKALA_ROWS - 1
    count = f"COUNT({sheet}!$A${first}:$A${last_band})"
    _define(wb, NAME_SKALA_BATAS, f"OFFSET({sheet}!$A${first},0,0,{count},1)")
    _define(wb, NAME_SKALA_PREDIKAT, f"OFFSET({sheet}!$B${first},0,0,{count},1)")
    _define(wb, NAME_VARIAN, f"{sheet}!${L.PENGATURAN_VARIAN[0]}${L.PENGATURAN_VARIAN[1:]}")
    _define(
        wb, NAME_PERIODE_INDEX, f"{sheet}!${L.PENGATURAN_PERIODE_INDEX[0]}${L.PENGATURAN_PERIODE_INDEX[1:]}"
    )
    ws.print_area = f"A1:{L.PERIODE_LIST_COLUMN}{first + L.PENGATURAN_SKALA_ROWS - 1}"  # no empty page
    _print_setup(ws)
    _protect(ws)


PETUNJUK = (
    "Cara mengisi workbook Kinerja",
    "",
    "1. Sheet Profil: isi identitas unit dan pejabat penandatangan (tanda * wajib).",
    "2. Sheet IKU dan IKI: satu baris satu indikator sesuai Perjanjian Kinerja. IKI mencantumkan kode IKU induknya.",
    "3. Isi realisasi per triwulan di kolom Realisasi TW I–IV. Sel kosong berarti belum diisi; 0 berarti nol.",
    "4. Kolom abu-abu dihitung otomatis saat Anda mengetik (juga tanpa Python) untuk Periode aktif di sheet Pengaturan.",
    "5. Tombol Kinerja > Hitung Capaian (atau perintah: kinerja hitung FILE) memeriksa semua isian, lalu menulis sheet Hasil dan Rekap.",
    "6. Bila ada masalah, semua masalah ditampilkan sekaligus dengan nama sheet dan selnya; file tidak diubah.",
    "7. Target rentang: isi Batas Bawah dan Batas Atas (capaian 100 bila realisasi di dalam rentang).",
    "8. Polaritas Negatif: makin rendah makin baik. Rumusnya dipilih di sheet Pengaturan.",
    "9. Untuk menambah baris di luar baris cadangan: Review > Unprotect Sheet (tanpa kata sandi).",
    "",
    "Rumus capaian (DOMAIN: PermenPANRB 6/2022, Permendagri 86/2017):",
    "• Positif: realisasi / target × 100.",
    "• Negatif (baku): (2 × target − realisasi) / target × 100, tidak kurang dari 0. Alternatif: target / realisasi × 100.",
    "• Target 0: negatif → 100 bila realisasi 0, selain itu 0; positif → tidak dapat dihitung.",
    "• Capaian dibulatkan 2 desimal sebelum predikat ditentukan.",
    "",
    "Agregasi triwulan: Jumlah (dijumlah s.d. triwulan), Akhir (triwulan terakhir yang terisi), Rata-rata (rata-rata triwulan terisi).",
)


def _write_petunjuk(wb: Workbook) -> None:
    ws = wb.active
    ws.title = L.SHEET_PETUNJUK
    ws.column_dimensions["A"].width = 4
    ws.column_dimensions["B"].width = 120
    ws["B1"] = PETUNJUK[0]
    ws["B1"].font = S.TITLE_FONT
    row = 2
    for line in PETUNJUK[1:]:
        ws.cell(row, 2, line).alignment = S.WRAP
        row += 1
    row += 1
    ws.cell(row, 2, "Warna sel").font = S.BOLD
    for fill, text in (
        (S.INPUT_FILL, "Kuning: diisi oleh pengguna."),
        (S.COMPUTED_FILL, "Abu-abu: dihitung otomatis, terkunci."),
        (S.PROBLEM_FILL, "Jingga: ada masalah pada isian ini (lihat catatan sel)."),
    ):
        row += 1
        ws.cell(row, 1).fill = fill
        ws.cell(row, 2, text)
    row += 2
    ws.cell(row, 2, "Kolom tabel IKU/IKI").font = S.BOLD
    for column in L.layout().tables[Jenis.IKI].columns:
        row += 1
        ws.cell(
            row, 2, f"{column.header}: {column.help}" if column.help else column.header
        ).alignment = S.WRAP
    _print_setup(ws)
    ws.page_setup.orientation = "portrait"


def _write_pejabat(wb: Workbook, pejabat: Sequence[Pejabat]) -> None:
    """Sheet Pejabat: an Excel table of the officials; its Jabatan column feeds the dropdown."""
    spec = L.layout().pejabat
    assert spec is not None
    ws = wb.create_sheet(spec.sheet)
    _title(ws, spec.judul, "Pejabat unit kerja: jabatan seperti di kolom Penanggung Jawab, nama, NIP, pangkat")
    ws["A3"] = ("Nama, NIP dan pangkat dicetak pada formulir dan blok tanda tangan dokumen IKI; Atasan "
                "(kosong: Kasubag ke Sekretaris, lainnya ke kepala unit) menandatangani PK pejabat itu.")
    ws["A3"].font = S.SUBTITLE_FONT
    header_row = L.TITLE_ROWS + 1
    for col, column in enumerate(spec.columns, start=1):
        cell = ws.cell(header_row, col, column.header)
        cell.font, cell.fill, cell.alignment, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP, S.BOX
        ws.column_dimensions[get_column_letter(col)].width = column.width
    for offset in range(L.PEJABAT_ROWS):
        p = pejabat[offset] if offset < len(pejabat) else None
        values = {"jabatan": p.jabatan, "nama": p.nama, "nip": p.nip, "pangkat": p.pangkat, "atasan": p.atasan} if p else {}
        for col, column in enumerate(spec.columns, start=1):
            cell = ws.cell(header_row + 1 + offset, col, values.get(column.key) or None)
            cell.data_type = "s" if cell.value is not None else cell.data_type
            cell.number_format = "@"
            cell.fill, cell.protection, cell.border, cell.alignment = S.INPUT_FILL, S.UNLOCKED, S.BOX, S.WRAP
    first, last = header_row + 1, header_row + L.PEJABAT_ROWS
    table = Table(displayName=spec.name, ref=f"A{header_row}:{get_column_letter(len(spec.columns))}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=False)
    table._initialise_columns()
    for tc, column in zip(table.tableColumns, spec.columns, strict=True):
        tc.name = column.header
    ws.add_table(table)
    _define(wb, NAME_DAFTAR_PJ, f"{quote_sheetname(spec.sheet)}!$A${first}:$A${last}")
    ws.freeze_panes = ws.cell(first, 1)
    _print_setup(ws, f"{header_row}:{header_row}")
    ws.page_setup.orientation = "portrait"
    _protect(ws)


def _write_placeholder(wb: Workbook, name: str, text: str) -> None:
    ws = wb.create_sheet(name)
    _title(ws, name, text)


def build_workbook(
    profil: Mapping[str, object],
    indicators: Sequence[Indicator],
    settings: Settings,
    spare_rows: int = SPARE_ROWS,
    pejabat: Sequence[Pejabat] = (),
) -> Workbook:
    """A new workbook holding ``profil`` (by field key), ``indicators``, ``settings`` and the officials.

    Without ``pejabat`` the Pejabat table lists the jabatan of ``settings.daftar_penanggung_jawab``.
    """
    wb = Workbook()
    _write_petunjuk(wb)
    _write_profil(wb, profil)
    unit = str(profil.get("unit") or "")
    for jenis, table in L.layout().tables.items():
        rows = [i for i in indicators if i.jenis is jenis]
        _write_table(wb, table, rows, unit, spare_rows)
    _write_pejabat(wb, pejabat or [Pejabat(name, "") for name in settings.daftar_penanggung_jawab])
    _write_pengaturan(wb, settings)
    _write_placeholder(wb, L.layout().hasil.sheet, "Belum dihitung: tekan Hitung Capaian (kinerja hitung).")
    _write_placeholder(wb, L.SHEET_REKAP, "Belum dihitung: tekan Hitung Capaian (kinerja hitung).")
    segel.write_empty(wb)
    riwayat_sheet.write_empty(wb)  # so the first rekap already appends through the zip patch
    wb.calculation.fullCalcOnLoad = True
    return wb
