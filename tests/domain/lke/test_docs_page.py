"""docs/evaluasi-akip.md states what the LKE data holds: its tables are the data's, its counts too."""

from __future__ import annotations

from pathlib import Path

import pytest

import xlwings_app
from xlwings_app.domain.formatting import angka
from xlwings_app.domain.lke.model import Lke, RuleKind, Scale
from xlwings_app.domain.lke.prefill import PREFILL
from xlwings_app.domain.lke.recommendations import LADDER

PAGE = Path(xlwings_app.__file__).parent.parent / "docs" / "evaluasi-akip.md"


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def test_the_sub_component_table_is_the_datas(lke: Lke, page: str) -> None:
    for sub in lke.subs():
        yt = [c.id for c in sub.criteria if c.scale is Scale.YT]
        scale = "Y/T" if len(yt) == len(sub.criteria) else "A–E" + (f"; Y/T: {', '.join(yt)}" if yt else "")
        row = f"| {sub.id} {sub.nama} | {sub.kind.value} | {angka(sub.weight)} | {len(sub.criteria)} | {scale} |"
        assert row in page


def test_the_kerangka_logis_table_is_the_datas(lke: Lke, page: str) -> None:
    groups: dict[tuple[RuleKind, str], list[str]] = {}
    for rule in lke.rules:
        groups.setdefault((rule.kind, rule.basis), []).append(rule.criterion)
    for (kind, basis), criteria in groups.items():
        limit = f"kriteria {basis}" if kind is RuleKind.NILAI else f"rata-rata sub-komponen {basis}"
        assert f"| {', '.join(criteria)} | {kind.value} | {limit} |" in page
    assert page.count(" | nilai | ") + page.count(" | rata-rata | ") == len(groups)


def test_the_prefill_table_is_the_datas(lke: Lke, page: str) -> None:
    for criterion_id, facts in PREFILL.items():
        assert f"| {criterion_id} | {', '.join(f.value for f in facts)} |" in page
    assert f"({len(PREFILL)} dari {len(list(lke.criteria()))}, sekitar sepertiga)" in page


def test_the_counts_of_explanations_are_the_datas(lke: Lke, page: str) -> None:
    specific = sum(1 for c in lke.criteria() if c.sumber_penjelasan != "umum")
    assert f"Untuk {specific} dari 80 kriteria" in page
    assert f'Penjelasan "umum" untuk {80 - specific} kriteria' in page


def test_the_follow_up_ladder_is_the_codes(page: str) -> None:
    assert [bound for bound, _ in LADDER] == [90, 75, 40, 10]
    assert "| > 90% | A |" in page and "| > 10% – 40% | D |" in page and "| ≤ 10% | E |" in page
