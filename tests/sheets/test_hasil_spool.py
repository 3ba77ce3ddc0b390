"""Sheet Hasil's spool gives back every result added, equal and in order, batch after batch."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import Hasil, measure_every_period
from xlwings_app.samples import example
from xlwings_app.sheets import hasil_spool
from xlwings_app.sheets.hasil_spool import HasilSpool
from xlwings_app.sheets.results import hasil_row, shown


def _every_result() -> list[tuple[int, Hasil]]:
    by_period = measure_every_period(example.INDICATORS, example.SETTINGS)
    return [(i, by_period[p][i]) for i in range(len(example.INDICATORS)) for p in Periode]


@pytest.mark.parametrize("batch", [1, 7, 2000])
def test_every_result_comes_back_equal_in_order(monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    monkeypatch.setattr(hasil_spool, "BATCH", batch)
    results = _every_result()
    spool = HasilSpool(example.INDICATORS)
    for position, h in results:
        spool.add(h, position)
    expected = [h for _, h in results]
    assert len(spool) == len(expected) and list(spool) == expected
    assert list(spool) == expected  # a second pass reads the file again
    assert [spool[i] for i in (0, 13, len(expected) - 1, -1)] == [expected[i] for i in (0, 13, -1, -1)]
    assert list(spool[3:9]) == expected[3:9]
    assert [h.indicator for h in spool] == [h.indicator for h in expected]  # the very indicators read
    assert list(spool.rows()) == [(h.status, hasil_row(h)) for h in expected]
    assert spool.by_status() == list({h.status: h for h in expected}.values())
    with pytest.raises(IndexError):
        spool[len(expected)]
    spool.close()
    assert len(spool) == 0 and list(spool) == []


def test_a_result_of_another_indicator_is_refused() -> None:
    (_, first), (_, other) = _every_result()[0], _every_result()[5]
    spool = HasilSpool(example.INDICATORS)
    with pytest.raises(ValueError):
        spool.add(other, 0)
    spool.add(first, 0)
    assert list(spool) == [first]


def test_an_empty_spool_has_no_rows() -> None:
    spool = HasilSpool([])
    assert len(spool) == 0 and list(spool) == [] and list(spool.rows()) == [] and spool.by_status() == []


def _as_cell(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else value


@pytest.mark.parametrize(
    "text",
    ["82", "82.5", "82.55", "82.555", "82.545", "-0", "0.00", "1E+2", "1.005", "99.994999", "1234567890123.125", "7E-9"],
)
def test_a_cell_number_is_the_float_of_the_shown_decimal(text: str) -> None:
    assert hasil_spool._shown_float(text) == float(shown(Decimal(text)))  # type: ignore[arg-type]
    assert str(hasil_spool._shown_float(text)) == str(float(shown(Decimal(text))))  # type: ignore[arg-type]


def test_cell_rows_are_hasil_rows_with_floats() -> None:
    spool = HasilSpool(example.INDICATORS)
    results = _every_result()
    for position, h in results:
        spool.add(h, position)
    expected = [(h.status, tuple(_as_cell(v) for v in hasil_row(h))) for _, h in results]
    got = list(spool.cell_rows())
    assert got == expected
    assert [[type(v) for v in row] for _, row in got] == [[type(v) for v in row] for _, row in expected]
