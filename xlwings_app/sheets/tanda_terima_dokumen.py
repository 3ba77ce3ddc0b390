"""Sheet Tanda Terima Dokumen: who received which signed document and when, typed back, and its reader.

``kinerja tanda-terima-dokumen`` writes one row per official and document (Dokumen, Kode
Verifikasi, Jabatan, Nama, Tanggal Diberikan, Tanggal Diterima), keeping what was typed; the office
types each Tanggal Diterima from the signed receipt. Those dates stamp the distribution step
(``domain.administrasi.distribusi.stempel_distribusi``). Rows of other documents are kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xlwings_app.domain.administrasi.distribusi import TandaTerimaDokumen
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import text_of
from xlwings_app.domain.sop.log import Moment, read_moment
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.table import TableSpec, find_header, table_rows

SHEET = "Tanda Terima Dokumen"
HEADER_ROW = 4
LABELS = {"dokumen": "Dokumen", "kode": "Kode Verifikasi", "jabatan": "Jabatan", "nama": "Nama",
          "diberikan": "Tanggal Diberikan", "diterima": "Tanggal Diterima"}  # fmt: skip
WIDTHS = (56, 15, 36, 30, 17, 17)
TABLE = TableSpec(SHEET, LABELS, required=("kode", "jabatan", "diterima"),
                  optional=("dokumen", "nama", "diberikan"))  # fmt: skip


@dataclass(frozen=True)
class BarisTerima:
    """One typed row: the document's code, the official, and the dates."""

    dokumen: str
    kode: str
    jabatan: str
    nama: str
    diberikan: dt.date | None
    diterima: Moment | None
    baris: int
    cells: dict[str, str]


def terima_values(items: Sequence[TandaTerimaDokumen], kept: Sequence[BarisTerima] = ()) -> SheetValues:
    """The sheet: the rows ``kept`` (other documents), then one row per receipt of ``items``."""
    sheet = SheetValues(SHEET)
    sheet.put(1, 1, ["Tanda Terima Dokumen yang Ditandatangani"], "title")
    sheet.put(2, 1, ["Isi Tanggal Diterima dari tanda terima yang ditandatangani penerima; dibaca oleh kinerja "
                     "tanda-terima-dokumen."], "subtitle")  # fmt: skip
    sheet.put(HEADER_ROW, 1, list(LABELS.values()), "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    rows = [(r.dokumen, r.kode, r.jabatan, r.nama, r.diberikan, r.diterima) for r in kept]
    rows += [(i.dokumen.judul, i.dokumen.kode_verifikasi, i.penerima.jabatan, i.penerima.nama, i.diberikan, i.diterima)
             for i in items]  # fmt: skip
    for n, values in enumerate(rows, start=HEADER_ROW + 1):
        sheet.put(n, 1, [v if v not in ("", None) else None for v in values], "box")
        for col, value in ((5, values[4]), (6, values[5])):
            if value is not None:
                sheet.style(f"format:{'dd-mm-yyyy hh:mm' if isinstance(value, dt.datetime) else 'dd-mm-yyyy'}", n, col)
    return sheet


def read_terima(rows: Iterable[Sequence[object]]) -> tuple[list[BarisTerima], list[Problem]]:
    """The typed rows of the sheet (from row 1) and the problems of reading them."""
    problems: list[Problem] = []
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, TABLE, SHEET)
    if header is None:
        return [], []
    keys = tuple(header.columns)
    found: list[BarisTerima] = []
    for index, _row, cells in table_rows(iter(numbered), header, problems):
        raw = dict(zip(keys, cells, strict=True))
        text = {key: " ".join(text_of(raw.get(key)).split()) for key in LABELS}
        where = {key: header.cell(key, index) for key in keys}
        moments: dict[str, Moment | None] = {}
        for key in ("diberikan", "diterima"):
            read = read_moment(raw.get(key), label=LABELS[key], sheet=SHEET, baris=index, sel=where.get(key))
            if isinstance(read, Problem):
                problems.append(read)
                read = None
            moments[key] = read
        given = moments["diberikan"]
        found.append(BarisTerima(text["dokumen"], text["kode"], text["jabatan"], text["nama"],
                                 given.date() if isinstance(given, dt.datetime) else given, moments["diterima"],
                                 index, where))  # fmt: skip
    return found, problems
