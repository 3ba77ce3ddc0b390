"""The register of recommendations: the share followed up, its answer for 4.c.1/4.c.2, and its checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from xlwings_app.domain.lke.recommendations import (
    Recommendation,
    Status,
    Sumber,
    answer_for_share,
    followed_up_share,
    propose_from_register,
    register_problems,
)


def rec(nomor: str, status: Status, **fields: object) -> Recommendation:
    values: dict[str, object] = {
        "sumber": Sumber.LHE_INSPEKTORAT, "tahun": 2023, "rekomendasi": "Menyusun Rencana Aksi per triwulan",
        "penanggung_jawab": "Sekretaris Kecamatan", "tindak_lanjut": "Rencana Aksi 2024 ditetapkan",
        "bukti": "Rencana Aksi 2024.pdf",
    } | fields  # fmt: skip
    return Recommendation(nomor, status=status, **values)  # type: ignore[arg-type]  # values typed as object


def register(sesuai: int, belum_sesuai: int = 0, belum: int = 0, tidak_dapat: int = 0) -> list[Recommendation]:
    statuses = (
        [Status.SESUAI] * sesuai + [Status.BELUM_SESUAI] * belum_sesuai + [Status.BELUM] * belum
        + [Status.TIDAK_DAPAT] * tidak_dapat
    )  # fmt: skip
    return [rec(str(n), status) for n, status in enumerate(statuses, start=1)]


def test_share_counts_only_sesuai_and_leaves_out_what_cannot_be_followed_up() -> None:
    share = followed_up_share(register(sesuai=11, belum_sesuai=1, belum=1, tidak_dapat=2))
    assert (share.total, share.sesuai, share.belum_sesuai, share.belum, share.tidak_dapat) == (15, 11, 1, 1, 2)
    assert share.percent == Decimal("84.62")  # 11 / 13


def test_no_share_without_a_recommendation_to_follow_up() -> None:
    assert followed_up_share([]).percent is None
    assert followed_up_share(register(0, tidak_dapat=3)).percent is None
    assert answer_for_share(None) is None


@pytest.mark.parametrize(
    ("percent", "letter"),
    [("100", "A"), ("90.01", "A"), ("90", "B"), ("75.01", "B"), ("75", "C"), ("40.01", "C"), ("40", "D"),
     ("10.01", "D"), ("10", "E"), ("0", "E")],
)  # fmt: skip
def test_the_ladder_of_criterion_4c1(percent: str, letter: str) -> None:
    assert answer_for_share(Decimal(percent)) == letter


def test_more_than_90_percent_followed_up_proposes_a_with_the_figures() -> None:
    proposal = propose_from_register(register(sesuai=12, belum=1), "4.c.1", "lke-2024.xlsx, sheet Rekomendasi")
    assert proposal is not None
    assert (proposal.criterion, proposal.answer, proposal.source) == ("4.c.1", "A", "lke-2024.xlsx, sheet Rekomendasi")
    assert proposal.reason == (
        "12 dari 13 rekomendasi (92,31%) telah ditindaklanjuti sesuai rekomendasi; 0 belum sesuai, "
        "1 belum ditindaklanjuti. Jawaban A: lebih dari 90% ditindaklanjuti."
    )


def test_exactly_90_percent_is_b() -> None:
    proposal = propose_from_register(register(sesuai=9, belum_sesuai=1, tidak_dapat=1), "4.c.2")
    assert proposal is not None and proposal.answer == "B"
    assert "1 tidak dapat ditindaklanjuti (tidak dihitung)" in proposal.reason
    assert proposal.source == "Register rekomendasi"
    assert propose_from_register([], "4.c.2") is None
    with pytest.raises(ValueError, match="4.b.1"):
        propose_from_register(register(1), "4.b.1")


def test_overdue_means_past_the_deadline_and_still_open() -> None:
    deadline = date(2024, 6, 30)
    assert rec("1", Status.BELUM, batas_waktu=deadline).overdue(date(2024, 7, 1))
    assert rec("1", Status.BELUM_SESUAI, batas_waktu=deadline).overdue(date(2024, 7, 1))
    assert not rec("1", Status.BELUM, batas_waktu=deadline).overdue(date(2024, 6, 30))
    assert not rec("1", Status.SESUAI, batas_waktu=deadline).overdue(date(2024, 7, 1))
    assert not rec("1", Status.TIDAK_DAPAT, batas_waktu=deadline).overdue(date(2024, 7, 1))
    assert not rec("1", Status.BELUM).overdue(date(2030, 1, 1))


def test_register_problems_all_at_once() -> None:
    problems = register_problems([
        rec("1", Status.SESUAI),
        rec("1", Status.BELUM),
        rec("", Status.BELUM, rekomendasi=" ", penanggung_jawab=""),
        rec("4", Status.SESUAI, tindak_lanjut="", bukti=""),
    ])  # fmt: skip
    assert [(p.pesan, p.tingkat) for p in problems] == [
        ("Rekomendasi 1: nomor dipakai dua kali.", "galat"),
        ("Rekomendasi tanpa nomor: isi nomornya.", "galat"),
        ("Rekomendasi tanpa nomor: isi bunyi rekomendasinya.", "galat"),
        ("Rekomendasi tanpa nomor: isi pejabat penanggung jawabnya.", "galat"),
        ("Rekomendasi 4: berstatus Sesuai tetapi tindak lanjutnya kosong; uraikan tindak lanjut yang dilakukan.",
         "galat"),
        ("Rekomendasi 4: berstatus Sesuai tanpa bukti dukung; sebutkan dokumen buktinya.", "peringatan"),
    ]  # fmt: skip
