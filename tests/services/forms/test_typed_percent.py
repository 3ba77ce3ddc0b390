"""Forms filled the way a Kasi types in Excel: ``93%`` is stored as 0.93 with the format ``0%``,
``97,3%`` as 0.973 with ``0.0%``. The rekap collects 93 and 97,3, also after the form was re-saved
by LibreOffice, from form files and from the lembar sheets of the master."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.services.forms.conftest import TW4, find_cell
from xlwings_app.cli import app
from xlwings_app.services.formulir import lembar
from xlwings_app.services.workbook import load

runner = CliRunner()
KEU, SEK = "Kasubag Keuangan", "Sekretaris Camat"
TYPED = {KEU: ("IKI-KEU-01", 0.93, "0%", Decimal(93)), SEK: ("IKI-SEK-01", 0.973, "0.0%", Decimal("97.3"))}


def _type_percent(path: Path, sheet: str | None, kode: str, stored: float, fmt: str) -> None:
    wb = load_workbook(path)
    ws = wb[sheet or wb.sheetnames[0]]
    cell = ws[find_cell(path, ws.title, kode, "Realisasi TW IV")]
    cell.value, cell.number_format = stored, fmt
    wb.save(path)


def _realisasi(master: Path, kode: str) -> Decimal | None:
    return next(i for i in load(master).indicators if i.kode == kode).realisasi_tw[3]


def test_a_percent_rows_input_is_general_and_its_context_shows_a_literal_percent_sign(forms: dict[str, Path]) -> None:
    """Typing "95%" into a General cell makes every spreadsheet program store 0.95 with a percent
    format (read 95); the read-only targets only show a sign (docs/masukan-excel.md)."""
    path = forms[KEU]
    ws = load_workbook(path).worksheets[0]
    assert ws[find_cell(path, ws.title, "IKI-KEU-01", "Realisasi TW IV")].number_format == "General"
    assert ws[find_cell(path, ws.title, "IKI-KEU-01", "Target TW IV")].number_format.endswith('"%"')
    assert not ws[find_cell(path, ws.title, "IKU-05", "Target TW IV")].number_format.endswith('"%"')


@pytest.mark.parametrize("libreoffice", [False, pytest.param(True, marks=pytest.mark.libreoffice)],
                         ids=["excel", "disimpan-ulang-libreoffice"])  # fmt: skip
def test_rekap_collects_what_the_kasi_typed(master: Path, forms: dict[str, Path], tmp_path: Path,
                                            libreoffice: bool) -> None:  # fmt: skip
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for pj, (kode, stored, fmt, _) in TYPED.items():
        _type_percent(forms[pj], None, kode, stored, fmt)
        if libreoffice:
            subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(folder),
                            str(forms[pj])], check=True, capture_output=True, timeout=180)  # fmt: skip
        else:
            shutil.copy2(forms[pj], folder)
    run = runner.invoke(app, ["rekap", str(master), str(folder), "--periode", "TW4", "--json"])
    assert run.exit_code == 0, run.output
    payload = json.loads(run.stdout)
    notices = [p for p in payload["masalah"] if p["tingkat"] == "catatan" and "berformat persen" in p["pesan"]]
    assert len(notices) == 2, payload["masalah"]
    for kode, _, _, expected in TYPED.values():
        assert _realisasi(master, kode) == expected


def test_a_lembar_sheet_typed_with_percent(master: Path) -> None:
    lembar(master, TW4)
    sheet = "Isian Kasubag Keuangan"
    _type_percent(master, sheet, "IKI-KEU-01", 0.93, "0%")
    run = runner.invoke(app, ["rekap", str(master), "--lembar", "--periode", "TW4"])
    assert run.exit_code == 0, run.output
    assert _realisasi(master, "IKI-KEU-01") == 93


# --- item 8: the period comes from the forms ----------------------------------------------------


def test_rekap_without_periode_takes_the_forms_period(master: Path, tmp_path: Path) -> None:
    """README: ``kinerja rekap FILE formulir/``; the forms are TW4's while Periode aktif is TW3."""
    out = tmp_path / "formulir"
    assert runner.invoke(app, ["formulir", str(master), "--periode", "TW4", "--keluar", str(out)]).exit_code == 0
    from bench.forms_scenario import fill_form

    fill_form(out / "Formulir TW4 - Kasi Pemerintahan.xlsx", {"IKI-PEM-01": {"r4": 3}})
    run = runner.invoke(app, ["rekap", str(master), str(out), "--json"])
    assert run.exit_code == 0, run.output
    payload = json.loads(run.stdout)
    assert any("Periode rekap TW4 diambil dari" in p["pesan"] and p["tingkat"] == "catatan" for p in payload["masalah"])
    assert next(i for i in load(master).indicators if i.kode == "IKI-PEM-01").realisasi_tw[3] == 3


def test_forms_of_different_periods_are_one_error_listing_them(master: Path, tmp_path: Path) -> None:
    from tests.corpus.harness import digest

    folder = tmp_path / "campur"
    folder.mkdir()
    for periode in ("TW2", "TW4"):
        out = tmp_path / periode
        assert runner.invoke(app, ["formulir", str(master), "--periode", periode, "--keluar", str(out)]).exit_code == 0
        shutil.copy2(out / f"Formulir {periode} - Kasi Pemerintahan.xlsx", folder / f"{periode}.xlsx")
    before = digest(master)
    run = runner.invoke(app, ["rekap", str(master), str(folder), "--json"])
    assert run.exit_code == 2, run.output
    [mixed] = [p for p in json.loads(run.stdout)["masalah"] if "periode berbeda" in p["pesan"]]
    assert "TW2: TW2.xlsx" in mixed["pesan"] and "TW4: TW4.xlsx" in mixed["pesan"]
    assert digest(master) == before
