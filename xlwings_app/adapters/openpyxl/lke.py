"""The LKE workbook (``kinerja lke buat``) written with openpyxl from ``sheets.lke`` values, and read back.

Rules:
- the sheets are written whole from their values (``adapters.openpyxl.grid.write_values``); the
  writer adds what only the engine does: the answer lists of column Jawaban (data validation), the
  frozen header, A4 landscape print setup;
- the file is written through ``safe_write.save_atomically`` under the write lock (backup of the
  previous version); a failure leaves the old file as it was;
- reading goes through the one safe reader (``adapters.xlsx.reader.read_file``): the rows of each
  sheet asked for, numbered from 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from xlwings_app.adapters.openpyxl.grid import write_values
from xlwings_app.adapters.openpyxl.sheet_format import print_setup
from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.adapters.xlsx.reader import read_file
from xlwings_app.adapters.xlsx.safe_write import save_atomically, writer_lock
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.source import Row, SheetSource, sheet_rows

Validation = tuple[str, tuple[str, ...]]
"""(cell or range, the allowed texts)."""


def write_lke_workbook(
    path: Path,
    sheets: Sequence[SheetValues],
    validations: dict[str, Sequence[Validation]],
    freeze: dict[str, str],
) -> Path | None:
    """Write ``sheets`` as a new workbook at ``path`` (replacing it whole); ``validations`` and
    ``freeze`` (the first unfrozen cell) by sheet name. Return the backup's path."""
    if path.suffix.lower() != ".xlsx":
        raise WorkbookError(f"Nama file {path.name} harus berakhiran .xlsx.")
    path.parent.mkdir(parents=True, exist_ok=True)

    def write(tmp: Path) -> None:
        wb = Workbook()
        wb.remove(wb.active)
        for sheet in sheets:
            ws = wb.create_sheet(sheet.name)
            write_values(ws, sheet)
            by_list: dict[tuple[str, ...], list[str]] = {}
            for ref, allowed in validations.get(sheet.name, ()):
                by_list.setdefault(tuple(allowed), []).append(ref)
            for allowed, refs in by_list.items():
                dv = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
                dv.error = "Pilih salah satu: " + ", ".join(allowed)
                dv.errorTitle = "Jawaban tidak sah"
                dv.showErrorMessage = True
                for ref in refs:
                    dv.add(ref)
                ws.add_data_validation(dv)
            if sheet.name in freeze:
                ws.freeze_panes = freeze[sheet.name]
            print_setup(ws)
        wb.save(tmp)

    with writer_lock(path):
        return save_atomically(path, write)


def read_sheets(path: Path, names: Sequence[str]) -> dict[str, list[tuple[int, Row]] | None]:
    """The rows (numbered from 1) of each sheet of ``names`` in the workbook at ``path``; ``None``
    for a sheet it does not have."""

    def read(source: SheetSource, _: Path) -> dict[str, list[tuple[int, Row]] | None]:
        return {
            name: (list(sheet_rows(source, name)) if name in source.sheetnames else None) for name in names
        }

    return read_file(path, read)
