"""Sheet Register Surat: the register of incoming letters and their dispositions, and its reader.

One row per disposition (``domain.administrasi.surat_masuk``: a letter disposed twice has two rows
with the same Nomor Surat and Dari). The sheet is added empty, with its header and a note, the
first time a command needs it (``kinerja disposisi``); the office types the rows (the buku agenda),
the ``contoh`` writes its example letter. Columns are ``surat_masuk.LABELS`` in order. Reading:
Nomor Surat, Tanggal Surat and Dari find the header row (the one table reader); a date is a date
cell (a date typed as text "5 Januari 2024" or "05-01-2024" is read too); Tanggal Terima and
Tanggal Disposisi may carry a time; a Jenis that is not one of ``JenisSurat`` is a problem at its
cell; a blank row is skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from xlwings_app.domain.administrasi.surat_masuk import LABELS, SIFAT, BarisRegister, JenisSurat, jenis_surat
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import text_of
from xlwings_app.domain.sop.log import Moment, read_moment
from xlwings_app.domain.tanggal import parse_tanggal
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.table import TableSpec, find_header, table_rows

SHEET = "Register Surat"
HEADER_ROW = 4
TITLE = "Register Surat Masuk dan Disposisi"
SUBTITLE = ("Satu baris per disposisi: surat yang didisposisikan dua kali ditulis dua baris dengan Nomor Surat "
            "dan Dari yang sama. Jenis: " + ", ".join(j.value for j in JenisSurat) + ". Sifat: "
            + ", ".join(SIFAT) + ".")  # fmt: skip
NOTE = "Dibaca oleh kinerja disposisi (Lembar Disposisi) dan kinerja program-kerja (batas waktu)."
WIDTHS = (24, 14, 26, 44, 26, 17, 11, 12, 20, 24, 40, 17, 14)
DATE_FORMAT = "dd-mm-yyyy"
MOMENT_FORMAT = "dd-mm-yyyy hh:mm"
DATES = {"tanggal": DATE_FORMAT, "batas_waktu": DATE_FORMAT, "diterima": MOMENT_FORMAT,
         "tanggal_disposisi": MOMENT_FORMAT}  # fmt: skip
TABLE = TableSpec(SHEET, dict(LABELS), required=("nomor", "tanggal", "dari"),
                  optional=tuple(k for k in LABELS if k not in ("nomor", "tanggal", "dari")))  # fmt: skip


def head_values() -> SheetValues:
    """A new sheet Register Surat: title, notes and the header row, with column widths."""
    sheet = SheetValues(SHEET)
    sheet.put(1, 1, [TITLE], "title")
    sheet.put(2, 1, [SUBTITLE], "subtitle")
    sheet.put(3, 1, [NOTE], "subtitle")
    sheet.put(HEADER_ROW, 1, list(LABELS.values()), "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    return sheet


def register_values(rows: Sequence[BarisRegister]) -> SheetValues:
    """The whole sheet with ``rows`` under the header (dates with their number formats)."""
    sheet = head_values()
    for n, row in enumerate(rows, start=HEADER_ROW + 1):
        values = [_cell(getattr(row, key)) for key in LABELS]
        sheet.put(n, 1, values, "box")
        for col, key in enumerate(LABELS, start=1):
            if key in DATES and values[col - 1] is not None:
                sheet.style(f"format:{DATES[key]}", n, col)
    return sheet


def _cell(value: object) -> object:
    if isinstance(value, JenisSurat):
        return value.value
    if value is None or value == "":
        return None
    return value


def _date(value: object, label: str, problems: list[Problem], where: dict[str, object]) -> dt.date | None:
    if value is None or text_of(value) == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_tanggal(text_of(value))
    except ValueError:
        problems.append(Problem(f"{label} \"{text_of(value)}\" bukan tanggal: isi tanggal (mis. 05-02-2024).",
                                nilai=value, kolom=label, **where))  # type: ignore[arg-type]
        return None


def _moment(value: object, label: str, problems: list[Problem], where: dict[str, object]) -> Moment | None:
    if isinstance(value, str) and value.strip():
        try:
            return parse_tanggal(value.strip())
        except ValueError:
            pass
    read = read_moment(value, label=label, sheet=where["sheet"], baris=where["baris"], sel=where["sel"])  # type: ignore[arg-type]
    if isinstance(read, Problem):
        problems.append(read)
        return None
    return read


def read_register(rows: Iterable[Sequence[object]]) -> tuple[list[BarisRegister], list[Problem]]:
    """The register's rows (typed) from the sheet's rows (from row 1), and the problems of reading."""
    problems: list[Problem] = []
    numbered = list(enumerate(rows, start=1))
    header = find_header(numbered, TABLE, SHEET)
    if header is None:
        return [], [Problem("Baris judul sheet Register Surat (Nomor Surat, Tanggal Surat, Dari) tidak ditemukan.",
                            SHEET)]  # fmt: skip
    keys = tuple(header.columns)
    found: list[BarisRegister] = []
    for index, _row, cells in table_rows(iter(numbered), header, problems):
        raw = dict(zip(keys, cells, strict=True))
        cell = {key: header.cell(key, index) for key in keys}

        def where(key: str, index: int = index, cell: dict[str, str] = cell) -> dict[str, object]:
            return {"sheet": SHEET, "baris": index, "sel": cell.get(key)}

        text = {key: " ".join(text_of(raw.get(key)).split()) for key in LABELS}
        jenis = None
        if text["jenis"]:
            jenis = jenis_surat(text["jenis"])
            if jenis is None:
                problems.append(Problem(f"Jenis \"{text['jenis']}\" tidak dikenal: pilih "
                                        + ", ".join(j.value for j in JenisSurat) + ".", SHEET, index, LABELS["jenis"],
                                        cell.get("jenis"), text["jenis"]))  # fmt: skip
        found.append(BarisRegister(
            nomor=text["nomor"], tanggal=_date(raw.get("tanggal"), LABELS["tanggal"], problems, where("tanggal")),
            dari=text["dari"], hal=text["hal"], jenis=jenis,
            diterima=_moment(raw.get("diterima"), LABELS["diterima"], problems, where("diterima")),
            no_agenda=text["no_agenda"], sifat=text["sifat"], disposisi_dari=text["disposisi_dari"],
            disposisi_kepada=text["disposisi_kepada"], isi_disposisi=text["isi_disposisi"],
            tanggal_disposisi=_moment(raw.get("tanggal_disposisi"), LABELS["tanggal_disposisi"], problems,
                                      where("tanggal_disposisi")),
            batas_waktu=_date(raw.get("batas_waktu"), LABELS["batas_waktu"], problems, where("batas_waktu")),
            sheet=SHEET, baris=index, cells=cell,
        ))  # fmt: skip
    return found, problems
