"""Lembar isian written into the open workbook through xlwings (the ribbon's Buat Lembar Isian).

Each form sheet is added at the end: its values and live formulas in one call
(``sheets.forms.form_sheet_values``), then fills (yellow inputs, grey computed), header, wrap,
number formats and column widths; then the metadata sheet, all text, hidden.
Not applied here, unlike ``kinerja lembar`` on the file: sheet protection and the input cells'
data validation, the Status formulir dropdown included (the remote engine has neither), and the metadata sheet is "hidden", not "very
hidden" (xlwings only knows visible or hidden). ``kinerja rekap --lembar`` reads the sheets
either way; the formulas and the checks on import are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlwings_app.adapters.xlwings.book import write_sheet
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.settings import Settings
from xlwings_app.forms.meta import FormMeta
from xlwings_app.sheets.forms import form_sheet_values, meta_sheet_values
from xlwings_app.sheets.grid import SheetValues


def _add_last(book: Any, name: str) -> Any:
    return book.sheets.add(name, after=book.sheets[len(book.sheets) - 1])


def write_lembar_live(
    book: Any, forms: Sequence[tuple[FormMeta, Sequence[Indicator]]], periode: Periode, settings: Settings
) -> None:
    """Add a form sheet per ``(meta, indicators)`` and the metadata sheet to the open workbook."""
    for meta, indicators in forms:
        write_sheet(_add_last(book, meta.sheet), form_sheet_values(meta, indicators, periode, settings))
    values = meta_sheet_values([meta for meta, _ in forms])
    sheet = _add_last(book, values.name)
    write_sheet(sheet, values)
    sheet.visible = False


def write_key_live(book: Any, values: SheetValues) -> None:
    """Add the sheet holding the forms' key (``forms.kunci.key_values``) to the open workbook, hidden
    (xlwings knows no "very hidden"; the file writer makes it so)."""
    sheet = _add_last(book, values.name)
    write_sheet(sheet, values)
    sheet.visible = False
