"""What the ribbon's handlers share: read the open workbook, write results, check it is saved.

Reading the live workbook: ``read_live(book)`` runs ``adapters.xlsx.reader.read_source`` on
``XlwingsSource(book)``, the same checks as ``kinerja periksa`` on a file.

The rule "save first" (``saved_path``), for the buttons whose service works on the file
(Dokumen Pengukuran, PDF, Arsipkan, Ekspor Formulir; Impor Formulir reads and writes the open
workbook, so it only needs the folder the workbook is saved in): the document must say what
the saved file says, and Excel keeps the open file locked against writing. xlwings cannot ask
Excel "are there unsaved changes?" on every engine, so the rule is checked on what matters:
- ``book.fullname`` must be the path of an existing file (a new book, "Book1", has none; a book
  opened from a web address has no local path) — otherwise: save it in a folder first;
- the inputs read from the open workbook must equal the inputs read from that file (Profil,
  Pengaturan, IKU, IKI) — otherwise: there are unsaved changes, save first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlwings_app.ribbon.errors import PesanPengguna

if TYPE_CHECKING:
    from xlwings_app.adapters.xlsx.reader import WorkbookData
    from xlwings_app.services.hitung import Perhitungan

TITLE = "Kinerja"


def alert(book: Any, message: str) -> None:
    """An Indonesian message box with the Kinerja title."""
    book.app.alert(message, title=TITLE)


def read_live(book: Any) -> WorkbookData:
    """Every input of the open workbook, checked like a file."""
    from xlwings_app.adapters.xlsx.reader import read_source
    from xlwings_app.adapters.xlwings.book import XlwingsSource

    return read_source(XlwingsSource(book), Path(book.fullname))


def input_cells(data: WorkbookData) -> dict[str, list[str]]:
    """Per sheet, the addresses of the input cells read from the IKU and IKI tables."""
    cells: dict[str, list[str]] = {}
    for (sheet, _row, _key), address in data.cells.items():
        cells.setdefault(sheet, []).append(address)
    return cells


def mark(book: Any, data: WorkbookData) -> int:
    """Colour and annotate the problem cells of ``data`` in the open workbook."""
    from xlwings_app.adapters.xlwings.marks import mark_problems

    return mark_problems(book, data.problems, input_cells(data))


def write_results(book: Any, result: Perhitungan) -> None:
    """Sheets Hasil and Rekap into the open workbook, the cells ``kinerja hitung`` writes."""
    from xlwings_app.adapters.xlwings.book import replace_sheet, write_sheet
    from xlwings_app.services.hitung import result_sheets
    from xlwings_app.sheets import layout as L

    hasil, rekap = result_sheets(result)
    sheet = replace_sheet(book, hasil.name, after=L.SHEET_PENGATURAN)
    write_sheet(sheet, hasil)
    lay = L.layout().hasil
    rows, cols = max(hasil.shape[0], lay.header_row + 1), len(lay.headers)
    table = sheet.range((lay.header_row, 1), (rows, cols))
    sheet.tables.add(source=table, name=lay.name, table_style_name="TableStyleLight9")
    write_sheet(replace_sheet(book, rekap.name, after=hasil.name), rekap)


def _same_inputs(a: WorkbookData, b: WorkbookData) -> bool:
    return (a.profil_values, a.settings, a.indicators) == (b.profil_values, b.settings, b.indicators)


def saved_path(book: Any) -> Path:
    """The workbook's file, once it is saved with the inputs on screen; else ``PesanPengguna``."""
    from xlwings_app.adapters.xlsx.guard import WorkbookError
    from xlwings_app.adapters.xlsx.reader import read_workbook

    path = Path(book.fullname)
    if not path.is_absolute() or not path.is_file():
        raise PesanPengguna(
            f"Workbook '{book.name}' belum disimpan sebagai file di komputer ini. Simpan dulu "
            "(File > Simpan Sebagai, format .xlsx atau .xlsm di sebuah folder), lalu klik lagi."
        )
    try:
        saved = read_workbook(path)
    except WorkbookError as exc:
        raise PesanPengguna(f"File tersimpan tidak dapat dibaca: {exc}") from exc
    if not _same_inputs(read_live(book), saved):
        raise PesanPengguna(
            "Ada perubahan yang belum disimpan. Simpan workbook dulu (Ctrl+S), lalu klik lagi: "
            "dokumen dibuat dari file yang tersimpan."
        )
    return path
