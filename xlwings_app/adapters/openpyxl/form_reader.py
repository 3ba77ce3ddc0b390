"""Open filled forms for reading: form files, folders of them, or the lembar sheets of a master.

The cells come from python-calamine (``adapters.xlsx.form_cells``: values, percent formats and
formula cells as openpyxl's read-only mode gives them); a file or sheet calamine cannot take (shared
formulas, a very sparse sheet) is read with openpyxl's read-only mode instead.

The forms are read by ``sheets.forms.read_form_book`` (beside the form's layout); a file an engine
cannot open or read becomes a problem naming the file (a bad file never stops the other forms from
being checked). The cells are handed over raw (a number shown as a percentage as
``numbers.Percent``), with their address and whether they hold a formula, to ``forms.checks``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from xlwings_app.adapters.xlsx.calamine import Unsuitable
from xlwings_app.adapters.xlsx.core_properties import last_saved
from xlwings_app.adapters.xlsx.form_cells import FormCells
from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx, has_macros
from xlwings_app.adapters.xlsx.reader import EngineFailure, engine_call
from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.file_names import readable_name
from xlwings_app.domain.numbers import with_format
from xlwings_app.domain.problems import Problem
from xlwings_app.forms.filled import Cell, FilledForm
from xlwings_app.sheets.forms import read_form_book
from xlwings_app.sheets.tanda_terima import FILE_PREFIX as TANDA_TERIMA

FORM_SUFFIXES = (".xlsx", ".xlsm")
"""A form is an Excel workbook, whatever the case of its name's suffix ("*.XLSX" too)."""
OTHER_SPREADSHEETS = (".ods", ".fods", ".xls", ".xlsb", ".xltx", ".xltm", ".numbers", ".et")
"""Spreadsheets a form may come back as when its filler saved it in another program or format: read
as forms too, so the xlsx guard names each with what it is ("Excel lama (.xls)", "OpenDocument"),
never skipped without a word (the Kasi would be listed as "belum masuk")."""


def form_files(sources: Sequence[Path], master: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """The forms named by ``sources`` (files, or folders read one level deep: every spreadsheet there,
    whatever the case of its suffix; those that are no .xlsx are refused by name when read)."""
    files: list[Path] = []
    problems: list[Problem] = []
    skip = master.resolve() if master else None
    wanted = FORM_SUFFIXES + OTHER_SPREADSHEETS
    for source in sources:
        if source.is_dir():
            found = [
                p for p in sorted(source.iterdir())
                if p.is_file() and p.suffix.lower() in wanted and not p.name.startswith(("~$", ".~", TANDA_TERIMA))
                and p.resolve() != skip
            ]  # fmt: skip
            if not found:
                problems.append(Problem(f"Folder {source} tidak berisi formulir (.xlsx).", file=str(source)))
            files += found
        else:
            files.append(source)
    return list(dict.fromkeys(files)), problems


class _OpenpyxlCells:
    """A form workbook read by openpyxl's read-only mode (the fallback of ``form_cells.FormCells``)."""

    def __init__(self, path: Path) -> None:
        from openpyxl import load_workbook

        self._wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)

    def close(self) -> None:
        self._wb.close()

    @property
    def sheetnames(self) -> list[str]:
        return list(self._wb.sheetnames)

    def values(self, sheet: str) -> list[list[object]]:
        return [list(row) for row in self._wb[sheet].iter_rows(values_only=True)]

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
        for r, row in enumerate(self._wb[sheet].iter_rows(), start=1):
            yield (
                r,
                [
                    Cell(
                        f"{column_letter(c)}{r}",
                        with_format(getattr(cell, "value", None), getattr(cell, "number_format", None)),
                        getattr(cell, "data_type", "") == "f",
                    )
                    for c, cell in enumerate(row, start=1)
                ],
            )


class _Cells(Protocol):
    @property
    def sheetnames(self) -> list[str]: ...

    def values(self, sheet: str) -> list[list[object]]: ...

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]: ...

    def close(self) -> None: ...


FAST = True
"""Read forms with calamine (``form_cells``); openpyxl only for files calamine cannot take."""


def _open(path: Path, checked: bool = False) -> _Cells:
    if not checked:
        check_xlsx(path)
    try:
        if FAST and readable_name(str(path)) == str(path):  # calamine takes UTF-8 paths only
            try:
                cells = FormCells(path)
            except Unsuitable:
                pass
            else:
                return _Checked(cells, path)
        return _OpenpyxlCells(path)
    except Exception as exc:  # parser errors and defusedxml refusals of damaged or hostile files
        raise WorkbookError(
            f"File {readable_name(path.name)} tidak dapat dibuka sebagai workbook Excel (rusak atau bukan .xlsx)."
        ) from exc


class _Checked:
    """Calamine's cells, switching the whole file to openpyxl when a sheet turns out ``Unsuitable``."""

    def __init__(self, cells: FormCells, path: Path) -> None:
        self._cells: _Cells = cells
        self._path = path

    def _fallback(self) -> _Cells:
        self._cells.close()
        self._cells = _OpenpyxlCells(self._path)
        return self._cells

    def close(self) -> None:
        self._cells.close()

    @property
    def sheetnames(self) -> list[str]:
        return self._cells.sheetnames

    def values(self, sheet: str) -> list[list[object]]:
        try:
            return self._cells.values(sheet)
        except Unsuitable:
            return self._fallback().values(sheet)

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
        try:
            found = list(self._cells.rows(sheet))
        except Unsuitable:
            found = list(self._fallback().rows(sheet))
        return iter(found)


def read_forms(
    path: Path, lembar: bool = False, checked: bool = False
) -> tuple[list[FilledForm], list[Problem]]:
    """The forms in the workbook at ``path`` (a form file, or with ``lembar`` a master's lembar sheets),
    read by ``sheets.forms.read_form_book``; ``checked``: the caller has run the xlsx guard on
    ``path`` already (the file master). A file an engine cannot read is a problem naming it; a
    failure of the reading rules is not the file's and is raised as it is."""
    name = readable_name(path.name)  # shown, and written into Riwayat, whatever bytes the name holds
    try:
        wb = _open(path, checked)
    except WorkbookError as exc:
        return [], [Problem(readable_name(str(exc)), file=name)]
    try:
        macros = not lembar and bool(engine_call(has_macros, path))
        diubah = None if lembar else datetime.fromtimestamp(path.stat().st_mtime)
        disimpan = None if lembar else last_saved(path)
        return read_form_book(_EngineOnly(wb), name, lembar, diubah, macros, disimpan)
    except WorkbookError as exc:
        return [], [Problem(readable_name(str(exc)), file=name)]
    except EngineFailure:
        return [], [
            Problem(f"File {name} tidak dapat dibaca sebagai formulir: rusak atau bukan formulir Kinerja.", file=name)
        ]
    finally:
        wb.close()


class _EngineOnly:
    """A form workbook whose engine failures are ``EngineFailure``: what fails outside the engine is
    the reading rules' (a bug, raised as it is)."""

    def __init__(self, cells: _Cells) -> None:
        self._cells = cells

    @property
    def sheetnames(self) -> list[str]:
        return list(engine_call(lambda: self._cells.sheetnames))

    def values(self, sheet: str) -> list[list[object]]:
        return list(engine_call(self._cells.values, sheet))

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
        return iter(list(engine_call(lambda: list(self._cells.rows(sheet)))))
