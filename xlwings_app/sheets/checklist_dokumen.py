"""Sheet Checklist Dokumen: the documents a period needs, ticked by the Tim SAKIP, and its reader.

Columns Dokumen, Ada, Berkas / Lokasi, Catatan (``domain.administrasi.checklist.IsianChecklist``).
``kinerja checklist`` adds the sheet the first time, listing every document the workbook's SOPs
need (``kebutuhan_dokumen``) with Ada empty; the Tim SAKIP writes "Ya" (or "Tidak") and where the
file is. Ada reads "Ya", "Ada", "V", "✓", "x", TRUE as ticked; "Tidak", "Belum", FALSE as not
ticked; empty as not said (a file or path then counts as ada); other text is a problem at its cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from xlwings_app.domain.administrasi.checklist import IsianChecklist, ItemChecklist
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import text_of
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.table import TableSpec, find_header, table_rows

SHEET = "Checklist Dokumen"
HEADER_ROW = 4
LABELS = {"nama": "Dokumen", "ada": "Ada", "berkas": "Berkas / Lokasi", "catatan": "Catatan"}
WIDTHS = (44, 8, 60, 50)
TABLE = TableSpec(SHEET, LABELS, required=("nama", "ada"), optional=("berkas", "catatan"))
YA = {"ya", "ada", "v", "✓", "√", "x", "true", "1", "sudah"}
TIDAK = {"tidak", "belum", "false", "0", "-", "–"}


def checklist_values(items: Sequence[ItemChecklist]) -> SheetValues:
    """The sheet listing ``items`` with their current state (Ada "Ya"/"Tidak"/empty, file, note)."""
    sheet = SheetValues(SHEET)
    sheet.put(1, 1, ["Checklist Dokumen (SOP Pengumpulan Data Kinerja, langkah 4)"], "title")
    sheet.put(2, 1, ["Isi Ada dengan Ya atau Tidak, dan tulis nama berkas atau lokasinya. Dibaca oleh "
                     "kinerja checklist."], "subtitle")  # fmt: skip
    sheet.put(HEADER_ROW, 1, list(LABELS.values()), "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    for n, item in enumerate(items, start=HEADER_ROW + 1):
        row = item.isian
        ada = "" if row is None or row.ada is None else ("Ya" if row.ada else "Tidak")
        sheet.put(n, 1, [item.dokumen.nama, ada or None, item.berkas or None, item.catatan or None], "box")
    return sheet


def read_checklist(rows: Iterable[Sequence[object]]) -> tuple[list[IsianChecklist], list[Problem]]:
    """The typed rows of the sheet (from row 1) and the problems of reading them."""
    problems: list[Problem] = []
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, TABLE, SHEET)
    if header is None:
        return [], [Problem("Baris judul sheet Checklist Dokumen (Dokumen, Ada) tidak ditemukan.", SHEET)]
    keys = tuple(header.columns)
    found: list[IsianChecklist] = []
    for index, _row, cells in table_rows(iter(numbered), header, problems):
        raw = dict(zip(keys, cells, strict=True))
        text = {key: " ".join(text_of(raw.get(key)).split()) for key in LABELS}
        if not text["nama"]:
            continue
        word = text["ada"].casefold()
        ada: bool | None = None
        if raw.get("ada") is True or word in YA:
            ada = True
        elif raw.get("ada") is False or word in TIDAK:
            ada = False
        elif word:
            problems.append(Problem(f"Ada \"{text['ada']}\" tidak dikenal: tulis Ya atau Tidak.", SHEET, index,
                                    "Ada", header.cell("ada", index), text["ada"]))  # fmt: skip
        cells_of = {key: header.cell(key, index) for key in keys}
        found.append(IsianChecklist(text["nama"], ada, text["berkas"], text["catatan"], SHEET, index, cells_of))
    return found, problems
