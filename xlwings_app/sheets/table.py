"""The one table reader: how every table and label block of a sheet is found and walked.

Every sheet reader of ``sheets/`` (IKU and IKI, Pejabat, Log Langkah, Riwayat, Segel, the SOP's
steps, the units of Isian Kabupaten, a lembar isian) reads its table here, under one set of limits:

- **The header row** is the first of the sheet's first ``HEADER_SCAN_ROWS`` rows that holds every
  required header; headers are compared normalised (``layout.normalise_header``: case, spacing and a
  trailing ":" or "*" ignored), so a user may add title rows above a table, reorder its columns or
  add columns of their own. A table that is an Excel Table of the layout's name (TabelIKU) is also
  found by that Table's first row, wherever it starts.
- **Columns** are mapped by header text, the first of a repeated title; for an Excel Table its own
  columns first (a copy of its titles beside it is never read; a title the Table lacks is read where
  the row has it). Only the first ``MAX_COLUMNS`` columns of a header row are looked at.
- **Rows** are walked from the header down. A blank row (every mapped cell empty, ``rows.text_of``)
  is skipped; ``BLANK_RUN`` blank rows in a row end the table, with a notice naming the first filled
  cell further down; a table longer than ``MAX_ROWS`` rows is read up to there, with a notice. An
  Excel Table's Total Row is not data.
- **A label block** (Profil, the SOP's identity, the fields above Isian Kabupaten's units) is a label
  in one column and its value in another, in the first ``HEADER_SCAN_ROWS`` rows.
- **Problems** name their sheet, row, column and cell.

A reader hands in rows (``sheets.source``: from a file or the open workbook); nothing here imports
an engine.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter

from xlwings_app.domain.cell_addresses import column_letter, range_bounds
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.rows import text_of
from xlwings_app.sheets.layout import normalise_header
from xlwings_app.sheets.source import Row, TableInfo

HEADER_SCAN_ROWS = 80
"""Rows searched for a table's header row, and for the labels of a label block (Profil's fields
reach row 25; title rows a user adds above a table are room enough within 80)."""
BLANK_RUN = 5_000
"""Consecutive blank rows that end a table (a table of formatted but empty rows down to Excel's
last row is not read a million times; a gap of a few hundred rows in a table is still read)."""
MAX_ROWS = 200_000
"""Rows read below a table's header at most; a longer table is read up to there, with a notice."""
MAX_COLUMNS = 702
"""Columns of a header row looked at (A to ZZ, as far as the fast reader reads a sheet)."""


@dataclass(frozen=True)
class TableSpec:
    """A table as a sheet reader declares it: its name in messages, its columns, which are required."""

    name: str
    """The table as messages name it ("IKU", "Log Langkah", "Pejabat")."""
    headers: Mapping[str, str]
    """Column key → its header as declared (compared normalised), in the table's order."""
    required: Collection[str]
    """The keys whose header a row must hold to be the header row (the first is the table's anchor)."""
    optional: Collection[str] = ()
    """Keys a table may lack without a problem (columns added after version 1)."""
    excel_table: str = ""
    """The Excel Table the layout names (TabelIKU): its first row is the header wherever it starts."""

    def anchor(self) -> str:
        """The first required key: the column that tells which Excel Table is this table."""
        return next(key for key in self.headers if key in self.required)


@dataclass(frozen=True)
class Header:
    """A table found on a sheet: its header row, where each column is, the Excel Table it is."""

    spec: TableSpec
    sheet: str
    row: int
    """The header row (1-based)."""
    titles: tuple[object, ...]
    """The header row's cells (at most ``MAX_COLUMNS``)."""
    columns: dict[str, int]
    """Column key → its position (0-based), for the declared columns found."""
    excel_table: TableInfo | None = None
    """The Excel Table whose header row this is (None for a plain range or a source without tables)."""
    letters: dict[str, str] = field(init=False, default_factory=dict)
    """Column key → its letters ("H"): one mapping shared by every row's cell addresses."""

    def __post_init__(self) -> None:
        self.letters.update({key: column_letter(pos + 1) for key, pos in self.columns.items()})

    def cell(self, key: str, row: int) -> str:
        """The address of column ``key`` in row ``row`` ("H12")."""
        return f"{self.letters[key]}{row}"

    def missing(self) -> list[str]:
        """The headers of the declared columns not found, optional ones aside, in declared order."""
        spec = self.spec
        return [title for key, title in spec.headers.items() if key not in self.columns and key not in spec.optional]

    @property
    def totals(self) -> range:
        """The rows of the Excel Table's Total Row(s): they sum the table, they are not data."""
        table = self.excel_table
        if table is None or not table.totals_rows:
            return range(0)
        bottom = table.bounds[2]
        return range(bottom - table.totals_rows + 1, bottom + 1)

    def extended(self, headers: Mapping[str, str], columns: Mapping[str, int]) -> Header:
        """This table with more columns found by its reader (a header carrying a unit, "Waktu (hari)";
        the columns a user names, as the SOP's Pelaksana): ``headers`` key → title, ``columns`` key →
        position."""
        spec = replace(self.spec, headers={**self.spec.headers, **headers})
        return Header(spec, self.sheet, self.row, self.titles, {**self.columns, **columns}, self.excel_table)

    def duplicates(self) -> dict[str, list[int]]:
        """Declared headers written more than once in the whole header row: key → their positions."""
        wanted = {normalise_header(title): key for key, title in self.spec.headers.items()}
        seen: dict[str, list[int]] = {}
        for i, value in enumerate(self.titles):
            key = wanted.get(normalise_header(value))
            if key is not None:
                seen.setdefault(key, []).append(i)
        return {key: cols for key, cols in seen.items() if len(cols) > 1}


def header_keys(row: Row) -> set[str]:
    """The normalised headers of a row's first ``MAX_COLUMNS`` cells."""
    return {name for value in row[:MAX_COLUMNS] if (name := normalise_header(value))}


def find_header(
    rows: Iterable[tuple[int, Row]], spec: TableSpec, sheet: str, tables: Sequence[TableInfo] = ()
) -> Header | None:
    """The table ``spec`` on ``sheet`` from its rows (numbered from 1; read as far as needed): the
    first of the first ``HEADER_SCAN_ROWS`` rows holding every required header, else the first row
    of the Excel Table ``spec.excel_table`` among ``tables`` when it holds them; None when neither."""
    wanted = {normalise_header(spec.headers[key]) for key in spec.required}
    named = next((t for t in tables if spec.excel_table and t.name.casefold() == spec.excel_table.casefold()), None)
    named_row = named.bounds[0] if named is not None else 0
    for index, row in rows:
        if (index <= HEADER_SCAN_ROWS or index == named_row) and wanted <= header_keys(row):
            return _header(spec, sheet, index, row, tables)
        if index >= max(HEADER_SCAN_ROWS, named_row):
            return None
    return None


def _header(spec: TableSpec, sheet: str, index: int, row: Row, tables: Sequence[TableInfo]) -> Header:
    titles = tuple(row[:MAX_COLUMNS])
    names = [normalise_header(v) for v in titles]
    anchor = normalise_header(spec.headers[spec.anchor()])
    anchors = [i + 1 for i, name in enumerate(names) if name == anchor]
    found = [t for t in tables if t.bounds[0] == index and any(t.bounds[1] <= a <= t.bounds[3] for a in anchors)]
    named = [t for t in found if t.name.casefold() == spec.excel_table.casefold()]
    excel_table = (named or found)[0] if found else None
    # the first of repeated titles; inside an Excel Table its own columns (never a copy of its titles
    # beside it), a title the Table lacks where the row has it
    first = {name: i for i, name in reversed(list(enumerate(names))) if name}
    if excel_table is not None:
        left, right = excel_table.bounds[1] - 1, excel_table.bounds[3] - 1
        first.update({name: i for i, name in reversed(list(enumerate(names))) if left <= i <= right and name})
    columns = {key: first[name] for key, title in spec.headers.items() if (name := normalise_header(title)) in first}
    return Header(spec, sheet, index, titles, columns, excel_table)


def header_at(spec: TableSpec, sheet: str, index: int, row: Row, columns: Mapping[str, int]) -> Header:
    """A table whose columns stand where its layout puts them (a lembar isian, locked): the header
    row ``index`` and each key's position as given."""
    return Header(spec, sheet, index, tuple(row[:MAX_COLUMNS]), dict(columns))


def _is_blank(values: Sequence[object]) -> bool:
    """Every value empty (``text_of``); text typed in a cell answers at once (the usual case)."""
    for value in values:
        if value is None:
            continue
        if type(value) is str and value.isprintable():
            if value.strip():
                return False
        elif text_of(value):
            return False
    return True


def table_rows(
    rows: Iterator[tuple[int, Row]], header: Header, problems: list[Problem]
) -> Iterator[tuple[int, Row, tuple[object, ...]]]:
    """The table's non-blank rows below ``header`` as (row number, the row, the mapped cells in
    ``header.columns`` order). ``rows`` are the sheet's rows numbered from 1 (the header's and those
    above are passed over). Stops after ``BLANK_RUN`` blank rows (a notice when data follows) or
    ``MAX_ROWS`` rows (a notice); an Excel Table's Total Row is left out."""
    positions = tuple(header.columns.values())
    if not positions:
        return
    pick = itemgetter(*positions)  # the mapped cells of a row in one call
    several = len(positions) > 1  # itemgetter of one position gives the value, not a tuple
    width = max(positions) + 1
    top, last, totals = header.row, header.row + MAX_ROWS, header.totals
    blank_run = 0
    for index, row in rows:
        if index <= top or index in totals:
            continue
        if index > last:
            problems.append(Problem(
                f"Tabel {header.spec.name} lebih dari {MAX_ROWS} baris: dibaca hanya {MAX_ROWS} baris pertama.",
                header.sheet, index,
            ))  # fmt: skip
            return
        if len(row) >= width:
            picked = pick(row) if several else (pick(row),)
        else:  # a row narrower than the table: cell by cell
            picked = tuple(row[pos] if pos < len(row) else None for pos in positions)
        if _is_blank(picked):
            blank_run += 1
            if blank_run >= BLANK_RUN:
                problems.extend(_past_the_limit(rows, header, index))
                return
            continue
        blank_run = 0
        yield index, row, picked


def _past_the_limit(rows: Iterator[tuple[int, Row]], header: Header, stopped: int) -> list[Problem]:
    """A notice naming the first filled mapped cell after reading stopped at a long blank run."""
    for index, row in rows:
        if index - stopped > MAX_ROWS:
            break
        for key, pos in header.columns.items():
            if pos < len(row) and row[pos] not in (None, ""):
                return [Problem(
                    f"Pembacaan tabel {header.spec.name} berhenti di baris {stopped} setelah {BLANK_RUN} "
                    f"baris kosong berturut-turut, tetapi sel {header.cell(key, index)} masih berisi data: "
                    "baris itu tidak dibaca. Pindahkan barisnya ke atas, tepat di bawah tabel.",
                    header.sheet, index, header.spec.headers[key], header.cell(key, index), tingkat="catatan",
                )]  # fmt: skip
    return []


def duplicate_problems(header: Header, tingkat: Tingkat = "galat") -> list[Problem]:
    """A problem for every declared header written more than once in the header row, naming each cell."""
    row, headers = header.row, header.spec.headers
    return [
        Problem(
            f"Judul kolom '{headers[key]}' ada {len(cols)} kali di baris judul: "
            + " dan ".join(f"{column_letter(c + 1)}{row}" for c in cols)
            + ". Hapus salinan judul (mis. salinan tabel di samping) agar jelas kolom mana yang dibaca.",
            header.sheet, row, headers[key], f"{column_letter(cols[1] + 1)}{row}", tingkat=tingkat,
        )
        for key, cols in header.duplicates().items()
    ]  # fmt: skip


def merged_problems(header: Header, merged: Iterable[str], labels: Mapping[str, str] | None = None) -> list[Problem]:
    """A problem for every merged range below the header that covers a mapped column: only its
    top-left cell holds a value, the others read as blank. ``labels``: a column key's name in the
    message (its declared header by default)."""
    names = labels or header.spec.headers
    by_col = {pos + 1: key for key, pos in header.columns.items()}
    problems = []
    for ref in merged:
        top, left, bottom, right = range_bounds(ref)
        keys = [by_col[c] for c in range(left, right + 1) if c in by_col]
        if bottom > header.row and keys:
            problems.append(Problem(
                f"Sel digabung (merge) {ref} di kolom {', '.join(names[k] for k in keys)}: hanya sel kiri atas "
                f"({column_letter(left)}{top}) yang menyimpan nilai, sel lain terbaca kosong. Pisahkan "
                "gabungan sel (Unmerge) lalu isi tiap sel.",
                header.sheet, max(top, header.row + 1), names[keys[0]], ref,
            ))  # fmt: skip
    return problems


def read_fields(
    rows: Iterable[tuple[int, Row]],
    labels: Mapping[str, str],
    value_column: int = 2,
    until: int | None = None,
) -> dict[str, tuple[object, str]]:
    """A label block: each key's value and cell, its label (``labels``: key → label, compared
    normalised) in column A and its value in column ``value_column`` (1-based), in the first
    ``HEADER_SCAN_ROWS`` rows (and above row ``until``); the last of a repeated label."""
    wanted = {normalise_header(label): key for key, label in labels.items()}
    letter, at = column_letter(value_column), value_column - 1
    found: dict[str, tuple[object, str]] = {}
    for index, row in rows:
        if index > HEADER_SCAN_ROWS or (until is not None and index >= until):
            break
        key = wanted.get(normalise_header(row[0])) if row else None
        if key is not None:
            found[key] = (row[at] if at < len(row) else None, f"{letter}{index}")
    return found


def cell_grid(rows: Iterable[tuple[int, Row]], last_row: int, last_column: int) -> dict[str, object]:
    """The cells of A1 to (``last_row``, ``last_column``) by address ("B4"): a sheet whose inputs
    stand in fixed cells (Pengaturan, Kalender)."""
    grid: dict[str, object] = {}
    for index, row in rows:
        if index > last_row:
            break
        for col, value in enumerate(row[:last_column], start=1):
            grid[f"{column_letter(col)}{index}"] = value
    return grid
