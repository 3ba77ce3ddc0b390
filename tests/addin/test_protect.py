"""Fault 17: a sheet lifted for a write is protected again exactly as it was, not with Kinerja's
guess (DrawingObjects=True locked the notes Kinerja writes on problem cells)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import load_workbook

from xlwings_app.adapters.xlwings.protect import ALLOW, unprotected

OOXML_ALLOW = {  # Excel's Protection option -> the OOXML attribute (1 = that action is locked)
    "AllowFormattingCells": "formatCells", "AllowFormattingColumns": "formatColumns",
    "AllowFormattingRows": "formatRows", "AllowInsertingColumns": "insertColumns",
    "AllowInsertingRows": "insertRows", "AllowInsertingHyperlinks": "insertHyperlinks",
    "AllowDeletingColumns": "deleteColumns", "AllowDeletingRows": "deleteRows", "AllowSorting": "sort",
    "AllowFiltering": "autoFilter", "AllowUsingPivotTables": "pivotTables",
}  # fmt: skip


class SheetApi:
    """Excel's Worksheet as far as protection goes, recording Unprotect and Protect."""

    def __init__(self, drawing_objects: bool, scenarios: bool, allow: dict[str, bool]) -> None:
        self.ProtectContents = True
        self.ProtectDrawingObjects = drawing_objects
        self.ProtectScenarios = scenarios
        self.Protection = SimpleNamespace(**allow)
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def Unprotect(self) -> None:  # noqa: N802 - Excel's name
        self.calls.append(("Unprotect", {}))
        self.ProtectContents = False

    def Protect(self, **kwargs: Any) -> None:  # noqa: N802 - Excel's name
        self.calls.append(("Protect", kwargs))
        self.ProtectContents = True


def _as_excel_reports(path: Path, sheet: str) -> SheetApi:
    """The protection of ``sheet`` in the file, as Excel's object model reports it once opened."""
    p = load_workbook(path)[sheet].protection
    assert p.sheet
    return SheetApi(bool(p.objects), bool(p.scenarios), {name: not getattr(p, attr) for name, attr in OOXML_ALLOW.items()})


def test_a_sheet_kinerja_built_is_protected_again_as_the_file_protects_it(example_path: Path) -> None:
    api = _as_excel_reports(example_path, "IKU")
    with unprotected(SimpleNamespace(api=api)):
        assert api.calls == [("Unprotect", {})]
    [(_, restored)] = api.calls[1:]
    assert restored["DrawingObjects"] is False  # the notes on problem cells stay editable
    assert restored["Contents"] is True and restored["Scenarios"] is False
    assert restored["AllowFormattingColumns"] and restored["AllowFormattingRows"]
    assert restored["AllowSorting"] and restored["AllowFiltering"]
    assert not restored["AllowDeletingRows"] and not restored["AllowInsertingColumns"]
    assert set(restored) == {"DrawingObjects", "Contents", "Scenarios", *ALLOW}


def test_a_users_own_choices_survive_and_a_failed_write_still_protects() -> None:
    allow = dict.fromkeys(ALLOW, False) | {"AllowDeletingRows": True, "AllowInsertingHyperlinks": True}
    api = SheetApi(drawing_objects=True, scenarios=True, allow=allow)
    with pytest.raises(RuntimeError), unprotected(SimpleNamespace(api=api)):
        raise RuntimeError("a write failed")
    [(_, restored)] = api.calls[1:]
    assert restored == {"DrawingObjects": True, "Contents": True, "Scenarios": True, **allow}


def test_an_unprotected_sheet_is_left_alone() -> None:
    api = SheetApi(drawing_objects=False, scenarios=False, allow=dict.fromkeys(ALLOW, True))
    api.ProtectContents = False
    with unprotected(SimpleNamespace(api=api)):
        pass
    assert api.calls == []
