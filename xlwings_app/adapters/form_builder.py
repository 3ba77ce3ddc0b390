"""Write data-collection forms with openpyxl: a form sheet per penanggung jawab and the metadata.

A form sheet shows the instructions, then one row per indicator: read-only context (locked), the
period's realisasi and the texts as yellow unlocked inputs (prefilled with the master's current
values), and live Target Periode / Realisasi Periode / Capaian / Predikat formulas rendered from
the domain rules (``forms.spec``). The sheet is protected without a password; plain .xlsx, no
macros. The metadata sheet is very hidden (not listed by Excel's Unhide).
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters import styles as S
from xlwings_app.adapters.sheet_format import print_setup, protect, title
from xlwings_app.adapters.workbook_builder import indicator_values
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.rows import MAX_TEXT
from xlwings_app.domain.settings import Settings
from xlwings_app.forms.checks import STATUS_CHOICES, STATUS_LABEL
from xlwings_app.forms.meta import META_HEADERS, FormMeta, to_rows
from xlwings_app.forms.spec import FormColumn, form_columns, row_formulas, spec


def instructions(periode: Periode) -> tuple[str, ...]:
    tw = periode.label.replace("s.d. ", "")
    return (
        "Petunjuk pengisian",
        f"1. Isi hanya sel kuning: Realisasi {tw}, Permasalahan, Rencana Aksi dan Keterangan. "
        "Sel kosong berarti belum diisi; 0 berarti realisasinya nol.",
        "2. Kolom putih (kode, indikator, satuan, target, realisasi triwulan sebelumnya) adalah konteks "
        "Perjanjian Kinerja dan terkunci. Bila ada yang salah, hubungi Tim SAKIP; jangan diubah di sini.",
        f"3. Kolom abu-abu dihitung otomatis saat Anda mengetik: capaian {periode.label} menurut agregasi "
        "indikator (tanpa makro; juga di LibreOffice).",
        "4. Bila target tidak tercapai, Permasalahan dan Rencana Aksi wajib diisi.",
        "5. Angka desimal mengikuti pengaturan Windows (mis. 82,5); persen boleh ditulis 85%.",
        "6. Jangan menambah, menghapus atau memindah baris/kolom. Simpan sebagai .xlsx dan kirim kembali ke "
        "Tim SAKIP dengan nama file yang sama.",
    )


def header_row(periode: Periode) -> int:
    """Row of the column headers: below the title (2 rows), instructions and a blank row."""
    return 2 + len(instructions(periode)) + 2


def _validation(ws: Worksheet, column: FormColumn, area: str) -> None:
    if column.role == "realisasi":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        dv.error = f"{column.header}: isi angka 0 atau lebih; kosongkan bila belum ada datanya."
    else:
        dv = DataValidation(
            type="textLength", operator="lessThanOrEqual", formula1=str(MAX_TEXT), allow_blank=True
        )
        dv.error = f"{column.header}: paling banyak {MAX_TEXT} karakter."
    dv.errorTitle, dv.showErrorMessage = "Isian tidak sesuai", True
    if column.column.help:
        dv.promptTitle, dv.prompt, dv.showInputMessage = column.header[:32], column.column.help[:255], True
    dv.add(area)
    ws.add_data_validation(dv)


def _row(
    ws: Worksheet,
    r: int,
    columns: Sequence[FormColumn],
    values: dict[str, object],
    periode: Periode,
    settings: Settings,
) -> None:
    cells = {c.key: f"{get_column_letter(i)}{r}" for i, c in enumerate(columns, start=1)}
    formulas = row_formulas(periode, settings, cells)
    for col, column in enumerate(columns, start=1):
        cell = ws.cell(r, col)
        if column.role == "hitung":
            cell.value = formulas[column.key]
            cell.fill, cell.protection = S.COMPUTED_FILL, S.LOCKED
        else:
            value = values.get(column.key)
            cell.value = None if value in ("", None) else value
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: "=..." never becomes a formula
            if column.is_input:
                cell.fill, cell.protection = S.INPUT_FILL, S.UNLOCKED
            else:
                cell.protection = S.LOCKED
        if column.column.type == "text":
            cell.alignment = S.WRAP
        if column.column.format:
            cell.number_format = column.column.format
        cell.border = S.BOX


def _status_cell(ws: Worksheet, row: int) -> None:
    """"Status formulir: Draf/Final" (a dropdown), so Tim SAKIP sees which forms are complete."""
    ws.cell(row, 1, STATUS_LABEL).font = S.BOLD
    cell = ws.cell(row, 2, STATUS_CHOICES[0])
    cell.fill, cell.protection, cell.border = S.INPUT_FILL, S.UNLOCKED, S.BOX
    ws.cell(row, 3, "← pilih Final bila semua isian sudah lengkap").font = S.SUBTITLE_FONT
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"', allow_blank=False)
    dv.error, dv.errorTitle, dv.showErrorMessage = "Pilih Draf atau Final.", "Isian tidak sesuai", True
    dv.add(cell.coordinate)
    ws.add_data_validation(dv)


def write_form_sheet(
    wb: Workbook,
    meta: FormMeta,
    indicators: Sequence[Indicator],
    periode: Periode,
    settings: Settings,
    index: int | None = None,
) -> Worksheet:
    """Add the form sheet ``meta.sheet`` for ``indicators`` (in that order) to ``wb``."""
    ws = wb.create_sheet(meta.sheet, index)
    title(
        ws,
        f"Formulir Pengumpulan Data Kinerja {periode.label} Tahun {meta.get('tahun')}",
        f"{meta.get('unit')} — Penanggung jawab: {meta.get('penanggung_jawab')}",
    )
    for offset, line in enumerate(instructions(periode)):
        cell = ws.cell(3 + offset, 1, line)
        cell.font = S.BOLD if offset == 0 else S.SUBTITLE_FONT
    columns = form_columns(periode)
    top = header_row(periode)
    _status_cell(ws, top - 1)
    for col, column in enumerate(columns, start=1):
        cell = ws.cell(top, col, column.header)
        cell.font, cell.fill, cell.alignment, cell.border = S.HEADER_FONT, S.HEADER_FILL, S.CENTER_WRAP, S.BOX
        ws.column_dimensions[get_column_letter(col)].width = column.column.width
    for offset, indicator in enumerate(indicators, start=1):
        _row(ws, top + offset, columns, indicator_values(indicator), periode, settings)
    last = top + max(len(indicators), 1)
    for col, column in enumerate(columns, start=1):
        if column.is_input:
            letter = get_column_letter(col)
            _validation(ws, column, f"{letter}{top + 1}:{letter}{last}")
    ws.row_dimensions[top].height = 32
    ws.freeze_panes = ws.cell(top + 1, 3)
    print_setup(ws, f"{top}:{top}")
    protect(ws)
    return ws


def write_meta_sheet(wb: Workbook, metas: Sequence[FormMeta]) -> None:
    """(Re)write the very hidden metadata sheet describing ``metas``."""
    name = spec().meta_sheet
    if name in wb.sheetnames:
        del wb[name]
    ws = wb.create_sheet(name)
    ws.append(list(META_HEADERS))
    for meta in metas:
        for row in to_rows(meta):
            ws.append(list(row))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"
    ws.sheet_state = "veryHidden"
    protect(ws)


def build_form(
    meta: FormMeta, indicators: Sequence[Indicator], periode: Periode, settings: Settings
) -> Workbook:
    """A form workbook: the form sheet and its metadata, nothing else."""
    wb = Workbook()
    wb.remove(wb.active)
    write_form_sheet(wb, meta, indicators, periode, settings)
    write_meta_sheet(wb, [meta])
    wb.active = 0
    wb.calculation.fullCalcOnLoad = True
    return wb
