"""What the rule language's values are and what its operations give: the semantics both engines share.

The interpreter (``interpreter.interpret``) and the generated code (``codegen``) call these same
functions for every value that is not the plain case, so the two cannot disagree on a blank, a
text, a boolean or the error value. Excel decides where Python and Excel could differ:

- a blank input (``None``) and the empty text ``""`` are both blank (``is_blank``);
- arithmetic on a blank or on a text is an error (``ERROR``), as ``""+1`` is ``#VALUE!``;
- division by zero is ``ERROR`` (``#DIV/0!``);
- texts compare ignoring case, as Excel's ``=`` does; a blank compares as 0;
- ``round_half_away`` rounds half away from zero, as Excel's ``ROUND``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, getcontext
from typing import Final, TypeAlias


class ErrorValue:
    """The error value (Excel's #VALUE!, #DIV/0!, #N/A): one object, ``ERROR``, compared by ``is``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ERROR"

    def __reduce__(self) -> str:
        return "ERROR"  # copied and pickled as the module's one ERROR, never a second object


ERROR: Final = ErrorValue()

Value: TypeAlias = Decimal | str | None | bool | tuple[object, ...] | ErrorValue
Env: TypeAlias = Mapping[str, Value]


def is_blank(value: Value) -> bool:
    """Excel's ``A1=""``: ``None`` or the empty text."""
    return value is None or (isinstance(value, str) and not value)  # not ==: Decimal == "" asks numbers' ABCs


def number(value: Value) -> Decimal | ErrorValue:
    """A value as an operand of arithmetic: a number, a boolean as 1 or 0, anything else ERROR."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return Decimal(int(value))
    return ERROR


def arith(op: str, a: Decimal, b: Decimal) -> Decimal | ErrorValue:
    """``a op b`` (``+ - * /``) of two numbers; division by zero and ``InvalidOperation`` are ERROR."""
    try:
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if b == 0:
            return ERROR
        return a / b
    except InvalidOperation:
        return ERROR


def compare(op: str, a: Value, b: Value) -> bool | ErrorValue:
    """``a op b`` (``= <> < > <= >=``): two texts case-folded, else as numbers (a blank as 0); a
    text against a number is unequal and not ordered (ERROR); ERROR on either side is ERROR."""
    if isinstance(a, ErrorValue) or isinstance(b, ErrorValue):
        return ERROR
    if isinstance(a, str) and isinstance(b, str):
        left: object = a.casefold()
        right: object = b.casefold()
    else:
        na = number(a if a is not None else Decimal(0))
        nb = number(b if b is not None else Decimal(0))
        if isinstance(na, ErrorValue) or isinstance(nb, ErrorValue):
            return op == "<>" if op in ("=", "<>") else ERROR
        left, right = na, nb
    if op == "=":
        return left == right
    if op == "<>":
        return left != right
    assert isinstance(left, Decimal) and isinstance(right, Decimal)
    return ORDER[op](left, right)


ORDER: Final[Mapping[str, Callable[[Decimal, Decimal], bool]]] = {
    "<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge,
}  # fmt: skip


def truthy(value: Value) -> bool | ErrorValue:
    """A value as a condition: a boolean itself, a number true unless 0, anything else ERROR."""
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return value != 0
    return ERROR


def lookup(value: Value, bounds: Value, labels: Value) -> Value:
    """Excel ``LOOKUP(value, bounds, labels)``: the label of the last bound <= value (bounds
    ascending); ERROR below every bound, for a label that is not a text, or for inputs that are
    not a number and two tuples."""
    found_number = number(value)
    if isinstance(found_number, ErrorValue) or not isinstance(bounds, tuple) or not isinstance(labels, tuple):
        return ERROR
    found: Value = ERROR
    for bound, label in zip(bounds, labels, strict=True):
        if isinstance(bound, Decimal) and bound <= found_number:
            found = label if isinstance(label, str) else ERROR
    return found


def round_half_away(value: Decimal, digits: int) -> Decimal:
    """Round as Excel's ROUND does: half away from zero.

    Exact at any magnitude: the precision grows with the value, so a huge capaian keeps its
    ``digits`` decimals instead of raising ``InvalidOperation`` (quantize past 28 digits). The
    result has at most ``needed`` digits (one more for a carry, 9.995 -> 10.00), so when they fit
    in the shared 28-digit context it is that context's quantize, whatever the thread's precision.
    """
    if value.adjusted() + digits + 2 <= ROUNDING.prec:  # the common case: no context to make
        return ROUNDING.quantize(value, STEPS[digits] if 0 <= digits < len(STEPS) else Decimal(1).scaleb(-digits))
    return rounded_exactly(value, digits)


def rounded_exactly(value: Decimal, digits: int) -> Decimal:
    """``round_half_away`` in a context made for ``value``, as precise as its result needs: the plain
    reference of the shared 28-digit context's shortcut (and the way for a result too long for it)."""
    needed = value.adjusted() + digits + 2
    context = Context(prec=max(getcontext().prec, needed), rounding=ROUND_HALF_UP)
    return value.quantize(Decimal(1).scaleb(-digits), context=context)


ROUNDING: Final = Context(prec=28, rounding=ROUND_HALF_UP)
"""The context ``round_half_away`` quantizes in when the result fits in 28 digits (used, never changed)."""
STEPS: Final = tuple(Decimal(1).scaleb(-d) for d in range(8))
"""The quantum of 0 to 7 decimals (``STEPS[2]`` is 0.01)."""
