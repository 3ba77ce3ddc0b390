"""The LKE of PermenPANRB 88/2021 as values: components, sub-components, criteria and answer scales.

Rule (Lampiran PermenPANRB 88/2021, Lembar Kerja Evaluasi): four components with fixed weights
(Perencanaan Kinerja 30, Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas
Kinerja Internal 25); each has three sub-components taking 20, 30 and 50 % of the component's weight
(pemenuhan, kualitas, implementasi), so a sub-component's weight is component weight × share / 100
(30 × 20 / 100 = 6; 15 × 30 / 100 = 4,5). A criterion is answered on one of two scales: Y/T (Y = 1,
T = 0) or A–E (A = 1, B = 0,75, C = 0,5, D = 0,25, E = 0).

The criteria themselves are data (``domain.lke.criteria``); this module holds only their shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Scale(StrEnum):
    """An answer scale of the LKE: "Y/T" (two levels) or "A-E" (five levels)."""

    YT = "Y/T"
    AE = "A-E"

    @property
    def letters(self) -> tuple[str, ...]:
        """The answer letters, best first: ("Y", "T") or ("A", "B", "C", "D", "E")."""
        return tuple(SCALE_VALUES[self])

    def value_of(self, letter: str) -> Decimal:
        """The value of ``letter`` on this scale (Y = 1, T = 0; A = 1 … E = 0); KeyError if it has none."""
        return SCALE_VALUES[self][letter]


SCALE_VALUES: dict[Scale, dict[str, Decimal]] = {
    Scale.YT: {"Y": Decimal(1), "T": Decimal(0)},
    Scale.AE: {
        "A": Decimal(1),
        "B": Decimal("0.75"),
        "C": Decimal("0.5"),
        "D": Decimal("0.25"),
        "E": Decimal(0),
    },
}
"""The value of each answer letter (Lampiran PermenPANRB 88/2021; the same values in wp-eval-sakip's
LKE form, public/class-wp-eval-sakip-public-lke.php)."""


class Kind(StrEnum):
    """The three sub-components of every component, with their share of its weight (20/30/50 %)."""

    PEMENUHAN = "pemenuhan"
    KUALITAS = "kualitas"
    IMPLEMENTASI = "implementasi"

    @property
    def share(self) -> Decimal:
        """The percent of the component's weight: 20, 30 or 50."""
        return _SHARE[self]


_SHARE = {Kind.PEMENUHAN: Decimal(20), Kind.KUALITAS: Decimal(30), Kind.IMPLEMENTASI: Decimal(50)}


@dataclass(frozen=True)
class Level:
    """One answer level of a criterion: its letter, value and what it means for this criterion."""

    letter: str
    value: Decimal
    penjelasan: str


@dataclass(frozen=True)
class Criterion:
    """One criterion (kriteria): id "1.a.1", its text, scale and the meaning of each answer level.

    ``sumber_penjelasan`` names where the level explanations come from: "umum" when they are the
    scale's general meaning (no criterion-specific explanation was sourced), else a reference.
    """

    id: str
    teks: str
    scale: Scale
    levels: tuple[Level, ...]
    sumber_penjelasan: str = "umum"
    catatan: str = ""

    def value_of(self, letter: str) -> Decimal:
        """The value of ``letter`` on this criterion's scale; KeyError for a letter it does not take."""
        return self.scale.value_of(letter)


@dataclass(frozen=True)
class SubComponent:
    """A sub-component (sub-komponen): id "1.a", its kind, name, weight and criteria."""

    id: str
    kind: Kind
    nama: str
    weight: Decimal
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Component:
    """A component (komponen): id "1", name, weight and its three sub-components."""

    id: str
    nama: str
    weight: Decimal
    subs: tuple[SubComponent, ...]


class RuleKind(StrEnum):
    """How a kerangka logis rule compares a criterion (wp-eval-sakip's esakip_kontrol_kerangka_logis).

    NILAI: the criterion's value may not exceed the value of the criterion it rests on.
    RATA_RATA: the criterion's value may not exceed the mean of the sub-component it rests on.
    """

    NILAI = "nilai"
    RATA_RATA = "rata-rata"


@dataclass(frozen=True)
class LogicRule:
    """One kerangka logis rule: ``criterion`` may not score above ``basis`` (a criterion id for
    NILAI, a sub-component id for RATA_RATA). ``sumber`` names where the rule comes from."""

    criterion: str
    kind: RuleKind
    basis: str
    sumber: str


@dataclass(frozen=True)
class Lke:
    """A whole Lembar Kerja Evaluasi: its title, source, components and kerangka logis rules."""

    judul: str
    sumber: str
    components: tuple[Component, ...]
    rules: tuple[LogicRule, ...]

    def subs(self) -> Iterator[SubComponent]:
        """Every sub-component, in order."""
        for component in self.components:
            yield from component.subs

    def criteria(self) -> Iterator[Criterion]:
        """Every criterion, in order."""
        for sub in self.subs():
            yield from sub.criteria

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion ``criterion_id`` ("2.b.4"); KeyError if there is none."""
        for criterion in self.criteria():
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def sub(self, sub_id: str) -> SubComponent:
        """The sub-component ``sub_id`` ("2.b"); KeyError if there is none."""
        for sub in self.subs():
            if sub.id == sub_id:
                return sub
        raise KeyError(sub_id)
