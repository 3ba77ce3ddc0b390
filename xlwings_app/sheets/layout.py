"""The workbook layout, loaded from workbook/layout.toml (its one declaration).

Everything that builds, reads or documents the workbook asks this module which sheets, tables,
columns and fields exist. Loading is cheap (a small TOML file) and cached.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, cast

from xlwings_app.domain.analisis import column_key, periode_label
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.resources import resource_dir

ColumnType = Literal["text", "number", "choice", "formula"]


PERCENT_POINT_KEYS = frozenset(
    ("target_tahunan", "t1", "t2", "t3", "t4", "r1", "r2", "r3", "r4", "batas_bawah", "batas_atas")
)
"""The columns that hold the indicator's own values (in percentage points for a "%" indicator)."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    type: ColumnType
    required: bool = False
    width: float = 12
    format: str | None = None
    help: str = ""
    choices: tuple[str, ...] = ()
    choices_from: str | None = None
    only: str | None = None
    optional: bool = False
    """A column a workbook may lack (read as blank), e.g. those added after version 1."""
    legacy: bool = False
    """A column of an earlier layout: read when a workbook has it, never built (``Table.legacy``)."""

    @property
    def is_input(self) -> bool:
        return self.type != "formula"

    def format_for(self, satuan: str, typed: bool = True) -> str | None:
        """The number format of this column in a row of unit ``satuan``.

        In a "%" row a cell people type into (``typed``) stays ``General``: typing 93 stores 93, and
        typing 93% makes Excel, LibreOffice and WPS store 0.93 AND give the cell a percent format,
        which the reader reads as 93 (LibreOffice keeps any other format, a literal ``0"%"`` too, and
        the 0.93 would read as 0.93; docs/masukan-excel.md). A cell only Kinerja writes (a form's
        context) shows a literal percent sign (``General"%"``)."""
        if self.format and self.key in PERCENT_POINT_KEYS and satuan.strip() == "%" and not typed:
            return self.format + '"%"'
        return self.format


@dataclass(frozen=True)
class Table:
    jenis: Jenis
    sheet: str
    name: str
    judul: str
    columns: tuple[Column, ...]
    legacy: tuple[Column, ...] = ()
    """Columns of an earlier layout the reader still reads (never built): the yearly Permasalahan
    and Rencana Aksi, before the analysis was kept per period."""

    def column(self, key: str) -> Column:
        for column in (*self.columns, *self.legacy):
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def inputs(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.is_input)

    @property
    def computed(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.is_input)


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    required: bool = False
    contoh: str = ""


@dataclass(frozen=True)
class Formulir:
    """The data-collection form (``[formulir]``): which columns are context, input, computed."""

    sheet: str
    meta_sheet: str
    konteks: tuple[str, ...]
    isian: tuple[str, ...]
    hitung: tuple[str, ...]
    konteks_lalu: tuple[str, ...] = ()
    """Analysis fields of the earlier triwulan shown read-only (``domain.analisis``)."""
    kunci_sheet: str = "KinerjaKunci"
    """The master's very hidden sheet holding the key of the forms' integrity mark (``forms.kunci``)."""


@dataclass(frozen=True)
class SheetNames:
    """The sheets other than IKU/IKI, Hasil and the forms (``[sheets]``), by role."""

    petunjuk: str
    profil: str
    pengaturan: str
    rekap: str
    riwayat: str
    segel: str
    sop: str
    kalender: str
    log: str
    hasil_sop: str
    pohon: str = "Pohon Kinerja"
    manual: str = "Manual Indikator"


@dataclass(frozen=True)
class HasilSheet:
    """Sheet Hasil (``[hasil]``): the Excel table ``name`` under ``headers`` in row ``header_row``."""

    sheet: str
    name: str
    header_row: int
    headers: tuple[str, ...]
    widths: tuple[float, ...]
    status: str

    @property
    def status_column(self) -> int:
        """1-based column of the status cells (coloured by status)."""
        return self.headers.index(self.status) + 1


@dataclass(frozen=True)
class PejabatTable:
    """The officials' table (``[pejabat]``): sheet, Excel table name, title, columns."""

    sheet: str
    name: str
    judul: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class Layout:
    versi: str
    tables: dict[Jenis, Table]
    profil: tuple[Field, ...]
    sheets: SheetNames
    hasil: HasilSheet
    formulir: Formulir | None = None
    pejabat: PejabatTable | None = None


def normalise_header(text: object) -> str:
    """Header text as compared: lower case, single spaces, no surrounding punctuation."""
    return re.sub(r"\s+", " ", str(text or "")).strip().strip(":*").strip().casefold()


def _strings(raw: object) -> tuple[str, ...]:
    return tuple(str(item) for item in cast(list[object], raw))


def _column(raw: dict[str, Any]) -> Column:
    return Column(
        key=str(raw["key"]),
        header=str(raw["header"]),
        type=raw["type"],
        required=bool(raw.get("required", False)),
        width=float(raw.get("width", 12)),
        format=raw.get("format"),
        help=str(raw.get("help", "")),
        choices=_strings(raw.get("choices", [])),
        choices_from=raw.get("choices_from"),
        only=raw.get("only"),
        optional=bool(raw.get("optional", False)),
        legacy=bool(raw.get("legacy", False)),
    )


def _analisis_columns(raw: dict[str, Any]) -> list[Column]:
    """The per-period analysis columns of ``[analisis]``: each field for each period, period by
    period ("Permasalahan TW I", ..., "Permasalahan Tahunan"), all optional text columns."""
    columns = []
    for periode in Periode:
        label = periode_label(periode)
        for field in raw["fields"]:
            if field.get("triwulan_saja") and periode is Periode.TAHUNAN:
                continue
            columns.append(Column(
                key=column_key(str(field["key"]), periode), header=f"{field['header']} {label}", type="text",
                width=float(field.get("width", 24)), help=str(field.get("help", "")), optional=True,
            ))  # fmt: skip
    return columns


def _with_analisis(columns: list[Column], raw: dict[str, Any] | None) -> list[Column]:
    if raw is None:
        return columns
    at = next(i for i, c in enumerate(columns) if c.key == raw["after"]) + 1
    return [*columns[:at], *_analisis_columns(raw), *columns[at:]]


def _hasil(raw: dict[str, Any]) -> HasilSheet:
    hasil = HasilSheet(
        sheet=str(raw["sheet"]),
        name=str(raw["name"]),
        header_row=int(raw["header_row"]),
        headers=_strings(raw["headers"]),
        widths=tuple(float(w) for w in raw["widths"]),
        status=str(raw["status"]),
    )
    if len(hasil.widths) != len(hasil.headers) or hasil.status not in hasil.headers:
        raise ValueError("layout.toml [hasil]: widths must match headers, status must be a header")
    return hasil


@cache
def layout() -> Layout:
    """The workbook layout (parsed once per process)."""
    with (resource_dir("workbook") / "layout.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    columns = _with_analisis([_column(c) for c in raw["columns"]], raw.get("analisis"))
    tables = {}
    for jenis in Jenis:
        spec = raw["tables"][jenis.value]
        tables[jenis] = Table(
            jenis=jenis,
            sheet=spec["sheet"],
            name=spec["name"],
            judul=spec["judul"],
            columns=tuple(c for c in columns if c.only in (None, jenis.value) and not c.legacy),
            legacy=tuple(c for c in columns if c.only in (None, jenis.value) and c.legacy),
        )
    return Layout(
        versi=str(raw["versi"]),
        tables=tables,
        profil=tuple(Field(**f) for f in raw["profil"]),
        sheets=SheetNames(**{key: str(value) for key, value in raw["sheets"].items()}),
        hasil=_hasil(raw["hasil"]),
        formulir=_formulir(raw["formulir"]) if "formulir" in raw else None,
        pejabat=_pejabat(raw["pejabat"]) if "pejabat" in raw else None,
    )


def _pejabat(raw: dict[str, object]) -> PejabatTable:
    return PejabatTable(
        sheet=str(raw["sheet"]),
        name=str(raw["name"]),
        judul=str(raw["judul"]),
        columns=tuple(_column(c) for c in raw["columns"]),  # type: ignore[attr-defined]
    )


def _formulir(raw: dict[str, object]) -> Formulir:
    return Formulir(
        sheet=str(raw["sheet"]),
        meta_sheet=str(raw["meta_sheet"]),
        konteks=_strings(raw["konteks"]),
        isian=_strings(raw["isian"]),
        hitung=_strings(raw["hitung"]),
        konteks_lalu=_strings(raw.get("konteks_lalu", [])),
        kunci_sheet=str(raw.get("kunci_sheet", "KinerjaKunci")),
    )


_SHEETS = layout().sheets
SHEET_PETUNJUK = _SHEETS.petunjuk
SHEET_PROFIL = _SHEETS.profil
SHEET_PENGATURAN = _SHEETS.pengaturan
SHEET_REKAP = _SHEETS.rekap
SHEET_RIWAYAT = _SHEETS.riwayat
SHEET_SEGEL = _SHEETS.segel
SHEET_HASIL = layout().hasil.sheet
SHEET_SOP = _SHEETS.sop
SHEET_KALENDER = _SHEETS.kalender
SHEET_LOG = _SHEETS.log
SHEET_HASIL_SOP = _SHEETS.hasil_sop
SHEET_POHON = _SHEETS.pohon
SHEET_MANUAL = _SHEETS.manual
SHEET_PEJABAT = _pejabat_sheet.sheet if (_pejabat_sheet := layout().pejabat) else ""
"""The sheet names of ``[sheets]``, ``[hasil]`` and ``[pejabat]`` as constants (read once, at import)."""
TITLE_ROWS = 3
"""Rows above each table's header row (title, unit line, note); the header is row 4."""

# Sheet Pengaturan: fixed cells (the builder writes them, the reader reads them, the live
# formulas read them through defined names).
PENGATURAN_PERIODE = "B4"
PENGATURAN_PERIODE_INDEX = "C4"
PENGATURAN_VARIAN = "B5"
PENGATURAN_BATAS_RATA = "B6"
PENGATURAN_TABLE_ROW = 10
"""First data row of the predikat scale (columns A:B) and of the penanggung jawab list (D)."""
PENGATURAN_SKALA_ROWS = 10
PENGATURAN_PJ_ROWS = 40
PERIODE_LIST_COLUMN = "F"
"""Column with TW1..TAHUNAN (rows 10..14), the source of the period dropdown and its index."""
PROFIL_FIRST_ROW = 3
PEJABAT_ROWS = 40
"""Rows of the Pejabat table (filled and spare); the Penanggung Jawab dropdown lists them."""
