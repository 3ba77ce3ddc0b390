"""A form as read back: its metadata, header row and the cells of every indicator row.

The adapter (``adapters.openpyxl.form_reader``) fills these from a form file or from the lembar sheets
of a master workbook; the checks (``forms.checks``, ``forms.consolidate``) only see these values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.forms.meta import FormMeta


class Cell(NamedTuple):
    """One cell as found: its address, raw value, and whether it held a formula.

    A named tuple, not a dataclass: a rekap of 50 forms makes some 50,000, and a tuple is made
    faster (one of plain values is dropped from the garbage collector's scans after its first)."""

    address: str
    value: object
    formula: bool = False


@dataclass(frozen=True)
class FormRow:
    kode: str
    baris: int
    cells: Mapping[str, Cell]
    """Every column of the form by column key (context, inputs, computed)."""


@dataclass(frozen=True)
class Disimpan:
    """Who saved a form file last and when, as its document properties say (``docProps/core.xml``:
    ``cp:lastModifiedBy``, ``dcterms:modified``): every spreadsheet program rewrites them when a
    person saves the file; Kinerja writes its own name there when it makes the form."""

    oleh: str | None
    waktu: datetime | None
    """Aware (UTC, as the file states it); None when the file has none."""


@dataclass(frozen=True)
class FilledForm:
    file: str
    sheet: str
    meta: FormMeta
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[FormRow, ...]
    status: Cell | None = None
    """The "Status formulir" cell (Draf/Final); ``None`` on forms made before it existed."""
    diubah: datetime | None = None
    """When the form file was last saved (its file time): when it reached the Tim SAKIP as it is."""
    disimpan: Disimpan | None = None
    """The file's own record of its last save (``None`` for a lembar sheet of the master)."""

    def problem(
        self,
        pesan: str,
        row: FormRow | None = None,
        kolom: str | None = None,
        cell: Cell | None = None,
        nilai: object = None,
        tingkat: Tingkat = "galat",
    ) -> Problem:
        """A problem located in this form (file, sheet, row, cell)."""
        return Problem(
            pesan,
            self.sheet,
            row.baris if row else None,
            kolom,
            cell.address if cell else None,
            nilai,
            self.file,
            tingkat,
        )


Value = Decimal | str


@dataclass(frozen=True)
class Delivered:
    """A value a form delivers for a master cell: indicator ``kode``, column ``key``."""

    kode: str
    key: str
    kolom: str
    value: Value
    file: str
    sheet: str
    sel: str


@dataclass(frozen=True)
class Change:
    """A master cell the rekap changes: old → new, and the form cell it came from."""

    kode: str
    key: str
    kolom: str
    lama: Value | None
    baru: Value
    file: str
    sheet: str
    sel: str
