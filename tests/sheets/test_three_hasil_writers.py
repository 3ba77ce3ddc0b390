"""The three writers of sheets Hasil and Rekap write the same cells from ``sheets.results``' values.

The openpyxl writer (``adapters.openpyxl.results`` through ``adapters.xlsx.master.apply_to_workbook``,
``kinerja hitung``'s fallback), the zip patch (``adapters.xlsx.results_parts`` on ``adapters.xlsx.package``,
``kinerja hitung``'s fast path) and the xlwings writer of the ribbon's Hitung Capaian
(``adapters.xlwings.results.write_results_live``, played through xlwings' remote engine onto the
same workbook) get the same staged change (``services.hitung.results_change``); each file is saved
and read back with openpyxl, and every cell's value, number format and fill must agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import xlwings as xw
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell

from tests.addin import remote_book
from xlwings_app.adapters.xlsx.master import apply_to_workbook
from xlwings_app.adapters.xlsx.package import Package
from xlwings_app.adapters.xlsx.results_parts import write_results
from xlwings_app.adapters.xlwings.results import write_results_live
from xlwings_app.services.hitung import hitung, results_change
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.changes import PutResults

SHEETS = (L.layout().hasil.sheet, L.SHEET_REKAP)
Seen = dict[str, dict[str, tuple[object, str, str | None]]]


def _fill(cell: Cell) -> str | None:
    fill = cell.fill
    return str(fill.fgColor.rgb) if fill.fill_type == "solid" else None


def cells(path: Path) -> Seen:
    """Per sheet, every non-empty cell's (value, number format, solid fill colour)."""
    wb = load_workbook(path)
    out: Seen = {}
    for name in SHEETS:
        out[name] = {
            cell.coordinate: (cell.value, cell.number_format, _fill(cell))
            for row in wb[name].iter_rows()
            for cell in row
            if cell.value is not None or _fill(cell) is not None or cell.number_format != "General"
        }
    return out


def change(path: Path) -> PutResults:
    result = hitung(path, tulis=False)
    assert result.valid and result.hasil
    return results_change(result)


def by_openpyxl(example: Path, out: Path) -> Path:
    wb = load_workbook(example)
    apply_to_workbook(wb, change(example))
    wb.save(out)
    return out


def by_zip_patch(example: Path, out: Path) -> Path:
    with Package.open(example) as package:
        write_results(package, change(example))
        package.save(out)
    return out


def by_xlwings(example: Path, out: Path) -> Path:
    wb = load_workbook(example)
    book = xw.Book(json=remote_book.payload(wb, name=str(example)))
    write_results_live(book, change(example))
    remote_book.apply(book.json()["actions"], wb)
    wb.save(out)
    return out


@pytest.fixture
def written(example_path: Path, tmp_path: Path) -> dict[str, Seen]:
    return {
        "openpyxl": cells(by_openpyxl(example_path, tmp_path / "openpyxl.xlsx")),
        "zip patch": cells(by_zip_patch(example_path, tmp_path / "patch.xlsx")),
        "xlwings": cells(by_xlwings(example_path, tmp_path / "xlwings.xlsx")),
    }


@pytest.mark.parametrize("writer", ["zip patch", "xlwings"])
@pytest.mark.parametrize("sheet", SHEETS)
def test_each_writer_writes_the_cells_the_openpyxl_writer_writes(
    written: dict[str, Seen], writer: str, sheet: str
) -> None:
    expected, got = written["openpyxl"][sheet], written[writer][sheet]
    assert got.keys() == expected.keys()
    different = {ref: (expected[ref], got[ref]) for ref in expected if got[ref] != expected[ref]}
    assert different == {}


def test_the_comparison_sees_values_formats_and_status_fills(written: dict[str, Seen]) -> None:
    hasil = written["openpyxl"][L.layout().hasil.sheet]
    lay = L.layout().hasil
    status_col = "ABCDEFGHIJKLM"[lay.status_column - 1]
    first = lay.header_row + 1
    assert hasil[f"A{lay.header_row}"][0] == lay.headers[0]
    assert len([ref for ref in hasil if ref.startswith(status_col)]) > 20
    assert {hasil[f"{status_col}{r}"][2] for r in range(first, first + 20)} >= {"00C6EFCE"}
    assert any(fmt == "0.00" for _, fmt, _ in hasil.values())
