"""Indonesian formatting of printed values, as Babel's ``id`` locale writes them.

Rules (docs/domain.md, "Printed documents"):
- dates: "5 Januari 2024" (day without leading zero, full month name);
- numbers: decimal comma and thousands dot: "1.234,5"; a value prints the decimals it has, at
  most ``MAX_DECIMALS`` (rounded half away from zero), so a target of 85 prints "85", not "85,00";
- capaian and other percentages: always two decimals, "87,50", as the value was rounded by the
  domain;
- money: "Rp 1.234.567" (no decimals; sen are rounded half away from zero);
- NIP: grouped 8-6-1-3, "19770309 200501 1 003" (``domain.profil.format_nip``);
- a missing value (``None``) prints as ``KOSONG``, an em dash.
Dates and "#,##0" numbers are built here with Babel's exact text for ``id`` (tests compare them with
Babel): importing Babel and loading its locale data cost more than a document's whole context.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from xlwings_app.domain.profil import format_nip

LOCALE = "id_ID"
MAX_DECIMALS = 2
KOSONG = "–"


BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember")  # fmt: skip
"""Babel's ``id`` month names (pattern ``MMMM``)."""


def tanggal(value: dt.date) -> str:
    """"5 Januari 2024" (Babel's ``d MMMM y``)."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def waktu(value: dt.datetime) -> str:
    """"5 Januari 2024 14.03" (Babel's ``d MMMM y HH.mm``: the Indonesian time separator is a dot;
    the clock of ``value`` as it is, like Babel without a ``tzinfo``)."""
    return f"{tanggal(value)} {value.hour:02d}.{value.minute:02d}"


_ID_SEPARATORS = str.maketrans({",": ".", ".": ","})


def _rounded(value: Decimal, digits: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def angka(value: Decimal | int | None, desimal: int | None = None) -> str:
    """A number with decimal comma and thousands dot.

    ``desimal`` fixes the number of decimals ("87,50"); without it the value prints the decimals
    it has, at most ``MAX_DECIMALS`` ("85", "6,5", "1.234,57").
    """
    if value is None:
        return KOSONG
    number = Decimal(value)
    if not number.is_finite() or number.adjusted() > 20:  # beyond any count: not worth a quantize
        return f"{number:E}".replace(".", ",")
    number, places = _printed(number, desimal)
    if LOCALE in ("id", "id_ID"):  # Babel's text (``babel_text``), without its cost per call
        return f"{number:,.{places}f}".translate(_ID_SEPARATORS)
    return babel_text(number, places)


def _printed(number: Decimal, desimal: int | None) -> tuple[Decimal, int]:
    """The number ``angka`` prints (rounded, a zero without its sign) and its count of decimals."""
    if desimal is None:
        number = _rounded(number, MAX_DECIMALS).normalize()
        exponent = number.as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
    else:
        number = _rounded(number, desimal)
        places = max(0, desimal)
    return (abs(number) if number == 0 else number), places


def babel_text(number: Decimal, places: int) -> str:
    """``number`` with ``places`` decimals as Babel writes it in ``LOCALE`` (pattern ``#,##0.00``):
    the plain reference of ``angka``'s own text for Indonesian, and the text of any other locale."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(number, format=pattern, locale=LOCALE, decimal_quantization=True)


def persen(value: Decimal | None) -> str:
    """A percentage with two decimals, without the sign: "87,50"."""
    return angka(value, desimal=2)


def rupiah(value: Decimal | int | None) -> str:
    """"Rp 1.234.567"."""
    if value is None:
        return KOSONG
    return f"Rp {angka(value, desimal=0)}"


def nip(text: str) -> str:
    """"19770309 200501 1 003" for 18 digits; other text trimmed, as typed."""
    return format_nip(text)
