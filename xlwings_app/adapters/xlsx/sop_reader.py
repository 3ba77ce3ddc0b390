"""Read sheets SOP, Kalender and Log Langkah (read only; nothing is written).

``read_sop_workbook(path)`` opens a file with openpyxl; ``read_sop_source(source, path)`` reads any
``adapters.xlsx.reader.SheetSource`` (the file, or the live workbook through ``XlwingsSource``), so
the CLI and the ribbon run the same checks.

Headers are found by text (case and spacing ignored, as the workbook reader does), so a user may
add a Pelaksana column to the SOP table or reorder the log's columns. Every problem is collected
with its sheet, row, column and cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xlwings_app.adapters.xlsx.reader import SheetSource, read_file
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.calendar_rows import parse_calendar
from xlwings_app.domain.sop.log import LABELS, LogEntry, read_log_row
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.presets import preset_ids
from xlwings_app.domain.sop.sop_rows import IDENTITY, STEP_HEADERS, Cell, StepCells, parse_sop
from xlwings_app.domain.sop.waktu import Unit, match_unit
from xlwings_app.sheets.grid import column_letter
from xlwings_app.sheets.layout import SHEET_PROFIL, normalise_header
from xlwings_app.sheets.sop_layout import (
    DEFAULT_PLACE,
    KALENDER_HEADER_ROW,
    KALENDER_LIST_ROWS,
    KALENDER_NATIONAL,
    KALENDER_OFF_COLUMN,
    KALENDER_WORK_COLUMN,
    SHEET_KALENDER,
    SHEET_LOG,
    SHEET_SOP,
    SOP_IDENTITY_VALUE_COLUMN,
    SopPlace,
    places_in,
    short_name,
)

HEADER_SCAN_ROWS = 60
MAX_ROWS = 20_000
MAX_BLANK_RUN = 500
Row = tuple[object, ...]


@dataclass
class SopWorkbook:
    """What the SOP sheets of a workbook hold, with every problem found reading them."""

    path: Path
    sop: Sop | None = None
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    entries: list[LogEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sheets: set[str] = field(default_factory=set)
    log_last_row: int | None = None
    """Last non-blank row of the log (None when there is no log sheet)."""
    tahun: int | None = None
    """Tahun in sheet Profil, when it holds one (the year whose holidays sheet Kalender lists)."""
    place: SopPlace = DEFAULT_PLACE
    """Which of the workbook's SOPs was read (its SOP, log and Hasil sheets)."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def read_sop_workbook(path: Path, place: SopPlace = DEFAULT_PLACE) -> SopWorkbook:
    """Read the SOP sheets of the workbook at ``path``; WorkbookError if it cannot be opened."""
    return read_file(path, lambda source, named: read_sop_source(source, named, place))


class UnknownSop(LookupError):
    """``--sop NAME`` names no SOP of the workbook."""


def sop_places(source: SheetSource) -> list[tuple[SopPlace, str]]:
    """Every SOP of the workbook (``places_in``) with its Nama SOP ("" when unreadable)."""
    found = []
    for place in places_in(source.sheetnames):
        probe = SopWorkbook(path=Path(""))
        _read_sop(list(_rows(source.iter_values(place.sop), 2_000)), probe, place.sop)
        found.append((place, probe.sop.nama if probe.sop else ""))
    return found


def list_sops(path: Path) -> list[tuple[SopPlace, str]]:
    """``sop_places`` of the workbook file at ``path``."""
    return read_file(path, lambda source, _: sop_places(source))


def match_place(found: list[tuple[SopPlace, str]], name: str | None) -> SopPlace:
    """The SOP called ``name``: a named SOP sheet ("SOP Perencanaan"), or an SOP whose Nama SOP
    gives that name ("Prosedur Penyusunan Perencanaan Kinerja"); without ``name`` the first SOP.
    ``UnknownSop`` names the SOPs there are.
    """
    if not name:
        return found[0][0] if found else DEFAULT_PLACE
    wanted = _key(name)
    for place, nama in found:
        names = {_key(place.sop), _key(place.nama)} | ({_key(nama), _key(short_name(nama))} if nama else set())
        if wanted in names - {""}:
            return place
    known = ", ".join(place.sop for place, _ in found) or "tidak ada"
    raise UnknownSop(f'SOP "{name}" tidak ada di workbook (sheet SOP yang ada: {known}).')


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def read_sop_source(source: SheetSource, path: Path, place: SopPlace = DEFAULT_PLACE) -> SopWorkbook:
    """Read the SOP sheets from ``source`` (a file or the live workbook named ``path``)."""
    names = source.sheetnames
    data = SopWorkbook(path=path, sheets=set(names), place=place)
    if place.sop in names:
        _read_sop(list(_rows(source.iter_values(place.sop), 2_000)), data, place.sop)
    else:
        data.problems.append(
            Problem(
                f"Sheet '{place.sop}' tidak ditemukan. Tambahkan SOP bawaan dengan: kinerja sop mulai "
                f"FILE --periode TW1 --sop PRESET (PRESET: {', '.join(preset_ids())}).",
                place.sop,
            )
        )
    if SHEET_KALENDER in names:
        rows = _rows(source.iter_values(SHEET_KALENDER), KALENDER_HEADER_ROW + KALENDER_LIST_ROWS)
        _read_kalender(list(rows), data)
    else:
        data.problems.append(
            Problem(
                f"Sheet '{SHEET_KALENDER}' tidak ditemukan: dipakai jam kerja baku dan libur nasional "
                "saja (tanpa cuti bersama).",
                SHEET_KALENDER,
                tingkat="catatan",
            )
        )
    if place.log in names:
        _read_log(_rows(source.iter_values(place.log), MAX_ROWS), data, place.log)
    if SHEET_PROFIL in names:
        data.tahun = _tahun(_rows(source.iter_values(SHEET_PROFIL), 80))
    data.problems = [p.in_file(path.name) for p in data.problems]
    return data


def _rows(values: Iterable[Sequence[object]], limit: int) -> Iterator[tuple[int, Row]]:
    for index, row in enumerate(values, start=1):
        if index > limit:
            return
        yield index, tuple(row)


def _at(row: Row, col: int) -> object:
    return row[col] if col < len(row) else None


def _tahun(rows: Iterator[tuple[int, Row]]) -> int | None:
    for _, row in rows:
        if normalise_header(_at(row, 0)).startswith("tahun"):
            value = _at(row, 1)
            text = str(value).strip() if value is not None else ""
            if text.endswith(".0"):
                text = text[:-2]
            return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else None
    return None


def _read_sop(rows: list[tuple[int, Row]], data: SopWorkbook, sheet: str = SHEET_SOP) -> None:
    labels = {normalise_header(label): key for key, label in IDENTITY}
    wanted = {normalise_header(h) for h in STEP_HEADERS} - {"waktu"}
    identity: dict[str, Cell] = {}
    header: tuple[int, Row] | None = None
    for index, row in rows:
        if normalise_header(_at(row, 0)) == "no" and "kegiatan" in {normalise_header(v) for v in row}:
            header = (index, row)
            break
        key = labels.get(normalise_header(_at(row, 0)))
        if key and index <= HEADER_SCAN_ROWS:
            col = SOP_IDENTITY_VALUE_COLUMN
            identity[key] = Cell(_at(row, col - 1), f"{column_letter(col)}{index}")
    if header is None:
        data.problems.append(
            Problem(
                "Tabel uraian prosedur tidak ditemukan: baris judul harus diawali No, Kegiatan.", sheet
            )
        )
        return
    header_row, titles = header
    names = [normalise_header(v) for v in titles]
    columns: dict[str, int] = {}
    default_unit: Unit | None = None
    for position, name in enumerate(names):
        if name.startswith("waktu"):
            columns["Waktu"] = position
            unit = re.search(r"\(([^)]*)\)", name)
            default_unit = match_unit(unit.group(1)) if unit else None
        for title in STEP_HEADERS:
            if name == normalise_header(title):
                columns[title] = position
    missing = [t for t in STEP_HEADERS if t not in columns]
    if missing:
        data.problems.append(
            Problem(f"Kolom tabel SOP tidak ditemukan: {', '.join(missing)}.", sheet, header_row)
        )
        return
    first, last = columns["Kegiatan"] + 1, columns["Kelengkapan"]
    pelaksana = [
        (i, str(titles[i]).strip()) for i in range(first, last) if names[i] and names[i] not in wanted
    ]
    steps: list[StepCells] = []
    blank = 0
    for index, row in rows:
        if index <= header_row:
            continue
        if all(v is None or str(v).strip() == "" for v in row):
            blank += 1
            if blank > 30:
                break
            continue
        blank = 0
        cells = {t: Cell(_at(row, c), f"{column_letter(c + 1)}{index}") for t, c in columns.items()}
        marks = {n: Cell(_at(row, c), f"{column_letter(c + 1)}{index}") for c, n in pelaksana}
        steps.append(StepCells(index, cells, marks))
    sop, problems = parse_sop(identity, [n for _, n in pelaksana], steps, sheet=sheet, default_unit=default_unit)
    data.sop = sop
    data.problems.extend(problems)


def _read_kalender(rows: list[tuple[int, Row]], data: SopWorkbook) -> None:
    grid = dict(rows)

    def cell(row: int, col: int) -> Cell:
        return Cell(_at(grid.get(row, ()), col - 1), f"{column_letter(col)}{row}")

    top = KALENDER_HEADER_ROW
    week = [[cell(top + day, col) for col in range(2, 6)] for day in range(1, 8)]
    lists = [
        [(top + i, cell(top + i, column)) for i in range(1, KALENDER_LIST_ROWS + 1)]
        for column in (KALENDER_OFF_COLUMN, KALENDER_WORK_COLUMN)
    ]
    national_row, national_col = int(KALENDER_NATIONAL[1:]), ord(KALENDER_NATIONAL[0]) - 64
    calendar, problems = parse_calendar(
        week, lists[0], lists[1], cell(national_row, national_col), sheet=SHEET_KALENDER
    )
    data.calendar = calendar
    data.problems.extend(problems)


def _read_log(rows: Iterator[tuple[int, Row]], data: SopWorkbook, sheet: str = SHEET_LOG) -> None:
    required = {normalise_header(label): key for key, label in LABELS.items()}
    positions: dict[str, int] | None = None
    blank = 0
    for index, row in rows:
        if positions is None:
            found = {normalise_header(v): i for i, v in enumerate(row) if normalise_header(v)}
            if set(required) <= set(found):
                positions = {key: found[name] for name, key in required.items()}
                data.log_last_row = index  # the header: rows are appended below it
            elif index >= HEADER_SCAN_ROWS:
                break
            continue
        values = {key: _at(row, col) for key, col in positions.items()}
        cells = {key: f"{column_letter(col + 1)}{index}" for key, col in positions.items()}
        entry, problems = read_log_row(values, baris=index, sheet=sheet, cells=cells)
        if entry is None:
            blank += 1
            if blank >= MAX_BLANK_RUN:
                break
            continue
        blank = 0
        data.log_last_row = index
        data.entries.append(entry)
        data.problems.extend(problems)
    if positions is None:
        data.problems.append(
            Problem(
                f"Baris judul Log Langkah tidak ditemukan: kolom {', '.join(LABELS.values())} harus ada.",
                sheet,
            )
        )
