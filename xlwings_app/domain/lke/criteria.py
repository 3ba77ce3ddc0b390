"""The LKE of PermenPANRB 88/2021, read from ``permenpanrb_88_2021.toml`` beside this module.

The TOML states the source of each part in its header (weights, scales and bands: the regulation's
Lampiran; criterion texts: the regulation's LKE as transcribed by the implementations named there;
level explanations: named per criterion, or the scale's general meaning). ``parse_lke`` checks the
shape the scoring relies on and raises ``LkeDataError`` (a defect of the shipped data, never a user
error) when it is not met: four components whose weights add up to 100, each with three
sub-components pemenuhan/kualitas/implementasi taking 20/30/50 % of it, criteria numbered from 1
on a known scale, explanations for exactly the scale's letters, and kerangka logis rules that name
existing criteria and sub-components.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any

from xlwings_app.domain.lke.model import (
    Component,
    Criterion,
    Kind,
    Level,
    Lke,
    LogicRule,
    RuleKind,
    Scale,
    SubComponent,
)

DATA_FILE = "permenpanrb_88_2021.toml"
"""The file of the LKE of PermenPANRB 88/2021, packaged beside this module."""

_KINDS = (Kind.PEMENUHAN, Kind.KUALITAS, Kind.IMPLEMENTASI)
_SUB_LETTERS = ("a", "b", "c")


class LkeDataError(ValueError):
    """The LKE data file does not have the expected shape (a defect of the shipped data)."""


@cache
def permenpanrb_88_2021() -> Lke:
    """The LKE of PermenPANRB 88/2021 (4 components, 12 sub-components, 80 criteria), read once."""
    text = resources.files(__package__ or __name__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_lke(tomllib.loads(text), source=DATA_FILE)


def parse_lke(document: dict[str, Any], *, source: str) -> Lke:
    """The ``Lke`` of a parsed LKE document (the TOML's shape); LkeDataError naming ``source``."""
    general = _table(document, "penjelasan_umum", source)
    components = tuple(
        _component(raw, general, source) for raw in _list(document, "komponen", source)
    )
    total = sum((c.weight for c in components), Decimal(0))
    if total != 100:
        raise LkeDataError(f"{source}: bobot komponen berjumlah {total}, harus 100")
    lke = Lke(
        judul=_text(document, "judul", source),
        sumber=_text(document, "sumber", source),
        components=components,
        rules=(),
    )
    ids = [c.id for c in lke.criteria()]
    if len(set(ids)) != len(ids):
        raise LkeDataError(f"{source}: ada id kriteria yang dipakai dua kali")
    rules = tuple(
        rule for raw in document.get("kerangka_logis", []) for rule in _rules(raw, lke, source)
    )
    return Lke(lke.judul, lke.sumber, lke.components, rules)


def _component(raw: dict[str, Any], general: dict[str, Any], source: str) -> Component:
    component_id = _text(raw, "id", source)
    weight = _decimal(raw, "bobot", source)
    subs_raw = _list(raw, "sub", source)
    if len(subs_raw) != 3:
        raise LkeDataError(f"{source}: komponen {component_id} harus punya 3 sub-komponen")
    subs = tuple(
        _sub(sub, component_id, index, weight, general, source) for index, sub in enumerate(subs_raw)
    )
    return Component(component_id, _text(raw, "nama", source), weight, subs)


def _sub(
    raw: dict[str, Any], component_id: str, index: int, component_weight: Decimal,
    general: dict[str, Any], source: str,
) -> SubComponent:  # fmt: skip
    sub_id = _text(raw, "id", source)
    expected_id = f"{component_id}.{_SUB_LETTERS[index]}"
    try:
        kind = Kind(_text(raw, "jenis", source))
    except ValueError:
        raise LkeDataError(f"{source}: jenis sub-komponen {sub_id} tidak dikenal") from None
    if sub_id != expected_id or kind is not _KINDS[index]:
        raise LkeDataError(
            f"{source}: sub-komponen ke-{index + 1} komponen {component_id} harus {expected_id} "
            f"({_KINDS[index].value}), tertulis {sub_id} ({kind.value})"
        )
    criteria = tuple(
        _criterion(item, f"{sub_id}.{number}", general, source)
        for number, item in enumerate(_list(raw, "kriteria", source), start=1)
    )
    weight = component_weight * kind.share / 100
    return SubComponent(sub_id, kind, _text(raw, "nama", source), weight, criteria)


def _criterion(raw: dict[str, Any], expected_id: str, general: dict[str, Any], source: str) -> Criterion:
    criterion_id = _text(raw, "id", source)
    if criterion_id != expected_id:
        raise LkeDataError(f"{source}: kriteria {criterion_id} harus bernomor {expected_id}")
    try:
        scale = Scale(_text(raw, "skala", source))
    except ValueError:
        raise LkeDataError(f"{source}: skala kriteria {criterion_id} harus Y/T atau A-E") from None
    specific = raw.get("penjelasan")
    explanations = general if specific is None else specific
    if not isinstance(explanations, dict) or not set(scale.letters) <= set(explanations):
        raise LkeDataError(f"{source}: penjelasan kriteria {criterion_id} harus untuk {'/'.join(scale.letters)}")
    if specific is not None and set(specific) != set(scale.letters):
        raise LkeDataError(f"{source}: penjelasan kriteria {criterion_id} hanya untuk {'/'.join(scale.letters)}")
    sumber = "umum" if specific is None else _text(raw, "sumber_penjelasan", source)
    levels = tuple(
        Level(letter, scale.value_of(letter), str(explanations[letter])) for letter in scale.letters
    )
    return Criterion(
        criterion_id, _text(raw, "teks", source), scale, levels, sumber, str(raw.get("catatan", ""))
    )


def _rules(raw: dict[str, Any], lke: Lke, source: str) -> list[LogicRule]:
    try:
        kind = RuleKind(_text(raw, "jenis", source))
    except ValueError:
        raise LkeDataError(f"{source}: jenis kerangka logis harus 'nilai' atau 'rata-rata'") from None
    basis = _text(raw, "dasar", source)
    known = {c.id for c in lke.criteria()} if kind is RuleKind.NILAI else {s.id for s in lke.subs()}
    if basis not in known:
        raise LkeDataError(f"{source}: kerangka logis merujuk {basis} yang tidak ada")
    criteria_ids = {c.id for c in lke.criteria()}
    names = raw.get("kriteria")
    if not isinstance(names, list) or not names:
        raise LkeDataError(f"{source}: kerangka logis tanpa daftar kriteria")
    rules = []
    for name in names:
        if name not in criteria_ids or name == basis or str(name).startswith(basis + "."):
            raise LkeDataError(f"{source}: kerangka logis {name} terhadap {basis} tidak sah")
        rules.append(LogicRule(str(name), kind, basis, _text(raw, "sumber", source)))
    return rules


def _text(table: dict[str, Any], key: str, source: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LkeDataError(f"{source}: '{key}' harus teks yang terisi")
    return value.strip()


def _decimal(table: dict[str, Any], key: str, source: str) -> Decimal:
    try:
        return Decimal(_text(table, key, source))
    except InvalidOperation:
        raise LkeDataError(f"{source}: '{key}' harus angka") from None


def _list(table: dict[str, Any], key: str, source: str) -> list[dict[str, Any]]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise LkeDataError(f"{source}: '{key}' harus daftar tabel yang terisi")
    return value


def _table(table: dict[str, Any], key: str, source: str) -> dict[str, Any]:
    value = table.get(key)
    if not isinstance(value, dict):
        raise LkeDataError(f"{source}: '{key}' harus tabel")
    return value
