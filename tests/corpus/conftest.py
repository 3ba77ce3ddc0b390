"""Fixtures of the bad-input corpus: a good master, a filled form of it, and a secret to leak.

The master and its forms are built once per test process and copied for each test (a copy is
what a test may damage).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.forms_scenario import fill_form
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.samples import example
from xlwings_app.services.formulir import formulir

TW4 = Periode.TW4
TRANTIB = example.KASI_TRANTIB
FORM_NAME = f"Formulir TW4 - {TRANTIB}.xlsx"


@pytest.fixture(scope="session")
def _originals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("asli")
    path = folder / "induk.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=3).save(path)
    result = formulir(path, folder / "formulir", TW4)
    assert result.valid
    fill_form(folder / "formulir" / FORM_NAME, {"IKU-06": {"r4": 9}})
    return folder


@pytest.fixture
def master(_originals: Path, tmp_path: Path) -> Path:
    """The example workbook (Kecamatan Lumajang 2024), inputs only."""
    return Path(shutil.copy2(_originals / "induk.xlsx", tmp_path / "induk.xlsx"))


@pytest.fixture
def form(_originals: Path, master: Path, tmp_path: Path) -> Path:
    """The TW4 form of Kasi Trantib (IKU-06, IKU-07, IKI-TRANTIB-01) with IKU-06 filled in with 9."""
    (tmp_path / "formulir").mkdir()
    return Path(shutil.copy2(_originals / "formulir" / FORM_NAME, tmp_path / "formulir" / FORM_NAME))


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file an external entity would try to read into the workbook."""
    path = tmp_path / "rahasia.txt"
    path.write_text("RAHASIA-KANTOR-7731", encoding="utf-8")
    return path
