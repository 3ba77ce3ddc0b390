"""The domain is free of I/O (STYLE.md, habit 1): no workbook, document or CLI library in it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import xlwings_app.domain

DOMAIN = Path(xlwings_app.domain.__file__).parent
FORBIDDEN = {"openpyxl", "xlwings", "docxtpl", "typer", "click", "rich", "pandas"}
OUTER_LAYERS = ("adapters", "services", "cli", "ribbon", "addin")


def imported_modules(source: str) -> set[str]:
    """Every absolute module a source imports, wherever the import statement is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def domain_modules() -> list[Path]:
    return sorted(DOMAIN.rglob("*.py"))


def test_the_checker_sees_imports_anywhere_in_a_module():
    source = (
        "import os, openpyxl.styles\n"
        "from xlwings import Book\n"
        "def f():\n"
        "    import pandas as pd\n"
        "    from . import sibling\n"
    )
    assert imported_modules(source) == {"os", "openpyxl.styles", "xlwings", "xlwings.Book", "pandas"}


def test_the_checker_sees_an_outer_layer_imported_by_name():
    assert "xlwings_app.cli" in imported_modules("from xlwings_app import cli\n")


def test_every_domain_module_is_checked_including_subpackages():
    names = {p.relative_to(DOMAIN).as_posix() for p in domain_modules()}
    assert {"capaian.py", "expr.py", "measure.py"} <= names


@pytest.mark.parametrize("path", domain_modules(), ids=lambda p: p.relative_to(DOMAIN).as_posix())
def test_no_domain_module_imports_an_io_library(path):
    imports = imported_modules(path.read_text(encoding="utf-8"))
    assert {m for m in imports if m.split(".")[0] in FORBIDDEN} == set()


@pytest.mark.parametrize("path", domain_modules(), ids=lambda p: p.relative_to(DOMAIN).as_posix())
def test_no_domain_module_depends_on_an_outer_layer(path):
    imports = imported_modules(path.read_text(encoding="utf-8"))
    outer = {f"xlwings_app.{layer}" for layer in OUTER_LAYERS}
    assert {m for m in imports if ".".join(m.split(".")[:2]) in outer} == set()
