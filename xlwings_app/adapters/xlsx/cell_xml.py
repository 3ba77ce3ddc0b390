"""One cell as SpreadsheetML: the one ``<c>`` writer of every xlsx part Kinerja writes as text.

``cell_xml(ref, value, style)`` writes a cell so that Excel reads back the value it was given:
- a number (int, float, Decimal): ``number_text``, the shortest text that reads back as the same
  double (Python's ``repr``, a whole number without its ".0"). openpyxl writes 16 significant
  digits, which loses the last bit of some doubles (0.30000000000000004 is read back as 0.3); a
  float that is not finite cannot be stored in a cell: ``TypeError``;
- text: an inline string (text stays text: "=..." never becomes a formula), ``text_element``; an
  empty text is an empty cell, as openpyxl writes it;
- a ``sheets.grid.Formula``: the formula (``<f>``), computed by Excel on load;
- True/False: a truth-value cell; datetime, date, time, timedelta: the serial number counted from
  1899-12-30 (openpyxl's ``to_excel`` rule, the 1900 leap-year bug included), shown as a date by
  the cell's style; a datetime with a time zone: ``TypeError`` (Excel has none);
- None: the empty cell, kept for its style.
``text_element(text)`` is the ``<is><t>…</t></is>`` of a text: &, < and > escaped; the characters
XML cannot hold (C0 controls but tab and line feed, lone surrogates, U+FFFE, U+FFFF) and the carriage
return (an XML reader turns a literal one into a line feed) escaped as Excel escapes them,
``_xHHHH_``, and a literal "_xHHHH_" kept literal by escaping its underscore as ``_x005F_``
(ECMA-376 Part 1, §22.9.2.19 ST_Xstring); ``xml:space="preserve"`` when the text begins or ends with
white space, which a reader drops otherwise.

The row writers (``row_writer``, ``cell_patch``) make each column's style attribute once
(``style_attribute``) and write with ``styled_cell``; the generated row functions of sheet Hasil use
``number_text`` and ``text_tail``, the same pieces.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from xlwings_app.sheets.grid import Formula

EPOCH = datetime(1899, 12, 30)
"""Day 0 of Excel's 1900 date system (serial 1 is 1900-01-01; Excel counts a 29 February 1900)."""
SECONDS_PER_DAY = 86_400
EXACT_INTEGERS = 2**53
"""Integers beyond this are no double: they are written as the double Excel would read."""

_ESCAPED = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def _escape(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(0)):04X}_"


def xml_escaped(text: str) -> str:
    """``text`` as character data: ST_Xstring escapes first (see the module docstring), then &, <, >."""
    if not text.isprintable() or "_x" in text:  # the common text has neither: one check each
        text = _ESCAPED.sub(_escape, text)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def text_element(text: str) -> str:
    """The ``<is>`` element of a cell holding ``text`` (not empty): ``xml_escaped``, written out here
    (a sheet of results writes millions of these)."""
    if not text.isprintable() or "_x" in text:
        text = _ESCAPED.sub(_escape, text)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text[0].isspace() or text[-1].isspace():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def text_tail(text: str) -> str:
    """What follows ``<c r=".." s=".."`` for the text ``text``: an inline string, or the empty cell."""
    if not text:
        return "/>"
    return f' t="inlineStr">{text_element(text)}</c>'


def number_text(value: float | int) -> str:
    """The shortest text that reads back as the double ``value`` (``TypeError`` if not finite)."""
    if type(value) is float and value - value == 0.0:  # the common case: a finite float (inf - inf is nan)
        text = repr(value)
        return text[:-2] if text[-2:] == ".0" else text
    if isinstance(value, int):
        if -EXACT_INTEGERS < value < EXACT_INTEGERS:
            return str(int(value))
        try:
            value = float(value)
        except OverflowError as exc:
            raise TypeError(f"bilangan {value} terlalu besar untuk sel") from exc
    if not math.isfinite(value):
        raise TypeError(f"bilangan {value!r} tidak dapat disimpan di sel")
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def serial(value: datetime | date | time | timedelta) -> float:
    """``value`` as an Excel serial number (days since ``EPOCH``; a time is a fraction of a day)."""
    if isinstance(value, timedelta):
        return value.total_seconds() / SECONDS_PER_DAY
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise TypeError("jam dengan zona waktu tidak dapat disimpan di sel")
        return _day_fraction(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise TypeError("waktu dengan zona waktu tidak dapat disimpan di sel")
        moment = value
    else:
        moment = datetime.combine(value, time())
    days = (moment - EPOCH).days
    if 0 < days <= 60:  # before 1 March 1900: Excel counts a 29 February that never was
        days -= 1
    return days + _day_fraction(moment)


def _day_fraction(value: time | datetime) -> float:
    seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 10**6
    return seconds / SECONDS_PER_DAY


def style_attribute(style: int | str) -> str:
    """The ``s`` attribute of a cell of cell format ``style`` (none for format 0, the default)."""
    return f' s="{style}"' if style and style != "0" else ""


def styled_cell(ref: str, s: str, value: object) -> str:
    """``cell_xml`` with its style attribute ``s`` (``style_attribute``) made already."""
    kind = type(value)
    if kind is str:
        return f'<c r="{ref}"{s}{text_tail(value)}'  # type: ignore[arg-type]
    if kind is float or kind is int:
        return f'<c r="{ref}"{s}><v>{number_text(value)}</v></c>'  # type: ignore[arg-type]
    if value is None:
        return f'<c r="{ref}"{s}/>'
    if kind is bool:
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'  # type: ignore[call-overload]
    if isinstance(value, Formula):
        return f'<c r="{ref}"{s}><f>{xml_escaped(value[1:] if value.startswith("=") else value)}</f></c>'
    if isinstance(value, str):
        return f'<c r="{ref}"{s}{text_tail(str(value))}'
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TypeError(f"Nilai sel {ref} tidak dapat ditulis: {value!r}")
        number = int(value) if value == value.to_integral_value() else float(value)
        return f'<c r="{ref}"{s}><v>{number_text(number)}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{s}><v>{number_text(value)}</v></c>'
    if isinstance(value, datetime | date | time | timedelta):
        return f'<c r="{ref}"{s}><v>{number_text(serial(value))}</v></c>'
    raise TypeError(f"Nilai sel {ref} tidak dapat ditulis: {value!r}")


def cell_xml(ref: str, value: object, style: int = 0) -> str:
    """The ``<c>`` element at ``ref`` holding ``value`` in cell format ``style`` (see the module
    docstring); ``TypeError`` for a value no cell can hold."""
    return styled_cell(ref, style_attribute(style), value)
