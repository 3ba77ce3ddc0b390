"""Checking one filled form against its own metadata and the master workbook.

``check_form(form, master, unit, tahun, periode)`` returns every problem of the form and the values
it delivers. In order:
- the metadata is intact (checksum), of this kind, of the current template (layout versi and form
  format version);
- the form is for this unit, year and period;
- the header row is unchanged; every indicator row is there, and no row was added;
- no context cell (kode, indikator, satuan, targets, earlier realisasi) was edited in the form;
- the master still holds the context the form was sent with (a target changed in the master
  since: error; only the indicator name or an earlier realisasi changed: notice);
- every input is valid: realisasi a number ≥ 0 (never a formula), texts at most 2,000 characters.
A blank input delivers nothing (blank means "not filled in", never 0 and never "erase").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import MAX_TEXT, text_of
from xlwings_app.forms.filled import Cell, Delivered, FilledForm, FormRow
from xlwings_app.forms.meta import KIND, compute_checksum, context_of
from xlwings_app.forms.spec import FORM_VERSI, FormColumn, form_columns
from xlwings_app.sheets import layout as L

SOFT_CONTEXT = ("nama", "r1", "r2", "r3")
"""Context whose change in the master since distribution is only a notice."""


def _same(a: object, b: str) -> bool:
    """A cell value equals a stored context text (numbers compared as numbers)."""
    text = text_of(a)
    if text == b:
        return True
    x, y = read_number(a), read_number(b)
    return x.value is not None and y.value is not None and x.value == y.value


def _shown(text: str) -> str:
    return text if text else "(kosong)"


def _identity(form: FilledForm, unit: str, tahun: int, periode: Periode) -> list[Problem]:
    meta, problems = form.meta, []
    if meta.checksum != compute_checksum(meta):
        return [form.problem("Metadata formulir rusak atau diubah (checksum tidak cocok): minta formulir baru.")]
    if meta.get("jenis") != KIND:
        return [form.problem("Bukan formulir Kinerja: buat formulir dengan kinerja formulir.")]
    versi = f"{meta.get('versi_format')}.{meta.get('versi_formulir')}"
    current = f"{L.layout().versi}.{FORM_VERSI}"
    if versi != current:
        return [form.problem(
            f"Formulir dibuat dengan templat versi {versi}, versi sekarang {current}: "
            "bagikan ulang formulir (kinerja formulir) dan minta diisi kembali.")]
    if meta.get("unit").casefold() != unit.strip().casefold():
        problems.append(form.problem(
            f"Formulir untuk unit '{meta.get('unit')}', bukan '{unit}' (workbook induk).", nilai=meta.get("unit")))
    if meta.get("tahun") != str(tahun):
        problems.append(form.problem(
            f"Formulir untuk tahun {meta.get('tahun')}, workbook induk tahun {tahun}.", nilai=meta.get("tahun")))
    if meta.get("periode") != periode.value:
        problems.append(form.problem(
            f"Formulir untuk periode {meta.get('periode')}, rekap untuk periode {periode.value} "
            f"(pilih periode rekap dengan --periode {meta.get('periode')}).", nilai=meta.get("periode")))
    return problems


def _headers(form: FilledForm, columns: tuple[FormColumn, ...]) -> list[Problem]:
    expected = [L.normalise_header(c.header) for c in columns]
    found = [L.normalise_header(h) for h in form.headers[: len(columns)]]
    if found == expected:
        return []
    return [form.problem(
        f"Judul kolom formulir di baris {form.header_row} diubah (kolom dipindah, ditambah atau dihapus): "
        "gunakan formulir asli.")]


def _context(form: FilledForm, row: FormRow, columns: tuple[FormColumn, ...], stored: Mapping[str, str],
             master: Indicator | None, periode: Periode) -> list[Problem]:
    """The problems of ``row``'s context ``columns`` (those of role ``konteks``)."""
    problems = []
    now = context_of(master, periode) if master else {}
    for column in columns:
        cell, sent = row.cells[column.key], stored.get(column.key, "")
        if not _same(cell.value, sent):
            problems.append(form.problem(
                f"{column.header} diubah di formulir: tertulis {_shown(text_of(cell.value))}, formulir dikirim "
                f"dengan {_shown(sent)}. Kolom konteks hanya boleh diubah di workbook induk.",
                row, column.header, cell, cell.value))
        if master and not _same(now[column.key], sent):
            soft = column.key in SOFT_CONTEXT
            problems.append(form.problem(
                f"Di workbook induk {column.header} {row.kode} sekarang {_shown(now[column.key])}, formulir "
                f"dikirim dengan {_shown(sent)}"
                + (" (dicatat saja)." if soft else ": bagikan ulang formulir untuk indikator ini."),
                row, column.header, cell, sent, "catatan" if soft else "galat"))
    return problems


def _input(form: FilledForm, row: FormRow, column: FormColumn) -> tuple[list[Problem], Delivered | None]:
    cell: Cell = row.cells[column.key]
    value: Decimal | str | None
    if column.role == "realisasi":
        if cell.formula:
            return [form.problem(f"{column.header} berisi rumus ({cell.value}): ketik angkanya saja.",
                                 row, column.header, cell, cell.value)], None
        read = read_number(cell.value)
        if read.galat:
            return [form.problem(read.galat, row, column.header, cell, cell.value)], None
        if read.value is not None and read.value < 0:
            return [form.problem(f"{column.header} tidak boleh negatif ({angka(read.value)}).",
                                 row, column.header, cell, cell.value)], None
        problems = [form.problem(read.catatan, row, column.header, cell, cell.value, "catatan")] if read.catatan else []
        value = read.value
    else:
        value = str(cell.value).strip() if cell.formula else text_of(cell.value)
        if len(value) > MAX_TEXT:
            return [form.problem(f"Teks terlalu panjang ({len(value)} karakter, maksimal {MAX_TEXT}).",
                                 row, column.header, cell)], None
        problems = [form.problem("Isian berupa rumus disimpan sebagai teks apa adanya.", row, column.header,
                                 cell, cell.value, "catatan")] if cell.formula else []
    if value in (None, ""):
        return problems, None
    assert value is not None
    return problems, Delivered(row.kode, column.key, column.header, value, form.file, form.sheet, cell.address)


STATUS_LABEL = "Status formulir"
STATUS_CHOICES = ("Draf", "Final")


def _status(form: FilledForm) -> list[Problem]:
    """A form still marked Draf is taken, with a notice; an unknown status is an error."""
    if form.status is None:
        return []
    text = text_of(form.status.value)
    if text.casefold() == "final":
        return []
    if text.casefold() in ("draf", "draft", ""):
        return [form.problem(
            f"Formulir masih berstatus '{text or 'kosong'}': isiannya tetap diambil; minta pengisi memilih "
            "Final bila sudah lengkap.", kolom=STATUS_LABEL, cell=form.status, nilai=text, tingkat="catatan")]
    return [form.problem(f"Status formulir '{text}' tidak dikenal: pilih Draf atau Final.",
                         kolom=STATUS_LABEL, cell=form.status, nilai=text)]


def check_form(form: FilledForm, master: Mapping[str, Indicator], unit: str, tahun: int,
               periode: Periode) -> tuple[list[Problem], list[Delivered]]:
    """Every problem of ``form`` and what it delivers; ``master`` maps casefolded kode to indicator."""
    problems = _identity(form, unit, tahun, periode)
    if problems and any(p.is_error for p in problems):
        return problems, []
    columns = form_columns(periode)
    problems += _headers(form, columns)
    if problems:
        return problems, []
    problems += _status(form)
    context = tuple(c for c in columns if c.role == "konteks")
    inputs = tuple(c for c in columns if c.is_input)
    delivered: list[Delivered] = []
    seen = set()
    for row in form.rows:
        stored = form.meta.context.get(row.kode)
        if stored is None:
            problems.append(form.problem(
                f"Baris kode '{row.kode}' tidak ada saat formulir dibagikan (baris ditambah?): hapus baris itu.",
                row, "Kode", row.cells["kode"], row.kode))
            continue
        seen.add(row.kode)
        indicator = master.get(row.kode.casefold())
        if indicator is None:
            problems.append(form.problem(f"Kode '{row.kode}' tidak ada di workbook induk.", row, "Kode",
                                         row.cells["kode"], row.kode))
        problems += _context(form, row, context, stored, indicator, periode)
        for column in inputs:
            found, value = _input(form, row, column)
            problems += found
            if value is not None and indicator is not None:
                delivered.append(value)
    for kode in form.meta.kodes:
        if kode not in seen:
            problems.append(form.problem(f"Baris indikator '{kode}' hilang dari formulir.", kolom="Kode"))
    return problems, delivered
