"""A rule rendered for cells that may hold a percentage typed with "%" (``to_excel(..., percent=...)``)."""

from __future__ import annotations

from xlwings_app.domain.aggregation import realisasi_rule
from xlwings_app.domain.expr import Average, Count, If, IsBlank, Ref, to_excel
from xlwings_app.domain.indicator import Agregasi, Periode

SCALED = '(A1*IF(LEFT(CELL("format",A1))="P",100,1))'


def test_a_value_is_scaled_and_a_blank_test_or_count_reads_the_cell() -> None:
    a = Ref("a")
    refs = {"a": "A1", "b": "B1"}
    assert to_excel(a * 2, refs, {"a"}) == f"({SCALED}*2)"
    assert to_excel(If(IsBlank(a), a, a), refs, {"a"}) == f'IF(A1="",{SCALED},{SCALED})'
    assert to_excel(Count((a, Ref("b"))), refs, {"a"}) == "COUNT(A1,B1)"
    assert to_excel(a * 2, refs) == "(A1*2)"  # no percent names: the formula as before


def test_an_average_over_scaled_cells_skips_blanks_as_average_does() -> None:
    refs = {"a": "A1", "b": "B1"}
    text = to_excel(Average((Ref("a"), Ref("b"))), refs, {"a", "b"})
    assert text == f"(SUM({SCALED},{SCALED.replace('A1', 'B1')})/COUNT(A1,B1))"
    assert to_excel(Average((Ref("a"), Ref("b"))), refs) == "AVERAGE(A1,B1)"


def test_the_rata_rata_realisasi_renders_with_sum_over_count() -> None:
    refs = {f"r{i}": f"R{i}C" for i in range(1, 5)} | {f"t{i}": f"T{i}" for i in range(1, 5)}
    text = to_excel(realisasi_rule(Agregasi.RATA_RATA, Periode.TW2), refs, {"r1", "r2"})
    assert "AVERAGE" not in text and "COUNT(R1C,R2C)" in text and 'CELL("format",R2C)' in text
