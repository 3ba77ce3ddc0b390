"""The in-workbook variant: lembar isian inside the master, read back by the rekap with the same checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench.forms_scenario import fill_form
from tests.services.forms.conftest import TW4
from xlwings_app.domain.indicator import Periode
from xlwings_app.samples import example
from xlwings_app.services.formulir import lembar
from xlwings_app.services.rekap import rekap
from xlwings_app.services.workbook import WorkbookError, load

SHEET = "Isian Kasi Ketenteraman dan Ket"  # 31 characters, Excel's limit


def test_lembar_adds_one_protected_sheet_per_penanggung_jawab(master: Path) -> None:
    result = lembar(master, TW4)
    assert result.valid and result.cadangan is not None
    wb = load_workbook(master)
    sheets = [name for name in wb.sheetnames if name.startswith("Isian ")]
    assert len(sheets) == len(example.PENANGGUNG_JAWAB) and SHEET in sheets
    assert wb["KinerjaFormulir"].sheet_state == "veryHidden"
    assert all(wb[s].protection.sheet for s in sheets)
    data = load(master)  # the master still reads cleanly with the extra sheets
    assert data.errors == [] and len(data.indicators) == len(example.INDICATORS)


def test_rekap_reads_the_lembar_sheets(master: Path) -> None:
    lembar(master, TW4)
    fill_form(master, {"IKU-06": {"r4": 10, "rencana_aksi": "Patroli gabungan"}}, sheet=SHEET)
    result = rekap(master, lembar=True, periode=TW4)
    assert result.valid and result.ditulis, [str(p) for p in result.problems]
    assert {(p.change.kode, p.change.key) for p in result.perubahan} == {("IKU-06", "r4"), ("IKU-06", "rencana_aksi_tw4")}
    iku06 = next(i for i in load(master).indicators if i.kode == "IKU-06")
    assert iku06.realisasi_tw[3] == 10 and iku06.catatan(TW4).rencana_aksi == "Patroli gabungan"


def test_a_target_edited_in_a_lembar_is_refused(master: Path) -> None:
    lembar(master, TW4)
    fill_form(master, {"IKU-06": {"r4": 10, "t4": 99}}, sheet=SHEET)
    before = master.read_bytes()
    result = rekap(master, lembar=True, periode=TW4)
    assert not result.valid
    assert any(p.sheet == SHEET and "Target TW IV diubah di formulir" in p.pesan for p in result.problems)
    assert master.read_bytes() == before


def test_lembar_twice_needs_timpa(master: Path) -> None:
    lembar(master, TW4)
    with pytest.raises(WorkbookError, match="Lembar isian sudah ada"):
        lembar(master, TW4)
    lembar(master, Periode.TW3, overwrite=True)
    wb = load_workbook(master)
    assert len([n for n in wb.sheetnames if n.startswith("Isian ")]) == len(example.PENANGGUNG_JAWAB)
    headers = [c.value for c in next(r for r in wb[SHEET].iter_rows() if r[0].value == "Kode")]
    assert "Realisasi TW III" in headers and "Realisasi TW IV" not in headers


def test_rekap_lembar_without_lembar_sheets(master: Path) -> None:
    result = rekap(master, lembar=True, periode=TW4)
    assert not result.valid
    assert any("Belum ada lembar isian" in p.pesan for p in result.problems)
