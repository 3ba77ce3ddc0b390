"""The file master's commit (``adapters.xlsx.master.FileMaster.commit``) partitions its changes.

What the package can patch is patched (a rekap's cells and its stamps in the step log, log rows, a
seal row, a stamped moment); openpyxl makes only what the package cannot (new SOP sheets), and
the package then patches its result; a workbook the package cannot take goes through openpyxl
whole. Each way must read back as the openpyxl writer writes it: values, types, number formats,
fills, borders, alignment, row heights and the log's Table.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bench.forms_scenario import SOP_PRESET, add_sop_log, make_forms_scenario
from xlwings_app.adapters.xlsx import master as file_master
from xlwings_app.adapters.xlsx.package import Package, PatchUnsupported
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.seal import SealRecord
from xlwings_app.domain.sop.log import new_period_entries
from xlwings_app.domain.sop.presets import preset
from xlwings_app.services import rekap as rekap_service
from xlwings_app.services.master import using
from xlwings_app.services.rekap import rekap
from xlwings_app.sheets.changes import (
    AddLogSheet,
    AddSopSheets,
    AppendLogRows,
    AppendSeal,
    Change,
    SetCells,
    Stamp,
)
from xlwings_app.sheets.sop_layout import DATETIME_FORMAT, LOG_HEADER_ROW, SHEET_LOG

PERIODE = Periode.TW2


class _Clock(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> _Clock:
        return cls(2024, 7, 5, 9, 30, 0)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same moments in both writers' stamps and Riwayat rows."""
    monkeypatch.setattr(rekap_service, "datetime", _Clock)


@pytest.fixture
def engines(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The engines of every commit of a file master during the test, in order."""
    seen: list[tuple[str, ...]] = []
    real = file_master.FileMaster._write

    def write(self: file_master.FileMaster, *args: Any) -> None:
        real(self, *args)
        seen.append(self.engines)

    monkeypatch.setattr(file_master.FileMaster, "_write", write)
    return seen


@pytest.fixture
def scenario(tmp_path: Path) -> tuple[Path, Path]:
    """A master of 3 forms × 5 indicators with the SOP Pengumpulan Data and its TW2 log, and the forms."""
    sc = make_forms_scenario(tmp_path / "F", n_forms=3, n_indicators=5)
    add_sop_log(sc.master, PERIODE)
    return sc.master, sc.forms


def force_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PatchUnsupported("uji: paksa openpyxl")

    monkeypatch.setattr(file_master, "patch", refuse)


def sheet_cells(path: Path, name: str) -> dict[str, object]:
    """Every cell of sheet ``name`` as openpyxl reads it, with its looks; row heights; tables."""
    ws = load_workbook(path)[name]
    out: dict[str, object] = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            side = c.border.left
            out[c.coordinate] = (
                c.value, c.data_type, c.number_format, c.fill.fill_type, c.fill.fgColor.rgb,
                side.style if side else None, c.alignment.wrap_text, c.alignment.vertical,
            )  # fmt: skip
    out["tinggi"] = {r: d.height for r, d in ws.row_dimensions.items() if d.height is not None}
    out["tabel"] = {t.name: t.ref for t in ws.tables.values()}
    return out


def test_a_rekap_that_stamps_the_log_is_patched_not_loaded_by_openpyxl(
    scenario: tuple[Path, Path], engines: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, forms = scenario
    reference = master.with_name("rujukan.xlsx")
    shutil.copy2(master, reference)

    def no_openpyxl(*_args: object) -> None:
        pytest.fail("openpyxl menulis")

    monkeypatch.setattr(file_master, "_openpyxl_write", no_openpyxl)
    result = rekap(master, [forms], PERIODE)
    assert result.ditulis and result.log_ditulis
    assert engines == [("package",)]
    monkeypatch.undo()
    monkeypatch.setattr(rekap_service, "datetime", _Clock)
    force_openpyxl(monkeypatch)
    slow = rekap(reference, [forms], PERIODE)
    assert slow.ditulis and slow.log_ditulis
    for name in (SHEET_LOG, "IKU", "IKI", "Riwayat"):
        assert sheet_cells(master, name) == sheet_cells(reference, name), name
    log = load_workbook(master)[SHEET_LOG]
    stamped = [r for r in log.iter_rows(min_row=LOG_HEADER_ROW + 1, values_only=True) if r[5] is not None]
    assert [r[1] for r in stamped] == [7, 8] and all(isinstance(r[5], datetime) for r in stamped)
    assert log.cell(LOG_HEADER_ROW + 7, 6).number_format == DATETIME_FORMAT


def test_log_rows_are_patched_as_openpyxl_writes_them(
    scenario: tuple[Path, Path], engines: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, _ = scenario
    reference = master.with_name("rujukan.xlsx")
    shutil.copy2(master, reference)
    sop = preset(SOP_PRESET)
    rows = new_period_entries(sop, "TW3")
    first = LOG_HEADER_ROW + 1 + len(new_period_entries(sop, "TW2"))
    for path in (master, reference):
        with using(path) as m:
            m.stage(AppendLogRows(sop, rows, first))
            m.commit()
        force_openpyxl(monkeypatch)
    assert engines == [("package",), ("openpyxl",)]
    fast, slow = sheet_cells(master, SHEET_LOG), sheet_cells(reference, SHEET_LOG)
    assert fast == slow
    assert fast["tabel"] == {"TabelLogLangkah": f"A{LOG_HEADER_ROW}:H{first + len(rows) - 1}"}
    assert set(fast["tinggi"]) >= set(range(first, first + len(rows)))  # type: ignore[arg-type]


def test_new_sop_sheets_go_through_openpyxl_and_their_rows_through_the_package(
    tmp_path: Path, engines: list[tuple[str, ...]]
) -> None:
    sc = make_forms_scenario(tmp_path / "F", n_forms=2, n_indicators=3)
    engines.clear()  # making the forms stored the forms' key in the master (its own commit)
    add_sop_log(sc.master, PERIODE)
    assert engines == [("openpyxl", "package")]
    log = load_workbook(sc.master)[SHEET_LOG]
    assert [r[:2] for r in log.iter_rows(min_row=LOG_HEADER_ROW + 1, max_row=LOG_HEADER_ROW + 2, values_only=True)] == [
        ("TW2", 1), ("TW2", 2)]  # fmt: skip


def test_a_stamp_keeps_the_cell_looks_and_shows_the_moment(
    scenario: tuple[Path, Path], engines: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, _ = scenario
    reference = master.with_name("rujukan.xlsx")
    shutil.copy2(master, reference)
    change = Stamp(SHEET_LOG, LOG_HEADER_ROW + 1, 6, datetime(2024, 7, 1, 8, 15), DATETIME_FORMAT)
    for path in (master, reference):
        with using(path) as m:
            m.stage(change)
            m.commit()
        force_openpyxl(monkeypatch)
    assert engines == [("package",), ("openpyxl",)]
    assert sheet_cells(master, SHEET_LOG) == sheet_cells(reference, SHEET_LOG)
    cell = load_workbook(master)[SHEET_LOG].cell(LOG_HEADER_ROW + 1, 6)
    assert cell.value == datetime(2024, 7, 1, 8, 15) and cell.fill.fgColor.rgb.endswith("FFF2CC")


def test_a_seal_row_is_patched_where_sheet_segel_is(
    scenario: tuple[Path, Path], engines: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, _ = scenario
    reference = master.with_name("rujukan.xlsx")
    shutil.copy2(master, reference)
    record = SealRecord(PERIODE, "TW2-0123456789ab", datetime(2024, 7, 5, 9, 30), "arsip.zip", "a" * 64,
                        (("IKU-01", "ABCDE-FGHIJ"),))  # fmt: skip
    for path in (master, reference):
        for _ in range(2):
            with using(path) as m:
                m.stage(AppendSeal(record))
                m.commit()
        force_openpyxl(monkeypatch)
    assert engines == [("package",), ("package",), ("openpyxl",), ("openpyxl",)]
    assert sheet_cells(master, "Segel") == sheet_cells(reference, "Segel")


def test_a_workbook_the_package_cannot_take_goes_through_openpyxl_whole(
    scenario: tuple[Path, Path], engines: list[tuple[str, ...]]
) -> None:
    master, _ = scenario
    wb = load_workbook(master)
    del wb["Riwayat"]
    wb.save(master)
    with using(master) as m:
        m.stage(SetCells([("IKU", "A1", "x")], [_entry()]))
        m.stage(AppendLogRows(preset(SOP_PRESET), new_period_entries(preset(SOP_PRESET), "TW3"), 30))
        m.commit()
    assert engines == [("openpyxl",)]
    assert "Riwayat" in load_workbook(master).sheetnames


def _entry() -> Any:
    from decimal import Decimal

    from xlwings_app.sheets.riwayat import Entry

    return Entry(datetime(2024, 7, 5, 9, 30), "f.xlsx", "B5", "IKU-01", "Realisasi TW II", "K5", None, Decimal(5))


@pytest.mark.parametrize("fails_in", ["patch", "save"])
def test_a_failing_commit_leaves_the_file_as_it_was(
    scenario: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, fails_in: str
) -> None:
    master, _ = scenario
    before = master.read_bytes()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("uji: penulis rusak")

    if fails_in == "patch":
        monkeypatch.setattr(file_master, "patch", broken)
    else:
        monkeypatch.setattr(Package, "save", broken)
    changes: list[Change] = [AddSopSheets(preset(SOP_PRESET), 2024, place=None)] if fails_in == "save" else []
    with using(master) as m, pytest.raises(RuntimeError):
        for change in [*changes, Stamp(SHEET_LOG, LOG_HEADER_ROW + 1, 6, datetime(2024, 7, 1), DATETIME_FORMAT)]:
            m.stage(change)
        m.commit()
    assert master.read_bytes() == before
    assert not [p for p in master.parent.iterdir() if p.name.startswith(".~")]


def test_a_missing_log_is_added_by_openpyxl_and_filled_by_the_package(
    scenario: tuple[Path, Path], engines: list[tuple[str, ...]]
) -> None:
    master, _ = scenario
    wb = load_workbook(master)
    del wb[SHEET_LOG]
    wb.save(master)
    sop = preset(SOP_PRESET)
    rows = new_period_entries(sop, "TW3")
    with using(master) as m:
        m.stage(AddLogSheet(sop))
        m.stage(AppendLogRows(sop, rows, LOG_HEADER_ROW + 1))
        m.commit()
    assert engines[-1] == ("openpyxl", "package")
    log = load_workbook(master)[SHEET_LOG]
    assert [t.ref for t in log.tables.values()] == [f"A{LOG_HEADER_ROW}:H{LOG_HEADER_ROW + len(rows)}"]
    assert log.cell(LOG_HEADER_ROW + len(rows), 1).value == "TW3"
