"""Typing a table row fast (issue 17): a clean row is typed without a message made, and gives what
reading it cell by cell gives; any row with a problem is read cell by cell. Cell addresses are made
when asked for."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from xlwings_app.domain.cell_addresses import CellAddresses, RowCells
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.numbers import Percent
from xlwings_app.domain.rows import (
    NUMBER_KEYS,
    SHARED_LIMIT,
    TEXT_KEYS,
    RawRow,
    SharedNumbers,
    _clean_indicator,
    _parse_cells,
    normalise_kode,
    normalised_kode,
    parse_indicator,
    text_of,
    without_control,
)

LETTERS = {key: chr(65 + i) for i, key in enumerate((*TEXT_KEYS, "polaritas", "agregasi"))} | {
    key: f"A{chr(65 + i)}" for i, key in enumerate(NUMBER_KEYS)}  # fmt: skip
HEADERS = {key: key.replace("_", " ").title() for key in LETTERS}

texts = st.one_of(
    st.none(), st.sampled_from(["IKU-01", "IKI-02", " IKU-01", "IKU-01 ", "IKU  01", "IKU\u201101", "ｉｋｕ", "a\tb",
                                "Dokumen", "%", "", "x" * 2001, "Kasi Trantib"]),
    st.text(max_size=12), st.integers(-5, 5), st.floats(allow_nan=True),
)  # fmt: skip
numbers = st.one_of(
    st.none(), st.integers(-10, 10**16), st.floats(allow_nan=True, allow_infinity=True),
    st.floats(0, 1e6), st.just(-0.0), st.builds(Percent, st.floats(0, 2)), st.booleans(),
    st.sampled_from(["12", "1.234,5", "85%", "abc", "#N/A", "=A1", " ", datetime(2024, 1, 2)]),
)  # fmt: skip
plain = st.one_of(st.none(), st.integers(0, 1000), st.floats(0, 1e6))
choices = st.sampled_from([None, "Positif", "Negatif", "positif", " Negatif", "Jumlah", "Akhir", "Rata-rata",
                           "rata rata", "naik", 1])  # fmt: skip


@st.composite
def raw_rows(draw: st.DrawFn) -> RawRow:
    jenis = draw(st.sampled_from(Jenis))
    values: dict[str, object] = {key: draw(texts) for key in TEXT_KEYS if key != "induk" or jenis is Jenis.IKI}
    if draw(st.booleans()):  # a plain row, most of the time clean
        values |= {key: draw(st.sampled_from([None, "Kasi Trantib", "Rapat  bulanan "])) for key in TEXT_KEYS[5:]}
        values.update(kode="IKU-07", sasaran="Sasaran", nama="Indikator", satuan="%", induk="IKU-01")
        values |= {"polaritas": "Positif", "agregasi": draw(st.sampled_from(["Akhir", "Rata-rata", "Jumlah"]))}
        values |= {key: draw(plain) for key in NUMBER_KEYS}
        if draw(st.booleans()):  # a single target, not a range
            values.update(target_tahunan=draw(st.integers(0, 1000)), batas_bawah=None, batas_atas=None)
        odd = draw(st.sampled_from((None, *TEXT_KEYS, *NUMBER_KEYS, "polaritas", "agregasi")))
        if odd is not None:  # one cell of any kind in an otherwise plain row
            values[odd] = draw(numbers if odd in NUMBER_KEYS else choices if odd in ("polaritas", "agregasi") else texts)
    else:
        values |= {"polaritas": draw(choices), "agregasi": draw(choices)}
        values |= {key: draw(numbers) for key in NUMBER_KEYS}
    return RawRow(jenis, jenis.value, 7, values, RowCells(LETTERS, 7), HEADERS)


@settings(max_examples=600, deadline=None)
@given(raw_rows())
def test_a_clean_row_reads_as_cell_by_cell_and_any_other_row_is_read_cell_by_cell(raw: RawRow) -> None:
    clean = _clean_indicator(raw, SharedNumbers())
    by_cell = _parse_cells(raw)
    if clean is not None:
        assert by_cell == (clean, [])
        assert (by_cell[0].sheet, by_cell[0].baris) == (clean.sheet, clean.baris)
    assert parse_indicator(raw) == by_cell


def test_a_typical_row_is_clean() -> None:
    values = {"kode": "IKU-01", "sasaran": "S", "nama": "N", "satuan": "%", "polaritas": "Positif",
              "agregasi": "Akhir", "target_tahunan": 90, "t1": 85.5, "r1": 80}  # fmt: skip
    clean = _clean_indicator(RawRow(Jenis.IKU, "IKU", 5, values, RowCells(LETTERS, 5), HEADERS), SharedNumbers())
    assert clean is not None and clean.target_tw[0] == Decimal("85.5") and clean.induk is None


def test_rows_read_with_one_shared_numbers_share_their_equal_numbers_and_only_theirs() -> None:
    values = {"kode": "IKU-01", "sasaran": "S", "nama": "N", "satuan": "%", "polaritas": "Positif",
              "agregasi": "Akhir", "target_tahunan": 90, "t1": 85.5, "t2": 85.5}  # fmt: skip
    row = RawRow(Jenis.IKU, "IKU", 5, values, RowCells(LETTERS, 5), HEADERS)
    shared = SharedNumbers()
    first, _ = parse_indicator(row, shared)
    second, _ = parse_indicator(row._replace(baris=6), shared)
    other, _ = parse_indicator(row._replace(baris=7))  # a read of its own: numbers of its own
    assert first is not None and second is not None and other is not None
    assert second.target_tahunan is first.target_tahunan and second.target_tw[1] is first.target_tw[0]
    assert other.target_tahunan == first.target_tahunan and other.target_tahunan is not first.target_tahunan
    assert set(shared.ints) == {90} and set(shared.floats) == {"85.5"}


def test_shared_numbers_start_again_past_their_limit() -> None:
    shared = SharedNumbers()
    shared.ints.update((n, Decimal(n)) for n in range(SHARED_LIMIT + 1))
    values = {"kode": "IKU-01", "sasaran": "S", "nama": "N", "satuan": "%", "polaritas": "Positif",
              "agregasi": "Akhir", "target_tahunan": 90}  # fmt: skip
    assert _clean_indicator(RawRow(Jenis.IKU, "IKU", 5, values, RowCells(LETTERS, 5), HEADERS), shared) is not None
    assert shared.ints == {} and shared.floats == {}


def test_row_cells_are_made_when_asked_for() -> None:
    cells = RowCells({"kode": "A", "nama": "C"}, 12)
    assert cells["kode"] == "A12" and cells.get("pagu") is None and dict(cells) == {"kode": "A12", "nama": "C12"}


def test_cell_addresses_hold_every_input_cell_of_the_rows_read() -> None:
    cells = CellAddresses()
    cells.add("IKU", 5, {"kode": "A", "r1": "N"})
    cells.add("IKU", 6, {"kode": "A", "r1": "N"})
    cells.add("IKI", 5, {"kode": "A", "induk": "B"})
    assert cells[("IKU", 6, "r1")] == "N6" and cells.get(("IKU", 7, "kode")) is None
    assert cells.get(("IKU", 5, "induk")) is None and cells.get(("Hasil", 5, "kode")) is None
    assert list(cells.items()) == [
        (("IKU", 5, "kode"), "A5"), (("IKU", 5, "r1"), "N5"), (("IKU", 6, "kode"), "A6"), (("IKU", 6, "r1"), "N6"),
        (("IKI", 5, "kode"), "A5"), (("IKI", 5, "induk"), "B5"),
    ]  # fmt: skip
    assert len(cells) == 6 and cells == dict(cells.items())


# --- the shortcuts of text_of and normalise_kode are their plain references -------------------

cell_texts = st.one_of(
    st.text(max_size=20),
    st.text(alphabet=st.characters(codec="ascii"), max_size=20),
    st.sampled_from([" IKU-01 ", "IKU  01", "IKU\u201101", "ｉｋｕ-1", "a\tb\nc", "x\x00y\x7f", "\u200bIKU", "IKU\u00a01"]),
)


@settings(max_examples=500, deadline=None)
@given(value=st.one_of(cell_texts, st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.none()))
def test_text_of_is_the_text_without_control_characters(value: object) -> None:
    plain = value if not (isinstance(value, float) and value.is_integer()) else int(value)
    assert text_of(value) == ("" if value is None else without_control(str(plain)).strip())


@settings(max_examples=500, deadline=None)
@given(raw=cell_texts)
def test_a_kode_read_by_the_shortcut_is_the_kode_every_step_gives(raw: str) -> None:
    assert normalise_kode(raw) == normalised_kode(raw)
