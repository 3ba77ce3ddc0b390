"""The master's live formulas read a target or realisasi typed as a percentage as the engine reads it.

Typing "93%" stores 0.93 with a percent number format; Kinerja's reader takes it as 93. The live
Target Periode, Realisasi Periode and Capaian of sheets IKU and IKI scale such a cell by its
``CELL("format")`` (docs/masukan-excel.md). Proven with LibreOffice: a master with cells stored the
way Excel stores a typed percentage (0.93, ``0%``), cells typed through LibreOffice itself ("68,2%"
into a General cell, which LibreOffice turns into 0.682 with ``0.00%``), a literal-% format that only
shows a sign, and a target and realisasi of one row on different footings, is recalculated
headless; every live Capaian, Target Periode and Realisasi Periode equals the engine's.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import cell_of
from tests.lo_typing import type_in_libreoffice
from xlwings_app.adapters.documents.libreoffice import recalculate
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.measure import measure
from xlwings_app.samples import example
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.live_formulas import live_formulas

EXCEL_TYPED = [  # (jenis, kode, key, stored value, number format): as Excel stores a typed "97,3%"
    (Jenis.IKU, "IKU-02", "r3", 0.973, "0.0%"),
    (Jenis.IKU, "IKU-02", "r1", 0.925, "#,##0.0%"),
    (Jenis.IKU, "IKU-03", "r2", 2.8, "0%"),  # "280%" on a unit that is no percentage: read 280, as typed
    (Jenis.IKI, "IKI-UMUM-01", "r1", 1.0, "[Red]0%"),
    (Jenis.IKI, "IKI-UMUM-01", "t2", 1.0, "0.00%"),  # a target typed as 100%, its realisasi as 95
    (Jenis.IKI, "IKI-SEK-01", "r3", 75, '0.0"%"'),  # a literal sign only: 75 stays 75
]
LIBREOFFICE_TYPED = [(Jenis.IKI, "IKI-KEU-01", "r3", "68,2%"), (Jenis.IKI, "IKI-KEU-01", "t3", "75%")]


def test_every_formula_fits_excels_limit_and_reads_its_own_row() -> None:
    for table in L.layout().tables.values():
        for key, formula in live_formulas(table, 1_048_576).items():
            assert len(formula) < 8192, (key, len(formula))
            assert {int(n) for n in re.findall(r"\b[A-Z]{1,3}([0-9]+)\b", formula)} <= {1_048_576}
            if key in ("target_periode", "realisasi_periode"):
                assert 'CELL("format"' in formula


@pytest.mark.libreoffice
def test_libreoffice_computes_a_percent_typed_cell_as_the_engine(tmp_path: Path) -> None:
    built = tmp_path / "induk.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=2).save(built)
    wb = load_workbook(built)
    for jenis, kode, key, value, fmt in EXCEL_TYPED:
        cell = wb[L.layout().tables[jenis].sheet][cell_of(built, jenis, kode, key)]
        cell.value, cell.number_format = value, fmt
    wb.save(built)
    entries = [(L.layout().tables[j].sheet, cell_of(built, j, kode, key), text) for j, kode, key, text in LIBREOFFICE_TYPED]
    typed = type_in_libreoffice(built, tmp_path / "diketik.xlsx", entries)
    stored = load_workbook(typed)
    for (sheet, address, _), (_, _, _, text) in zip(entries, LIBREOFFICE_TYPED, strict=True):
        assert stored[sheet][address].number_format.endswith("%"), (address, text)  # LibreOffice made it a percent
    data = read_workbook(typed)
    assert not data.errors, data.errors
    read = {i.kode: i for i in data.indicators}
    assert read["IKI-KEU-01"].realisasi_tw[2] == Decimal("68.2") and read["IKU-02"].realisasi_tw[2] == Decimal("97.3")
    assert read["IKI-UMUM-01"].target_tw[1] == 100 and read["IKI-SEK-01"].realisasi_tw[2] == 75
    live = load_workbook(recalculate(typed, tmp_path / "lo"), data_only=True)
    compared = 0
    for jenis, table in L.layout().tables.items():
        rows = list(live[table.sheet].iter_rows(min_row=L.TITLE_ROWS + 1, values_only=True))
        for row in rows[1:]:
            if not row[0]:
                continue
            values = dict(zip(rows[0], row, strict=True))
            expected = measure(read[row[0]], example.SETTINGS.periode_aktif, example.SETTINGS)
            for header, want in (("Capaian", expected.capaian), ("Realisasi Periode", expected.realisasi),
                                 ("Target Periode", expected.target)):  # fmt: skip
                got = values[header]
                got = None if got in (None, "") else Decimal(str(round(float(got), 2)))
                want = None if want is None else Decimal(want).quantize(Decimal("0.01"))
                assert got == want, (jenis, row[0], header, got, want)
            compared += 1
    assert compared == len(example.INDICATORS)
