"""Shared fixtures: the add-in built once per test session from the real template and macros/.

xlwings decides at import whether its remote engine (``xw.Book(json=...)``) is available, from
XLWINGS_LICENSE_KEY; the handler tests use it under the PolyForm Noncommercial license, so the
key is set before anything imports xlwings.
"""

from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from xlwings_app.addin.xlam import build_xlam  # noqa: E402
from xlwings_app.resources import resource_dir  # noqa: E402

MACROS = resource_dir("macros")


@pytest.fixture(scope="session")
def built_xlam(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_xlam(tmp_path_factory.mktemp("addin") / "Kinerja.xlam")


def bas_sources() -> dict[str, str]:
    """Our modules' source as VBA stores it: CRLF line ends, keyed by VB_Name."""
    from xlwings_app.addin.xlam import macro_modules

    return {module.name: module.source for module in macro_modules(MACROS)}
