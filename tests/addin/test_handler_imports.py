"""A first click (and every click with "USE UDF SERVER","False") starts a new Python: importing a
handler module must not import the heavy libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from xlwings_app.ribbon.registry import HANDLERS

MODULES = sorted({target.partition(":")[0] for target in HANDLERS.values()})


@pytest.mark.parametrize("module", MODULES)
def test_importing_a_handler_module_imports_no_heavy_library(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "print(sorted(m for m in ('xlwings', 'pandas', 'openpyxl', 'docxtpl', 'numpy', 'docx') "
        "if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
