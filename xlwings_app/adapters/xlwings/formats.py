"""Which cells of a live range have a percent number format, read in one call or per column.

Excel's ``Range.NumberFormat`` gives one code for a range whose cells share it and nothing for a
mixed range; a Kinerja workbook mixes ``General`` and ``General"%"`` (a literal "%", not a
percent) row by row, by satuan, so asking per column still meant a question per cell.
``Range.Value(xlRangeValueXMLSpreadsheet)`` (11) hands the range over as an XML Spreadsheet 2003
document (Microsoft's "XML Spreadsheet Reference", Office XP): its styles with their number
formats and every cell with its style, in one COM call. ``percent_cells`` reads it:

- a cell's style is its own ``ss:StyleID``, else its row's, else its column's, else ``Default``;
  a style without a ``NumberFormat`` takes its ``ss:Parent``'s;
- cells and rows are placed by ``ss:Index`` when given (1-based, within the range), else follow the
  one before; ``ss:MergeAcross`` and ``ss:Span`` cover further columns or rows;
- formats are Excel's codes (``0.00%``) or the reference's names, of which ``Percent`` is a percent;
- only cells holding a number (``Data ss:Type="Number"``) are reported.

An engine without that call (xlwings' remote engine) or an answer that cannot be read gives None,
and the caller reads the formats per column (``percent_cells_by_column``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from defusedxml import ElementTree as SafeET

from xlwings_app.domain.numbers import is_percent_format

XML_SPREADSHEET = 11
"""``xlRangeValueXMLSpreadsheet``, the ``RangeValueDataType`` of ``Range.Value``."""
SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
NAMED_PERCENT = {"Percent"}


def spreadsheet_xml(rng: Any) -> str | None:
    """``rng`` as an XML Spreadsheet (one COM call), or None where the engine has no such call."""
    try:
        xml = rng.api.Value(XML_SPREADSHEET)
    except Exception:  # noqa: BLE001 - the remote engine's api is a tuple of values; an old Excel refuses
        return None
    return xml if isinstance(xml, str) and xml else None


def _formats(root: Any) -> dict[str, str]:
    """Each style's number format, inherited from ``ss:Parent`` where it sets none."""
    own: dict[str, str | None] = {}
    parents: dict[str, str | None] = {}
    for style in root.iter(f"{SS}Style"):
        name = style.get(f"{SS}ID")
        if name is None:
            continue
        number = style.find(f"{SS}NumberFormat")
        own[name] = None if number is None else number.get(f"{SS}Format", "General")
        parents[name] = style.get(f"{SS}Parent")
    resolved: dict[str, str] = {}
    for name in own:
        seen: set[str] = set()
        current: str | None = name
        code: str | None = None
        while current is not None and current not in seen:
            seen.add(current)
            code = own.get(current)
            if code is not None:
                break
            current = parents.get(current)
        resolved[name] = code or "General"
    return resolved


def _is_percent(code: str) -> bool:
    return code in NAMED_PERCENT or is_percent_format(code)


def percent_cells(xml: str) -> set[tuple[int, int]] | None:
    """The (row, column), 0-based within the range, of the numbers with a percent format; None when
    ``xml`` is not an XML Spreadsheet."""
    try:
        root = SafeET.fromstring(xml)
    except Exception:  # noqa: BLE001 - anything unreadable: the caller asks per column instead
        return None
    table = root.find(f"{SS}Worksheet/{SS}Table")
    if root.tag != f"{SS}Workbook" or table is None:
        return None
    formats = _formats(root)
    columns: dict[int, str] = {}
    col = 0
    for column in table.findall(f"{SS}Column"):
        col = int(column.get(f"{SS}Index", col + 1))
        span = int(column.get(f"{SS}Span", 0))
        for c in range(col, col + span + 1):
            if column.get(f"{SS}StyleID"):
                columns[c] = column.get(f"{SS}StyleID", "")
        col += span
    found: set[tuple[int, int]] = set()
    row = 0
    for element in table.findall(f"{SS}Row"):
        row = int(element.get(f"{SS}Index", row + 1))
        row_style = element.get(f"{SS}StyleID")
        col = 0
        for cell in element.findall(f"{SS}Cell"):
            col = int(cell.get(f"{SS}Index", col + 1))
            data = cell.find(f"{SS}Data")
            if data is not None and data.get(f"{SS}Type") == "Number":
                style = cell.get(f"{SS}StyleID") or row_style or columns.get(col) or "Default"
                if _is_percent(formats.get(style, "General")):
                    found.add((row - 1, col - 1))
            col += int(cell.get(f"{SS}MergeAcross", 0))
        row += int(element.get(f"{SS}Span", 0))
    return found


def percent_cells_by_column(
    number_format: Callable[[int, int, int], object], numbers: Sequence[Sequence[int]]
) -> set[tuple[int, int]]:
    """The same, asked of the engine per column: ``number_format(col, first, last)`` is the code the
    rows ``first..last`` of column ``col`` share, or not a text when they are mixed; ``numbers[col]``
    lists the rows holding a number. A mixed stretch is halved until each part is uniform."""
    found: set[tuple[int, int]] = set()

    def ask(col: int, rows: Sequence[int]) -> None:
        code = number_format(col, rows[0], rows[-1])
        if isinstance(code, str):
            if is_percent_format(code):
                found.update((r, col) for r in rows)
            return
        if len(rows) == 1:
            return
        half = len(rows) // 2
        ask(col, rows[:half])
        ask(col, rows[half:])

    for col, rows in enumerate(numbers):
        if rows:
            ask(col, rows)
    return found
