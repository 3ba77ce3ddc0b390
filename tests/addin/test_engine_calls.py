"""Fault 6: a click's calls into Excel are bounded by the sheets and regions it touches, not by cells.

Counted with the stand-in of ``engine_calls`` on xlwings' remote engine (each engine call is one to
a few COM round trips on a desktop). Before round three, marks were written with ``set_colors``
(two calls a cell on the desktop engine) and mixed number formats were read cell by cell: Hitung
Capaian made 11,610 engine calls on the bench's S workbook, and on L (2,000 indicators) 100,253
before it failed ("set_colors supports at most 10,000 cells"). Now: a few hundred, whatever the rows.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import xlwings as xw
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from tests.addin import remote_book
from tests.addin.engine_calls import counting, spreadsheet_xml
from xlwings_app.adapters.xlwings import regions
from xlwings_app.adapters.xlwings.formats import percent_cells
from xlwings_app.domain.indicator import Jenis
from xlwings_app.ribbon import entry

BOUND = 550
"""Engine calls of one Hitung Capaian, S or L: per sheet read, a handful (its used range, values,
formats in one call, tables); per sheet written, xlwings' own bookkeeping of a value write (about
60: it compares sheets, books and applications on every resize) and one call per rectangle of cells
sharing a style; per sheet coloured, its protection read, lifted and restored (about 17)."""


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bench's S and L workbooks (bench/scenarios.py), built here."""
    from bench.scenarios import _build, _build_s

    folder = tmp_path_factory.mktemp("skenario")
    _build_s(folder / "S.xlsx")
    _build(folder / "L.xlsx", 500, 1500, seed=12)
    return {"S": folder / "S.xlsx", "L": folder / "L.xlsx"}


def click_counted(path: Path, button: str = "hitung_capaian", wb: Workbook | None = None) -> tuple[int, list[dict[str, Any]]]:
    wb = wb or load_workbook(path)
    data = remote_book.payload(wb, name=str(path))
    with counting(wb) as calls:
        book = xw.Book(json=copy.deepcopy(data))
        entry.dispatch(button, book)
    actions: list[dict[str, Any]] = book.json()["actions"]
    book.close()
    return calls.total, actions


def _alerts(actions: list[dict[str, Any]]) -> list[str]:
    return [a["args"][0] for a in actions if a["func"] == "alert"]


def test_hitung_capaian_on_the_l_workbook_stays_within_the_bound(scenarios: dict[str, Path]) -> None:
    counts = {}
    for name, path in scenarios.items():
        counts[name], actions = click_counted(path)
        [alert] = _alerts(actions)
        assert "Hasil dan Rekap ditulis" in alert, alert
    assert counts["L"] <= BOUND and counts["S"] <= BOUND, counts
    # 24 times the indicators (and 10,000 Hasil rows) cost no more calls: bounded by regions, not rows.
    assert counts["L"] <= counts["S"] + 25, counts


def test_problems_cost_a_call_per_problem_cell_and_a_few_per_coloured_region(example_path: Path) -> None:
    wb = load_workbook(example_path)
    base, _ = click_counted(example_path, "periksa_data", wb=copy.deepcopy(wb))
    ws = wb["IKU"]
    blanked = [f"D{row}" for row in range(5, 13)]  # Indikator, a required text, in 8 rows
    for address in blanked:
        ws[address] = None
    total, actions = click_counted(example_path, "periksa_data", wb=wb)
    assert "Ditemukan" in _alerts(actions)[0]
    notes = [a for a in actions if a["func"] == "addNote"]
    assert len(notes) == len(blanked)
    orange = [a for a in actions if a["func"] == "setRangeColor" and a["args"] == ["#F8CBAD"]]
    assert len(orange) == 1 and orange[0]["row_count"] == len(blanked)  # one range, not 8 cells
    assert total - base <= 4 * len(blanked) + 10, (base, total)  # a cell, its note, the text; a few rectangles more


def test_a_write_suspends_screen_updating_and_calculation_and_restores_them(
    example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, actions = click_counted(example_path)
    states = [(a["func"], a["args"]) for a in actions if a["func"] in ("setScreenUpdating", "setCalculation")]
    assert states[:2] == [("setScreenUpdating", [False]), ("setCalculation", ["Manual"])]
    assert states[-2:] == [("setCalculation", ["Automatic"]), ("setScreenUpdating", [True])]
    assert len(states) == 8  # marking, then writing Hasil and Rekap: each suspended and restored

    from xlwings_app.adapters.xlwings import results

    def fails(book: Any, change: Any) -> None:
        book.sheets[0].range("A1").color = "#FFFFFF"
        raise RuntimeError("a write failed half-way")

    monkeypatch.setattr(results, "write_results_live", fails)
    _, actions = click_counted(example_path)
    states = [(a["func"], a["args"]) for a in actions if a["func"] in ("setScreenUpdating", "setCalculation")]
    assert states[-2:] == [("setCalculation", ["Automatic"]), ("setScreenUpdating", [True])]
    assert "tidak terduga" in _alerts(actions)[0]


def test_the_stand_in_prices_set_colors_cell_by_cell_as_the_desktop_engine() -> None:
    book = xw.Book(json=remote_book.payload(Workbook()))
    with counting() as calls:
        book.sheets[0].range("A1:J10").set_colors([["#FFFFFF"] * 10] * 10)
    assert calls.by_member["Range.set_colors"] == 200


def test_percent_cells_are_read_in_one_call_per_sheet(example_path: Path) -> None:
    """The formats come from ``Range.Value(xlRangeValueXMLSpreadsheet)``, one call a sheet, and a
    typed 93% is read as the file reader reads it."""
    from decimal import Decimal

    from tests.conftest import cell_of
    from xlwings_app.adapters.xlsx.reader import read_workbook
    from xlwings_app.adapters.xlwings.book import XlwingsSource
    from xlwings_app.sheets.inputs import read_inputs

    wb = load_workbook(example_path)
    sel = cell_of(example_path, Jenis.IKI, "IKI-KEU-01", "r3")
    wb["IKI"][sel].value, wb["IKI"][sel].number_format = 0.682, "0.0%"
    wb.save(example_path)
    with counting(wb) as calls:
        book = xw.Book(json=remote_book.payload(wb, name=str(example_path)))
        live = read_inputs(XlwingsSource(book), example_path)
    saved = read_workbook(example_path)
    assert live.indicators == saved.indicators and live.problems == saved.problems
    keu = next(i for i in live.indicators if i.kode == "IKI-KEU-01")
    assert keu.realisasi_tw[2] == Decimal("68.2")
    assert calls.by_member["Range.number_format"] == 0
    assert calls.by_member["Range.api.Value"] == calls.by_member["Sheet.used_range"] > 0


REFERENCE = """<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/><NumberFormat/></Style>
  <Style ss:ID="s21"><NumberFormat ss:Format="Percent"/></Style>
  <Style ss:ID="s22" ss:Parent="s21"><Font ss:Bold="1"/></Style>
  <Style ss:ID="s23"><NumberFormat ss:Format="General&quot;%&quot;"/></Style>
  <Style ss:ID="s24"><NumberFormat ss:Format="0.0%"/></Style>
 </Styles>
 <Worksheet ss:Name="IKU">
  <Table ss:ExpandedColumnCount="6" ss:ExpandedRowCount="6" x:FullColumns="1" x:FullRows="1">
   <Column ss:Width="60"/>
   <Column ss:Index="4" ss:Span="1" ss:StyleID="s24"/>
   <Row><Cell><Data ss:Type="String">Kode</Data></Cell><Cell ss:StyleID="s21"><Data ss:Type="String">93%</Data></Cell></Row>
   <Row><Cell ss:StyleID="s21"><Data ss:Type="Number">0.93</Data></Cell><Cell ss:StyleID="s23"><Data ss:Type="Number">93</Data></Cell>
    <Cell ss:MergeAcross="1"><Data ss:Type="Number">1</Data></Cell><Cell ss:StyleID="s22"><Data ss:Type="Number">0.5</Data></Cell></Row>
   <Row ss:Index="5" ss:StyleID="s24"><Cell><Data ss:Type="Number">0.1</Data></Cell><Cell ss:Index="4"><Data ss:Type="Number">0.2</Data></Cell>
    <Cell ss:StyleID="Default"><Data ss:Type="Number">3</Data></Cell></Row>
   <Row><Cell ss:Index="4"><Data ss:Type="Number">0.4</Data></Cell><Cell ss:Index="6"><Data ss:Type="Number">7</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>"""


def test_the_xml_spreadsheet_reader_follows_microsofts_reference() -> None:
    """Named formats (Percent), styles inheriting a format from ss:Parent, a literal "%" (not a
    percent), cells placed by ss:Index and after ss:MergeAcross, row and column styles, text."""
    assert percent_cells(REFERENCE) == {(1, 0), (1, 4), (4, 0), (4, 3), (5, 3)}
    assert percent_cells("<not xml") is None and percent_cells("<Workbook/>") is None


def test_the_stand_ins_xml_reads_back_as_the_formats_it_was_made_from() -> None:
    wb = Workbook()
    ws = wb.active
    for row, (value, code) in enumerate([(0.93, "0%"), (93, 'General"%"'), (0.5, "0.00%"), (7, "0.00"), ("x", "0%")], 2):
        ws.cell(row, row, value).number_format = code
    assert percent_cells(spreadsheet_xml(ws, 1, 1, 6, 6)) == {(1, 1), (3, 3)}


cells_strategy = st.sets(st.tuples(st.integers(1, 12), st.integers(1, 6)), min_size=1, max_size=40)


@given(cells_strategy)
def test_rectangles_cover_exactly_the_cells_without_overlap(cells: set[tuple[int, int]]) -> None:
    rects = regions.rectangles(cells)
    covered = [(r, c) for top, left, bottom, right in rects for r in range(top, bottom + 1) for c in range(left, right + 1)]
    assert sorted(covered) == sorted(cells) and len(covered) == len(set(covered))
    assert len(rects) <= len({r for r, _ in cells}) * 6


def test_a_full_block_is_one_rectangle() -> None:
    block = {(r, c) for r in range(5, 2005) for c in range(7, 20)}
    assert regions.rectangles(block) == [(5, 7, 2004, 19)]


def test_spans_setting_one_property_differently_are_written_in_their_order() -> None:
    """Where two fills overlap, the later one wins, as in the file writers."""
    from xlwings_app.adapters.xlwings.book import write_sheet
    from xlwings_app.sheets.grid import SheetValues

    values = SheetValues("X")
    values.put(1, 1, ["a", "b", "c"], "fill:FFF2CC")
    values.style("fill:F8CBAD", 1, 2)
    values.style("format:0.00", 1, 1, 1, 3)
    wb = Workbook()
    book = xw.Book(json=remote_book.payload(wb))
    write_sheet(book.sheets[0], values)
    remote_book.apply(book.json()["actions"], wb)
    fills = [wb.active.cell(1, c).fill.fgColor.rgb for c in (1, 2, 3)]
    assert fills == ["00FFF2CC", "00F8CBAD", "00FFF2CC"]
    assert regions.overlapping([((1, 1, 1, 3), "a"), ((1, 2, 1, 2), "b")])
    assert not regions.overlapping([((1, 1, 1, 3), "a"), ((2, 2, 2, 2), "b"), ((1, 2, 1, 2), "a")])
