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

from collections.abc import Mapping, Sequence
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
    validations: Mapping[str, Sequence[Validation]],
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


def fill_lke(
    path: Path,
    answers: Mapping[str, str | None] | None = None,
    catatan: Mapping[str, str] | None = None,
    register: Sequence[Sequence[object]] = (),
    dilaksanakan: dict[tuple[str, str], str] | None = None,
) -> None:
    """Type into the LKE workbook at ``path`` as a person would (the demo, tests): ``answers`` and
    ``catatan`` by criterion id, ``register`` rows under the Rekomendasi header (after the rows
    there), Dilaksanakan by (kode, periode) on sheet Rencana Aksi. Saved in place."""
    from openpyxl import load_workbook

    from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
    from xlwings_app.sheets import lke as S
    from xlwings_app.sheets import lke_register as R

    wb = load_workbook(path)
    rows = S.rows_of(permenpanrb_88_2021())
    ws = wb[S.SHEET]
    for cid, letter in (answers or {}).items():
        ws[rows.cell("jawaban", cid)].value = letter
    for cid, text in (catatan or {}).items():
        ws[rows.cell("catatan", cid)].value = text
    reg = wb[R.SHEET_REKOMENDASI]
    row = R.REG_HEADER_ROW + 1
    while reg.cell(row, 4).value not in (None, ""):
        row += 1
    for values in register:
        for col, value in enumerate(values, start=1):
            reg.cell(row, col, value)
        row += 1
    ra = wb[R.SHEET_RENCANA_AKSI]
    for r in range(R.RA_HEADER_ROW + 1, ra.max_row + 1):
        key = (str(ra.cell(r, 1).value or ""), str(ra.cell(r, 3).value or ""))
        if dilaksanakan and key in dilaksanakan:
            ra.cell(r, len(R.RA_HEADERS), dilaksanakan[key])
    wb.save(path)
