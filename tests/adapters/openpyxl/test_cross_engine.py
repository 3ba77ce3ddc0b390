"""The live formulas and the Python engine agree, computed by a real spreadsheet engine.

A generated workbook of 240 random indicator rows (every polarity, aggregation and edge case) is
recalculated by headless LibreOffice for every period and both negative-polarity variants, read
back with openpyxl (data_only=True): no cell holds an error, every live capaian equals the
engine's, every predikat is the same.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from xlwings_app.adapters.documents.libreoffice import recalculate
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.measure import measure
from xlwings_app.domain.settings import Settings, VarianNegatif
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators
from xlwings_app.sheets import layout as L

INDICATORS = random_indicators(160, 80, seed=7)
CASES = [(p, VarianNegatif.SELISIH) for p in Periode] + [(Periode.TW3, VarianNegatif.RASIO)]


def _recalculated(tmp_path: Path, settings: Settings) -> object:
    source = tmp_path / "acak.xlsx"
    build_workbook(SYNTHETIC_PROFIL, INDICATORS, settings, spare_rows=3).save(source)
    return load_workbook(recalculate(source, tmp_path / "lo"), data_only=True)


def _live_rows(wb: object, jenis: Jenis) -> dict[str, dict[str, object]]:
    table = L.layout().tables[jenis]
    ws = wb[table.sheet]  # type: ignore[index]
    rows = list(ws.iter_rows(min_row=L.TITLE_ROWS + 1, values_only=True))
    headers = rows[0]
    return {row[0]: dict(zip(headers, row, strict=True)) for row in rows[1:] if row[0]}


def test_generated_set_covers_every_case() -> None:
    assert len({i.polaritas for i in INDICATORS}) == 2
    assert len({i.agregasi for i in INDICATORS}) == 3
    assert any(i.is_range for i in INDICATORS)
    assert any(i.target_tahunan == 0 for i in INDICATORS)
    assert any(r is None for i in INDICATORS for r in i.realisasi_tw)
    assert any(r == 0 for i in INDICATORS for r in i.realisasi_tw)
    assert len(INDICATORS) >= 200


@pytest.mark.libreoffice
@pytest.mark.parametrize(("periode", "varian"), CASES, ids=[f"{p.value}-{v.name}" for p, v in CASES])
def test_libreoffice_computes_what_the_engine_computes(tmp_path: Path, periode: Periode, varian: VarianNegatif) -> None:
    settings = Settings(periode_aktif=periode, varian_negatif=varian)
    wb = _recalculated(tmp_path, settings)
    errors = [
        f"{ws.title}!{c.coordinate}={c.value}"
        for ws in wb.worksheets  # type: ignore[attr-defined]
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "e" or (isinstance(c.value, str) and c.value.startswith("#"))
    ]
    assert errors == []
    live = {**_live_rows(wb, Jenis.IKU), **_live_rows(wb, Jenis.IKI)}
    mismatches = []
    computed = 0
    for indicator in INDICATORS:
        expected = measure(indicator, periode, settings)
        row = live[indicator.kode]
        got_capaian = row["Capaian"]
        got = None if got_capaian in (None, "") else Decimal(str(round(float(got_capaian), 2)))
        got_predikat = row["Predikat"] or None
        computed += got is not None
        if got != expected.capaian or got_predikat != expected.predikat:
            mismatches.append((indicator.kode, expected.capaian, got, expected.predikat, got_predikat))
    assert mismatches == []
    assert computed > len(INDICATORS) // 3  # the comparison is not vacuous
