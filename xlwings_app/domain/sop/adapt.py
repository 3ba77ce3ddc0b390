"""A preset SOP made the unit's own: the seed's office names replaced by the workbook's.

Rule: the seed SOPs were written by particular offices (Kecamatan Lumajang, Kecamatan Sumbersuko,
Dinas Kominfo) and some name yet another one (seed 002's Pencatatan: "dievaluasi oleh Camat
Senduro"). A unit that adopts a preset gets its own unit name where the preset names the seed's
unit, and its head's jabatan where the preset names the seed's head (``NamaAsal``, declared in each
preset file). The legal basis (Dasar Hukum) is never changed: it cites regulations by their title.
"Disahkan Oleh" becomes the unit's signer (jabatan, nama, NIP) whenever the unit is not the seed's,
since the seed's official is not this unit's. Every replacement is reported, so the SOP sheet can say what was changed
(PermenPANRB 35/2012: the SOP is the unit's, signed by its head).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from xlwings_app.domain.sop.model import Pengesah, Sop


@dataclass(frozen=True)
class NamaAsal:
    """The names of the seed's offices: its unit(s) and its head(s)."""

    unit: tuple[str, ...] = ()
    kepala: tuple[str, ...] = ()


def for_unit(
    sop: Sop, asal: NamaAsal, unit: str, kepala: str, pengesah: Pengesah | None = None
) -> tuple[Sop, tuple[str, ...]]:
    """``sop`` with the seed's names replaced by ``unit`` / ``kepala``; and what was replaced."""
    pairs = [(old, unit) for old in asal.unit if unit.strip() and old != unit]
    pairs += [(old, kepala) for old in asal.kepala if kepala.strip() and old != kepala]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)  # "Camat Lumajang" before "Lumajang"-like parts
    used: dict[str, str] = {}

    def fix(text: str) -> str:
        for old, new in pairs:
            if old in text:
                text = text.replace(old, new)
                used[old] = new
        return text

    def fix_all(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(fix(t) for t in items)

    steps = tuple(
        replace(s, kegiatan=fix(s.kegiatan), kelengkapan=fix(s.kelengkapan), output=fix(s.output),
                keterangan=fix(s.keterangan))
        for s in sop.steps
    )  # fmt: skip
    signer = sop.disahkan_oleh
    other_office = any(old != unit for old in asal.unit) and bool(unit.strip())
    if signer is not None and (other_office or fix(signer.jabatan) != signer.jabatan):
        if signer != pengesah:
            used[signer.jabatan] = (pengesah or Pengesah(kepala, "")).jabatan
        signer = pengesah or Pengesah(kepala, "", "")
    adapted = replace(
        sop,
        nama=fix(sop.nama),
        unit=fix_all(sop.unit),
        steps=steps,
        disahkan_oleh=signer,
        kualifikasi_pelaksana=fix_all(sop.kualifikasi_pelaksana),
        keterkaitan=fix_all(sop.keterkaitan),
        peralatan=fix_all(sop.peralatan),
        peringatan=fix(sop.peringatan),
        pencatatan=fix_all(sop.pencatatan),
    )
    return adapted, tuple(f"'{old}' diganti '{new}'" for old, new in used.items())


def catatan(unit: str, replaced: tuple[str, ...]) -> str:
    """The SOP sheet's note: "Disesuaikan dari SOP bawaan untuk Kecamatan X: 'A' diganti 'B'."."""
    return f"Disesuaikan dari SOP bawaan untuk {unit}: {'; '.join(replaced)}." if replaced else ""


def catatan_kosong(asal: NamaAsal) -> str:
    """The note for a workbook without a unit yet: which seed names to replace by hand."""
    names = [*asal.unit, *asal.kepala]
    if not names:
        return ""
    return (f"SOP bawaan ini menyebut {', '.join(names)}: ganti dengan nama unit dan kepala unit Anda "
            "(isi juga sheet Profil).")
