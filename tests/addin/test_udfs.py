"""The KINERJA_* worksheet functions and their VBA wrappers."""

from __future__ import annotations

import ast
import inspect
import re
from datetime import date, datetime
from decimal import Decimal

import pytest

from tests.addin.conftest import MACROS
from xlwings_app import udfs
from xlwings_app.domain.capaian import capaian
from xlwings_app.domain.indicator import Polaritas

WRAPPER = (MACROS / "KinerjaUDF.bas").read_text(encoding="utf-8")


def _python_udfs() -> list[str]:
    tree = ast.parse(inspect.getsource(udfs))
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any(ast.unparse(d) in ("xw.func", "xlwings.func") for d in node.decorator_list)
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
        call = f'{name} = XLPy.CallUDF("xlwings_app.udfs", "{name}", Array({args})'
        assert f"{call}, ActiveWorkbook, Application.Caller)" in WRAPPER
        assert f"{call})" in WRAPPER


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
