"""A small expression language: one rule definition, two engines.

Every capaian, aggregation and predikat rule is written once as an expression tree. Python
evaluates it (exact Decimal arithmetic) and the workbook builder renders it as an Excel formula,
so the live formulas a Kasi sees while typing and the engine that signs the document cannot drift
apart. The package, each module importing only those before it:

- ``nodes``: the tree (``Num``, ``Ref``, ``If``, ``Round``, ...; operators build it: ``R / T * 100``);
- ``semantics``: the values (``ERROR``, ``Value``) and what each operation gives on them, the same
  for both engines (``round_half_away`` is Excel's ROUND);
- ``interpreter``: ``interpret``, the reference evaluator walking the tree, and ``specialise``;
- ``excel``: ``to_excel``, the formula text;
- ``codegen``: each rule as the source of one generated Python function (``function``,
  ``functions``, ``evaluate``), what ``kinerja hitung`` runs; tested against ``interpret``.

Semantics follow Excel where the two could differ (``semantics``); ``If`` evaluates only the
branch it takes. The names below are the language's public face: import them from here.
"""

from xlwings_app.domain.expr.codegen import evaluate, function, functions, source
from xlwings_app.domain.expr.excel import to_excel
from xlwings_app.domain.expr.interpreter import interpret, specialise
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
    ExprLike,
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
    children,
    if_blank,
    lift,
    refs,
    value_of,
)
from xlwings_app.domain.expr.semantics import ERROR, Env, ErrorValue, Value, round_half_away

__all__ = [
    "ERROR", "AllOf", "AnyOf", "Average", "Bin", "Blank", "Choose", "Cmp", "Count", "Env", "ErrorValue", "Expr",
    "ExprLike", "If", "IfError", "IsBlank", "Lookup", "Max", "Not", "Num", "Ref", "Round", "Str", "Value",
    "children", "evaluate", "function", "functions", "if_blank", "interpret", "lift", "refs", "round_half_away",
    "source", "specialise", "to_excel", "value_of",
]  # fmt: skip
