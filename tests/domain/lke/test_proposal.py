"""Proposed answers: a person's override keeps Kinerja's proposal beside it."""

from __future__ import annotations

import pytest

from xlwings_app.domain.lke.model import Lke
from xlwings_app.domain.lke.proposal import Answer, AnswerStatus, Evidence, Proposal, final_answers
from xlwings_app.domain.lke.scoring import score_sub

PROPOSAL = Proposal(
    criterion="2.b.4",
    answer="Y",
    reason="Realisasi 12 IKU dikumpulkan tiap triwulan: 4 dari 4 rekap lengkap dengan tanda terima.",
    evidence=(Evidence("Pengukuran Kinerja TW IV 2024.pdf", "K7Q2M-XR4TB"),),
    source="kinerja-2024.xlsx, sheet Riwayat",
)


def test_a_proposal_counts_until_someone_changes_it() -> None:
    answer = Answer("2.b.4", PROPOSAL)
    assert (answer.final, answer.status) == ("Y", AnswerStatus.USULAN)
    confirmed = answer.confirm()
    assert (confirmed.final, confirmed.status, confirmed.proposal) == ("Y", AnswerStatus.DIKONFIRMASI, PROPOSAL)


def test_an_override_keeps_the_proposal_beside_it() -> None:
    changed = Answer("2.b.4", PROPOSAL).overridden("T", "Rekap TW II terlambat diserahkan.")
    assert changed.final == "T"
    assert changed.status is AnswerStatus.DIUBAH
    assert changed.proposal == PROPOSAL
    assert changed.proposal.evidence[0].verification_code == "K7Q2M-XR4TB"
    assert changed.catatan == "Rekap TW II terlambat diserahkan."
    back = changed.confirm()
    assert (back.final, back.status, back.override) == ("Y", AnswerStatus.DIKONFIRMASI, None)


def test_overriding_with_the_proposed_letter_is_a_confirmation() -> None:
    assert Answer("2.b.4", PROPOSAL).overridden("Y").status is AnswerStatus.DIKONFIRMASI


def test_answers_without_a_proposal() -> None:
    assert (Answer("1.a.2").final, Answer("1.a.2").status) == (None, AnswerStatus.KOSONG)
    own = Answer("1.a.2", override="Y")
    assert (own.final, own.status) == ("Y", AnswerStatus.DIISI)


def test_a_proposal_for_another_criterion_is_refused() -> None:
    with pytest.raises(ValueError, match="2.b.4"):
        Answer("2.b.5", PROPOSAL)


def test_final_answers_feed_the_score(lke: Lke) -> None:
    answers = [Answer("2.b.4", PROPOSAL).overridden("T"), Answer("2.b.6", override="Y"), Answer("2.b.7")]
    letters = final_answers(answers)
    assert letters == {"2.b.4": "T", "2.b.6": "Y", "2.b.7": None}
    assert score_sub(lke.sub("2.b"), letters).answered == 2
