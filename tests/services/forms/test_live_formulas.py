"""A form's live capaian, recalculated by LibreOffice, equals the engine's (same domain rules).

Random indicators (every polarity, aggregation, range targets, target 0, blanks, zeros) go into
one form per period; half the rows get a newly typed realisasi; LibreOffice recalculates the
form; every Capaian and Predikat cell must equal ``measure`` of the indicator with that value.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench.forms_scenario import fill_form
from xlwings_app.adapters.documents.libreoffice import recalculate
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure
from xlwings_app.domain.settings import Band, Scale, Settings, VarianNegatif
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators
from xlwings_app.services.formulir import formulir

INDICATORS = [replace(i, penanggung_jawab="Kasi Uji") for i in random_indicators(90, 30, seed=11)]
IKI_SCALE = Scale((Band(Decimal(0), "Sangat Kurang"), Band(Decimal(60), "Kurang"), Band(Decimal(80), "Cukup"),
                   Band(Decimal(100), "Baik")))
CASES = [(p, Settings(periode_aktif=p)) for p in (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4)] + [
    (Periode.TW3, Settings(periode_aktif=Periode.TW3, varian_negatif=VarianNegatif.RASIO, skala=IKI_SCALE))
]


def _typed(index: int) -> Decimal | None:
    return None if index % 2 else Decimal(index % 7 * 37) / 4


@pytest.mark.libreoffice
@pytest.mark.parametrize(("periode", "settings"), CASES, ids=["TW1", "TW2", "TW3", "TW4", "TW3-rasio-skala-IKI"])
def test_libreoffice_computes_the_forms_capaian_as_the_engine(tmp_path: Path, periode: Periode, settings: Settings) -> None:
    master = tmp_path / "induk.xlsx"
    build_workbook(SYNTHETIC_PROFIL, INDICATORS, settings, spare_rows=1).save(master)
    result = formulir(master, tmp_path / "formulir", periode)
    assert result.valid and len(result.formulir) == 1
    form = Path(result.formulir[0][1])
    key, n = f"r{periode.number}", periode.number
    typed = {i.kode: {key: _typed(x)} for x, i in enumerate(INDICATORS) if _typed(x) is not None}
    fill_form(form, typed)
    ws = load_workbook(recalculate(form, tmp_path / "lo"), data_only=True)["Isian"]
    rows = list(ws.iter_rows(values_only=True))
    top = next(x for x, r in enumerate(rows) if r[0] == "Kode")
    live = {r[0]: dict(zip(rows[top], r, strict=True)) for r in rows[top + 1:] if r[0]}
    mismatches, computed = [], 0
    for x, ind in enumerate(INDICATORS):
        value = _typed(x) if _typed(x) is not None else ind.realisasi_tw[n - 1]
        realisasi = tuple(value if i == n - 1 else r for i, r in enumerate(ind.realisasi_tw))
        expected = measure(replace(ind, realisasi_tw=realisasi), periode, settings)  # type: ignore[arg-type]
        row = live[ind.kode]
        assert not (isinstance(row["Capaian"], str) and row["Capaian"].startswith("#")), row
        got = None if row["Capaian"] in (None, "") else Decimal(str(round(float(row["Capaian"]), 2)))
        computed += got is not None
        if got != expected.capaian or (row["Predikat"] or None) != expected.predikat:
            mismatches.append((ind.kode, expected.capaian, got, expected.predikat, row["Predikat"]))
    assert mismatches == []
    assert computed > len(INDICATORS) // 3
