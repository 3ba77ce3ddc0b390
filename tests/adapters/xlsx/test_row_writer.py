"""Sheet Hasil's rows as the package writer writes them (``adapters.xlsx.row_writer.RowWriter``): a
function made per status and shape writes exactly what ``row_xml`` writes cell by cell, for any
row the spool or a result can give (texts needing escapes or ``xml:space``, empty texts, floats
that are not finite, Decimals, bools), and whatever order the shapes come in."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.adapters.xlsx.row_writer import RowWriter, row_xml

_COLUMNS = {
    "Tercapai": [(letter, f' s="{i + 3}"') for i, letter in enumerate("ABCDEFGHIJKLM")],
    "Belum Diisi": [(letter, "" if i % 3 else ' s="12"') for i, letter in enumerate("ABCDEFGHIJKLM")],
}
_TEXTS = st.one_of(
    st.sampled_from(["IKU", "Tercapai", "", " awal", "akhir ", "a & b", "<x>", "Triwulan I", "92,5%"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
)
_NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 92.41, 1e16, 1e-05, 0.30000000000000004, 123456789.125]),
)
_VALUE = st.one_of(
    _TEXTS, _NUMBERS, st.none(), st.decimals(allow_nan=False, places=2, max_value=10**6, min_value=-(10**6))
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(_COLUMNS)), st.lists(_VALUE, min_size=13, max_size=13)), max_size=12
    )
)
def test_a_row_is_written_as_cell_by_cell(rows: list[tuple[str, list[object]]]) -> None:
    write = RowWriter(_COLUMNS)
    write.MAKE_AFTER = 2  # the second row of a shape: its function
    for at, (status, values) in enumerate(rows * 3, start=5):  # cell by cell, then made, then reused
        try:
            expected = row_xml(at, _COLUMNS[status], values)
        except TypeError:
            with pytest.raises(TypeError):
                write(at, status, values)
            continue
        assert write(at, status, values) == expected


def test_a_spool_row_is_written_by_a_made_function_and_numbers_and_texts_are_kept() -> None:
    write = RowWriter(_COLUMNS)
    write.MAKE_AFTER = 1
    values = [
        "IKU",
        "IKU-01",
        "Layanan & mutu",
        "%",
        "Triwulan I",
        95.5,
        88.25,
        92.41,
        "Tinggi",
        "Tercapai",
        "",
        None,
        None,
    ]
    first = write(5, "Tercapai", values)
    assert first == row_xml(5, _COLUMNS["Tercapai"], values)
    assert len(write._made) == 1 and next(iter(write._made.values())) is not None
    assert write._numbers == {95.5: "95.5", 88.25: "88.25", 92.41: "92.41"}
    assert write._tails["Layanan & mutu"] == ' t="inlineStr"><is><t>Layanan &amp; mutu</t></is></c>'
    assert write._tails[""] == "/>"
    decimals = [*values[:5], Decimal("95.5"), *values[6:]]  # a Decimal: written cell by cell
    assert write(6, "Tercapai", decimals) == row_xml(6, _COLUMNS["Tercapai"], decimals)
    assert write._made[("Tercapai", *map(type, decimals))] is None
    infinite = [*values[:7], math.inf, *values[8:]]  # not finite: row_xml says what is wrong
    with pytest.raises(TypeError):
        write(7, "Tercapai", infinite)


def test_a_shape_gets_its_function_after_it_repeats() -> None:
    """A small workbook's shapes are written cell by cell: compiling a function for a shape that
    comes a few times costs more than it saves."""
    write = RowWriter(_COLUMNS)
    values = [
        "IKI",
        "IKI-07",
        "Layanan",
        "%",
        "Tahunan",
        10.0,
        5.0,
        50.0,
        "Rendah",
        "Tercapai",
        "",
        None,
        None,
    ]
    for at in range(5, 5 + RowWriter.MAKE_AFTER - 1):
        assert write(at, "Tercapai", values) == row_xml(at, _COLUMNS["Tercapai"], values)
    assert not write._made
    assert write(99, "Tercapai", values) == row_xml(99, _COLUMNS["Tercapai"], values)
    assert len(write._made) == 1 and next(iter(write._made.values())) is not None
