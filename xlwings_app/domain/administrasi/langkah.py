"""Which SOP step a paper answers, who holds a Pelaksana role, and the stamp a paper gives the log.

The step. As ``domain.sop.otomatis`` finds the step of a Kinerja action: a rule is a few phrases,
and the step is the first whose text holds every phrase (spaces folded, case ignored), so an edited
or renamed SOP keeps working as long as its step still says what it does. A rule reads the
Kegiatan, the Output or both (``Bidang``): seed 000's outputs say "Rencana Kinerja" while its
activities say "Pengukuran Kinerja", so a rule that tells the documents apart reads the Kegiatan.

The role. A step's Pelaksana is a column of the SOP ("Sekretaris", "Kasubbag Keuangan",
"Kasi/Kasubag"); an official of sheet Pejabat holds it when the jabatan begins with the role's
words ("Sekretaris" -> "Sekretaris Camat"), spelling variants folded (Kasubbag/Kasubag, Kasie/Kasi,
Kadis/Kepala Dinas); a role written "A/B" is held by either.

The stamp (PermenPANRB 35/2012: the log measures the time a step took against its Mutu Baku Waktu).
A paper stamps only the step whose Output it is, and only with the moments the paper itself
records (a letter's Tanggal Terima, a disposition's date, a pejabat's Tanggal Diterima, a Surat
Pengantar's Dikirim and Diterima), never the time Kinerja ran or printed it: Kinerja does not know
when a person began or ended unless the paper says so. A paper that records one moment of an act
(the letter received, the disposition written) gives Selesai only; the log then keeps the person's
own Mulai (``domain.sop.otomatis``: Selesai is written only into a row whose Mulai is there). A
moment may be a date alone, measured then by the working day (``domain.sop.log``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Literal

from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.sop.log import Moment, is_before
from xlwings_app.domain.sop.model import Sop, Step
from xlwings_app.domain.sop.otomatis import CATATAN_OTOMATIS

Bidang = Literal["kegiatan", "output", "semua"]

_ROLE_WORDS = {"kasubbag": "kasubag", "kasie": "kasi", "kadis": "kepala dinas", "kaban": "kepala badan",
               "sekcam": "sekretaris"}  # fmt: skip


def normal(text: str) -> str:
    """Spaces folded, case ignored: the form every phrase is compared in."""
    return " ".join(text.split()).casefold()


def teks_langkah(step: Step, bidang: Bidang = "semua") -> str:
    """The text a rule reads: the step's Kegiatan, its Output, or both."""
    if bidang == "kegiatan":
        return normal(step.kegiatan)
    if bidang == "output":
        return normal(step.output)
    return normal(f"{step.kegiatan} {step.output}")


def cari_langkah(sop: Sop, kata: Sequence[str], bidang: Bidang = "semua") -> Step | None:
    """The first step of ``sop`` whose text (``bidang``) holds every phrase of ``kata``, or None."""
    wanted = [normal(k) for k in kata]
    return next((s for s in sop.steps if all(k in teks_langkah(s, bidang) for k in wanted)), None)


def _role_words(text: str) -> str:
    words = re.sub(r"[^\w/ ]", " ", normal(text)).split()
    return " ".join(_ROLE_WORDS.get(w, w) for w in words)


def pejabat_peran(pejabat: Sequence[Pejabat], peran: str) -> tuple[Pejabat, ...]:
    """The officials (in the order of ``pejabat``) who hold the Pelaksana role ``peran``."""
    roles = [_role_words(r) for r in peran.split("/") if r.strip()]
    found: list[Pejabat] = []
    for p in pejabat:
        jabatan = _role_words(p.jabatan)
        if any(jabatan == r or jabatan.startswith(f"{r} ") for r in roles if r):
            found.append(p)
    return tuple(found)


def urutan(moment: Moment) -> datetime:
    """The sort key of a moment: a date alone sorts as the start of its day."""
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time.min)


def tampil(moment: Moment) -> str:
    """A moment in a message: "07-02-2024 10.35", or "07-02-2024" for a date alone."""
    return f"{moment:%d-%m-%Y %H.%M}" if isinstance(moment, datetime) else f"{moment:%d-%m-%Y}"


def sama_pejabat(a: Pejabat, b: Pejabat) -> bool:
    """The same official: same jabatan and name (spaces and case ignored)."""
    return normal(a.jabatan) == normal(b.jabatan) and normal(a.nama) == normal(b.nama)


@dataclass(frozen=True)
class Stempel:
    """What a paper stamps into the log: the step (of SOP ``sop``), Mulai and/or Selesai, and why.

    ``sumber`` names the paper ("Tanda Terima Rencana Kinerja Tahun 2025"); ``catatan`` is the
    log's Catatan, marked as Kinerja's own (``domain.sop.otomatis.CATATAN_OTOMATIS``).
    """

    sop: str
    langkah: Step
    mulai: Moment | None
    selesai: Moment | None
    sumber: str

    @property
    def catatan(self) -> str:
        return f"{CATATAN_OTOMATIS} ({self.sumber})"


def stempel(sop: Sop, step: Step | None, mulai: Moment | None, selesai: Moment | None, sumber: str) -> Stempel | None:
    """The stamp of ``step`` from a paper's own moments; None without a step or a moment.

    A Selesai before the Mulai is a contradiction of the paper (its checks report it): then only
    Mulai is stamped.
    """
    if step is None or (mulai is None and selesai is None):
        return None
    if mulai is not None and selesai is not None and is_before(selesai, mulai):
        selesai = None
    return Stempel(sop.nama, step, mulai, selesai, sumber)
