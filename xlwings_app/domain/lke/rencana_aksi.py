"""The Rencana Aksi of an unmet indicator, followed to the next period.

An indicator whose capaian stays below 100 in a period gets a Rencana Aksi in that period's analysis
(seed SOPs: Pengukuran Kinerja sends an unmet target back for a rencana aksi before signing;
PermenPANRB 53/2014's LKjIP explains the causes and solutions of each unmet target). In the next
period two questions follow: was the Rencana Aksi carried out, and did the indicator move?

Rule: capaian of both periods rounded to 2 decimals first (as for the predikat); an indicator at or
above 100 needed no Rencana Aksi (``follow_rencana_aksi`` gives ``None``). The movement is Tercapai
(now ≥ 100), Membaik (up), Tetap (same), Menurun (down) or Belum diukur (no capaian yet).
The share carried out, done ÷ (unmet whose doing is known) × 100 rounded to 2 decimals, evidences
criterion 2.c.6 ("Pengukuran kinerja telah mempengaruhi penyesuaian Aktivitas"), whose ladder in
wp-eval-sakip is the share of activities that follow from the measurement
(``domain.lke.recommendations.answer_for_share`` gives the letter).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.formatting import persen
from xlwings_app.domain.problems import Problem

FULL = Decimal(100)


class Gerak(StrEnum):
    """How an unmet indicator moved by the next period."""

    TERCAPAI = "Tercapai"
    MEMBAIK = "Membaik"
    TETAP = "Tetap"
    MENURUN = "Menurun"
    BELUM_DIUKUR = "Belum diukur"


@dataclass(frozen=True)
class RencanaAksiFollowUp:
    """One unmet indicator: its Rencana Aksi in ``periode``, whether it was carried out (``None``:
    not recorded), its capaian then and in ``periode_berikut``, the movement and the change in points."""

    kode: str
    periode: str
    periode_berikut: str
    rencana_aksi: str
    dilaksanakan: bool | None
    capaian: Decimal
    capaian_berikut: Decimal | None
    gerak: Gerak
    selisih: Decimal | None


def follow_rencana_aksi(
    kode: str, periode: str, capaian: Decimal, rencana_aksi: str, dilaksanakan: bool | None,
    periode_berikut: str, capaian_berikut: Decimal | None,
) -> RencanaAksiFollowUp | None:  # fmt: skip
    """The follow-up of indicator ``kode``'s Rencana Aksi from ``periode`` (labels such as "TW II 2024")
    to ``periode_berikut``; ``None`` when the indicator was met (capaian ≥ 100 after rounding)."""
    before = round_half_away(capaian, 2)
    if before >= FULL:
        return None
    if capaian_berikut is None:
        return RencanaAksiFollowUp(
            kode, periode, periode_berikut, rencana_aksi.strip(), dilaksanakan, before, None, Gerak.BELUM_DIUKUR, None
        )
    after = round_half_away(capaian_berikut, 2)
    if after >= FULL:
        gerak = Gerak.TERCAPAI
    elif after > before:
        gerak = Gerak.MEMBAIK
    elif after == before:
        gerak = Gerak.TETAP
    else:
        gerak = Gerak.MENURUN
    return RencanaAksiFollowUp(
        kode, periode, periode_berikut, rencana_aksi.strip(), dilaksanakan, before, after, gerak, after - before
    )


def share_carried_out(items: Iterable[RencanaAksiFollowUp]) -> Decimal | None:
    """Carried out ÷ (unmet indicators whose carrying out is recorded) × 100, ROUND 2; ``None`` when
    none is recorded."""
    known = [item for item in items if item.dilaksanakan is not None]
    if not known:
        return None
    done = sum(1 for item in known if item.dilaksanakan)
    return round_half_away(Decimal(done) * 100 / len(known), 2)


def follow_up_problems(items: Iterable[RencanaAksiFollowUp]) -> list[Problem]:
    """Unmet indicators without a Rencana Aksi, or whose carrying out is not recorded (peringatan,
    each naming the indicator and period; the sheet layer fills the row)."""
    problems: list[Problem] = []
    for item in items:
        if not item.rencana_aksi:
            problems.append(Problem(
                f"Indikator {item.kode} tidak mencapai target pada {item.periode} "
                f"(capaian {persen(item.capaian)}%) tetapi tidak punya Rencana Aksi.",
                kolom="Rencana Aksi", nilai=item.kode, tingkat="peringatan",
            ))  # fmt: skip
        elif item.dilaksanakan is None:
            problems.append(Problem(
                f"Indikator {item.kode}: isi apakah Rencana Aksi {item.periode} dilaksanakan pada {item.periode_berikut}.",
                kolom="Dilaksanakan", nilai=item.kode, tingkat="peringatan",
            ))  # fmt: skip
    return problems
