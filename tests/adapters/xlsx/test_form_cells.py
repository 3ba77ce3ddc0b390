"""Forms read with calamine (``adapters.xlsx.form_cells``) give what openpyxl's read-only mode gives.

Every form is read both ways (``form_reader.FAST``): the same forms, rows, addresses, value types,
values (percent-formatted numbers as ``Percent``, formula cells as their formula text), formula flags
and the same problems.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench.forms_scenario import fill_form, make_forms_scenario
from tests.services.forms.conftest import find_cell
from xlwings_app.adapters.openpyxl import form_reader
from xlwings_app.adapters.xlsx.form_cells import FormCells
from xlwings_app.domain.numbers import Percent
from xlwings_app.samples import example


def _key(path: Path) -> tuple[object, ...]:
    forms, problems = form_reader.read_forms(path)
    return (
        [(f.file, f.sheet, f.meta, f.header_row, f.headers,
          f.status and (f.status.address, type(f.status.value), f.status.value, f.status.formula),
          [(r.kode, r.baris, sorted((k, c.address, type(c.value).__name__, c.value, c.formula)
                                    for k, c in r.cells.items())) for r in f.rows])
         for f in forms],
        [(str(p), p.sheet, p.tingkat) for p in problems],
    )  # fmt: skip


def both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    monkeypatch.setattr(form_reader, "FAST", True)
    fast = _key(path)
    monkeypatch.setattr(form_reader, "FAST", False)
    slow = _key(path)
    return fast, slow


def test_every_form_of_the_f_scenario_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sc = make_forms_scenario(tmp_path / "F", n_forms=6, n_indicators=10)
    files = sorted(sc.forms.glob("*.xlsx"))
    assert len(files) >= 6  # one per penanggung jawab (the scenario may add forms of its own)
    for file in files:
        fast, slow = both_ways(file, monkeypatch)
        assert fast == slow, file.name


def test_formulas_percent_text_and_errors_read_the_same(forms: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    form = forms[example.KASI_TRANTIB]
    fill_form(form, {"IKU-06": {"permasalahan": '=HYPERLINK("x","klik")', "r4": "9,5"}})
    wb = load_workbook(form)
    ws = wb["Isian"]
    ws[find_cell(form, "Isian", "IKU-07", "Keterangan")] = "=1+1"
    ws[find_cell(form, "Isian", "IKU-07", "Permasalahan TW IV")] = '=IF(A1="a","<b>","&")'
    percent = ws[find_cell(form, "Isian", "IKU-06", "Realisasi TW IV")]
    percent.value, percent.number_format = 0.925, "0.0%"
    ws[find_cell(form, "Isian", "IKU-07", "Realisasi TW IV")] = "=1/0"
    wb.save(form)
    fast, slow = both_ways(form, monkeypatch)
    assert fast == slow
    forms_read, _ = form_reader.read_forms(form)
    cells = {c.address: c for f in forms_read for r in f.rows for c in r.cells.values()}
    assert isinstance(cells[percent.coordinate].value, Percent)
    formula = cells[find_cell(form, "Isian", "IKU-07", "Permasalahan TW IV")]
    assert (formula.value, formula.formula) == ('=IF(A1="a","<b>","&")', True)
    division = cells[find_cell(form, "Isian", "IKU-07", "Realisasi TW IV")]
    assert (division.value, division.formula) == ("=1/0", True)


def test_a_shared_formula_falls_back_to_openpyxl(forms: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    form = forms[example.KASI_TRANTIB]
    with_shared = form.with_name("bersama.xlsx")
    target = find_cell(form, "Isian", "IKU-07", "Keterangan")
    with zipfile.ZipFile(form) as z, zipfile.ZipFile(with_shared, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data, n = re.subn(
                    rb'<c r="' + target.encode() + rb'"([^>]*?)(?:/>|>.*?</c>)',
                    rb'<c r="' + target.encode() + rb'"\1><f t="shared" ref="' + target.encode() + rb'" si="0">1+1</f><v>2</v></c>',
                    data, count=1, flags=re.S)  # fmt: skip
                assert n == 1
            out.writestr(name, data)
    cells = FormCells(with_shared)
    try:
        with pytest.raises(form_reader.Unsuitable):
            list(cells.rows("Isian"))
    finally:
        cells.close()
    fast, slow = both_ways(with_shared, monkeypatch)
    assert fast == slow
    read, _ = form_reader.read_forms(with_shared)
    keterangan = next(c for f in read for r in f.rows for c in r.cells.values() if c.address == target)
    assert keterangan.formula and keterangan.value == "=1+1"
