"""A "%" indicator's realisasi typed into a form the ways a Kasi types it, in LibreOffice and in Excel.

The form's %-row realisasi cell is General: "95%" typed there becomes 0.95 with a percent format in
every spreadsheet program (LibreOffice's own typing is driven headless here), read 95 by the rekap
and by the form's live formulas. The slips (a fraction, 95% kept as 0.95 under an older form's
literal-% format, 95 typed into a cell already in percent) are refused naming the cell.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_from_string
from typer.testing import CliRunner

from tests.corpus.harness import digest
from tests.lo_typing import type_in_libreoffice
from tests.services.forms.conftest import find_cell
from xlwings_app.adapters.documents.libreoffice import recalculate
from xlwings_app.cli import app
from xlwings_app.services.workbook import load

runner = CliRunner()
KEU = "Kasubag Keuangan"
KODE, HEADER = "IKI-KEU-01", "Realisasi TW IV"  # a "%" indicator, Akhir, Target TW IV 100


def _realisasi(master: Path) -> Decimal | None:
    return next(i for i in load(master).indicators if i.kode == KODE).realisasi_tw[3]


def _store(form: Path, value: object, fmt: str, target: Path) -> Path:
    """The form as a program stores it after the Kasi typed: ``value`` under number format ``fmt``."""
    wb = load_workbook(form)
    ws = wb.worksheets[0]
    cell = ws[find_cell(form, ws.title, KODE, HEADER)]
    cell.value, cell.number_format = value, fmt
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target


def _rekap(master: Path, folder: Path) -> tuple[int, dict[str, object]]:
    run = runner.invoke(app, ["rekap", str(master), str(folder), "--periode", "TW4", "--json"])
    return run.exit_code, json.loads(run.stdout)


@pytest.mark.libreoffice
def test_95_percent_typed_in_libreoffice_is_95_in_the_rekap_and_in_the_forms_capaian(
    master: Path, forms: dict[str, Path], tmp_path: Path
) -> None:
    form = forms[KEU]
    sheet = load_workbook(form).worksheets[0].title
    address = find_cell(form, sheet, KODE, HEADER)
    returned = type_in_libreoffice(form, tmp_path / "kiriman" / form.name, [(sheet, address, "95%")])
    cell = load_workbook(returned)[sheet][address]
    assert (cell.value, cell.number_format) == (0.95, "0.00%")  # what LibreOffice stores
    live = load_workbook(recalculate(returned, tmp_path / "lo"), data_only=True)[sheet]
    row = coordinate_from_string(address)[1]
    top = next(r for r in live.iter_rows(min_row=1, max_row=40) if r[0].value == "Kode")[0].row
    headers = [c.value for c in live[top]]
    values = dict(zip(headers, [c.value for c in live[row]], strict=False))
    assert round(float(values["Capaian"]), 2) == 95.0 and values["Realisasi Periode"] == pytest.approx(95)
    code, payload = _rekap(master, tmp_path / "kiriman")
    assert code == 0, payload["masalah"]
    assert _realisasi(master) == 95
    assert any("berformat persen" in p["pesan"] and p["sel"] == address for p in payload["masalah"])


@pytest.mark.parametrize("how", ["openpyxl", pytest.param("libreoffice", marks=pytest.mark.libreoffice)])
def test_95_percent_kept_as_0_95_under_an_older_forms_literal_format_is_refused(
    master: Path, forms: dict[str, Path], tmp_path: Path, how: str
) -> None:
    """Forms made before this rule showed a literal "%" (``General"%"``) on the realisasi: LibreOffice
    keeps that format when "95%" is typed and stores 0.95; the rekap says what was meant."""
    form = forms[KEU]
    sheet = load_workbook(form).worksheets[0].title
    address = find_cell(form, sheet, KODE, HEADER)
    older = _store(form, None, 'General"%"', tmp_path / "lama" / form.name)
    target = tmp_path / "kiriman" / form.name
    if how == "libreoffice":
        type_in_libreoffice(older, target, [(sheet, address, "95%")])
        assert load_workbook(target)[sheet][address].value == 0.95
    else:
        _store(older, 0.95, 'General"%"', target)
    before = digest(master)
    code, payload = _rekap(master, target.parent)
    assert code == 2
    [wrong] = [p for p in payload["masalah"] if p["tingkat"] == "galat"]
    assert wrong["sel"] == address and wrong["file"] == form.name
    assert "tertulis 0,95, padahal targetnya 100%: mungkin maksudnya 95%" in wrong["pesan"]
    assert digest(master) == before


def test_95_typed_into_a_cell_already_in_percent_is_refused(master: Path, forms: dict[str, Path], tmp_path: Path) -> None:
    """LibreOffice stores a plain 95 typed into a percent cell as 95 (shown 9500%)."""
    form = forms[KEU]
    _store(form, 95, "0.00%", tmp_path / "kiriman" / form.name)
    code, payload = _rekap(master, tmp_path / "kiriman")
    assert code == 2
    assert any("tampil 9.500%" in p["pesan"] and "mungkin maksudnya 95%" in p["pesan"] for p in payload["masalah"])


def test_a_value_below_one_percent_typed_with_its_sign_is_taken(master: Path, forms: dict[str, Path], tmp_path: Path) -> None:
    form = forms[KEU]
    _store(form, 0.005, "0.00%", tmp_path / "kiriman" / form.name)  # typed "0,5%"
    code, payload = _rekap(master, tmp_path / "kiriman")
    assert code == 0, payload["masalah"]
    assert _realisasi(master) == Decimal("0.5")


def test_95_typed_plain_into_the_forms_general_cell_is_95(master: Path, forms: dict[str, Path], tmp_path: Path) -> None:
    form = forms[KEU]
    _store(form, 95, "General", tmp_path / "kiriman" / form.name)
    code, payload = _rekap(master, tmp_path / "kiriman")
    assert code == 0, payload["masalah"]
    assert _realisasi(master) == 95
