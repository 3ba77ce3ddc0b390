"""Scores of an LKE: each sub-component, component and the total, with its predikat.

Rule (Lampiran PermenPANRB 88/2021): a sub-component scores the mean of its criteria's answer values
times its weight (component weight × 20/30/50 %); a component scores the sum of its sub-components,
the total the sum of the components (at most 100); the total's band is the predikat
(``domain.lke.predikat``).

Kinerja's readings, stated:
- An unanswered criterion counts 0 and stays in the mean's denominator (the mean is over all of the
  sub-component's criteria), as wp-eval-sakip (SUM of answers / COUNT of criteria) and
  kke-sakip-trenggalek (a missing penilaian scores 0) compute it; ``LkeScore.unanswered`` lists them
  so the summary can say how many are still open.
- A sub-component's score is ROUND(Σ values × weight / n; 2), half away from zero as Excel's ROUND:
  the product comes before the division, so a score that is a whole number of half-cents is
  computed exactly and its half rounds up (sub-component 3.b with five D: 4,5 × 1,25 / 9 = 0,625 →
  0,63). Components and the total add the rounded scores, as the LKE shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.lke.model import Component, Criterion, Lke, SubComponent
from xlwings_app.domain.lke.predikat import PredikatAkip, predikat_akip
from xlwings_app.domain.problems import Problem

Answers = Mapping[str, str | None]
"""Answer letters by criterion id ("1.a.1" → "Y"); a missing or ``None`` entry is unanswered."""

_ALIASES = {"YA": "Y", "TIDAK": "T"}


def normalise_answer(value: object) -> str | None:
    """An answer as typed, made a letter: trimmed, upper case, "Ya"/"Tidak" → "Y"/"T"; blank → None.
    The result is not checked against any scale (``answer_problems`` does that)."""
    if value is None:
        return None
    text = str(value).strip().upper()
    if not text:
        return None
    return _ALIASES.get(text, text)


def answer_problems(lke: Lke, answers: Answers) -> list[Problem]:
    """Every answer that names no criterion of ``lke`` or is not a letter of its criterion's scale
    (Y/T or A–E), each a ``galat`` naming the criterion (sheet and cell are filled by the sheet layer)."""
    criteria = {c.id: c for c in lke.criteria()}
    problems: list[Problem] = []
    for criterion_id, letter in answers.items():
        if letter is None:
            continue
        criterion = criteria.get(criterion_id)
        if criterion is None:
            problems.append(Problem(f"Kriteria {criterion_id} tidak ada dalam LKE.", kolom="Jawaban", nilai=letter))
        elif letter not in criterion.scale.letters:
            choices = " atau ".join((", ".join(criterion.scale.letters[:-1]), criterion.scale.letters[-1]))
            problems.append(Problem(
                f"Jawaban kriteria {criterion_id} harus {choices}, tertulis '{letter}'.",
                kolom="Jawaban", nilai=letter,
            ))  # fmt: skip
    return problems


@dataclass(frozen=True)
class SubComponentScore:
    """A sub-component's score: the rounded value, and how many of its criteria are answered."""

    sub: SubComponent
    nilai: Decimal
    answered: int

    @property
    def percent(self) -> Decimal:
        """The score as a percent of the weight, 2 decimals (as the LKE's "%" column)."""
        return round_half_away(self.nilai * 100 / self.sub.weight, 2)


@dataclass(frozen=True)
class ComponentScore:
    """A component's score: the sum of its sub-components' scores."""

    component: Component
    subs: tuple[SubComponentScore, ...]
    nilai: Decimal


@dataclass(frozen=True)
class LkeScore:
    """The scores of a whole LKE, the total, its predikat and the criteria still unanswered."""

    components: tuple[ComponentScore, ...]
    total: Decimal
    predikat: PredikatAkip
    unanswered: tuple[str, ...]


def answer_value(criterion: Criterion, letter: str | None) -> Decimal:
    """The value of an answer: Y/A = 1 … T/E = 0; unanswered (``None``) = 0. ValueError for a letter
    the criterion's scale does not take (check with ``answer_problems`` first)."""
    if letter is None:
        return Decimal(0)
    try:
        return criterion.value_of(letter)
    except KeyError:
        raise ValueError(f"Jawaban '{letter}' tidak ada pada skala {criterion.scale.value} kriteria {criterion.id}") from None


def score_sub(sub: SubComponent, answers: Answers) -> SubComponentScore:
    """ROUND(Σ answer values × weight / number of criteria; 2); unanswered criteria count 0."""
    values = [answer_value(c, answers.get(c.id)) for c in sub.criteria]
    nilai = round_half_away(sum(values, Decimal(0)) * sub.weight / len(values), 2)
    answered = sum(1 for c in sub.criteria if answers.get(c.id) is not None)
    return SubComponentScore(sub, nilai, answered)


def score_lke(lke: Lke, answers: Answers) -> LkeScore:
    """Every sub-component's and component's score, the total (their sum) and its predikat."""
    components = []
    for component in lke.components:
        subs = tuple(score_sub(sub, answers) for sub in component.subs)
        components.append(ComponentScore(component, subs, sum((s.nilai for s in subs), Decimal(0))))
    total = sum((c.nilai for c in components), Decimal(0))
    unanswered = tuple(c.id for c in lke.criteria() if answers.get(c.id) is None)
    return LkeScore(tuple(components), total, predikat_akip(total), unanswered)


def points_lost(lke: Lke, answers: Answers) -> list[tuple[Criterion, Decimal]]:
    """The points each criterion loses against a full answer, weight / n × (1 − value), rounded to 2
    decimals, largest first (ties in LKE order); criteria losing nothing are left out. An unanswered
    criterion loses its whole share. The summary names these first: they are what would raise the
    score most."""
    lost: list[tuple[Criterion, Decimal]] = []
    for sub in lke.subs():
        for criterion in sub.criteria:
            value = answer_value(criterion, answers.get(criterion.id))
            points = round_half_away(sub.weight * (1 - value) / len(sub.criteria), 2)
            if points > 0:
                lost.append((criterion, points))
    return sorted(lost, key=lambda item: -item[1])
