"""A rule as Excel formula text: the live formulas a user sees while typing (``to_excel``).

A cell typed as a percentage ("93%") holds 0.93 with a percent number format; Kinerja's reader takes
it as 93 (``numbers.Percent``). For the names given as ``percent`` the formula reads such a cell the
same way: each use of its value is multiplied by 100 when ``CELL("format", cell)`` starts with "P"
(Excel and LibreOffice answer "P0", "P1", ... exactly for the formats ``numbers.is_percent_format``
accepts). A blank test and ``COUNT`` read the cell itself; ``AVERAGE`` over such cells becomes
``SUM(...)/COUNT(...)`` (AVERAGE of an expression would count a blank as 0).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal

from xlwings_app.domain.expr.nodes import (
    AllOf,
    AnyOf,
    Average,
    Bin,
    Blank,
    Choose,
    Cmp,
    Count,
    Expr,
    If,
    IfError,
    IsBlank,
    Lookup,
    Max,
    Not,
    Num,
    Ref,
    Round,
    Str,
)


def _num_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def percent_scaled(ref: str) -> str:
    """Formula text of the value of cell ``ref`` as Kinerja reads it: times 100 when the cell has a
    percent number format (typed "93%": stored 0.93, read 93)."""
    return f'({ref}*IF(LEFT(CELL("format",{ref}))="P",100,1))'


def to_excel(expr: Expr, refs: Mapping[str, str], percent: Collection[str] = ()) -> str:
    """Render ``expr`` as Excel formula text (without the leading ``=``).

    ``refs`` maps each ``Ref`` name to its Excel reference: a cell (``G12``), a structured reference
    such as ``TabelIKU[[#This Row],[Target TW I]]`` or a defined name such as ``IndeksPeriode``.
    ``percent``: the names whose cells may hold a number typed as a percentage (module docstring).
    """

    def r(e: Expr) -> str:
        return to_excel(e, refs, percent)

    def raw(e: Expr) -> str:
        return to_excel(e, refs)

    def args(items: Sequence[Expr]) -> str:
        return ",".join(r(a) for a in items)

    match expr:
        case Num(value=value):
            return _num_text(value)
        case Str(value=value):
            return '"' + value.replace('"', '""') + '"'
        case Ref(name=name):
            return percent_scaled(refs[name]) if name in percent else refs[name]
        case Blank():
            return '""'
        case IsBlank(arg=arg) if percent:
            return f'{raw(arg)}=""'
        case Count(args=items) if percent:
            return f"COUNT({','.join(raw(a) for a in items)})"
        case Average(args=items) if any(isinstance(a, Ref) and a.name in percent for a in items):
            return f"(SUM({args(items)})/COUNT({','.join(raw(a) for a in items)}))"
        case Bin(op=op, left=left, right=right):
            return f"({r(left)}{op}{r(right)})"
        case Cmp(op=op, left=left, right=right):
            return f"{r(left)}{op}{r(right)}"
        case If(cond=cond, then=then, other=other):
            return f"IF({r(cond)},{r(then)},{r(other)})"
        case IsBlank(arg=arg):
            return f'{r(arg)}=""'
        case Not(arg=arg):
            return f"NOT({r(arg)})"
        case AllOf(args=items):
            return f"AND({args(items)})"
        case AnyOf(args=items):
            return f"OR({args(items)})"
        case Max(left=left, right=right):
            return f"MAX({r(left)},{r(right)})"
        case Round(arg=arg, digits=digits):
            return f"ROUND({r(arg)},{digits})"
        case IfError(arg=arg, fallback=fallback):
            return f"IFERROR({r(arg)},{r(fallback)})"
        case Count(args=items):
            return f"COUNT({args(items)})"
        case Average(args=items):
            return f"AVERAGE({args(items)})"
        case Choose(index=index, options=options):
            return f"CHOOSE({r(index)},{args(options)})"
        case Lookup(value=value, bounds=bounds, labels=labels):
            return f"LOOKUP({r(value)},{r(bounds)},{r(labels)})"
    raise TypeError(f"unknown node {expr!r}")
