"""Proposed answers and a person's answer beside them.

Rule (issue "Evaluasi AKIP mandiri"): where the unit's own data decides or evidences a criterion,
Kinerja proposes an answer, says why in Indonesian with the figures, and names the evidence: a
document in the sealed archive, by file name and verification code (``domain.verification``). A
person confirms or overrides each proposal; an override keeps the proposal beside it, so the LKE can
always show both what the data said and what the unit chose.

The answer that counts (``Answer.final``) is the override when there is one, else the proposal:
a proposal counts until someone changes it, and ``Answer.status`` says whether it was confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum


@dataclass(frozen=True)
class Evidence:
    """A document that supports an answer (bukti dukung): its file name and verification code."""

    file: str
    verification_code: str


@dataclass(frozen=True)
class Proposal:
    """Kinerja's proposed answer to one criterion: the letter, why (Indonesian, with the figures),
    the evidence documents and where the facts were read (``source``: file and sheet)."""

    criterion: str
    answer: str
    reason: str
    evidence: tuple[Evidence, ...] = ()
    source: str = ""


class AnswerStatus(StrEnum):
    """Where an answer stands (shown beside it in the LKE)."""

    KOSONG = "Belum dijawab"
    USULAN = "Usulan Kinerja, belum dikonfirmasi"
    DIKONFIRMASI = "Usulan Kinerja, dikonfirmasi"
    DIUBAH = "Diubah dari usulan Kinerja"
    DIISI = "Diisi tanpa usulan"


@dataclass(frozen=True)
class Answer:
    """One criterion's answer: Kinerja's proposal (if any), a person's override (if any) and whether
    the person has confirmed it. ValueError when the proposal is for another criterion."""

    criterion: str
    proposal: Proposal | None = None
    override: str | None = None
    confirmed: bool = False
    catatan: str = ""

    def __post_init__(self) -> None:
        if self.proposal is not None and self.proposal.criterion != self.criterion:
            raise ValueError(
                f"Usulan untuk kriteria {self.proposal.criterion} tidak dapat menjadi jawaban kriteria {self.criterion}"
            )

    @property
    def final(self) -> str | None:
        """The letter that counts: the override, else the proposal's answer, else None."""
        if self.override is not None:
            return self.override
        return self.proposal.answer if self.proposal is not None else None

    @property
    def status(self) -> AnswerStatus:
        """Empty, an unconfirmed or confirmed proposal, changed from the proposal, or filled without one."""
        if self.proposal is None:
            return AnswerStatus.DIISI if self.override is not None else AnswerStatus.KOSONG
        if self.override is not None and self.override != self.proposal.answer:
            return AnswerStatus.DIUBAH
        return AnswerStatus.DIKONFIRMASI if self.confirmed or self.override is not None else AnswerStatus.USULAN

    def confirm(self) -> Answer:
        """The proposal accepted as it is (the override, if any, dropped)."""
        return replace(self, override=None, confirmed=True)

    def overridden(self, letter: str, catatan: str = "") -> Answer:
        """The person's own answer ``letter``, the proposal kept beside it."""
        return replace(self, override=letter, confirmed=True, catatan=catatan or self.catatan)


def final_answers(answers: Iterable[Answer]) -> dict[str, str | None]:
    """The letters that count, by criterion id (the input of ``domain.lke.scoring.score_lke``)."""
    return {answer.criterion: answer.final for answer in answers}
