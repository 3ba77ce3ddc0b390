"""Sheet Surat Keluar: what the unit sent to Bappeda (``kinerja surat-pengantar``), and its reader.

One row per document a Surat Pengantar carries: the letter's Nomor, Tanggal, Kepada and Perihal,
the document's title and verification code, and when the letter was sent (Dikirim) and received
(Diterima, Penerima: the receiver's part, typed back). A letter written again replaces its rows
(same Nomor). This is the list the kabupaten matches the documents with (``daftar_kode``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xlwings_app.domain.administrasi.langkah import normal
from xlwings_app.domain.administrasi.surat_pengantar import SuratPengantar
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import text_of
from xlwings_app.domain.sop.log import Moment, read_moment
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.table import TableSpec, find_header, table_rows

SHEET = "Surat Keluar"
HEADER_ROW = 4
LABELS = {"nomor": "Nomor", "tanggal": "Tanggal", "kepada": "Kepada", "perihal": "Perihal", "dokumen": "Dokumen",
          "kode": "Kode Verifikasi", "dikirim": "Dikirim", "diterima": "Diterima", "penerima": "Penerima"}  # fmt: skip
WIDTHS = (24, 12, 30, 44, 50, 15, 17, 17, 24)
FORMATS = {"tanggal": "dd-mm-yyyy", "dikirim": "dd-mm-yyyy hh:mm", "diterima": "dd-mm-yyyy hh:mm"}
TABLE = TableSpec(SHEET, LABELS, required=("nomor", "dokumen", "kode"),
                  optional=tuple(k for k in LABELS if k not in ("nomor", "dokumen", "kode")))  # fmt: skip


@dataclass(frozen=True)
class BarisKeluar:
    """One row: a document sent with a letter."""

    nomor: str
    tanggal: dt.date | None
    kepada: str
    perihal: str
    dokumen: str
    kode: str
    dikirim: Moment | None = None
    diterima: Moment | None = None
    penerima: str = ""


def rows_of(surat: SuratPengantar) -> list[BarisKeluar]:
    """The rows of one letter, one per document."""
    return [BarisKeluar(surat.nomor, surat.tanggal, surat.kepada, surat.perihal, r.dokumen.judul,
                        r.dokumen.kode_verifikasi, surat.dikirim, surat.diterima, surat.penerima)
            for r in surat.lampiran]  # fmt: skip


def replaced(rows: Sequence[BarisKeluar], surat: SuratPengantar) -> list[BarisKeluar]:
    """``rows`` with the letter's own rows (same Nomor) replaced by ``surat``'s."""
    return [r for r in rows if normal(r.nomor) != normal(surat.nomor)] + rows_of(surat)


def keluar_values(rows: Sequence[BarisKeluar]) -> SheetValues:
    """The whole sheet: title, note, header and ``rows``."""
    sheet = SheetValues(SHEET)
    sheet.put(1, 1, ["Surat Keluar: dokumen yang disampaikan kepada Bappeda"], "title")
    sheet.put(2, 1, ["Ditulis oleh kinerja surat-pengantar; isi Diterima dan Penerima dari bagian penerima "
                     "surat pengantar yang kembali."], "subtitle")  # fmt: skip
    sheet.put(HEADER_ROW, 1, list(LABELS.values()), "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    for n, row in enumerate(rows, start=HEADER_ROW + 1):
        values = [getattr(row, key) if getattr(row, key) not in ("", None) else None for key in LABELS]
        sheet.put(n, 1, values, "box")
        for col, key in enumerate(LABELS, start=1):
            if key in FORMATS and values[col - 1] is not None:
                sheet.style(f"format:{FORMATS[key]}", n, col)
    return sheet


def read_keluar(rows: Iterable[Sequence[object]]) -> tuple[list[BarisKeluar], list[Problem]]:
    """The sheet's rows (from row 1), typed, and the problems of reading them."""
    problems: list[Problem] = []
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, TABLE, SHEET)
    if header is None:
        return [], []
    keys = tuple(header.columns)
    found: list[BarisKeluar] = []
    for index, _row, cells in table_rows(iter(numbered), header, problems):
        raw = dict(zip(keys, cells, strict=True))
        text = {key: " ".join(text_of(raw.get(key)).split()) for key in LABELS}
        moments: dict[str, Moment | None] = {}
        for key in ("tanggal", "dikirim", "diterima"):
            read = read_moment(raw.get(key), label=LABELS[key], sheet=SHEET, baris=index, sel=header.cell(key, index)
                               if key in header.columns else None)  # fmt: skip
            if isinstance(read, Problem):
                problems.append(read)
                read = None
            moments[key] = read
        tanggal = moments["tanggal"]
        found.append(BarisKeluar(text["nomor"], tanggal.date() if isinstance(tanggal, dt.datetime) else tanggal,
                                 text["kepada"], text["perihal"], text["dokumen"], text["kode"], moments["dikirim"],
                                 moments["diterima"], text["penerima"]))  # fmt: skip
    return found, problems
