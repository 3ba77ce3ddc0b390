"""Sheets Pohon Kinerja and Manual Indikator: their layout and their reader, side by side.

Pohon Kinerja (Excel Table TabelPohon, header row 5): one row per tujuan, sasaran, program, kegiatan
and sub kegiatan: Jenjang, Kode, Induk, Nama, Penanggung Jawab, Pagu, Realisasi Anggaran
(``domain.tree.model.Node``). Above the table, the label "Metode Gabungan Capaian" and its choice
(Rata-rata, the default, or Bobot pagu: ``domain.tree.rollup.MetodeRollUp``).

Manual Indikator (Excel Table TabelManual, header row 4): one row per indicator: Kode Indikator,
Simpul Pohon Kinerja (the node it measures), Definisi Operasional, Jenis Rumus, Pembilang, Penyebut,
Pengali, Sumber Data, Frekuensi, Standar Nasional/SPM, and the ratio's parts per triwulan
(``domain.tree.manual.ManualIndikator``).

Both are read with the one table reader (``sheets.table``), columns by header; both sheets are
optional: a workbook without them is the two-level workbook it always was. ``pohon_values`` and
``manual_values`` lay the sheets out for every writer (``sheets.grid.SheetValues``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import cache

from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import text_of
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.manual import Frekuensi, JenisRumus, ManualIndikator
from xlwings_app.domain.tree.model import Node
from xlwings_app.domain.tree.nomenklatur import Nomenklatur, merge, parse_nomenklatur
from xlwings_app.domain.tree.rollup import DEFAULT_METODE, MetodeRollUp
from xlwings_app.domain.tree.workbook import SIMPUL, PohonData
from xlwings_app.resources import nomenklatur_files
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.source import SheetSource, sheet_rows, tables_of
from xlwings_app.sheets.table import TableSpec, find_header, read_fields, table_rows

SHEET_POHON = L.SHEET_POHON
SHEET_MANUAL = L.SHEET_MANUAL
TABLE_POHON = "TabelPohon"
TABLE_MANUAL = "TabelManual"
POHON_HEADER_ROW = 5
MANUAL_HEADER_ROW = 4
METODE_LABEL = "Metode Gabungan Capaian"
METODE_ALASAN = (
    "Rata-rata (bawaan): capaian suatu tingkat = rata-rata capaian tingkat di bawahnya (evaluasi Renja, "
    "Permendagri 86/2017); anggaran diukur dengan efisiensi. Bobot pagu: dibobot pagu DPA."
)

POHON_COLUMNS: dict[str, tuple[str, float]] = {
    "jenjang": ("Jenjang", 13), "kode": ("Kode", 19), "induk": ("Induk", 14), "nama": ("Nama", 52),
    "penanggung_jawab": ("Penanggung Jawab", 24), "pagu": ("Pagu", 16),
    "realisasi_anggaran": ("Realisasi Anggaran", 16),
}  # fmt: skip
"""Key → (header, width) of the Pohon Kinerja table, in order."""
TW = ("TW I", "TW II", "TW III", "TW IV")
MANUAL_COLUMNS: dict[str, tuple[str, float]] = {
    "kode": ("Kode Indikator", 11), SIMPUL: ("Simpul Pohon Kinerja", 19),
    "definisi_operasional": ("Definisi Operasional", 40), "jenis_rumus": ("Jenis Rumus", 13),
    "pembilang": ("Pembilang", 26), "penyebut": ("Penyebut", 26), "pengali": ("Pengali", 8),
    "sumber_data": ("Sumber Data", 26), "frekuensi": ("Frekuensi", 12), "standar": ("Standar Nasional/SPM", 20),
    **{f"p{n}": (f"Pembilang {tw}", 11) for n, tw in enumerate(TW, start=1)},
    **{f"q{n}": (f"Penyebut {tw}", 11) for n, tw in enumerate(TW, start=1)},
}  # fmt: skip
"""Key → (header, width) of the Manual Indikator table, in order."""

POHON_SPEC = TableSpec(
    name=SHEET_POHON, headers={k: h for k, (h, _) in POHON_COLUMNS.items()}, required=("kode", "jenjang", "nama"),
    optional=("induk", "penanggung_jawab", "pagu", "realisasi_anggaran"), excel_table=TABLE_POHON,
)  # fmt: skip
MANUAL_SPEC = TableSpec(
    name=SHEET_MANUAL, headers={k: h for k, (h, _) in MANUAL_COLUMNS.items()}, required=("kode", "definisi_operasional"),
    optional=tuple(k for k in MANUAL_COLUMNS if k not in ("kode", "definisi_operasional")), excel_table=TABLE_MANUAL,
)  # fmt: skip


@cache
def nomenklatur() -> Nomenklatur:
    """The national lists shipped in workbook/nomenklatur, merged (a file's faulty rows left out)."""
    return merge(parse_nomenklatur(path.read_text(encoding="utf-8"), path.name)[0] for path in nomenklatur_files())


def has_tree_sheets(names: Sequence[str]) -> bool:
    return SHEET_POHON in names or SHEET_MANUAL in names


def read_pohon(source: SheetSource) -> tuple[PohonData, list[Problem]]:
    """Both sheets into a ``PohonData`` (empty when neither sheet is there), with every problem."""
    data, problems = PohonData(), list[Problem]()
    names = source.sheetnames
    data.labels = {k: h for k, (h, _) in POHON_COLUMNS.items()} | {SIMPUL: MANUAL_COLUMNS[SIMPUL][0]}
    if SHEET_POHON in names:
        _read_nodes(source, data, problems)
    if SHEET_MANUAL in names:
        _read_manuals(source, data, problems)
    return data, problems


def _problem(sheet: str, row: int, key: str, headers: Mapping[str, str], cell: str, pesan: str, nilai: object,
             tingkat: str = "galat") -> Problem:  # fmt: skip
    return Problem(pesan, sheet, row, headers.get(key, key), cell, nilai, tingkat=tingkat)  # type: ignore[arg-type]


def _read_nodes(source: SheetSource, data: PohonData, problems: list[Problem]) -> None:
    sheet, spec = SHEET_POHON, POHON_SPEC
    fields = read_fields(sheet_rows(source, sheet), {"metode": METODE_LABEL}, until=POHON_HEADER_ROW + 40)
    if "metode" in fields:
        value, cell = fields["metode"]
        text = " ".join(text_of(value).split()).casefold()
        chosen = next((m for m in MetodeRollUp if m.value.casefold() == text), None)
        if text and chosen is None:
            problems.append(Problem(
                f"Metode gabungan '{text_of(value)}' tidak dikenal: isi Rata-rata atau Bobot pagu "
                f"(bawaan {DEFAULT_METODE.value} dipakai).", sheet, int(cell[1:]), METODE_LABEL, cell, value,
                tingkat="peringatan",
            ))  # fmt: skip
        data.metode = chosen or DEFAULT_METODE
    header = find_header(sheet_rows(source, sheet), spec, sheet, tables_of(source, sheet))
    if header is None:
        problems.append(Problem("Baris judul tabel Pohon Kinerja (Jenjang, Kode, Nama) tidak ditemukan.", sheet))
        return
    keys = tuple(header.columns)
    nodes: list[Node] = []
    for index, _row, cells in table_rows(sheet_rows(source, sheet), header, problems):
        raw = dict(zip(keys, cells, strict=True))
        for key in keys:
            data.cells[(sheet, index, key)] = header.cell(key, index)
        jenjang = Jenjang.parse(text_of(raw.get("jenjang")))
        if jenjang is None:
            problems.append(_problem(sheet, index, "jenjang", spec.headers, header.cell("jenjang", index), (
                f"Jenjang '{text_of(raw.get('jenjang'))}' tidak dikenal: isi Tujuan, Sasaran, Program, Kegiatan "
                "atau Sub Kegiatan."), raw.get("jenjang")))  # fmt: skip
            continue
        money: dict[str, Decimal | None] = {}
        for key in ("pagu", "realisasi_anggaran"):
            read = read_number(raw.get(key))
            if read.galat:
                problems.append(_problem(sheet, index, key, spec.headers, header.cell(key, index), read.galat, raw[key]))
            money[key] = read.value
        induk = " ".join(text_of(raw.get("induk")).split()) or None
        nodes.append(Node(
            jenjang, " ".join(text_of(raw.get("kode")).split()), " ".join(text_of(raw.get("nama")).split()), induk,
            " ".join(text_of(raw.get("penanggung_jawab")).split()), money["pagu"], money["realisasi_anggaran"],
            sheet, index,
        ))  # fmt: skip
    data.nodes = tuple(nodes)


def _read_manuals(source: SheetSource, data: PohonData, problems: list[Problem]) -> None:
    sheet, spec = SHEET_MANUAL, MANUAL_SPEC
    header = find_header(sheet_rows(source, sheet), spec, sheet, tables_of(source, sheet))
    if header is None:
        problems.append(Problem(
            "Baris judul tabel Manual Indikator (Kode Indikator, Definisi Operasional) tidak ditemukan.", sheet
        ))  # fmt: skip
        return
    keys = tuple(header.columns)
    for index, _row, cells in table_rows(sheet_rows(source, sheet), header, problems):
        raw = dict(zip(keys, cells, strict=True))
        text = {k: " ".join(text_of(v).split()) for k, v in raw.items()}
        for key in keys:
            data.cells[(sheet, index, key)] = header.cell(key, index)

        def bad(key: str, pesan: str, at: int = index, row: dict[str, object] = raw) -> None:
            problems.append(_problem(sheet, at, key, spec.headers, header.cell(key, at), pesan, row.get(key)))

        kode = text.get("kode", "")
        if not kode:
            bad("kode", "Kode indikator belum diisi: baris Manual Indikator ini tidak dipakai.")
            continue
        if kode.casefold() in data.manuals:
            bad("kode", f"Kode indikator '{kode}' ganda di Manual Indikator.")
            continue
        jenis = JenisRumus.RASIO if text.get("jenis_rumus", "").casefold() in ("rasio", "persentase") else JenisRumus.NILAI
        if text.get("jenis_rumus") and text["jenis_rumus"].casefold() not in ("rasio", "persentase", "nilai langsung", "nilai"):
            bad("jenis_rumus", f"Jenis rumus '{text['jenis_rumus']}' tidak dikenal: isi Nilai Langsung atau Rasio.")
        frekuensi = next((f for f in Frekuensi if f.value.casefold() == text.get("frekuensi", "").casefold()), None)
        numbers: dict[str, Decimal | None] = {}
        for key in ("pengali", "p1", "p2", "p3", "p4", "q1", "q2", "q3", "q4"):
            read = read_number(raw.get(key))
            if read.galat:
                bad(key, read.galat)
            numbers[key] = read.value
        pengali = numbers["pengali"] if numbers["pengali"] is not None else Decimal(100)
        data.manuals[kode.casefold()] = ManualIndikator(
            kode, text.get("definisi_operasional", ""), jenis, text.get("pembilang", ""), text.get("penyebut", ""),
            pengali, text.get("sumber_data", ""), frekuensi, text.get("standar", ""),
            (numbers["p1"], numbers["p2"], numbers["p3"], numbers["p4"]),
            (numbers["q1"], numbers["q2"], numbers["q3"], numbers["q4"]), sheet, index,
        )  # fmt: skip
        if text.get(SIMPUL):
            data.simpul[kode.casefold()] = (text[SIMPUL], sheet, index)


# --- layout --------------------------------------------------------------------------------------


def _columns(sheet: SheetValues, row: int, columns: Mapping[str, tuple[str, float]]) -> None:
    sheet.put(row, 1, [h for h, _ in columns.values()], "header")
    for col, (_, width) in enumerate(columns.values(), start=1):
        sheet.style(f"width:{width}", row, col)


def pohon_values(nodes: Sequence[Node], unit: str = "", metode: MetodeRollUp = DEFAULT_METODE) -> SheetValues:
    """Sheet Pohon Kinerja holding ``nodes`` (the Excel Table TabelPohon from ``POHON_HEADER_ROW``)."""
    sheet = SheetValues(SHEET_POHON)
    sheet.put(1, 1, [f"Pohon Kinerja {unit}".strip()], "title")
    sheet.put(2, 1, ["Tujuan → Sasaran → Program → Kegiatan → Sub Kegiatan. Kode program/kegiatan/sub kegiatan "
                     "menurut nomenklatur (Kepmendagri 050-5889/2021); Induk boleh kosong bila kodenya sudah "
                     "menyebut induknya."], "subtitle")  # fmt: skip
    sheet.put(3, 1, [METODE_LABEL, metode.value, METODE_ALASAN], "bold")
    sheet.style("unlocked", 3, 2)
    _columns(sheet, POHON_HEADER_ROW, POHON_COLUMNS)
    row = POHON_HEADER_ROW
    for node in nodes:
        row += 1
        sheet.put(row, 1, [node.jenjang.value, node.kode, node.induk or "", node.nama, node.penanggung_jawab,
                           node.pagu, node.realisasi_anggaran], "box")  # fmt: skip
    if row > POHON_HEADER_ROW:
        sheet.style("format:#,##0", POHON_HEADER_ROW + 1, 6, row - POHON_HEADER_ROW, 2)
        sheet.style("wrap", POHON_HEADER_ROW + 1, 4, row - POHON_HEADER_ROW)
    return sheet


def manual_values(manuals: Sequence[ManualIndikator], simpul: Mapping[str, str]) -> SheetValues:
    """Sheet Manual Indikator holding ``manuals`` (``simpul``: indicator kode → the node it measures)."""
    sheet = SheetValues(SHEET_MANUAL)
    sheet.put(1, 1, ["Manual Indikator Kinerja"], "title")
    sheet.put(2, 1, ["Metodologi pengukuran tiap indikator (Kertas Kerja Pengukuran Kinerja). Rasio: isi pembilang "
                     "dan penyebut per triwulan, realisasi dihitung Kinerja = pembilang ÷ penyebut × pengali."],
              "subtitle")  # fmt: skip
    _columns(sheet, MANUAL_HEADER_ROW, MANUAL_COLUMNS)
    row = MANUAL_HEADER_ROW
    for m in manuals:
        row += 1
        sheet.put(row, 1, [
            m.kode, simpul.get(m.kode, ""), m.definisi_operasional, m.jenis_rumus.value, m.pembilang, m.penyebut,
            m.pengali if m.is_rasio else None, m.sumber_data, m.frekuensi.value if m.frekuensi else "", m.standar,
            *m.pembilang_tw, *m.penyebut_tw,
        ], "box")  # fmt: skip
        sheet.style("wrap", row, 3, 1, 4)
    return sheet


def table_ref(values: SheetValues, header_row: int, width: int) -> str:
    """The Excel Table's range over the header row and the rows below it (at least one row)."""
    last = max(header_row + 1, max((r for r, _ in values.cells), default=header_row))
    return f"A{header_row}:{column_letter(width)}{last}"
