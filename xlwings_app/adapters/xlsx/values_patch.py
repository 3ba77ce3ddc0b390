"""A ``sheets.grid.SheetValues`` written into an existing sheet of the master's package.

``put_values(edits, values)`` writes each value of ``values`` into its cell of the sheet it names
(``cell_patch.SheetEdits``), in the cell format its span styles make (``styles_xml.cell_format``,
merged into the master's styles: identical formats reused), a cell without styles keeping its own;
``height:`` spans set their row's height. A merge or a column width, which the sheet's own XML
would have to change, raises ``PatchUnsupported``: the caller writes the change with openpyxl.
``append_seal`` is sheet Segel's new row (``kinerja arsip``) written so.
"""

from __future__ import annotations

from xlwings_app.adapters.xlsx.cell_patch import SheetEdits
from xlwings_app.adapters.xlsx.package import PatchUnsupported
from xlwings_app.adapters.xlsx.styles_xml import Styles, cell_format
from xlwings_app.domain.seal import SealRecord
from xlwings_app.sheets.grid import SheetValues, cell_styles
from xlwings_app.sheets.segel import HEADER_ROW, SHEET_SEGEL, header_values, seal_values

_DIMENSIONS = ("width:", "height:")


def put_values(edits: SheetEdits, values: SheetValues) -> None:
    """Write ``values`` into its sheet (see the module docstring)."""
    if any(span.style == "merge" or span.style.startswith("width:") for span in values.spans):
        raise PatchUnsupported(f"{values.name}: sel gabungan atau lebar kolom")
    styles = cell_styles(values)
    registered = Styles()
    xf_of: dict[tuple[str, ...], int] = {}
    heights: dict[int, float] = {}
    for (row, _col), names in styles.items():
        for name in names:
            if name.startswith("height:"):
                heights[row] = float(name.partition(":")[2])
        formats = tuple(n for n in names if not n.startswith(_DIMENSIONS))
        if formats and formats not in xf_of:
            try:
                xf_of[formats] = registered.add(cell_format(formats))
            except ValueError as exc:
                raise PatchUnsupported(str(exc)) from exc
    xf_map = edits.package.merge_styles(registered.xml()) if xf_of else {}
    sheet = edits[values.name]
    for key in sorted(set(values.cells) | set(styles)):
        formats = tuple(n for n in styles.get(key, ()) if not n.startswith(_DIMENSIONS))
        style = xf_map[xf_of[formats]] if formats else None
        if key in values.cells or style is not None:
            sheet.put(*key, values.cells.get(key), style)
    for row, height in heights.items():
        sheet.row(row).set_height(height)
    sheet.widen(set(values.cells) | set(styles))


def append_seal(edits: SheetEdits, record: SealRecord) -> None:
    """``record`` as the row below sheet Segel's last (``PatchUnsupported`` when there is no sheet Segel)."""
    sheet = edits[SHEET_SEGEL]
    row = max(sheet.last_row_with_cells(), HEADER_ROW) + 1
    put_values(edits, header_values())
    put_values(edits, seal_values(record, row))
