"""The workbook layout, loaded from workbook/layout.toml (its one declaration).

Everything that builds, reads or documents the workbook asks this module which sheets, tables,
columns and fields exist. Loading is cheap (a small TOML file) and cached.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Literal

from xlwings_app.domain.indicator import Jenis
from xlwings_app.resources import resource_dir

ColumnType = Literal["text", "number", "choice", "formula"]


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

    @property
    def is_input(self) -> bool:
        return self.type != "formula"


@dataclass(frozen=True)
class Table:
    jenis: Jenis
    sheet: str
    name: str
    judul: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        for column in self.columns:
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
    hasil_sheet: str
    hasil_name: str
    hasil_headers: tuple[str, ...]
    formulir: Formulir | None = None
    pejabat: PejabatTable | None = None


def normalise_header(text: object) -> str:
    """Header text as compared: lower case, single spaces, no surrounding punctuation."""
    return re.sub(r"\s+", " ", str(text or "")).strip().strip(":*").strip().casefold()


def _column(raw: dict[str, object]) -> Column:
    return Column(
        key=str(raw["key"]),
        header=str(raw["header"]),
        type=raw["type"],  # type: ignore[arg-type]
        required=bool(raw.get("required", False)),
        width=float(raw.get("width", 12)),  # type: ignore[arg-type]
        format=raw.get("format"),  # type: ignore[arg-type]
        help=str(raw.get("help", "")),
        choices=tuple(raw.get("choices", ())),  # type: ignore[arg-type]
        choices_from=raw.get("choices_from"),  # type: ignore[arg-type]
        only=raw.get("only"),  # type: ignore[arg-type]
        optional=bool(raw.get("optional", False)),
    )


@cache
def layout() -> Layout:
    """The workbook layout (parsed once per process)."""
    with (resource_dir("workbook") / "layout.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    columns = [_column(c) for c in raw["columns"]]
    tables = {}
    for jenis in Jenis:
        spec = raw["tables"][jenis.value]
        tables[jenis] = Table(
            jenis=jenis,
            sheet=spec["sheet"],
            name=spec["name"],
            judul=spec["judul"],
            columns=tuple(c for c in columns if c.only in (None, jenis.value)),
        )
    return Layout(
        versi=str(raw["versi"]),
        tables=tables,
        profil=tuple(Field(**f) for f in raw["profil"]),
        hasil_sheet=raw["hasil"]["sheet"],
        hasil_name=raw["hasil"]["name"],
        hasil_headers=tuple(raw["hasil"]["headers"]),
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
        konteks=tuple(raw["konteks"]),  # type: ignore[call-overload]
        isian=tuple(raw["isian"]),  # type: ignore[call-overload]
        hitung=tuple(raw["hitung"]),  # type: ignore[call-overload]
    )


SHEET_PETUNJUK = "Petunjuk"
SHEET_PROFIL = "Profil"
SHEET_PENGATURAN = "Pengaturan"
SHEET_REKAP = "Rekap"
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
