"""Sheet Pengaturan read back (``sheets.pengaturan``): settings in fixed cells, problems at their cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.sheets.sources import Rows
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.settings import DEFAULT_SCALE, Settings, VarianNegatif
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.pengaturan import read_pengaturan


def sheet(periode: object = "TW2", varian: object = None, batas: object = 110, bands: list[list[object]] | None = None,
          names: tuple[str, ...] = ()) -> list[list[object]]:  # fmt: skip
    rows: list[list[object]] = [[None] * 6 for _ in range(L.PENGATURAN_TABLE_ROW + L.PENGATURAN_PJ_ROWS)]
    rows[3][1], rows[4][1], rows[5][1] = periode, varian, batas  # B4, B5, B6
    for i, (bound, label) in enumerate(bands or []):
        rows[L.PENGATURAN_TABLE_ROW - 1 + i][0:2] = [bound, label]
    for i, name in enumerate(names):
        rows[L.PENGATURAN_TABLE_ROW - 1 + i][3] = name
    return rows


def read(rows: list[list[object]] | None) -> WorkbookData:
    data = WorkbookData(Path("k.xlsx"), None, {}, Settings(), [])
    read_pengaturan(Rows({} if rows is None else {"Pengaturan": rows}), data)
    return data


def test_the_settings_are_read_from_their_cells() -> None:
    data = read(sheet(varian="t / r", bands=[[0, "Kurang"], [75, "Baik"]], names=("Camat", "", "Sekcam")))
    assert data.problems == []
    s = data.settings
    assert (s.periode_aktif, s.varian_negatif, s.batas_rata_rata) == (Periode.TW2, VarianNegatif.RASIO, Decimal(110))
    assert [b.predikat for b in s.skala.bands] == ["Kurang", "Baik"] and s.daftar_penanggung_jawab == ("Camat", "Sekcam")


def test_bad_cells_are_named_and_the_defaults_kept() -> None:
    data = read(sheet(periode="TW9", varian="X", batas="banyak", bands=[["nol", "Kurang"]]))
    assert {p.sel for p in data.errors} == {"B4", "B5", "B6", "A10"}
    assert data.settings.skala == DEFAULT_SCALE and data.settings.periode_aktif is Periode.TW1


def test_without_the_sheet_the_defaults_with_a_notice() -> None:
    data = read(None)
    assert data.settings == Settings() and [p.tingkat for p in data.problems] == ["catatan"]
