"""Rules as generated Python: an ``Expr`` compiled into the source of one plain function.

``interpret`` walks a rule's tree on every evaluation; ``kinerja hitung`` on a workbook of 100,000
indicators evaluates the aggregation and capaian rules a million times each. Here a rule is written
once as the source of one Python function, compiled (``compile``/``exec``) and kept by the caller,
so an evaluation runs straight-line code instead of a tree of calls:

- each node's value goes to a temporary (``_v1``, ``_v2``, ...), its children first and in the
  order ``interpret`` evaluates them; a subtree met again where its value is already known (the
  same ``Ref``, a ``Count`` written twice) reuses that temporary;
- ``If``, ``IfError`` and ``Choose`` become ``if`` statements, so only the branch taken runs; in a
  branch, the boolean condition that chose it is known (``value_of``'s ``IsBlank`` is not tested
  twice), and ``Round`` of an ``If`` rounds in its branches, so what is rounded already (a rounded
  branch, a literal) is not rounded again;
- arithmetic, comparisons, ``Max``, ``Round`` and ``Average`` have an inline fast path for
  ``Decimal`` operands; any other operand (a blank, a text, a boolean, an error) goes to the
  functions of ``semantics`` that ``interpret`` itself uses (``number``, ``arith``, ``compare``,
  ``truthy``, ``lookup``). The semantics are ``interpret``'s: ERROR propagates, ``InvalidOperation``
  and division by zero give ERROR, texts compare case-folded, ``Round`` rounds half away from
  zero, ``AllOf``/``AnyOf`` evaluate every part;
- what a node can hold follows from its kind (a comparison is a boolean or ERROR, ``IsBlank``
  a boolean, ``Num`` a ``Decimal``), so a check that cannot fail is not written.

A rule reads its inputs from an environment (``function(expr)`` gives ``f(env)``; a name missing
from ``env`` is blank) or as positional arguments (``function(expr, params)`` gives
``f(realisasi, target, ...)``: no dict made per call). ``functions(exprs)`` compiles several rules
over the same inputs into one function giving the tuple of their values. ``source(expr, params)``
is the generated text, to read. ``Round(Ref("a") / Ref("b") * 100, 2)`` with ``params=("a", "b")`` becomes::

    def rule(a, b):
        if type(a) is Decimal and type(b) is Decimal:
            if b == _ZERO:
                _v1 = ERROR
            else:
                try:
                    _v1 = a / b
                except InvalidOperation:
                    _v1 = ERROR
        else:
            _v1 = _arith_values('/', a, b)
        if type(_v1) is Decimal:
            try:
                _v2 = _v1 * _k1
            ...
"""

from __future__ import annotations

import warnings
from ast import literal_eval
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from enum import IntFlag
from hashlib import blake2s
from itertools import count
from keyword import iskeyword
from types import MappingProxyType
from typing import NamedTuple, cast

from xlwings_app.domain.expr.interpreter import specialise
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
from xlwings_app.domain.expr.semantics import (
    ERROR,
    ROUNDING,
    STEPS,
    Env,
    Value,
    arith,
    compare,
    lookup,
    number,
    round_half_away,
    truthy,
)


class Kind(IntFlag):
    """What a value may be: a node's kind decides which checks its consumers write."""

    NUM = 1
    TEXT = 2
    NONE = 4
    BOOL = 8
    TUPLE = 16
    ERR = 32
    ANY = 63


class Operand(NamedTuple):
    """A node's value in the generated code: a name (or a literal, or a test without side effects
    when the kind is ``BOOL``) and what it may hold."""

    text: str
    kind: Kind


# --- the slow paths: values other than two numbers, exactly as ``interpret`` treats them ---------

def _arith_values(op: str, a: Value, b: Value) -> Value:
    x, y = number(a), number(b)
    if x is ERROR or y is ERROR:
        return ERROR
    return arith(op, cast(Decimal, x), cast(Decimal, y))


def _maximum(a: Value, b: Value) -> Value:
    x, y = number(a), number(b)
    if x is ERROR or y is ERROR:
        return ERROR
    return max(x, y)  # type: ignore[type-var]


def _rounded(value: Value, digits: int) -> Value:
    x = number(value)
    return x if x is ERROR else round_half_away(x, digits)  # type: ignore[arg-type]


def _average(values: Sequence[Value]) -> Value:
    nums = [v for v in values if isinstance(v, Decimal)]
    return sum(nums, Decimal(0)) / len(nums) if nums else ERROR


HELPERS: Mapping[str, object] = MappingProxyType({
    "Decimal": Decimal, "InvalidOperation": InvalidOperation, "ERROR": ERROR, "_ZERO": Decimal(0),
    "_ROUNDING": ROUNDING, "_arith_values": _arith_values, "_compare": compare, "_truthy": truthy,
    "_maximum": _maximum, "_rounded": _rounded, "_average": _average,
    "_lookup": lookup, "_number": number,
})  # fmt: skip
"""The names generated code uses besides its constants (``_k1``, ...): the globals it runs with."""

_TRUE, _FALSE = Operand("True", Kind.BOOL), Operand("False", Kind.BOOL)
_PYTHON_OP = {"=": "==", "<>": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">="}
_BOOLISH = Kind.BOOL | Kind.ERR


class Emitter:
    """Writes one function's body: ``value(expr)`` emits the statements computing ``expr`` and
    returns the operand holding it. ``known`` maps a subtree (by its ``repr``: the tree's
    structure) to its operand in the current block; a block (``block``) forgets what it learnt."""

    def __init__(self, params: tuple[str, ...] | None) -> None:
        self.params = {name: _identifier(name, i) for i, name in enumerate(params)} if params is not None else None
        self.lines: list[str] = []
        self.depth = 1
        self.names: dict[str, object] = dict(HELPERS)
        self._constants: dict[tuple[type, str], str] = {}
        self._temps = count(1)
        self.known: dict[str, Operand] = {}

    # --- writing -------------------------------------------------------------------------------

    def line(self, text: str) -> None:
        self.lines.append("    " * self.depth + text)

    @contextmanager
    def block(self, header: str) -> Iterator[None]:
        """Statements under ``header`` (``if ...:``, ``else:``); what they compute is not known after."""
        self.line(header)
        saved, self.depth = dict(self.known), self.depth + 1
        try:
            yield
        finally:
            self.depth -= 1
            self.known = saved

    def temp(self) -> str:
        return f"_v{next(self._temps)}"

    def constant(self, value: object) -> str:
        key = (type(value), repr(value))
        name = self._constants.get(key)
        if name is None:
            name = self._constants[key] = f"_k{len(self._constants) + 1}"
            self.names[name] = value
        return name

    def assign(self, target: str, expr: Expr) -> Kind:
        """``target = <expr's value>``, the statements computing it first; the value's kind."""
        found = self.value(expr)
        self.line(f"{target} = {found.text}")
        return found.kind

    def guarded(self, target: str, expression: str) -> None:
        """``target = expression``, ERROR when Decimal raises ``InvalidOperation`` (``semantics.arith``)."""
        with self.block("try:"):
            self.line(f"{target} = {expression}")
        with self.block("except InvalidOperation:"):
            self.line(f"{target} = ERROR")

    @contextmanager
    def fast_path(self, condition: str, target: str, slow: str) -> Iterator[None]:
        """The statements of the body under ``if condition:``, else ``target = slow``; no ``if`` at
        all when the condition is certainly true (``""``)."""
        if not condition:
            yield
            return
        with self.block(f"if {condition}:"):
            yield
        with self.block("else:"):
            self.line(f"{target} = {slow}")

    # --- nodes ---------------------------------------------------------------------------------

    def value(self, expr: Expr) -> Operand:
        key = repr(expr)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self._emit(expr)
        return found

    def _emit(self, expr: Expr) -> Operand:  # one case per node, as ``interpret``
        match expr:
            case Num(value=value):
                return Operand(self.constant(value), Kind.NUM)
            case Str(value=value):
                return Operand(repr(value), Kind.TEXT)
            case Blank():
                return Operand("''", Kind.TEXT)
            case Ref(name=name):
                return self._ref(name)
            case Bin(op=op, left=left, right=right):
                return self._arithmetic(op, self.value(left), self.value(right))
            case Cmp(op=op, left=left, right=right):
                return self._comparison(op, self.value(left), self.value(right))
            case If(cond=cond, then=then, other=other):
                return self._if(cond, then, other)
            case IsBlank(arg=arg):
                return _is_blank(self.value(arg))
            case Not(arg=arg):
                return self._not(self.value(arg))
            case AllOf(args=args):
                return self._logical(" and ", "True", [self.value(a) for a in args])
            case AnyOf(args=args):
                return self._logical(" or ", "False", [self.value(a) for a in args])
            case Max(left=left, right=right):
                return self._maximum(self.value(left), self.value(right))
            case Round(arg=arg, digits=digits):
                return self._round(arg, digits)
            case IfError(arg=arg, fallback=fallback):
                return self._if_error(self.value(arg), fallback)
            case Count(args=args):
                return self._count([self.value(a) for a in args])
            case Average(args=args):
                return self._average([self.value(a) for a in args])
            case Choose(index=index, options=options):
                return self._choose(self.value(index), options)
            case Lookup(value=needle, bounds=bounds, labels=labels):
                return self._lookup([self.value(e) for e in (needle, bounds, labels)])
        raise TypeError(f"unknown node {expr!r}")

    def _ref(self, name: str) -> Operand:
        if self.params is None:
            found = self.temp()
            self.line(f"{found} = _env.get({name!r})")
            return Operand(found, Kind.ANY)
        if name not in self.params:
            raise ValueError(f"the rule reads {name!r}, not one of the parameters {tuple(self.params)}")
        return Operand(self.params[name], Kind.ANY)

    def _arithmetic(self, op: str, a: Operand, b: Operand) -> Operand:
        found = self.temp()
        with self.fast_path(_decimals(a, b), found, f"_arith_values({op!r}, {a.text}, {b.text})"):
            if op == "/":
                with self.block(f"if {b.text} == _ZERO:"):
                    self.line(f"{found} = ERROR")
                with self.block("else:"):
                    self.guarded(found, f"{a.text} / {b.text}")
            else:
                self.guarded(found, f"{a.text} {op} {b.text}")
        return Operand(found, Kind.NUM | Kind.ERR)

    def _comparison(self, op: str, a: Operand, b: Operand) -> Operand:
        found, fast = self.temp(), _decimals(a, b)
        with self.fast_path(fast, found, f"_compare({op!r}, {a.text}, {b.text})"):
            self.line(f"{found} = {a.text} {_PYTHON_OP[op]} {b.text}")
        return Operand(found, Kind.BOOL if not fast else _BOOLISH)

    def _truth(self, value: Operand) -> Operand:
        """``semantics.truthy`` of ``value``: itself when it is a boolean or ERROR already."""
        if not value.kind & ~_BOOLISH:
            return value
        if _is_literal(value):  # a text: never a truth value
            return Operand("ERROR", Kind.ERR)
        found = self.temp()
        self.line(f"{found} = {value.text} if {value.text} is True or {value.text} is False else _truthy({value.text})")
        return Operand(found, _BOOLISH)

    def _if(self, cond: Expr, then: Expr, other: Expr) -> Operand:
        truth = self._truth(self.value(cond))
        if truth.text in ("True", "False"):  # known here: the branch taken, without a test
            return self.value(then if truth.text == "True" else other)
        found, kind = self.temp(), Kind(0)
        if truth.kind & Kind.ERR:
            with self.block(f"if {truth.text} is ERROR:"):
                self.line(f"{found} = ERROR")
            kind = Kind.ERR
            header = f"elif {truth.text}:"
        else:
            header = f"if {truth.text}:"
        with self.block(header):
            self._learn(cond, True)
            kind |= self.assign(found, then)
        with self.block("else:"):
            self._learn(cond, False)
            kind |= self.assign(found, other)
        return Operand(found, kind)

    def _learn(self, cond: Expr, truth: bool) -> None:
        """In a branch of ``If(cond, ...)``: ``cond``'s value is ``truth`` when it is a boolean (so a
        test written again there, as ``value_of``'s ``IsBlank``, is not evaluated again), and so is
        what follows from it (``Not``'s argument, the parts of a true ``AllOf`` or a false ``AnyOf``)."""
        found = self.known.get(repr(cond))
        if found is None or found.kind & ~_BOOLISH:
            return  # a number or a text is true or false without being True or False
        self.known[repr(cond)] = _TRUE if truth else _FALSE
        if isinstance(cond, Not):
            self._learn(cond.arg, not truth)
        elif (isinstance(cond, AllOf) and truth) or (isinstance(cond, AnyOf) and not truth):
            for part in cond.args:
                self._learn(part, truth)

    def _not(self, value: Operand) -> Operand:
        if value.text in ("True", "False"):
            return _FALSE if value.text == "True" else _TRUE
        if value.kind == Kind.BOOL:
            return Operand(f"(not {value.text})", Kind.BOOL)
        found, truth = self.temp(), self._truth(value)
        self.line(f"{found} = ERROR if {truth.text} is ERROR else (not {truth.text})")
        return Operand(found, _BOOLISH)

    def _logical(self, joiner: str, empty: str, parts: list[Operand]) -> Operand:
        """``AllOf`` (``empty`` "True") or ``AnyOf`` ("False") of ``parts``, all evaluated already."""
        truths = [self._truth(p) for p in parts]  # every part is evaluated, as Excel's AND and OR
        errors = [t.text for t in truths if t.kind & Kind.ERR]
        texts = [t.text for t in truths]
        if not errors:
            decisive = "False" if empty == "True" else "True"  # AND with a False part, OR with a True
            if decisive in texts:
                return Operand(decisive, Kind.BOOL)
            texts = [t for t in texts if t != empty]
        combined = f"({joiner.join(texts)})" if texts else empty
        if not errors:
            return Operand(combined, Kind.BOOL)
        found = self.temp()
        self.line(f"{found} = ERROR if {' or '.join(f'{e} is ERROR' for e in errors)} else {combined}")
        return Operand(found, _BOOLISH)

    def _maximum(self, a: Operand, b: Operand) -> Operand:
        found, fast = self.temp(), _decimals(a, b)
        with self.fast_path(fast, found, f"_maximum({a.text}, {b.text})"):
            self.line(f"{found} = {b.text} if {b.text} > {a.text} else {a.text}")  # max(a, b): a unless b is larger
        return Operand(found, Kind.NUM | _may_fail_as_number(a, b))

    def _round(self, arg: Expr, digits: int) -> Operand:
        """``Round(arg, digits)``; rounding what is rounded already, or a literal, is done here.

        ``ROUND(IF(c, a, b))`` is ``IF(c, ROUND(a), ROUND(b))`` (an error in ``c`` is ERROR either
        way), so a rule rounded again (``capaian.rule``) rounds only its branches' values that are
        not rounded yet: ``Round(Round(x, d), d)`` is ``Round(x, d)``, ``Round(Num)`` a constant,
        ``Round`` of a text ERROR. Otherwise ``semantics.round_half_away``'s own fast path inline: a value
        small enough for the shared 28-digit context is quantized there."""
        match arg:
            case If(cond=cond, then=then, other=other):
                return self._if(cond, Round(then, digits), Round(other, digits))
            case Round(digits=inner) if inner == digits:
                return self.value(arg)
            case Num(value=number):
                return Operand(self.constant(round_half_away(number, digits)), Kind.NUM)
            case Str() | Blank():
                return Operand("ERROR", Kind.ERR)
        value, found = self.value(arg), self.temp()
        step = self.constant(STEPS[digits] if 0 <= digits < len(STEPS) else Decimal(1).scaleb(-digits))
        small = f"{value.text}.adjusted() <= {ROUNDING.prec - digits - 2}"
        condition = small if value.kind == Kind.NUM else f"type({value.text}) is Decimal and {small}"
        with self.block(f"if {condition}:"):
            self.line(f"{found} = _ROUNDING.quantize({value.text}, {step})")
        with self.block("else:"):
            self.line(f"{found} = _rounded({value.text}, {digits})")
        return Operand(found, Kind.NUM | _may_fail_as_number(value))

    def _if_error(self, value: Operand, fallback: Expr) -> Operand:
        if not value.kind & Kind.ERR:
            return value
        found = self.temp()
        with self.block(f"if {value.text} is ERROR:"):
            kind = self.assign(found, fallback)
        with self.block("else:"):
            self.line(f"{found} = {value.text}")
        return Operand(found, (value.kind & ~Kind.ERR) | kind)

    def _count(self, parts: list[Operand]) -> Operand:
        terms = [
            "1" if p.kind == Kind.NUM else f"isinstance({p.text}, Decimal)" for p in parts if p.kind & Kind.NUM
        ]
        counts = self.constant(tuple(Decimal(n) for n in range(len(parts) + 1)))
        found = self.temp()
        self.line(f"{found} = {counts}[{' + '.join(terms) or '0'}]")
        return Operand(found, Kind.NUM)

    def _average(self, parts: list[Operand]) -> Operand:
        found, listed = self.temp(), ", ".join(p.text for p in parts)
        if not parts:
            self.line(f"{found} = ERROR")  # the mean of no numbers
            return Operand(found, Kind.ERR)
        total = " + ".join(["_ZERO", *(p.text for p in parts)])  # sum(numbers, Decimal(0)), in order
        with self.fast_path(_decimals(*parts), found, f"_average(({listed},))"):
            self.line(f"{found} = ({total}) / {len(parts)}")
        return Operand(found, Kind.NUM | Kind.ERR)

    def _choose(self, index: Operand, options: tuple[Expr, ...]) -> Operand:
        found = self.temp()
        number = index.text
        if index.kind != Kind.NUM:
            number = self.temp()
            self.line(f"{number} = {index.text} if type({index.text}) is Decimal else _number({index.text})")
        with self.block(f"if {number} is ERROR:"):
            self.line(f"{found} = ERROR")
        kind = Kind.ERR
        with self.block("else:"):
            position = self.temp()
            self.line(f"{position} = int({number})")
            for i, option in enumerate(options, start=1):
                with self.block(f"{'if' if i == 1 else 'elif'} {position} == {i}:"):
                    kind |= self.assign(found, option)
            if options:
                with self.block("else:"):
                    self.line(f"{found} = ERROR")
            else:
                self.line(f"{found} = ERROR")
        return Operand(found, kind)


    def _lookup(self, operands: list[Operand]) -> Operand:
        found = self.temp()
        self.line(f"{found} = _lookup({', '.join(o.text for o in operands)})")  # a walk over the bounds
        return Operand(found, Kind.TEXT | Kind.ERR)


def _decimals(*operands: Operand) -> str:
    """The test that every operand is a ``Decimal`` (``""``: certainly all are)."""
    return " and ".join(f"type({o.text}) is Decimal" for o in operands if o.kind != Kind.NUM)


def _may_fail_as_number(*operands: Operand) -> Kind:
    """ERROR when one of ``operands`` may be neither a number nor a boolean (``semantics.number``)."""
    return Kind.ERR if any(o.kind & ~(Kind.NUM | Kind.BOOL) for o in operands) else Kind(0)


def _is_literal(value: Operand) -> bool:
    """Whether ``value`` is a text written as a literal (``Str``, ``Blank``)."""
    return value.kind == Kind.TEXT and value.text[0] in "'\""


def _is_blank(value: Operand) -> Operand:
    """``semantics.is_blank`` as a test without side effects (a blank is ``None`` or ``""``)."""
    if _is_literal(value):
        return Operand(str(not literal_eval(value.text)), Kind.BOOL)
    if not value.kind & (Kind.NONE | Kind.TEXT):
        return Operand("False", Kind.BOOL)
    if not value.kind & Kind.TEXT:
        return Operand(f"({value.text} is None)", Kind.BOOL)
    return Operand(f"({value.text} is None or (isinstance({value.text}, str) and not {value.text}))", Kind.BOOL)


def _identifier(name: str, position: int) -> str:
    """A parameter's name in the generated code: the input's own name when Python allows it and it
    cannot clash with a temporary, a constant or a helper (those start with ``_``)."""
    if name.isidentifier() and not iskeyword(name) and not name.startswith("_") and name not in HELPERS:
        return name
    return f"_p{position}"


def _generate(exprs: Sequence[Expr], params: Sequence[str] | None, one: bool) -> tuple[str, dict[str, object]]:
    emitter = Emitter(tuple(params) if params is not None else None)
    results = [emitter.value(e).text for e in exprs]  # one block: the later rules reuse the earlier's values
    emitter.line(f"return {results[0]}" if one else f"return ({', '.join(results)},)")
    arguments = "_env" if emitter.params is None else ", ".join(emitter.params.values())
    return "\n".join([f"def rule({arguments}):", *emitter.lines]) + "\n", emitter.names


def source(expr: Expr | Sequence[Expr], params: Sequence[str] | None = None) -> str:
    """The Python source ``function(expr, params)`` (or ``functions``) compiles, to read; the
    constants it names, ``_k1`` and on, are its globals."""
    if isinstance(expr, Expr):
        return _generate((expr,), params, one=True)[0]
    return _generate(expr, params, one=False)[0]


def _compile(text: str, names: dict[str, object]) -> Callable[..., object]:
    name = f"<rule {blake2s(text.encode(), digest_size=4).hexdigest()}>"  # the same rule, the same name
    with warnings.catch_warnings():
        warnings.simplefilter("error", SyntaxWarning)  # generated code is never doubtful
        code = compile(text, name, "exec")
    exec(code, names)  # noqa: S102 - the text is generated from a tree, never read from input
    return cast(Callable[..., object], names["rule"])


def function(expr: Expr, params: Sequence[str] | None = None) -> Callable[..., Value]:
    """``expr`` compiled: ``f(env)`` without ``params``, else ``f(*values)`` of those inputs in that
    order (every input ``expr`` reads must be one of them). Each call compiles anew: the caller
    keeps the result (a module constant, or ``functools.cache`` over the enum members a rule is
    specialised to, as ``capaian.rule``)."""
    return cast(Callable[..., Value], _compile(*_generate((expr,), params, one=True)))


def functions(exprs: Sequence[Expr], params: Sequence[str] | None = None) -> Callable[..., tuple[Value, ...]]:
    """``exprs`` compiled into one function giving the tuple of their values (``function`` of each,
    in one call: a value two rules share, as an input they both read, is computed once)."""
    return cast(Callable[..., tuple[Value, ...]], _compile(*_generate(exprs, params, one=False)))


def evaluate(expr: Expr, env: Env, fixed: tuple[str, ...] = ()) -> Value:
    """``expr``'s value by the generated code, with the named inputs of ``env`` (missing names are
    blank): ``interpret(expr, env)``, always. The inputs named in ``fixed`` are folded first
    (``specialise`` to their values in ``env``), as the engine does for an indicator's agregasi.

    One evaluation, compiled for it and not kept: to evaluate a rule many times, keep ``function(expr)``."""
    if fixed:
        expr = specialise(expr, {name: env.get(name) for name in fixed})
    return function(expr)(env)
