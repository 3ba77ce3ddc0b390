"""The built-in SOP presets: the four seed SOPs of Kabupaten Lumajang, as TOML beside this module.

Each ``*.toml`` file holds one SOP document: its identity at the top and one ``[[sop]]`` table per
procedure (seed 002 has two, Pengukuran and Pengumpulan Data, under one identity). The files say in
comments how each seed was transcribed and what was inferred. Keys are the field names of ``Sop`` and
``Step``; a Step's ``pelaksana`` is a list of Pelaksana columns.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from xlwings_app.domain.sop.adapt import NamaAsal
from xlwings_app.domain.sop.model import Pengesah, Sop, Step

_TEXT_LISTS = ("unit", "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "pencatatan")
_DATES = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
_STEP_TEXT = ("kelengkapan", "waktu", "output", "keterangan")


class UnknownPreset(KeyError):
    """No built-in SOP has the asked id."""

    def __init__(self, preset_id: str) -> None:
        known = ", ".join(preset_ids())
        super().__init__(f'SOP bawaan "{preset_id}" tidak ada; pilih salah satu: {known}.')
        self.message: str = self.args[0]

    def __str__(self) -> str:
        return self.message


class PresetError(ValueError):
    """A preset file does not have the expected shape (a defect of the shipped data)."""


DEFAULT_PRESET = "pengukuran-lumajang"
"""The preset a new workbook gets unless the user picks another (``kinerja baru --sop``)."""


def preset(preset_id: str) -> Sop:
    """The built-in SOP ``preset_id`` (e.g. "pengukuran-lumajang"); UnknownPreset if there is none."""
    try:
        return _all()[preset_id]
    except KeyError:
        raise UnknownPreset(preset_id) from None


def preset_ids() -> tuple[str, ...]:
    """Ids of the built-in SOPs, in file order."""
    return tuple(_all())


def presets() -> dict[str, Sop]:
    """All built-in SOPs by id."""
    return dict(_all())


def nama_asal(preset_id: str) -> NamaAsal:
    """What the seed's own offices wrote (``[nama_asal]`` of its file: units, heads, kabupaten) and
    the seed document's register (Nomor SOP, dates, signer), replaced by a unit's own."""
    sop = preset(preset_id)  # UnknownPreset for an unknown id
    names = _asal().get(preset_id, NamaAsal())
    dates = tuple(d for d in (sop.tanggal_pembuatan, sop.tanggal_revisi, sop.tanggal_efektif) if d is not None)
    signer = (sop.disahkan_oleh,) if sop.disahkan_oleh is not None else ()
    return NamaAsal(names.unit, names.kepala, names.kabupaten, (sop.nomor,) if sop.nomor else (), dates, signer)


def asal_semua() -> NamaAsal:
    """Every preset's ``nama_asal`` together: what a sheet adopted from any preset may still name."""
    found = NamaAsal()
    for preset_id in preset_ids():
        found = found | nama_asal(preset_id)
    return found


def asal_untuk(sop: Sop) -> NamaAsal:
    """What a sheet's SOP may still carry from the preset it was adopted from: the ``nama_asal`` of
    the presets with its Nama SOP (any case), else of every preset (an SOP Kinerja does not know)."""
    key = " ".join(sop.nama.split()).casefold()
    found = NamaAsal()
    for preset_id, known in presets().items():
        if " ".join(known.nama.split()).casefold() == key:
            found = found | nama_asal(preset_id)
    return found if found.unit else asal_semua()


@cache
def _asal() -> Mapping[str, NamaAsal]:
    found: dict[str, NamaAsal] = {}
    for entry in resources.files(__name__).iterdir():
        if entry.name.endswith(".toml"):
            document = tomllib.loads(entry.read_text(encoding="utf-8"))
            table = document.get("nama_asal", {})
            names = NamaAsal(_texts(table, "unit", entry.name), _texts(table, "kepala", entry.name),
                             _texts(table, "kabupaten", entry.name))
            for sop in document.get("sop", []):
                found[_text(sop, "id", entry.name, required=True)] = names
    return MappingProxyType(found)  # kept: read-only


@cache
def _all() -> Mapping[str, Sop]:
    found: dict[str, Sop] = {}
    files = sorted(
        (f for f in resources.files(__name__).iterdir() if f.name.endswith(".toml")),
        key=lambda f: f.name,
    )
    for entry in files:
        document = tomllib.loads(entry.read_text(encoding="utf-8"))
        for sop_id, sop in load_document(document, source=entry.name):
            if sop_id in found:
                raise PresetError(f"{entry.name}: id {sop_id!r} dipakai dua kali")
            found[sop_id] = sop
    return MappingProxyType(found)  # kept: read-only


def load_document(document: dict[str, Any], *, source: str) -> list[tuple[str, Sop]]:
    """The (id, Sop) pairs of one parsed preset document; PresetError on a malformed one."""
    identity = {key: _texts(document, key, source) for key in _TEXT_LISTS}
    dates = {key: _date(document, key, source) for key in _DATES}
    signer = document.get("disahkan_oleh")
    pengesah = None
    if signer is not None:
        if not isinstance(signer, dict):
            raise PresetError(f"{source}: disahkan_oleh harus tabel")
        pengesah = Pengesah(*(_text(signer, key, source) for key in ("jabatan", "nama", "nip")))
    result: list[tuple[str, Sop]] = []
    for table in document.get("sop", []):
        steps = tuple(_step(raw, source) for raw in table.get("langkah", []))
        sop = Sop(
            nama=_text(table, "nama", source, required=True),
            unit=identity["unit"],
            pelaksana=_texts(table, "pelaksana", source),
            steps=steps,
            nomor=_text(document, "nomor", source),
            tanggal_pembuatan=dates["tanggal_pembuatan"],
            tanggal_revisi=dates["tanggal_revisi"],
            tanggal_efektif=dates["tanggal_efektif"],
            disahkan_oleh=pengesah,
            dasar_hukum=identity["dasar_hukum"],
            kualifikasi_pelaksana=identity["kualifikasi_pelaksana"],
            keterkaitan=identity["keterkaitan"],
            peralatan=identity["peralatan"],
            peringatan=_text(document, "peringatan", source),
            pencatatan=identity["pencatatan"],
        )
        result.append((_text(table, "id", source, required=True), sop))
    return result


def _step(raw: dict[str, Any], source: str) -> Step:
    no, returns_to = raw.get("no"), raw.get("returns_to")
    if not isinstance(no, int) or (returns_to is not None and not isinstance(returns_to, int)):
        raise PresetError(f"{source}: langkah {no!r}: no dan returns_to harus bilangan bulat")
    texts = {key: _text(raw, key, source) for key in _STEP_TEXT}
    return Step(
        no=no,
        kegiatan=_text(raw, "kegiatan", source, required=True),
        pelaksana=_texts(raw, "pelaksana", source),
        kelengkapan=texts["kelengkapan"],
        waktu=texts["waktu"],
        output=texts["output"],
        keterangan=texts["keterangan"],
        is_decision=bool(raw.get("is_decision", False)),
        returns_to=returns_to,
    )


def _text(table: dict[str, Any], key: str, source: str, *, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value):
        raise PresetError(f"{source}: {key} harus teks")
    return value


def _texts(table: dict[str, Any], key: str, source: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise PresetError(f"{source}: {key} harus daftar teks")
    return tuple(value)


def _date(table: dict[str, Any], key: str, source: str) -> date | None:
    value = table.get(key)
    if value is not None and not isinstance(value, date):
        raise PresetError(f"{source}: {key} harus tanggal")
    return value
