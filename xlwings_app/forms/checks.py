"""Checking one filled form against its own metadata and the master workbook.

``check_form(form, master, unit, tahun, periode, key)`` returns every problem of the form and the values
it delivers. In order:
- the metadata is intact and the form is this master's: its mark is the HMAC keyed by the master's
  secret (``forms.kunci``), so a form edited outside its cells, or made from another master, is
  refused; a form made before the master had a key (plain SHA-256 mark, checked too) is accepted with
  a notice only while the master has no key: once it has one, an unkeyed mark could be anyone's;
- it is of this kind and of the current template (layout versi and form format version);
- the form is for this unit, year and period;
- the header row is unchanged; every indicator row is there, and no row was added;
- no context cell (kode, indikator, satuan, targets, earlier realisasi) was edited in the form;
- the master still holds the context the form was sent with (a target changed in the master
  since: error; only the indicator name or an earlier realisasi changed: notice);
- every row's indicator belongs to the form's penanggung jawab as the master says (case and
  spacing ignored): a row of another official's indicator is refused, naming the form and the row;
- every input is valid: realisasi a number ≥ 0 (never a formula), texts at most 2,000 characters;
  a realisasi of a "%" indicator a hundred times off its target (0,95 against 90 %, or 9500 % typed
  as 95 into a percent cell) is an error saying what was probably meant (``domain.percent_entry``,
  against the targets the form was sent with).
A blank input delivers nothing (blank means "not filled in", never 0 and never "erase").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from xlwings_app.domain.analisis import column_keys
from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.numbers import Percent, read_number
from xlwings_app.domain.percent_entry import implausible_percent, is_percent_unit, reference_target
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import MAX_TEXT, text_of
from xlwings_app.forms.filled import Cell, Delivered, FilledForm, FormRow
from xlwings_app.forms.meta import KIND, context_of, keyed, mark_matches
from xlwings_app.forms.spec import FORM_VERSI, FormColumn, form_columns
from xlwings_app.sheets import layout as L

SOFT_CONTEXT = ("nama", "r1", "r2", "r3", *column_keys())
"""Context whose change in the master since distribution is only a notice (the earlier triwulan's
analysis among them)."""


def _same(a: object, b: str) -> bool:
    """A cell value equals a stored context text (numbers compared as numbers)."""
    text = text_of(a)
    if text == b:
        return True
    x, y = read_number(a), read_number(b)
    return x.value is not None and y.value is not None and x.value == y.value


def _shown(text: str) -> str:
    return text if text else "(kosong)"


def _mark(form: FilledForm, key: bytes | None) -> list[Problem]:
    """The form's integrity mark judged against the master's key (see the module's rules)."""
    meta = form.meta
    if keyed(meta) and key is None:
        return [form.problem(
            "Formulir bertanda keaslian berkunci, tetapi workbook induk tidak menyimpan kunci formulir (sheet "
            "tersembunyi KinerjaKunci): formulir ini bukan dari workbook induk ini, atau kuncinya terhapus. "
            "Bagikan ulang formulir dari workbook induk ini.")]
    if not mark_matches(meta, key):
        return [form.problem(
            "Formulir diubah di luar selnya atau bukan dari workbook induk ini (tanda keaslian/checksum tidak "
            "cocok): minta formulir baru dari workbook induk.")]
    if keyed(meta):
        return []
    if key is not None:
        return [form.problem(
            "Formulir bertanda keaslian lama (tanpa kunci, dapat dihitung ulang siapa saja), sedangkan workbook "
            "induk sudah membagikan formulir bertanda kunci: bagikan ulang formulir ini (kinerja formulir).")]
    return [form.problem(
        "Formulir dibuat Kinerja versi lama (tanda keaslian tanpa kunci): isiannya diambil; untuk periode "
        "berikutnya bagikan formulir baru.", tingkat="catatan")]


def check_identity(form: FilledForm, unit: str, tahun: int, periode: Periode, key: bytes | None) -> list[Problem]:
    """The problems of what ``form`` says of itself: its mark, kind, template version, unit, year and
    period (a form not returned yet is judged on these alone: ``forms.consolidate``)."""
    mark = _mark(form, key)
    if any(p.is_error for p in mark):  # what the form says of itself, for the message only
        return mark + [p for p in _fields(form, unit, tahun, periode) if p.is_error]
    return mark + _fields(form, unit, tahun, periode)


def _fields(form: FilledForm, unit: str, tahun: int, periode: Periode) -> list[Problem]:
    meta, problems = form.meta, []
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


def _plausible(form: FilledForm, row: FormRow, column: FormColumn, stored: Mapping[str, str],
               value: Decimal | None, cell: Cell) -> list[Problem]:
    """A "%" indicator's realisasi a hundred times off the target the form was sent with."""
    if value is None or not is_percent_unit(stored.get("satuan", "")):
        return []
    n = column.key[1:]
    target = reference_target(*(read_number(stored.get(k)).value for k in (f"t{n}", "target_tahunan", "batas_atas")))
    pesan = implausible_percent(column.header, row.kode, value, target, isinstance(cell.value, Percent))
    return [form.problem(pesan, row, column.header, cell, cell.value)] if pesan else []


def _input(form: FilledForm, row: FormRow, column: FormColumn,
           stored: Mapping[str, str]) -> tuple[list[Problem], Delivered | None]:
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
        if wrong := _plausible(form, row, column, stored, read.value, cell):
            return wrong, None
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


def _official(name: str) -> str:
    return " ".join(name.split()).casefold()


def _owner(form: FilledForm, row: FormRow, indicator: Indicator) -> list[Problem]:
    """A row whose indicator the master gives to another official than the form's."""
    pj = form.meta.get("penanggung_jawab")
    if _official(indicator.penanggung_jawab) == _official(pj):
        return []
    owner = indicator.penanggung_jawab.strip() or "(tanpa penanggung jawab)"
    return [form.problem(
        f"Indikator {row.kode} milik {owner} menurut workbook induk, bukan {pj} (penanggung jawab formulir "
        "ini): baris ini tidak diambil. Minta formulir yang benar, atau perbaiki Penanggung Jawab di workbook "
        "induk lalu bagikan ulang formulir.", row, "Kode", row.cells["kode"], row.kode)]


def check_form(form: FilledForm, master: Mapping[str, Indicator], unit: str, tahun: int,
               periode: Periode, key: bytes | None = None) -> tuple[list[Problem], list[Delivered]]:
    """Every problem of ``form`` and what it delivers; ``master`` maps casefolded kode to indicator,
    ``key`` is the master's forms key (``forms.kunci``; None when it has none)."""
    problems = check_identity(form, unit, tahun, periode, key)
    if problems and any(p.is_error for p in problems):
        return problems, []
    columns = form_columns(periode)
    problems += _headers(form, columns)
    if any(p.is_error for p in problems):
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
        elif owner := _owner(form, row, indicator):
            problems += owner
            continue
        problems += _context(form, row, context, stored, indicator, periode)
        for column in inputs:
            found, value = _input(form, row, column, stored)
            problems += found
            if value is not None and indicator is not None:
                delivered.append(value)
    for kode in form.meta.kodes:
        if kode not in seen:
            problems.append(form.problem(f"Baris indikator '{kode}' hilang dari formulir.", kolom="Kode"))
    return problems, delivered
