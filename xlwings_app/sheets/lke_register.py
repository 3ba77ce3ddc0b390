"""The LKE workbook's sheets Rekomendasi (register of recommendations) and Rencana Aksi; their readers.

Rekomendasi: one row per recommendation of an LHE (Inspektorat, KemenPANRB) or the internal
evaluation: No, Sumber, Tahun, Rekomendasi, Penanggung Jawab (a Pejabat), Batas Waktu, Tindak
Lanjut, Bukti, Status (the four of ``domain.lke.recommendations.Status``), and Keterangan, live:
"Lewat batas waktu" for an open recommendation past its deadline. Above it, live: the
count Sesuai, the base (all − Tidak dapat ditindaklanjuti) and the share followed up, ROUND 2,
as ``followed_up_share`` computes it. The rows are the user's: a rebuild writes back what it read.

Rencana Aksi: one row per IKU that missed its target in a triwulan (cumulative s.d. TW n) with its
Rencana Aksi, the next period's capaian and the movement (``domain.lke.rencana_aksi``), and the
one input, Dilaksanakan (Ya/Tidak), kept across rebuilds by (kode, periode).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from xlwings_app.domain.formatting import angka
from xlwings_app.domain.lke.recommendations import Recommendation, Status, Sumber
from xlwings_app.domain.lke.rencana_aksi import RencanaAksiFollowUp
from xlwings_app.domain.problems import Problem
from xlwings_app.sheets import palette
from xlwings_app.sheets.grid import Formula, SheetValues
from xlwings_app.sheets.source import Row
from xlwings_app.sheets.table import TableSpec, find_header, table_rows

SHEET_REKOMENDASI = "Rekomendasi"
SHEET_RENCANA_AKSI = "Rencana Aksi"
REG_HEADER_ROW = 6
REG_SPARE = 30
"""Blank rows with the lists, under the register, for new recommendations."""
REG_HEADERS: dict[str, str] = {
    "nomor": "No",
    "sumber": "Sumber",
    "tahun": "Tahun LHE",
    "rekomendasi": "Rekomendasi",
    "penanggung_jawab": "Penanggung Jawab",
    "batas_waktu": "Batas Waktu",
    "tindak_lanjut": "Tindak Lanjut",
    "bukti": "Bukti",
    "status": "Status",
    "keterangan": "Keterangan",
}
REG_WIDTHS = (6, 18, 10, 50, 28, 13, 45, 35, 24, 22)
REG_SPEC = TableSpec("Rekomendasi", REG_HEADERS, required=("nomor", "rekomendasi"),
                     optional=tuple(k for k in REG_HEADERS if k not in ("nomor", "rekomendasi")))  # fmt: skip

RA_HEADER_ROW = 4
RA_HEADERS: dict[str, str] = {
    "kode": "Kode",
    "indikator": "Indikator",
    "periode": "Periode",
    "capaian": "Capaian",
    "rencana_aksi": "Rencana Aksi",
    "periode_berikut": "Periode Berikut",
    "capaian_berikut": "Capaian Berikut",
    "gerak": "Gerak",
    "dilaksanakan": "Dilaksanakan",
}
RA_WIDTHS = (12, 40, 10, 10, 45, 14, 14, 14, 13)
RA_SPEC = TableSpec("Rencana Aksi", RA_HEADERS, required=("kode", "periode", "dilaksanakan"),
                    optional=tuple(k for k in RA_HEADERS if k not in ("kode", "periode", "dilaksanakan")))  # fmt: skip


def _col(keys: Mapping[str, str], key: str) -> str:
    return chr(ord("A") + list(keys).index(key))


def register_values(register: Sequence[Recommendation], pejabat: Sequence[str]) -> SheetValues:
    """Sheet Rekomendasi: the live share followed up, the header, the rows, spare input rows."""
    sheet = SheetValues(SHEET_REKOMENDASI)
    sheet.put(1, 1, ["REGISTER REKOMENDASI DAN TINDAK LANJUT"], "title")
    first, last = REG_HEADER_ROW + 1, REG_HEADER_ROW + len(register) + REG_SPARE
    rek, st = f"{_col(REG_HEADERS, 'rekomendasi')}{first}:{_col(REG_HEADERS, 'rekomendasi')}{last}", \
        f"{_col(REG_HEADERS, 'status')}{first}:{_col(REG_HEADERS, 'status')}{last}"  # fmt: skip
    sheet.put(2, 1, ["", "Sesuai", Formula(f'=COUNTIF({st},"{Status.SESUAI}")')], "bold")
    sheet.put(3, 1, ["", "Dasar (semua − tidak dapat)", Formula(f'=COUNTA({rek})-COUNTIF({st},"{Status.TIDAK_DAPAT}")')],
              "bold")  # fmt: skip
    sheet.put(4, 1, ["", "% ditindaklanjuti", Formula('=IF(C3=0,"",ROUND(C2*100/C3,2))')], "bold")
    sheet.style("format:0.00", 4, 3)
    sheet.put(REG_HEADER_ROW, 1, list(REG_HEADERS.values()), "header")
    for col, width in enumerate(REG_WIDTHS, start=1):
        sheet.style(f"width:{width}", REG_HEADER_ROW, col)
    for row, item in enumerate(register, start=first):
        sheet.put(row, 1, [item.nomor, item.sumber.value, item.tahun, item.rekomendasi, item.penanggung_jawab,
                           item.batas_waktu, item.tindak_lanjut, item.bukti, item.status.value])  # fmt: skip
    for row in range(first, last + 1):
        sheet.cells[(row, len(REG_HEADERS))] = overdue_formula(row)
    inputs = len(REG_HEADERS) - 1
    sheet.style("box", first, 1, last - first + 1, len(REG_HEADERS))
    sheet.style("wrap", first, 1, last - first + 1, len(REG_HEADERS))
    sheet.style("format:dd/mm/yyyy", first, 6, last - first + 1, 1)
    sheet.style(f"fill:{palette.INPUT}", first, 1, last - first + 1, inputs)
    sheet.style("unlocked", first, 1, last - first + 1, inputs)
    return sheet


def overdue_formula(row: int) -> Formula:
    """"Lewat batas waktu" while a recommendation is past its deadline and still open (neither Sesuai
    nor Tidak dapat ditindaklanjuti: ``Recommendation.overdue``), counted from today."""
    return Formula(
        f'=IF(AND(ISNUMBER(F{row}),TODAY()>F{row},I{row}<>"{Status.SESUAI}",I{row}<>"{Status.TIDAK_DAPAT}"),'
        '"Lewat batas waktu","")'
    )


def register_validations(count: int, pejabat: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The lists of columns Sumber, Status and Penanggung Jawab (the Pejabat) over the register's rows."""
    first, last = REG_HEADER_ROW + 1, REG_HEADER_ROW + count + REG_SPARE
    out = [
        (f"B{first}:B{last}", tuple(s.value for s in Sumber)),
        (f"I{first}:I{last}", tuple(s.value for s in Status)),
    ]
    names = tuple(p for p in pejabat if p and "," not in p)
    if names and len(",".join(names)) < 250:
        out.append((f"E{first}:E{last}", names))
    return out


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def read_register(rows: Iterable[tuple[int, Row]], file: str | None = None) -> tuple[list[Recommendation], list[Problem]]:
    """The register's rows as Recommendations; an unknown Sumber or Status is a galat at its cell."""
    problems: list[Problem] = []
    listed = list(rows)
    header = find_header(iter(listed), REG_SPEC, SHEET_REKOMENDASI)
    if header is None:
        return [], [Problem("Sheet Rekomendasi tidak punya baris judul No dan Rekomendasi.", SHEET_REKOMENDASI, file=file)]
    out: list[Recommendation] = []
    sumber_of = {s.value.casefold(): s for s in Sumber}
    status_of = {s.value.casefold(): s for s in Status}
    for index, _row, cells in table_rows(iter(listed), header, problems):
        v = dict(zip(header.columns, cells, strict=True))
        text = {k: ("" if v.get(k) is None else str(v.get(k)).strip()) for k in REG_HEADERS}
        if not text["rekomendasi"] and not text["nomor"]:
            continue
        sumber = sumber_of.get(text["sumber"].casefold(), Sumber.EVALUASI_INTERNAL if not text["sumber"] else None)
        status = status_of.get(text["status"].casefold(), Status.BELUM if not text["status"] else None)
        if sumber is None:
            problems.append(Problem(f"Sumber harus salah satu: {', '.join(s.value for s in Sumber)}.", SHEET_REKOMENDASI,
                                    index, "Sumber", header.cell("sumber", index), text["sumber"], file))  # fmt: skip
        if status is None:
            problems.append(Problem(f"Status harus salah satu: {', '.join(s.value for s in Status)}.", SHEET_REKOMENDASI,
                                    index, "Status", header.cell("status", index), text["status"], file))  # fmt: skip
        tahun = v.get("tahun")
        nomor = text["nomor"].removesuffix(".0")
        out.append(Recommendation(
            nomor, sumber or Sumber.EVALUASI_INTERNAL, int(tahun) if isinstance(tahun, int | float) else 0,
            text["rekomendasi"], text["penanggung_jawab"], _date(v.get("batas_waktu")), text["tindak_lanjut"],
            text["bukti"], status or Status.BELUM,
        ))  # fmt: skip
    return out, problems


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Ya" if value else "Tidak")


def rencana_aksi_values(items: Sequence[RencanaAksiFollowUp], names: Mapping[str, str]) -> SheetValues:
    """Sheet Rencana Aksi: each unmet IKU per triwulan followed to the next, the share carried out."""
    sheet = SheetValues(SHEET_RENCANA_AKSI)
    sheet.put(1, 1, ["RENCANA AKSI INDIKATOR YANG TIDAK MENCAPAI TARGET, DIIKUTI KE PERIODE BERIKUTNYA"], "title")
    first, last = RA_HEADER_ROW + 1, RA_HEADER_ROW + max(len(items), 1)
    col = _col(RA_HEADERS, "dilaksanakan")
    sheet.put(2, 1, ["Dilaksanakan (%)", Formula(
        f'=IF(COUNTIF({col}{first}:{col}{last},"Ya")+COUNTIF({col}{first}:{col}{last},"Tidak")=0,"",'
        f'ROUND(COUNTIF({col}{first}:{col}{last},"Ya")*100/(COUNTIF({col}{first}:{col}{last},"Ya")'
        f'+COUNTIF({col}{first}:{col}{last},"Tidak")),2))')], "bold")  # fmt: skip
    sheet.put(RA_HEADER_ROW, 1, list(RA_HEADERS.values()), "header")
    for c, width in enumerate(RA_WIDTHS, start=1):
        sheet.style(f"width:{width}", RA_HEADER_ROW, c)
    for row, item in enumerate(items, start=first):
        sheet.put(row, 1, [
            item.kode, names.get(item.kode, ""), item.periode, _num(item.capaian), item.rencana_aksi or "(belum ditulis)",
            item.periode_berikut, _num(item.capaian_berikut), item.gerak.value, _yes_no(item.dilaksanakan),
        ], "box", "wrap")  # fmt: skip
        sheet.style(f"fill:{palette.INPUT}", row, len(RA_HEADERS))
        sheet.style("unlocked", row, len(RA_HEADERS))
    return sheet


def _num(value: Decimal | None) -> str:
    return "" if value is None else angka(value, desimal=2)


def read_dilaksanakan(rows: Iterable[tuple[int, Row]]) -> dict[tuple[str, str], bool]:
    """(kode, periode) → whether its Rencana Aksi was carried out, as the person wrote it (Ya/Tidak)."""
    problems: list[Problem] = []
    listed = list(rows)
    header = find_header(iter(listed), RA_SPEC, SHEET_RENCANA_AKSI)
    if header is None:
        return {}
    out: dict[tuple[str, str], bool] = {}
    for _index, _row, cells in table_rows(iter(listed), header, problems):
        v = dict(zip(header.columns, cells, strict=True))
        said = str(v.get("dilaksanakan") or "").strip().casefold()
        if said in ("ya", "y", "tidak", "t"):
            out[(str(v.get("kode") or "").strip(), str(v.get("periode") or "").strip())] = said in ("ya", "y")
    return out
