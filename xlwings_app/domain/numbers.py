"""Reading numbers as people type them into cells.

A cell may hold a real number, or text such as "1.234,5" (Indonesian: dot for thousands, comma
for decimals), "1,234.5" (English), "85%", "Rp 1.500.000" or " 12 ". Text that is unambiguously a
number is read with a notice (``catatan``) so the user sees how it was read; anything else is an
error (``galat``). A blank cell is ``None`` ("not filled in"), never 0.

Rules for text: "Rp" and spaces are dropped; a trailing "%" is dropped (the column's satuan says
it is a percentage: "85%" is 85); with both "." and "," the last one is the decimal mark; with
only "," it is the decimal mark unless it groups thousands ("1,234,567"); with only "." it groups
thousands when every group after it has three digits ("1.234", "1.234.567"), else it is the
decimal mark ("2.5").

What the cell means, not only its raw value: a number shown with a percent number format is what
the user typed. Typing ``93%`` in Excel stores 0.93 with the format ``0%``; the reader hands such a
value over as ``Percent(0.93)`` and it is read as 93, with a notice naming the cell. A format
whose "%" is quoted or escaped (``0"%"``, ``0\\%``) only shows a percent sign: no scaling.

Numbers beyond ``MAX_MAGNITUDE`` (or not finite) are an input problem, never arithmetic that
overflows: no indicator of a kecamatan counts past a thousand trillion.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!")
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPED_EN = re.compile(r"^\d{1,3}(,\d{3})+$")
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")
MAX_MAGNITUDE = Decimal(10) ** 15
"""The largest number read from a cell (a sanity bound: beyond it the value is a typing error)."""
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


class Percent(float):
    """A cell's number shown with a percent number format (0.93 shown as "93%")."""


def is_percent_format(code: str | None) -> bool:
    """Whether the number format ``code`` scales by 100: a "%" outside quotes, escapes and
    brackets (``0%``, ``0.0%``, ``#,##0.00%``; not ``0"%"`` or ``0\\%``). Excel and LibreOffice
    answer ``CELL("format", ...)`` with "P…" for exactly these formats."""
    if not code or "%" not in code:
        return False
    return "%" in _FORMAT_LITERALS.sub("", code.split(";")[0])


@dataclass(frozen=True)
class ReadNumber:
    """A cell read as a number: the value, plus a notice or an error message (Indonesian)."""

    value: Decimal | None
    catatan: str | None = None
    galat: str | None = None


def with_format(value: object, number_format: str | None) -> object:
    """A cell's value as a reader hands it over: a number shown as a percentage is ``Percent``."""
    if isinstance(value, int | float) and not isinstance(value, bool) and is_percent_format(number_format):
        return Percent(value)
    return value


def _from_float(value: float) -> ReadNumber:
    if math.isnan(value) or math.isinf(value):
        return ReadNumber(None, galat="Nilai bukan angka yang sah.")
    # repr gives the shortest text that round-trips: 0.1 stays 0.1, as Excel shows it.
    return _bounded(Decimal(repr(float(value))))


def _bounded(number: Decimal, catatan: str | None = None) -> ReadNumber:
    if not number.is_finite() or abs(number) > MAX_MAGNITUDE:
        return ReadNumber(
            None,
            galat=f"Angka {_plain_short(number)} terlalu besar (batas 1.000.000.000.000.000): periksa ketikan.",
        )
    return ReadNumber(number, catatan)


def _from_percent(value: Percent) -> ReadNumber:
    read = _from_float(value)
    if read.value is None:
        return read
    number = (read.value * 100).normalize()
    number = number.quantize(Decimal(1)) if number == number.to_integral_value() else number
    read = _bounded(number)
    if read.value is None:
        return read
    from xlwings_app.domain.formatting import angka

    shown = angka(number)
    stored = _plain(Decimal(repr(float(value)))).replace(".", ",")
    return ReadNumber(
        number,
        catatan=f"Sel berformat persen: tampil {shown}% (tersimpan {stored}), "
        f"dibaca sebagai {shown}.",
    )


def _normalise(text: str) -> str | None:
    body = text.replace("\u00a0", "").replace(" ", "")
    body = re.sub(r"^(rp\.?)", "", body, flags=re.IGNORECASE)
    body = body.removesuffix("%")
    sign = ""
    if body[:1] in ("+", "-"):  # not `in "+-"`: the empty string is in every string
        sign, body = body[0], body[1:]
    if not body or not re.fullmatch(r"[\d.,]+", body):
        return None
    if "." in body and "," in body:
        decimal_mark = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if decimal_mark == "." else "."
        whole, _, frac = body.rpartition(decimal_mark)
        if (
            not (_GROUPED.match(whole) if thousands == "." else _GROUPED_EN.match(whole))
            and thousands in whole
        ):
            return None
        body = whole.replace(thousands, "") + "." + frac
    elif "," in body:
        body = body.replace(",", "") if _GROUPED_EN.match(body) else body.replace(",", ".")
    elif "." in body and _GROUPED.match(body):
        body = body.replace(".", "")
    return sign + body if _PLAIN.match(sign + body) else None


def read_number(value: object) -> ReadNumber:
    """Read one cell's value as a number (see the module docstring for the text rules)."""
    if value is None:
        return ReadNumber(None)
    if isinstance(value, bool):
        return ReadNumber(None, galat="Berisi TRUE/FALSE, bukan angka.")
    if isinstance(value, Percent):
        return _from_percent(value)
    if isinstance(value, int):
        return _bounded(Decimal(value))
    if isinstance(value, float):
        return _from_float(value)
    if isinstance(value, Decimal):
        return _bounded(value)
    if isinstance(value, datetime | date | time):
        return ReadNumber(None, galat="Berisi tanggal/waktu, bukan angka.")
    text = str(value).strip()
    if not text:
        return ReadNumber(None)
    if text.upper() in EXCEL_ERRORS:
        return ReadNumber(
            None, galat=f"Sel berisi galat Excel {text.upper()}: perbaiki rumus atau isi angka."
        )
    if text.startswith("="):
        return ReadNumber(
            None,
            galat=f"Berisi rumus '{_short(text)}' tanpa nilai angka (rumus tidak dihitung Kinerja): ketik angkanya saja.",
        )
    normalised = _normalise(text)
    if normalised is None:
        return ReadNumber(None, galat=f"'{_short(text)}' bukan angka.")
    try:
        number = Decimal(normalised)
    except InvalidOperation:
        return ReadNumber(None, galat=f"'{_short(text)}' bukan angka.")
    from xlwings_app.domain.formatting import angka

    return _bounded(number, f"Teks '{_short(text)}' dibaca sebagai angka {angka(number)}.")


def _plain(number: Decimal) -> str:
    return format(number, "f")


def _plain_short(number: Decimal) -> str:
    if not number.is_finite():
        return str(number)
    return format(number, "E").replace(".", ",") if abs(number.adjusted()) > 20 else _plain(number)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
