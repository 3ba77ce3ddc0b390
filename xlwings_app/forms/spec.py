"""Which columns a data-collection form has for a period, and their live formulas.

The columns come from the layout declaration (``[formulir]`` and ``[[columns]]`` of
workbook/layout.toml): ``konteks`` (read-only), the realisasi of the earlier triwulan (read-only,
so the live capaian of "s.d. TW n" is right), the period's realisasi (input), the earlier
triwulan's analysis (``konteks_lalu``, read-only: shown for context, never pre-filled as this
period's), ``isian`` (inputs; an analysis field is this period's column, ``domain.analisis``)
and ``hitung`` (live formulas). Version 2 of the form: the analysis per period. The formulas are the domain's own expressions (``aggregation``,
``capaian``, ``predikat``) rendered with ``expr.to_excel`` against the form's cells; the unit's
settings (negative-polarity variant, predikat scale) are baked in as constants, so the form needs
no defined names and works in any spreadsheet program.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal

from xlwings_app.domain import capaian as capaian_rules
from xlwings_app.domain import predikat as predikat_rules
from xlwings_app.domain.aggregation import realisasi_expr, target_expr
from xlwings_app.domain.analisis import FIELDS, column_key, periode_lalu_tw
from xlwings_app.domain.expr import Expr, to_excel
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.problems import Refusal
from xlwings_app.domain.settings import Settings
from xlwings_app.sheets import layout as L

FORM_VERSI = "2"
"""Version of the form format itself; a form of another version is refused at rekap."""

Role = Literal["konteks", "realisasi", "isian", "hitung"]


class PeriodeError(Refusal, ValueError):
    """A period that has no realisasi column of its own (TAHUNAN)."""


@dataclass(frozen=True)
class FormColumn:
    key: str
    header: str
    role: Role
    column: L.Column

    @property
    def is_input(self) -> bool:
        return self.role in ("realisasi", "isian")


def spec() -> L.Formulir:
    found = L.layout().formulir
    if found is None:
        raise LookupError("workbook/layout.toml has no [formulir] section")
    return found


def realisasi_key(periode: Periode) -> str:
    """The master column the form's realisasi goes to: ``r2`` for TW2."""
    if periode is Periode.TAHUNAN:
        raise PeriodeError(
            "Periode TAHUNAN tidak punya kolom realisasi sendiri (realisasi tahunan dihitung dari TW I–IV): "
            "buat formulir untuk TW1, TW2, TW3 atau TW4."
        )
    return f"r{periode.number}"


def _column(table: L.Table, key: str, role: Role) -> FormColumn:
    return FormColumn(key, table.column(key).header, role, table.column(key))


@cache
def form_columns(periode: Periode) -> tuple[FormColumn, ...]:
    """The form's columns, left to right (built once per period: a rekap asks for every row)."""
    form = spec()
    table = L.layout().tables[Jenis.IKU]
    n = int(realisasi_key(periode)[1:])
    columns = [FormColumn(k, table.column(k).header, "konteks", table.column(k)) for k in form.konteks]
    for i in range(1, n + 1):
        key = f"r{i}"
        role: Role = "realisasi" if i == n else "konteks"
        columns.append(FormColumn(key, table.column(key).header, role, table.column(key)))
    if (lalu := periode_lalu_tw(periode)) is not None:  # the earlier triwulan's analysis, read-only
        columns += [_column(table, column_key(k, lalu), "konteks") for k in form.konteks_lalu]
    isian = [column_key(k, periode) if k in FIELDS else k for k in form.isian]
    columns += [_column(table, k, "isian") for k in isian]
    columns += [FormColumn(k, table.column(k).header, "hitung", table.column(k)) for k in form.hitung]
    return tuple(columns)


@cache
def context_keys(periode: Periode) -> tuple[str, ...]:
    return tuple(c.key for c in form_columns(periode) if c.role == "konteks")


@cache
def input_keys(periode: Periode) -> tuple[str, ...]:
    return tuple(c.key for c in form_columns(periode) if c.is_input)


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _text(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def setting_constants(settings: Settings) -> dict[str, str]:
    """The settings the rules read, as Excel constants (array constants for the scale)."""
    return {
        "varian_negatif": _text(settings.varian_negatif.value),
        "skala_batas": "{" + ",".join(_number(b) for b in settings.skala.bounds) + "}",
        "skala_label": "{" + ",".join(_text(label) for label in settings.skala.labels) + "}",
    }


def rules(periode: Periode) -> dict[str, Expr]:
    """Each computed column's rule for the fixed ``periode`` (no period index: a form has one)."""
    return {
        "target_periode": target_expr(periode),
        "realisasi_periode": realisasi_expr(periode),
        "capaian": capaian_rules.CAPAIAN,
        "predikat": predikat_rules.PREDIKAT,
    }


def row_formulas(periode: Periode, settings: Settings, cells: dict[str, str]) -> dict[str, str]:
    """Formula text (with ``=``) of every computed column of one row.

    ``cells`` maps each column key of the form to that row's cell address (``"G12"``). A realisasi
    typed as a percentage ("95%": 0.95 with a percent format) is read as 95, as the rekap reads it.
    """
    refs = dict(cells)
    refs.update(setting_constants(settings))
    refs["target"], refs["realisasi"] = cells["target_periode"], cells["realisasi_periode"]
    return {key: "=" + to_excel(rule, refs, L.PERCENT_POINT_KEYS) for key, rule in rules(periode).items() if key in cells}


def chosen_periode(periode: Periode | None, periode_aktif: Periode) -> Periode:
    """The period forms are made for or collected in: ``periode``, else the master's Periode aktif;
    ``PeriodeError`` for a period without a realisasi column of its own (TAHUNAN)."""
    chosen = periode or periode_aktif
    realisasi_key(chosen)
    return chosen
