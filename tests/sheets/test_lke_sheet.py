"""Sheet LKE's layout and its reader: each kerangka logis rule is a peringatan naming both cells.

For every rule of the LKE, an LKE answered best everywhere except the basis (the criterion it rests
on answered T/E, or for a rata-rata rule the whole basis sub-component answered worst) is read back
from the layout's own rows: the breach stands at the criterion's Jawaban cell and its message names
the basis cell (or the basis sub-component's Jawaban cells). Invalid answers are galat at their
cell; the layout holds every criterion with its scale, explanation of each level and weight.
"""

from __future__ import annotations

import pytest

from tests.domain.lke.helpers import best, with_sub
from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.domain.lke.model import LogicRule, RuleKind
from xlwings_app.sheets import lke as S

LKE = permenpanrb_88_2021()
ROWS = S.rows_of(LKE)


def _rows(answers: dict[str, str | None]) -> list[tuple[int, list[object]]]:
    sheet = S.lke_values(LKE, "Kecamatan Uji", 2024, {}, {k: v for k, v in answers.items() if v}, {}, {})
    return list(enumerate(sheet.grid(), start=1))


@pytest.mark.parametrize("rule", LKE.rules, ids=[f"{r.criterion}-{r.kind.value}-{r.basis}" for r in LKE.rules])
def test_each_kerangka_logis_rule_names_both_cells(rule: LogicRule) -> None:
    answers = best(LKE)
    if rule.kind is RuleKind.NILAI:
        answers[rule.basis] = LKE.criterion(rule.basis).scale.letters[-1]
        basis_cell = ROWS.cell("jawaban", rule.basis)
    else:
        answers = with_sub(answers, LKE, rule.basis, None)
        basis_cell = ROWS.sub_range(LKE, rule.basis, "jawaban")
    read = S.read_lke(LKE, _rows(answers), "lke.xlsx")
    own = ROWS.cell("jawaban", rule.criterion)
    found = [p for p in read.problems if p.sel == own and f"sel {basis_cell}" in p.pesan]
    assert len(found) == 1, [str(p) for p in read.problems]
    assert found[0].tingkat == "peringatan" and found[0].sheet == S.SHEET and f"(sel {own})" in found[0].pesan


def test_best_answers_break_no_rule_and_invalid_letters_are_galat_at_their_cell() -> None:
    assert S.read_lke(LKE, _rows(best(LKE))).problems == []
    answers = best(LKE) | {"1.a.1": "B", "1.b.3": "Y"}
    problems = S.read_lke(LKE, _rows(answers)).problems
    assert [(p.sel, p.tingkat) for p in problems if p.is_error] == [
        (ROWS.cell("jawaban", "1.a.1"), "galat"), (ROWS.cell("jawaban", "1.b.3"), "galat"),
    ]  # fmt: skip


def test_every_criterion_has_its_row_scale_levels_and_formulas() -> None:
    sheet = S.lke_values(LKE, "Kecamatan Uji", 2024, {}, {}, {}, {})
    for criterion in LKE.criteria():
        row = ROWS.criteria[criterion.id]
        assert sheet.cells[(row, S.COL["skala"])] == criterion.scale.value
        levels = sheet.cells[(row, S.COL["penjelasan"])]
        assert all(f"{lv.letter} (" in levels for lv in criterion.levels)
        assert str(sheet.cells[(row, S.COL["nilai"])]).startswith("=IF(")
    assert sheet.cells[(ROWS.subs["3.b"], S.COL["nilai"])] == f"=ROUND(SUM(H{ROWS.criteria['3.b.1']}:H{ROWS.criteria['3.b.9']})*4.5/9,2)"
    assert sheet.cells[(ROWS.subs["3.b"], S.COL["bobot"])] == 4.5
