"""Only an engine's failure falls back to openpyxl; a rule that raises is a bug, never "file unreadable".

``FileReading`` reads through calamine and, when calamine cannot open the file or parse one of its
parts, through openpyxl, which must then give the same data. A reading rule that raises (here
``parse_indicator``, made to divide by zero) reaches the caller as it is: no second reading, no
``WorkbookError``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import python_calamine

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx import reader
from xlwings_app.adapters.xlsx.calamine import CalamineSource
from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators
from xlwings_app.sheets import indicators


@pytest.fixture
def master(tmp_path: Path) -> Path:
    path = tmp_path / "induk.xlsx"
    build_workbook(SYNTHETIC_PROFIL, random_indicators(12, 20, seed=7), Settings(), spare_rows=3).save(path)
    return path


@pytest.fixture
def openpyxl_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files ``FileReading`` loads with openpyxl (the fallback), in order."""
    loaded: list[Path] = []
    original = reader.FileReading._openpyxl

    def counting(self: reader.FileReading) -> Any:
        if self._wb is None:
            loaded.append(self.path)
        return original(self)

    monkeypatch.setattr(reader.FileReading, "_openpyxl", counting)
    return loaded


def same(a: WorkbookData, b: WorkbookData) -> None:
    assert a.indicators == b.indicators and a.indicators
    assert a.problems == b.problems
    assert (a.profil, a.settings, dict(a.cells), a.sheets, a.kodes) == (b.profil, b.settings, dict(b.cells), b.sheets, b.kodes)


def test_calamine_failing_to_open_the_file_falls_back_to_the_same_data(
    master: Path, monkeypatch: pytest.MonkeyPatch, openpyxl_loads: list[Path]
) -> None:
    expected = reader.read_workbook(master)
    assert openpyxl_loads == []

    def cannot_open(path: str) -> Any:
        raise python_calamine.CalamineError(f"cannot open {path}")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", cannot_open)
    same(reader.read_workbook(master), expected)
    assert openpyxl_loads == [master]


def test_calamine_failing_on_a_part_midway_falls_back_to_the_same_data(
    master: Path, monkeypatch: pytest.MonkeyPatch, openpyxl_loads: list[Path]
) -> None:
    expected = reader.read_workbook(master)
    original = CalamineSource._load
    parsed: list[str] = []

    def iki_unreadable(self: CalamineSource, sheet: str) -> list[list[object]]:
        parsed.append(sheet)
        if sheet == "IKI":  # after Profil, Pengaturan, Pejabat and IKU were read
            raise python_calamine.XmlError("bagian sheet IKI rusak")
        return original(self, sheet)

    monkeypatch.setattr(CalamineSource, "_load", iki_unreadable)
    same(reader.read_workbook(master), expected)
    assert "IKU" in parsed and openpyxl_loads == [master]


def test_a_rule_that_raises_is_raised_as_it_is_and_read_once(
    master: Path, monkeypatch: pytest.MonkeyPatch, openpyxl_loads: list[Path]
) -> None:
    calls: list[int] = []

    def broken(*args: object) -> object:
        calls.append(1)
        raise ZeroDivisionError("bug in a rule")

    monkeypatch.setattr(indicators, "parse_indicator", broken)
    with pytest.raises(ZeroDivisionError, match="bug in a rule"):
        reader.read_workbook(master)
    assert calls == [1] and openpyxl_loads == []  # no second reading through openpyxl


def test_openpyxl_failing_too_is_a_workbook_error_naming_the_file(master: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: CalamineSource, sheet: str) -> list[list[object]]:
        raise python_calamine.CalamineError("calamine menolak")

    def damaged(self: reader.OpenpyxlSource, ws: Any) -> Any:
        raise KeyError("xl/worksheets/sheet3.xml")
        yield  # a generator, as the real one

    monkeypatch.setattr(CalamineSource, "_load", refuse)
    monkeypatch.setattr(reader.OpenpyxlSource, "_read_only_rows", damaged)
    with pytest.raises(WorkbookError, match=r"File induk\.xlsx tidak dapat dibaca: KeyError"):
        reader.read_workbook(master)
