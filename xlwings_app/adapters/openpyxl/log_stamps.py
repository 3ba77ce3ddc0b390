"""Write what an action stamps (``domain.sop.otomatis.Rencana``) into a log (Log Langkah, "Log <nama>").

Cells of existing rows are found by the log's header text (``sheets.log.log_header``), so a user who
reordered the columns keeps them; appended rows go below the last row (``sop_sheets.write_log_rows``,
the layout ``kinerja sop mulai`` writes). Only the cells the plan names are touched.
"""

from __future__ import annotations

from openpyxl import Workbook

from xlwings_app.adapters.openpyxl.sop_sheets import write_log_rows
from xlwings_app.domain.sop.model import Sop
from xlwings_app.domain.sop.otomatis import Rencana
from xlwings_app.sheets.log import log_header
from xlwings_app.sheets.sop_layout import DATETIME_FORMAT, DEFAULT_PLACE, SopPlace


def write_pencatatan(wb: Workbook, sop: Sop, plan: Rencana, last_row: int, place: SopPlace | None = None) -> None:
    """Fill ``plan.isian`` and append ``plan.baru`` below ``last_row`` of the log of ``place``."""
    sheet = (place or DEFAULT_PLACE).log
    ws = wb[sheet]
    if plan.isian:
        rows = [list(r) for r in ws.iter_rows(max_row=60, values_only=True)]
        found = log_header(rows)
        if found is None:
            raise ValueError(f"judul kolom sheet {sheet} tidak ditemukan")
        _, columns = found
        for isian in plan.isian:
            cell = ws.cell(isian.baris, columns[isian.kolom] + 1)
            cell.value = isian.nilai
            if isian.kolom in ("mulai", "selesai"):
                cell.number_format = DATETIME_FORMAT
    if plan.baru:
        write_log_rows(ws, sop, plan.baru, last_row + 1)
