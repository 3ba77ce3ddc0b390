"""``kinerja rekap``'s fast writer: the input cells and Riwayat rows patched into the zip.

The reference is the openpyxl writer (the fallback of ``FileMaster.commit``, forced by making the
patch refuse) on a copy of the same master with the same forms: both must read back the same cells
(values, types, number formats) in every sheet, and every part but the touched sheets, the
workbook and the dropped calcChain must stay byte for byte.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from openpyxl import load_workbook

from bench.forms_scenario import fill_form, make_forms_scenario
from tests.services.forms.conftest import TW4, find_cell
from xlwings_app.adapters.documents.libreoffice import recalculate
from xlwings_app.adapters.xlsx import cell_patch
from xlwings_app.adapters.xlsx.package import MAIN, PatchUnsupported
from xlwings_app.domain.indicator import Periode
from xlwings_app.samples import example
from xlwings_app.services import rekap as rekap_service
from xlwings_app.services.rekap import rekap

WHEN = datetime(2024, 7, 5, 9, 30, 0)
NASTY = '=HYPERLINK("http://contoh.invalid","klik")'


class _Clock(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> _Clock:
        return cls(2024, 7, 5, 9, 30, 0)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same Waktu in both writers' Riwayat rows."""
    monkeypatch.setattr(rekap_service, "datetime", _Clock)


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise PatchUnsupported("uji: paksa openpyxl")


def both_ways(master: Path, sources: list[Path], periode: Periode, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """``master`` rekap'd through the zip patch, and a copy of it through openpyxl."""
    reference = master.with_name("rujukan" + master.suffix)
    shutil.copy2(master, reference)
    calls: list[object] = []
    real = cell_patch.set_cells

    def counted(*args: Any, **kwargs: Any) -> None:
        calls.append(args)
        real(*args, **kwargs)

    monkeypatch.setattr(cell_patch, "set_cells", counted)
    fast = rekap(master, sources, periode)
    assert fast.valid and fast.ditulis and len(calls) == 1
    monkeypatch.setattr(cell_patch, "set_cells", _refuse)
    slow = rekap(reference, sources, periode)
    assert slow.valid and slow.ditulis
    assert [(p.sheet, p.sel) for p in fast.perubahan] == [(p.sheet, p.sel) for p in slow.perubahan]
    return master, reference


def assert_same_cells(fast: Path, slow: Path) -> None:
    a, b = load_workbook(fast), load_workbook(slow)
    assert a.sheetnames == b.sheetnames
    for name in a.sheetnames:
        wa, wb = a[name], b[name]
        assert (wa.max_row, wa.max_column) == (wb.max_row, wb.max_column), name
        for row in wb.iter_rows():
            for y in row:
                x = wa[y.coordinate]
                assert (x.value, x.data_type, x.number_format) == (y.value, y.data_type, y.number_format), (
                    name, y.coordinate)  # fmt: skip


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_the_f_scenario_equals_the_openpyxl_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sc = make_forms_scenario(tmp_path / "F", n_forms=4, n_indicators=12)
    before = parts(sc.master)
    fast, slow = both_ways(sc.master, [sc.forms], sc.periode, monkeypatch)
    assert_same_cells(fast, slow)
    after = parts(fast)
    changed = {n for n in before if before[n] != after.get(n)}
    assert changed <= {"xl/workbook.xml"} | {n for n in before if n.startswith("xl/worksheets/sheet")}
    assert "xl/styles.xml" not in changed and "xl/sharedStrings.xml" not in changed
    assert set(after) <= set(before)
    riwayat = load_workbook(fast)["Riwayat"]
    rows = [r for r in riwayat.iter_rows(min_row=5, values_only=True) if r[0]]
    assert len(rows) == 2 * 4 * 12 and rows[0][0] == WHEN.strftime("%Y-%m-%d %H:%M:%S")


def test_only_the_touched_sheets_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sc = make_forms_scenario(tmp_path / "F", n_forms=2, n_indicators=5)
    before = parts(sc.master)
    wb = load_workbook(sc.master)
    touched = {"IKU", "IKI", "Riwayat"}
    index = {name: i + 1 for i, name in enumerate(wb.sheetnames)}
    rekap(sc.master, [sc.forms], sc.periode)
    after = parts(sc.master)
    allowed = {"xl/workbook.xml"} | {f"xl/worksheets/sheet{index[n]}.xml" for n in touched}
    assert {n for n in before if before[n] != after.get(n)} <= allowed
    assert {n for n in before if before[n] != after.get(n)} >= {f"xl/worksheets/sheet{index['Riwayat']}.xml"}
    assert b'fullCalcOnLoad="1"' in after["xl/workbook.xml"]


def test_text_formulas_numbers_and_percent_equal_the_openpyxl_writer(
    master: Path, forms: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    form = forms[example.KASI_TRANTIB]
    fill_form(form, {
        "IKU-06": {"permasalahan": NASTY, "r4": 9},
        "IKU-07": {"keterangan": "  dua baris\nkedua <&> ", "r4": "9,5"},
    })  # fmt: skip
    wb = load_workbook(form)
    ws = wb["Isian"]
    ws[find_cell(form, "Isian", "IKU-07", "Permasalahan TW IV")] = "=1+1"  # typed as a formula
    percent = ws[find_cell(form, "Isian", "IKU-06", "Realisasi TW IV")]
    percent.value, percent.number_format = 0.925, "0.0%"
    wb.save(form)
    fast, slow = both_ways(master, [form], TW4, monkeypatch)
    assert_same_cells(fast, slow)
    iku = load_workbook(fast)["IKU"]
    for kode, header, value in (("IKU-06", "Permasalahan TW IV", NASTY), ("IKU-07", "Permasalahan TW IV", "=1+1"),
                                ("IKU-07", "Keterangan", "dua baris\nkedua <&>")):  # fmt: skip (the form reader trims)
        cell = iku[find_cell(fast, "IKU", kode, header)]
        assert (cell.value, cell.data_type) == (value, "s")
    realisasi = iku[find_cell(fast, "IKU", "IKU-06", "Realisasi TW IV")]
    assert realisasi.data_type == "n" and realisasi.value == slow_value(slow, "IKU-06")


def slow_value(path: Path, kode: str) -> object:
    return load_workbook(path)["IKU"][find_cell(path, "IKU", kode, "Realisasi TW IV")].value


def test_a_second_rekap_appends_below_the_first(master: Path, forms: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    form = forms[example.KASI_TRANTIB]
    fill_form(form, {"IKU-06": {"r4": 9}})
    rekap(master, [form], TW4)
    fill_form(form, {"IKU-06": {"r4": "9,5"}, "IKU-07": {"r4": 0}})
    fast, slow = both_ways(master, [form], TW4, monkeypatch)
    assert_same_cells(fast, slow)
    rows = [r for r in load_workbook(fast)["Riwayat"].iter_rows(min_row=5, values_only=True)]
    assert [r[6:] for r in rows] == [(None, 9), (9, 9.5), (None, 0)]


def test_a_master_without_riwayat_takes_the_openpyxl_path(master: Path, forms: dict[str, Path]) -> None:
    wb = load_workbook(master)
    del wb["Riwayat"]
    wb.save(master)
    form = forms[example.KASI_TRANTIB]
    fill_form(form, {"IKU-06": {"r4": 9}})
    result = rekap(master, [form], TW4)
    assert result.ditulis
    rows = [r for r in load_workbook(master)["Riwayat"].iter_rows(min_row=5, values_only=True)]
    assert [r[6:] for r in rows] == [(None, 9)]


def _sheet(rows: bytes) -> cell_patch.SheetCells:
    return cell_patch.SheetCells("s.xml", (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + rows + b"</sheetData></worksheet>"))  # fmt: skip


def _written(sheet: cell_patch.SheetCells) -> etree._Element:
    return etree.fromstring(b"".join(bytes(p) for p in sheet.pieces()))


def test_a_shared_formula_in_a_replaced_cell_is_refused() -> None:
    sheet = _sheet(b'<row r="2"><c r="B2"><f t="shared" ref="B2:B3" si="0">A2</f><v>1</v></c></row>')
    with pytest.raises(PatchUnsupported):
        sheet.put(2, 2, 5)
    sheet.put(2, 3, 5)  # a new cell beside it is fine
    assert [c.get("r") for c in _written(sheet).iter(f"{{{MAIN}}}c")] == ["B2", "C2"]


def test_rows_are_spliced_as_lxml_would_write_them() -> None:
    """Each put cell as the tree writer made it; the row's other cells, as written, untouched."""
    sheet = _sheet(
        b'<row r="2" spans="1:9"><c r="A2" s="3" t="inlineStr"><is><t>r="C2" &lt;c r="C2"&gt;</t></is></c>'
        b'<c r="C2" s="7" t="n"><f>IF(A2="",1, 2)</f><v></v></c>'
        b"<c r='E2' s='4'/><c r=\"G2\" s=\"5\" t=\"n\"></c></row>"
        b'<row r="4"/><row r="6"><c r="B6"><v>1</v></c></row>')  # fmt: skip
    sheet.put(2, 3, "=A1 & <b>\r")  # a formula cell becomes text
    sheet.put(2, 5, 1.5)  # single-quoted address: found by reading every cell
    sheet.put(2, 4, True)  # a new cell between C2 and E2
    sheet.put(2, 9, None)  # a new empty cell at the end
    sheet.put(4, 1, " x")  # into an empty row
    sheet.put(5, 2, 7)  # a row the sheet lacks
    sheet.put(6, 2, None)
    root = _written(sheet)
    rows = {r.get("r"): r for r in root.iter(f"{{{MAIN}}}row")}
    assert list(rows) == ["2", "4", "5", "6"] and "spans" not in rows["2"].attrib

    def cells(r: str) -> list[bytes]:
        return [etree.tostring(c) for c in rows[r]]

    ns = b' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    assert [c.replace(ns, b"") for c in cells("2")] == [
        b'<c r="A2" s="3" t="inlineStr"><is><t>r="C2" &lt;c r="C2"&gt;</t></is></c>',
        b'<c r="C2" s="7" t="inlineStr"><is><t>=A1 &amp; &lt;b&gt;_x000D_</t></is></c>',
        b'<c r="D2" t="b"><v>1</v></c>',
        b'<c r="E2" s="4"><v>1.5</v></c>',
        b'<c r="G2" s="5" t="n"/>',
        b'<c r="I2"/>',
    ]
    assert [c.replace(ns, b"") for c in cells("4")] == [
        b'<c r="A4" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c>']
    assert [c.replace(ns, b"") for c in cells("5")] == [b'<c r="B5"><v>7</v></c>']
    assert [c.replace(ns, b"") for c in cells("6")] == [b'<c r="B6"/>']


@pytest.mark.parametrize("row", [
    b'<row r="2"><!-- <c r="B2"/> --><c r="B2"><v>1</v></c></row>',
    b'<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[<c r="B2">]]></t></is></c></row>',
    b'<row r="2"><c s="1"><v>1</v></c></row>',
    b'<row r="2" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c r="B2"><x:v>1</x:v></x:c></row>',
])  # fmt: skip
def test_rows_it_cannot_splice_are_refused(row: bytes) -> None:
    with pytest.raises(PatchUnsupported):
        _sheet(row).put(2, 2, 5)


def test_libreoffice_opens_it_and_recalculates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sc = make_forms_scenario(tmp_path / "F", n_forms=2, n_indicators=6)
    fast, slow = both_ways(sc.master, [sc.forms], sc.periode, monkeypatch)
    expected = load_workbook(recalculate(slow, tmp_path / "lo-rujukan"), data_only=True)
    got = load_workbook(recalculate(fast, tmp_path / "lo"), data_only=True)
    live = load_workbook(fast)
    checked = 0
    for name in ("IKU", "IKI"):
        for row in live[name].iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type == "f":
                    a, b = got[name][cell.coordinate].value, expected[name][cell.coordinate].value
                    assert a == b or a == pytest.approx(b), (name, cell.coordinate)
                    checked += 1
    assert checked
    realisasi = [got["IKU"][c].value for c in (find_cell(fast, "IKU", i.kode, "Realisasi TW II")
                                                for i in sc.indicators[:3] if i.kode.startswith("IKU"))]  # fmt: skip
    assert all(isinstance(v, int | float) for v in realisasi)
    for ws in got.worksheets:
        for values in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith("#") and v.endswith(("!", "?", "A")) for v in values)
