"""Reading sheet Log Langkah back (and each "Log <name>"): one ``LogEntry`` per run of a step.

The log is the Excel Table ``sheets.sop_layout.LOG_TABLE`` under the header row Periode, Langkah,
Kegiatan, Peran, Pelaksana, Mulai, Selesai, Catatan (``LOG_HEADERS``), read with the one table
reader: the columns ``domain.sop.log.LABELS`` names are found by header text (Kegiatan and Peran,
copied from the SOP for reading ease, are not read), so a user may reorder them. Each row is typed
by ``domain.sop.log.read_log_row``, every problem at its cell. ``log_header`` finds the same columns
for the writers that stamp a row (Catat Waktu Langkah, the log's automatic Pencatatan).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.log import LABELS, LogEntry, read_log_row
from xlwings_app.sheets.sop_layout import LOG_TABLE, SHEET_LOG
from xlwings_app.sheets.source import Row, TableInfo
from xlwings_app.sheets.table import Header, TableSpec, find_header, table_rows


def table_spec(table: str = LOG_TABLE) -> TableSpec:
    """The log as the table reader reads it: every ``LABELS`` column required; ``table`` is the log's
    Excel Table (``SopPlace.log_table``)."""
    return TableSpec(SHEET_LOG, dict(LABELS), required=tuple(LABELS), excel_table=table)


def find_log(rows: Iterable[tuple[int, Row]], sheet: str, tables: Sequence[TableInfo] = (), table: str = LOG_TABLE) -> Header | None:
    """The log's header on ``sheet`` (rows numbered from 1), or None."""
    return find_header(rows, table_spec(table), sheet, tables)


def log_header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]] | None:
    """The log's header row (1-based) and each ``LABELS`` column (0-based) in a sheet's rows from
    row 1; None when there is no such row."""
    header = find_log(enumerate(rows, start=1), SHEET_LOG)
    return None if header is None else (header.row, dict(header.columns))


def read_log(
    rows: Iterator[tuple[int, Row]], header: Header, problems: list[Problem]
) -> tuple[list[LogEntry], int]:
    """The log's entries below ``header`` (rows numbered from 1) and its last non-blank row (the
    header's when it has none: rows are appended below it); their problems into ``problems``."""
    entries: list[LogEntry] = []
    last_row = header.row
    keys = tuple(header.columns)
    for index, _row, values in table_rows(rows, header, problems):
        cells = {key: header.cell(key, index) for key in keys}
        entry, found = read_log_row(dict(zip(keys, values, strict=True)), baris=index, sheet=header.sheet, cells=cells)
        if entry is None:  # only characters Excel does not show: blank to the log's rules
            continue
        last_row = index
        entries.append(entry)
        problems.extend(found)
    return entries, last_row


def not_found(sheet: str) -> Problem:
    """The problem of a log sheet without its header row."""
    return Problem(f"Baris judul {SHEET_LOG} tidak ditemukan: kolom {', '.join(LABELS.values())} harus ada.", sheet)
