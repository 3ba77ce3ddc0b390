"""The two sheets the LKjIP (``kinerja lkjip``, docs/lkjip.md) reads beside the IKU: their layouts and
their readers, on the one table reader.

- **Riwayat Capaian**: the unit's earlier years, one row per indicator per year (Tahun, Kode, Target,
  Realisasi, Capaian (%), Predikat, Sumber), under a label block with the Renstra period
  ("Periode Renstra: 2021–2025"). Capaian and Predikat may be left empty: the history computes them
  (``domain.lkjip.history``). Not the sheet Riwayat (the rekap's change log).
- **Narasi LKjIP**: what a person writes (``domain.lkjip.written``): one row per written piece
  (Kunci, Bagian, Isian, Sasaran, Teks); the layout lists every written piece, once per sasaran where
  the structure repeats it, with what to write as a note; a row is matched by its Kunci, else by its
  Isian's name.

- **Perubahan Kode Indikator**: the indicators whose kode changed (a Renstra revision renumbering its
  IKU), one row per change (Tahun Berlaku, Kode Lama, Kode Baru, Keterangan): from Tahun Berlaku on, the
  indicator coded Kode Lama is coded Kode Baru (``domain.lkjip.renames``), so its earlier years, from
  sheet Riwayat Capaian or an imported workbook or archive, still join its history.

A workbook without any of these sheets reads as no history and nothing written: the LKjIP is then a draft with
every written piece marked (``kinerja lkjip`` still works on a workbook made before these sheets).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from xlwings_app.domain.lkjip.history import SegelStatus, YearRecord
from xlwings_app.domain.lkjip.renames import Rename
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.lkjip.structure import Sumber, slots, tempat
from xlwings_app.domain.lkjip.written import Tulisan
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.problems import Problem
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.source import Row
from xlwings_app.sheets.table import TableSpec, find_header, read_fields, table_rows

SHEET_RIWAYAT_CAPAIAN = "Riwayat Capaian"
SHEET_NARASI = "Narasi LKjIP"
SHEET_PERUBAHAN_KODE = "Perubahan Kode Indikator"

RIWAYAT_HEADERS = {"tahun": "Tahun", "kode": "Kode", "target": "Target", "realisasi": "Realisasi",
                   "capaian": "Capaian (%)", "predikat": "Predikat", "sumber": "Sumber"}  # fmt: skip
RIWAYAT_TABLE = TableSpec(SHEET_RIWAYAT_CAPAIAN, RIWAYAT_HEADERS, required=("kode", "tahun", "target", "realisasi"),
                          optional=("capaian", "predikat", "sumber"))  # fmt: skip
RIWAYAT_WIDTHS = (10, 14, 14, 14, 14, 16, 40)
RIWAYAT_HEADER_ROW = 5
PERIODE_LABEL = "Periode Renstra"

NARASI_HEADERS = {"kunci": "Kunci", "bagian": "Bagian", "isian": "Isian", "sasaran": "Sasaran", "teks": "Teks"}
NARASI_TABLE = TableSpec(SHEET_NARASI, NARASI_HEADERS, required=("isian", "teks"),
                         optional=("kunci", "bagian", "sasaran"))  # fmt: skip
NARASI_WIDTHS = (20, 40, 36, 30, 100)
NARASI_HEADER_ROW = 4

PERUBAHAN_HEADERS = {"tahun": "Tahun Berlaku", "kode_lama": "Kode Lama", "kode_baru": "Kode Baru",
                     "keterangan": "Keterangan"}  # fmt: skip
PERUBAHAN_TABLE = TableSpec(SHEET_PERUBAHAN_KODE, PERUBAHAN_HEADERS, required=("kode_lama", "kode_baru", "tahun"),
                            optional=("keterangan",))  # fmt: skip
PERUBAHAN_WIDTHS = (14, 16, 16, 60)
PERUBAHAN_HEADER_ROW = 4


@dataclass(frozen=True)
class Riwayat:
    """What sheet Riwayat Capaian holds: the Renstra period written (``None`` when not) and the records."""

    periode: RenstraPeriod | None
    records: tuple[YearRecord, ...]


def parse_periode(value: object) -> RenstraPeriod | None:
    """"2021–2025", "2021-2025" or "2021 s.d. 2025" as a period; ``None`` when it is not one."""
    years = [int(y) for y in re.findall(r"\d{4}", str(value or ""))]
    if len(years) != 2 or years[1] < years[0]:
        return None
    return RenstraPeriod(years[0], years[1])


def riwayat_values(periode: RenstraPeriod | None, records: Sequence[YearRecord]) -> SheetValues:
    """Sheet Riwayat Capaian with ``records`` (ascending by kode and year)."""
    sheet = SheetValues(SHEET_RIWAYAT_CAPAIAN)
    sheet.put(1, 1, ["Riwayat Capaian Indikator (tahun-tahun Renstra)"], "title")
    sheet.put(2, 1, ["Satu baris per indikator per tahun sebelum tahun berjalan; Capaian dan Predikat boleh "
                     "dikosongkan (dihitung Kinerja). Dipakai kinerja lkjip (BAB III.A butir 2 dan 3)."], "subtitle")
    sheet.put(3, 1, [PERIODE_LABEL, periode.label if periode else ""])
    sheet.put(RIWAYAT_HEADER_ROW, 1, list(RIWAYAT_HEADERS.values()), "header")
    for col, width in enumerate(RIWAYAT_WIDTHS, start=1):
        sheet.style(f"width:{width}", RIWAYAT_HEADER_ROW, col)
    ordered = sorted(records, key=lambda r: (r.kode, r.tahun))
    for n, r in enumerate(ordered, start=RIWAYAT_HEADER_ROW + 1):
        sheet.put(n, 1, [r.tahun, r.kode, r.target, r.realisasi, r.capaian, r.predikat, r.sumber])
    return sheet


def read_riwayat_capaian(rows: Iterable[Row], file: str = "") -> tuple[Riwayat, list[Problem]]:
    """Sheet Riwayat Capaian's period and records from its rows (row 1 first); each unreadable cell a
    problem at its cell, its row left out."""
    numbered = list(enumerate(rows, start=1))
    fields = read_fields(numbered, {"periode": PERIODE_LABEL})
    problems: list[Problem] = []
    periode = None
    if "periode" in fields:
        value, cell = fields["periode"]
        periode = parse_periode(value)
        if periode is None and value not in (None, ""):
            problems.append(Problem(f"Periode Renstra '{value}' tidak terbaca: tulis seperti 2021–2025.",
                                    SHEET_RIWAYAT_CAPAIAN, None, PERIODE_LABEL, cell, value, file or None))  # fmt: skip
    header = find_header(numbered, RIWAYAT_TABLE, SHEET_RIWAYAT_CAPAIAN)
    if header is None:
        return Riwayat(periode, ()), problems
    records = []
    keys = list(header.columns)
    for index, _row, values in table_rows(iter(numbered), header, problems):
        row_of = dict(zip(keys, values, strict=True))
        bad = False
        numbers: dict[str, Decimal | None] = {}
        for key in ("tahun", "target", "realisasi", "capaian"):
            read = read_number(row_of.get(key))
            if read.galat:
                problems.append(Problem(f"{RIWAYAT_HEADERS[key]}: {read.galat}", SHEET_RIWAYAT_CAPAIAN, index,
                                        RIWAYAT_HEADERS[key], header.cell(key, index), row_of.get(key), file or None))  # fmt: skip
                bad = True
            numbers[key] = read.value
        tahun = numbers["tahun"]
        if bad:
            continue
        if tahun is None or tahun != tahun.to_integral_value():
            problems.append(Problem("Tahun harus diisi dengan tahun (misalnya 2023).", SHEET_RIWAYAT_CAPAIAN, index,
                                    "Tahun", header.cell("tahun", index), row_of.get("tahun"), file or None))  # fmt: skip
            continue
        predikat = str(row_of.get("predikat") or "").strip() or None
        records.append(YearRecord(
            str(row_of.get("kode") or "").strip(), int(tahun), numbers["target"], numbers["realisasi"],
            numbers["capaian"], predikat, str(row_of.get("sumber") or "").strip() or SHEET_RIWAYAT_CAPAIAN,
            SegelStatus.TANPA_SEGEL, SHEET_RIWAYAT_CAPAIAN, index,
        ))  # fmt: skip
    return Riwayat(periode, tuple(records)), problems


@dataclass(frozen=True)
class PerubahanKode:
    """What sheet Perubahan Kode Indikator holds: the renames (each with its sheet and row) and the cell
    of each of their fields, keyed (sheet, row, field) as ``domain.lkjip.renames.check_renames`` asks."""

    renames: tuple[Rename, ...] = ()
    cells: dict[tuple[str, int, str], str] = field(default_factory=dict)
    keterangan: dict[int, str] = field(default_factory=dict)
    """Each row's Keterangan (by row), kept when the table is carried to the next year's workbook."""


def perubahan_values(renames: Sequence[Rename], keterangan: Sequence[str] = ()) -> SheetValues:
    """Sheet Perubahan Kode Indikator with ``renames`` (ascending by year), ``keterangan`` beside each."""
    sheet = SheetValues(SHEET_PERUBAHAN_KODE)
    sheet.put(1, 1, ["Perubahan Kode Indikator"], "title")
    sheet.put(2, 1, ["Satu baris per kode yang berganti: mulai Tahun Berlaku, indikator berkode Kode Lama "
                     "memakai Kode Baru. Dipakai kinerja lkjip untuk menyambung riwayat capaiannya."], "subtitle")
    sheet.put(PERUBAHAN_HEADER_ROW, 1, list(PERUBAHAN_HEADERS.values()), "header")
    for col, width in enumerate(PERUBAHAN_WIDTHS, start=1):
        sheet.style(f"width:{width}", PERUBAHAN_HEADER_ROW, col)
    notes = list(keterangan) + [""] * (len(renames) - len(keterangan))
    ordered = sorted(zip(renames, notes, strict=True), key=lambda pair: pair[0].tahun)
    for n, (r, note) in enumerate(ordered, start=PERUBAHAN_HEADER_ROW + 1):
        sheet.put(n, 1, [r.tahun, r.kode_lama, r.kode_baru, note])
    return sheet


def read_perubahan_kode(rows: Iterable[Row], file: str = "") -> tuple[PerubahanKode, list[Problem]]:
    """Sheet Perubahan Kode Indikator's renames from its rows (row 1 first); a row without a readable
    Tahun Berlaku is a problem at its cell, left out (blank kodes are ``check_renames``' to report)."""
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, PERUBAHAN_TABLE, SHEET_PERUBAHAN_KODE)
    if header is None:
        return PerubahanKode(), []
    problems: list[Problem] = []
    renames: list[Rename] = []
    cells: dict[tuple[str, int, str], str] = {}
    keterangan: dict[int, str] = {}
    keys = list(header.columns)
    for index, _row, values in table_rows(iter(numbered), header, problems):
        row_of = dict(zip(keys, values, strict=True))
        read = read_number(row_of.get("tahun"))
        tahun = read.value
        if read.galat or tahun is None or tahun != tahun.to_integral_value():
            problems.append(Problem("Tahun Berlaku harus diisi dengan tahun (misalnya 2023).", SHEET_PERUBAHAN_KODE,
                                    index, "Tahun Berlaku", header.cell("tahun", index), row_of.get("tahun"),
                                    file or None))  # fmt: skip
            continue
        renames.append(Rename(int(tahun), str(row_of.get("kode_lama") or "").strip(),
                              str(row_of.get("kode_baru") or "").strip(), SHEET_PERUBAHAN_KODE, index))  # fmt: skip
        for key in ("tahun", "kode_lama", "kode_baru"):
            cells[(SHEET_PERUBAHAN_KODE, index, key)] = header.cell(key, index)
        keterangan[index] = str(row_of.get("keterangan") or "").strip()
    return PerubahanKode(tuple(renames), cells, keterangan), problems


def narasi_values(sasaran: Sequence[str], tulisan: Sequence[Tulisan] = ()) -> SheetValues:
    """Sheet Narasi LKjIP: a row per written piece (per sasaran where repeated), with ``tulisan``'s text."""
    from xlwings_app.domain.lkjip.written import find

    sheet = SheetValues(SHEET_NARASI)
    sheet.put(1, 1, ["Narasi LKjIP: bagian yang ditulis sendiri"], "title")
    sheet.put(2, 1, ["Tulis di kolom Teks. Bagian bertanda (wajib) harus terisi sebelum LKjIP final "
                     "(kinerja lkjip --final); yang lain boleh dikosongkan. Jangan ubah kolom Kunci."], "subtitle")
    sheet.put(NARASI_HEADER_ROW, 1, list(NARASI_HEADERS.values()), "header")
    for col, width in enumerate(NARASI_WIDTHS, start=1):
        sheet.style(f"width:{width}", NARASI_HEADER_ROW, col)
    row = NARASI_HEADER_ROW + 1
    for piece in slots(Sumber.TULISAN):
        for of in (sasaran if piece.per_sasaran else [""]):
            found = find(tulisan, piece.kunci, of)
            nama = f"{piece.nama}{' (wajib)' if piece.wajib else ''}"
            sheet.put(row, 1, [piece.kunci, tempat(piece.kunci), nama, of, found.teks if found else ""])
            sheet.style("wrap", row, 5)
            row += 1
    return sheet


def read_narasi(rows: Iterable[Row], file: str = "") -> tuple[list[Tulisan], list[Problem]]:
    """What sheet Narasi LKjIP holds, by piece; a row whose piece is not known is a warning at its cell."""
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, NARASI_TABLE, SHEET_NARASI)
    if header is None:
        return [], []
    by_name = {_key(s.nama): s.kunci for s in slots(Sumber.TULISAN)}
    known = set(by_name.values())
    keys = list(header.columns)
    problems: list[Problem] = []
    tulisan = []
    for index, _row, values in table_rows(iter(numbered), header, problems):
        cell = dict(zip(keys, values, strict=True))
        kunci = str(cell.get("kunci") or "").strip()
        if kunci not in known:
            kunci = by_name.get(_key(str(cell.get("isian") or "").replace("(wajib)", "")), "")
        teks = "" if cell.get("teks") is None else str(cell.get("teks"))
        if not kunci:
            if teks.strip():
                problems.append(Problem(f"Isian '{cell.get('isian')}' tidak dikenal: teksnya tidak dipakai LKjIP.",
                                        SHEET_NARASI, index, "Isian", header.cell("isian", index), cell.get("isian"),
                                        file or None, "peringatan"))  # fmt: skip
            continue
        tulisan.append(Tulisan(kunci, teks, str(cell.get("sasaran") or "").strip(), SHEET_NARASI, index,
                               header.cell("teks", index)))  # fmt: skip
    return tulisan, problems


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
