"""The SOP sheets against sheet Profil: ``periksa`` warns where they name another unit, and
``sesuaikan`` (``kinerja sop sesuaikan``) adapts them.

An SOP sheet adopted from a preset while Profil was still empty (``kinerja baru``), or copied from
another office, may name the seed's unit, head and kabupaten. ``identity_problems`` lists each such
place as a warning (``domain.sop.identitas``); ``sesuaikan`` rewrites, in every SOP sheet (or the one
``--sop`` names), only the cells that change (``domain.sop.adapt.for_unit`` from Profil: unit,
kabupaten, the head as signer; the seed's Nomor SOP and dates emptied; regional regulations of
another kabupaten removed from the Dasar Hukum), in one commit, and says what was changed in the
sheet's note (A3). Every other cell, style and row of the sheet stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xlwings_app.domain.problems import Problem, Refusal
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.sop.adapt import Identitas, catatan, for_unit
from xlwings_app.domain.sop.identitas import check_identity
from xlwings_app.domain.sop.model import Pengesah, Sop
from xlwings_app.domain.sop.presets import asal_semua, asal_untuk
from xlwings_app.domain.sop.sop_rows import DATE_FIELDS, LIST_FIELDS
from xlwings_app.services.master import Master, using
from xlwings_app.services.sop_master import MasterSource, every_sop, place_of
from xlwings_app.sheets.changes import SetCells
from xlwings_app.sheets.sop_layout import SopPlace
from xlwings_app.sheets.sop_sheet import SopCells, read_sop, sop_places

NOTE_CELL = "A3"
"""Where sheet SOP says how it was adapted (``adapters.openpyxl.sop_sheets.write_sop``)."""
_OWN_NOTES = ("SOP bawaan", "Disesuaikan")
_STEP_TEXT = (("kegiatan", "Kegiatan"), ("kelengkapan", "Kelengkapan"), ("output", "Output"),
              ("keterangan", "Keterangan"))  # fmt: skip


def identitas(profil: Profil) -> Identitas:
    """The unit of sheet Profil as an SOP names it (``domain.sop.adapt.Identitas``)."""
    head = profil.penandatangan
    return Identitas.of(profil.kabupaten, profil.unit, head.jabatan, Pengesah(head.jabatan_lengkap, head.nama, head.nip))


def identity_problems(master: Master) -> list[Problem]:
    """Warnings for every SOP sheet of ``master`` naming another unit or kabupaten than Profil."""
    profil = master.data().profil
    if profil is None or not profil.unit.strip():
        return []
    unit, asal = identitas(profil), asal_semua()
    found: list[Problem] = []
    for data in every_sop(master):
        if data.sop is not None:
            place = SopPlace(data.place_name)
            found += [p.in_file(master.name) for p in
                      check_identity(data.sop, unit, asal, sheet=place.sop, cells=data.identity_cells)]  # fmt: skip
    return found


class SesuaikanDitolak(Refusal):
    """The SOP sheets cannot be adapted: Profil does not name the unit yet."""


@dataclass
class Penyesuaian:
    """What ``sesuaikan`` changed: per SOP sheet, the changes said in its note; and every problem."""

    diubah: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    cadangan: Path | None = None

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)


def _identity_values(sop: Sop) -> dict[str, object]:
    signer = sop.disahkan_oleh
    values: dict[str, object] = {
        "nama": sop.nama, "nomor": sop.nomor, "peringatan": sop.peringatan,
        "disahkan_jabatan": signer.jabatan if signer else "", "disahkan_nama": signer.nama if signer else "",
        "disahkan_nip": signer.nip if signer else "",
    }  # fmt: skip
    values.update({key: "\n".join(getattr(sop, key)) for key in LIST_FIELDS})
    values.update({key: getattr(sop, key) for key in DATE_FIELDS})
    return values


def changed_cells(before: Sop, after: Sop, cells: SopCells) -> list[tuple[str, object]]:
    """The (address, value) of every identity or step cell whose text differs in ``after``."""
    found: list[tuple[str, object]] = []
    old, new = _identity_values(before), _identity_values(after)
    for key, value in new.items():
        cell = cells.identity.get(key)
        if value != old[key] and cell is not None and cell.sel:
            found.append((cell.sel, value if value not in ("", None) else None))
    rows = {row.baris: row for row in cells.steps}
    for step, adapted in zip(before.steps, after.steps, strict=True):
        row = rows.get(step.baris or 0)
        for attr, header in _STEP_TEXT:
            sel = row.get(header).sel if row is not None else None
            if getattr(adapted, attr) != getattr(step, attr) and sel:
                found.append((sel, getattr(adapted, attr) or None))
    return found


def sesuaikan(source: Path | Master, sop: str | None = None) -> Penyesuaian:
    """Adapt every SOP sheet of the workbook (or the one ``sop`` names) to sheet Profil, in one commit.

    Refused (``SesuaikanDitolak``) while Profil lacks its Kabupaten or Unit Kerja; an SOP sheet that
    cannot be read is reported and nothing is written.
    """
    result = Penyesuaian()
    with using(source) as master:
        profil = master.data().profil
        if profil is None or not profil.unit.strip() or not profil.kabupaten.strip():
            raise SesuaikanDitolak("SOP tidak disesuaikan: isi dulu Kabupaten dan Unit Kerja di sheet Profil "
                                   "(nama kepala unit di Penandatangan), lalu ulangi.")  # fmt: skip
        unit = identitas(profil)
        shared = MasterSource(master)
        places = [place_of(master, sop)] if sop else [place for place, _ in sop_places(shared)]
        if not places:
            raise SesuaikanDitolak(f"{master.name}: workbook belum memuat sheet SOP (tambahkan dengan kinerja sop "
                                   "mulai FILE --periode TW1 --sop PRESET).")  # fmt: skip
        writes: list[tuple[str, str, object]] = []
        for place in places:
            rows = shared.iter_values(place.sop)
            read, cells, problems = read_sop(enumerate(rows, start=1), place.sop)
            result.problems += [p.in_file(master.name) for p in problems if p.is_error]
            if read is None or cells is None or any(p.is_error for p in problems):
                continue
            adapted, replaced = for_unit(read, asal_untuk(read), unit)
            changes = changed_cells(read, adapted, cells)
            if not changes:
                continue
            writes += [(place.sop, address, value) for address, value in changes]
            note = rows[2][0] if len(rows) > 2 and rows[2] else None
            if note is None or str(note).startswith(_OWN_NOTES):
                writes.append((place.sop, NOTE_CELL, catatan(unit.unit, replaced).replace(
                    "Disesuaikan dari SOP bawaan untuk", "Disesuaikan dengan sheet Profil untuk")))
            result.diubah[place.sop] = replaced
        if not result.valid or not writes:
            return result
        master.stage(SetCells(writes))
        result.cadangan = master.commit()
    return result
