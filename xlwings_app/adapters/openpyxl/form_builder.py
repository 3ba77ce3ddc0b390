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

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.adapters.openpyxl.sheet_format import fit_rows, print_setup, protect
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.rows import MAX_TEXT
from xlwings_app.domain.settings import Settings
from xlwings_app.forms.checks import STATUS_CHOICES
from xlwings_app.forms.kembali import KINERJA
from xlwings_app.forms.meta import META_HEADERS, FormMeta, to_rows
from xlwings_app.forms.spec import FormColumn, form_columns, spec
from xlwings_app.sheets.forms import form_sheet_values, header_row
from xlwings_app.sheets.grid import SheetValues


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


def _status_validation(ws: Worksheet, row: int) -> None:
    """The "Status formulir" cell is a Draf/Final dropdown, so Tim SAKIP sees which forms are complete."""
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"', allow_blank=False)
    dv.error, dv.errorTitle, dv.showErrorMessage = "Pilih Draf atau Final.", "Isian tidak sesuai", True
    dv.add(f"B{row}")
    ws.add_data_validation(dv)


def write_form_sheet(
    wb: Workbook,
    meta: FormMeta,
    indicators: Sequence[Indicator],
    periode: Periode,
    settings: Settings,
    index: int | None = None,
) -> Worksheet:
    """Add the form sheet ``meta.sheet`` for ``indicators`` (in that order) to ``wb``.

    The cells and their looks are ``sheets.forms.form_sheet_values`` (the ribbon writes the same
    values into the open workbook); this adds what only a file can carry: validations, frozen
    panes, print setup and sheet protection.
    """
    ws = wb.create_sheet(meta.sheet, index)
    write_values(ws, form_sheet_values(meta, indicators, periode, settings))
    columns = form_columns(periode)
    top = header_row(periode)
    _status_validation(ws, top - 1)
    last = top + max(len(indicators), 1)
    for col, column in enumerate(columns, start=1):
        if column.is_input:
            letter = get_column_letter(col)
            _validation(ws, column, f"{letter}{top + 1}:{letter}{last}")
    fit_rows(ws, top + 1, last)  # wrapped Indikator / Permasalahan rows, legible in LibreOffice too
    ws.row_dimensions[top].height = 45
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


def write_key_sheet(wb: Workbook, values: SheetValues) -> None:
    """Add the very hidden, protected sheet holding the forms' key (``forms.kunci.key_values``)."""
    if values.name in wb.sheetnames:
        del wb[values.name]
    ws = wb.create_sheet(values.name)
    write_values(ws, values)
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
    # the file's last saver: a spreadsheet program writes the person's name here on save (forms.kembali)
    wb.properties.creator = wb.properties.lastModifiedBy = KINERJA
    return wb
