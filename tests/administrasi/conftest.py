"""The example workbook with its SOPs, for the administrative papers: built once per module.

``example_workbook`` is the demo's workbook as ``kinerja contoh`` has it before the papers: the
example unit, its three SOPs with the TW3 log, and the TW4 rows of Log Langkah opened. The
Prosedur Penyusunan Pengukuran Kinerja (seed 000) is added with empty TW3 rows, so the sending of
the TW3 documents to Bappeda has a step to stamp.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.sop.log import new_period_entries
from xlwings_app.samples import example, example_sop
from xlwings_app.services.contoh import sop_contoh
from xlwings_app.services.master import using
from xlwings_app.services.sop import mulai
from xlwings_app.services.workbook import create
from xlwings_app.sheets.changes import AddSopSheets, AppendLogRows
from xlwings_app.sheets.sop_layout import LOG_HEADER_ROW, SopPlace, short_name

PENYUSUNAN = "pengukuran-lumajang"


def pdf_text(pdf: Path) -> str:
    """The PDF's text as pdftotext reads it, spaces folded."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def build_example(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kinerja.xlsx"
    wb = build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=5, pejabat=example.PEJABAT)
    create(path, wb, overwrite=True)
    list(sop_contoh(path))
    sop, _ = example_sop.own(PENYUSUNAN)
    place = SopPlace(short_name(sop.nama))
    with using(path) as master:
        master.stage(AddSopSheets(sop, 2024, "", place))
        master.stage(AppendLogRows(sop, new_period_entries(sop, "TW3"), LOG_HEADER_ROW + 1, place))
        master.commit()
    mulai(path, "TW4")
    return path


@pytest.fixture(scope="session")
def example_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("contoh") / "asal")


@pytest.fixture
def example_workbook(example_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the example workbook for one test."""
    target = tmp_path / "kinerja.xlsx"
    shutil.copyfile(example_template, target)
    return target
