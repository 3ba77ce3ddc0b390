"""Read the Kinerja workbook's inputs (Profil, Pengaturan, IKU, IKI) with calamine, or openpyxl.

Only input cells are read; computed cells are never trusted. Columns are found by header text
(case and spacing ignored), so reordered columns work and a missing column is named. A sheet that
was renamed is found by its header row, with a notice. Every problem is collected with its sheet,
row, column and cell; nothing is written.

openpyxl (whose import alone costs more than reading a workbook with calamine) is imported only
when a file is read through it: the fallback when calamine cannot read the file
(``FileReading``), or a workbook opened with openpyxl handed over as an ``OpenpyxlSource``.
"""

from __future__ import annotations

import gc
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol, TypeVar

from xlwings_app.adapters.xlsx.calamine import CalamineSource, sheet_part_names
from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx, ensure_defused
from xlwings_app.adapters.xlsx.sheet_parts import TableInfo, merged_ranges, range_bounds
from xlwings_app.adapters.xlsx.sheet_parts import tables as sheet_tables
from xlwings_app.domain.cell_addresses import CellAddresses, RowCells
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.numbers import is_percent_format, read_number, with_format
from xlwings_app.domain.predikat import check_scale
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import DOCUMENT_FIELDS, NIP_AS_NUMBER, Pejabat, Profil, nip_problem
from xlwings_app.domain.rows import (
    KodeSeen,
    RawRow,
    RowValues,
    SharedNumbers,
    is_blank_row,
    normalise_kode,
    parse_indicator,
    text_of,
)
from xlwings_app.domain.seal import SealRecord
from xlwings_app.domain.settings import DEFAULT_SCALE, Band, Scale, Settings, VarianNegatif
from xlwings_app.domain.tanggal import parse_tanggal
from xlwings_app.domain.validation import check_indicators
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import column_letter
from xlwings_app.sheets.segel import read_seals

HEADER_SCAN_ROWS = 12
MAX_ROWS = 200_000
"""Rows read per table at most; a table longer than this is refused (a sheet of formatted but
empty rows to the bottom of Excel would otherwise be read a million times)."""
RENSTRA_HEADER = re.compile(r"target renstra (\d{4})")
"""Optional per-year Renstra target columns (header compared normalised, e.g. "Target Renstra 2025")."""
MAX_BLANK_RUN = 5_000
"""Reading a table stops after this many consecutive blank rows."""


@dataclass
class WorkbookData:
    """What a workbook holds, typed, with every problem found while reading it."""

    path: Path
    profil: Profil | None
    profil_values: dict[str, object]
    settings: Settings
    indicators: list[Indicator]
    problems: list[Problem] = field(default_factory=list)
    cells: CellAddresses = field(default_factory=CellAddresses)
    """(sheet, row, column key) → the address of each input cell of the IKU and IKI rows read."""
    sheets: dict[Jenis, str] = field(default_factory=dict)
    segel: list[SealRecord] = field(default_factory=list)
    rows: list[RawRow] = field(default_factory=list)
    """Every non-blank IKU and IKI row as typed, usable or not (the planner's checks read them)."""
    renstra: dict[str, dict[int, object]] = field(default_factory=dict)
    """Optional "Target Renstra 2025"-style columns: kode (case folded) -> year -> cell value."""
    profil_cells: dict[str, str] = field(default_factory=dict)
    profil_numeric: set[str] = field(default_factory=set)
    """Profil fields (NIPs) stored as numbers, whose last digits Excel has lost."""
    """Profil field key → the cell its value was read from ("B9")."""
    kodes: list[KodeSeen] = field(default_factory=list)
    """Every kode read from the IKU and IKI tables, rows with errors too."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


class SheetSource(Protocol):
    """Where cell values come from: a workbook file (openpyxl) or the live workbook (xlwings)."""

    @property
    def sheetnames(self) -> list[str]: ...

    def iter_values(self, sheet: str) -> Iterable[Sequence[object]]:
        """The sheet's rows from row 1, each a sequence of cell values from column A."""
        ...


@cache
def _cached_parser() -> Any:
    """openpyxl's sheet parser reading cached values, except that a formula Excel stored no value
    for comes back as its text ("=SUM(A1:A2)") instead of a blank (it is never evaluated)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class CachedParser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = "=" + (element.findtext(FORMULA_TAG) or "")
            return cell

    return CachedParser


def number_format_of(wb: Any, style_id: int) -> str:
    """The number format code of cell style ``style_id`` of an openpyxl workbook."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    fmt_id = wb._cell_styles[style_id].numFmtId if style_id < len(wb._cell_styles) else 0
    if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
        return str(BUILTIN_FORMATS.get(fmt_id, "General"))
    return str(wb._number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE])


class OpenpyxlSource:
    """A workbook file opened read-only by openpyxl (cached values; formulas are never evaluated).
    Numbers with a percent number format come as ``Percent``. Tables and merged ranges are read
    from the package at ``path`` (read-only openpyxl gives neither) or from a workbook opened for
    writing."""

    def __init__(self, wb: Any, path: Path | None = None) -> None:
        self._wb = wb
        self._path = path
        self._percent = {
            i for i in range(len(wb._cell_styles)) if is_percent_format(number_format_of(wb, i))
        }

    @property
    def sheetnames(self) -> list[str]:
        return [ws.title for ws in self._wb.worksheets]

    def _part(self, sheet: str) -> tuple[zipfile.ZipFile, str] | None:
        if self._path is None:
            return None
        archive = zipfile.ZipFile(self._path)
        part = sheet_part_names(archive).get(sheet)
        if part is None or part not in archive.namelist():
            archive.close()
            return None
        return archive, part

    def tables(self, sheet: str) -> list[TableInfo]:
        ws = self._wb[sheet]
        if hasattr(ws, "tables"):
            return [TableInfo(t.displayName, t.ref, int(t.totalsRowCount or 0)) for t in ws.tables.values()]
        found = self._part(sheet)
        if found is None:
            return []
        with found[0] as archive:
            return sheet_tables(archive, found[1])

    def merged(self, sheet: str) -> list[str]:
        ws = self._wb[sheet]
        if hasattr(ws, "merged_cells"):
            return [str(r) for r in ws.merged_cells.ranges]
        found = self._part(sheet)
        if found is None:
            return []
        with found[0] as archive:
            return merged_ranges(archive.read(found[1]))

    def iter_values(self, sheet: str) -> Iterable[Sequence[object]]:
        ws = self._wb[sheet]
        if not hasattr(ws, "_get_source"):  # a workbook opened for writing: formulas are text already
            return (tuple(with_format(c.value, c.number_format) for c in row) for row in ws.iter_rows())
        return self._read_only_rows(ws)

    def _read_only_rows(self, ws: Any) -> Iterator[Sequence[object]]:
        """As openpyxl's ``iter_rows(values_only=True)``: rows as wide as the sheet's dimension."""
        wb = self._wb
        width, height = ws.max_column, ws.max_row
        with ws._get_source() as src:
            parser = _cached_parser()(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                      date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
            expected = 1
            for index, cells in parser.parse():
                if height is not None and index > height:
                    break
                for _ in range(expected, index):
                    yield (None,) * (width or 0)
                size = width or max((c["column"] for c in cells), default=0)
                row: list[object] = [None] * size
                for c in cells:
                    if c["column"] <= size:
                        value = c["value"]
                        if c["style_id"] in self._percent:
                            value = with_format(value, "0%")
                        row[c["column"] - 1] = value
                yield tuple(row)
                expected = index + 1
        for _ in range(expected, (height or 0) + 1):
            yield (None,) * (width or 0)


def _rows(
    source: SheetSource, sheet: str, max_rows: int | None = None
) -> Iterator[tuple[int, Sequence[object]]]:
    for index, row in enumerate(source.iter_values(sheet), start=1):
        if max_rows is not None and index > max_rows:
            return
        yield index, row


def _header_map(row: Sequence[object]) -> dict[str, int]:
    return {L.normalise_header(v): i for i, v in enumerate(row) if L.normalise_header(v)}


def _find_header(source: SheetSource, sheet: str, table: L.Table) -> tuple[int, dict[str, int]] | None:
    required = {L.normalise_header(c.header) for c in table.inputs if c.required}
    for index, row in _rows(source, sheet, HEADER_SCAN_ROWS):
        headers = _header_map(row)
        if required <= headers.keys():
            return index, headers
    return None


def _locate_table(
    source: SheetSource, table: L.Table, problems: list[Problem]
) -> tuple[str, int, dict[str, int]] | None:
    names = source.sheetnames
    if table.sheet in names:
        found = _find_header(source, table.sheet, table)
        if found:
            return table.sheet, found[0], found[1]
        problems.append(
            Problem(
                f"Baris judul kolom tabel {table.jenis.value} tidak ditemukan di {HEADER_SCAN_ROWS} baris pertama: "
                "kolom wajib (Kode, Sasaran Strategis, Indikator, Satuan, Polaritas, Agregasi"
                + (", IKU Induk" if table.jenis is Jenis.IKI else "")
                + ") harus ada.",
                table.sheet,
            )
        )
        return None
    induk = (
        L.normalise_header(L.layout().tables[Jenis.IKI].column("induk").header)
        if table.jenis is Jenis.IKU
        else None
    )
    for name in names:
        found = _find_header(source, name, table)
        if found and (induk is None or induk not in found[1]):
            problems.append(
                Problem(
                    f"Sheet '{table.sheet}' tidak ada; tabel {table.jenis.value} dibaca dari sheet '{name}' "
                    "(sheet diganti nama?).",
                    name,
                    tingkat="catatan",
                )
            )
            return name, found[0], found[1]
    problems.append(
        Problem(
            f"Sheet '{table.sheet}' tidak ditemukan (sheet yang ada: {', '.join(names)}). "
            "Kembalikan nama sheet atau buat workbook baru dengan: kinerja baru FILE.",
            table.sheet,
        )
    )
    return None


def _table_at(source: SheetSource, sheet: str, table: L.Table, header_row: int, kode_col: int) -> TableInfo | None:
    """The Excel Table whose header row is ``header_row`` and holds the Kode column (preferring the
    layout's own name, e.g. TabelIKU); ``None`` for a plain range or a source without tables."""
    tables = getattr(source, "tables", None)
    if tables is None:
        return None
    found = [t for t in tables(sheet) if t.bounds[0] == header_row and t.bounds[1] <= kode_col <= t.bounds[3]]
    return next((t for t in found if t.name.casefold() == table.name.casefold()), found[0] if found else None)


def _duplicate_headers(row: Sequence[object], table: L.Table, sheet: str, header_row: int) -> list[Problem]:
    wanted = {L.normalise_header(c.header): c.header for c in table.inputs}
    seen: dict[str, list[int]] = {}
    for i, value in enumerate(row):
        key = L.normalise_header(value)
        if key in wanted:
            seen.setdefault(key, []).append(i)
    return [
        Problem(
            f"Judul kolom '{wanted[key]}' ada {len(cols)} kali di baris judul: "
            + " dan ".join(f"{column_letter(c + 1)}{header_row}" for c in cols)
            + ". Hapus salinan judul (mis. salinan tabel di samping) agar jelas kolom mana yang dibaca.",
            sheet, header_row, wanted[key], f"{column_letter(cols[1] + 1)}{header_row}",
        )
        for key, cols in seen.items() if len(cols) > 1
    ]  # fmt: skip


def _merged_inputs(
    source: SheetSource, sheet: str, header_row: int, positions: dict[str, int], labels: dict[str, str]
) -> list[Problem]:
    merged = getattr(source, "merged", None)
    if merged is None:
        return []
    by_col = {pos + 1: key for key, pos in positions.items()}
    problems = []
    for ref in merged(sheet):
        top, left, bottom, right = range_bounds(ref)
        keys = [by_col[c] for c in range(left, right + 1) if c in by_col]
        if bottom > header_row and keys:
            problems.append(Problem(
                f"Sel digabung (merge) {ref} di kolom {', '.join(labels[k] for k in keys)}: hanya sel kiri atas "
                f"({column_letter(left)}{top}) yang menyimpan nilai, sel lain terbaca kosong. Pisahkan "
                "gabungan sel (Unmerge) lalu isi tiap sel.",
                sheet, max(top, header_row + 1), labels[keys[0]], ref,
            ))  # fmt: skip
    return problems


def _read_table(source: SheetSource, table: L.Table, data: WorkbookData) -> None:
    located = _locate_table(source, table, data.problems)
    if located is None:
        return
    sheet, header_row, headers = located
    data.sheets[table.jenis] = sheet
    header_values = next((row for index, row in _rows(source, sheet, header_row) if index == header_row), ())
    excel_table = _table_at(source, sheet, table, header_row, headers[L.normalise_header("Kode")] + 1)
    left, right = (excel_table.bounds[1] - 1, excel_table.bounds[3] - 1) if excel_table else (0, len(header_values))
    # the table's own columns (never a copy of its titles beside it); the first of repeated titles
    headers = {L.normalise_header(v): i for i, v in reversed(list(enumerate(header_values)))
               if left <= i <= right and L.normalise_header(v)}  # fmt: skip
    data.problems.extend(_duplicate_headers(header_values, table, sheet, header_row))
    positions: dict[str, int] = {}
    missing = []
    for column in table.inputs:
        position = headers.get(L.normalise_header(column.header))
        if position is None:
            if not column.optional:
                missing.append(column.header)
        else:
            positions[column.key] = position
    if missing:
        data.problems.append(
            Problem(
                f"Kolom tidak ditemukan di baris judul {header_row}: {', '.join(missing)}. "
                "Judul kolom harus sama dengan format workbook (lihat README, Format workbook).",
                sheet,
                header_row,
            )
        )
        return
    labels = {c.key: c.header for c in table.columns}
    # "Target Renstra YYYY" columns are the user's own, not the table's: read them anywhere in the
    # header row (also beside the Excel Table), the first of a repeated year
    renstra = {int(m.group(1)): i for i, v in reversed(list(enumerate(header_values)))
               if (m := RENSTRA_HEADER.fullmatch(L.normalise_header(v)))}  # fmt: skip
    data.problems.extend(_merged_inputs(source, sheet, header_row, positions, labels))
    totals: range = range(0)
    if excel_table is not None and excel_table.totals_rows:
        bottom = excel_table.bounds[2]
        totals = range(bottom - excel_table.totals_rows + 1, bottom + 1)
    letters = {key: column_letter(pos + 1) for key, pos in positions.items()}
    keys = tuple(positions)
    # the input cells of a row in one call (a row narrower than the table's columns cell by cell)
    pick = itemgetter(*positions.values())
    width = max(positions.values()) + 1
    several = len(keys) > 1  # itemgetter of one position gives the value, not a tuple
    blank_run = 0
    kept = {key: i for i, key in enumerate(keys)}  # the rows kept: RowValues over these positions
    texts: dict[str, str] = {}
    shared = SharedNumbers()  # equal numbers of the table's rows kept once, for this read only
    rows = _table_rows(source, sheet)
    for index, row in rows:
        if index <= header_row or index in totals:  # the Total Row sums the table: no indicator
            continue
        if index - header_row > MAX_ROWS:
            data.problems.append(
                Problem(
                    f"Tabel {table.jenis.value} lebih dari {MAX_ROWS} baris: dibaca hanya {MAX_ROWS} baris pertama.",
                    sheet,
                    index,
                )
            )
            break
        if len(row) >= width:
            picked = pick(row) if several else (pick(row),)
        else:
            picked = tuple(row[pos] if pos < len(row) else None for pos in positions.values())
        # equal texts kept once (sasaran, satuan, polaritas, penanggung jawab repeat down a table)
        picked = tuple([texts.setdefault(v, v) if type(v) is str else v for v in picked])
        values = dict(zip(keys, picked, strict=True))
        raw = RawRow(table.jenis, sheet, index, values, RowCells(letters, index), labels)
        kode_value = values.get("kode")
        # a kode typed as text: not a blank row (what is_blank_row would answer, sooner)
        if not (type(kode_value) is str and kode_value.isprintable() and kode_value.strip()) and is_blank_row(raw):
            blank_run += 1
            if blank_run >= MAX_BLANK_RUN:
                _past_the_limit(rows, positions, letters, sheet, index, table, data)
                break
            continue
        blank_run = 0
        data.rows.append(RawRow(table.jenis, sheet, index, RowValues(kept, picked), raw.cells, labels))
        if renstra:
            data.renstra[text_of(values.get("kode")).casefold()] = {
                year: row[pos] if pos < len(row) else None for year, pos in renstra.items()
            }
        indicator, problems = parse_indicator(raw, shared)
        if problems:
            data.problems.extend(problems)
        kode = indicator.kode if indicator is not None else normalise_kode(kode_value).text
        if kode:
            data.kodes.append(KodeSeen(table.jenis, kode, sheet, index, raw.cells.get("kode")))
        data.cells.add(sheet, index, letters)
        if indicator is not None:
            data.indicators.append(indicator)


def _table_rows(source: SheetSource, sheet: str) -> Iterator[tuple[int, Sequence[object]]]:
    """An IKU or IKI sheet's rows from row 1, read once top to bottom: calamine's parsed rows are
    let go as they are read (``CalamineSource.take``), so a sheet of 75,000 rows is not held whole
    beside the indicators made of it."""
    take: Callable[[str], Iterator[Sequence[object]]] | None = getattr(source, "take", None)
    return _rows(source, sheet) if take is None else enumerate(take(sheet), start=1)


def _past_the_limit(
    rows: Iterator[tuple[int, Sequence[object]]], positions: dict[str, int], letters: dict[str, str],
    sheet: str, stopped: int, table: L.Table, data: WorkbookData,
) -> None:
    """A notice naming the first filled input cell after reading stopped at a long blank run."""
    for index, row in rows:
        if index - stopped > MAX_ROWS:
            return
        for key, pos in positions.items():
            if pos < len(row) and row[pos] not in (None, ""):
                data.problems.append(Problem(
                    f"Pembacaan tabel {table.jenis.value} berhenti di baris {stopped} setelah {MAX_BLANK_RUN} "
                    f"baris kosong berturut-turut, tetapi sel {letters[key]}{index} masih berisi data: baris itu "
                    "tidak dibaca. Pindahkan barisnya ke atas, tepat di bawah tabel.",
                    sheet, index, labels_of(table)[key], f"{letters[key]}{index}", tingkat="catatan",
                ))  # fmt: skip
                return


def labels_of(table: L.Table) -> dict[str, str]:
    return {c.key: c.header for c in table.columns}


def _grid(source: SheetSource, sheet: str, rows: int, cols: int) -> dict[str, object]:
    grid: dict[str, object] = {}
    for index, row in _rows(source, sheet, rows):
        for col, value in enumerate(row[:cols], start=1):
            grid[f"{column_letter(col)}{index}"] = value
    return grid


def _read_profil(source: SheetSource, data: WorkbookData) -> None:
    sheet = L.SHEET_PROFIL
    if sheet not in source.sheetnames:
        data.problems.append(
            Problem(
                f"Sheet '{sheet}' tidak ditemukan: identitas unit dan penandatangan dibaca dari sana.", sheet
            )
        )
        return
    fields = {L.normalise_header(f.label): f for f in L.layout().profil}
    found: dict[str, tuple[object, str]] = {}
    for index, row in _rows(source, sheet, 80):
        if len(row) >= 2 and L.normalise_header(row[0]) in fields:
            found[fields[L.normalise_header(row[0])].key] = (row[1], f"B{index}")
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


def fields_label(key: str) -> str:
    return next(f.label for f in L.layout().profil if f.key == key)


def _read_pengaturan(source: SheetSource, data: WorkbookData) -> None:
    sheet = L.SHEET_PENGATURAN
    if sheet not in source.sheetnames:
        data.problems.append(
            Problem(
                f"Sheet '{sheet}' tidak ditemukan: dipakai pengaturan baku (skala Permendagri 86/2017).",
                sheet,
                tingkat="catatan",
            )
        )
        return
    first = L.PENGATURAN_TABLE_ROW
    grid = _grid(source, sheet, first + L.PENGATURAN_PJ_ROWS, 6)
    problems = data.problems
    periode = Periode.TW1
    try:
        periode = Periode.parse(text_of(grid.get(L.PENGATURAN_PERIODE)) or "TW1")
    except ValueError as exc:
        problems.append(Problem(str(exc), sheet, kolom="Periode aktif", sel=L.PENGATURAN_PERIODE))
    varian_text = text_of(grid.get(L.PENGATURAN_VARIAN)).replace(" ", "").upper()
    varian = VarianNegatif.SELISIH
    if varian_text:
        matches = [
            v
            for v in VarianNegatif
            if v.value.upper() == varian_text or v.label.replace(" ", "").upper() == varian_text
        ]
        if matches:
            varian = matches[0]
        else:
            problems.append(
                Problem(
                    f"Rumus polaritas negatif '{text_of(grid.get(L.PENGATURAN_VARIAN))}' tidak dikenal: pilih "
                    + " atau ".join(v.value for v in VarianNegatif)
                    + ".",
                    sheet,
                    kolom="Rumus polaritas negatif",
                    sel=L.PENGATURAN_VARIAN,
                )
            )
    cap_read = read_number(grid.get(L.PENGATURAN_BATAS_RATA))
    if cap_read.galat:
        problems.append(
            Problem(cap_read.galat, sheet, kolom="Batas capaian untuk rata-rata", sel=L.PENGATURAN_BATAS_RATA)
        )
    bands: list[Band] = []
    for i in range(L.PENGATURAN_SKALA_ROWS):
        bound, label = grid.get(f"A{first + i}"), text_of(grid.get(f"B{first + i}"))
        if bound in (None, "") and not label:
            continue
        read = read_number(bound)
        if read.value is None:
            problems.append(
                Problem(
                    read.galat or "Batas bawah predikat belum diisi.",
                    sheet,
                    first + i,
                    "Batas Bawah",
                    f"A{first + i}",
                )
            )
            continue
        bands.append(Band(read.value, label))
    scale = Scale(tuple(bands)) if bands else DEFAULT_SCALE
    problems.extend(check_scale(scale, sheet))
    names = tuple(text_of(grid.get(f"D{first + i}")) for i in range(L.PENGATURAN_PJ_ROWS))
    data.settings = Settings(
        skala=scale,
        varian_negatif=varian,
        batas_rata_rata=cap_read.value,
        periode_aktif=periode,
        daftar_penanggung_jawab=tuple(n for n in names if n),
    )


def _read_pejabat(source: SheetSource, data: WorkbookData) -> None:
    """The officials of sheet Pejabat; once it has entries, they are the Penanggung Jawab list.

    A workbook made before the sheet existed keeps the list of sheet Pengaturan (column D).
    """
    spec = L.layout().pejabat
    if spec is None or spec.sheet not in source.sheetnames:
        return
    wanted = {L.normalise_header(c.header): c.key for c in spec.columns}
    header_row, positions = 0, {}
    for index, row in _rows(source, spec.sheet, HEADER_SCAN_ROWS):
        found = {wanted[h]: i for h, i in _header_map(row).items() if h in wanted}
        if "jabatan" in found:
            header_row, positions = index, found
            break
    if not header_row:
        data.problems.append(Problem(
            "Baris judul tabel Pejabat (kolom Jabatan) tidak ditemukan: daftar pejabat tidak dibaca.",
            spec.sheet, tingkat="catatan",
        ))  # fmt: skip
        return
    letters = {key: column_letter(pos + 1) for key, pos in positions.items()}
    label = {c.key: c.header for c in spec.columns}
    officials: list[Pejabat] = []
    for index, row in _rows(source, spec.sheet, header_row + MAX_BLANK_RUN):
        if index <= header_row:
            continue
        raw = {key: (row[pos] if pos < len(row) else None) for key, pos in positions.items()}
        values = {key: text_of(value) for key, value in raw.items()}
        if not any(values.values()):
            continue

        def note(key: str, pesan: str, nilai: object = None, at: int = index) -> None:
            data.problems.append(Problem(pesan, spec.sheet, at, label[key], f"{letters[key]}{at}", nilai,
                                         tingkat="catatan"))

        jabatan = " ".join(values.get("jabatan", "").split())
        if not jabatan:
            note("jabatan", "Jabatan belum diisi: baris pejabat ini tidak dipakai.")
            continue
        if any(" ".join(p.jabatan.split()).casefold() == jabatan.casefold() for p in officials):
            note("jabatan", f"Jabatan '{jabatan}' tertulis dua kali di tabel Pejabat: yang pertama dipakai.",
                 jabatan)
            continue
        nip = values.get("nip", "")
        if isinstance(raw.get("nip"), float | int) and abs(raw["nip"]) >= 10**15:  # type: ignore[arg-type]
            note("nip", "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang: ketik ulang sebagai "
                        "teks (awali dengan tanda petik).", raw["nip"])
            nip = ""
        elif nip and (why := nip_problem(nip)):
            note("nip", why, nip)
        officials.append(Pejabat(jabatan, values.get("nama", ""), values.get("pangkat", ""), nip))
    if not officials:
        return
    data.settings = replace(data.settings, daftar_penanggung_jawab=tuple(p.jabatan for p in officials))
    if data.profil is not None:
        data.profil = replace(data.profil, pejabat=tuple(officials))


def read_workbook(path: Path) -> WorkbookData:
    """Read every input of the workbook at ``path``; raise ``WorkbookError`` if it cannot be opened."""
    return read_file(path, read_source)


T = TypeVar("T")


def read_file(path: Path, read: Callable[[SheetSource, Path], T]) -> T:
    """Open the workbook file at ``path`` safely and hand it to ``read`` as a ``SheetSource``.

    The file is checked first (``check_xlsx``), then read by a ``FileReading``. Any failure becomes
    a ``WorkbookError`` naming the file.
    """
    check_xlsx(path)
    reading = FileReading(path)
    try:
        return reading.read(read)
    finally:
        reading.close()


class FileReading:
    """One already-checked workbook file, open for reading for as long as an action needs it.

    Each ``read(fn)`` hands the file to ``fn`` as a ``SheetSource``: through calamine when it can
    (fast; opened once, its sheets parsed once), otherwise, or when calamine fails, through openpyxl
    (loaded once, read only), whose errors are the messages the user sees. It never checks the
    file itself: whoever opens it has run ``check_xlsx`` once (``read_file``, the file master).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fast: CalamineSource | None = None
        self._fast_failed = False
        self._wb: Any = None

    def read(self, read: Callable[[SheetSource, Path], T]) -> T:
        path = self.path
        fast = self._calamine()
        if fast is not None:
            try:
                return read(fast, path)
            except Exception:
                self._fast_failed = True
        try:
            return read(OpenpyxlSource(self._openpyxl(), path), path)
        except WorkbookError:
            raise
        except Exception as exc:
            raise WorkbookError(f"File {path.name} tidak dapat dibaca: {type(exc).__name__}: {exc}") from exc

    def forget(self) -> None:
        """Drop the sheets parsed so far (``CalamineSource.forget``); a later read parses again."""
        if self._fast is not None:
            self._fast.forget()

    def _calamine(self) -> CalamineSource | None:
        if self._fast is None and not self._fast_failed:
            try:
                self._fast = CalamineSource(self.path)
            except Exception:
                self._fast_failed = True
        return None if self._fast_failed else self._fast

    def _openpyxl(self) -> Any:
        if self._wb is None:
            path = self.path
            from openpyxl import load_workbook
            from openpyxl.utils.exceptions import InvalidFileException

            ensure_defused()  # openpyxl itself parses through defusedxml, now that it is loaded
            try:
                self._wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
            except (InvalidFileException, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
                raise WorkbookError(f"File {path.name} tidak dapat dibuka sebagai workbook Excel: {exc}") from exc
            except Exception as exc:  # defusedxml refusals and parser errors of hostile files
                raise WorkbookError(
                    f"File {path.name} ditolak: isinya tidak aman atau rusak ({type(exc).__name__})."
                ) from exc
        return self._wb

    def close(self) -> None:
        if self._fast is not None:
            self._fast.close()
            self._fast = None
        if self._wb is not None:
            self._wb.close()
            self._wb = None


@contextmanager
def _no_collection() -> Iterator[None]:
    """No cyclic garbage collection while a workbook's rows are read: reading makes a few objects
    per cell and frees none, so each collection would only walk the rows read so far again (a
    third of the time on 100,000 rows). Collection resumes as it was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_source(source: SheetSource, path: Path) -> WorkbookData:
    """Read every input from ``source`` (a file or the live workbook named ``path``)."""
    with _no_collection():
        return _read_inputs(source, path)


def _read_inputs(source: SheetSource, path: Path) -> WorkbookData:
    data = WorkbookData(path=path, profil=None, profil_values={}, settings=Settings(), indicators=[])
    _read_profil(source, data)
    _read_pengaturan(source, data)
    _read_pejabat(source, data)
    for table in L.layout().tables.values():
        _read_table(source, table, data)
    if L.SHEET_SEGEL in source.sheetnames:
        data.segel, seal_problems = read_seals([tuple(row) for _, row in _rows(source, L.SHEET_SEGEL)])
        data.problems.extend(seal_problems)
    data.problems.extend(
        check_indicators(data.indicators, data.cells, data.settings.daftar_penanggung_jawab, data.kodes)
    )
    data.problems = [p.in_file(path.name) for p in data.problems]
    return data
