"""A rule as Excel formula text: the live formulas a user sees while typing (``to_excel``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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


def to_excel(expr: Expr, refs: Mapping[str, str]) -> str:
    """Render ``expr`` as Excel formula text (without the leading ``=``).

    ``refs`` maps each ``Ref`` name to its Excel reference: a structured reference such as
    ``TabelIKU[[#This Row],[Target TW I]]`` or a defined name such as ``IndeksPeriode``.
    """

    def r(e: Expr) -> str:
        return to_excel(e, refs)

    def args(items: Sequence[Expr]) -> str:
        return ",".join(r(a) for a in items)

    match expr:
        case Num(value=value):
            return _num_text(value)
        case Str(value=value):
            return '"' + value.replace('"', '""') + '"'
        case Ref(name=name):
            return refs[name]
        case Blank():
            return '""'
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
