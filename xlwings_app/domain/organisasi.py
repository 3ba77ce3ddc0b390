"""Who answers to whom in the unit: each official's direct superior (atasan langsung).

PermenPANRB 53/2014 (Perjanjian Kinerja): a PK is signed by the official (pihak pertama) and the
official's direct superior (pihak kedua); the individual measurement (IKI) is acknowledged
("Mengetahui") by the same superior. Sheet Pejabat names the superior in its column Atasan; when
that cell is blank (or the workbook predates the column) the usual organisation of a kecamatan or
dinas (Permendagri 137/2017 for the kecamatan) decides:
- a Kasubag (Kepala Sub Bagian, Kasubbag) answers to the Sekretaris (the one official whose jabatan
  begins with "Sekretaris"), or to the head of the unit when sheet Pejabat has no Sekretaris;
- a Kasi, the Sekretaris, a Kabid and everyone else answers to the head of the unit (Profil's
  Penandatangan: Camat, Kepala Dinas, ...);
- the head of the unit answers to the head of the region (Bupati/Wali Kota): ``atasan_langsung``
  gives ``None`` and the caller names the Kepala Daerah.
A written Atasan is looked up in sheet Pejabat by jabatan (case and spacing ignored); the head's
jabatan, or a head's word alone ("Camat", "Kepala Dinas"), is the Profil's Penandatangan (who may
be Plt.); a jabatan found nowhere is printed as written with a dotted line for the name.
"""

from __future__ import annotations

from collections.abc import Iterable

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.sop.pelaksana import kata_jabatan

_HEAD_WORDS = frozenset({"camat", "lurah", "kadis", "kaban", "kadin", "inspektur"})
_HEAD_OF = frozenset({"dinas", "badan", "kantor", "satuan", "pelaksana", "kecamatan", "kelurahan", "inspektorat"})


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def is_head(profil: Profil, jabatan: str) -> bool:
    """``jabatan`` is the head of the unit: the Penandatangan's jabatan, or a head's word alone
    ("Camat", "Lurah", "Kepala Dinas X"; never "Kepala Seksi", "Kepala Bidang" or "Kepala Sub Bagian")."""
    if _same(jabatan, profil.penandatangan.jabatan):
        return True
    words = kata_jabatan(jabatan)
    if words[:1] == ["kepala"]:
        return len(words) == 1 or words[1] in _HEAD_OF
    return bool(words) and words[0] in _HEAD_WORDS


def _sekretaris(profil: Profil) -> Pejabat | None:
    found = [p for p in profil.pejabat if kata_jabatan(p.jabatan)[:1] == ["sekretaris"]]
    return found[0] if len(found) == 1 else None


def atasan_bawaan(profil: Profil, jabatan: str) -> str:
    """The superior's jabatan by the rule above when column Atasan is blank; "" for the head."""
    if is_head(profil, jabatan):
        return ""
    if kata_jabatan(jabatan)[:1] == ["kasubag"] and (sekretaris := _sekretaris(profil)) is not None:
        return sekretaris.jabatan
    return profil.penandatangan.jabatan


def atasan_langsung(profil: Profil, jabatan: str) -> Pejabat | None:
    """The direct superior of the official ``jabatan`` as printed in a signature block, or ``None``
    for the head of the unit (whose superior is the Kepala Daerah)."""
    known = profil.pejabat_untuk(jabatan)
    written = " ".join((known.atasan if known else "").split())
    wanted = written or atasan_bawaan(profil, jabatan)
    if not wanted:
        return None
    if is_head(profil, wanted):
        return profil.penandatangan
    return profil.pejabat_untuk(wanted) or Pejabat(wanted, "")


def atasan_problems(profil: Profil, sheet: str, cells: dict[str, str] | None = None) -> list[Problem]:
    """Column Atasan naming nobody (not in sheet Pejabat, not the head), or the official himself:
    a warning at its cell; the document prints the jabatan with a dotted line for the name."""
    cells = cells or {}
    problems = []
    for official in profil.pejabat:
        written = " ".join(official.atasan.split())
        if not written:
            continue
        if _same(written, official.jabatan):
            why = f"Atasan {official.jabatan} tidak boleh dirinya sendiri: kosongkan agar diisi menurut aturan."
        elif not is_head(profil, written) and profil.pejabat_untuk(written) is None:
            why = (f"Atasan '{written}' dari {official.jabatan} tidak ada di tabel Pejabat: Perjanjian Kinerja "
                   "dan dokumen IKI mencetak jabatan itu dengan nama dikosongkan.")
        else:
            continue
        problems.append(Problem(why, sheet, kolom="Atasan", sel=cells.get(official.jabatan), nilai=written,
                                tingkat="peringatan"))  # fmt: skip
    return problems


def tanpa_identitas(officials: Iterable[Pejabat], sheet: str, what: str) -> list[Problem]:
    """Each official printed in ``what`` lacking a Nama or NIP: a warning (the final document prints
    dotted lines for it to be written by hand; PermenPANRB 53/2014 signature blocks carry both)."""
    problems = []
    for official in officials:
        missing = [label for label, value in (("Nama", official.nama), ("NIP", official.nip)) if not value.strip()]
        if missing:
            problems.append(Problem(
                f"{official.jabatan} tanpa {' dan '.join(missing)} di sheet {sheet}: {what} mencetak titik-titik "
                "untuk ditulis tangan.", sheet, kolom=missing[0], nilai=official.jabatan, tingkat="peringatan",
            ))  # fmt: skip
    return problems
