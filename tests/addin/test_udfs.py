"""The KINERJA_* worksheet functions and their VBA wrappers."""

from __future__ import annotations

import ast
import inspect
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.addin.conftest import MACROS
from xlwings_app import udfs
from xlwings_app.domain.capaian import capaian
from xlwings_app.domain.indicator import Polaritas

WRAPPER = (MACROS / "KinerjaUDF.bas").read_text(encoding="utf-8")
NUMERIC = ["KINERJA_CAPAIAN", "KINERJA_DURASI", "KINERJA_WAKTU_STANDAR"]
"""The functions whose not-computable result must reach Excel as Empty, not as text."""


def _python_udfs() -> list[str]:
    tree = ast.parse(inspect.getsource(udfs))
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any(ast.unparse(d).split("(")[0] in ("xw.func", "xlwings.func") for d in node.decorator_list)
    ]


def test_every_udf_has_a_wrapper_mirroring_its_signature() -> None:
    declared = re.findall(r"^Function (\w+)\(([^)]*)\)$", WRAPPER, re.MULTILINE)
    names = _python_udfs()
    assert names == ["KINERJA_CAPAIAN", "KINERJA_PREDIKAT", "KINERJA_DURASI", "KINERJA_WAKTU_STANDAR"]
    assert [name for name, _ in declared] == names
    for name, params in declared:
        signature = inspect.signature(getattr(udfs, name))
        expected = [
            ("Optional " if p.default is not inspect.Parameter.empty else "") + p.name
            for p in signature.parameters.values()
        ]
        assert [p.strip() for p in params.split(",")] == expected
        args = ", ".join(signature.parameters)
        call = f'XLPy.CallUDF("xlwings_app.udfs", "{name}", Array({args})'
        excel = f"{call}, ActiveWorkbook, Application.Caller)"
        wrapped = f"{name} = BlankAsEmpty({excel})" if name in NUMERIC else f"{name} = {excel}"
        assert wrapped in WRAPPER, name
        assert f"{name} = {call})" in WRAPPER


@pytest.mark.parametrize(
    "target,realisasi,polaritas,expected",
    [
        (7, 6.5, "Negatif", 107.14),  # PermenPANRB 6/2022 worked examples
        (8, 9, "negatif", 87.5),
        (100, "87,5", "Positif", 87.5),  # text with a decimal comma, as typed
        (60, 140, "Positif", 233.33),  # no cap
        (0, 0, "Negatif", 100.0),
    ],
)
def test_capaian_matches_the_domain(
    target: object, realisasi: object, polaritas: str, expected: float
) -> None:
    assert udfs.KINERJA_CAPAIAN(target, realisasi, polaritas) == expected
    domain = capaian(
        Decimal(str(target)), Decimal(str(realisasi).replace(",", ".")), Polaritas(polaritas.capitalize())
    )
    assert domain is not None and float(domain) == expected


def test_capaian_defaults_to_positive_polarity_and_blank_when_not_computable() -> None:
    assert udfs.KINERJA_CAPAIAN(80, 60) == 75.0
    assert udfs.KINERJA_CAPAIAN(80, None) is None  # realisasi not filled in
    assert udfs.KINERJA_CAPAIAN(0, 5, "Positif") is None  # target 0, positive: not computable


@pytest.mark.parametrize(
    "args,fragment",
    [
        ((None, "abc", "Positif"), "realisasi"),
        ((10, 5, "naik"), "polaritas"),
        ((True, 5, "Positif"), "target"),
    ],
)
def test_capaian_bad_input_is_an_indonesian_message(args: tuple[object, ...], fragment: str) -> None:
    result = udfs.KINERJA_CAPAIAN(*args)
    assert isinstance(result, str) and result.startswith("#KINERJA: ") and fragment in result


@pytest.mark.parametrize(
    "value,expected",
    [
        (91, "Sangat Tinggi"),
        (90.995, "Sangat Tinggi"),
        (90.99, "Tinggi"),
        (75.995, "Tinggi"),
        (75.994, "Sedang"),
        (50.99, "Sangat Rendah"),
        (None, None),
    ],
)
def test_predikat_on_the_default_scale(value: object, expected: str | None) -> None:
    assert udfs.KINERJA_PREDIKAT(value) == expected


def _named_scale(wb: object, name: str) -> list[list[object]]:
    """The values of a defined name of the workbook, as xlwings reads a range with ndim=2."""
    from openpyxl.worksheet.worksheet import Worksheet

    [(sheet, ref)] = wb.defined_names[name].destinations  # type: ignore[attr-defined]
    ws: Worksheet = wb[sheet]  # type: ignore[index]
    return [[cell.value for cell in row] for row in ws[ref.replace("$", "")]]


def test_predikat_follows_the_pengaturan_scale_through_its_named_ranges() -> None:
    """A unit's own scale in sheet Pengaturan: =KINERJA_PREDIKAT(C5; SkalaBatas; SkalaPredikat)."""
    from xlwings_app.adapters.openpyxl.builder import build_workbook
    from xlwings_app.domain.settings import Band, Scale, Settings

    own = Scale((Band(Decimal(0), "Kurang"), Band(Decimal(60), "Cukup"), Band(Decimal(85), "Baik")))
    wb = build_workbook({}, [], Settings(skala=own))
    wb.defined_names["SkalaBatas"].attr_text = "'Pengaturan'!$A$10:$A$12"  # OFFSET(...) as Excel resolves it
    wb.defined_names["SkalaPredikat"].attr_text = "'Pengaturan'!$B$10:$B$12"
    bounds, labels = _named_scale(wb, "SkalaBatas"), _named_scale(wb, "SkalaPredikat")
    assert bounds == [[0], [60], [85]] and labels == [["Kurang"], ["Cukup"], ["Baik"]]
    assert udfs.KINERJA_PREDIKAT(84.995, bounds, labels) == "Baik"  # rounded first, as everywhere
    assert udfs.KINERJA_PREDIKAT(84.99, bounds, labels) == "Cukup"
    assert udfs.KINERJA_PREDIKAT(91, bounds, labels) == "Baik"  # not the default "Sangat Tinggi"
    assert udfs.KINERJA_PREDIKAT(59, [[0, "Kurang"], [60, "Cukup"], [None, None]]) == "Kurang"


@pytest.mark.parametrize(
    "bounds,labels,fragment",
    [
        ([[10], [60]], [["Kurang"], ["Baik"]], "terendah harus 0"),
        ([[0], [60], [50]], [["a"], ["b"], ["c"]], "harus naik"),
        ([[0], [60]], [["a"], ["b"], ["c"]], "2 batas bawah tetapi 3 predikat"),
        ([[0, "a", "x"]], None, "dua kolom"),
        (None, [["a"]], "skala_batas"),
        ([[0], ["enam puluh"]], [["a"], ["b"]], "batas bawah: 'enam puluh' bukan angka"),
    ],
)
def test_predikat_with_a_bad_scale_says_what_is_wrong(bounds: object, labels: object, fragment: str) -> None:
    result = udfs.KINERJA_PREDIKAT(75, bounds, labels)
    assert isinstance(result, str) and result.startswith("#KINERJA: skala") and fragment in result


def test_predikat_reads_the_scale_ranges_as_two_dimensional() -> None:
    """xlwings hands a one-column range to Python as a flat list, a single cell as a value, unless
    ndim=2 is declared (``xw.arg``, which xlwings applies on Windows only, so read from the source)."""
    tree = ast.parse(inspect.getsource(udfs))
    [node] = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "KINERJA_PREDIKAT"]
    decorators = [ast.unparse(d) for d in node.decorator_list]
    assert decorators == [
        "xw.func(call_in_wizard=False)",
        "xw.arg('skala_batas', ndim=2)",
        "xw.arg('skala_predikat', ndim=2)",
    ]
    # The shapes ndim=2 gives: one bound per row, or one row typed across.
    assert udfs.KINERJA_PREDIKAT(70, [[0, 60, 85]], [["Kurang", "Cukup", "Baik"]]) == "Cukup"


def test_a_not_computable_result_reaches_excel_as_empty_through_the_wrapper(built_xlam: Path) -> None:
    """Python's None → xlwings → "" in a 1 × 1 array → BlankAsEmpty → Empty, which Excel treats as an
    empty cell in comparisons and sums (=KINERJA_CAPAIAN(80;"")>=91 is FALSE, SUM unchanged)."""
    from oletools.olevba import VBA_Parser
    from xlwings import conversion

    assert udfs.KINERJA_CAPAIAN(80, None) is None
    # What CallUDF hands back to VBA: xlwings' own conversion of the result (the remote engine
    # here; the COM engine's prepare_xl_data_element maps None to "" the same way).
    assert conversion.write(None, None, {}, engine_name="remote") == [[""]]
    assert conversion.write(75.0, None, {}, engine_name="remote") == [[75.0]]
    windows = (Path(conversion.__file__).parents[1] / "_xlwindows.py").read_text(encoding="utf-8")
    assert re.search(r'elif x is None:\n\s+return ""', windows)
    parser = VBA_Parser(str(built_xlam))
    [decoded] = [c for _, _, n, c in parser.extract_macros() if n.startswith("KinerjaUDF")]
    decoded = decoded.replace("\r\n", "\n")
    helper = decoded[decoded.index("Private Function BlankAsEmpty") :]
    assert "If IsArray(result) Then" in helper
    assert "cellValue = result(LBound(result, 1), LBound(result, 2))" in helper
    assert "If VarType(cellValue) = vbString Then" in helper
    assert "If Len(cellValue) = 0 Then BlankAsEmpty = Empty" in helper
    for name in NUMERIC:
        assert f'{name} = BlankAsEmpty(XLPy.CallUDF("xlwings_app.udfs", "{name}"' in decoded
    assert 'KINERJA_PREDIKAT = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_PREDIKAT"' in decoded  # text stays ""


def test_durasi_counts_working_minutes() -> None:
    # Senin 8 Januari 2024 10.00 to Selasa 10.00: 6 h on Senin (break 12-13) + 2.5 h on Selasa.
    assert udfs.KINERJA_DURASI(datetime(2024, 1, 8, 10), datetime(2024, 1, 9, 10)) == 450.0
    assert udfs.KINERJA_DURASI(date(2024, 1, 8), date(2024, 1, 8)) == 450.0  # one whole day
    assert udfs.KINERJA_DURASI(45299.0, 45300.5) == 720.0  # Excel serials, Senin to Selasa 12.00
    assert udfs.KINERJA_DURASI(datetime(2024, 1, 9), datetime(2024, 1, 8)).startswith("#KINERJA")
    assert udfs.KINERJA_DURASI("kemarin", 1).startswith("#KINERJA: mulai")


@pytest.mark.parametrize(
    "text,minutes",
    [("15 menit", 15.0), ("2 jam", 120.0), ("1 hari kerja", 450.0), ("1 minggu", 2250.0), ("5 menlt", 5.0)],
)
def test_waktu_standar_in_minutes(text: str, minutes: float) -> None:
    assert udfs.KINERJA_WAKTU_STANDAR(text) == minutes


def test_waktu_standar_unreadable_text_is_a_message() -> None:
    result = udfs.KINERJA_WAKTU_STANDAR("secepatnya")
    assert isinstance(result, str) and result.startswith("#KINERJA: ")
