"""``kinerja hitung``'s fast writer: Hasil and Rekap replaced in the zip, every other part untouched.

The reference is the openpyxl writer (``apply_to_workbook``: one load, the change, one save) on a
copy of the same master: both must read back the same cells, formats, fills, table and charts.
"""

from __future__ import annotations

import io
import posixpath
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.image import Image
from PIL import Image as PILImage

from xlwings_app.adapters.documents.libreoffice import recalculate
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.charts import restore_charts
from xlwings_app.adapters.xlsx.master import apply_to_workbook
from xlwings_app.adapters.xlsx.results_parts import SheetRows, results_rows
from xlwings_app.domain.settings import Settings
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators
from xlwings_app.services.hitung import hitung, hitung_data, results_change
from xlwings_app.services.workbook import load
from xlwings_app.sheets.grid import cell_styles
from xlwings_app.sheets.results import hasil_values

REPLACED = ("Hasil", "Rekap")
MAY_CHANGE = {"xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"}


@pytest.fixture(params=["contoh", "sintetis"])
def master(request: pytest.FixtureRequest, example_path: Path, tmp_path: Path) -> Path:
    if request.param == "contoh":
        return example_path
    path = tmp_path / "sintetis.xlsx"
    build_workbook(SYNTHETIC_PROFIL, random_indicators(100, 200), Settings(), spare_rows=2).save(path)
    return path


def reference(master: Path) -> Path:
    """The same master written the old way (openpyxl load, ``apply_to_workbook``, save)."""
    copy = master.with_name("rujukan.xlsx")
    shutil.copy2(master, copy)
    result = hitung_data(load(copy))
    wb = load_workbook(copy)
    apply_to_workbook(wb, results_change(result))
    restore_charts(wb)
    wb.calculation.fullCalcOnLoad = True
    wb.save(copy)
    return copy


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _targets(z: zipfile.ZipFile, part: str) -> list[str]:
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in z.namelist():
        return []
    found = re.findall(r'Target="([^"]+)"', z.read(rels).decode())
    return [t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(folder, t)) for t in found]


def replaced_parts(path: Path) -> set[str]:
    """The sheet parts of Hasil and Rekap, their rels and everything they point at."""
    with zipfile.ZipFile(path) as z:
        wb = z.read("xl/workbook.xml").decode()
        by_id = dict(zip(re.findall(r'Id="([^"]+)"', z.read("xl/_rels/workbook.xml.rels").decode()),
                         _targets(z, "xl/workbook.xml"), strict=True))  # fmt: skip
        todo = [by_id[re.search(rf'name="{sheet}"[^>]*r:id="([^"]+)"', wb)[1]] for sheet in REPLACED]  # type: ignore[index]
        out: set[str] = set()
        while todo:
            part = todo.pop()
            folder, name = posixpath.split(part)
            out |= {part, posixpath.join(folder, "_rels", name + ".rels")}
            todo.extend(_targets(z, part))
        return out


def test_fast_hitung_reads_back_like_the_openpyxl_writer(master: Path) -> None:
    expected = reference(master)
    hitung(master)
    old, new = load_workbook(expected), load_workbook(master)
    for name in REPLACED:
        a, b = old[name], new[name]
        assert (a.max_row, a.max_column) == (b.max_row, b.max_column)
        for row_a, row_b in zip(a.iter_rows(), b.iter_rows(), strict=True):
            for x, y in zip(row_a, row_b, strict=True):
                assert (x.value, x.number_format) == (y.value, y.number_format), x.coordinate
                for attr in ("fill", "font", "border", "alignment"):
                    assert repr(getattr(x, attr)) == repr(getattr(y, attr)), (x.coordinate, attr)
        assert dict(a.tables.items()) == dict(b.tables.items())  # name -> ref
        assert (a.freeze_panes, a.print_title_rows) == (b.freeze_panes, b.print_title_rows)
        assert [d.width for d in a.column_dimensions.values()] == [d.width for d in b.column_dimensions.values()]
    assert new.sheetnames == old.sheetnames
    assert "TabelHasil" in new["Hasil"].tables


def test_every_other_part_is_copied_byte_for_byte(master: Path) -> None:
    before = parts(master)
    hitung(master)
    after = parts(master)
    backup = next((master.parent / "Cadangan Kinerja").iterdir())
    free = replaced_parts(master) | replaced_parts(backup) | MAY_CHANGE
    for name, data in before.items():
        if name not in free:
            assert after.get(name) == data, name
    assert set(before) - free <= set(after)
    assert before["docProps/core.xml"] == after["docProps/core.xml"]


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_chart_and_an_image_the_user_added_survive(example_path: Path) -> None:
    wb = load_workbook(example_path)
    ws = wb["IKU"]
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=7, min_row=4, max_row=8), titles_from_data=True)
    ws.add_chart(chart, "AD2")
    ws.add_image(Image(io.BytesIO(_png())), "AD20")
    wb.save(example_path)
    before = parts(example_path)
    user = {n for n in before if n.startswith(("xl/charts/", "xl/drawings/", "xl/media/"))}
    assert len(user) >= 4
    hitung(example_path)
    hitung(example_path)
    after = parts(example_path)
    for name in user:
        assert after[name] == before[name], name
    iku = load_workbook(example_path)["IKU"]
    assert len(iku._charts) == 1 and len(iku._images) == 1


def test_running_twice_gives_the_same_workbook(master: Path) -> None:
    hitung(master)
    once = parts(master)
    hitung(master)
    twice = parts(master)
    assert once.keys() == twice.keys()
    for name in once:
        assert once[name] == twice[name], name


def test_libreoffice_opens_it_and_computes(master: Path, tmp_path: Path) -> None:
    expected = load_workbook(recalculate(reference(master), tmp_path / "lo-rujukan"), data_only=True)
    hitung(master)
    recalculated = load_workbook(recalculate(master, tmp_path / "lo"), data_only=True)
    for name in REPLACED:
        for row_a, row_b in zip(expected[name].iter_rows(), recalculated[name].iter_rows(), strict=False):
            for x, y in zip(row_a, row_b, strict=False):
                assert x.value == y.value or (isinstance(x.value, float) and y.value == pytest.approx(x.value)), (
                    name, x.coordinate,
                )  # fmt: skip
    for ws in recalculated.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith("#") and v.endswith(("!", "?", "A")) for v in row)
    live = load_workbook(master)["IKU"]
    formulas = [c for row in live.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert formulas
    computed = [recalculated["IKU"][c.coordinate].value for c in formulas]
    assert computed == [expected["IKU"][c.coordinate].value for c in formulas]
    assert any(isinstance(v, int | float) for v in computed)


def test_calc_chain_is_dropped_and_excel_recalculates(example_path: Path) -> None:
    hitung(example_path)
    with_chain = example_path.with_name("rantai.xlsx")
    with zipfile.ZipFile(example_path) as z, zipfile.ZipFile(with_chain, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/calcChain.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>')  # fmt: skip
            if name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>'
                                    b"</Relationships>")  # fmt: skip
            out.writestr(name, data)
        out.writestr("xl/calcChain.xml", b'<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    hitung(with_chain)
    after = parts(with_chain)
    assert "xl/calcChain.xml" not in after
    assert b"calcChain" not in after["[Content_Types].xml"] + after["xl/_rels/workbook.xml.rels"]
    assert b'fullCalcOnLoad="1"' in after["xl/workbook.xml"]
    assert load_workbook(with_chain)["Hasil"].max_row > 5


def test_a_master_without_rekap_is_rewritten_with_openpyxl(example_path: Path) -> None:
    wb = load_workbook(example_path)
    del wb["Rekap"]
    wb.save(example_path)
    assert hitung(example_path).ditulis
    wb = load_workbook(example_path)
    assert "Rekap" in wb.sheetnames and wb["Hasil"]["A5"].value


def test_hasil_streamed_is_hasil_values_of_all_results(master: Path) -> None:
    result = hitung_data(load(master))
    c = results_change(result)
    hasil, _, _ = results_rows(c)
    whole = hasil_values(result.semua_periode, hasil.unit, hasil.tahun)
    xf_map = {i: i for i in set(hasil.xf_of.values())}
    expected = "".join(SheetRows(whole, cell_styles(whole), hasil.xf_of).chunks(xf_map))
    assert "".join(hasil.chunks(xf_map)) == expected
    assert hasil.dimension == SheetRows(whole, cell_styles(whole), hasil.xf_of).dimension
