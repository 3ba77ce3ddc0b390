"""Reading sheets IKU and IKI back: one indicator per table row, every problem at its cell.

The tables are laid out by workbook/layout.toml (``layout.Table``: columns, headers, the Excel Table's
name) and read with the one table reader (``sheets.table``): the header row found by its text or by
the Excel Table (TabelIKU, TabelIKI), columns by header, so reordered columns work and a missing
column is named. Only input columns are read; computed columns are never trusted.

Rules beyond the table reader's:
- a sheet that was renamed is found by its header row, with a notice (an IKU table is one without an
  IKU Induk column: that is IKI's);
- a header written twice in the header row and a merged range over input cells are errors;
- the user's own "Target Renstra YYYY" columns are read anywhere in the header row;
- each row is typed by ``domain.rows.parse_indicator``; every non-blank row and every kode is kept
  for the cross-row checks (``domain.validation.check_indicators``);
- a "%" indicator's realisasi a hundred times off its target is an error at its cell
  (``domain.percent_entry``: 0,95 against 90 %, or 9500 % typed as 95 into a percent cell);
- the analysis is read per period from its own columns (``domain.analisis``); a workbook made before
  that, with one yearly Permasalahan / Rencana Aksi column (``layout.Table.legacy``), keeps its text:
  it is read as the analysis of the Periode aktif where that period's column is blank
  (``legacy_analysis``), with a notice naming the old columns (docs/analisis-periode.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import cache

from xlwings_app.domain.analisis import periode_label, with_catatan
from xlwings_app.domain.cell_addresses import RowCells
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.percent_entry import row_percent_problems
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import (
    LEGACY_KEYS,
    KodeSeen,
    RawRow,
    RowValues,
    SharedNumbers,
    normalise_kode,
    parse_indicator,
    text_of,
)
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.source import Row, SheetSource, merged_of, sheet_rows, tables_of
from xlwings_app.sheets.table import (
    HEADER_SCAN_ROWS,
    Header,
    TableSpec,
    duplicate_problems,
    find_header,
    merged_problems,
    table_rows,
)

RENSTRA_HEADER = re.compile(r"target renstra (\d{4})")
"""Optional per-year Renstra target columns (header compared normalised, e.g. "Target Renstra 2025")."""


@cache
def table_spec(jenis: Jenis) -> TableSpec:
    """The IKU or IKI table as the table reader reads it: its input columns (layout.toml)."""
    table = L.layout().tables[jenis]
    return TableSpec(
        name=jenis.value,
        headers={c.key: c.header for c in (*table.inputs, *table.legacy)},
        required=tuple(c.key for c in table.inputs if c.required),
        optional=tuple(c.key for c in (*table.inputs, *table.legacy) if c.optional or c.legacy),
        excel_table=table.name,
    )


def labels_of(table: L.Table) -> dict[str, str]:
    """Column key → header of every column of ``table`` (inputs and computed)."""
    return {c.key: c.header for c in (*table.columns, *table.legacy)}


def legacy_analysis(indicator: Indicator, values: Mapping[str, object], periode: Periode) -> Indicator:
    """``indicator`` with the text of the yearly Permasalahan / Rencana Aksi columns of a workbook
    made before the analysis was kept per period (``values``: the row's cells by key) taken as the
    analysis of ``periode`` (the Periode aktif: the period it was written for), where that period's
    own column is blank."""
    own = indicator.catatan(periode)
    texts = {key: text for key in LEGACY_KEYS
             if (text := text_of(values.get(key))) and not getattr(own, key).strip()}  # fmt: skip
    if not texts:
        return indicator
    return replace(indicator, analisis=with_catatan(indicator.analisis, periode, **texts))


def _legacy_notice(table: L.Table, sheet: str, header: Header, periode: Periode) -> Problem:
    names = " dan ".join(f"'{table.column(k).header}'" for k in LEGACY_KEYS if k in header.columns)
    label = periode_label(periode)
    return Problem(
        f"Kolom {names} (satu untuk setahun, format lama) dibaca sebagai analisis {label} (Periode aktif) "
        f"bila kolom periode itu kosong. Pindahkan isinya ke kolom '{table.column('permasalahan').header} "
        f"{label}' dan '{table.column('rencana_aksi').header} {label}' (atau periode yang sesuai), lalu hapus "
        "kolom lama: analisis dicatat per periode.",
        sheet, header.row, tingkat="catatan",
    )


def _not_found(table: L.Table) -> Problem:
    return Problem(
        f"Baris judul kolom tabel {table.jenis.value} tidak ditemukan di {HEADER_SCAN_ROWS} baris pertama: "
        "kolom wajib (Kode, Sasaran Strategis, Indikator, Satuan, Polaritas, Agregasi"
        + (", IKU Induk" if table.jenis is Jenis.IKI else "")
        + ") harus ada.",
        table.sheet,
    )


def _header_on(source: SheetSource, sheet: str, spec: TableSpec) -> Header | None:
    return find_header(sheet_rows(source, sheet), spec, sheet, tables_of(source, sheet))


def locate_table(source: SheetSource, table: L.Table, problems: list[Problem]) -> Header | None:
    """The table's header on its sheet, or on another sheet holding its header row when its sheet
    was renamed (a notice); a problem when neither."""
    spec = table_spec(table.jenis)
    names = source.sheetnames
    if table.sheet in names:
        found = _header_on(source, table.sheet, spec)
        if found is None:
            problems.append(_not_found(table))
        return found
    induk = (
        L.normalise_header(L.layout().tables[Jenis.IKI].column("induk").header)
        if table.jenis is Jenis.IKU
        else None
    )
    for name in names:
        found = _header_on(source, name, spec)
        if found is not None and (induk is None or induk not in {L.normalise_header(v) for v in found.titles}):
            problems.append(
                Problem(
                    f"Sheet '{table.sheet}' tidak ada; tabel {table.jenis.value} dibaca dari sheet '{name}' "
                    "(sheet diganti nama?).",
                    name,
                    tingkat="catatan",
                )
            )
            return found
    problems.append(
        Problem(
            f"Sheet '{table.sheet}' tidak ditemukan (sheet yang ada: {', '.join(names)}). "
            "Kembalikan nama sheet atau buat workbook baru dengan: kinerja baru FILE.",
            table.sheet,
        )
    )
    return None


def read_indicator_table(source: SheetSource, table: L.Table, data: WorkbookData) -> None:
    """Read the IKU or IKI ``table`` of ``source`` into ``data``: its indicators, rows, kodes, cells,
    Renstra targets and problems."""
    header = locate_table(source, table, data.problems)
    if header is None:
        return
    sheet, header_row = header.sheet, header.row
    data.sheets[table.jenis] = sheet
    data.problems.extend(duplicate_problems(header))
    missing = header.missing()
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
    labels = labels_of(table)
    # "Target Renstra YYYY" columns are the user's own, not the table's: read them anywhere in the
    # header row (also beside the Excel Table), the first of a repeated year
    renstra = {int(m.group(1)): i for i, v in reversed(list(enumerate(header.titles)))
               if (m := RENSTRA_HEADER.fullmatch(L.normalise_header(v)))}  # fmt: skip
    data.problems.extend(merged_problems(header, merged_of(source, sheet) or (), labels))
    letters = header.letters
    periode = data.settings.periode_aktif
    legacy = any(k in header.columns for k in LEGACY_KEYS)
    if legacy:
        data.problems.append(_legacy_notice(table, sheet, header, periode))
    keys = tuple(header.columns)
    kept = {key: i for i, key in enumerate(keys)}  # the rows kept: RowValues over these positions
    texts: dict[str, str] = {}
    shared = SharedNumbers()  # the table's equal numbers, one Decimal each (dropped with the table)
    rows: Iterator[tuple[int, Row]] = sheet_rows(source, sheet, once=True)
    for index, row, cells in table_rows(rows, header, data.problems):
        # equal texts kept once (sasaran, satuan, polaritas, penanggung jawab repeat down a table)
        picked = tuple([texts.setdefault(v, v) if type(v) is str else v for v in cells])
        values = dict(zip(keys, picked, strict=True))
        raw = RawRow(table.jenis, sheet, index, values, RowCells(letters, index), labels)
        data.rows.append(RawRow(table.jenis, sheet, index, RowValues(kept, picked), raw.cells, labels))
        if renstra:
            data.renstra[text_of(values.get("kode")).casefold()] = {
                year: row[pos] if pos < len(row) else None for year, pos in renstra.items()
            }
        indicator, problems = parse_indicator(raw, shared)
        if legacy and indicator is not None:
            indicator = legacy_analysis(indicator, values, periode)
        if indicator is not None and indicator.satuan == "%":
            problems = [*problems, *row_percent_problems(raw, indicator)]
        if problems:
            data.problems.extend(problems)
        kode = indicator.kode if indicator is not None else normalise_kode(values.get("kode")).text
        if kode:
            data.kodes.append(KodeSeen(table.jenis, kode, sheet, index, raw.cells.get("kode")))
        data.cells.add(sheet, index, letters)
        if indicator is not None:
            data.indicators.append(indicator)
