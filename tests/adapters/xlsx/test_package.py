"""The xlsx package (``adapters.xlsx.package.Package``): a master opened once, changed, written once.

Its parts, relationships and content types as stored; free names that no part takes; a sheet
replaced with its table and drawing (the old ones dropped, what other sheets use kept); a part
added with the parts it points at; styles merged (identical formats reused); every part written
once, the untouched ones copied as stored, byte for byte.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.table import Table

from xlwings_app.adapters.xlsx.package import (
    CALC_CHAIN,
    CHART,
    CHART_TYPE,
    DRAWING,
    DRAWING_TYPE,
    MAIN,
    TABLE,
    TABLE_TYPE,
    NewPart,
    Package,
    PatchUnsupported,
)
from xlwings_app.adapters.xlsx.styles_xml import Styles, cell_format

WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """Three sheets: Satu with a table and a chart, Dua with a table, Tiga plain; a print title on Satu."""
    wb = Workbook()
    one = wb.active
    one.title = "Satu"
    for row in (["Nama", "Nilai"], ["a", 1], ["b", 2]):
        one.append(row)
    one.add_table(Table(displayName="TabelSatu", ref="A1:B3"))
    chart = BarChart()
    chart.add_data(Reference(one, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    one.add_chart(chart, "D2")
    one.print_title_rows = "1:1"
    two = wb.create_sheet("Dua")
    two.append(["Kode"])
    two.append(["x"])
    two.add_table(Table(displayName="TabelDua", ref="A1:A2"))
    wb.create_sheet("Tiga")["A1"] = "tiga"
    wb["Tiga"]["A1"].font = Font(bold=True)
    path = tmp_path / "buku.xlsx"
    wb.save(path)
    return path


def stored(path: Path) -> dict[str, tuple[int, bytes]]:
    """Each member's CRC and its bytes as stored (compressed)."""
    with zipfile.ZipFile(path) as z:
        out = {}
        for info in z.infolist():
            z.fp.seek(info.header_offset + 26)  # type: ignore[union-attr]
            name_len, extra_len = int.from_bytes(z.fp.read(2), "little"), int.from_bytes(z.fp.read(2), "little")  # type: ignore[union-attr]
            z.fp.seek(info.header_offset + 30 + name_len + extra_len)  # type: ignore[union-attr]
            out[info.filename] = (info.CRC, z.fp.read(info.compress_size))  # type: ignore[union-attr]
        return out


def test_parts_rels_content_types_and_sheets_as_stored(book: Path) -> None:
    with Package.open(book) as package:
        assert package.names == zipfile.ZipFile(book).namelist()
        sheets = package.sheets()
        assert [(s.name, s.index) for s in sheets] == [("Satu", 0), ("Dua", 1), ("Tiga", 2)]
        one = package.sheet_part("Satu")
        assert package.content_type(one) == WORKSHEET_TYPE
        assert package.content_type("xl/_rels/workbook.xml.rels").endswith("relationships+xml")  # a Default
        types = {r.type.rsplit("/", 1)[-1] for r in package.rels(one)}
        assert types == {"table", "drawing"}
        [table] = package.target(one, TABLE)
        assert b'displayName="TabelSatu"' in package.read(table)
        assert package.rels("")[0].target == "xl/workbook.xml"
        with pytest.raises(PatchUnsupported):
            package.sheet_part("Empat")


def test_free_names_take_no_part_and_none_twice(book: Path) -> None:
    with Package.open(book) as package:
        taken = set(package.names)
        first, second = package.free_name("xl/tables/table"), package.free_name("xl/tables/table")
        assert first not in taken and second not in taken and first != second
        one = package.sheet_part("Satu")
        assert package.free_rid(one) not in {r.id for r in package.rels(one)}
        ids = {package.free_table_id(), package.free_table_id()}
        assert len(ids) == 2 and min(ids) > 2  # the workbook's tables are 1 and 2


def test_replace_sheet_drops_what_only_it_used_and_keeps_its_place(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "ganti.xlsx"
    with Package.open(book) as package:
        one = package.sheet_part("Satu")
        old = set(package.names)
        table = NewPart("xl/tables/table", TABLE_TYPE, TABLE, (
            f'<table xmlns="{MAIN}" id="1" name="TabelBaru" displayName="TabelBaru" ref="A1:B2" headerRowCount="1">'
            '<tableColumns count="2"><tableColumn id="1" name="P"/><tableColumn id="2" name="Q"/></tableColumns></table>'
        ))  # fmt: skip
        body = (
            f'<worksheet xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>P</t></is></c><c r="B1" t="inlineStr"><is><t>Q</t>'
            '</is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row></sheetData>'
            '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'
        )
        assert package.replace_sheet("Satu", body, [table]) == one
        gone = old - set(package.names)
        assert any(n.startswith("xl/charts/") for n in gone) and any(n.startswith("xl/drawings/") for n in gone)
        package.save(out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Satu", "Dua", "Tiga"]
    assert {t.name: t.ref for t in wb["Satu"].tables.values()} == {"TabelBaru": "A1:B2"}
    assert {t.name for t in wb["Dua"].tables.values()} == {"TabelDua"}  # another sheet's table kept
    assert [[c.value for c in r] for r in wb["Satu"].iter_rows()] == [["P", "Q"], [1, 2]]
    assert not wb["Satu"]._charts
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
        ids = [z.read(n).split(b' id="')[1].split(b'"')[0] for n in z.namelist() if n.startswith("xl/tables/")]
        assert len(set(ids)) == len(ids) == 2  # the new table's id is unique in the workbook
        overrides = z.read("[Content_Types].xml").decode()
        assert all(f'"/{n}"' in overrides for n in z.namelist() if n.startswith("xl/tables/"))
        assert not any(f'"/{n}"' in overrides for n in gone)


def test_replace_sheet_twice_gives_the_same_package(book: Path, tmp_path: Path) -> None:
    """Run after run, the same free names and table ids: a master does not drift."""
    def once(src: Path, out: Path) -> dict[str, bytes]:
        with Package.open(src) as package:
            drawing = NewPart("xl/drawings/drawing", DRAWING_TYPE, DRAWING, b"<wsDr/>", [
                NewPart("xl/charts/chart", CHART_TYPE, CHART, b"<chartSpace/>")])  # fmt: skip
            package.replace_sheet("Dua", f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>', [drawing])
            package.save(out)
        with zipfile.ZipFile(out) as z:
            return {n: z.read(n) for n in z.namelist()}

    first = once(book, tmp_path / "1.xlsx")
    second = once(tmp_path / "1.xlsx", tmp_path / "2.xlsx")
    assert first == second


def test_add_part_points_at_it_and_at_what_it_points_at(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "tambah.xlsx"
    with Package.open(book) as package:
        three = package.sheet_part("Tiga")
        drawing = NewPart("xl/drawings/drawing", DRAWING_TYPE, DRAWING, b"<wsDr/>", [
            NewPart("xl/charts/chart", CHART_TYPE, CHART, b"<chartSpace/>"),
            NewPart("xl/charts/chart", CHART_TYPE, CHART, b"<chartSpace/>")])  # fmt: skip
        name, rid = package.add_part(drawing, three)
        assert name not in zipfile.ZipFile(book).namelist()
        assert [r.target for r in package.rels(three) if r.id == rid] == [name]
        charts = package.rels(name)
        assert [r.id for r in charts] == ["rId1", "rId2"] and len({r.target for r in charts}) == 2
        assert all(package.content_type(r.target or "") == CHART_TYPE for r in charts)
        package.save(out)
    with zipfile.ZipFile(out) as z:
        assert name in z.namelist() and z.read(name) == b"<wsDr/>"


def test_merge_styles_reuses_identical_formats(book: Path, tmp_path: Path) -> None:
    styles = Styles()
    bold, fill = styles.add(cell_format(("bold",))), styles.add(cell_format(("fill:FFF2CC", "format:0.0%")))
    out = tmp_path / "gaya.xlsx"
    with Package.open(book) as package:
        first = package.merge_styles(styles.xml())
        again = package.merge_styles(styles.xml())
        assert first == again  # the second merge adds nothing
        package.save(out)
    with Package.open(out) as package:
        assert package.merge_styles(styles.xml()) == first
        package.save(tmp_path / "lagi.xlsx")
    assert zipfile.ZipFile(out).read("xl/styles.xml") == zipfile.ZipFile(tmp_path / "lagi.xlsx").read("xl/styles.xml")
    wb = load_workbook(out)
    xfs = wb._cell_styles
    assert wb._fonts[xfs[first[bold]].fontId].b
    assert wb._fills[xfs[first[fill]].fillId] == PatternFill("solid", fgColor="FFF2CC")
    assert wb._number_formats[xfs[first[fill]].numFmtId - 164] == "0.0%"


def test_number_format_style_keeps_the_rest_of_a_format(book: Path) -> None:
    with Package.open(book) as package:
        xf = package.merge_styles(_bold_xml())[1]
        dated = package.number_format_style(xf, "dd-mm-yyyy hh:mm")
        assert dated != xf and package.number_format_style(xf, "dd-mm-yyyy hh:mm") == dated
        assert package.number_format_style(dated, "dd-mm-yyyy hh:mm") == dated
        with pytest.raises(PatchUnsupported):
            package.number_format_style(999, "0")


def _bold_xml() -> str:
    styles = Styles()
    styles.add(cell_format(("bold",)))
    return styles.xml()


def test_local_names_and_recalculation(book: Path, tmp_path: Path) -> None:
    with_chain = tmp_path / "rantai.xlsx"
    with zipfile.ZipFile(book) as z, zipfile.ZipFile(with_chain, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/calcChain.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>')  # fmt: skip
            if name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", f'<Relationship Id="rId99" Type="{CALC_CHAIN}" '
                                    'Target="calcChain.xml"/></Relationships>'.encode())  # fmt: skip
            out.writestr(name, data)
        out.writestr("xl/calcChain.xml", f'<calcChain xmlns="{MAIN}"/>')
    out = tmp_path / "hitung.xlsx"
    with Package.open(with_chain) as package:
        package.set_local_names("Satu", {})
        package.set_local_names("Dua", {"_xlnm.Print_Titles": "'Dua'!$1:$1"})
        package.recalculate_on_load()
        package.save(out)
    with zipfile.ZipFile(out) as z:
        assert "xl/calcChain.xml" not in z.namelist()
        assert b"calcChain" not in z.read("[Content_Types].xml") + z.read("xl/_rels/workbook.xml.rels")
        assert b'fullCalcOnLoad="1"' in z.read("xl/workbook.xml")
    wb = load_workbook(out)
    assert wb["Satu"].print_title_rows is None and wb["Dua"].print_title_rows == "$1:$1"


def test_save_writes_each_part_once_and_copies_the_untouched_as_stored(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "salin.xlsx"
    with Package.open(book) as package:
        package.put("xl/worksheets/sheet3.xml", f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>')
        package.put("customXml/item1.xml", b"<x/>", "application/xml")
        package.save(out)
    before, after = stored(book), stored(out)
    names = zipfile.ZipFile(out).namelist()
    assert len(names) == len(set(names)) and names[-1] == "customXml/item1.xml"
    for name, data in before.items():
        if name not in ("xl/worksheets/sheet3.xml", "[Content_Types].xml"):
            assert after[name] == data, name  # the same compressed bytes: never inflated again
    assert zipfile.ZipFile(out).testzip() is None


def test_a_package_reads_from_memory_and_refuses_what_is_no_workbook(book: Path) -> None:
    with Package.open(io.BytesIO(book.read_bytes())) as package:
        assert [s.name for s in package.sheets()] == ["Satu", "Dua", "Tiga"]
    with pytest.raises(PatchUnsupported):
        Package.open(io.BytesIO(b"bukan zip"))
