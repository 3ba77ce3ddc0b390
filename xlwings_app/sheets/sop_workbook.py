"""Reading the SOP sheets of a workbook: one SOP (sheet SOP or "SOP <name>"), Kalender and its log.

``read_sop_sheets(source, path, place)`` reads them from any ``sheets.source.SheetSource`` (a file,
or the workbook open in Excel) into a ``domain.sop.workbook.SopWorkbook``, each sheet by its reader
(``sheets.sop_sheet``, ``sheets.kalender``, ``sheets.log``), with the year of sheet Profil (whose
holidays Kalender lists). The CLI and the ribbon run the same checks; every problem names the file.
"""

from __future__ import annotations

from pathlib import Path

from xlwings_app.domain.problems import Problem
from xlwings_app.domain.sop.presets import preset_ids
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.sheets.kalender import read_kalender
from xlwings_app.sheets.log import find_log, not_found, read_log
from xlwings_app.sheets.profil import read_tahun
from xlwings_app.sheets.sop_layout import DEFAULT_PLACE, SHEET_KALENDER, SopPlace
from xlwings_app.sheets.sop_sheet import read_sop
from xlwings_app.sheets.source import SheetSource, sheet_rows, tables_of


def read_sop_sheets(source: SheetSource, path: Path, place: SopPlace = DEFAULT_PLACE) -> SopWorkbook:
    """Read the SOP sheets of ``place`` from ``source`` (a file or the live workbook named ``path``)."""
    names = source.sheetnames
    data = SopWorkbook(path=path, sheets=set(names), place_name=place.nama)
    if place.sop in names:
        data.sop, cells, problems = read_sop(sheet_rows(source, place.sop), place.sop)
        data.problems.extend(problems)
        if cells is not None:
            data.identity_cells = {key: cell.sel for key, cell in cells.identity.items() if cell.sel}
    else:
        data.problems.append(
            Problem(
                f"Sheet '{place.sop}' tidak ditemukan. Tambahkan SOP bawaan dengan: kinerja sop mulai "
                f"FILE --periode TW1 --sop PRESET (PRESET: {', '.join(preset_ids())}).",
                place.sop,
            )
        )
    if SHEET_KALENDER in names:
        data.calendar, problems = read_kalender(sheet_rows(source, SHEET_KALENDER))
        data.problems.extend(problems)
    else:
        data.problems.append(
            Problem(
                f"Sheet '{SHEET_KALENDER}' tidak ditemukan: dipakai jam kerja baku dan libur nasional "
                "saja (tanpa cuti bersama).",
                SHEET_KALENDER,
                tingkat="catatan",
            )
        )
    if place.log in names:
        header = find_log(sheet_rows(source, place.log), place.log, tables_of(source, place.log), place.log_table)
        if header is None:
            data.problems.append(not_found(place.log))
        else:
            data.entries, data.log_last_row = read_log(sheet_rows(source, place.log), header, data.problems)
    data.tahun = read_tahun(source)
    data.problems = [p.in_file(path.name) for p in data.problems]
    return data
