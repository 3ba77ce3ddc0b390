"""The kabupaten workbook's sheets as plain values (``SheetValues``): one layout for every writer.

- ``Isian Kabupaten``: what the kabupaten types (identity, signer, expected units and, per unit and
  period, the verification code read off the signed paper). Kinerja writes it only when the
  workbook is new (``isian_values``) and reads it back on every run (``parse_isian``); a rebuild
  keeps it as it is;
- ``Rekap Unit``, ``Indikator Unit`` (an Excel Table), ``Peringkat``, ``Indikator Bersama`` and
  ``Berkas``: rebuilt from the sources on every run.

Nothing here imports openpyxl or pandas; values are numbers and text, never formulas.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from xlwings_app.domain.cell_addresses import cell_coords
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.kabupaten import (
    AgregatUnit,
    Bersama,
    Isian,
    Keadaan,
    Konsolidasi,
    Penolakan,
    normal_code,
    unit_key,
)
from xlwings_app.domain.kabupaten_lkjip import StatusLkjip
from xlwings_app.domain.kabupaten_program import ProgramBersama
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.profil import Pejabat
from xlwings_app.sheets import palette as P
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.results import DECIMAL
from xlwings_app.sheets.table import TableSpec, find_header, read_fields, table_rows

SHEET_ISIAN = "Isian Kabupaten"
SHEET_REKAP = "Rekap Unit"
SHEET_INDIKATOR = "Indikator Unit"
SHEET_PERINGKAT = "Peringkat"
SHEET_BERSAMA = "Indikator Bersama"
SHEET_BERKAS = "Berkas"
SHEET_PROGRAM = "Program Bersama"
SHEET_LKJIP = "LKjIP Unit"
GENERATED = (SHEET_REKAP, SHEET_INDIKATOR, SHEET_PERINGKAT, SHEET_BERSAMA, SHEET_PROGRAM, SHEET_BERKAS, SHEET_LKJIP)
TABLE_INDIKATOR = "TabelIndikatorKabupaten"
HEADER_ROW = 4
"""Header row of every generated sheet's table (rows 1-3: title, subtitle, period)."""

FIELDS = (
    ("kabupaten", "Kabupaten"),
    ("tahun", "Tahun"),
    ("instansi", "Instansi penyusun (kop)"),
    ("alamat", "Alamat instansi (kop)"),
    ("tempat", "Tempat penandatanganan"),
    ("tanggal", "Tanggal penandatanganan"),
    ("jabatan", "Jabatan penandatangan"),
    ("status", "Status (Plt./Plh., bila ada)"),
    ("nama", "Nama penandatangan"),
    ("pangkat", "Pangkat/golongan"),
    ("nip", "NIP"),
    ("lambang", "Berkas lambang daerah"),
)
UNIT_HEADER = "Unit Kerja"
CODE_HEADERS = tuple(f"Kode {p.value}" for p in Periode)
ISIAN_HEADERS = (UNIT_HEADER, *CODE_HEADERS, "Keterangan")
ISIAN_FIELD_ROW = 4
ISIAN_TABLE_ROW = ISIAN_FIELD_ROW + len(FIELDS) + 2
ISIAN_TABLE = TableSpec(
    SHEET_ISIAN, {title: title for title in ISIAN_HEADERS}, required=(UNIT_HEADER,), optional=ISIAN_HEADERS[1:]
)
"""The unit table as the table reader reads it: found by Unit Kerja, each code column by its header."""
DEFAULT_INSTANSI = "Badan Perencanaan Pembangunan Daerah"
FILLS = {keadaan: P.KABUPATEN_STATUS[keadaan.value] for keadaan in Keadaan}
"""A unit state's fill (``sheets.palette.KABUPATEN_STATUS``)."""
MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"]


def isian_values(
    kabupaten: str,
    tahun: int | None,
    units: Sequence[str],
    fields: Mapping[str, object] | None = None,
    codes: Mapping[tuple[str, Periode], str] | None = None,
) -> SheetValues:
    """A new Isian Kabupaten sheet: the fields (``FIELDS`` keys) to fill in, ``units`` as the
    expected units, and any ``codes`` already known by (unit name, period)."""
    sheet = SheetValues(SHEET_ISIAN)
    sheet.put(1, 1, ["Isian Kabupaten: diketik oleh Bappeda / Bagian Organisasi"], "title")
    sheet.put(2, 1, [
        "Kinerja membaca sheet ini setiap kali rekap dibangun ulang dan tidak pernah mengubahnya. Isi daftar "
        "unit yang diharapkan melapor dan kode verifikasi yang tercetak pada dokumen bertanda tangan."
    ], "subtitle")  # fmt: skip
    values: dict[str, object] = {
        "kabupaten": kabupaten, "tahun": tahun, "instansi": DEFAULT_INSTANSI, "jabatan": "Kepala Bappeda",
    }  # fmt: skip
    values.update(fields or {})
    for offset, (key, label) in enumerate(FIELDS):
        sheet.put(ISIAN_FIELD_ROW + offset, 1, [label], "bold")
        sheet.put(ISIAN_FIELD_ROW + offset, 2, [values.get(key)], "box", "unlocked")
    sheet.put(ISIAN_TABLE_ROW, 1, ISIAN_HEADERS, "header")
    for offset, unit in enumerate(units, start=1):
        known = [(codes or {}).get((unit, p)) for p in Periode]
        sheet.put(ISIAN_TABLE_ROW + offset, 1, [unit, *known, None], "box")
        sheet.style("unlocked", ISIAN_TABLE_ROW + offset, 1, 1, len(ISIAN_HEADERS))
    return sheet


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value).lower()
    if not text:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    if (m := re.fullmatch(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})", text)) and m[2] in MONTHS:
        return dt.date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
    raise ValueError(text)


def parse_isian(rows: Iterable[Sequence[object]]) -> tuple[Isian, dict[str, str], list[Problem]]:
    """Read the sheet's rows (from row 1): the Isian, the kop texts, and every problem found.

    Read with the one table reader (``sheets.table``): the fields by their label in column A, the
    unit table by its header ``Unit Kerja`` and its code columns by header; a row without a unit
    name is skipped, a unit written twice is a notice, a code that is not 10 letters/digits is
    reported at its cell.
    """
    numbered = list(enumerate(rows, start=1))
    problems: list[Problem] = []
    header = find_header(numbered, ISIAN_TABLE, SHEET_ISIAN)
    found = read_fields(numbered, dict(FIELDS), until=None if header is None else header.row)
    value = {key: cell_value for key, (cell_value, _) in found.items()}
    tahun = None
    if _text(value.get("tahun")):
        try:
            tahun = int(Decimal(_text(value["tahun"]).replace(",", ".")))
        except ArithmeticError:
            problems.append(_problem("Tahun harus angka, mis. 2024.", found["tahun"], value["tahun"]))
    tanggal = None
    try:
        tanggal = _date(value.get("tanggal"))
    except ValueError:
        problems.append(_problem(
            "Tanggal penandatanganan tidak terbaca: tulis sebagai tanggal Excel atau '5 Januari 2024'.",
            found["tanggal"], value["tanggal"],
        ))  # fmt: skip
    units: list[str] = []
    codes: dict[tuple[str, Periode], str] = {}
    if header is not None:
        keys = tuple(header.columns)
        for n, _row, cells in table_rows(iter(numbered), header, problems):
            typed_row = dict(zip(keys, cells, strict=True))
            name = _text(typed_row[UNIT_HEADER])
            if not name:
                continue
            if unit_key(name) in {unit_key(u) for u in units}:
                problems.append(_problem(f"Unit '{name}' tertulis dua kali.", (n, header.cell(UNIT_HEADER, n)), name,
                                         "catatan"))  # fmt: skip
                continue
            units.append(name)
            for periode, title in zip(Periode, CODE_HEADERS, strict=True):
                typed = _text(typed_row.get(title))
                if not typed:
                    continue
                code = normal_code(typed)
                if not re.fullmatch(r"[A-Z2-7]{5}-[A-Z2-7]{5}", code):
                    problems.append(_problem(
                        f"Kode verifikasi '{typed}' untuk {name} ({periode.value}) bukan 10 huruf/angka seperti "
                        "K7Q2M-XR4TB.", (n, header.cell(title, n)), typed,
                    ))  # fmt: skip
                    continue
                codes[(unit_key(name), periode)] = code
    signer = Pejabat(
        jabatan=_text(value.get("jabatan")) or "Kepala Bappeda",
        nama=_text(value.get("nama")),
        pangkat=_text(value.get("pangkat")),
        nip=_text(value.get("nip")),
        status=_text(value.get("status")),
    )
    isian = Isian(
        kabupaten=_text(value.get("kabupaten")), tahun=tahun, tempat=_text(value.get("tempat")),
        tanggal=tanggal, penandatangan=signer, unit_diharapkan=tuple(units), kode_dokumen=codes,
    )  # fmt: skip
    kop = {"instansi": _text(value.get("instansi")) or DEFAULT_INSTANSI, "alamat": _text(value.get("alamat")),
           "lambang": _text(value.get("lambang"))}  # fmt: skip
    return isian, kop, problems


def isian_positions(rows: Iterable[Sequence[object]]) -> tuple[dict[str, int], dict[Periode, int]]:
    """Where the unit table of Isian Kabupaten stands in its rows (from row 1): each unit's row by
    ``unit_key`` (the first row of a unit written twice) and each period's code column (1-based,
    where its header is; ``ISIAN_HEADERS``' place when the header is missing)."""
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, ISIAN_TABLE, SHEET_ISIAN)
    if header is None:
        return {}, {}
    units: dict[str, int] = {}
    for n, _row, cells in table_rows(iter(numbered), header, []):
        name = _text(cells[0])
        if name:
            units.setdefault(unit_key(name), n)
    columns = {
        periode: header.columns.get(title, ISIAN_HEADERS.index(title)) + 1
        for periode, title in zip(Periode, CODE_HEADERS, strict=True)
    }
    return units, columns


def _problem(pesan: str, where: tuple[object, str], value: object, tingkat: Tingkat = "galat") -> Problem:
    """A problem of sheet Isian Kabupaten at ``where``: (a field's value or a row number, its cell)."""
    address = where[1]
    return Problem(pesan, SHEET_ISIAN, cell_coords(address)[0], None, address, value, tingkat=tingkat)


def _head(sheet: SheetValues, title: str, rekap: Konsolidasi, note: str) -> None:
    sheet.put(1, 1, [f"{title} — {rekap.periode.dengan_tahun(rekap.tahun)}"], "title")
    sheet.put(2, 1, [f"Ditulis oleh Kinerja (kinerja kabupaten); dibangun ulang setiap kali. {note}"], "subtitle")
    sheet.put(3, 1, [f"{rekap.kabupaten}".strip() or "-"], "subtitle")


def _percent(value: Decimal | None) -> object:
    return value


def rekap_headers(labels: Sequence[str]) -> tuple[str, ...]:
    return (
        "No", UNIT_HEADER, "Keadaan", "Keterangan", "Sumber", "Kode Verifikasi (dihitung)", "Kode pada Dokumen",
        "Jumlah IKU", *labels, "Rata-rata Capaian (%)", "Tercapai (%)", "SOP Tepat Waktu (%)", "Peringkat",
    )  # fmt: skip


def rekap_values(rekap: Konsolidasi, figures: dict[str, AgregatUnit], labels: Sequence[str]) -> SheetValues:
    """Sheet Rekap Unit: one row per unit (received or expected), its state and figures."""
    sheet = SheetValues(SHEET_REKAP)
    _head(sheet, "Rekapitulasi Pengukuran Kinerja Perangkat Daerah", rekap,
          "Unit dengan galat isian atau belum diterima tidak ikut dihitung.")
    headers = rekap_headers(labels)
    sheet.put(HEADER_ROW, 1, headers, "header")
    row = HEADER_ROW
    for n, u in enumerate(rekap.units, start=1):
        row += 1
        a = figures.get(u.unit)
        k = u.kiriman
        numbers: list[object] = [None] * (len(labels) + 5)
        if a is not None:
            numbers = [
                a.jumlah, *(a.per_predikat.get(label, 0) for label in labels),
                a.rata_rata, a.persen_tercapai, k.sop_tepat_waktu if k else None, a.peringkat,
            ]
        values = [
            n, u.unit, u.keadaan.value, "; ".join(u.alasan[:3]) + (f" (+{len(u.alasan) - 3} lagi)" if len(u.alasan) > 3 else ""),
            k.file if k else "", (k.kode if k else "") or "", u.kode_dokumen or "", *numbers,
        ]  # fmt: skip
        sheet.put(row, 1, values, "box")
        sheet.style(f"fill:{FILLS[u.keadaan]}", row, 3)
        sheet.style("wrap", row, 4)
    if row > HEADER_ROW:
        first_number = 9 + len(labels)
        sheet.style(f"format:{DECIMAL}", HEADER_ROW + 1, first_number, row - HEADER_ROW, 3)
    return sheet


INDIKATOR_HEADERS = (
    UNIT_HEADER, "Kode", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Polaritas", "Agregasi",
    "Target", "Realisasi", "Capaian (%)", "Predikat", "Status", "Penanggung Jawab",
)  # fmt: skip


def indikator_values(rekap: Konsolidasi, rows: Sequence[Sequence[object]]) -> SheetValues:
    """Sheet Indikator Unit: every counted unit's IKU, one row each (an Excel Table for filters/PivotTables)."""
    sheet = SheetValues(SHEET_INDIKATOR)
    _head(sheet, "Indikator Kinerja Utama Seluruh Unit", rekap, "Siap disaring dan dipakai untuk PivotTable.")
    sheet.put(HEADER_ROW, 1, INDIKATOR_HEADERS, "header")
    for offset, values in enumerate(rows, start=1):
        sheet.put(HEADER_ROW + offset, 1, values)
    if rows:
        sheet.style("format:#,##0.##", HEADER_ROW + 1, 8, len(rows), 2)
        sheet.style(f"format:{DECIMAL}", HEADER_ROW + 1, 10, len(rows))
    return sheet


PERINGKAT_HEADERS = ("Peringkat", UNIT_HEADER, "Rata-rata Capaian (%)", "Tercapai (%)", "Jumlah IKU", "Keadaan")


def peringkat_values(rekap: Konsolidasi, ranked: Sequence[AgregatUnit]) -> SheetValues:
    """Sheet Peringkat: counted units by mean capaian, then share met (ties share a rank)."""
    sheet = SheetValues(SHEET_PERINGKAT)
    _head(sheet, "Peringkat Capaian Kinerja Perangkat Daerah", rekap,
          "Urut rata-rata capaian, lalu persentase indikator tercapai.")
    sheet.put(HEADER_ROW, 1, PERINGKAT_HEADERS, "header")
    state = {u.unit: u.keadaan.value for u in rekap.units}
    for offset, a in enumerate(ranked, start=1):
        sheet.put(HEADER_ROW + offset, 1, (
            a.peringkat, a.unit, a.rata_rata, a.persen_tercapai, a.jumlah, state.get(a.unit, ""),
        ), "box")  # fmt: skip
    if ranked:
        sheet.style(f"format:{DECIMAL}", HEADER_ROW + 1, 3, len(ranked), 2)
    return sheet


BERSAMA_FIXED = ("Indikator Kinerja", "Satuan", "Jumlah Unit", "Rata-rata (%)", "Tertinggi (%)", "Terendah (%)")


def bersama_values(rekap: Konsolidasi, shared: Sequence[Bersama], units: Sequence[str]) -> SheetValues:
    """Sheet Indikator Bersama: indicators of the same name in several units, capaian per unit."""
    sheet = SheetValues(SHEET_BERSAMA)
    _head(sheet, "Indikator yang Sama di Beberapa Unit", rekap,
          "Nama indikator yang sama (huruf besar/kecil dan spasi diabaikan); sel kosong: unit tidak memiliki indikator itu.")
    columns = [u for u in units if any(u in b.per_unit for b in shared)]
    sheet.put(HEADER_ROW, 1, (*BERSAMA_FIXED, *columns), "header")
    for offset, b in enumerate(shared, start=1):
        values = [b.nama, b.satuan, len(b.per_unit), b.rata_rata, b.tertinggi, b.terendah]
        values += [b.per_unit.get(u) if u in b.per_unit else None for u in columns]
        sheet.put(HEADER_ROW + offset, 1, values, "box")
    if shared:
        sheet.style(f"format:{DECIMAL}", HEADER_ROW + 1, 4, len(shared), 3 + len(columns))
        sheet.style("wrap", HEADER_ROW + 1, 1, len(shared))
    return sheet


PROGRAM_FIXED = ("Kode Program", "Program", "Jumlah Unit", "Rata-rata Capaian (%)", "Tertinggi (%)", "Terendah (%)",
                 "Jumlah Pagu")  # fmt: skip


def program_values(rekap: Konsolidasi, shared: Sequence[ProgramBersama], units: Sequence[str]) -> SheetValues:
    """Sheet Program Bersama: the nomenclature programs of several units (matched by code), capaian per
    unit (``domain.kabupaten_program``)."""
    sheet = SheetValues(SHEET_PROGRAM)
    _head(sheet, "Capaian Program yang Sama di Beberapa Unit (menurut Kode Nomenklatur)", rekap,
          "Dari sheet Pohon Kinerja setiap unit; program dicocokkan menurut kodenya, bukan namanya; "
          "sel kosong: unit tidak memiliki program itu.")  # fmt: skip
    columns = [u for u in units if any(u in b.per_unit for b in shared)]
    sheet.put(HEADER_ROW, 1, (*PROGRAM_FIXED, *columns), "header")
    for offset, b in enumerate(shared, start=1):
        values = [b.kode, b.nama, len(b.per_unit), b.rata_rata, b.tertinggi, b.terendah, b.pagu]
        values += [b.per_unit.get(u) if u in b.per_unit else None for u in columns]
        sheet.put(HEADER_ROW + offset, 1, values, "box")
    if shared:
        sheet.style(f"format:{DECIMAL}", HEADER_ROW + 1, 4, len(shared), 3)
        sheet.style("format:#,##0", HEADER_ROW + 1, 7, len(shared))
        if columns:
            sheet.style(f"format:{DECIMAL}", HEADER_ROW + 1, 8, len(shared), len(columns))
        sheet.style("wrap", HEADER_ROW + 1, 2, len(shared))
    return sheet


BERKAS_HEADERS = ("Berkas", UNIT_HEADER, "Dipakai", "Tingkat", "Alasan / Masalah")


def berkas_values(rekap: Konsolidasi, ditolak: Sequence[Penolakan]) -> SheetValues:
    """Sheet Berkas: every file used or not, and every input problem of the units received."""
    sheet = SheetValues(SHEET_BERKAS)
    _head(sheet, "Berkas yang Dibaca dan Masalahnya", rekap, "Perbaiki di workbook unit, lalu bangun ulang rekap.")
    sheet.put(HEADER_ROW, 1, BERKAS_HEADERS, "header")
    row = HEADER_ROW
    for u in rekap.units:
        if u.kiriman is None:
            continue
        problems: list[Problem | None] = list(u.kiriman.problems) or [None]
        for p in problems:
            row += 1
            text = str(p) if p is not None else u.keadaan.value
            level = ("galat" if p.is_error else "catatan") if p is not None else ""
            sheet.put(row, 1, (u.kiriman.file, u.unit, "ya" if u.keadaan.dihitung else "tidak", level, text), "box")
            sheet.style("wrap", row, 5)
    for item in ditolak:
        row += 1
        sheet.put(row, 1, (item.file, item.unit, "tidak", item.tingkat, item.alasan), "box")
        sheet.style("fill:FFC7CE" if item.tingkat == "galat" else "fill:FFEB9C", row, 4)
        sheet.style("wrap", row, 5)
    return sheet


LKJIP_HEADERS = ("No", UNIT_HEADER, "Status LKjIP", "Tanggal Penandatanganan", "Kode Verifikasi", "File Arsip",
                 "Berkas", "Disegel Pada", "Masalah")  # fmt: skip


def lkjip_values(rekap: Konsolidasi, status: Sequence[StatusLkjip]) -> SheetValues:
    """Sheet LKjIP Unit: each unit's Laporan Kinerja of the year, in and final or not, with its Pelaporan
    facts (``domain.kabupaten_lkjip``) for Bappeda."""
    sheet = SheetValues(SHEET_LKJIP)
    sheet.put(1, 1, [f"Laporan Kinerja (LKjIP) Unit Tahun {rekap.tahun}"], "title")
    sheet.put(2, 1, ["Ditulis oleh Kinerja (kinerja kabupaten); dibangun ulang setiap kali. Final: arsip LKjIP "
                     "(kinerja arsip --periode LKJIP) di kotak masuk, atau baris Segel LKJIP di workbook unit."],
              "subtitle")  # fmt: skip
    sheet.put(3, 1, [f"{rekap.kabupaten}".strip() or "-"], "subtitle")
    sheet.put(HEADER_ROW, 1, LKJIP_HEADERS, "header")
    for n, s in enumerate(status, start=1):
        f = s.fakta
        values: list[object] = [n, s.unit, s.status]
        if f is None:
            values += ["", "", "", "", "", ""]
        else:
            disegel = f.disegel.strftime("%Y-%m-%d %H:%M") if f.disegel else ""
            values += [f.tanggal, f.kode, f.arsip, f.berkas, disegel, "; ".join(f.masalah)]
        sheet.put(HEADER_ROW + n, 1, values, "box")
        fill = "fill:C6EFCE" if s.final else "fill:FFC7CE" if f is not None else "fill:FFEB9C"
        sheet.style(fill, HEADER_ROW + n, 3)
        sheet.style("wrap", HEADER_ROW + n, 9)
    if status:
        sheet.style("format:dd/mm/yyyy", HEADER_ROW + 1, 4, len(status))
    return sheet


WIDTHS = {
    SHEET_ISIAN: (34, 46, 15, 15, 15, 15, 40),
    SHEET_REKAP: (5, 34, 22, 50, 30, 18, 18, 10),
    SHEET_INDIKATOR: (30, 10, 34, 44, 10, 10, 11, 11, 11, 11, 14, 16, 22),
    SHEET_PERINGKAT: (10, 34, 16, 14, 11, 30),
    SHEET_BERSAMA: (44, 10, 10, 12, 12, 12),
    SHEET_BERKAS: (46, 30, 9, 9, 90),
    SHEET_LKJIP: (5, 34, 30, 16, 14, 44, 44, 17, 50),
}
