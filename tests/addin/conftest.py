"""Shared fixtures: the add-in built once per test session from the real template and macros/.

XLWINGS_LICENSE_KEY (xlwings' remote engine) is set in tests/conftest.py for every folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xlwings_app.addin.xlam import build_xlam
from xlwings_app.resources import resource_dir

MACROS = resource_dir("macros")


@pytest.fixture(scope="session")
def built_xlam(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_xlam(tmp_path_factory.mktemp("addin") / "Kinerja.xlam")


def bas_sources() -> dict[str, str]:
    """Our modules' source as VBA stores it: CRLF line ends, keyed by VB_Name."""
    from xlwings_app.addin.xlam import macro_modules

    return {module.name: module.source for module in macro_modules(MACROS)}
