"""The package's architecture, checked from its imports (docs/arsitektur.md draws it).

Every module's imports are parsed (``ast``, function-level imports and ``TYPE_CHECKING`` blocks
included) and each layer may import only what ``ALLOWED`` states: imports point down, never up.
The import graph has no circle, an import inside a function counting as much as one at the top:
a circle moved into a function still ties the two modules together. The domain, the sheet layouts,
the form rules and the document context import no engine (no workbook, document or CLI library).
The domain holds no mutable module state, and its few caches keep declared data only.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

import pytest

import xlwings_app

PACKAGE = Path(xlwings_app.__file__).parent
ENGINES = {
    "openpyxl", "xlwings", "docxtpl", "docx", "typer", "click", "rich", "python_calamine", "lxml",
    "pandas", "olefile", "win32com", "defusedxml", "PIL", "jinja2",
}  # fmt: skip
"""Libraries of the edges (workbooks, documents, the command line): only adapters and entry points."""

ENTRY_POINTS = {"cli", "ribbon", "udfs"}
LOWER = {"domain", "sheets", "forms", "report", "samples", "resources"}
ALLOWED: dict[str, set[str]] = {
    "domain": {"domain"},
    "sheets": LOWER,
    "forms": LOWER,
    "report": LOWER,
    "adapters": LOWER | {"adapters"},
    "services": LOWER | {"adapters", "services"},
    "samples": {"domain", "samples", "resources"},
    "cli": LOWER | {"adapters", "services", "samples", *ENTRY_POINTS, "addin"},
    "ribbon": LOWER | {"services", "samples", *ENTRY_POINTS},
    "udfs": LOWER | {"adapters", "services", "samples", *ENTRY_POINTS},
    "addin": {"addin", "resources"},
    "resources": set(),
    "": {"resources"},  # xlwings_app/__init__.py
}
"""Layer -> the layers it may import (a layer is the first name below ``xlwings_app``)."""

UPWARD_EXCEPTIONS: set[tuple[str, str]] = set()
"""Known upward imports still to remove (none now: the example data in ``samples`` is data only, the
demo steps are services). A new one fails the test."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str:
    """``name`` as a module of the package (``from pkg import module`` names the module)."""
    known = modules()
    while name not in known and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def imports(source: str, module: str = "") -> set[str]:
    """Every absolute module ``source`` imports, wherever the import stands (at the top, inside a
    function, under ``if TYPE_CHECKING:``); relative imports resolved against ``module``."""
    nodes = list(ast.walk(ast.parse(source)))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".")[: len(module.split(".")) - node.level]
                base = ".".join([*package, base] if base else package)
            found.add(base)
            if base.startswith("xlwings_app"):
                found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def own_imports(module: str) -> set[str]:
    source = modules()[module].read_text(encoding="utf-8")
    names = {n for n in imports(source, module) if n.split(".")[0] == "xlwings_app"}
    return {_resolve(n) for n in names} - {module, "xlwings_app"}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


# --- the checker itself --------------------------------------------------------------------


def test_the_checker_sees_imports_anywhere_in_a_module() -> None:
    source = (
        "import os, openpyxl.styles\n"
        "from xlwings import Book\n"
        "def f():\n"
        "    import pandas as pd\n"
        "    from . import sibling\n"
        "if TYPE_CHECKING:\n"
        "    from xlwings_app.services import hitung\n"
    )
    assert imports(source, "xlwings_app.domain.x") == {
        "os", "openpyxl.styles", "xlwings", "pandas", "xlwings_app.domain", "xlwings_app.domain.sibling",
        "xlwings_app.services", "xlwings_app.services.hitung",
    }  # fmt: skip


def test_the_checker_sees_an_outer_layer_imported_by_name() -> None:
    assert "xlwings_app.cli" in imports("from xlwings_app import cli\n")
    assert _resolve("xlwings_app.sheets.layout.SHEET_REKAP") == "xlwings_app.sheets.layout"


def test_every_module_has_a_layer_with_rules() -> None:
    names = modules()
    assert {"xlwings_app.domain.capaian", "xlwings_app.domain.sop.measure", "xlwings_app.udfs"} <= names.keys()
    assert {layer(m) for m in names} <= ALLOWED.keys()


# --- the rules -----------------------------------------------------------------------------


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_point_down(module: str) -> None:
    allowed = ALLOWED[layer(module)] | {layer(module)}
    upward = {
        (module, ".".join(target.split(".")[:2]))
        for target in own_imports(module)
        if layer(target) not in allowed
    }
    assert upward - UPWARD_EXCEPTIONS == set()


def test_the_upward_exceptions_still_exist() -> None:
    seen = {(m, ".".join(t.split(".")[:2])) for m in modules() for t in own_imports(m)}
    assert seen >= UPWARD_EXCEPTIONS, "remove the fixed ones from UPWARD_EXCEPTIONS"


@pytest.mark.parametrize(
    "module", sorted(m for m in modules() if layer(m) in {"domain", "sheets", "forms", "report"})
)
def test_the_core_imports_no_engine(module: str) -> None:
    source = modules()[module].read_text(encoding="utf-8")
    assert {n for n in imports(source, module) if n.split(".")[0] in ENGINES} == set()


def test_the_sop_domain_imports_only_the_standard_library_holidays_and_problems() -> None:
    sop = [m for m in modules() if m.startswith("xlwings_app.domain.sop")]
    assert len(sop) >= 7
    for module in sop:
        source = modules()[module].read_text(encoding="utf-8")
        for name in imports(source, module):
            top = name.split(".")[0]
            assert (
                top in sys.stdlib_module_names or top == "holidays"
                or name.startswith(("xlwings_app.domain.problems", "xlwings_app.domain.sop"))
            ), f"{module} imports {name}"  # fmt: skip


@pytest.mark.parametrize("module", sorted(m for m in modules() if layer(m) == "ribbon"))
def test_ribbon_modules_import_no_adapters(module: str) -> None:
    """The ribbon's handlers call the services (on the live master), as the CLI does."""
    assert {t for t in own_imports(module) if layer(t) == "adapters"} == set()


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle of ``graph`` (as a path that returns to its start), or ``None``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_cycle_check_finds_a_circle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_the_cycle_check_sees_an_import_inside_a_function() -> None:
    source = "def f():\n    from xlwings_app.domain import b\n"
    graph = {"xlwings_app.domain.a": imports(source, "xlwings_app.domain.a"), "xlwings_app.domain.b": {"xlwings_app.domain.a"}}
    assert _cycle(graph) is not None


def test_no_import_circle_among_modules() -> None:
    """Function-level and ``TYPE_CHECKING`` imports included (``own_imports``). A package that
    re-exports its modules (``domain.expr``) is no circle: its modules import each other, never it."""
    graph = {m: own_imports(m) for m in modules()}
    assert _cycle(graph) is None


# --- the domain holds no mutable module state ----------------------------------------------

DOMAIN_CACHES: dict[str, str] = {
    "xlwings_app.domain.aggregation.target_expr": "one tree per Periode",
    "xlwings_app.domain.aggregation.realisasi_expr": "one tree per Periode",
    "xlwings_app.domain.capaian.rule": "one compiled rule per Polaritas and VarianNegatif",
    "xlwings_app.domain.measure._rules": "one compiled rule pair per Periode and Agregasi",
    "xlwings_app.domain.sop.calendar.national_holidays": "a year's holidays (read-only mapping)",
    "xlwings_app.domain.sop.presets._asal": "the preset files shipped in the package (read-only mapping)",
    "xlwings_app.domain.sop.presets._all": "the preset files shipped in the package (read-only mapping)",
    "xlwings_app.domain.lke.criteria.permenpanrb_88_2021": "the LKE data file shipped in the package (frozen values)",
}
"""The domain's ``functools`` caches: each keeps declared data, a function of keys from a closed set
of immutable values (an enum member, a year, nothing), never of what a workbook holds. A cache of
what is read belongs to the reading (``domain.rows.SharedNumbers``) or to the value it is about
(``domain.settings.Scale.ascending``)."""

_CONTAINERS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray", "count"}
_MUTATORS = {"append", "clear", "update", "setdefault", "pop", "popitem", "add", "extend", "insert", "remove",
             "discard", "sort", "reverse", "appendleft", "extendleft", "rotate"}  # fmt: skip
_CACHES = {"cache", "lru_cache"}


def _mutable_module_names(tree: ast.Module) -> set[str]:
    """Module-level names bound to a mutable container (a display, a comprehension, ``dict()``...)."""
    found: set[str] = set()
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        called = value.func if isinstance(value, ast.Call) else None
        name = called.id if isinstance(called, ast.Name) else called.attr if isinstance(called, ast.Attribute) else ""
        if isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or name in _CONTAINERS:
            found |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return found


def _local_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    arguments = function.args
    names = {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]}
    names |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
    return names | {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}


def module_state(source: str) -> list[str]:
    """What in ``source`` changes module state after import: a ``global`` statement; a module-level
    container changed inside a function (an item set or deleted, a mutating method, ``next``); a
    class attribute set inside a function (``cls.x = ...``). Building a constant table at import
    is not state."""
    tree = ast.parse(source)
    containers = _mutable_module_names(tree)
    classes = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)} | {"cls"}
    found: list[str] = []
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for function in functions:
        shared = containers - _local_names(function)
        for node in ast.walk(function):
            where = f"line {getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Global):
                found.append(f"{where}: global {', '.join(node.names)}")
            elif isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in shared:
                    if func.attr in _MUTATORS:
                        found.append(f"{where}: {func.value.id}.{func.attr}()")
                elif (isinstance(func, ast.Name) and func.id == "next" and node.args
                      and isinstance(node.args[0], ast.Name) and node.args[0].id in shared):  # fmt: skip
                    found.append(f"{where}: next({node.args[0].id})")
            elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
                targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
                for target in targets:
                    for part in ast.walk(target):
                        if isinstance(part, ast.Subscript) and isinstance(part.value, ast.Name) and part.value.id in shared:
                            found.append(f"{where}: {part.value.id}[...] changed")
                        elif (isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name)
                              and part.value.id in classes and isinstance(part.ctx, (ast.Store, ast.Del))):  # fmt: skip
                            found.append(f"{where}: {part.value.id}.{part.attr} set")
    return found


def caches(module: str, source: str) -> set[str]:
    """The functions of ``module`` kept by a ``functools`` cache (decorated, or wrapped by a call)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if (target.id if isinstance(target, ast.Name) else getattr(target, "attr", "")) in _CACHES:
                    found.add(f"{module}.{node.name}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _CACHES and node.args:
            found.add(f"{module}.<call at line {node.lineno}>")
    return found


def test_the_state_checker_finds_module_state() -> None:
    source = (
        "from functools import cache, lru_cache\n"
        "_SEEN = {}\n_LAST = [None]\n_TABLE = dict(a=1)\n_NUMBERS = count(1)\n"
        "def f(x):\n    _SEEN[x] = 1\n    _LAST[0] = x\n    next(_NUMBERS)\n    return _TABLE['a']\n"
        "def g():\n    global _LAST\n    _SEEN.clear()\n"
        "def h(_SEEN):\n    _SEEN.clear()\n"
        "class One:\n    def __new__(cls):\n        cls._instance = object.__new__(cls)\n"
        "@lru_cache(maxsize=8)\ndef k(x): ...\n"
        "kept = cache(len)\n"
    )
    assert [found.split(": ", 1)[1] for found in module_state(source)] == [
        "_SEEN[...] changed", "_LAST[...] changed", "next(_NUMBERS)", "global _LAST", "_SEEN.clear()", "cls._instance set",
    ]  # fmt: skip
    assert caches("m", source) == {"m.k", "m.<call at line 21>"}


@pytest.mark.parametrize("module", sorted(m for m in modules() if layer(m) == "domain"))
def test_the_domain_holds_no_mutable_module_state(module: str) -> None:
    assert module_state(modules()[module].read_text(encoding="utf-8")) == []


def test_the_domain_caches_keep_declared_data_only() -> None:
    found = set().union(*(caches(m, modules()[m].read_text(encoding="utf-8")) for m in modules() if layer(m) == "domain"))
    assert found == DOMAIN_CACHES.keys(), "a new cache: is its key a closed set of immutable values? list it"
