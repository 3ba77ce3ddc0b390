"""The live Excel formulas of the IKU and IKI tables, rendered from the domain's rules.

The computed columns (Target Periode, Realisasi Periode, Capaian, Predikat) are the domain's
expressions (``aggregation``, ``capaian``, ``predikat``) rendered with ``expr.to_excel``: the
workbook recalculates while a Kasi types, and the Python engine stays the authority because
both come from one definition. References use the long structured form
``TabelIKU[[#This Row],[Kolom]]`` (LibreOffice cannot compute ``[@Kolom]``) and workbook-level
defined names for the settings; no XLOOKUP, no LET.
"""

from __future__ import annotations

from xlwings_app.domain import capaian as capaian_rules
from xlwings_app.domain import predikat as predikat_rules
from xlwings_app.domain.aggregation import realisasi_expr, target_expr
from xlwings_app.domain.expr import Choose, Expr, Ref, to_excel
from xlwings_app.domain.indicator import Periode
from xlwings_app.sheets.layout import Table

#: Workbook-level defined names (sheet Pengaturan) the formulas read.
NAME_PERIODE_INDEX = "IndeksPeriode"
NAME_VARIAN = "VarianNegatif"
NAME_SKALA_BATAS = "SkalaBatas"
NAME_SKALA_PREDIKAT = "SkalaPredikat"
NAME_DAFTAR_PJ = "DaftarPenanggungJawab"

_INDEX = Ref("indeks_periode")


def _escape(header: str) -> str:
    """Escape a column name for a structured reference ('[', ']', '#' and "'" take a "'")."""
    return "".join("'" + ch if ch in "[]#'" else ch for ch in header)


def structured_ref(table: Table, key: str) -> str:
    """``TabelIKU[[#This Row],[Target TW I]]`` for the column ``key`` of ``table``."""
    return f"{table.name}[[#This Row],[{_escape(table.column(key).header)}]]"


def _refs(table: Table) -> dict[str, str]:
    refs = {column.key: structured_ref(table, column.key) for column in table.columns}
    refs.update(
        {
            "indeks_periode": NAME_PERIODE_INDEX,
            "varian_negatif": NAME_VARIAN,
            "skala_batas": NAME_SKALA_BATAS,
            "skala_label": NAME_SKALA_PREDIKAT,
            "target": refs["target_periode"],
            "realisasi": refs["realisasi_periode"],
        }
    )
    return refs


def target_periode_rule() -> Expr:
    """Target of the workbook's active period (``IndeksPeriode`` picks TW1..TW4 or TAHUNAN)."""
    return Choose(_INDEX, tuple(target_expr(p) for p in Periode))


def realisasi_periode_rule() -> Expr:
    """Realisasi of the workbook's active period."""
    return Choose(_INDEX, tuple(realisasi_expr(p) for p in Periode))


RULES: dict[str, Expr] = {
    "target_periode": target_periode_rule(),
    "realisasi_periode": realisasi_periode_rule(),
    "capaian": capaian_rules.CAPAIAN,
    "predikat": predikat_rules.PREDIKAT,
}
"""Each computed column's rule, by column key (layout.toml)."""


def percent_format_test(cell: str) -> str:
    """Formula text (without ``=``) that is TRUE when ``cell`` has a percent number format: Excel
    and LibreOffice answer ``CELL("format", …)`` with "P0", "P1", … exactly for the formats
    ``numbers.is_percent_format`` accepts. The input cells of the IKU and IKI tables carry it as a
    conditional format: a value typed as ``93%`` is stored as 0.93, which Kinerja reads as 93 but
    the live formulas would read as 0.93, so the sheet marks the cell (decision in
    docs/masukan-excel.md)."""
    return f'LEFT(CELL("format",{cell}),1)="P"'


def live_formulas(table: Table) -> dict[str, str]:
    """Formula text (with the leading ``=``) of every computed column of ``table``."""
    refs = _refs(table)
    return {column.key: "=" + to_excel(RULES[column.key], refs) for column in table.computed}
