"""Handlers of the ribbon's Bantuan group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlwings_app.ribbon.errors import PesanPengguna
from xlwings_app.sheets.layout import SHEET_PETUNJUK

if TYPE_CHECKING:
    import xlwings as xw


def petunjuk(book: xw.Book) -> None:
    """Show the Petunjuk sheet of the calling workbook."""
    from xlwings_app.ribbon.messages import kinerja_command

    names = [sheet.name for sheet in book.sheets]
    if SHEET_PETUNJUK not in names:
        raise PesanPengguna(
            f"Lembar '{SHEET_PETUNJUK}' tidak ada di workbook ini. Buka workbook Kinerja, atau buat "
            f"yang baru di Command Prompt: {kinerja_command('baru', 'Kinerja 2025.xlsx')}"
        )
    book.sheets[SHEET_PETUNJUK].activate()
