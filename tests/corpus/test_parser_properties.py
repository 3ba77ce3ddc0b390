"""Property-based tests of the parsers that read what people type (issue 7, part 4).

Number (``read_number``), SOP log dates (``read_moment``, ``read_log_row``), Mutu Baku Waktu
(``parse_waktu``), NIP, and the predikat of a capaian: no exception on any input a cell can hold,
and the invariants each rule promises. The capaian rules' own properties are in
tests/domain/test_properties.py.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.predikat import predikat
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import format_nip, nip_problem
from xlwings_app.domain.settings import DEFAULT_SCALE
from xlwings_app.domain.sop.log import EARLIEST, read_log_row, read_moment
from xlwings_app.domain.sop.waktu import MAXIMUM, UNITS, Duration, parse_waktu

#: Everything openpyxl or calamine can hand over for one cell.
cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(),
    st.text(),
    st.text(alphabet="0123456789.,-+ %Rp\u00a0"),
    st.datetimes(),
    st.dates(),
    st.times(),
    st.timedeltas(),
)


@given(cell_values)
@example("%")  # once an IndexError: "%" or "Rp" alone left nothing after the sign check
@example("Rp")
def test_read_number_never_raises_and_says_why_when_it_reads_nothing(value: object) -> None:
    read = read_number(value)
    if read.galat:
        assert read.value is None
    if isinstance(value, str) and read.value is not None:
        assert read.catatan  # text read as a number always says how it was read


amounts = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False)


def grouped(whole: int, sep: str) -> str:
    return f"{whole:,}".replace(",", sep)


@given(amounts, st.sampled_from(["id", "en"]), st.booleans())
def test_a_number_formatted_in_indonesian_or_english_style_reads_back(value: Decimal, style: str, rp: bool) -> None:
    """With thousands grouped and two decimals, both styles are unambiguous (see numbers.py)."""
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 1)
    thousands, mark = (".", ",") if style == "id" else (",", ".")
    text = f"{sign}{'Rp ' if rp and style == 'id' else ''}{grouped(int(whole), thousands)}{mark}{int(frac * 100):02d}"
    if rp and style == "id":
        text = text.replace("-Rp ", "Rp -") if sign else text
    read = read_number(text)
    assert read.value == value, (text, read)


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from([".", ","]))
def test_grouped_whole_numbers_read_back_in_either_style(value: int, sep: str) -> None:
    assert read_number(grouped(value, sep)).value == value


moments = st.one_of(cell_values, st.datetimes(min_value=datetime(1899, 12, 30)), st.just(datetime.max))


@given(moments)
def test_read_moment_never_raises_and_returns_minutes_after_2000(value: object) -> None:
    result = read_moment(value, sel="D7")
    if isinstance(result, Problem):
        assert result.sel == "D7" and result.pesan
    elif isinstance(result, datetime):
        assert result.second == 0 and result.microsecond == 0 and result.date() >= EARLIEST
        assert result.time() != time(0, 0)  # midnight is a date alone
    elif isinstance(result, date):
        assert result >= EARLIEST


@given(st.fixed_dictionaries({k: moments for k in ("periode", "langkah", "pelaksana", "mulai", "selesai", "catatan")}))
@settings(max_examples=200)
def test_read_log_row_never_raises_and_names_the_cell_of_every_problem(values: dict[str, object]) -> None:
    cells = {k: f"{c}9" for k, c in zip(values, "ABCDEF", strict=True)}
    entry, problems = read_log_row(values, baris=9, sheet="Log Langkah", cells=cells)
    assert all(p.sel in cells.values() and p.sheet == "Log Langkah" for p in problems)
    if entry is not None and isinstance(entry.mulai, datetime) and isinstance(entry.selesai, datetime) \
            and not entry.invalid:
        assert entry.selesai >= entry.mulai


@given(st.one_of(cell_values, st.from_regex(r"\A[ |]?\d{1,7}(,\d{1,3})?\s*[a-zA-Z|!01 ]{1,12}[ .|]?\Z")))
def test_parse_waktu_never_raises_and_every_duration_is_within_its_bounds(value: object) -> None:
    result = parse_waktu(value, sel="E4")
    if isinstance(result, Duration):
        assert 0 < result.value <= MAXIMUM[result.unit]
    else:
        assert result.sel == "E4" and result.pesan


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("12"), places=2), st.sampled_from(UNITS))
def test_a_duration_written_out_reads_back_the_same(value: Decimal, unit: str) -> None:
    duration = parse_waktu(f"{format(value.normalize(), 'f').replace('.', ',')} {unit}")
    assert isinstance(duration, Duration) and duration.value == value and duration.unit == unit
    assert parse_waktu(str(duration)) == duration


@given(st.text())
@example("١٩٧٧٠٣٠٩٢٠٠٥٠١1٠٠٣")  # Arabic-Indic digits around an ASCII 1
def test_nip_checks_never_raise_and_a_valid_nip_groups_as_8_6_1_3_ascii_digits(text: str) -> None:
    if nip_problem(text) is None:
        assert re.fullmatch(r"[0-9]{8} [0-9]{6} [12] [0-9]{3}", format_nip(text))
        assert format_nip(format_nip(text)) == format_nip(text)


@given(st.dates(min_value=date(1940, 1, 1), max_value=date(2005, 12, 31)),
       st.dates(min_value=date(1960, 1, 1), max_value=date(2030, 12, 31)),
       st.sampled_from("12"), st.integers(1, 999), st.sampled_from(["", "NIP. ", " "]))
def test_every_well_formed_nip_is_accepted_however_spaced(born: date, appointed: date, sex: str, seq: int,
                                                          prefix: str) -> None:
    digits = f"{born:%Y%m%d}{appointed:%Y%m}{sex}{seq:03d}"
    assert nip_problem(prefix + digits) is None
    assert format_nip(digits) == f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    assert nip_problem(digits[:-1]) is not None


RANK = {label: i for i, label in enumerate(DEFAULT_SCALE.labels)}


@given(st.decimals(min_value=Decimal("-1000"), max_value=Decimal("100000"), places=4),
       st.decimals(min_value=Decimal("-1000"), max_value=Decimal("100000"), places=4))
def test_predikat_never_falls_as_capaian_rises(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert RANK[predikat(low, DEFAULT_SCALE)] <= RANK[predikat(high, DEFAULT_SCALE)]  # type: ignore[index]


def test_the_last_minute_excel_can_hold_is_still_a_moment() -> None:
    assert read_moment(datetime(9999, 12, 31, 23, 59, 59)) == datetime(9999, 12, 31, 23, 59)
    assert isinstance(read_moment(timedelta(hours=2)), Problem)
