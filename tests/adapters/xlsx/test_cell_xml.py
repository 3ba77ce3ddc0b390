"""One cell writer (``adapters.xlsx.cell_xml``): every caller writes a value as Excel reads it back.

The same values go to every writer of cells: ``cell_xml`` itself, ``row_writer.row_xml``, the
generated row functions of ``row_writer.RowWriter``, the cell splicer of ``cell_patch`` and the
values writer of ``values_patch`` (both into an existing sheet), and openpyxl. Each file is read
back with openpyxl and with python-calamine (which, like Excel, undoes the ``_xHHHH_`` escapes),
and every value must come back as Excel reads it: numbers exactly (openpyxl's own 16 digits lose
the last bit of some doubles; ours do not), text with its line breaks, carriage returns, control
characters and surrounding spaces, truth values, dates and times to the second.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils.escape import unescape
from openpyxl.utils.exceptions import IllegalCharacterError
from python_calamine import CalamineWorkbook

from xlwings_app.adapters.xlsx.cell_patch import SheetEdits
from xlwings_app.adapters.xlsx.cell_xml import cell_xml, number_text, serial, style_attribute, text_element
from xlwings_app.adapters.xlsx.package import MAIN, Package
from xlwings_app.adapters.xlsx.row_writer import RowWriter, row_xml
from xlwings_app.adapters.xlsx.styles_xml import Styles, cell_format
from xlwings_app.adapters.xlsx.values_patch import put_values
from xlwings_app.sheets.grid import SheetValues

SHEET = "S"
PART = "xl/worksheets/sheet1.xml"
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
ESCAPE_LIKE = re.compile("_x[0-9A-Fa-f]{4}_")

TEXTS = st.one_of(
    st.text(max_size=20),
    st.text(alphabet=st.sampled_from("ab _x0D1F\r\n\t\x01\x1f\x0b&<>\"'é"), max_size=12),
    st.sampled_from(["", " ", "  awal", "akhir  ", "\n", "a\r\nb", "_x000D_", "_x005F_x0041_", "=1+1", "a\x00b"]),
)
NUMBERS = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 0.1 + 0.2, 1e16, 1e23, 5e-324, 2.0**53 + 2, 92.41, 100.0, 1 / 3]),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9),
)
MOMENTS = st.one_of(
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)).map(lambda d: d.replace(microsecond=0)),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
)
VALUES = st.lists(st.one_of(TEXTS, NUMBERS, MOMENTS, st.booleans(), st.none()), min_size=1, max_size=12)


def excel_reads(value: object) -> object:
    """What Excel shows for ``value`` written into a cell (a date in a date format)."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**53:
        return float(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value


def is_moment(value: object) -> bool:
    return isinstance(value, date)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """An empty workbook of one sheet, and the cell format that shows a date and time in it."""
    path = tmp_path_factory.mktemp("sel") / "kosong.xlsx"
    wb = Workbook()
    wb.active.title = SHEET
    wb.save(path)
    styles = Styles()
    styles.add(cell_format((f"format:{DATE_FORMAT}",)))
    with Package.open(path) as package:
        xf = package.merge_styles(styles.xml())[1]
        package.save(path.with_name("gaya.xlsx"))
    return path.with_name("gaya.xlsx"), xf


def _sheet(rows: str) -> str:
    return f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'


def by_cell_xml(values: list[object], date_xf: int) -> str:
    return "".join(
        f'<row r="{i}">{cell_xml(f"A{i}", v, date_xf if is_moment(v) else 0)}</row>' for i, v in enumerate(values, 1)
    )


def by_row_xml(values: list[object], date_xf: int) -> str:
    return "".join(
        row_xml(i, [("A", style_attribute(date_xf if is_moment(v) else 0))], [v]) for i, v in enumerate(values, 1)
    )


def by_row_writer(values: list[object], date_xf: int) -> str:
    write = RowWriter({"tanggal": [("A", style_attribute(date_xf))], "lain": [("A", "")]})
    write.MAKE_AFTER = 1  # every shape through its made function (where its kinds allow one)
    return "".join(write(i, "tanggal" if is_moment(v) else "lain", [v]) for i, v in enumerate(values, 1))


def write_with(path: Path, out: Path, rows: str) -> Path:
    with Package.open(path) as package:
        package.put(PART, _sheet(rows))
        package.save(out)
    return out


def write_by_cell_patch(path: Path, out: Path, values: list[object], date_xf: int) -> Path:
    with Package.open(path) as package:
        edits = SheetEdits(package)
        for i, v in enumerate(values, 1):
            edits[SHEET].put(i, 1, v, date_xf if is_moment(v) else None)
        edits.store()
        package.save(out)
    return out


def write_by_put_values(path: Path, out: Path, values: list[object]) -> Path:
    sheet = SheetValues(SHEET)
    for i, v in enumerate(values, 1):
        sheet.cells[(i, 1)] = v
        if is_moment(v):
            sheet.style(f"format:{DATE_FORMAT}", i, 1)
    with Package.open(path) as package:
        edits = SheetEdits(package)
        put_values(edits, sheet)
        edits.store()
        package.save(out)
    return out


def write_by_openpyxl(path: Path, out: Path, values: list[object]) -> tuple[Path, set[int]]:
    """The values written by openpyxl; the rows it refused (characters it cannot write)."""
    wb = load_workbook(path)
    ws = wb[SHEET]
    refused = set()
    for i, v in enumerate(values, 1):
        try:
            cell = ws.cell(i, 1, v)
        except IllegalCharacterError:  # openpyxl writes no control character
            refused.add(i)
            continue
        if is_moment(v):
            cell.number_format = DATE_FORMAT
        if isinstance(v, str):
            cell.data_type = "s"
    try:
        wb.save(out)
    except ValueError:  # lxml: a character XML cannot hold
        return out, set(range(1, len(values) + 1))
    return out, refused


def read_openpyxl(path: Path, n: int) -> list[object]:
    ws = load_workbook(path)[SHEET]
    out = [ws.cell(i, 1).value for i in range(1, n + 1)]
    return [unescape(v) if isinstance(v, str) else v for v in out]  # openpyxl leaves the _xHHHH_ escapes


def read_calamine(path: Path, n: int) -> list[object]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SHEET).to_python(skip_empty_area=False)
    got = [row[0] if row else "" for row in rows] + [""] * n
    return [None if v == "" else v for v in got[:n]]


def same(got: object, wanted: object) -> bool:
    if isinstance(wanted, datetime) and isinstance(got, date) and not isinstance(got, datetime):
        got = datetime.combine(got, time())
    if isinstance(wanted, bool) or isinstance(got, bool):
        return type(got) is type(wanted) and got == wanted
    return bool(got == wanted) or (isinstance(got, float) and isinstance(wanted, float) and math.isnan(got) and math.isnan(wanted))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=VALUES)
@example(values=[0.1 + 0.2, "a\r\nb", "_x000D_", "  ", " x ", "q\x01w", 1e23, True, datetime(2024, 7, 1, 8, 30), date(2024, 2, 29)])
def test_every_writer_writes_what_excel_reads_back(values: list[object], template: tuple[Path, int], tmp_path: Path) -> None:
    path, date_xf = template
    xml = by_cell_xml(values, date_xf)
    assert by_row_xml(values, date_xf) == xml
    assert by_row_writer(values, date_xf) == xml
    wanted = [excel_reads(v) for v in values]
    files = {
        "cell_xml": write_with(path, tmp_path / "cell.xlsx", xml),
        "cell_patch": write_by_cell_patch(path, tmp_path / "tambal.xlsx", values, date_xf),
        "put_values": write_by_put_values(path, tmp_path / "nilai.xlsx", values),
    }
    for writer, written in files.items():
        for reader in (read_openpyxl, read_calamine):
            got = reader(written, len(values))
            bad = [(i, v, g) for i, (v, g, w) in enumerate(zip(values, got, wanted, strict=True), 1) if not same(g, w)]
            assert bad == [], (writer, reader.__name__)
    theirs, refused = write_by_openpyxl(path, tmp_path / "openpyxl.xlsx", values)
    ours = read_calamine(files["cell_xml"], len(values))
    back = read_calamine(theirs, len(values)) if len(refused) < len(values) else []
    for i, (v, mine, their) in enumerate(zip(values, ours, back, strict=False), 1):
        if i in refused:
            assert isinstance(v, str)  # a control character: openpyxl refuses, ours escapes it
        elif isinstance(v, float) and float(f"{v:.16g}") != v:
            assert same(their, float(f"{v:.16g}")) and same(mine, v)  # openpyxl loses the last bit
        elif type(v) is int and abs(v) > 2**53:
            assert same(mine, float(v))  # openpyxl writes every digit; a double holds the nearest value
        elif isinstance(v, str) and v.strip() == "" and v:
            assert mine == v  # openpyxl marks no xml:space on spaces alone: a reader may drop them
        elif isinstance(v, str) and ESCAPE_LIKE.search(v):
            assert mine == v  # openpyxl writes "_x000D_" as it is: Excel reads a carriage return
        else:
            assert same(their, mine), (i, v)


def test_numbers_are_the_shortest_text_that_reads_back_exactly() -> None:
    assert number_text(0.1 + 0.2) == "0.30000000000000004"  # openpyxl: "0.3", another double
    assert number_text(100.0) == "100" and number_text(-0.0) == "-0" and number_text(1e23) == "1e+23"
    assert number_text(2**53 + 1) == "9007199254740992" and number_text(7) == "7"
    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(TypeError):
            number_text(bad)


def test_text_is_escaped_as_excel_escapes_it() -> None:
    assert text_element("a\r\nb") == "<is><t>a_x000D_\nb</t></is>"
    assert text_element("q\x01w") == "<is><t>q_x0001_w</t></is>"
    assert text_element("_x0041_") == "<is><t>_x005F_x0041_</t></is>"  # read back as typed, not as "A"
    assert text_element(" a & <b> ") == '<is><t xml:space="preserve"> a &amp; &lt;b&gt; </t></is>'
    assert text_element("\n") == '<is><t xml:space="preserve">\n</t></is>'


def test_cells_of_each_kind() -> None:
    assert cell_xml("B2", "") == '<c r="B2"/>' and cell_xml("B2", None, 3) == '<c r="B2" s="3"/>'
    assert cell_xml("B2", True) == '<c r="B2" t="b"><v>1</v></c>'
    assert cell_xml("B2", Decimal("92.50")) == '<c r="B2"><v>92.5</v></c>'
    assert cell_xml("B2", Decimal("5.00")) == '<c r="B2"><v>5</v></c>'
    assert cell_xml("B2", date(2024, 7, 1), 4) == '<c r="B2" s="4"><v>45474</v></c>'
    assert serial(datetime(1900, 1, 1)) == 1 and serial(datetime(1900, 3, 1)) == 61  # Excel's 29-02-1900
    assert cell_xml("B2", "=1+1") == '<c r="B2" t="inlineStr"><is><t>=1+1</t></is></c>'
    from xlwings_app.sheets.grid import Formula

    assert cell_xml("B2", Formula("=A1<2")) == '<c r="B2"><f>A1&lt;2</f></c>'
    for bad in (math.nan, object(), datetime(2024, 1, 1, tzinfo=__import__("datetime").timezone.utc)):
        with pytest.raises(TypeError):
            cell_xml("B2", bad)


@pytest.mark.libreoffice
def test_libreoffice_reads_a_sample_back_as_written(template: tuple[Path, int], tmp_path: Path) -> None:
    """LibreOffice opens the cells and saves them again its own way (shared strings, numbers to 15
    significant digits, a line break as a line feed): the values come back, the escapes undone, the
    spaces kept, the dates whole."""
    from xlwings_app.adapters.documents.libreoffice import recalculate

    path, date_xf = template
    values: list[object] = [0.1 + 0.2, 1e23, 92.41, -7, True, "a\r\nb", "q\x01w", "_x0041_", "  dua spasi  ", "=1+1",
                            datetime(2024, 7, 1, 8, 30), date(2024, 2, 29), None]  # fmt: skip
    written = write_with(path, tmp_path / "sel.xlsx", by_cell_xml(values, date_xf))
    again = recalculate(written, tmp_path / "lo")
    expected = [float(f"{v:.15g}") if isinstance(v, float) else v.replace("\r\n", "\n") if isinstance(v, str) else v
                for v in map(excel_reads, values)]  # fmt: skip
    got = read_calamine(again, len(values))
    assert [(v, g) for v, g, w in zip(values, got, expected, strict=True) if not same(g, w)] == []
