"""Kerangka logis: an LKE answer may not score above what it rests on.

Rules (the two kinds of wp-eval-sakip's ``esakip_kontrol_kerangka_logis``; the pairs are the LKE's
data, ``Lke.rules``, each with its source):
- NILAI: a criterion's value may not exceed the value of the criterion it rests on. A later
  document answered Y while the one it rests on is T (Rencana Aksi without a PK: 1.a.5 over 1.a.4)
  breaks it; so does a quality criterion scored above the pemenuhan it depends on.
- RATA_RATA: a criterion's value may not exceed the mean of the sub-component it rests on
  (implementasi above the mean of kualitas: 1.c.x over 1.b).
Values are the answers' (Y/A = 1 … T/E = 0). An unanswered criterion has no value to check; an
unanswered basis counts 0, as it does in the score, so a criterion answered above it is reported.

A breach is a ``peringatan``, not a ``galat``: the score is still computed as answered, but an
evaluator will not accept it. ``Breach.problem`` makes it a ``domain.problems.Problem`` naming both
criteria, and both cells once the sheet layer passes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain.formatting import angka
from xlwings_app.domain.lke.model import Criterion, Lke, LogicRule, RuleKind
from xlwings_app.domain.lke.scoring import Answers, answer_value
from xlwings_app.domain.problems import Problem


@dataclass(frozen=True)
class Breach:
    """One broken kerangka logis rule: the criterion, its answer, and the basis with its value
    (the basis criterion's answer, ``None`` when unanswered; for RATA_RATA the sub-component mean)."""

    rule: LogicRule
    criterion: Criterion
    letter: str
    value: Decimal
    basis_value: Decimal
    basis_letter: str | None = None

    def pesan(self, sel: str | None = None, sel_dasar: str | None = None) -> str:
        """The Indonesian message, naming both criteria (and their cells, when given)."""
        own = f"kriteria {self.criterion.id}" + (f" (sel {sel})" if sel else "")
        basis = self.rule.basis + (f" (sel {sel_dasar})" if sel_dasar else "")
        answered = f"dijawab {self.letter} (nilai {angka(self.value)})"
        if self.rule.kind is RuleKind.NILAI:
            if self.basis_letter is None:
                seen = "belum dijawab (dihitung 0)"
            else:
                seen = f"dijawab {self.basis_letter} (nilai {angka(self.basis_value)})"
            return (
                f"Kerangka logis: {own} {answered}, padahal kriteria {basis} yang menjadi dasarnya "
                f"{seen}. Nilai kriteria {self.criterion.id} tidak boleh melebihi kriteria {self.rule.basis}."
            )
        return (
            f"Kerangka logis: {own} {answered}, lebih tinggi dari rata-rata sub-komponen {basis} "
            f"({angka(self.basis_value, desimal=2)}) yang menjadi dasarnya. Nilai kriteria "
            f"{self.criterion.id} tidak boleh melebihi rata-rata sub-komponen {self.rule.basis}."
        )

    def problem(
        self, *, sheet: str | None = None, sel: str | None = None, sel_dasar: str | None = None,
        baris: int | None = None, file: str | None = None,
    ) -> Problem:  # fmt: skip
        """The breach as a ``peringatan`` Problem located at the criterion's answer cell ``sel``; the
        message names the basis cell ``sel_dasar`` too. Without cells (the domain alone) the message
        names both criteria by id and the sheet layer fills the place later."""
        return Problem(
            self.pesan(sel, sel_dasar), sheet=sheet, baris=baris, kolom="Jawaban", sel=sel,
            nilai=self.letter, file=file, tingkat="peringatan",
        )  # fmt: skip


def check_kerangka_logis(lke: Lke, answers: Answers) -> list[Breach]:
    """Every broken rule of ``lke.rules`` for ``answers``, in rule order (see the module docstring)."""
    breaches: list[Breach] = []
    for rule in lke.rules:
        criterion = lke.criterion(rule.criterion)
        letter = answers.get(criterion.id)
        if letter is None:
            continue
        value = answer_value(criterion, letter)
        if rule.kind is RuleKind.NILAI:
            basis = lke.criterion(rule.basis)
            basis_letter = answers.get(basis.id)
            basis_value = answer_value(basis, basis_letter)
            if value > basis_value:
                breaches.append(Breach(rule, criterion, letter, value, basis_value, basis_letter))
        else:
            sub = lke.sub(rule.basis)
            total = sum((answer_value(c, answers.get(c.id)) for c in sub.criteria), Decimal(0))
            if value * len(sub.criteria) > total:  # value > mean, without dividing
                breaches.append(Breach(rule, criterion, letter, value, total / len(sub.criteria)))
    return breaches


def kerangka_logis_problems(lke: Lke, answers: Answers) -> list[Problem]:
    """``check_kerangka_logis`` as Problems, sheet and cells left for the sheet layer to fill."""
    return [breach.problem() for breach in check_kerangka_logis(lke, answers)]
