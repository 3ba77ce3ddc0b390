"""Who performs a step: the official of sheet Pejabat who holds the step's role.

An SOP names roles in its Pelaksana columns (Camat, Sekretaris, Kasubbag Keuangan, Tim SAKIP, Staf);
the step log names the person who did the step (PermenPANRB 35/2012: the Pelaksana of an SOP are
roles, the records name people). Sheet Pejabat names the unit's officials by jabatan. A role is held
by:
- the head of the unit (Profil's Penandatangan) for Camat, Lurah, Kepala (Dinas, Badan, ...), Kadis,
  Kaban;
- the Pengelola Kinerja of Profil for Tim SAKIP (its ketua, as the Laporan Hasil Pengumpulan has it);
- otherwise the one official whose jabatan begins with the role's words, or holds them all, with
  the usual spellings made one (Kasubbag = Kasubag = Kepala Sub Bagian, Kasie = Kasi = Kepala Seksi,
  Staff = Staf, Sekcam = Sekretaris Camat); none or several such officials: nobody.
Staf are nobody: staff are not in sheet Pejabat. A step's Pelaksana is the official of its first
role (in the SOP's column order) that has one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from xlwings_app.domain.sop.model import Step


class Pejabat(Protocol):
    """An official as sheet Pejabat names him (``domain.profil.Pejabat`` has this shape)."""

    @property
    def jabatan(self) -> str: ...
    @property
    def nama(self) -> str: ...


class Unit(Protocol):
    """The unit's officials (``domain.profil.Profil`` has this shape): its head, its Pengelola
    Kinerja and sheet Pejabat."""

    @property
    def penandatangan(self) -> Pejabat: ...
    @property
    def pengelola(self) -> Pejabat: ...
    @property
    def pejabat(self) -> Sequence[Pejabat]: ...

_HEADS = frozenset({"camat", "lurah", "kadis", "kaban", "kepala", "kadin"})
_SPELLINGS = (
    (r"\bkepala sub ?bagian\b", "kasubag"),
    (r"\bkepala seksi\b", "kasi"),
    (r"\bkasubbag\b", "kasubag"),
    (r"\bkasie\b", "kasi"),
    (r"\bstaff\b", "staf"),
    (r"\bsekcam\b", "sekretaris camat"),
)


def kata_jabatan(text: str) -> list[str]:
    """A jabatan as words, its usual spellings made one ("Kepala Sub Bagian Umum" -> kasubag umum)."""
    words = " ".join(re.split(r"[^0-9a-z]+", text.casefold())).strip()
    for pattern, same in _SPELLINGS:
        words = re.sub(pattern, same, words)
    return words.split()


def pemegang_peran(role: str, profil: Unit) -> Pejabat | None:
    """The official who holds ``role`` in the unit of ``profil`` (rules above), or None."""
    words = kata_jabatan(role)
    if not words or words[0] == "staf":
        return None
    if "sakip" in words:
        return profil.pengelola if profil.pengelola.nama.strip() else None
    if words[0] in _HEADS:
        return profil.penandatangan if profil.penandatangan.nama.strip() else None
    fits = [
        p for p in profil.pejabat
        if p.nama.strip() and (kata_jabatan(p.jabatan)[: len(words)] == words or set(words) <= set(kata_jabatan(p.jabatan)))
    ]  # fmt: skip
    return fits[0] if len(fits) == 1 else None


def pejabat_langkah(step: Step, profil: Unit) -> str:
    """The name of the official who performs ``step`` (its first role held by one), or ""."""
    for role in step.pelaksana:
        official = pemegang_peran(role, profil)
        if official is not None:
            return official.nama
    return ""
