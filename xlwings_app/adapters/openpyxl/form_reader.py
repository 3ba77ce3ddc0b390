"""Read filled forms back: form files, folders of them, or the lembar sheets of a master.

The cells come from python-calamine (``adapters.xlsx.form_cells``: values, percent formats and
formula cells as openpyxl's read-only mode gives them); a file or sheet calamine cannot take (shared
formulas, a very sparse sheet) is read with openpyxl's read-only mode instead.

Nothing is judged here beyond "can this be read as a form at all"; every such failure becomes a
problem naming the file (a bad file never stops the other forms from being checked). The cells
are handed over raw (a number shown as a percentage as ``numbers.Percent``), with their address and whether they hold a formula, to ``forms.checks``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from xlwings_app.adapters.xlsx.calamine import Unsuitable
from xlwings_app.adapters.xlsx.form_cells import FormCells
from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx, has_macros
from xlwings_app.domain.file_names import readable_name
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.numbers import with_format
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import normalise_kode, text_of
from xlwings_app.forms.checks import STATUS_LABEL
from xlwings_app.forms.filled import Cell, FilledForm, FormRow
from xlwings_app.forms.meta import FormMeta, from_rows
from xlwings_app.forms.spec import PeriodeError, form_columns, spec
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.grid import column_letter
from xlwings_app.sheets.tanda_terima import FILE_PREFIX as TANDA_TERIMA

HEADER_SCAN_ROWS = 40
MAX_FORM_ROWS = 5_000


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


def _metas(wb: _Cells, name: str) -> list[FormMeta]:
    rows = [tuple((row + [None] * 4)[:4]) for row in wb.values(spec().meta_sheet)[1:]]
    try:
        return from_rows(rows)
    except (json.JSONDecodeError, TypeError, AttributeError) as exc:
        raise WorkbookError(f"Metadata formulir {name} rusak: {exc}.") from exc


STATUS_KEY = L.normalise_header(STATUS_LABEL)


def _form(wb: _Cells, file: str, meta: FormMeta, diubah: datetime | None = None) -> FilledForm:
    if meta.sheet not in wb.sheetnames:
        raise WorkbookError(
            f"Sheet '{meta.sheet}' tidak ditemukan di {file} (sheet diganti nama atau dihapus?)."
        )
    try:
        keys = [c.key for c in form_columns(Periode.parse(meta.get("periode")))]
    except (ValueError, PeriodeError) as exc:
        raise WorkbookError(f"Metadata formulir {file} rusak: periode '{meta.get('periode')}'.") from exc
    header_row, rows = 0, []
    headers: tuple[str, ...] = ()
    status: Cell | None = None
    for r, cells in wb.rows(meta.sheet):
        first = L.normalise_header(cells[0].value) if cells else ""
        if not header_row:
            if first.startswith(STATUS_KEY) and len(cells) > 1:
                status = cells[1]
            elif first == "kode":
                header_row, headers = r, tuple(text_of(c.value) for c in cells)
            elif r > HEADER_SCAN_ROWS:
                break
            continue
        if r - header_row > MAX_FORM_ROWS:
            break
        kode = normalise_kode(cells[0].value).text if cells else ""
        if kode:
            padded = cells + [
                Cell(f"{column_letter(i + 1)}{r}", None) for i in range(len(cells), len(keys))
            ]
            rows.append(FormRow(kode, r, dict(zip(keys, padded, strict=False))))
    return FilledForm(file, meta.sheet, meta, header_row, headers, tuple(rows), status, diubah)


def read_forms(
    path: Path, lembar: bool = False, checked: bool = False
) -> tuple[list[FilledForm], list[Problem]]:
    """The forms in the workbook at ``path`` (a form file, or with ``lembar`` a master's lembar sheets);
    ``checked``: the caller has run the xlsx guard on ``path`` already (the file master)."""
    name = readable_name(path.name)  # shown, and written into Riwayat, whatever bytes the name holds
    try:
        wb = _open(path, checked)
    except WorkbookError as exc:
        return [], [Problem(readable_name(str(exc)), file=name)]
    try:
        if spec().meta_sheet not in wb.sheetnames:
            pesan = (
                "Belum ada lembar isian di workbook ini: buat dengan kinerja lembar FILE."
                if lembar
                else "Bukan formulir Kinerja (metadata formulir tidak ada): gunakan file dari kinerja formulir."
            )
            return [], [Problem(pesan, file=name)]
        forms, problems = [], []
        if not lembar and has_macros(path):
            problems.append(Problem(
                "File berisi makro (VBA): makro tidak dijalankan dan diabaikan; hanya nilai sel yang dibaca.",
                file=name, tingkat="catatan"))
        diubah = None if lembar else datetime.fromtimestamp(path.stat().st_mtime)
        for meta in _metas(wb, name):
            try:
                forms.append(_form(wb, name, meta, diubah))
            except WorkbookError as exc:
                problems.append(Problem(str(exc), meta.sheet, file=name))
        return forms, problems
    except WorkbookError as exc:
        return [], [Problem(readable_name(str(exc)), file=name)]
    except Exception:
        return [], [Problem(f"File {name} tidak dapat dibaca sebagai formulir: rusak atau bukan formulir Kinerja.",
                            file=name)]
    finally:
        wb.close()
