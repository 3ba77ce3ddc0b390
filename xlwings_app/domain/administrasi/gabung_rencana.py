"""Merging the returned planning forms into the master: what changes, and the Riwayat rows.

The same all-or-nothing rules as the realisasi rekap (``forms.consolidate``): the forms are checked
first (``periksa_rencana.periksa_formulir_rencana``); one galat anywhere and nothing changes (no
target, no new indicator, no Riwayat row); otherwise every proposed value that differs from the
master is one change (old -> new, with the form cell it came from), which the service writes
into the master and appends to sheet Riwayat, as the rekap does. A blank proposal changes nothing.

What a form changes in an indicator of the master: Target Tahunan and Target TW I-IV (the values
``kinerja rencana`` and ``kinerja perjanjian`` print). A new indicator is added with the form's
official as Penanggung Jawab, its identity from the form, and one change per filled field (old
blank). The Rencana Aksi of each indicator (what the official will do, PermenPANRB 53/2014: the
PK's Rencana Aksi lampiran) is returned apart (``HasilGabung.rencana_aksi``): the master has no
column for it yet, and the Rencana Aksi column it has holds the analysis of an unmet target.
Officials who answer for indicators but returned no form are named (a notice): the merge can run
again when their form arrives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from xlwings_app.domain.administrasi.langkah import normal
from xlwings_app.domain.administrasi.periksa_rencana import (
    LABELS,
    FormulirRencanaKembali,
    Usulan,
    periksa_formulir_rencana,
    usulan,
)
from xlwings_app.domain.indicator import Indicator
from xlwings_app.domain.planning import TW_KEYS
from xlwings_app.domain.problems import Problem, errors

Nilai = Decimal | str


@dataclass(frozen=True)
class PerubahanRencana:
    """One master cell the merge changes: indicator ``kode``, column ``key``, old -> new, and the
    form cell it came from. A Riwayat row (``sheets.riwayat.Entry``) once the master cell is known."""

    kode: str
    key: str
    kolom: str
    lama: Nilai | None
    baru: Nilai
    file: str
    sheet: str
    sel: str


@dataclass(frozen=True)
class HasilGabung:
    """The merge: every problem, and (only when there is no galat) the changes and the result."""

    problems: tuple[Problem, ...]
    perubahan: tuple[PerubahanRencana, ...]
    indikator: tuple[Indicator, ...]
    """The master's indicators after the merge, new ones last; unchanged when anything blocks."""
    baru: tuple[str, ...]
    """Kode of the indicators added."""
    rencana_aksi: Mapping[str, str]
    """Kode -> the Rencana Aksi its official proposed (kept apart, see the module docstring)."""
    tanpa_formulir: tuple[str, ...]

    @property
    def diterapkan(self) -> bool:
        """No galat: the changes may be written."""
        return not errors(self.problems)


def gabung_rencana(
    forms: Sequence[FormulirRencanaKembali], indicators: Sequence[Indicator], unit: str, tahun: int
) -> HasilGabung:
    """Check ``forms`` against the master's ``indicators`` and merge them (rules above). Pure."""
    problems = periksa_formulir_rencana(forms, indicators, unit, tahun)
    missing = _without_form(forms, indicators)
    if missing:
        problems.append(Problem(f"Formulir rencana belum masuk dari: {', '.join(missing)}. Penggabungan tetap "
                                "dijalankan untuk formulir yang ada; ulangi bila formulir itu datang.",
                                tingkat="catatan"))  # fmt: skip
    if errors(problems):
        return HasilGabung(tuple(problems), (), tuple(indicators), (), {}, missing)
    rows = usulan(forms, indicators)
    changed: dict[str, Indicator] = {}
    added: list[Indicator] = []
    changes: list[PerubahanRencana] = []
    plans: dict[str, str] = {}
    for item in rows:
        if item.baris.rencana_aksi.strip():
            plans[item.kode] = " ".join(item.baris.rencana_aksi.split())
        if item.master is None:
            new = _new_indicator(item)
            added.append(new)
            changes += _changes(item, {}, _fields(new))
        else:
            old = item.master
            merged = replace(old, target_tahunan=item.target_tahunan, target_tw=item.target_tw)
            before = {"target_tahunan": old.target_tahunan, **dict(zip(TW_KEYS, old.target_tw, strict=True))}
            found = _changes(item, before, _targets(merged))
            if found:
                changed[old.kode.casefold()] = merged
                changes += found
    result = tuple(changed.get(i.kode.casefold(), i) for i in indicators) + tuple(added)
    return HasilGabung(tuple(problems), tuple(changes), result, tuple(i.kode for i in added), plans, missing)


def _without_form(forms: Sequence[FormulirRencanaKembali], indicators: Sequence[Indicator]) -> tuple[str, ...]:
    sent = {normal(f.penanggung_jawab) for f in forms}
    names: dict[str, str] = {}
    for ind in indicators:
        if ind.penanggung_jawab.strip() and normal(ind.penanggung_jawab) not in sent:
            names.setdefault(normal(ind.penanggung_jawab), ind.penanggung_jawab)
    return tuple(names.values())


def _new_indicator(item: Usulan) -> Indicator:
    row = item.baris
    assert row.polaritas is not None and row.agregasi is not None  # periksa_formulir_rencana requires them
    return Indicator(
        kode=row.kode.strip(), jenis=item.jenis, sasaran=row.sasaran.strip(), nama=" ".join(row.nama.split()),
        satuan=row.satuan.strip(), polaritas=row.polaritas, agregasi=row.agregasi,
        target_tahunan=row.target_tahunan, target_tw=row.target_tw,
        penanggung_jawab=item.formulir.penanggung_jawab, induk=row.induk.strip() or None,
    )  # fmt: skip


def _targets(indicator: Indicator) -> dict[str, Nilai | None]:
    return {"target_tahunan": indicator.target_tahunan, **dict(zip(TW_KEYS, indicator.target_tw, strict=True))}


def _fields(indicator: Indicator) -> dict[str, Nilai | None]:
    texts: dict[str, Nilai | None] = {
        "kode": indicator.kode, "jenis": indicator.jenis.value, "induk": indicator.induk or None,
        "sasaran": indicator.sasaran, "nama": indicator.nama, "satuan": indicator.satuan,
        "polaritas": indicator.polaritas.value, "agregasi": indicator.agregasi.value,
    }  # fmt: skip
    return {**texts, **_targets(indicator)}


def _changes(item: Usulan, before: Mapping[str, Nilai | None], after: Mapping[str, Nilai | None]) -> list[PerubahanRencana]:
    form, row = item.formulir, item.baris
    found = []
    for key, new in after.items():
        old = before.get(key)
        if new is None or new == old:
            continue
        found.append(PerubahanRencana(item.kode, key, LABELS[key], old, new, form.file, form.sheet,
                                      row.cells.get(key, "")))  # fmt: skip
    return found

