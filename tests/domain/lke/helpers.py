"""Answer sets for the LKE tests."""

from __future__ import annotations

from xlwings_app.domain.lke.model import Lke


def best(lke: Lke) -> dict[str, str | None]:
    """Every criterion answered with its best letter (Y or A)."""
    return {c.id: c.scale.letters[0] for c in lke.criteria()}


def worst(lke: Lke) -> dict[str, str | None]:
    """Every criterion answered with its worst letter (T or E)."""
    return {c.id: c.scale.letters[-1] for c in lke.criteria()}


def with_sub(answers: dict[str, str | None], lke: Lke, sub_id: str, letter: str | None) -> dict[str, str | None]:
    """``answers`` with every criterion of sub-component ``sub_id`` answered ``letter``."""
    changed = dict(answers)
    for criterion in lke.sub(sub_id).criteria:
        changed[criterion.id] = letter
    return changed
