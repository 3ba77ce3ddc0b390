"""A preset SOP made the unit's own: the seed's offices, kabupaten and register replaced by the unit's.

Rule: the seed SOPs were written by particular offices of Kabupaten Lumajang (Kecamatan Lumajang,
Kecamatan Sumbersuko, Dinas Kominfo) and some name yet another one (seed 002's Pencatatan: "dievaluasi
oleh Camat Senduro Kabupaten Lumajang"). An SOP is the unit's own, signed by its head (PermenPANRB
35/2012), so a unit that adopts a preset gets, from sheet Profil (``Identitas``):
- its own unit name where the preset names the seed's unit, its head's jabatan where it names the
  seed's head, its kabupaten where it names the seed's (``NamaAsal``, declared in each preset file);
- "Disahkan Oleh" = the unit's head (jabatan, nama, NIP) whenever the preset's signer is the seed's
  (or none): the seed's official is not this unit's;
- for a unit other than the seed's, no seed register: the seed's Nomor SOP and dates are emptied
  for the unit to fill its own;
- for a unit in another kabupaten, no regional regulation of the seed's kabupaten in the Dasar Hukum
  (Peraturan Daerah, Peraturan/Keputusan Bupati or Wali Kota): they bind Kabupaten Lumajang only. The
  national regulations stay as cited; nothing is invented in their place.
Every change is reported, so the SOP sheet can say what was changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from xlwings_app.domain.sop.model import Pengesah, Sop

REGIONAL = re.compile(r"\b(peraturan|keputusan)\s+(daerah|bupati|wali\s*kota|walikota|gubernur)\b", re.IGNORECASE)
"""A regional regulation in a Dasar Hukum item."""


@dataclass(frozen=True)
class NamaAsal:
    """What the seed's own offices wrote: their units, heads and kabupaten (``[nama_asal]`` of each
    preset file), and the seed document's register (Nomor SOP, dates, signer)."""

    unit: tuple[str, ...] = ()
    kepala: tuple[str, ...] = ()
    kabupaten: tuple[str, ...] = ()
    nomor: tuple[str, ...] = ()
    tanggal: tuple[date, ...] = ()
    pengesah: tuple[Pengesah, ...] = ()

    def __or__(self, other: NamaAsal) -> NamaAsal:
        def both(a: tuple[object, ...], b: tuple[object, ...]) -> tuple[object, ...]:
            return tuple(dict.fromkeys((*a, *b)))

        return NamaAsal(*(both(getattr(self, f), getattr(other, f)) for f in  # type: ignore[arg-type]
                          ("unit", "kepala", "kabupaten", "nomor", "tanggal", "pengesah")))  # fmt: skip

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.unit, *self.kepala, *self.kabupaten)


def nama_kabupaten(text: str) -> str:
    """ "Jember" -> "Kabupaten Jember"; a name already starting with Kabupaten or Kota is kept."""
    name = " ".join(text.split())
    if name and not name.casefold().startswith(("kabupaten", "kota", "kab.")):
        name = f"Kabupaten {name}"
    return name


@dataclass(frozen=True)
class Identitas:
    """The unit that adopts an SOP (sheet Profil): kabupaten, unit, and its head as he signs
    (``kepala``: jabatan with Plt./Plh., nama, NIP) and as his office is named (``jabatan``)."""

    kabupaten: str
    unit: str
    jabatan: str
    kepala: Pengesah

    @classmethod
    def of(cls, kabupaten: str, unit: str, jabatan: str, kepala: Pengesah) -> Identitas:
        """From sheet Profil's values as typed (spaces tidied, "Jember" read as Kabupaten Jember)."""
        return cls(nama_kabupaten(kabupaten), " ".join(unit.split()), " ".join(jabatan.split()), kepala)

    def own(self, name: str) -> bool:
        """``name`` is this unit's own (its unit, its head's jabatan, its kabupaten)."""
        key = name.casefold()
        return key in {self.unit.casefold(), self.jabatan.casefold(), self.kabupaten.casefold()}

    def other_office(self, asal: NamaAsal) -> bool:
        """This unit is not the seed's office (or lies in another kabupaten)."""
        return bool(self.unit) and (self.unit not in asal.unit or self.other_kabupaten(asal))

    def other_kabupaten(self, asal: NamaAsal) -> bool:
        return bool(self.kabupaten) and bool(asal.kabupaten) and self.kabupaten not in asal.kabupaten


def for_unit(sop: Sop, asal: NamaAsal, identitas: Identitas) -> tuple[Sop, tuple[str, ...]]:
    """``sop`` made the unit's own (rules above); and what was replaced or emptied."""
    pairs = [(old, identitas.unit) for old in asal.unit if identitas.unit and old != identitas.unit]
    pairs += [(old, identitas.jabatan) for old in asal.kepala if identitas.jabatan and old != identitas.jabatan]
    pairs += [(old, identitas.kabupaten) for old in asal.kabupaten if identitas.kabupaten and old != identitas.kabupaten]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)  # "Camat Senduro" before a shorter part of it
    used: dict[str, str] = {}

    def fix(text: str) -> str:
        for old, new in pairs:
            pattern = rf"(?<!\w){re.escape(old)}(?!\w)"
            if re.search(pattern, text):
                text = re.sub(pattern, new.replace("\\", "\\\\"), text)
                used[f"'{old}' diganti '{new}'"] = ""
        return text

    def fix_all(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(fix(t) for t in items)

    adapted = replace(
        sop,
        nama=fix(sop.nama),
        unit=fix_all(sop.unit),
        steps=tuple(
            replace(s, kegiatan=fix(s.kegiatan), kelengkapan=fix(s.kelengkapan), output=fix(s.output),
                    keterangan=fix(s.keterangan))
            for s in sop.steps
        ),
        kualifikasi_pelaksana=fix_all(sop.kualifikasi_pelaksana),
        keterkaitan=fix_all(sop.keterkaitan),
        peralatan=fix_all(sop.peralatan),
        peringatan=fix(sop.peringatan),
        pencatatan=fix_all(sop.pencatatan),
    )  # fmt: skip
    signer = sop.disahkan_oleh
    seed_signer = signer is None or not any((signer.jabatan, signer.nama, signer.nip)) or signer in asal.pengesah
    jabatan = signer.jabatan if signer is not None else ""
    if identitas.unit and (seed_signer or fix(jabatan) != jabatan) and signer != identitas.kepala:
        adapted = replace(adapted, disahkan_oleh=identitas.kepala)
        used[f"Disahkan Oleh: {_signer_text(identitas.kepala)} (sheet Profil)"] = ""
    if identitas.other_office(asal):
        if sop.nomor and sop.nomor in asal.nomor:
            used[f"Nomor SOP bawaan '{sop.nomor}' dikosongkan: isi nomor SOP unit Anda"] = ""
            adapted = replace(adapted, nomor="")
        emptied = _without_seed_dates(adapted, asal)
        if emptied != adapted:
            used["tanggal SOP bawaan dikosongkan: isi tanggal SOP unit Anda"] = ""
            adapted = emptied
    if identitas.other_kabupaten(asal):
        regional = [item for item in sop.dasar_hukum if REGIONAL.search(item)]
        if regional:
            adapted = replace(adapted, dasar_hukum=tuple(i for i in sop.dasar_hukum if i not in regional))
            used[f"{len(regional)} dasar hukum daerah {' / '.join(asal.kabupaten)} dihapus: tambahkan peraturan "
                 f"daerah {identitas.kabupaten}"] = ""
    return adapted, tuple(used)


def _without_seed_dates(sop: Sop, asal: NamaAsal) -> Sop:
    def keep(day: date | None) -> date | None:
        return None if day in asal.tanggal else day

    return replace(sop, tanggal_pembuatan=keep(sop.tanggal_pembuatan), tanggal_revisi=keep(sop.tanggal_revisi),
                   tanggal_efektif=keep(sop.tanggal_efektif))  # fmt: skip


def tanpa_register(sop: Sop, asal: NamaAsal) -> Sop:
    """``sop`` without the seed's register (its Nomor SOP, dates and signer): a workbook whose unit
    is not known yet (``kinerja baru``) gets no other office's number or official."""
    signer = sop.disahkan_oleh
    return replace(
        _without_seed_dates(sop, asal),
        nomor="" if sop.nomor in asal.nomor else sop.nomor,
        disahkan_oleh=None if signer in asal.pengesah else signer,
    )


def _signer_text(signer: Pengesah) -> str:
    return ", ".join(part for part in (signer.jabatan, signer.nama, signer.nip and f"NIP {signer.nip}") if part) or "-"


def catatan(unit: str, replaced: tuple[str, ...]) -> str:
    """The SOP sheet's note: "Disesuaikan dari SOP bawaan untuk Kecamatan X: 'A' diganti 'B'."."""
    return f"Disesuaikan dari SOP bawaan untuk {unit}: {'; '.join(replaced)}." if replaced else ""


def catatan_kosong(asal: NamaAsal) -> str:
    """The note for a workbook without a unit yet: which seed names to replace, and how."""
    names = [*asal.unit, *asal.kepala]
    said = f"SOP bawaan ini menyebut {', '.join(names)}. " if names else ""
    return (f"{said}Nomor, tanggal dan Disahkan Oleh SOP bawaan dikosongkan. Isi sheet Profil, lalu "
            "jalankan kinerja sop sesuaikan FILE: nama unit, kabupaten dan kepala unit Anda dipakai.")
