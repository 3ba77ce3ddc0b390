"""The reference evaluator: ``interpret`` walks a rule's tree, node by node, on every evaluation.

It is the plain statement of what each node means, on the shared ``semantics``. The engine runs
rules as generated Python (``codegen``) instead, and the tests compare the two on random trees
and inputs (tests/domain/test_expr_codegen.py) and on every domain rule (tests/domain/test_expr_compiled.py).
``specialise`` folds the conditions of inputs known in advance, by interpreting them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
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
    refs,
)
from xlwings_app.domain.expr.semantics import (
    ERROR,
    Env,
    ErrorValue,
    Value,
    arith,
    compare,
    is_blank,
    lookup,
    number,
    round_half_away,
    truthy,
)


def interpret(expr: Expr, env: Env) -> Value:
    """The value of ``expr`` with the named inputs of ``env`` (a missing name is blank), walking
    the tree every time (tests compare the generated code with it)."""
    match expr:
        case Num(value=value) | Str(value=value):
            return value
        case Ref(name=name):
            return env.get(name)
        case Blank():
            return ""
        case Bin(op=op, left=left, right=right):
            a, b = number(interpret(left, env)), number(interpret(right, env))
            if isinstance(a, ErrorValue) or isinstance(b, ErrorValue):
                return ERROR
            return arith(op, a, b)
        case Cmp(op=op, left=left, right=right):
            return compare(op, interpret(left, env), interpret(right, env))
        case If(cond=cond, then=then, other=other):
            truth = truthy(interpret(cond, env))
            if isinstance(truth, ErrorValue):
                return ERROR
            return interpret(then if truth else other, env)
        case IsBlank(arg=arg):
            return is_blank(interpret(arg, env))
        case Not(arg=arg):
            truth = truthy(interpret(arg, env))
            return truth if isinstance(truth, ErrorValue) else not truth
        case AllOf(args=args) | AnyOf(args=args):
            truths = [truthy(interpret(a, env)) for a in args]
            if any(isinstance(t, ErrorValue) for t in truths):
                return ERROR
            return all(truths) if isinstance(expr, AllOf) else any(truths)
        case Max(left=left, right=right):
            a, b = number(interpret(left, env)), number(interpret(right, env))
            if isinstance(a, ErrorValue) or isinstance(b, ErrorValue):
                return ERROR
            return max(a, b)
        case Round(arg=arg, digits=digits):
            a = number(interpret(arg, env))
            return a if isinstance(a, ErrorValue) else round_half_away(a, digits)
        case IfError(arg=arg, fallback=fallback):
            result = interpret(arg, env)
            return interpret(fallback, env) if isinstance(result, ErrorValue) else result
        case Count(args=args):
            return Decimal(len(_numbers(args, env)))
        case Average(args=args):
            nums = _numbers(args, env)
            return sum(nums, Decimal(0)) / len(nums) if nums else ERROR
        case Choose(index=index, options=options):
            i = number(interpret(index, env))
            if isinstance(i, ErrorValue) or not 1 <= int(i) <= len(options):
                return ERROR
            return interpret(options[int(i) - 1], env)
        case Lookup(value=needle, bounds=bounds, labels=labels):
            return lookup(interpret(needle, env), interpret(bounds, env), interpret(labels, env))
    raise TypeError(f"unknown node {expr!r}")


def _numbers(args: Sequence[Expr], env: Env) -> list[Decimal]:
    values = [interpret(a, env) for a in args]
    return [v for v in values if isinstance(v, Decimal)]


def specialise(expr: Expr, known: Env) -> Expr:
    """``expr`` with every ``If`` whose condition reads only ``known`` inputs replaced by the branch
    that condition takes: for any environment agreeing with ``known`` it evaluates the same (an
    ``If`` evaluates only its branch, and evaluating has no side effects). A condition that is an
    error is left in place."""
    if isinstance(expr, If) and refs(expr.cond) <= known.keys():
        truth = truthy(interpret(expr.cond, known))
        if not isinstance(truth, ErrorValue):
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
