"""What a lembar isian (form sheet) and the form metadata hold, as values: for the live writer.

``form_sheet_values`` gives the cells ``adapters.openpyxl.form_builder.write_form_sheet`` writes (title,
instructions, the Status formulir cell, headers, one row per indicator with the live formulas as ``Formula``) and the
styles as spans: yellow input cells, grey computed cells, header, wrap, number formats, column
widths. ``meta_sheet_values`` gives the metadata rows, all text. The ribbon's Buat Lembar Isian
writes them into the open workbook (``adapters.xlwings.forms``); tests/addin checks they equal what
``kinerja lembar`` writes. The row values come from the same helpers the openpyxl builder uses.

``read_metas`` and ``read_form_sheet`` read them back (a form file, or the lembar sheets of a
master) with the one table reader: the metadata rows below their header, and the form's table under
its Kode header row, its cells by the form's columns left to right (the sheet is locked: columns do
not move), the Status formulir cell above it. The cells are handed over raw, with their address and
whether they hold a formula, to ``forms.checks``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from xlwings_app.domain.analisis import periode_label
from xlwings_app.domain.cell_addresses import cell_coords, column_letter
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import normalise_kode, text_of
from xlwings_app.domain.settings import Settings
from xlwings_app.forms.checks import STATUS_CHOICES, STATUS_LABEL
from xlwings_app.forms.filled import Cell, Disimpan, FilledForm, FormRow
from xlwings_app.forms.kembali import FINGERPRINT_KEY, form_fingerprint
from xlwings_app.forms.meta import META_HEADERS, FormMeta, from_rows, to_rows
from xlwings_app.forms.spec import PeriodeError, form_columns, row_formulas, spec
from xlwings_app.sheets import palette as P
from xlwings_app.sheets.grid import Formula, SheetValues
from xlwings_app.sheets.indicator_rows import indicator_values
from xlwings_app.sheets.source import Row
from xlwings_app.sheets.table import TableSpec, find_header, header_at, read_fields, table_rows


def instructions(periode: Periode) -> tuple[str, ...]:
    tw, kolom = periode.label.replace("s.d. ", ""), periode_label(periode)
    return (
        "Petunjuk pengisian",
        f"1. Isi hanya sel kuning: Realisasi {tw}, analisis {kolom} (Permasalahan, Rencana Aksi, Faktor Pendukung, "
        f"Faktor Penghambat), Alasan Realisasi Kosong {kolom} bila datanya belum ada, dan Keterangan. "
        "Sel kosong berarti belum diisi; 0 berarti realisasinya nol.",
        "2. Kolom putih (kode, indikator, satuan, target, realisasi dan analisis triwulan sebelumnya) adalah "
        "konteks dan terkunci. Bila ada yang salah, hubungi Tim SAKIP; jangan diubah di sini.",
        f"3. Kolom abu-abu dihitung otomatis saat Anda mengetik: capaian {periode.label} menurut agregasi "
        "indikator (tanpa makro; juga di LibreOffice).",
        f"4. Bila target tidak tercapai, Permasalahan {kolom} dan Rencana Aksi {kolom} wajib diisi (untuk triwulan ini; "
        "teks triwulan sebelumnya hanya untuk dibaca).",
        "5. Angka desimal mengikuti pengaturan Windows (mis. 82,5). Indikator bersatuan %: ketik angka persennya, "
        "85 atau 85% sama-sama dibaca 85 (bukan 0,85); nilai di bawah 1% ketik dengan tanda % (mis. 0,5%). "
        "Sel yang sudah menampilkan tanda % diketik ulang dengan tanda % juga (mis. 86%).",
        "6. Jangan menambah, menghapus atau memindah baris/kolom. Simpan sebagai .xlsx dan kirim kembali ke "
        "Tim SAKIP dengan nama file yang sama.",
    )


def header_row(periode: Periode) -> int:
    """Row of the column headers: below the title (2 rows), instructions and a blank row."""
    return 2 + len(instructions(periode)) + 2


def form_sheet_values(
    meta: FormMeta, indicators: Sequence[Indicator], periode: Periode, settings: Settings
) -> SheetValues:
    """The form sheet ``meta.sheet`` for ``indicators``, as ``write_form_sheet`` lays it out."""
    sheet = SheetValues(meta.sheet)
    sheet.put(1, 1, [f"Formulir Pengumpulan Data Kinerja {periode.dengan_tahun(str(meta.get('tahun')))}"], "title")
    official = f" ({meta.get('pejabat')})" if meta.get("pejabat") else ""
    sheet.put(2, 1, [f"{meta.get('unit')} — Penanggung jawab: {meta.get('penanggung_jawab')}{official}"], "subtitle")
    for offset, line in enumerate(instructions(periode)):
        sheet.put(3 + offset, 1, [line], "bold" if offset == 0 else "subtitle")
    columns = form_columns(periode)
    top = header_row(periode)
    sheet.put(top - 1, 1, [STATUS_LABEL], "bold")  # "Status formulir": Draf/Final
    sheet.put(top - 1, 2, [STATUS_CHOICES[0]], f"fill:{P.INPUT}")
    sheet.style("unlocked", top - 1, 2)
    sheet.style("box", top - 1, 2)
    sheet.put(top - 1, 3, ["← pilih Final bila semua isian sudah lengkap"], "subtitle")
    sheet.put(top, 1, [c.header for c in columns], "header")
    for col, column in enumerate(columns, start=1):
        sheet.style(f"width:{column.column.width}", top, col)
    for r, indicator in enumerate(indicators, start=top + 1):
        values = indicator_values(indicator)
        cells = {c.key: f"{column_letter(i)}{r}" for i, c in enumerate(columns, start=1)}
        formulas = row_formulas(periode, settings, cells)
        for col, column in enumerate(columns, start=1):
            if column.role == "hitung":
                sheet.put(r, col, [Formula(formulas[column.key])], f"fill:{P.COMPUTED}")
            else:
                value = values.get(column.key)
                sheet.put(r, col, [None if value in ("", None) else value])
                if column.is_input:
                    sheet.style(f"fill:{P.INPUT}", r, col)
                if column.is_input:
                    sheet.style("unlocked", r, col)
            sheet.style("box", r, col)
            # text wraps; numbers sit at the top beside it (one vertical alignment per row)
            sheet.style("wrap" if column.column.type == "text" else "top", r, col)
            fmt = column.column.format_for(indicator.satuan, typed=column.is_input)
            if fmt:
                sheet.style(f"format:{fmt}", r, col)
    return sheet


def with_fingerprint(
    meta: FormMeta, indicators: Sequence[Indicator], periode: Periode, settings: Settings
) -> FormMeta:
    """``meta`` recording what its form's table and status hold as it is handed out
    (``forms.kembali``): the form sheet's values read back by this module's reader, so the
    fingerprint is the one a rekap computes from the untouched form. The mark is to be set after."""
    sheet = form_sheet_values(meta, indicators, periode, settings)
    rows = ((r, [Cell(f"{column_letter(c)}{r}", v) for c, v in enumerate(row, start=1)])
            for r, row in enumerate(sheet.grid(), start=1))  # fmt: skip
    form, _ = read_form_sheet(rows, "", meta)
    return replace(meta, fields={**meta.fields, FINGERPRINT_KEY: form_fingerprint(form) or ""})


def meta_sheet_values(metas: Sequence[FormMeta]) -> SheetValues:
    """The metadata sheet describing ``metas``: a header row, then text rows."""
    sheet = SheetValues(spec().meta_sheet)
    sheet.put(1, 1, META_HEADERS)
    row = 1
    for meta in metas:
        for values in to_rows(meta):
            row += 1
            sheet.put(row, 1, values)
    return sheet


FORM_TABLE = "lembar isian"
"""The form's table as messages name it."""


class FormUnreadable(ValueError):
    """A form's metadata or sheet cannot be read as Kinerja wrote it; the message (Indonesian) says why."""


class FormBook(Protocol):
    """A form workbook's cells as an engine reads them (``adapters.openpyxl.form_reader``)."""

    @property
    def sheetnames(self) -> list[str]: ...

    def values(self, sheet: str) -> list[list[object]]:
        """The sheet's values from row 1 (formula cells as their cached values)."""
        ...

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
        """Each row's cells (address, value, formula or not) from row 1."""
        ...


def read_form_book(
    book: FormBook, file: str, lembar: bool = False, diubah: datetime | None = None, macros: bool = False,
    disimpan: Disimpan | None = None,
) -> tuple[list[FilledForm], list[Problem]]:
    """The forms of a form file (or with ``lembar`` a master's lembar sheets) and every problem of
    reading them, each naming ``file``: no metadata sheet, a damaged one, a form sheet missing or
    unreadable; ``macros``: the file holds VBA, which is never run (a notice); ``disimpan``: the
    file's record of its last save (``forms.kembali``)."""
    if spec().meta_sheet not in book.sheetnames:
        pesan = (
            "Belum ada lembar isian di workbook ini: buat dengan kinerja lembar FILE."
            if lembar
            else "Bukan formulir Kinerja (metadata formulir tidak ada): gunakan file dari kinerja formulir."
        )
        return [], [Problem(pesan, file=file)]
    forms: list[FilledForm] = []
    problems: list[Problem] = []
    if macros:
        problems.append(Problem(
            "File berisi makro (VBA): makro tidak dijalankan dan diabaikan; hanya nilai sel yang dibaca.",
            file=file, tingkat="catatan"))  # fmt: skip
    try:
        metas = read_metas(book.values(spec().meta_sheet), file)
    except FormUnreadable as exc:
        return [], [Problem(str(exc), file=file)]
    for meta in metas:
        if meta.sheet not in book.sheetnames:
            problems.append(Problem(
                f"Sheet '{meta.sheet}' tidak ditemukan di {file} (sheet diganti nama atau dihapus?).",
                meta.sheet, file=file,
            ))  # fmt: skip
            continue
        try:
            form, notes = read_form_sheet(book.rows(meta.sheet), file, meta, diubah, disimpan)
        except FormUnreadable as exc:
            problems.append(Problem(str(exc), meta.sheet, file=file))
            continue
        forms.append(form)
        problems.extend(notes)
    return forms, problems


def read_metas(rows: Iterable[Row], file: str) -> list[FormMeta]:
    """Every form the metadata sheet describes, from its rows (from row 1: ``META_HEADERS``, then one
    row per field); ``FormUnreadable`` when a row is damaged."""
    numbered = list(enumerate(rows, start=1))
    if not numbered:
        return []
    table = TableSpec(spec().meta_sheet, {h: h for h in META_HEADERS}, required=META_HEADERS)
    header = header_at(table, table.name, 1, numbered[0][1], {h: i for i, h in enumerate(META_HEADERS)})
    try:
        return from_rows(values for _, _, values in table_rows(iter(numbered), header, []))
    except (json.JSONDecodeError, TypeError, AttributeError) as exc:
        raise FormUnreadable(f"Metadata formulir {file} rusak: {exc}.") from exc


def read_form_sheet(
    rows: Iterable[tuple[int, list[Cell]]], file: str, meta: FormMeta, diubah: datetime | None = None,
    disimpan: Disimpan | None = None,
) -> tuple[FilledForm, list[Problem]]:
    """The form ``meta`` describes from its sheet's cells (rows numbered from 1), with the notices of
    reading it; ``FormUnreadable`` when its period is not one a form is made for."""
    try:
        columns = form_columns(Periode.parse(meta.get("periode")))
    except (ValueError, PeriodeError) as exc:
        raise FormUnreadable(f"Metadata formulir {file} rusak: periode '{meta.get('periode')}'.") from exc
    cells_of = dict(rows)

    def values() -> Iterator[tuple[int, Row]]:
        return ((r, [c.value for c in cells]) for r, cells in cells_of.items())

    table = TableSpec(FORM_TABLE, {c.key: c.header for c in columns}, required=("kode",))
    found = find_header(values(), table, meta.sheet)
    label = read_fields(values(), {"status": STATUS_LABEL}, until=None if found is None else found.row).get("status")
    status = None
    if label is not None:
        above = cells_of[cell_coords(label[1])[0]]
        status = above[1] if len(above) > 1 else None
    if found is None:
        return FilledForm(file, meta.sheet, meta, 0, (), (), status, diubah, disimpan), []
    keys = [c.key for c in columns]
    header = header_at(table, meta.sheet, found.row, found.titles, {key: i for i, key in enumerate(keys)})
    problems: list[Problem] = []
    read: list[FormRow] = []
    for r, _row, picked in table_rows(values(), header, problems):
        kode = normalise_kode(picked[0]).text
        if kode:
            cells = cells_of[r]
            padded = cells + [Cell(f"{column_letter(i + 1)}{r}", None) for i in range(len(cells), len(keys))]
            read.append(FormRow(kode, r, dict(zip(keys, padded, strict=False))))
    headers = tuple(text_of(c.value) for c in cells_of[found.row])
    form = FilledForm(file, meta.sheet, meta, found.row, headers, tuple(read), status, diubah, disimpan)
    return form, [p.in_file(file) for p in problems]
