"""The kabupaten workbook (``kinerja kabupaten``) written with openpyxl from ``sheets.kabupaten`` values.

Rules:
- sheet Isian Kabupaten is read first (``read_isian_rows``) and kept: an existing workbook is
  loaded, only the generated sheets are dropped and written again, so the Isian sheet (and any
  sheet of the user's own) keeps its cells; a new workbook gets a fresh Isian sheet;
- codes imported from a list are the one change to the Isian sheet (``set_codes``);
- the file is written through ``safe_write.save_atomically`` under the write lock (backup of the
  previous version in ``Cadangan Kinerja``); a failure leaves the old file as it was;
- sheet Indikator Unit is the Excel Table ``TabelIndikatorKabupaten``; Rekap Unit, Peringkat and
  Indikator Bersama carry native bar charts drawn from their own cells.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.adapters.openpyxl.sheet_format import print_setup
from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx
from xlwings_app.adapters.xlsx.reader import read_file
from xlwings_app.adapters.xlsx.safe_write import save_atomically, writer_lock
from xlwings_app.sheets import kabupaten as K
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.source import SheetSource


def read_isian_rows(path: Path) -> list[list[object]] | None:
    """The rows of sheet Isian Kabupaten of the workbook at ``path`` (None when it has none); how
    far they are read is ``sheets.kabupaten.parse_isian``'s (the table reader's limits)."""

    def read(source: SheetSource, _: Path) -> list[list[object]] | None:
        if K.SHEET_ISIAN not in source.sheetnames:
            return None
        return [list(row) for row in source.iter_values(K.SHEET_ISIAN)]

    return read_file(path, read)


def write_rekap_workbook(
    path: Path,
    sheets: Sequence[SheetValues],
    new_isian: SheetValues,
    codes: Mapping[tuple[int, int], str] | None = None,
) -> Path | None:
    """Write the generated ``sheets`` into the workbook at ``path`` (created with ``new_isian``
    when absent), ``codes`` into the Isian sheet's cells; return the backup's path."""
    if path.suffix.lower() != ".xlsx":
        raise WorkbookError(f"Nama file rekap {path.name} harus berakhiran .xlsx.")
    if path.exists():
        check_xlsx(path)
    path.parent.mkdir(parents=True, exist_ok=True)

    def write(tmp: Path) -> None:
        wb = _open(path, new_isian)
        isian = wb[K.SHEET_ISIAN]
        for (row, col), value in (codes or {}).items():
            isian.cell(row, col, value).data_type = "s"
        for name in K.GENERATED:
            if name in wb.sheetnames:
                del wb[name]
        for sheet in sheets:
            _write_sheet(wb.create_sheet(sheet.name), sheet)
        wb.active = wb.sheetnames.index(K.SHEET_REKAP) if K.SHEET_REKAP in wb.sheetnames else 0
        for ws in wb.worksheets:
            ws.sheet_view.tabSelected = ws.title == wb.active.title
        wb.save(tmp)

    with writer_lock(path):
        return save_atomically(path, write)


EMPTY_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
)
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _without_generated(path: Path) -> io.BytesIO:
    """The workbook's bytes with the generated sheets emptied (their parts and rels dropped), so
    loading it does not parse thousands of rows that are about to be replaced anyway."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src:
        book = etree.fromstring(src.read("xl/workbook.xml"), parser)
        rels = etree.fromstring(src.read("xl/_rels/workbook.xml.rels"), parser)
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        emptied = set()
        for sheet in book.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"):
            if sheet.get("name") in K.GENERATED:
                target = targets.get(sheet.get(_REL), "")
                emptied.add(target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}"))
        dropped = {posixpath.join(posixpath.dirname(p), "_rels", posixpath.basename(p) + ".rels") for p in emptied}
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                if info.filename in dropped:
                    continue
                dst.writestr(info, EMPTY_SHEET if info.filename in emptied else src.read(info))
    out.seek(0)
    return out


def _open(path: Path, new_isian: SheetValues) -> Workbook:
    if path.exists():
        try:
            wb = load_workbook(_without_generated(path), keep_links=False)
        except Exception as exc:
            raise WorkbookError(f"File rekap {path.name} tidak dapat dibuka untuk ditulis: {exc}") from exc
        if K.SHEET_ISIAN in wb.sheetnames:
            return wb
    else:
        wb = Workbook()
        wb.remove(wb.active)
    ws = wb.create_sheet(K.SHEET_ISIAN, 0)
    write_values(ws, new_isian)
    _widths_and_print(ws, K.SHEET_ISIAN, new_isian.shape[1])
    return wb


def _widths_and_print(ws: Worksheet, name: str, cols: int) -> None:
    widths = K.WIDTHS.get(name, ())
    for col in range(1, max(cols, len(widths)) + 1):
        ws.column_dimensions[get_column_letter(col)].width = widths[col - 1] if col <= len(widths) else 14
    print_setup(ws)


def _write_sheet(ws: Worksheet, sheet: SheetValues) -> None:
    write_values(ws, sheet)
    rows, cols = sheet.shape
    _widths_and_print(ws, sheet.name, cols)
    ws.freeze_panes = f"C{K.HEADER_ROW + 1}" if sheet.name != K.SHEET_BERKAS else f"A{K.HEADER_ROW + 1}"
    ws.print_title_rows = f"{K.HEADER_ROW}:{K.HEADER_ROW}"
    ws.row_dimensions[K.HEADER_ROW].height = 45  # wrapped headers: Excel does not grow rows of files it opens
    count = rows - K.HEADER_ROW
    below = f"B{rows + 3}"
    if sheet.name == K.SHEET_INDIKATOR:
        last = max(rows, K.HEADER_ROW + 1)
        table = Table(displayName=K.TABLE_INDIKATOR, ref=f"A{K.HEADER_ROW}:{get_column_letter(len(K.INDIKATOR_HEADERS))}{last}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    elif count > 0 and sheet.name == K.SHEET_REKAP:
        headers = [sheet.cells.get((K.HEADER_ROW, c)) for c in range(1, cols + 1)]
        mean_col = headers.index("Rata-rata Capaian (%)") + 1
        _bars(ws, "Rata-rata Capaian IKU per Unit (%)", mean_col, mean_col, 2, count, below)
        _bars(ws, "Jumlah IKU per Predikat", 9, mean_col - 1, 2, count, f"F{rows + 3}", stacked=True)
    elif count > 0 and sheet.name == K.SHEET_PERINGKAT:
        _bars(ws, "Peringkat: Rata-rata Capaian (%)", 3, 3, 2, count, below)
    elif count > 0 and sheet.name == K.SHEET_BERSAMA:
        _bars(ws, "Indikator Bersama: Rata-rata Capaian (%)", 4, 4, 1, count, f"A{rows + 3}")


def _bars(ws: Worksheet, title: str, first_col: int, last_col: int, label_col: int, count: int,
          anchor: str, stacked: bool = False) -> None:
    top = K.HEADER_ROW
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.add_data(Reference(ws, min_col=first_col, max_col=last_col, min_row=top, max_row=top + count),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=label_col, min_row=top + 1, max_row=top + count))
    if stacked:
        chart.grouping, chart.overlap = "stacked", 100
    else:
        chart.legend = None
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.height = max(7.5, min(40.0, 0.5 * count + 3))
    chart.width = 18
    ws.add_chart(chart, anchor)
