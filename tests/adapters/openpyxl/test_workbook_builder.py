"""The workbook `kinerja baru` creates: sheets, tables, formulas, validations, print setup, protection."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from xlwings_app.cli import app
from xlwings_app.domain.indicator import Jenis
from xlwings_app.sheets import layout as L


def _new(tmp_path: Path) -> Path:
    path = tmp_path / "baru.xlsx"
    result = CliRunner().invoke(app, ["baru", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_baru_creates_every_sheet_in_order(tmp_path: Path) -> None:
    wb = load_workbook(_new(tmp_path))
    assert wb.sheetnames[:8] == ["Petunjuk", "Profil", "IKU", "IKI", "Pejabat", "Pengaturan", "Hasil", "Rekap"]


def test_baru_refuses_to_overwrite(tmp_path: Path) -> None:
    path = _new(tmp_path)
    before = path.read_bytes()
    result = CliRunner().invoke(app, ["baru", str(path)])
    assert result.exit_code == 2 and "sudah ada" in result.output
    assert path.read_bytes() == before


def test_tables_have_the_documented_headers_and_live_formulas(tmp_path: Path) -> None:
    wb = load_workbook(_new(tmp_path))
    for jenis, table in L.layout().tables.items():
        ws = wb[table.sheet]
        excel_table = ws.tables[table.name]
        assert [c.name for c in excel_table.tableColumns] == [c.header for c in table.columns]
        first_data = L.TITLE_ROWS + 2
        for col, column in enumerate(table.columns, start=1):
            cell = ws.cell(first_data, col)
            if column.is_input:
                assert cell.value is None and cell.protection.locked is False
            else:
                assert isinstance(cell.value, str) and cell.value.startswith("=")
                assert cell.protection.locked is True
                assert "[@" not in cell.value and "XLOOKUP" not in cell.value and "LET(" not in cell.value
                # the row's own cells (relative), none of another row: scaled by CELL("format") they fit
                rows = {int(n) for n in re.findall(r"\b[A-Z]{1,3}([0-9]+)\b", cell.value)}
                assert rows == {first_data}, (column.key, rows)
                assert len(cell.value) < 8192
                calculated = excel_table.tableColumns[col - 1].calculatedColumnFormula
                assert calculated is not None and "=" + calculated.attr_text == ws.cell(L.TITLE_ROWS + 2, col).value
        assert ws.protection.sheet is True
        assert ws.freeze_panes == "C5"
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.print_title_rows in ("4:4", "$4:$4")
        assert jenis is Jenis.IKU or "IKU Induk" in [c.name for c in excel_table.tableColumns]


def test_table_names_do_not_read_as_cell_addresses() -> None:
    for table in L.layout().tables.values():
        assert not re.fullmatch(r"[A-Za-z]{1,3}\d+", table.name), table.name
        assert not re.fullmatch(r"[Rr]\d*[Cc]\d*", table.name), table.name
    assert not re.fullmatch(r"[A-Za-z]{1,3}\d+", L.layout().hasil.name)


def test_dropdowns_for_polaritas_agregasi_and_penanggung_jawab(tmp_path: Path) -> None:
    wb = load_workbook(_new(tmp_path))
    ws = wb["IKU"]
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert '"Positif,Negatif"' in formulas
    assert '"Jumlah,Akhir,Rata-rata"' in formulas
    assert "=DaftarPenanggungJawab" in formulas
    assert set(wb.defined_names) >= {"IndeksPeriode", "VarianNegatif", "SkalaBatas", "SkalaPredikat", "DaftarPenanggungJawab"}


def test_input_and_computed_cells_look_different(tmp_path: Path) -> None:
    ws = load_workbook(_new(tmp_path))["IKU"]
    columns = L.layout().tables[Jenis.IKU].columns
    kode, capaian = ws.cell(5, 1), ws.cell(5, [c.key for c in columns].index("capaian") + 1)
    assert kode.fill.fgColor.rgb != capaian.fill.fgColor.rgb


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path, example_path: Path) -> None:
    from tests.conftest import cell_of, edit

    address = cell_of(example_path, Jenis.IKU, "IKU-01", "permasalahan_tw1")

    def put(wb: object) -> None:
        wb["IKU"][address].value = "=HYPERLINK(\"http://contoh\")"  # type: ignore[index]
        wb["IKU"][address].data_type = "s"  # type: ignore[index]

    edit(example_path, put)
    result = CliRunner().invoke(app, ["hitung", str(example_path)])
    assert result.exit_code == 0
    ws = load_workbook(example_path)["IKU"]
    assert ws[address].data_type == "s"
