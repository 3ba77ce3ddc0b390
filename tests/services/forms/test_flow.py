"""Distribute → fill → rekap → hitung: the capaian the master computes from what the Kasi typed."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from bench.forms_scenario import fill_form
from tests.services.forms.conftest import TW4, find_cell
from xlwings_app.adapters.documents.libreoffice import convert
from xlwings_app.cli import app
from xlwings_app.domain.measure import measure
from xlwings_app.samples import example
from xlwings_app.services.rekap import rekap
from xlwings_app.services.workbook import load

TYPED = {
    "IKU-01": 83.5, "IKU-02": "96,5", "IKU-03": 2.4, "IKU-04": 72, "IKU-05": 2, "IKU-06": 10, "IKU-07": 0,
    "IKU-08": 88, "IKI-SEK-01": 100, "IKI-KEU-01": "97%", "IKI-UMUM-01": 100, "IKI-PEL-01": 1300,
    "IKI-PEL-02": 13, "IKI-PEM-01": 3, "IKI-PMD-01": 100, "IKI-TRANTIB-01": 6,
}
AS_NUMBER = {**TYPED, "IKU-02": 96.5, "IKI-KEU-01": 97}


def _fill_all(forms: dict[str, Path]) -> None:
    for pj, path in forms.items():
        kodes = [i.kode for i in example.INDICATORS if i.penanggung_jawab == pj]
        values: dict[str, dict[str, object]] = {k: {"r4": TYPED[k]} for k in kodes}
        if "IKU-05" in values:
            values["IKU-05"]["permasalahan"] = "Laporan TW IV menunggu data BPS."
        fill_form(path, values)


def _expected() -> dict[str, Decimal | None]:
    out = {}
    for ind in example.INDICATORS:
        r = (*ind.realisasi_tw[:3], Decimal(str(AS_NUMBER[ind.kode])))
        out[ind.kode] = measure(replace(ind, realisasi_tw=r), TW4, example.SETTINGS).capaian
    return out


def _hitung_json(master: Path) -> dict[str, dict[str, object]]:
    run = CliRunner().invoke(app, ["hitung", str(master), "--periode", "TW4", "--json"])
    assert run.exit_code == 0, run.output
    return {row["kode"]: row for row in json.loads(run.stdout)["indikator"]}


def _check_rekap_and_hitung(master: Path, folder: Path) -> None:
    result = rekap(master, [folder], TW4)
    assert result.valid, [str(p) for p in result.problems]
    assert result.ditulis and result.cadangan is not None and result.cadangan.exists()
    assert len(result.perubahan) == len(TYPED) + 1
    assert result.konsolidasi.tanpa_formulir == [] and result.konsolidasi.belum_diisi == []
    data = load(master)
    assert {i.kode: i.realisasi_tw[3] for i in data.indicators} == {
        k: Decimal(str(v)) for k, v in AS_NUMBER.items()
    }
    assert next(i for i in data.indicators if i.kode == "IKU-05").catatan(TW4).permasalahan == (
        "Laporan TW IV menunggu data BPS.")
    rows = _hitung_json(master)
    expected = _expected()
    assert {k: (Decimal(str(r["capaian"])) if r["capaian"] is not None else None) for k, r in rows.items()} == expected
    # Worked by hand: IKU-06 negatif, Jumlah: T 40, R 8+12+9+10 = 39 → (80 − 39) / 40 × 100 = 102.5.
    assert rows["IKU-06"]["capaian"] == 102.5
    # IKU-05 positif, Jumlah: T 6, R 2+1+0+2 = 5 → 83.33; IKU-02 Rata-rata: (92.5+96+97.3+96.5)/4 / 95.
    assert rows["IKU-05"]["capaian"] == 83.33
    assert rows["IKU-02"]["capaian"] == 100.61


def test_distribute_fill_rekap_hitung(master: Path, forms: dict[str, Path]) -> None:
    _fill_all(forms)
    _check_rekap_and_hitung(master, next(iter(forms.values())).parent)


@pytest.mark.libreoffice
def test_a_form_saved_by_libreoffice_keeps_working(master: Path, forms: dict[str, Path], tmp_path: Path) -> None:
    _fill_all(forms)
    form = forms[example.KASI_TRANTIB]
    resaved = convert(form, "xlsx", tmp_path / "lo")
    shutil.move(resaved, form)
    wb = load_workbook(form)
    assert wb["KinerjaFormulir"].sheet_state in ("hidden", "veryHidden")
    assert wb["Isian"].protection.sheet
    _check_rekap_and_hitung(master, form.parent)


def test_only_the_period_and_the_texts_are_written(master: Path, forms: dict[str, Path]) -> None:
    form = forms[example.KASI_TRANTIB]
    fill_form(form, {"IKU-06": {"r4": 11, "rencana_aksi": "Patroli malam", "keterangan": "Data Satpol PP"}})
    before = load(master)
    result = rekap(master, [form], TW4)
    assert result.valid and result.ditulis
    assert sorted((p.change.kode, p.change.key) for p in result.perubahan) == [
        ("IKU-06", "keterangan"), ("IKU-06", "r4"), ("IKU-06", "rencana_aksi_tw4")]
    after = load(master)
    old = {i.kode: i for i in before.indicators}
    for ind in after.indicators:
        if ind.kode != "IKU-06":
            assert ind == old[ind.kode]
    iku06 = next(i for i in after.indicators if i.kode == "IKU-06")
    assert iku06.catatan(TW4).rencana_aksi == "Patroli malam"
    assert replace(iku06, realisasi_tw=old["IKU-06"].realisasi_tw, analisis=old["IKU-06"].analisis,
                   keterangan="") == old["IKU-06"]
    address = find_cell(master, "IKU", "IKU-06", "Realisasi TW IV")
    assert ("IKU", address) in {(p.sheet, p.sel) for p in result.perubahan}
    assert load_workbook(master)["IKU"][address].value == 11
    assert result.konsolidasi.tanpa_formulir  # the other seven forms were not delivered
