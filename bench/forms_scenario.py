"""Generated form scenarios for tests and benchmarks (like ``xlwings_app.samples.synthetic``).

``make_forms_scenario(folder)`` writes a master workbook of ``n_forms × n_indicators`` random
indicators (``n_indicators`` per penanggung jawab), distributes the forms of TW2 and fills every
form's realisasi and permasalahan the way a Kasi would (by cell, in the saved .xlsx). The
scenario says what the rekap must write. ``add_sop_log`` gives a master the SOP Pengumpulan Data
with the rows of a period in its step log, so that a rekap stamps its steps there (steps 7 and
8). Unlike the rest of ``forms`` this module does file I/O.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.form_fill import fill_form, set_status
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.settings import Settings
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators

__all__ = ["Scenario", "add_sop_log", "fill_form", "make_forms_scenario", "set_status"]

SOP_PRESET = "pengumpulan-data-tim-sakip"
"""The SOP whose steps the forms and the rekap stamp (Pengumpulan Data Kinerja, Tim SAKIP)."""


@dataclass
class Scenario:
    master: Path
    forms: Path
    periode: Periode
    indicators: list[Indicator]
    filled: dict[str, dict[str, object]] = field(default_factory=dict)


def _typed(indicator: Indicator, value: Decimal) -> Decimal:
    """A plausible realisasi: a "%" indicator's is no fraction of one percent (domain.percent_entry)."""
    return value + 1 if indicator.satuan.strip() == "%" and 0 < value <= 1 else value


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
    distributed = formulir(master, forms, Periode.TW2, overwrite=True)
    if not distributed.valid:
        raise RuntimeError("; ".join(str(p) for p in distributed.data.errors))
    scenario = Scenario(master, forms, Periode.TW2, indicators)
    for pj, path, _ in distributed.formulir:
        values = {
            ind.kode: {"r2": _typed(ind, Decimal(rng.randrange(0, 50000)) / 100), "permasalahan": f"Catatan {ind.kode}"}
            for ind in indicators if ind.penanggung_jawab == pj
        }
        fill_form(Path(path), values)
        scenario.filled.update(values)
    return scenario


def add_sop_log(master: Path, periode: Periode, tahun: int = 2024) -> None:
    """Add sheets SOP, Kalender and Log Langkah (``SOP_PRESET``) to ``master``, with one log row per
    step for ``periode`` (as ``kinerja sop mulai`` adds them): one commit on the master."""
    from xlwings_app.domain.sop.log import new_period_entries
    from xlwings_app.domain.sop.presets import preset
    from xlwings_app.services.master import using
    from xlwings_app.sheets.changes import AddSopSheets, AppendLogRows
    from xlwings_app.sheets.sop_layout import LOG_HEADER_ROW

    sop = preset(SOP_PRESET)
    with using(master) as m:
        m.stage(AddSopSheets(sop, tahun))
        m.stage(AppendLogRows(sop, new_period_entries(sop, periode.value), LOG_HEADER_ROW + 1))
        m.commit()
