"""Reading sheet Profil back: the unit's identity and its signer, a label block (label in A, value in B).

The fields are workbook/layout.toml's ``[[profil]]`` (``layout.Field``: key, label, required), read
with the table reader's ``read_fields``. Every problem names its cell:
- a field whose label is not in column A, and a required field left empty, are errors; the fields
  only documents need (``domain.profil.DOCUMENT_FIELDS``) are a notice here (``kinerja laporan``
  refuses the document);
- Tahun is a whole number from 2000 to 2100; a signer's status is empty, Plt. or Plh.;
- a NIP stored as a number (its last digits lost) or not 18 digits is a notice (``domain.profil``).
"""

from __future__ import annotations

from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import DOCUMENT_FIELDS, NIP_AS_NUMBER, Pejabat, Profil, nip_problem
from xlwings_app.domain.rows import text_of
from xlwings_app.domain.tanggal import parse_tanggal
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.source import SheetSource, sheet_rows
from xlwings_app.sheets.table import read_fields


def fields_label(key: str) -> str:
    """The label of Profil field ``key`` (layout.toml)."""
    return next(f.label for f in L.layout().profil if f.key == key)


def profil_fields(source: SheetSource) -> dict[str, tuple[object, str]]:
    """Each Profil field found: key → (value, cell); empty when the workbook has no sheet Profil."""
    if L.SHEET_PROFIL not in source.sheetnames:
        return {}
    labels = {f.key: f.label for f in L.layout().profil}
    return read_fields(sheet_rows(source, L.SHEET_PROFIL), labels)


def read_tahun(source: SheetSource) -> int | None:
    """Tahun in sheet Profil when it holds a year from 2000 to 2100 (the SOP sheets' year), else None."""
    value = profil_fields(source).get("tahun", (None, ""))[0]
    text = str(value).strip() if value is not None else ""
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else None


def read_profil(source: SheetSource, data: WorkbookData) -> None:
    """Read sheet Profil into ``data`` (``profil``, ``profil_values``, ``profil_cells``,
    ``profil_numeric`` and the problems)."""
    sheet = L.SHEET_PROFIL
    if sheet not in source.sheetnames:
        data.problems.append(
            Problem(
                f"Sheet '{sheet}' tidak ditemukan: identitas unit dan penandatangan dibaca dari sana.", sheet
            )
        )
        return
    found = profil_fields(source)
    values = {key: text_of(value) for key, (value, _) in found.items()}
    data.profil_values = dict(values)
    data.profil_cells = {key: cell for key, (_, cell) in found.items()}
    for f in L.layout().profil:
        cell = found.get(f.key, (None, None))[1]
        if f.key not in found:
            data.problems.append(
                Problem(f"Isian '{f.label}' tidak ditemukan di kolom A.", sheet, kolom=f.label)
            )
        elif f.required and not values[f.key] and f.key in DOCUMENT_FIELDS:  # laporan checks it
            data.problems.append(Problem(
                f"{f.label} belum diisi: capaian tetap dihitung; dokumen (kinerja laporan, laporan-iki, arsip) "
                "memerlukannya.", sheet, kolom=f.label, sel=cell, tingkat="catatan"))  # fmt: skip
        elif f.required and not values[f.key]:
            data.problems.append(Problem(f"{f.label} belum diisi.", sheet, kolom=f.label, sel=cell))
    tahun = 0
    if values.get("tahun"):
        read = read_number(found["tahun"][0])
        if (
            read.value is None
            or read.value != read.value.to_integral_value()
            or not 2000 <= read.value <= 2100
        ):
            data.problems.append(
                Problem(
                    f"Tahun '{values['tahun']}' tidak sah: isi tahun 4 angka, mis. 2024.",
                    sheet,
                    kolom="Tahun",
                    sel=found["tahun"][1],
                    nilai=values["tahun"],
                )
            )
        else:
            tahun = int(read.value)
    for key in ("ttd_nip", "pengelola_nip"):
        # document data (domain.profil.document_problems refuses the documents): a notice here
        if isinstance(found.get(key, (None,))[0], float | int) and abs(found[key][0]) >= 10**15:  # type: ignore[arg-type]
            data.profil_numeric.add(key)
            data.problems.append(
                Problem(
                    NIP_AS_NUMBER,
                    sheet,
                    kolom=fields_label(key),
                    sel=found[key][1],
                    nilai=found[key][0],
                    tingkat="catatan",
                )
            )
        elif values.get(key):
            why = nip_problem(values[key])
            if why:
                data.problems.append(
                    Problem(why, sheet, kolom=fields_label(key), sel=found[key][1], nilai=values[key],
                            tingkat="catatan")  # fmt: skip
                )
    status = values.get("ttd_status", "")
    if status and status.rstrip(".").casefold() not in ("plt", "plh"):
        data.problems.append(
            Problem(
                f"Status penandatangan '{status}' tidak dikenal: kosongkan, atau isi Plt. atau Plh.",
                sheet,
                kolom=fields_label("ttd_status"),
                sel=found["ttd_status"][1],
            )
        )
    tanggal_ttd = None
    if "tanggal_ttd" in found:
        try:
            tanggal_ttd = parse_tanggal(found["tanggal_ttd"][0])
        except ValueError as exc:
            data.problems.append(
                Problem(str(exc), sheet, kolom=fields_label("tanggal_ttd"), sel=found["tanggal_ttd"][1],
                        nilai=values.get("tanggal_ttd"))
            )
    data.profil = Profil(
        kabupaten=values.get("kabupaten", ""),
        unit=values.get("unit", ""),
        alamat=values.get("alamat", ""),
        tahun=tahun,
        penandatangan=Pejabat(
            values.get("ttd_jabatan", ""),
            values.get("ttd_nama", ""),
            values.get("ttd_pangkat", ""),
            values.get("ttd_nip", ""),
            (status.rstrip(".").capitalize() + ".") if status else "",
        ),
        pengelola=Pejabat(
            values.get("pengelola_jabatan", ""),
            values.get("pengelola_nama", ""),
            "",
            values.get("pengelola_nip", ""),
        ),
        tempat=values.get("tempat", ""),
        telepon=values.get("telepon", ""),
        email=values.get("email", ""),
        tanggal_ttd=tanggal_ttd,
        lambang=values.get("lambang", ""),
    )
