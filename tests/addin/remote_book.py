"""Test side of xlwings' remote engine: a payload from an openpyxl workbook, and an applier.

``payload(wb)`` is what the xlwings client would send for the workbook (its sheets' values);
``xw.Book(json=payload(wb))`` is then a real xlwings Book whose calls become actions, and
``apply(actions, wb)`` plays the actions this project's handlers use back onto the openpyxl
workbook. Unknown actions fail loudly, so a handler cannot do something the test ignores.

The payload names the Office.js client: of xlwings' remote clients only that one takes notes
(``Range.add_note``), which the handlers write on problem cells. ``name`` is what
``book.fullname`` returns: give a file's absolute path to play a saved workbook.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import xlwings as xw
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

SENT_DATE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if isinstance(value, dt.datetime):  # as the clients send a date: ISO, milliseconds, "Z"
        return value.isoformat(timespec="milliseconds") + "Z"
    return value


def _tables(ws: Any) -> list[dict[str, Any]]:
    """The sheet's Excel Tables as the Office.js client sends them."""
    from openpyxl.worksheet.cell_range import CellRange

    found = []
    for table in ws.tables.values():
        whole, totals = CellRange(table.ref), int(table.totalsRowCount or 0)
        body = CellRange(min_col=whole.min_col, min_row=whole.min_row + 1, max_col=whole.max_col,
                         max_row=whole.max_row - totals)  # fmt: skip
        total = CellRange(min_col=whole.min_col, min_row=whole.max_row, max_col=whole.max_col, max_row=whole.max_row)
        found.append({
            "name": table.displayName, "range_address": table.ref, "show_headers": True,
            "show_totals": bool(totals), "show_autofilter": True,
            "header_row_range_address": f"{whole.coord.split(':')[0]}:{total.coord.split(':')[1].rstrip('0123456789')}"
            f"{whole.min_row}",
            "data_body_range_address": body.coord, "total_row_range_address": total.coord if totals else None,
        })  # fmt: skip
    return found


def payload(
    wb: Workbook, active: str | None = None, name: str = "kinerja.xlsx", selection: str = "A1", tables: bool = False
) -> dict[str, Any]:
    """``tables``: send the sheets' Excel Tables too (the handler tests play sheets without them)."""
    sheets = []
    for ws in wb.worksheets:
        values = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)] or [[""]]
        notes = [{"address": c.coordinate} for row in ws.iter_rows() for c in row if c.comment]
        sheets.append({"name": ws.title, "values": values, "pictures": [], "tables": _tables(ws) if tables else [],
                       "notes": notes})  # fmt: skip
    index = wb.sheetnames.index(active) if active else wb.sheetnames.index(wb.active.title)
    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": name, "active_sheet_index": index, "selection": selection, "calculation": "Automatic"},
        "names": [],
        "sheets": sheets,
    }


@contextmanager
def number_formats(wb: Workbook) -> Iterator[None]:
    """Let ``Range.number_format`` be read as the desktop engine reads it (Excel's
    ``Range.NumberFormat``: the code when every cell of the range shares it, else ``None``), from
    the number formats of ``wb``. xlwings' remote engine cannot read formats synchronously."""
    from xlwings.pro import _xlremote

    def read(rng: Any) -> str | None:
        ws = wb[rng.sheet.name]
        rows, cols = rng.shape
        codes = {ws.cell(rng.row + i, rng.column + j).number_format for i in range(rows) for j in range(cols)}
        return codes.pop() if len(codes) == 1 else None

    original = _xlremote.Range.number_format
    _xlremote.Range.number_format = property(read, original.fset)
    try:
        yield
    finally:
        _xlremote.Range.number_format = original


def _fill(colour: str | None) -> PatternFill:
    return PatternFill() if colour is None else PatternFill("solid", fgColor=colour.lstrip("#").upper())


def _value(value: object) -> object:
    if value == "":
        return None
    if isinstance(value, str) and SENT_DATE.fullmatch(value):  # how xlwings sends a datetime
        return dt.datetime.fromisoformat(value)
    return value


def _show_conditional_format(cells: list[Any], rule: dict[str, Any]) -> None:
    """A "cell value equal to a text" rule, shown as Excel shows it: the rule's fill on every cell of
    its range whose value is that text (what a person sees, and what the file writers fill directly).
    Any other rule fails loudly, as an unknown action does."""
    assert rule["type"] == "CellValue" and rule["operator"] == "EqualTo", rule
    formula = rule["formula1"]
    assert formula.startswith('="') and formula.endswith('"'), formula
    for cell in cells:
        if cell.value == formula[2:-1]:
            cell.fill = _fill(rule["fill_color"])


def _range(wb: Workbook, action: dict[str, Any]) -> list[list[Any]]:
    ws = wb.worksheets[action["sheet_position"]]
    r, c = action["start_row"] + 1, action["start_column"] + 1
    return [
        [ws.cell(r + i, c + j) for j in range(action["column_count"])] for i in range(action["row_count"])
    ]


def _each(wb: Workbook, action: dict[str, Any]) -> list[Any]:
    return [cell for row in _range(wb, action) for cell in row]


def apply(actions: list[dict[str, Any]], wb: Workbook) -> list[str]:  # noqa: C901
    """Apply ``actions`` to ``wb``; return the texts of the message boxes shown."""
    alerts = []
    for action in actions:
        func, args = action["func"], action["args"]
        if func == "activateSheet":
            wb.active = args[0]
        elif func == "alert":
            alerts.append(args[0])
        elif func == "addSheet":
            wb.create_sheet(args[1], args[0])
        elif func == "setSheetName":
            wb.worksheets[action["sheet_position"]].title = args[0]
        elif func == "sheetDelete":
            del wb[wb.worksheets[action["sheet_position"]].title]
        elif func == "setValues":
            ws = wb.worksheets[action["sheet_position"]]
            r, c = action["start_row"] + 1, action["start_column"] + 1
            for i, row in enumerate(action["values"]):
                for j, value in enumerate(row):
                    cell = ws.cell(r + i, c + j)
                    if isinstance(value, str) and value.startswith("'"):  # Excel's text prefix
                        cell.value, cell.data_type = value[1:], "s"
                    else:
                        cell.value = _value(value)
        elif func == "setRangeColor":
            for cell in _each(wb, action):
                cell.fill = _fill(args[0])
        elif func == "setRangeColors":
            for cells, colours in zip(_range(wb, action), args[0], strict=True):
                for cell, colour in zip(cells, colours, strict=True):
                    if colour != "keep":
                        cell.fill = _fill(colour)
        elif func == "setFontProperty":
            attribute, value = args
            for cell in _each(wb, action):
                font = {"bold": cell.font.b, "italic": cell.font.i, "size": cell.font.sz,
                        "color": cell.font.color, "name": cell.font.name}
                font[attribute] = value.lstrip("#") if attribute == "color" else value
                cell.font = Font(b=font["bold"], i=font["italic"], sz=font["size"],
                                 color=font["color"], name=font["name"])  # fmt: skip
        elif func == "setWrapText":
            for cell in _each(wb, action):
                cell.alignment = Alignment(wrap_text=args[0], vertical=cell.alignment.vertical)
        elif func == "setNumberFormat":
            for cell in _each(wb, action):
                cell.number_format = args[0]
        elif func == "setColumnWidth":
            ws = wb.worksheets[action["sheet_position"]]
            first = action["start_column"] + 1
            for col in range(first, first + action["column_count"]):
                ws.column_dimensions[get_column_letter(col)].width = args[0]
        elif func == "setSheetVisibility":
            wb.worksheets[action["sheet_position"]].sheet_state = args[0].lower()
        elif func == "setColumnHidden":
            ws = wb.worksheets[action["sheet_position"]]
            first = action["start_column"] + 1
            for col in range(first, first + action["column_count"]):
                ws.column_dimensions[get_column_letter(col)].hidden = args[0]
        elif func == "addTable":
            ws = wb.worksheets[action["sheet_position"]]
            table = Table(displayName=args[3], ref=args[0].replace("$", ""))
            table.tableStyleInfo = TableStyleInfo(name=args[2], showRowStripes=True)
            ws.add_table(table)
        elif func in ("addNote", "setNoteText"):
            [cell] = _each(wb, action)
            assert cell.coordinate == args[0].replace("$", "")
            cell.comment = Comment(args[1], "Kinerja")
        elif func == "addConditionalFormat":
            _show_conditional_format(_each(wb, action), args[0])
        elif func in ("setScreenUpdating", "setCalculation"):
            pass  # the application's state during the click: nothing to keep in the file
        elif func == "deleteNote":
            [cell] = _each(wb, action)
            cell.comment = None
        else:
            raise AssertionError(f"aksi xlwings belum didukung applier uji: {func}")
    return alerts
