"""The live Excel formulas of the IKU and IKI tables, rendered from the domain's rules.

The computed columns (Target Periode, Realisasi Periode, Capaian, Predikat) are the domain's
expressions (``aggregation``, ``capaian``, ``predikat``) rendered with ``expr.to_excel``: the
workbook recalculates while a Kasi types, and the Python engine stays the authority because
both come from one definition. No XLOOKUP, no LET; workbook-level defined names for the settings.

A target or realisasi typed as a percentage ("93%": 0.93 with a percent format) is read by the
formulas as the engine reads it, 93: every use of such a cell is scaled by its ``CELL("format")``
(``expr.excel.percent_scaled``). References are therefore the row's own cells (``W5``), relative,
one formula per row: scaled structured references (``TabelIKU[[#This Row],[Realisasi TW I]]``,
40 characters each) would take Target Periode past Excel's 8,192 characters; with cell references
the longest formula stays under 3,500 (``tests/sheets/test_live_formulas.py``). The Excel Table's
calculated-column formula is the first data row's, as Excel stores it.
"""

from __future__ import annotations

from xlwings_app.domain import capaian as capaian_rules
from xlwings_app.domain import predikat as predikat_rules
from xlwings_app.domain.aggregation import realisasi_expr, target_expr
from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.expr import AllOf, AnyOf, Blank, Choose, Expr, If, IsBlank, Ref, to_excel
from xlwings_app.domain.indicator import Periode
from xlwings_app.sheets.layout import PERCENT_POINT_KEYS, Table

#: Workbook-level defined names (sheet Pengaturan) the formulas read.
NAME_PERIODE_INDEX = "IndeksPeriode"
NAME_VARIAN = "VarianNegatif"
NAME_SKALA_BATAS = "SkalaBatas"
NAME_SKALA_PREDIKAT = "SkalaPredikat"
NAME_DAFTAR_PJ = "DaftarPenanggungJawab"

_INDEX = Ref("indeks_periode")


def _refs(table: Table, row: int) -> dict[str, str]:
    """Each name's reference: its column's cell in ``row`` (the table starts in column A), the
    settings' defined names, the period's target and realisasi cells."""
    refs = {column.key: f"{column_letter(i)}{row}" for i, column in enumerate(table.columns, start=1)}
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


def _own(periode: Periode, expr: Expr) -> Expr:
    """``expr``, or blank when the row has no target of its own in ``periode`` and no realisasi of
    that period's last triwulan: the engine's "Tidak Ada Target" (``domain.measure.has_target``: a
    range target counts in every period, the yearly target for the year, Target TW n for TW n), so
    the live Capaian stays empty where the engine measures nothing instead of carrying an earlier
    triwulan forward."""
    n = periode.last_tw
    own_target = Ref("target_tahunan") if periode is Periode.TAHUNAN else Ref(f"t{n}")
    no_range = AnyOf((IsBlank(Ref("batas_bawah")), IsBlank(Ref("batas_atas"))))
    nothing = AllOf((IsBlank(Ref(f"r{n}")), IsBlank(own_target), no_range))
    return If(nothing, Blank(), expr)


def target_periode_rule() -> Expr:
    """Target of the workbook's active period (``IndeksPeriode`` picks TW1..TW4 or TAHUNAN)."""
    return Choose(_INDEX, tuple(_own(p, target_expr(p)) for p in Periode))


def realisasi_periode_rule() -> Expr:
    """Realisasi of the workbook's active period."""
    return Choose(_INDEX, tuple(_own(p, realisasi_expr(p)) for p in Periode))


RULES: dict[str, Expr] = {
    "target_periode": target_periode_rule(),
    "realisasi_periode": realisasi_periode_rule(),
    "capaian": capaian_rules.CAPAIAN,
    "predikat": predikat_rules.PREDIKAT,
}
"""Each computed column's rule, by column key (layout.toml)."""


def live_formulas(table: Table, row: int) -> dict[str, str]:
    """Formula text (with the leading ``=``) of every computed column of ``table`` in sheet row
    ``row``; the target and realisasi cells typed as a percentage are read as the engine reads them."""
    refs = _refs(table, row)
    return {column.key: "=" + to_excel(RULES[column.key], refs, PERCENT_POINT_KEYS) for column in table.computed}
