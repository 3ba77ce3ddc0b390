"""A counting stand-in for the COM layer: how many calls a click makes into xlwings' engine.

xlwings' ``main`` objects (Book, Sheet, Range, ...) hand every read and write to their engine's
implementation objects (``impl``): ``xlwings._xlwindows`` on a desktop, whose every method and
property makes one or a few cross-process COM calls into Excel (a Range of two corners: three; a fill
colour: two; reading a range's values: one), or ``xlwings.pro._xlremote``, the remote engine the tests
run. ``counting()`` counts every call of a public method or property of the remote engine's
implementation objects, a call made inside another one counted once, so the count is the number of
round trips a click makes, up to that small factor. Two things are priced as the desktop engine
does them, not as the remote engine does:

- ``Range.set_colors``: the desktop engine colours cell by cell (``_xlwindows.Range.set_colors``:
  a cell's Range and its fill, two calls a cell); the remote engine sends one action;
- ``Sheet.api``: on a desktop, the Excel Worksheet, whose every property read, write or method call
  is a COM call; the remote engine's is a dict without protection. Here it is a Worksheet protected
  as Kinerja protects its sheets (``ProtectedSheet``), so lifting and restoring protection is paid;
- ``Range.api``: on a desktop, the Excel Range. Its ``Value(xlRangeValueXMLSpreadsheet)`` (one call)
  is answered as Excel documents it (``spreadsheet_xml``), from the number formats of the workbook
  the payload was made from (``counting(wb)``).

The counts are of the remote engine's run of the same code: "remote-engine figures" (``make bench``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

SKIPPED = {"api", "append_json_action", "json", "flush", "engine", "raw_json"}
"""Plumbing of the remote engine, or (``api``) no round trip: the COM object is already held."""
COUNTED_DUNDERS = {"__call__", "__iter__", "__len__", "__getitem__", "__contains__"}


@dataclass
class Calls:
    """The calls counted so far, by ``Class.member``."""

    by_member: Counter[str] = field(default_factory=Counter)
    depth: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_member.values())

    def add(self, member: str, count: int = 1) -> None:
        self.by_member[member] += count


def _cells(colors: Any) -> int:
    return sum(1 for row in colors for colour in row if colour is not ...)


def _wrap(calls: Calls, member: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def counted(*args: Any, **kwargs: Any) -> Any:
        if calls.depth == 0:
            if member.endswith(".set_colors"):
                calls.add(member, 2 * _cells(args[1]))
            else:
                calls.add(member)
        calls.depth += 1
        try:
            return function(*args, **kwargs)
        finally:
            calls.depth -= 1

    return counted


class ProtectedSheet:
    """Excel's Worksheet as Kinerja protects it (``sheet_format.protect``); every use is a COM call."""

    def __init__(self, calls: Calls) -> None:
        self._calls = calls
        self._protected = True
        allow = dict.fromkeys(
            ("AllowFormattingCells", "AllowInsertingColumns", "AllowInsertingRows", "AllowInsertingHyperlinks",
             "AllowDeletingColumns", "AllowDeletingRows", "AllowUsingPivotTables"), False,
        ) | dict.fromkeys(("AllowFormattingColumns", "AllowFormattingRows", "AllowSorting", "AllowFiltering"), True)  # fmt: skip
        self._protection = _Counted(calls, "Protection", allow)

    def __getattr__(self, name: str) -> Any:
        self._calls.add(f"Worksheet.{name}")
        values: dict[str, Any] = {
            "ProtectContents": self._protected, "ProtectDrawingObjects": False, "ProtectScenarios": False,
            "Protection": self._protection, "Unprotect": self._unprotect, "Protect": self._protect,
        }  # fmt: skip
        if name not in values:
            raise AssertionError(f"Worksheet.{name}: belum dimodelkan oleh penghitung")
        return values[name]

    def _unprotect(self) -> None:
        self._protected = False

    def _protect(self, **options: Any) -> None:
        self._protected = True


class _Counted(SimpleNamespace):
    def __init__(self, calls: Calls, name: str, values: dict[str, Any]) -> None:
        super().__init__(**values)
        object.__setattr__(self, "_calls", calls)
        object.__setattr__(self, "_name", name)

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("_"):
            object.__getattribute__(self, "_calls").add(f"{object.__getattribute__(self, '_name')}.{name}")
        return object.__getattribute__(self, name)


NAMED_FORMATS = {"0.00%": "Percent", "0.00": "Fixed", "#,##0.00": "Standard"}
"""Codes Excel writes by name in an XML Spreadsheet (Microsoft's XML Spreadsheet Reference)."""


def spreadsheet_xml(ws: Any, top: int, left: int, bottom: int, right: int) -> str:
    """The XML Spreadsheet 2003 Excel hands over for a range of ``ws`` (openpyxl): a style per
    number format, cells placed by ``ss:Index`` where one is skipped, numbers as ``Number``."""
    from xml.sax.saxutils import escape, quoteattr

    styles: dict[str, str] = {}
    rows = []
    for r in range(top, bottom + 1):
        cells, previous = [], 0
        for c in range(left, right + 1):
            cell = ws.cell(r, c)
            if cell.value is None:
                continue
            code = cell.number_format
            style = styles.setdefault(code, f"s{62 + len(styles)}") if code != "General" else None
            index = f' ss:Index="{c - left + 1}"' if c - left != previous else ""
            kind = "Number" if isinstance(cell.value, int | float) and not isinstance(cell.value, bool) else "String"
            attrs = index + (f' ss:StyleID="{style}"' if style else "")
            cells.append(f'<Cell{attrs}><Data ss:Type="{kind}">{escape(str(cell.value))}</Data></Cell>')
            previous = c - left + 1
        if cells:
            rows.append(f'<Row ss:Index="{r - top + 1}">{"".join(cells)}</Row>')
    style_xml = "".join(
        f'<Style ss:ID="{sid}"><NumberFormat ss:Format={quoteattr(NAMED_FORMATS.get(code, code))}/></Style>'
        for code, sid in styles.items()
    )
    return (
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles>'
        '<Style ss:ID="Default" ss:Name="Normal"><NumberFormat/></Style>'
        f'{style_xml}</Styles><Worksheet ss:Name={quoteattr(ws.title)}><Table>{"".join(rows)}</Table>'
        "</Worksheet></Workbook>"
    )


class _ExcelRange:
    """Excel's Range object, as far as Kinerja uses it: ``Value(11)``, one call."""

    def __init__(self, calls: Calls, wb: Any, impl: Any) -> None:
        self._calls, self._wb, self._impl = calls, wb, impl

    def Value(self, kind: int) -> str:  # noqa: N802 - Excel's name
        assert kind == 11, kind
        self._calls.add("Range.api.Value")
        self._calls.depth += 1  # what the stand-in asks to answer is not the click's
        try:
            rows, cols = self._impl.shape
            top, left = self._impl.row, self._impl.column
            return spreadsheet_xml(self._wb[self._impl.sheet.name], top, left, top + rows - 1, left + cols - 1)
        finally:
            self._calls.depth -= 1


@contextmanager
def counting(wb: Any = None) -> Iterator[Calls]:
    """Count the engine calls made inside the block (see the module's docstring); ``wb``: the
    openpyxl workbook of the payload, whose number formats Excel's ``Range.Value(11)`` reports."""
    from xlwings import main
    from xlwings.pro import _xlremote

    calls = Calls()
    saved: list[tuple[type, str, Any]] = []
    for cls in vars(_xlremote).values():
        if not isinstance(cls, type) or cls.__module__ != _xlremote.__name__ or cls.__name__ == "Engine":
            continue
        for name, member in list(vars(cls).items()):
            if name in SKIPPED or (name.startswith("_") and name not in COUNTED_DUNDERS):
                continue
            label = f"{cls.__name__}.{name}"
            if isinstance(member, property):
                wrapped: Any = property(
                    _wrap(calls, label, member.fget) if member.fget else None,
                    _wrap(calls, f"{label}=", member.fset) if member.fset else None,
                )
            elif callable(member) and not isinstance(member, type | staticmethod | classmethod):
                wrapped = _wrap(calls, label, member)
            else:
                continue
            saved.append((cls, name, member))
            setattr(cls, name, wrapped)
    sheets: dict[int, ProtectedSheet] = {}
    original_api = main.Sheet.api
    saved.append((main.Sheet, "api", original_api))
    main.Sheet.api = property(lambda sheet: sheets.setdefault(id(sheet.impl), ProtectedSheet(calls)))  # type: ignore[method-assign,assignment]
    if wb is not None:
        saved.append((main.Range, "api", main.Range.api))
        main.Range.api = property(lambda rng: _ExcelRange(calls, wb, rng.impl))  # type: ignore[method-assign,assignment]
    try:
        yield calls
    finally:
        for cls, name, member in reversed(saved):
            setattr(cls, name, member)
