"""A small expression language: one rule definition, two engines.

Every capaian, aggregation and predikat rule is written once as an expression tree. Python
evaluates it (``evaluate``, exact Decimal arithmetic) and the workbook builder renders it as an
Excel formula (``to_excel``), so the live formulas a Kasi sees while typing and the engine that
signs the document cannot drift apart. ``interpret`` is the reference evaluator, walking the tree;
the engine runs each rule as one generated Python function instead (``compile_expr``,
``domain.expr_codegen``), tested against ``interpret``.

Semantics follow Excel where the two could differ:
- a blank input (``None``) and the empty text ``""`` are both "blank" for ``IsBlank``;
- arithmetic on a blank or on text is an error (``ERROR``), like ``""+1`` is ``#VALUE!``;
  rules guard blanks explicitly, so this never happens on valid input;
- division by zero is ``ERROR`` (``#DIV/0!``);
- text comparison ignores case, as Excel's ``=`` does;
- ``Round`` rounds half away from zero, as Excel's ``ROUND``;
- ``If`` evaluates only the branch it takes.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, getcontext
from functools import lru_cache
from typing import Final, TypeAlias


class _Error:
    """The error value (Excel's #VALUE!, #DIV/0!, #N/A)."""

    _instance: _Error | None = None

    def __new__(cls) -> _Error:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ERROR"


ERROR: Final = _Error()

Value: TypeAlias = Decimal | str | None | bool | tuple[object, ...] | _Error
Env: TypeAlias = Mapping[str, Value]


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


# --- evaluation -------------------------------------------------------------------------------

def _is_blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value)  # not ==: Decimal == "" asks numbers' ABCs


def _number(value: Value) -> Decimal | _Error:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return Decimal(int(value))
    return ERROR


def _arith(op: str, a: Decimal, b: Decimal) -> Decimal | _Error:
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


def _compare(op: str, a: Value, b: Value) -> bool | _Error:
    if isinstance(a, _Error) or isinstance(b, _Error):
        return ERROR
    if isinstance(a, str) and isinstance(b, str):
        left: object = a.casefold()
        right: object = b.casefold()
    else:
        na = _number(a if a is not None else Decimal(0))
        nb = _number(b if b is not None else Decimal(0))
        if isinstance(na, _Error) or isinstance(nb, _Error):
            return op == "<>" if op in ("=", "<>") else ERROR
        left, right = na, nb
    if op == "=":
        return left == right
    if op == "<>":
        return left != right
    assert isinstance(left, Decimal) and isinstance(right, Decimal)
    return _ORDER[op](left, right)


_ORDER: Final[dict[str, Callable[[Decimal, Decimal], bool]]] = {
    "<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge,
}  # fmt: skip


def round_half_away(value: Decimal, digits: int) -> Decimal:
    """Round as Excel's ROUND does: half away from zero.

    Exact at any magnitude: the precision grows with the value, so a huge capaian keeps its
    ``digits`` decimals instead of raising ``InvalidOperation`` (quantize past 28 digits). The
    result has at most ``needed`` digits (one more for a carry, 9.995 -> 10.00), so when they fit
    in the shared 28-digit context it is that context's quantize, whatever the thread's precision.
    """
    needed = value.adjusted() + digits + 2
    if needed <= _ROUNDING.prec:  # the common case: no context to make
        return _ROUNDING.quantize(value, _STEPS[digits] if 0 <= digits < len(_STEPS) else Decimal(1).scaleb(-digits))
    context = Context(prec=max(getcontext().prec, needed), rounding=ROUND_HALF_UP)
    return value.quantize(Decimal(1).scaleb(-digits), context=context)


_ROUNDING = Context(prec=28, rounding=ROUND_HALF_UP)
_STEPS = tuple(Decimal(1).scaleb(-d) for d in range(8))


def _truthy(value: Value) -> bool | _Error:
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return value != 0
    return ERROR


def evaluate(expr: Expr, env: Env, fixed: tuple[str, ...] = ()) -> Value:
    """Evaluate ``expr`` with the named inputs of ``env`` (missing names are blank).

    The tree is compiled once into a generated Python function (``compile_expr``) and that is
    kept, so evaluating a rule for thousands of indicators does not re-walk it each time. The
    inputs named in ``fixed`` take few values (an indicator's agregasi, polaritas): the tree is
    first ``specialise``d to their values in ``env`` and that smaller tree compiled and kept.
    """
    if fixed:
        return _specialised(expr, fixed, tuple([env.get(name) for name in fixed]))(env)
    return compile_expr(expr)(env)


def specialised(expr: Expr, fixed: Mapping[str, Value]) -> Compiled:
    """``expr`` specialised to the inputs ``fixed`` and compiled (kept): ``f(env)`` is
    ``evaluate(expr, env, fixed=tuple(fixed))`` for every ``env`` holding those values, without
    the look-up each ``evaluate`` makes (a caller evaluating one rule 500,000 times keeps ``f``)."""
    return _specialised(expr, tuple(fixed), tuple(fixed.values()))


@lru_cache(maxsize=1024)
def _specialised(expr: Expr, names: tuple[str, ...], values: tuple[Value, ...]) -> Compiled:
    return compile_expr(specialise(expr, dict(zip(names, values, strict=True))))


def refs(expr: Expr) -> frozenset[str]:
    """The input names ``expr`` reads."""
    if isinstance(expr, Ref):
        return frozenset((expr.name,))
    return frozenset().union(*(refs(child) for child in _children(expr)))


def _children(expr: Expr) -> list[Expr]:
    found: list[Expr] = []
    for f in fields(expr):  # type: ignore[arg-type]
        value = getattr(expr, f.name)
        if isinstance(value, Expr):
            found.append(value)
        elif isinstance(value, tuple):
            found.extend(v for v in value if isinstance(v, Expr))
    return found


def specialise(expr: Expr, known: Env) -> Expr:
    """``expr`` with every ``If`` whose condition reads only ``known`` inputs replaced by the branch
    that condition takes: for any environment agreeing with ``known`` it evaluates the same (an
    ``If`` evaluates only its branch, and evaluating has no side effects). A condition that is an
    error is left in place."""
    if isinstance(expr, If) and refs(expr.cond) <= known.keys():
        truth = _truthy(interpret(expr.cond, known))
        if not isinstance(truth, _Error):
            return specialise(expr.then if truth else expr.other, known)
    changes: dict[str, object] = {}
    for f in fields(expr):  # type: ignore[arg-type]
        value = getattr(expr, f.name)
        if isinstance(value, Expr):
            new: object = specialise(value, known)
        elif isinstance(value, tuple) and any(isinstance(v, Expr) for v in value):
            new = tuple(specialise(v, known) if isinstance(v, Expr) else v for v in value)
        else:
            continue
        if new != value:
            changes[f.name] = new
    return replace(expr, **changes) if changes else expr  # type: ignore[type-var]


Compiled: TypeAlias = Callable[[Env], Value]


@lru_cache(maxsize=512)
def compile_expr(expr: Expr) -> Compiled:
    """``expr`` as a function of the environment, with exactly ``interpret``'s semantics: the
    source of one Python function is generated for the tree and compiled once
    (``domain.expr_codegen``, where ``source`` shows the text)."""
    from xlwings_app.domain import expr_codegen  # it builds on the nodes of this module

    return expr_codegen.function(expr)


def interpret(expr: Expr, env: Env) -> Value:
    """The reference evaluator: walks the tree every time (tests compare ``evaluate`` with it)."""
    match expr:
        case Num(value=value) | Str(value=value):
            return value
        case Ref(name=name):
            return env.get(name)
        case Blank():
            return ""
        case Bin(op=op, left=left, right=right):
            a, b = _number(interpret(left, env)), _number(interpret(right, env))
            if isinstance(a, _Error) or isinstance(b, _Error):
                return ERROR
            return _arith(op, a, b)
        case Cmp(op=op, left=left, right=right):
            return _compare(op, interpret(left, env), interpret(right, env))
        case If(cond=cond, then=then, other=other):
            truth = _truthy(interpret(cond, env))
            if isinstance(truth, _Error):
                return ERROR
            return interpret(then if truth else other, env)
        case IsBlank(arg=arg):
            return _is_blank(interpret(arg, env))
        case Not(arg=arg):
            truth = _truthy(interpret(arg, env))
            return truth if isinstance(truth, _Error) else not truth
        case AllOf(args=args) | AnyOf(args=args):
            truths = [_truthy(interpret(a, env)) for a in args]
            if any(isinstance(t, _Error) for t in truths):
                return ERROR
            return all(truths) if isinstance(expr, AllOf) else any(truths)
        case Max(left=left, right=right):
            a, b = _number(interpret(left, env)), _number(interpret(right, env))
            if isinstance(a, _Error) or isinstance(b, _Error):
                return ERROR
            return max(a, b)
        case Round(arg=arg, digits=digits):
            a = _number(interpret(arg, env))
            return a if isinstance(a, _Error) else round_half_away(a, digits)
        case IfError(arg=arg, fallback=fallback):
            result = interpret(arg, env)
            return interpret(fallback, env) if isinstance(result, _Error) else result
        case Count(args=args):
            return Decimal(len(_numbers(args, env)))
        case Average(args=args):
            nums = _numbers(args, env)
            return sum(nums, Decimal(0)) / len(nums) if nums else ERROR
        case Choose(index=index, options=options):
            i = _number(interpret(index, env))
            if isinstance(i, _Error) or not 1 <= int(i) <= len(options):
                return ERROR
            return interpret(options[int(i) - 1], env)
        case Lookup(value=needle, bounds=bounds, labels=labels):
            return _lookup(interpret(needle, env), interpret(bounds, env), interpret(labels, env))
    raise TypeError(f"unknown node {expr!r}")


def _numbers(args: Sequence[Expr], env: Env) -> list[Decimal]:
    values = [interpret(a, env) for a in args]
    return [v for v in values if isinstance(v, Decimal)]


def _lookup(value: Value, bounds: Value, labels: Value) -> Value:
    number = _number(value)
    if isinstance(number, _Error) or not isinstance(bounds, tuple) or not isinstance(labels, tuple):
        return ERROR
    found: Value = ERROR
    for bound, label in zip(bounds, labels, strict=True):
        if isinstance(bound, Decimal) and bound <= number:
            found = label if isinstance(label, str) else ERROR
    return found


# --- rendering as an Excel formula ------------------------------------------------------------

def _num_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


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
