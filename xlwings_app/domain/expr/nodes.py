"""The rule language's trees: one node class per operation, and what is read from a tree.

Operators build trees (``Ref("r") / Ref("t") * 100``); ``lift`` turns a Python literal into a node.
Nodes are frozen and compared by identity (``eq=False``): two trees written alike are two rules.
What a node means is ``interpreter.interpret``'s; ``excel.to_excel`` writes it as a formula.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import TypeAlias


class Expr:
    """Base of all nodes; operators build trees: ``R / T * 100``."""

    def __add__(self, other: ExprLike) -> Expr:
        return Bin("+", self, lift(other))

    def __radd__(self, other: ExprLike) -> Expr:
        return Bin("+", lift(other), self)

    def __sub__(self, other: ExprLike) -> Expr:
        return Bin("-", self, lift(other))

    def __rsub__(self, other: ExprLike) -> Expr:
        return Bin("-", lift(other), self)

    def __mul__(self, other: ExprLike) -> Expr:
        return Bin("*", self, lift(other))

    def __rmul__(self, other: ExprLike) -> Expr:
        return Bin("*", lift(other), self)

    def __truediv__(self, other: ExprLike) -> Expr:
        return Bin("/", self, lift(other))

    def __rtruediv__(self, other: ExprLike) -> Expr:
        return Bin("/", lift(other), self)

    def eq(self, other: ExprLike) -> Expr:
        return Cmp("=", self, lift(other))

    def lt(self, other: ExprLike) -> Expr:
        return Cmp("<", self, lift(other))

    def gt(self, other: ExprLike) -> Expr:
        return Cmp(">", self, lift(other))


ExprLike: TypeAlias = Expr | int | str | Decimal


def lift(value: ExprLike) -> Expr:
    """Turn a Python literal into a node."""
    if isinstance(value, Expr):
        return value
    if isinstance(value, str):
        return Str(value)
    return Num(Decimal(value))


@dataclass(frozen=True, eq=False)
class Num(Expr):
    value: Decimal


@dataclass(frozen=True, eq=False)
class Str(Expr):
    value: str


@dataclass(frozen=True, eq=False)
class Ref(Expr):
    """A named input: a cell of the row, a defined name, or an environment value."""

    name: str


@dataclass(frozen=True, eq=False)
class Blank(Expr):
    """The empty result (Excel ``""``)."""


@dataclass(frozen=True, eq=False)
class Bin(Expr):
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, eq=False)
class Cmp(Expr):
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, eq=False)
class If(Expr):
    cond: Expr
    then: Expr
    other: Expr


@dataclass(frozen=True, eq=False)
class IsBlank(Expr):
    arg: Expr


@dataclass(frozen=True, eq=False)
class Not(Expr):
    arg: Expr


@dataclass(frozen=True, eq=False)
class AllOf(Expr):
    args: tuple[Expr, ...]


@dataclass(frozen=True, eq=False)
class AnyOf(Expr):
    args: tuple[Expr, ...]


@dataclass(frozen=True, eq=False)
class Max(Expr):
    left: Expr
    right: Expr


@dataclass(frozen=True, eq=False)
class Round(Expr):
    arg: Expr
    digits: int


@dataclass(frozen=True, eq=False)
class IfError(Expr):
    arg: Expr
    fallback: Expr


@dataclass(frozen=True, eq=False)
class Count(Expr):
    """How many of the arguments are numbers (Excel ``COUNT``)."""

    args: tuple[Expr, ...]


@dataclass(frozen=True, eq=False)
class Average(Expr):
    """Mean of the arguments that are numbers (Excel ``AVERAGE``); ERROR when there are none."""

    args: tuple[Expr, ...]


@dataclass(frozen=True, eq=False)
class Choose(Expr):
    """The ``index``-th option, 1-based (Excel ``CHOOSE``)."""

    index: Expr
    options: tuple[Expr, ...]


@dataclass(frozen=True, eq=False)
class Lookup(Expr):
    """Excel ``LOOKUP(value, bounds, labels)``: the label of the largest bound <= value.

    ``bounds`` must be ascending; a value below every bound is ERROR (``#N/A``).
    """

    value: Expr
    bounds: Expr
    labels: Expr


def if_blank(arg: Expr, then: Expr, other: Expr) -> Expr:
    return If(IsBlank(arg), then, other)


def value_of(ref: Expr) -> Expr:
    """The cell's value, keeping a blank blank (Excel would turn ``=A1`` of a blank into 0)."""
    return If(IsBlank(ref), Blank(), ref)


def refs(expr: Expr) -> frozenset[str]:
    """The input names ``expr`` reads."""
    if isinstance(expr, Ref):
        return frozenset((expr.name,))
    return frozenset().union(*(refs(child) for child in children(expr)))


def children(expr: Expr) -> list[Expr]:
    """The nodes ``expr`` holds, in field order (a tuple's nodes in its order)."""
    found: list[Expr] = []
    for f in fields(expr):  # type: ignore[arg-type]
        value = getattr(expr, f.name)
        if isinstance(value, Expr):
            found.append(value)
        elif isinstance(value, tuple):
            found.extend(v for v in value if isinstance(v, Expr))
    return found
