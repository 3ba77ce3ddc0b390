"""The fast reader (calamine) gives what openpyxl gives, so every check reads the same values."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx import reader as workbook_reader
from xlwings_app.adapters.xlsx.calamine import CalamineSource, Unsuitable
from xlwings_app.adapters.xlsx.reader import OpenpyxlSource
from xlwings_app.domain.settings import Settings
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators
from xlwings_app.sheets.inputs import read_inputs


def _openpyxl_rows(path: Path, sheet: str) -> list[list[object]]:
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return [list(row) for row in OpenpyxlSource(wb).iter_values(sheet)]
    finally:
        wb.close()


def test_cell_values_are_openpyxls(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Data & Uji"
    row = [5, 5.5, -0.1, 1e20, date(2024, 1, 2), datetime(2024, 1, 2, 3, 4), time(3, 4), True, "01", "a & <b>"]
    for col, value in enumerate(row, start=2):
        ws.cell(3, col, value)
    ws.cell(4, 2, "=1/0")
    error = ws.cell(4, 3, "#DIV/0!")
    error.data_type = "e"
    ws.cell(6, 1).number_format = "0.00"  # formatted but empty
    path = tmp_path / "nilai.xlsx"
    wb.save(path)
    fast = CalamineSource(path)
    try:
        mine = [list(r) for r in fast.iter_values("Data & Uji")]
    finally:
        fast.close()
    theirs = _openpyxl_rows(path, "Data & Uji")
    width = max(len(r) for r in theirs)
    assert [r + [None] * (width - len(r)) for r in mine] == theirs[: len(mine)]
    assert all(v is None for r in theirs[len(mine) :] for v in r)
    assert mine[3][2] == "#DIV/0!"


def test_a_cell_far_away_is_left_to_openpyxl(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active["A1"] = 1
    wb.active["ZZ1000000"] = 2
    path = tmp_path / "jarang.xlsx"
    wb.save(path)
    fast = CalamineSource(path)
    try:
        with pytest.raises(Unsuitable):
            fast.iter_values(wb.active.title)
    finally:
        fast.close()


def test_a_built_workbook_reads_the_same_through_both(tmp_path: Path) -> None:
    path = tmp_path / "induk.xlsx"
    build_workbook(SYNTHETIC_PROFIL, random_indicators(30, 50, seed=3), Settings(), spare_rows=3).save(path)
    fast = CalamineSource(path)
    try:
        mine = read_inputs(fast, path)
    finally:
        fast.close()
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        theirs = read_inputs(OpenpyxlSource(wb), path)
    finally:
        wb.close()
    assert mine.indicators == theirs.indicators
    assert mine.problems == theirs.problems
    assert (mine.profil, mine.settings, mine.cells) == (theirs.profil, theirs.settings, theirs.cells)


def test_read_workbook_falls_back_to_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "induk.xlsx"
    build_workbook(SYNTHETIC_PROFIL, random_indicators(3, 2, seed=4), Settings(), spare_rows=1).save(path)

    def refuse(self: CalamineSource, sheet: str) -> list[list[object]]:
        raise Unsuitable(sheet)

    monkeypatch.setattr(CalamineSource, "_load", refuse)
    data = workbook_reader.read_workbook(path)
    assert len(data.indicators) == 5 and not data.errors
