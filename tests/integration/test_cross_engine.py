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


FORMATS = {"0%": True, "0.0%": True, "0.00%": True, "#,##0.0%": True, "[Red]0.0%": True,
           '0.0"%"': False, "0.0\\%": False, "General": False, "#,##0.##": False}  # fmt: skip


@pytest.mark.libreoffice
def test_the_sheet_marks_exactly_the_cells_the_engine_reads_as_percentages(tmp_path: Path) -> None:
    """Decision (docs/masukan-excel.md): a value typed as 93% (0.93, percent format) is read as 93
    by the engine; the live formulas are not changed (rewritten per input they would pass Excel's
    8192-character limit), the sheet marks such cells with the conditional format
    ``percent_format_test``. LibreOffice computes that test on every input cell: TRUE exactly where
    the reader gave its percent notice."""
    from openpyxl.utils import get_column_letter

    from xlwings_app.adapters.xlsx.reader import read_workbook
    from xlwings_app.samples import example
    from xlwings_app.sheets.live_formulas import percent_format_test

    source = tmp_path / "persen.xlsx"
    build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=2).save(source)
    wb = load_workbook(source)
    table = L.layout().tables[Jenis.IKI]
    ws = wb[table.sheet]
    header = L.TITLE_ROWS + 1
    keys = [c.key for c in table.columns]
    typed = []
    for offset, (fmt, _) in enumerate(FORMATS.items()):
        row, col = header + 1 + offset, keys.index("r2") + 1
        ws.cell(row, col).value, ws.cell(row, col).number_format = 0.5, fmt
        typed.append(f"{get_column_letter(col)}{row}")
    assert ws.conditional_formatting, "the input cells carry the percent mark"
    rules = {r.formula[0] for cf in ws.conditional_formatting for r in cf.rules}
    assert percent_format_test(f"{get_column_letter(keys.index('r2') + 1)}{header + 1}") in rules
    check = wb.create_sheet("Uji")
    inputs = [f"{get_column_letter(keys.index(k) + 1)}{r}" for k in L.PERCENT_POINT_KEYS
              for r in range(header + 1, ws.max_row + 1)]  # fmt: skip
    for i, address in enumerate(inputs, start=1):
        check.cell(i, 1, address)
        check.cell(i, 2, "=" + percent_format_test(f"{table.sheet}!{address}"))
    wb.save(source)
    read = read_workbook(source)
    engine = {p.sel for p in read.problems if p.sheet == table.sheet and "berformat persen" in p.pesan}
    assert engine == {a for a, (f, pct) in zip(typed, FORMATS.items(), strict=True) if pct}
    recalculated = load_workbook(recalculate(source, tmp_path / "lo"), data_only=True)["Uji"]
    marked = {row[0] for row in recalculated.iter_rows(values_only=True) if row[1] is True}
    assert marked == engine
