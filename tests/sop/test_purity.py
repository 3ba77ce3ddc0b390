"""The SOP domain is pure: it imports only the standard library, holidays and the problems module."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import xlwings_app.domain.sop as sop_package

ALLOWED_THIRD_PARTY = {"holidays"}
ALLOWED_OWN = ("xlwings_app.domain.problems", "xlwings_app.domain.sop")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_sop_domain_imports_nothing_from_the_edges() -> None:
    root = Path(sop_package.__file__).parent
    modules = sorted(root.rglob("*.py"))
    assert len(modules) >= 7
    for module in modules:
        for name in imported_modules(module):
            top = name.split(".")[0]
            allowed = (
                top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY or name.startswith(ALLOWED_OWN)
            )
            assert allowed, f"{module.relative_to(root)} imports {name}"
