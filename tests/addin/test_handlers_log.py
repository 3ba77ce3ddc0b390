"""Ekspor and Impor Formulir stamp the Pengumpulan Data SOP's steps into the open workbook's log."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from tests.addin.test_handlers_hitung import click
from tests.sop.helpers import edit
from xlwings_app.adapters.openpyxl.sop_sheets import LOG_HEADERS, SHEET_LOG, add_sop_sheets
from xlwings_app.domain.sop.presets import preset
from xlwings_app.samples.forms_scenario import fill_form


def _with_sop(path: Path) -> Path:
    def add(wb: Workbook) -> None:
        add_sop_sheets(wb, preset("pengumpulan-data-tim-sakip"), 2024)

    edit(path, add)
    return path


def _log(wb: Workbook) -> dict[int, dict[str, object]]:
    """The TW3 rows of the log by step (the example's Periode aktif is TW3)."""
    rows = {}
    for row in wb[SHEET_LOG].iter_rows(min_row=5, values_only=True):
        entry = dict(zip(LOG_HEADERS, row, strict=False))
        if entry["Periode"] == "TW3":
            rows[int(entry["Langkah"])] = entry  # type: ignore[call-overload]
    return rows


def test_ekspor_then_impor_formulir_fill_steps_6_7_8_of_the_open_workbook(example_path: Path) -> None:
    _with_sop(example_path)
    before = datetime.now().replace(second=0, microsecond=0)
    wb, [alert] = click("ekspor_formulir", example_path)
    log = _log(wb)
    assert sorted(log) == list(range(1, 13))
    assert isinstance(log[6]["Mulai"], datetime) and before <= log[6]["Mulai"] <= datetime.now()  # type: ignore[operator]
    assert str(log[6]["Catatan"]).startswith("Dicatat otomatis (kinerja formulir): 8 formulir")
    assert "langkah 6 TW3 dicatat" in alert and "Simpan workbook" in alert
    wb.save(example_path)  # the user saves

    folder = example_path.parent / "Formulir TW3"
    fill_form(folder / "Formulir TW3 - Camat.xlsx", {"IKU-01": {"permasalahan": "Data BPS terlambat."}})
    wb, [alert] = click("impor_formulir", example_path)
    log = _log(wb)
    assert isinstance(log[8]["Mulai"], datetime) and log[8]["Selesai"] is not None
    assert str(log[8]["Catatan"]) == "Dicatat otomatis (kinerja rekap): 8 formulir, 1 perubahan"
    assert log[7]["Mulai"] == log[6]["Mulai"] and log[7]["Selesai"] is None  # forms still Draf
    assert "Camat Draf" in str(log[7]["Catatan"])
    assert all(log[n]["Mulai"] is None for n in (1, 2, 3, 4, 5, 9, 10, 11, 12))
    assert "langkah 8 TW3" in alert
