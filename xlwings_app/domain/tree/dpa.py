"""Import of the program/kegiatan/sub kegiatan table with pagu from a SIPD or DPA export.

The office has its DPA/RKA as SIPD's Excel export, a CSV of it, or a sheet pasted from either. The
rows arrive as the cells hold them (text, numbers, ``None``); ``read_dpa`` finds the header row and
the columns by their header text, reads every row, and returns the nodes with every problem, each
naming its row and cell. Nothing is half-imported: the caller imports the nodes only when
``DpaImport.ok`` (no galat).

Columns (header text compared with case, spacing, ``_``, ``-``, ``/`` and a bracketed unit ignored,
so ``kode_sub_giat``, ``Kode Sub Kegiatan`` and ``KODE SUB KEGIATAN`` are one column):
- codes: SIPD's fields ``kode_program``, ``kode_giat``, ``kode_sub_giat`` and their Indonesian
  headers (Kode Program, Kode Kegiatan, Kode Sub Kegiatan), or one ``Kode`` column whose codes say
  their level (the DPA's "Rekapitulasi ... menurut Program, Kegiatan, Sub Kegiatan" layout), or a
  name column whose text starts with the code (SIPD's ``nama_sub_giat`` "7.01.02.2.01.0001 Koordinasi ...");
- names: ``nama_program``, ``nama_giat``, ``nama_sub_giat``, Nama Program/Kegiatan/Sub Kegiatan, or
  one Uraian/Nama column;
- pagu: the first of ``PAGU_HEADERS`` present (``pagu`` before ``pagumurni``; a DPPA's "Setelah
  Perubahan"/"Menjadi" before "Anggaran" and "Jumlah", its "Sebelum Perubahan"/"Semula" never;
  ``pagu_n_depan`` and ``pagu_n_lalu`` are other years and ``pagu_keg`` the kegiatan's, never read);
- optional: Realisasi (realisasi anggaran), and Kode Rekening: rows with an account code are the
  rincian of their sub kegiatan and are summed into its pagu.

Rows: each row is the node of its deepest code (a sub kegiatan row in SIPD's wide export also
names its kegiatan and program, which must be the code's own: ``7.01.02.2.01.0001`` belongs to
kegiatan ``7.01.02.2.01``). Urusan (``7``), bidang (``7.01``) and organisasi rows are headings and
are skipped; a row without a code is skipped when it is a total ("Jumlah", "Total") or has no pagu,
else it is a warning. A program or kegiatan named only by its children's codes is made from them,
its pagu their sum. Numbers are read as ``numbers.read_number`` reads cells ("1.234.567,00",
"Rp 1.500.000", 296187500.0); a sub kegiatan without a pagu, a negative pagu, a code of no national
shape and a code given twice are errors. The tree rules (``domain.tree.rules.check_tree``) then check
the nodes: a program's own pagu against the sum of its kegiatan, codes unknown to the nomenclature.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.rows import text_of
from xlwings_app.domain.tree.codes import (
    Bentuk,
    Jenjang,
    KodeNomenklatur,
    bentuk,
    clean,
    parse_kode,
    split_code_prefix,
)
from xlwings_app.domain.tree.model import Node, Tree
from xlwings_app.domain.tree.nomenklatur import Nomenklatur
from xlwings_app.domain.tree.rules import check_tree


class Peran(StrEnum):
    """What a column holds."""

    KODE_PROGRAM = "kode program"
    NAMA_PROGRAM = "nama program"
    KODE_KEGIATAN = "kode kegiatan"
    NAMA_KEGIATAN = "nama kegiatan"
    KODE_SUB = "kode sub kegiatan"
    NAMA_SUB = "nama sub kegiatan"
    KODE = "kode"
    NAMA = "uraian"
    PAGU = "pagu"
    REALISASI = "realisasi"
    REKENING = "kode rekening"


HEADERS: Mapping[Peran, tuple[str, ...]] = {
    Peran.KODE_PROGRAM: ("kode program", "kd program", "kode prog", "kd prog"),
    Peran.NAMA_PROGRAM: ("nama program", "program", "uraian program", "nama prog"),
    Peran.KODE_KEGIATAN: ("kode giat", "kode kegiatan", "kd kegiatan", "kd giat", "kode keg"),
    Peran.NAMA_KEGIATAN: ("nama giat", "nama kegiatan", "kegiatan", "uraian kegiatan", "nama keg"),
    Peran.KODE_SUB: ("kode sub giat", "kode sub kegiatan", "kode subkegiatan", "kd sub kegiatan", "kd sub giat",
                     "kode sub keg", "kode subgiat"),
    Peran.NAMA_SUB: ("nama sub giat", "nama sub kegiatan", "nama subkegiatan", "sub kegiatan", "subkegiatan",
                     "uraian sub kegiatan", "nama subgiat"),
    Peran.KODE: ("kode", "kode nomenklatur", "kode program kegiatan sub kegiatan",
                 "kode urusan program kegiatan sub kegiatan", "kode urusan bidang urusan program kegiatan sub kegiatan"),
    Peran.NAMA: ("uraian", "nama", "nomenklatur", "program kegiatan sub kegiatan", "uraian program kegiatan sub kegiatan",
                 "nama program kegiatan sub kegiatan", "urusan program kegiatan sub kegiatan",
                 "urusan bidang urusan program kegiatan sub kegiatan", "uraian urusan program kegiatan sub kegiatan"),
    Peran.REALISASI: ("realisasi", "realisasi anggaran", "realisasi keuangan", "realisasi belanja", "realisasi sp2d"),
    Peran.REKENING: ("kode rekening", "kode akun", "kd rekening", "kode rek", "rekening", "akun"),
}  # fmt: skip
"""Header texts of each column, as ``header_key`` writes them."""

PAGU_HEADERS = (
    "pagu", "pagu anggaran", "pagu dpa", "pagu sub kegiatan", "pagu sub giat", "setelah perubahan",
    "sesudah perubahan", "anggaran setelah perubahan", "pagu setelah perubahan", "menjadi", "jumlah menjadi",
    "anggaran menjadi", "pagu murni", "pagumurni",
    "pagu indikatif", "anggaran", "jumlah anggaran", "total anggaran", "alokasi", "alokasi anggaran", "jumlah",
    "nilai", "total", "rincian",
)  # fmt: skip
"""Header texts of the pagu column, the first present wins."""

HEADER_SCAN = 40
"""Rows searched for the header (an export's title block is a few rows)."""

_TOTALS = ("jumlah", "total", "jumlah total", "total keseluruhan", "jumlah keseluruhan", "grand total")
_BRACKETS = re.compile(r"\([^)]*\)")
_SEPARATORS = re.compile(r"[\s_\-/.:]+")
_HEADINGS = (Bentuk.URUSAN, Bentuk.BIDANG, Bentuk.ORGANISASI)
"""Rows of a DPA's hierarchy above the program: headings, not nodes."""
_CODES = (Peran.KODE_SUB, Peran.KODE_KEGIATAN, Peran.KODE_PROGRAM, Peran.KODE)
_NAME_OF = {Jenjang.PROGRAM: Peran.NAMA_PROGRAM, Jenjang.KEGIATAN: Peran.NAMA_KEGIATAN,
            Jenjang.SUB_KEGIATAN: Peran.NAMA_SUB}  # fmt: skip
_CODE_OF = {Jenjang.PROGRAM: Peran.KODE_PROGRAM, Jenjang.KEGIATAN: Peran.KODE_KEGIATAN,
            Jenjang.SUB_KEGIATAN: Peran.KODE_SUB}  # fmt: skip


def header_key(value: object) -> str:
    """A header cell compared: case, bracketed units, ``_ - / . :`` and spacing ignored."""
    return _SEPARATORS.sub(" ", _BRACKETS.sub(" ", text_of(value).casefold())).strip()


@dataclass(frozen=True)
class Header:
    """Where the table starts: the header row (1-based, as the sheet numbers it) and each column's
    0-based index within a row, with the header as written."""

    baris: int
    columns: Mapping[Peran, int]
    labels: Mapping[Peran, str]


@dataclass(frozen=True)
class DpaImport:
    """What ``read_dpa`` read: the nodes (parents before children) and every problem."""

    nodes: tuple[Node, ...]
    problems: tuple[Problem, ...]
    header: Header | None = None

    @property
    def ok(self) -> bool:
        """Whether the nodes may be imported: no galat at all (all or nothing)."""
        return not any(p.is_error for p in self.problems)

    def tree(self) -> Tree:
        """The nodes as a tree (programs at its top)."""
        return Tree(self.nodes)


def find_header(rows: Sequence[Sequence[object]], first_row: int = 1) -> tuple[Header | None, list[str]]:
    """The first row among the first ``HEADER_SCAN`` with a code column (or a name column) and a pagu
    column, and notes on the columns chosen (a second pagu candidate left unread)."""
    for index, row in enumerate(rows[:HEADER_SCAN]):
        keys = [header_key(v) for v in row]
        columns: dict[Peran, int] = {}
        for peran, names in HEADERS.items():
            found = next((i for i, k in enumerate(keys) if k in names), None)
            if found is not None:
                columns[peran] = found
        pagu = [(PAGU_HEADERS.index(k), i) for i, k in enumerate(keys) if k in PAGU_HEADERS and i not in columns.values()]
        has_code = any(p in columns for p in _CODES) or Peran.NAMA in columns or Peran.NAMA_SUB in columns
        if not (pagu and has_code):
            continue
        pagu.sort()
        columns[Peran.PAGU] = pagu[0][1]
        labels = {p: text_of(row[i]) for p, i in columns.items()}
        notes = [f"Kolom '{text_of(row[i])}' tidak dibaca sebagai pagu (dipakai '{labels[Peran.PAGU]}')."
                 for _, i in pagu[1:]]  # fmt: skip
        return Header(first_row + index, columns, labels), notes
    return None, []


@dataclass
class _Draft:
    code: KodeNomenklatur
    nama: str
    baris: int | None
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    from_row: bool = False
    rincian: Decimal | None = None


@dataclass
class _Reading:
    sheet: str
    header: Header
    first_column: int
    nomenklatur: Nomenklatur | None
    problems: list[Problem] = field(default_factory=list)
    drafts: dict[str, _Draft] = field(default_factory=dict)
    cells: dict[tuple[str, int, str], str] = field(default_factory=dict)
    text_numbers: int = 0
    skipped_rekening: int = 0

    def cell(self, baris: int, peran: Peran) -> str:
        return f"{column_letter(self.first_column + self.header.columns[peran])}{baris}"

    def add(self, baris: int, peran: Peran, pesan: str, nilai: object, tingkat: Tingkat = "galat") -> None:
        self.problems.append(Problem(
            pesan, self.sheet or None, baris, self.header.labels[peran], self.cell(baris, peran), nilai, tingkat=tingkat
        ))  # fmt: skip


def read_dpa(
    rows: Sequence[Sequence[object]],
    sheet: str = "",
    first_row: int = 1,
    first_column: int = 1,
    nomenklatur: Nomenklatur | None = None,
) -> DpaImport:
    """Read an export's rows (module docstring); ``first_row``/``first_column`` number the first
    row and column given as the sheet numbers them (1, 1: row 1, column A)."""
    header, notes = find_header(rows, first_row)
    if header is None:
        return DpaImport((), (Problem(
            "Kepala tabel tidak ditemukan: perlu kolom kode (mis. kode_sub_giat, Kode Sub Kegiatan atau Kode) "
            f"dan kolom pagu (mis. pagu, Pagu, Anggaran, Jumlah) dalam {HEADER_SCAN} baris pertama.",
            sheet or None,
        ),))  # fmt: skip
    reading = _Reading(sheet, header, first_column, nomenklatur)
    for note in notes:
        reading.problems.append(Problem(note, sheet or None, header.baris, tingkat="catatan"))
    for index in range(header.baris - first_row + 1, len(rows)):
        _read_row(reading, rows[index], first_row + index)
    nodes = _nodes(reading)
    if reading.text_numbers:
        reading.problems.append(Problem(
            f"{reading.text_numbers} nilai pagu/realisasi berupa teks (mis. '1.234.567,00') dibaca sebagai angka.",
            sheet or None, tingkat="catatan",
        ))  # fmt: skip
    if reading.skipped_rekening:
        reading.problems.append(Problem(
            f"{reading.skipped_rekening} baris rincian rekening dilewati (pagu dibaca dari baris sub kegiatan).",
            sheet or None, tingkat="catatan",
        ))  # fmt: skip
    labels = {"kode": header.labels.get(_code_peran(header), "Kode"), "pagu": header.labels[Peran.PAGU]}
    tree_problems = check_tree(Tree(nodes), nomenklatur, reading.cells, labels) if nodes else []
    if not nodes and not any(p.is_error for p in reading.problems):
        reading.problems.append(Problem("Tidak ada baris program, kegiatan atau sub kegiatan di bawah kepala tabel.",
                                        sheet or None, header.baris))  # fmt: skip
    return DpaImport(nodes, tuple(reading.problems + tree_problems), header)


def _code_peran(header: Header) -> Peran:
    return next((p for p in _CODES if p in header.columns), Peran.NAMA)


def _value(row: Sequence[object], header: Header, peran: Peran) -> object:
    index = header.columns.get(peran)
    return row[index] if index is not None and index < len(row) else None


def _read_row(reading: _Reading, row: Sequence[object], baris: int) -> None:
    header = reading.header
    found: dict[Jenjang, tuple[KodeNomenklatur, Peran]] = {}
    heading = False
    for peran in _CODES:
        text = clean(_value(row, header, peran)) if peran in header.columns else ""
        if not text:
            continue
        kind = bentuk(text)
        if kind in _HEADINGS:
            heading = True
            continue
        if kind is Bentuk.REKENING:
            reading.skipped_rekening += 1
            return
        read = parse_kode(text)
        if read.kode is None:
            reading.add(baris, peran, read.galat or "", text)
            return
        if read.catatan:
            reading.add(baris, peran, read.catatan, text, "catatan")
        found.setdefault(read.kode.jenjang, (read.kode, peran))
    if not found and heading:
        return
    if not found:
        name_peran = next((p for p in (Peran.NAMA_SUB, Peran.NAMA) if p in header.columns), None)
        name = text_of(_value(row, header, name_peran)) if name_peran else ""
        first = clean(name.split(maxsplit=1)[0]) if name.split() else ""
        if first and bentuk(first) in _HEADINGS:
            return
        if first and bentuk(first) is Bentuk.REKENING:
            reading.skipped_rekening += 1
            return
        prefix = split_code_prefix(name)[0]
        if not prefix or name_peran is None:
            _no_code(reading, row, baris)
            return
        read = parse_kode(prefix)
        if read.kode is None:
            reading.add(baris, name_peran, read.galat or "", prefix)
            return
        found[read.kode.jenjang] = (read.kode, name_peran)
    deepest = max(found, key=lambda j: j.depth)
    code, peran = found[deepest]
    for jenjang, (other, other_peran) in found.items():
        if jenjang is not deepest and not code.text.startswith(other.text + "."):
            reading.add(baris, other_peran, (
                f"{deepest.value} '{code.text}' tidak termasuk {jenjang.value.lower()} '{other.text}' yang tertulis "
                f"di baris yang sama: kodenya menunjuk {jenjang.value.lower()} '{code.text[: len(other.text)]}'."
            ), other.text)  # fmt: skip
            return
    rekening = clean(_value(row, header, Peran.REKENING)) if Peran.REKENING in header.columns else ""
    pagu = _number(reading, row, baris, Peran.PAGU)
    realisasi = _number(reading, row, baris, Peran.REALISASI) if Peran.REALISASI in header.columns else None
    if pagu is False or realisasi is False:
        return
    assert not isinstance(pagu, bool) and not isinstance(realisasi, bool)
    _ancestors(reading, row, code, baris, found)
    if rekening:
        draft = _draft(reading, code, row, baris)
        draft.rincian = (draft.rincian or Decimal(0)) + (pagu or Decimal(0))
        return
    _own(reading, row, baris, code, peran, pagu, realisasi)


def _own(
    reading: _Reading, row: Sequence[object], baris: int, code: KodeNomenklatur, peran: Peran,
    pagu: Decimal | None, realisasi: Decimal | None,
) -> None:  # fmt: skip
    existing = reading.drafts.get(code.text)
    if existing is not None and existing.from_row:
        first = f"baris {existing.baris}"
        reading.add(baris, peran, f"Kode '{code.text}' ganda: sudah ada di {first}.", code.text)
        return
    draft = _draft(reading, code, row, baris)
    draft.from_row, draft.baris, draft.pagu, draft.realisasi = True, baris, pagu, realisasi
    name = _name(reading, row, code.jenjang)
    if name:
        draft.nama = name
    for key, peran_key in (("kode", peran), ("pagu", Peran.PAGU), ("nama", _name_peran(reading.header, code.jenjang))):
        if peran_key is not None and peran_key in reading.header.columns:
            reading.cells[(reading.sheet, baris, key)] = reading.cell(baris, peran_key)
    if pagu is None and code.jenjang is Jenjang.SUB_KEGIATAN:
        reading.add(baris, Peran.PAGU, f"Pagu sub kegiatan '{code.text}' belum diisi (isi 0 bila memang tanpa anggaran).",
                    None)  # fmt: skip
    if not draft.nama:
        reading.add(baris, _name_peran(reading.header, code.jenjang) or peran,
                    f"Nama {code.jenjang.value.lower()} '{code.text}' kosong dan tidak ada di nomenklatur.", None,
                    "peringatan")  # fmt: skip


def _draft(reading: _Reading, code: KodeNomenklatur, row: Sequence[object], baris: int) -> _Draft:
    draft = reading.drafts.get(code.text)
    if draft is None:
        entry = reading.nomenklatur.get(code.text) if reading.nomenklatur is not None else None
        draft = reading.drafts[code.text] = _Draft(code, entry.nama if entry else "", baris)
    return draft


def _ancestors(
    reading: _Reading, row: Sequence[object], code: KodeNomenklatur, baris: int,
    found: Mapping[Jenjang, tuple[KodeNomenklatur, Peran]],
) -> None:  # fmt: skip
    """The program (and kegiatan) of ``code``, made when no row of theirs came first, named from
    the same row's program/kegiatan name column, else the nomenclature."""
    chain = [code.program] + ([code.text[:12]] if code.jenjang is Jenjang.SUB_KEGIATAN else [])
    for text in chain:
        if text == code.text or text in reading.drafts:
            continue
        level = parse_kode(text).kode
        assert level is not None
        draft = _draft(reading, level, row, baris)
        name = _name(reading, row, level.jenjang, own=False)
        if name:
            draft.nama = name


def _name_peran(header: Header, jenjang: Jenjang) -> Peran | None:
    specific = _NAME_OF[jenjang]
    if specific in header.columns:
        return specific
    return Peran.NAMA if Peran.NAMA in header.columns else None


def _name(reading: _Reading, row: Sequence[object], jenjang: Jenjang, own: bool = True) -> str:
    """The row's name for ``jenjang``: its own name column, or (for the row's own node) the Uraian
    column; a leading code is dropped."""
    header = reading.header
    peran = _NAME_OF[jenjang] if _NAME_OF[jenjang] in header.columns else (Peran.NAMA if own else None)
    if peran is None or peran not in header.columns:
        return ""
    return split_code_prefix(text_of(_value(row, header, peran)))[1]


def _number(reading: _Reading, row: Sequence[object], baris: int, peran: Peran) -> Decimal | None | bool:
    """The cell as a number (``False`` after an error); integral values without decimals."""
    value = _value(row, reading.header, peran)
    read = read_number(value)
    if read.galat:
        reading.add(baris, peran, read.galat, value)
        return False
    if read.value is None:
        return None
    if read.catatan:
        reading.text_numbers += 1
    if read.value < 0:
        reading.add(baris, peran, f"{reading.header.labels[peran]} tidak boleh negatif.", value)
        return False
    return read.value.quantize(Decimal(1)) if read.value == read.value.to_integral_value() else read.value


def _no_code(reading: _Reading, row: Sequence[object], baris: int) -> None:
    texts = [header_key(v) for v in row if text_of(v)]
    if not texts or any(t in _TOTALS or t.startswith(("jumlah ", "total ")) for t in texts):
        return
    value = _value(row, reading.header, Peran.PAGU)
    if read_number(value).value is None:
        return
    reading.add(baris, Peran.PAGU, "Baris berpagu tanpa kode program/kegiatan/sub kegiatan: dilewati.", value,
                "peringatan")  # fmt: skip


def _nodes(reading: _Reading) -> tuple[Node, ...]:
    nodes = []
    for text, draft in reading.drafts.items():
        pagu = draft.pagu
        if draft.rincian is not None:
            if pagu is not None and pagu != draft.rincian:
                reading.problems.append(Problem(
                    f"Pagu sub kegiatan '{text}' tidak sama dengan jumlah rincian rekeningnya.", reading.sheet or None,
                    draft.baris, reading.header.labels[Peran.PAGU], tingkat="peringatan",
                ))  # fmt: skip
            pagu = pagu if pagu is not None else draft.rincian
        nama = draft.nama
        if not draft.from_row and not nama:
            nama = text
            reading.problems.append(Problem(
                f"{draft.code.jenjang.value} '{text}' (dari kode di baris {draft.baris}) tidak bernama di tabel maupun "
                "di nomenklatur: namanya diisi kodenya.", reading.sheet or None, draft.baris, tingkat="peringatan",
            ))  # fmt: skip
        # a node made from its children's codes has no row of its own: its problems name no cell
        baris = draft.baris if draft.from_row else None
        nodes.append(Node(draft.code.jenjang, text, nama, None, "", pagu, draft.realisasi, reading.sheet, baris))
    order = {j: i for i, j in enumerate(Jenjang)}
    return tuple(sorted(nodes, key=lambda n: (n.kode.split("."), order[n.jenjang])))
