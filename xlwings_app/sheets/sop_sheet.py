"""Reading sheet SOP back (and each "SOP <name>"): the identity block and the procedure table.

The sheet is laid out by ``adapters.openpyxl.sop_sheets.write_sop`` from ``sheets.sop_layout``: the
identity labels in column A (``domain.sop.sop_rows.IDENTITY``) with their values in column C, then the
procedure table under its header row No, Kegiatan, the Pelaksana columns, Kelengkapan, Waktu, Output,
Keterangan, TIDAK Kembali ke (``STEP_HEADERS``). Both are read with the one table reader
(``sheets.table``): the header row by its text, so a user may add a Pelaksana column or rows above.
Beyond its rules:
- the Waktu column's header may carry the unit of its values ("Waktu (menit)");
- the Pelaksana are the columns between Kegiatan and Kelengkapan not otherwise named;
- the cells are typed by ``domain.sop.sop_rows.parse_sop``, every problem at its cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.sop_rows import IDENTITY, STEP_HEADERS, Cell, StepCells, parse_sop
from xlwings_app.domain.sop.waktu import Unit, match_unit
from xlwings_app.sheets.layout import normalise_header
from xlwings_app.sheets.sop_layout import SOP_IDENTITY_VALUE_COLUMN, SopPlace, places_in, short_name
from xlwings_app.sheets.source import Row, SheetSource, sheet_rows
from xlwings_app.sheets.table import TableSpec, find_header, read_fields, table_rows

WAKTU = "Waktu"
STEPS = TableSpec(
    "uraian prosedur",
    {title: title for title in STEP_HEADERS if title != WAKTU},
    required=(STEP_HEADERS[0], STEP_HEADERS[1]),
)
"""The procedure table as the table reader finds it (No, Kegiatan); Waktu and the Pelaksana
columns are added by ``read_sop_sheet`` from the header row."""


class UnknownSop(LookupError):
    """``--sop NAME`` names no SOP of the workbook."""


@dataclass(frozen=True)
class SopCells:
    """The raw cells of an SOP sheet, each with its address: the identity block by field key
    (``domain.sop.sop_rows.IDENTITY``), the Pelaksana column titles and the procedure rows."""

    identity: dict[str, Cell]
    pelaksana: list[str]
    steps: list[StepCells]
    default_unit: Unit | None = None


def read_sop_cells(rows: Iterable[tuple[int, Row]], sheet: str) -> tuple[SopCells | None, list[Problem]]:
    """The cells of sheet ``sheet`` from its rows (numbered from 1); None (and why) without its table."""
    numbered = list(rows)
    header = find_header(numbered, STEPS, sheet)
    identity_rows = numbered if header is None else numbered[: header.row - 1]
    fields = read_fields(identity_rows, dict(IDENTITY), value_column=SOP_IDENTITY_VALUE_COLUMN)
    identity = {key: Cell(value, address) for key, (value, address) in fields.items()}
    if header is None:
        return None, [
            Problem("Tabel uraian prosedur tidak ditemukan: baris judul harus diawali No, Kegiatan.", sheet)
        ]
    names = [normalise_header(v) for v in header.titles]
    waktu = next((i for i, name in enumerate(names) if name.startswith("waktu")), None)
    default_unit: Unit | None = None
    if waktu is not None:
        unit = re.search(r"\(([^)]*)\)", names[waktu])
        default_unit = match_unit(unit.group(1)) if unit else None
        header = header.extended({WAKTU: WAKTU}, {WAKTU: waktu})
    missing = [t for t in STEP_HEADERS if t not in header.columns]
    if missing:
        return None, [Problem(f"Kolom tabel SOP tidak ditemukan: {', '.join(missing)}.", sheet, header.row)]
    wanted = {normalise_header(h) for h in STEP_HEADERS} - {"waktu"}
    first, last = header.columns["Kegiatan"] + 1, header.columns["Kelengkapan"]
    pelaksana = [
        (f"pelaksana {i}", i, str(header.titles[i]).strip())
        for i in range(first, last)
        if names[i] and names[i] not in wanted
    ]
    header = header.extended({key: name for key, _, name in pelaksana}, {key: i for key, i, _ in pelaksana})
    keys = tuple(header.columns)
    problems: list[Problem] = []
    steps: list[StepCells] = []
    for index, _row, values in table_rows(iter(numbered), header, problems):
        cells = {key: Cell(value, header.cell(key, index)) for key, value in zip(keys, values, strict=True)}
        marks = {name: cells[key] for key, _, name in pelaksana}
        steps.append(StepCells(index, {title: cells[title] for title in STEP_HEADERS}, marks))
    return SopCells(identity, [name for _, _, name in pelaksana], steps, default_unit), problems


def read_sop_sheet(rows: Iterable[tuple[int, Row]], sheet: str) -> tuple[Sop | None, list[Problem]]:
    """The SOP of sheet ``sheet`` from its rows (numbered from 1), and every problem of it."""
    sop, _cells, problems = read_sop(rows, sheet)
    return sop, problems


def read_sop(rows: Iterable[tuple[int, Row]], sheet: str) -> tuple[Sop | None, SopCells | None, list[Problem]]:
    """``read_sop_sheet`` with the cells it was read from (their addresses: ``kinerja sop sesuaikan``)."""
    cells, problems = read_sop_cells(rows, sheet)
    if cells is None:
        return None, None, problems
    sop, found = parse_sop(cells.identity, cells.pelaksana, cells.steps, sheet=sheet, default_unit=cells.default_unit)
    return sop, cells, problems + found


def sop_places(source: SheetSource) -> list[tuple[SopPlace, str]]:
    """Every SOP of the workbook (``sop_layout.places_in``) with its Nama SOP ("" when unreadable)."""
    found = []
    for place in places_in(source.sheetnames):
        sop, _ = read_sop_sheet(sheet_rows(source, place.sop), place.sop)
        found.append((place, sop.nama if sop else ""))
    return found


def match_place(found: list[tuple[SopPlace, str]], name: str | None) -> SopPlace:
    """The SOP called ``name``: a named SOP sheet ("SOP Perencanaan"), or an SOP whose Nama SOP
    gives that name ("Prosedur Penyusunan Perencanaan Kinerja"); without ``name`` the first SOP.
    ``UnknownSop`` names the SOPs there are.
    """
    if not name:
        return found[0][0] if found else SopPlace()
    wanted = _key(name)
    for place, nama in found:
        names = {_key(place.sop), _key(place.nama)} | ({_key(nama), _key(short_name(nama))} if nama else set())
        if wanted in names - {""}:
            return place
    known = ", ".join(place.sop for place, _ in found) or "tidak ada"
    raise UnknownSop(f'SOP "{name}" tidak ada di workbook (sheet SOP yang ada: {known}).')


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())
