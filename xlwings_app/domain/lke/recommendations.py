"""The register of recommendations (rekomendasi) and their follow-up (tindak lanjut).

Each recommendation comes from an evaluation report: the Inspektorat's or KemenPANRB's Laporan Hasil
Evaluasi (LHE) or the unit's own internal evaluation. It has an owner (the Pejabat who answers for
it), a deadline, the follow-up taken, its evidence and a status.

Status: the four categories of Peraturan BPK 2/2017 (Pasal 6 ayat (4) and Pasal 7) on monitoring the
follow-up of recommendations, used by APIP as well: the follow-up matches the recommendation (Sesuai), does not yet match it
(Belum sesuai), none yet (Belum ditindaklanjuti), cannot be followed up (Tidak dapat
ditindaklanjuti). e-sakip-bna keeps the same idea with belum/proses/selesai/ditolak.

Share followed up (Kinerja's reading, stated): Sesuai ÷ (all − Tidak dapat ditindaklanjuti) × 100,
rounded to 2 decimals; a partial follow-up (Belum sesuai) does not count, and a recommendation that
cannot be followed up leaves the denominator. The share answers criteria 4.c.1 and 4.c.2 on the
ladder of wp-eval-sakip's default LKE design for them: A > 90 %, B > 75–90 %, C > 40–75 %,
D > 10–40 %, E ≤ 10 % (so exactly 90 % is B).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.formatting import angka
from xlwings_app.domain.lke.proposal import Proposal
from xlwings_app.domain.problems import Problem


class Sumber(StrEnum):
    """Where a recommendation comes from."""

    LHE_INSPEKTORAT = "LHE Inspektorat"
    LHE_KEMENPANRB = "LHE KemenPANRB"
    EVALUASI_INTERNAL = "Evaluasi internal"


class Status(StrEnum):
    """The follow-up status of a recommendation (Peraturan BPK 2/2017's four categories)."""

    SESUAI = "Sesuai"
    BELUM_SESUAI = "Belum sesuai"
    BELUM = "Belum ditindaklanjuti"
    TIDAK_DAPAT = "Tidak dapat ditindaklanjuti"


@dataclass(frozen=True)
class Recommendation:
    """One row of the register: number, source, year of the LHE, the recommendation, its owner
    (Pejabat), deadline, the follow-up taken, its evidence and its status."""

    nomor: str
    sumber: Sumber
    tahun: int
    rekomendasi: str
    penanggung_jawab: str
    batas_waktu: date | None = None
    tindak_lanjut: str = ""
    bukti: str = ""
    status: Status = Status.BELUM

    def overdue(self, today: date) -> bool:
        """Past its deadline and still open (neither Sesuai nor Tidak dapat ditindaklanjuti)."""
        return (
            self.batas_waktu is not None
            and today > self.batas_waktu
            and self.status not in (Status.SESUAI, Status.TIDAK_DAPAT)
        )


@dataclass(frozen=True)
class FollowUpShare:
    """The count of each status and the share followed up (``None`` when nothing can be followed up)."""

    total: int
    sesuai: int
    belum_sesuai: int
    belum: int
    tidak_dapat: int
    percent: Decimal | None


def followed_up_share(register: Iterable[Recommendation]) -> FollowUpShare:
    """Sesuai ÷ (all − Tidak dapat ditindaklanjuti) × 100, ROUND 2 (module docstring)."""
    items = list(register)
    counts = {status: sum(1 for r in items if r.status is status) for status in Status}
    base = len(items) - counts[Status.TIDAK_DAPAT]
    percent = round_half_away(Decimal(counts[Status.SESUAI]) * 100 / base, 2) if base else None
    return FollowUpShare(
        len(items), counts[Status.SESUAI], counts[Status.BELUM_SESUAI], counts[Status.BELUM],
        counts[Status.TIDAK_DAPAT], percent,
    )  # fmt: skip


LADDER: tuple[tuple[Decimal, str], ...] = (
    (Decimal(90), "A"),
    (Decimal(75), "B"),
    (Decimal(40), "C"),
    (Decimal(10), "D"),
)
"""(exclusive lower bound, letter), best first; E at or below 10 % (wp-eval-sakip, criteria 4.c.1–4.c.5)."""


def answer_for_share(percent: Decimal | None) -> str | None:
    """The A–E answer for a percent followed up: A above 90, B above 75, C above 40, D above 10, else E;
    ``None`` without a percent (no recommendation to follow up: a person answers)."""
    if percent is None:
        return None
    for bound, letter in LADDER:
        if percent > bound:
            return letter
    return "E"


FOLLOW_UP_CRITERIA = ("4.c.1", "4.c.2")
"""The criteria the share followed up answers (``domain.lke.prefill.PREFILL``)."""


def propose_from_register(register: Sequence[Recommendation], criterion: str, source: str = "") -> Proposal | None:
    """A proposal for ``criterion`` (4.c.1 or 4.c.2) from the register's share followed up, with the
    figures in its reason; ``None`` when no recommendation can be followed up."""
    if criterion not in FOLLOW_UP_CRITERIA:
        raise ValueError(f"Kriteria {criterion} tidak dijawab dari register rekomendasi")
    share = followed_up_share(register)
    letter = answer_for_share(share.percent)
    if letter is None or share.percent is None:
        return None
    base = share.total - share.tidak_dapat
    reason = (
        f"{share.sesuai} dari {base} rekomendasi ({angka(share.percent, desimal=2)}%) telah ditindaklanjuti "
        f"sesuai rekomendasi; {share.belum_sesuai} belum sesuai, {share.belum} belum ditindaklanjuti"
        + (f", {share.tidak_dapat} tidak dapat ditindaklanjuti (tidak dihitung)" if share.tidak_dapat else "")
        + f". Jawaban {letter}: {_ladder_text(letter)}."
    )
    return Proposal(criterion, letter, reason, (), source or "Register rekomendasi")


def _ladder_text(letter: str) -> str:
    return {
        "A": "lebih dari 90% ditindaklanjuti",
        "B": "lebih dari 75% sampai 90% ditindaklanjuti",
        "C": "lebih dari 40% sampai 75% ditindaklanjuti",
        "D": "lebih dari 10% sampai 40% ditindaklanjuti",
        "E": "paling banyak 10% ditindaklanjuti",
    }[letter]


def register_problems(register: Sequence[Recommendation]) -> list[Problem]:
    """The register's problems, all at once, each naming the recommendation's number (the sheet layer
    fills the row): a number used twice, an empty recommendation or owner, a Sesuai without the
    follow-up taken (galat) or without evidence (peringatan)."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in register:
        label = f"Rekomendasi {item.nomor}" if item.nomor else "Rekomendasi tanpa nomor"
        if not item.nomor.strip():
            problems.append(Problem(f"{label}: isi nomornya.", kolom="Nomor"))
        elif item.nomor in seen:
            problems.append(Problem(f"{label}: nomor dipakai dua kali.", kolom="Nomor", nilai=item.nomor))
        seen.add(item.nomor)
        if not item.rekomendasi.strip():
            problems.append(Problem(f"{label}: isi bunyi rekomendasinya.", kolom="Rekomendasi"))
        if not item.penanggung_jawab.strip():
            problems.append(Problem(f"{label}: isi pejabat penanggung jawabnya.", kolom="Penanggung Jawab"))
        if item.status is Status.SESUAI and not item.tindak_lanjut.strip():
            problems.append(Problem(
                f"{label}: berstatus Sesuai tetapi tindak lanjutnya kosong; uraikan tindak lanjut yang dilakukan.",
                kolom="Tindak Lanjut",
            ))  # fmt: skip
        if item.status is Status.SESUAI and not item.bukti.strip():
            problems.append(Problem(
                f"{label}: berstatus Sesuai tanpa bukti dukung; sebutkan dokumen buktinya.",
                kolom="Bukti", tingkat="peringatan",
            ))  # fmt: skip
    return problems
