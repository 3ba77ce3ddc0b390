"""Does the SOP sheet name this unit? Warnings where it names another unit or kabupaten than Profil.

Rule: an SOP is the unit's own document, signed by its head (PermenPANRB 35/2012), and the unit and
kabupaten it names are those of sheet Profil. A sheet adopted from a preset (or copied from another
office) may still name the seed's offices ("Kecamatan Lumajang", "Camat Senduro", "Kabupaten
Lumajang"), carry the seed's Nomor SOP, dates or signer, or list another unit or kabupaten in its
Unit Kerja. Each is a warning (``peringatan``) naming the cell, with the command that adapts the sheet
(``kinerja sop sesuaikan``); nothing is blocked: the office may keep a text on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.adapt import Identitas, NamaAsal, nama_kabupaten
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.sop_rows import IDENTITY

SARAN = "sesuaikan dengan: kinerja sop sesuaikan FILE"
_UNIT_WORDS = ("kecamatan", "kelurahan", "desa", "dinas", "badan", "inspektorat", "sekretariat", "satuan",
               "kantor", "rumah sakit", "unit pelaksana")  # fmt: skip
_KABUPATEN = re.compile(r"^(?:pemerintah\s+)?((?:kabupaten|kota|kab\.)\s+.+)$", re.IGNORECASE)
_STEP_FIELDS = (("kegiatan", "Kegiatan"), ("kelengkapan", "Kelengkapan"), ("output", "Output"),
                ("keterangan", "Keterangan"))  # fmt: skip


def mentions(text: str, name: str) -> bool:
    """``text`` names ``name`` as a whole (any case; "Camat Lumajang" is not in "Kecamatan Lumajang")."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def check_identity(
    sop: Sop,
    identitas: Identitas,
    asal: NamaAsal,
    *,
    sheet: str,
    cells: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every place the SOP of ``sheet`` names another unit or kabupaten than ``identitas`` (Profil).

    ``asal`` holds the names and register of every preset (``presets.asal_semua``); ``cells`` maps
    an identity field to its cell. Nothing to compare (Profil without a unit): no warning.
    """
    if not identitas.unit:
        return []
    labels = dict(IDENTITY)
    where = cells or {}
    found: list[Problem] = []

    def warn(pesan: str, key: str | None = None, baris: int | None = None, kolom: str | None = None,
             nilai: object = None) -> None:
        found.append(Problem(f"{pesan}; {SARAN}.", sheet, baris, kolom or (labels[key] if key else None),
                             where.get(key or ""), nilai, tingkat="peringatan"))  # fmt: skip

    foreign = [name for name in asal.names if not identitas.own(name)]

    def names_in(text: str) -> list[str]:
        hits = [name for name in foreign if mentions(text, name)]
        return [h for h in hits if not any(h != other and h in other for other in hits)]

    fields: list[tuple[str, str]] = [("nama", sop.nama), ("peringatan", sop.peringatan)]
    fields += [(key, "\n".join(getattr(sop, key))) for key in
               ("unit", "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "pencatatan")]  # fmt: skip
    if sop.disahkan_oleh is not None:
        fields.append(("disahkan_jabatan", sop.disahkan_oleh.jabatan))
    for key, text in fields:
        if hits := names_in(text):
            warn(f"menyebut {', '.join(hits)}, bukan {identitas.unit} ({identitas.kabupaten}) dari sheet Profil", key,
                 nilai=text)  # fmt: skip
    for step in sop.steps:
        for attr, kolom in _STEP_FIELDS:
            if hits := names_in(getattr(step, attr)):
                warn(f"Langkah {step.no}: menyebut {', '.join(hits)}, bukan {identitas.unit}", baris=step.baris,
                     kolom=kolom, nilai=getattr(step, attr))  # fmt: skip
    for line in sop.unit:
        if names_in(line):
            continue  # said above
        match = _KABUPATEN.match(line.strip())
        if match and identitas.kabupaten and not _same(nama_kabupaten(match.group(1)), identitas.kabupaten):
            warn(f"Unit Kerja menyebut {match.group(1)}, bukan {identitas.kabupaten} dari sheet Profil", "unit",
                 nilai=line)  # fmt: skip
        elif line.strip().casefold().startswith(_UNIT_WORDS) and not _same(line, identitas.unit):
            warn(f"Unit Kerja menyebut {line.strip()}, bukan {identitas.unit} dari sheet Profil", "unit", nilai=line)
    if identitas.other_office(asal):
        if sop.nomor and sop.nomor in asal.nomor:
            warn(f"Nomor SOP {sop.nomor} adalah nomor SOP bawaan ({', '.join(asal.kabupaten)}), bukan nomor "
                 f"SOP {identitas.unit}", "nomor", nilai=sop.nomor)  # fmt: skip
        signer = sop.disahkan_oleh
        if signer is not None and signer in asal.pengesah and signer != identitas.kepala:
            warn(f"Disahkan Oleh {signer.nama or signer.jabatan} adalah penandatangan SOP bawaan, bukan kepala "
                 f"{identitas.unit}", "disahkan_nama", nilai=signer.nama)  # fmt: skip
    return found
