"""Generated form scenarios for tests and benchmarks (like ``xlwings_app.samples.synthetic``).

``make_forms_scenario(folder)`` writes a master workbook of ``n_forms × n_indicators`` random
indicators (``n_indicators`` per penanggung jawab), distributes the forms of TW2 and fills every
form's realisasi and permasalahan the way a Kasi would (by cell, in the saved .xlsx). The
scenario says what the rekap must write. Unlike the rest of ``forms`` this module does file I/O.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.settings import Settings
from xlwings_app.forms.spec import form_columns
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import excel_value


def fill_form(path: Path, values: Mapping[str, Mapping[str, object]], sheet: str | None = None) -> None:
    """Type ``values`` (kode → column key → value) into the form sheet of ``path`` and save it.

    Columns are found by header, rows by kode, as a person would; text is typed as text.
    """
    wb = load_workbook(path)
    ws = wb[sheet or wb.sheetnames[0]]
    wanted = {L.normalise_header(c.header): c.key for c in form_columns(Periode.TW4)}
    header_row, keys = 0, {}
    for row in ws.iter_rows(max_row=60):
        if L.normalise_header(row[0].value) == "kode":
            header_row = row[0].row
            keys = {wanted[L.normalise_header(c.value)]: c.column for c in row if c.value}
            break
    for row in ws.iter_rows(min_row=header_row + 1):
        kode = row[0].value
        for key, value in values.get(str(kode), {}).items():
            cell = ws.cell(row[0].row, keys[key])
            cell.value = excel_value(value)
            if isinstance(cell.value, str):
                cell.data_type = "s"
    wb.save(path)


@dataclass
class Scenario:
    master: Path
    forms: Path
    periode: Periode
    indicators: list[Indicator]
    filled: dict[str, dict[str, object]] = field(default_factory=dict)


def make_forms_scenario(folder: Path, n_forms: int = 50, n_indicators: int = 40, seed: int = 6) -> Scenario:
    """Master + ``n_forms`` filled TW2 forms of ``n_indicators`` each, in ``folder``."""
    from xlwings_app.services.formulir import formulir

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    indicators = [
        replace(ind, penanggung_jawab=f"Kasi Uji {i // n_indicators + 1:02d}", realisasi_tw=(*ind.realisasi_tw[:1], None, None, None))
        for i, ind in enumerate(random_indicators(n_forms * n_indicators, seed=seed))
    ]
    master = folder / "induk.xlsx"
    build_workbook(SYNTHETIC_PROFIL, indicators, Settings(periode_aktif=Periode.TW2), spare_rows=2).save(master)
    forms = folder / "formulir"
    distributed = formulir(master, forms, Periode.TW2, timpa=True)
    if not distributed.valid:
        raise RuntimeError("; ".join(str(p) for p in distributed.data.errors))
    scenario = Scenario(master, forms, Periode.TW2, indicators)
    for pj, path, _ in distributed.formulir:
        values = {
            ind.kode: {"r2": Decimal(rng.randrange(0, 50000)) / 100, "permasalahan": f"Catatan {ind.kode}"}
            for ind in indicators if ind.penanggung_jawab == pj
        }
        fill_form(Path(path), values)
        scenario.filled.update(values)
    return scenario
