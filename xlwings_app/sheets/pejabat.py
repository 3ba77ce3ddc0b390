"""Reading sheet Pejabat back: the unit's officials (Jabatan, Nama, NIP, Pangkat/Golongan, Atasan).

The table is workbook/layout.toml's ``[pejabat]`` (the Excel Table TabelPejabat), read with the one
table reader. Once it has entries, its jabatan are the Penanggung Jawab list (a workbook made before
the sheet existed keeps the list of sheet Pengaturan, column D). Rules, each a notice at its cell:
a row without a Jabatan is not used; a Jabatan written twice keeps its first row; a NIP stored as a
number (its last digits lost) is dropped; a NIP that is not 18 digits is kept with a notice; an
Atasan naming nobody is a warning (``domain.organisasi``; a workbook made before the column has all
superiors by rule). The Pengelola Kinerja of Profil takes its pangkat from its row here.
"""

from __future__ import annotations

from dataclasses import replace

from xlwings_app.domain.organisasi import atasan_problems
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat, Profil, nip_problem
from xlwings_app.domain.rows import text_of
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.source import SheetSource, sheet_rows, tables_of
from xlwings_app.sheets.table import TableSpec, find_header, table_rows


def table_spec(spec: L.PejabatTable) -> TableSpec:
    """The Pejabat table as the table reader reads it: Jabatan required, the other columns optional."""
    return TableSpec(
        name=spec.sheet,
        headers={c.key: c.header for c in spec.columns},
        required=("jabatan",),
        optional=tuple(c.key for c in spec.columns if c.key != "jabatan"),
        excel_table=spec.name,
    )


def read_pejabat(source: SheetSource, data: WorkbookData) -> None:
    """The officials of sheet Pejabat into ``data.profil.pejabat`` and the Penanggung Jawab list."""
    spec = L.layout().pejabat
    if spec is None or spec.sheet not in source.sheetnames:
        return
    table = table_spec(spec)
    header = find_header(sheet_rows(source, spec.sheet), table, spec.sheet, tables_of(source, spec.sheet))
    if header is None:
        data.problems.append(Problem(
            "Baris judul tabel Pejabat (kolom Jabatan) tidak ditemukan: daftar pejabat tidak dibaca.",
            spec.sheet, tingkat="catatan",
        ))  # fmt: skip
        return
    keys = tuple(header.columns)
    officials: list[Pejabat] = []
    atasan_cells: dict[str, str] = {}
    for index, _row, cells in table_rows(sheet_rows(source, spec.sheet), header, data.problems):
        raw = dict(zip(keys, cells, strict=True))
        values = {key: text_of(value) for key, value in raw.items()}

        def note(key: str, pesan: str, nilai: object = None, at: int = index) -> None:
            data.problems.append(Problem(pesan, spec.sheet, at, table.headers[key], header.cell(key, at), nilai,
                                         tingkat="catatan"))  # fmt: skip

        jabatan = " ".join(values.get("jabatan", "").split())
        if not jabatan:
            note("jabatan", "Jabatan belum diisi: baris pejabat ini tidak dipakai.")
            continue
        if any(" ".join(p.jabatan.split()).casefold() == jabatan.casefold() for p in officials):
            note("jabatan", f"Jabatan '{jabatan}' tertulis dua kali di tabel Pejabat: yang pertama dipakai.",
                 jabatan)  # fmt: skip
            continue
        nip = values.get("nip", "")
        if isinstance(raw.get("nip"), float | int) and abs(raw["nip"]) >= 10**15:  # type: ignore[arg-type]
            note("nip", "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang: ketik ulang sebagai "
                        "teks (awali dengan tanda petik).", raw["nip"])  # fmt: skip
            nip = ""
        elif nip and (why := nip_problem(nip)):
            note("nip", why, nip)
        atasan = " ".join(values.get("atasan", "").split())
        officials.append(Pejabat(jabatan, values.get("nama", ""), values.get("pangkat", ""), nip, atasan=atasan))
        atasan_cells[jabatan] = header.cell("atasan", index) if "atasan" in header.columns else ""
    if not officials:
        return
    data.settings = replace(data.settings, daftar_penanggung_jawab=tuple(p.jabatan for p in officials))
    if data.profil is not None:
        profil = replace(data.profil, pejabat=tuple(officials))
        data.profil = replace(profil, pengelola=_with_pangkat(profil.pengelola, profil))
        data.problems.extend(atasan_problems(data.profil, spec.sheet, atasan_cells))


def _with_pangkat(pengelola: Pejabat, profil: Profil) -> Pejabat:
    """The Pengelola Kinerja (Profil has no pangkat field) with the pangkat of sheet Pejabat's row of
    the same jabatan, and its NIP or name where Profil leaves them blank."""
    known = profil.pejabat_untuk(pengelola.jabatan) if pengelola.jabatan.strip() else None
    if known is None:
        return pengelola
    return replace(pengelola, pangkat=pengelola.pangkat or known.pangkat, nama=pengelola.nama or known.nama,
                   nip=pengelola.nip or known.nip)  # fmt: skip
