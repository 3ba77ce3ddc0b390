"""Ekspor and Impor Formulir stamp the Pengumpulan Data SOP's steps into the open workbook's log."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.addin.test_handlers_hitung import click
from tests.services.sop.helpers import edit
from xlwings_app.adapters.openpyxl.form_fill import fill_form
from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets
from xlwings_app.domain.sop.presets import preset
from xlwings_app.sheets.sop_layout import LOG_HEADERS, SHEET_LOG


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
    assert str(log[6]["Catatan"]).startswith("Dicatat otomatis (kinerja formulir) pada Mulai dan Selesai: 8 formulir")
    assert "langkah 6 TW3 dicatat" in alert and "Simpan workbook" in alert
    wb.save(example_path)  # the user saves

    folder = example_path.parent / "Formulir TW3"
    fill_form(folder / "Formulir TW3 - Camat.xlsx", {"IKU-01": {"permasalahan": "Data BPS terlambat."}})
    wb, [alert] = click("impor_formulir", example_path)
    log = _log(wb)
    assert isinstance(log[8]["Mulai"], datetime) and log[8]["Selesai"] is not None
    assert str(log[8]["Catatan"]) == "Dicatat otomatis (kinerja rekap) pada Mulai dan Selesai: 1 formulir, 1 perubahan"  # 7 still blank
    assert log[7]["Mulai"] <= log[6]["Mulai"] and log[7]["Selesai"] is None  # type: ignore[operator] # forms still Draf
    assert "Camat Draf" in str(log[7]["Catatan"])
    assert all(log[n]["Mulai"] is None for n in (1, 2, 3, 4, 5, 9, 10, 11, 12))
    assert "langkah 8 TW3" in alert


def _press(handler: object, path: Path) -> tuple[Workbook, list[str]]:
    """Call a handler not yet on the ribbon (its button is added to customUI.xml at merge)."""
    import xlwings as xw
    from openpyxl import load_workbook

    from tests.addin import remote_book

    wb = load_workbook(path)
    book = xw.Book(json=remote_book.payload(wb, name=str(path)))
    handler(book)  # type: ignore[operator]
    alerts = remote_book.apply(book.json()["actions"], wb)
    wb.save(path.with_name("after.xlsx"))
    return load_workbook(path.with_name("after.xlsx")), alerts


@pytest.mark.libreoffice
def test_the_report_buttons_make_the_papers_and_stamp_steps_9_and_10(example_path: Path) -> None:
    from xlwings_app.ribbon import handlers_pengumpulan as H

    _with_sop(example_path)
    wb, _ = click("ekspor_formulir", example_path)
    wb.save(example_path)
    (example_path.parent / "Formulir TW3" / "Tanda Terima Formulir TW3.xlsx").unlink()
    _, [alert] = _press(H.tanda_terima, example_path)
    assert (example_path.parent / "Formulir TW3" / "Tanda Terima Formulir TW3.xlsx").is_file() and "A4" in alert
    wb, [alert] = _press(H.laporan_pengumpulan_draf, example_path)
    assert "0 formulir masuk, 8 belum masuk" in alert and "langkah 9 TW3" in alert  # handed out, none back
    assert str(_log(wb)[9]["Catatan"]).endswith("Laporan_Pengumpulan_Data_2024_TW3_Draf.docx")
    wb.save(example_path)
    wb, [alert] = _press(H.laporan_pengumpulan_final, example_path)
    assert (example_path.parent / "Laporan_Pengumpulan_Data_2024_TW3_Final.docx").is_file()
    assert "langkah 10 TW3" in alert and _log(wb)[10]["Mulai"] is not None
