"""Every docstring reference points to something that exists (and so does docs/arsitektur.md).

A dotted name in double backticks that starts with ``xlwings_app`` or a layer of the package
(``domain.seal``, ``adapters.xlsx.package.Package``) must import and resolve; no docstring names a
module by its name from before the layout by layer; every repository path a docstring or the
architecture page names (``tests/...py``, ``workbook/layout.toml``) exists.
"""

from __future__ import annotations

import ast
import importlib
import re
from functools import cache
from pathlib import Path

import pytest

import xlwings_app

PACKAGE = Path(xlwings_app.__file__).parent
ROOT = PACKAGE.parent
LAYERS = ("domain", "sheets", "forms", "report", "adapters", "services", "samples", "cli", "ribbon",
          "addin", "udfs", "resources")  # fmt: skip
RETIRED = {
    "workbook_builder", "results_sheets", "riwayat_sheet", "seal_sheet", "calamine_source", "xlsx_guard",
    "xlsx_patch", "workbook_reader", "xlwings_book", "xlwings_forms", "xlwings_marks", "xlwings_protect",
    "xlwings_rekap", "xlwings_seal", "xlwings_sop", "results_values", "sop_results_values", "form_values",
    "xlwings_results",
}  # fmt: skip
"""Module names of before the layout by layer (issue 11): a docstring naming one points nowhere."""
REFERENCE = re.compile(r"``([A-Za-z_][\w.]*)(?:\(\))?``")
REPO_PATH = re.compile(r"\b((?:tests|workbook|docs|macros|report_templates|bench|xlwings_app)/[\w/.-]*\w)")


@cache
def docstrings() -> list[tuple[str, str]]:
    """(module path, text) of every docstring and attribute docstring in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                found.append((path.relative_to(ROOT).as_posix(), node.value.value))
    return found


def resolves(name: str) -> bool:
    parts = name.split(".")
    if parts[0] != "xlwings_app":
        parts = ["xlwings_app", *parts]
    for cut in range(len(parts), 1, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def references() -> list[tuple[str, str]]:
    return sorted({
        (where, m.group(1))
        for where, text in docstrings()
        for m in REFERENCE.finditer(text)
        if m.group(1).split(".")[0] in (*LAYERS, "xlwings_app") and "." in m.group(1)
    })  # fmt: skip


def test_the_references_are_found() -> None:
    names = {name for _, name in references()}
    assert {"domain.seal", "adapters.xlsx.package"} <= names
    assert resolves("sheets.inputs.read_inputs") and not resolves("adapters.workbook_reader")


@pytest.mark.parametrize(("where", "name"), references())
def test_a_dotted_reference_resolves(where: str, name: str) -> None:
    assert resolves(name), f"{where}: ``{name}`` does not exist"


def test_no_docstring_names_a_retired_module() -> None:
    named = {
        (where, m.group(1))
        for where, text in docstrings()
        for m in REFERENCE.finditer(text)
        if RETIRED & set(m.group(1).split("."))
    }
    assert named == set()


def test_every_repository_path_named_exists() -> None:
    texts = [*docstrings(), ("docs/arsitektur.md", (ROOT / "docs" / "arsitektur.md").read_text(encoding="utf-8"))]
    missing = {
        (where, path)
        for where, text in texts
        for path in REPO_PATH.findall(text)
        if not (ROOT / path).exists() and not path.startswith("xlwings_app/_data")  # packed in a wheel only
    }
    assert missing == set()


def test_the_architecture_page_names_existing_modules() -> None:
    """``adapters/xlsx/reader.py`` and ``adapters/xlsx/reader.read_workbook`` (a module's function)."""
    page = (ROOT / "docs" / "arsitektur.md").read_text(encoding="utf-8")
    layers = "|".join(LAYERS)
    named = set(re.findall(rf"(?<![\w/])((?:{layers})/[\w/]+)(?![\w/*<])(\.py\b|\.\w+)?", page))
    assert len(named) > 20
    missing = set()
    for path, suffix in named:
        if suffix in ("", ".py"):
            if not ((PACKAGE / path).is_dir() or (PACKAGE / f"{path}.py").is_file()):
                missing.add(path + suffix)
        elif not resolves(f"{path.replace('/', '.')}{suffix}"):
            missing.add(path + suffix)
    assert missing == set()


def test_every_cited_section_of_the_domain_page_exists() -> None:
    page = (ROOT / "docs" / "domain.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (.+)$", page, re.M))
    cited = {
        " ".join(m.group(1).split())
        for _, text in docstrings()
        for m in re.finditer(r'docs/domain\.md,\s+"([^"]+)"', text)
    }
    assert {"Capaian formulas", "Predikat scale", "Budget efficiency"} <= cited
    assert cited - headings == set()


def test_every_comparing_test_on_the_fast_paths_page_exists() -> None:
    """docs/jalur-cepat.md names, for each fast path, the test comparing it with its plain twin."""
    page = (ROOT / "docs" / "jalur-cepat.md").read_text(encoding="utf-8")
    named = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", page)
    assert len(named) > 30
    missing = []
    for path, test in named:
        file = ROOT / path
        if not file.is_file():
            missing.append(path)
        elif test and test not in {
            n.name for n in ast.walk(ast.parse(file.read_text(encoding="utf-8"))) if isinstance(n, ast.FunctionDef)
        }:
            missing.append(f"{path}::{test}")
    assert missing == []
