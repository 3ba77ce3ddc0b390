"""Read sheet Riwayat back (read only): the changes every rekap made, as ``riwayat.Entry`` values.

Columns are found by header text in the header row (``riwayat.HEADERS``), so a user who moved a
column keeps it. A row whose Waktu cannot be read as a time is reported (catatan) and skipped; a
workbook without sheet Riwayat has had no change by rekap yet: no rows, no problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from xlwings_app.adapters.xlsx.reader import SheetSource, read_file
from xlwings_app.domain.problems import Problem
from xlwings_app.sheets.layout import normalise_header
from xlwings_app.sheets.riwayat import HEADERS, SHEET_RIWAYAT, Entry

HEADER_SCAN_ROWS = 20


def read_riwayat(path: Path) -> tuple[list[Entry], list[Problem]]:
    """Every Riwayat row of the workbook at ``path``; WorkbookError if it cannot be opened."""
    return read_file(path, lambda source, p: riwayat_of(source, p.name))


def riwayat_of(source: SheetSource, file: str = "") -> tuple[list[Entry], list[Problem]]:
    """Every Riwayat row of ``source`` (a file or the live workbook)."""
    if SHEET_RIWAYAT not in source.sheetnames:
        return [], []
    return riwayat_rows(source.iter_values(SHEET_RIWAYAT), file)


def riwayat_rows(rows: Iterable[Sequence[object]], file: str = "") -> tuple[list[Entry], list[Problem]]:
    """The entries of sheet Riwayat's rows from row 1 (``Master.rows``, or a reader's values)."""
    wanted = [normalise_header(h) for h in HEADERS]
    columns: list[int] | None = None
    entries: list[Entry] = []
    problems: list[Problem] = []
    for index, row in enumerate(rows, start=1):
        if columns is None:
            found = {normalise_header(v): i for i, v in enumerate(row)}
            if all(w in found for w in wanted):
                columns = [found[w] for w in wanted]
            elif index >= HEADER_SCAN_ROWS:
                break
            continue
        values = [_at(row, c) for c in columns]
        if all(v is None or v == "" for v in values):
            continue
        waktu = _waktu(values[0])
        if waktu is None:
            problems.append(Problem(f"Waktu '{values[0]}' tidak terbaca; baris Riwayat ini dilewati.",
                                    SHEET_RIWAYAT, index, "Waktu", f"A{index}", values[0], file, "catatan"))  # fmt: skip
            continue
        sumber, sel_sumber, kode, kolom, sel_induk = (_text(v) for v in values[1:6])
        entries.append(Entry(waktu, sumber, sel_sumber, kode, kolom, sel_induk, _value(values[6]), _value(values[7])))
    return entries, problems


def _at(row: Sequence[object], col: int) -> object:
    return row[col] if col < len(row) else None


def _waktu(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _value(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
