"""Rows of cells as SpreadsheetML, fast: ``row_xml`` cell by cell, ``RowWriter`` through made functions.

Both write each cell as ``cell_xml.styled_cell`` does (the one cell writer): ``row_xml`` calls it,
and the functions ``RowWriter`` makes are put together from its pieces (``cell_xml.text_tail`` and
``cell_xml.number_text``), so the two write the same bytes (``tests/adapters/xlsx/test_cell_xml.py``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import cast

from xlwings_app.adapters.xlsx.cell_xml import number_text, styled_cell, text_tail

Columns = Sequence[tuple[str, str]]
"""Each column's letters and style attribute (``cell_xml.style_attribute``), in order."""


def row_xml(at: int, columns: Columns, values: Sequence[object]) -> str:
    """Row ``at``: each value in its column, as ``styled_cell`` writes it (text, floats and empty
    cells, most of a sheet of results, written here from its pieces: one call less per cell)."""
    cells: list[str] = []
    append = cells.append
    for (letter, s), value in zip(columns, values, strict=True):
        kind = type(value)
        if kind is str:
            append(f'<c r="{letter}{at}"{s}{text_tail(value)}')  # type: ignore[arg-type]
        elif kind is float:
            append(f'<c r="{letter}{at}"{s}><v>{number_text(value)}</v></c>')  # type: ignore[arg-type]
        elif value is None:
            append(f'<c r="{letter}{at}"{s}/>')
        else:
            append(styled_cell(f"{letter}{at}", s, value))
    return f'<row r="{at}">{"".join(cells)}</row>'


_LETTERS = re.compile("[A-Z]{1,3}")
_STYLE = re.compile(' s="[0-9]+"|')
_KINDS = frozenset((str, float, type(None)))
"""The kinds of value a made row function writes (sheet Hasil's spooled cells); others: ``row_xml``."""


class RowWriter:
    """``row_xml`` of a row of a known kind (sheet Hasil: one per status), through a Python function
    made once per kind and shape (the type of each value: text, float, none) whose one f-string
    writes the whole row: 13 cells in a fraction of the time of one ``styled_cell`` each (sheet
    Hasil of 100,000 indicators has 6,5 million). A text's tail and a number's digits are kept for
    the values that repeat (jenis, satuan, period, predikat, status, notes; capaian of 2
    decimals); a row with a float that is not finite, or a value of another kind (a Decimal), is
    written by ``row_xml``, which says what is wrong with it."""

    MAKE_AFTER = 50
    """Rows of a shape written by ``row_xml`` before its function is made: a small workbook (S:
    425 rows) is not worth compiling a function for each of its shapes."""
    _TEXTS_KEPT = 20_000
    _NUMBERS_KEPT = 50_000

    def __init__(self, columns: Mapping[object, Columns]) -> None:
        self._columns = columns
        self._made: dict[tuple[object, ...], Callable[..., str | None] | None] = {}
        self._seen: dict[tuple[object, ...], int] = {}
        self._tails: dict[str, str] = {}
        self._numbers: dict[float, str] = {}

    def __call__(self, at: int, kind: object, values: Sequence[object]) -> str:
        key = (kind, *map(type, values))
        write = self._made.get(key, _UNMADE)
        if write is _UNMADE:  # a shape seen MAKE_AFTER times gets its function (compiling costs)
            seen = self._seen[key] = self._seen.get(key, 0) + 1
            if seen >= self.MAKE_AFTER:
                write = self._made[key] = self._make(kind, cast(tuple[type, ...], key[1:]))
        row = write(at, *values) if write is not None and write is not _UNMADE else None  # type: ignore[operator]
        return row if row is not None else row_xml(at, self._columns[kind], values)

    def _make(self, kind: object, types: Sequence[type]) -> Callable[..., str | None] | None:
        """The source of ``row(at, v0, v1, ...)`` for these value types, compiled."""
        columns = self._columns[kind]
        if len(types) != len(columns) or not all(t in _KINDS for t in types):
            return None
        if not all(_LETTERS.fullmatch(letter) and _STYLE.fullmatch(style) for letter, style in columns):
            return None  # only letters and style numbers go into the function's source
        parts, finite = ['<row r="{a}">'], []
        for i, ((letter, style), t) in enumerate(zip(columns, types, strict=True)):
            head = f'<c r="{letter}{{a}}"{style}'
            if t is str:
                parts.append(f"{head}{{known(v{i}) or tail(v{i})}}")
            elif t is float:
                finite.append(f"finite(v{i})")
                parts.append(f"{head}><v>{{shown(v{i}) or number(v{i})}}</v></c>")
            else:
                parts.append(f"{head}/>")
        parts.append("</row>")
        names = ", ".join(f"v{i}" for i in range(len(types)))
        check = f"    if not ({' and '.join(finite)}):\n        return None\n" if finite else ""
        source = f"def row(at, {names}):\n{check}    a = str(at)\n    return f'{''.join(parts)}'\n"
        namespace: dict[str, object] = {
            "finite": math.isfinite, "known": self._tails.get, "tail": self._text_tail,
            "shown": self._numbers.get, "number": self._number,
        }  # fmt: skip
        exec(compile(source, "<row>", "exec"), namespace)  # noqa: S102 - made here from letters and style numbers
        return cast(Callable[..., str | None], namespace["row"])

    def _number(self, value: float) -> str:
        """``number_text(value)``, kept: capaian, targets and percentages of 2 decimals repeat down
        a sheet, and formatting a float is most of a row. A zero is not kept: 0.0 and -0.0 are one
        key, written "0" and "-0"."""
        if value == 0:
            return number_text(value)
        if len(self._numbers) >= self._NUMBERS_KEPT:
            self._numbers.clear()
        text = self._numbers[value] = number_text(value)
        return text

    def _text_tail(self, value: str) -> str:
        """``text_tail(value)``, kept."""
        tail = self._tails.get(value)
        if tail is None:
            tail = text_tail(value)
            if len(self._tails) >= self._TEXTS_KEPT:
                self._tails.clear()
            self._tails[value] = tail
        return tail


_UNMADE: object = object()
