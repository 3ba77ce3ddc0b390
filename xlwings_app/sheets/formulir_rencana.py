"""The Formulir Rencana Kinerja as a sheet (one file per penanggung jawab), and its reader.

Layout (sheet "Rencana"): the title; a label block Unit, Tahun Rencana, Penanggung Jawab (values in
column B); the table under ``HEADER_ROW``: Status ("Indikator" for a master indicator, "Baru" for a
blank row offered for a new one), the identity columns (``periksa_rencana.LABELS``: Kode, Jenis,
IKU Induk, Sasaran Strategis, Indikator, Satuan, Polaritas, Agregasi), last year's target and
realisasi and the Renstra's end target (context, not read), the proposed Target Tahunan and Target
TW I-IV and the Rencana Aksi. The reader finds the table by its headers (the one table reader),
types each cell (numbers, the enums by their names) and reports a cell it cannot read at its
address; a row whose cells are all blank is no proposal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

from xlwings_app.domain.administrasi.formulir_rencana import FormulirRencana
from xlwings_app.domain.administrasi.periksa_rencana import LABELS, FormulirRencanaKembali, UsulanBaris
from xlwings_app.domain.indicator import Agregasi, Jenis, Polaritas
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import text_of
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.table import TableSpec, find_header, read_fields, table_rows

SHEET = "Rencana"
HEADER_ROW = 7
FIELDS = {"unit": "Unit", "tahun": "Tahun Rencana", "penanggung_jawab": "Penanggung Jawab"}
CONTEXT = {"target_lalu": "Target Tahun Lalu", "realisasi_lalu": "Realisasi Tahun Lalu",
           "target_akhir_renstra": "Target Akhir Renstra"}  # fmt: skip
_IDENTITY = ("kode", "jenis", "induk", "sasaran", "nama", "satuan", "polaritas", "agregasi")
_PROPOSED = ("target_tahunan", "t1", "t2", "t3", "t4", "rencana_aksi")
COLUMNS = {"status": "Status", **{k: LABELS[k] for k in _IDENTITY}, **CONTEXT, **{k: LABELS[k] for k in _PROPOSED}}
WIDTHS = (10, 12, 6, 12, 30, 40, 12, 10, 10, 11, 11, 11, 12, 10, 10, 10, 10, 40)
TABLE = TableSpec(SHEET, COLUMNS, required=("kode", "nama", "target_tahunan"),
                  optional=tuple(k for k in COLUMNS if k not in ("kode", "nama", "target_tahunan")))  # fmt: skip
BARU = "Baru"


def formulir_values(form: FormulirRencana) -> SheetValues:
    """The form of one official: identity, then a row per indicator and the blank rows."""
    sheet = SheetValues(SHEET)
    sheet.put(1, 1, [f"FORMULIR RENCANA KINERJA TAHUN {form.tahun}"], "title")
    sheet.put(2, 1, ["Usulkan target tahunan dan triwulan serta rencana aksi tiap indikator; baris Baru untuk "
                     "indikator yang diusulkan. Kosongkan sel yang tidak diubah."], "subtitle")  # fmt: skip
    for row, (key, label) in enumerate(FIELDS.items(), start=3):
        value = {"unit": form.unit, "tahun": form.tahun, "penanggung_jawab": form.penanggung_jawab}[key]
        sheet.put(row, 1, [label, value], "bold")
    sheet.put(HEADER_ROW, 1, list(COLUMNS.values()), "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    for n, b in enumerate(form.baris, start=HEADER_ROW + 1):
        values: list[object] = [BARU if b.baru else "Indikator"]
        if b.baru:
            values += [None, Jenis.IKI.value] + [None] * (len(_IDENTITY) - 2) + [None] * len(CONTEXT)
            values += [None] * len(_PROPOSED)
        else:
            values += [b.kode, b.jenis.value, b.induk or None, b.sasaran, b.nama, b.satuan,
                       b.polaritas.value if b.polaritas else None, b.agregasi.value if b.agregasi else None,
                       b.target_lalu, b.realisasi_lalu, b.target_akhir_renstra, b.target_tahunan, *b.target_tw,
                       b.rencana_aksi or None]  # fmt: skip
        sheet.put(n, 1, values, "box")
        sheet.style("unlocked", n, len(COLUMNS) - len(_PROPOSED) + 1, 1, len(_PROPOSED))
    return sheet


def _enum(kind: type[Jenis] | type[Polaritas] | type[Agregasi], text: str) -> object:
    wanted = " ".join(text.split()).casefold()
    return next((member for member in kind if member.value.casefold() == wanted), None)


def read_formulir_rencana(rows: Iterable[Sequence[object]], file: str) -> tuple[FormulirRencanaKembali | None, list[Problem]]:
    """The returned form of the sheet's rows (from row 1), typed, and the problems of reading it."""
    problems: list[Problem] = []
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, TABLE, SHEET)
    if header is None:
        return None, [Problem("Bukan Formulir Rencana Kinerja: tabel Kode, Indikator, Target Tahunan tidak ditemukan.",
                              SHEET, file=file)]  # fmt: skip
    fields = read_fields(numbered, FIELDS, until=header.row)
    identity = {key: text_of(value) for key, (value, _) in fields.items()}
    try:
        tahun: int | None = int(Decimal(identity.get("tahun", "")))
    except (InvalidOperation, ValueError):
        tahun = None
    keys = tuple(header.columns)
    found: list[UsulanBaris] = []
    for index, _row, cells in table_rows(iter(numbered), header, problems):
        raw = dict(zip(keys, cells, strict=True))
        addresses = {key: header.cell(key, index) for key in keys}
        text = {key: " ".join(text_of(raw.get(key)).split()) for key in COLUMNS}

        def number(key: str, index: int = index, raw: dict[str, object] = raw) -> Decimal | None:
            value = raw.get(key)
            if value is None or text_of(value) == "":
                return None
            try:
                return Decimal(str(value).replace(",", ".")) if not isinstance(value, bool) else None
            except InvalidOperation:
                problems.append(Problem(f"{COLUMNS[key]} \"{text_of(value)}\" bukan angka.", SHEET, index, COLUMNS[key],
                                        header.cell(key, index), value, file))  # fmt: skip
                return None

        enums: dict[str, object] = {}
        for key, kind in (("jenis", Jenis), ("polaritas", Polaritas), ("agregasi", Agregasi)):
            enums[key] = _enum(kind, text[key]) if text[key] else None
            if text[key] and enums[key] is None:
                problems.append(Problem(f"{COLUMNS[key]} \"{text[key]}\" tidak dikenal: pilih "
                                        + ", ".join(m.value for m in kind) + ".", SHEET, index, COLUMNS[key],
                                        header.cell(key, index), text[key], file))  # fmt: skip
        baru = text["status"].casefold() == BARU.casefold()
        proposed = [number("target_tahunan"), *(number(k) for k in ("t1", "t2", "t3", "t4"))]
        if baru and not any((text["kode"], text["nama"], text["rencana_aksi"], *(p is not None for p in proposed))):
            continue  # a blank row offered for a new indicator, left blank
        found.append(UsulanBaris(
            kode=text["kode"], jenis=enums["jenis"], induk=text["induk"], sasaran=text["sasaran"],  # type: ignore[arg-type]
            nama=text["nama"], satuan=text["satuan"], polaritas=enums["polaritas"], agregasi=enums["agregasi"],  # type: ignore[arg-type]
            target_tahunan=proposed[0], target_tw=(proposed[1], proposed[2], proposed[3], proposed[4]),
            rencana_aksi=text["rencana_aksi"], baru=baru, baris=index, cells=addresses,
        ))  # fmt: skip
    form = FormulirRencanaKembali(file, SHEET, identity.get("unit", ""), tahun, identity.get("penanggung_jawab", ""),
                                  tuple(found))  # fmt: skip
    return form, problems
