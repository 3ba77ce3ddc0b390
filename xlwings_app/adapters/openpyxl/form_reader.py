"""Read filled forms back with openpyxl: form files, folders of them, or the lembar sheets of a master.

Nothing is judged here beyond "can this be read as a form at all"; every such failure becomes a
problem naming the file (a bad file never stops the other forms from being checked). The cells
are handed over raw (a number shown as a percentage as ``numbers.Percent``), with their address and whether they hold a formula, to ``forms.checks``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx, has_macros
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.numbers import with_format
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.rows import normalise_kode, text_of
from xlwings_app.forms.checks import STATUS_LABEL
from xlwings_app.forms.filled import Cell, FilledForm, FormRow
from xlwings_app.forms.meta import FormMeta, from_rows
from xlwings_app.forms.spec import PeriodeError, form_columns, spec
from xlwings_app.sheets import layout as L

HEADER_SCAN_ROWS = 40
MAX_FORM_ROWS = 5_000


def form_files(sources: Sequence[Path], master: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """The .xlsx files named by ``sources`` (files, or folders read one level deep)."""
    files: list[Path] = []
    problems: list[Problem] = []
    skip = master.resolve() if master else None
    for source in sources:
        if source.is_dir():
            found = sorted(
                p
                for p in source.glob("*.xls*")
                if p.is_file() and not p.name.startswith(("~$", ".~")) and p.resolve() != skip
            )
            if not found:
                problems.append(Problem(f"Folder {source} tidak berisi formulir (.xlsx).", file=str(source)))
            files += found
        else:
            files.append(source)
    return list(dict.fromkeys(files)), problems


def _open(path: Path, checked: bool = False) -> object:
    if not checked:
        check_xlsx(path)
    try:
        return load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # parser errors and defusedxml refusals of damaged or hostile files
        raise WorkbookError(
            f"File {path.name} tidak dapat dibuka sebagai workbook Excel ({type(exc).__name__})."
        ) from exc


def _metas(wb: object, name: str) -> list[FormMeta]:
    ws = wb[spec().meta_sheet]  # type: ignore[index]
    rows = list(ws.iter_rows(min_row=2, max_col=4, values_only=True))
    try:
        return from_rows(rows)
    except (json.JSONDecodeError, TypeError, AttributeError) as exc:
        raise WorkbookError(f"Metadata formulir {name} rusak: {exc}.") from exc


def _cells(ws: object) -> Iterator[tuple[int, list[Cell]]]:
    for r, row in enumerate(ws.iter_rows(), start=1):  # type: ignore[attr-defined]
        yield (
            r,
            [
                Cell(
                    f"{get_column_letter(c)}{r}",
                    with_format(getattr(cell, "value", None), getattr(cell, "number_format", None)),
                    getattr(cell, "data_type", "") == "f",
                )
                for c, cell in enumerate(row, start=1)
            ],
        )


STATUS_KEY = L.normalise_header(STATUS_LABEL)


def _form(wb: object, file: str, meta: FormMeta) -> FilledForm:
    if meta.sheet not in wb.sheetnames:  # type: ignore[attr-defined]
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
    for r, cells in _cells(wb[meta.sheet]):  # type: ignore[index]
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
                Cell(f"{get_column_letter(i + 1)}{r}", None) for i in range(len(cells), len(keys))
            ]
            rows.append(FormRow(kode, r, dict(zip(keys, padded, strict=False))))
    return FilledForm(file, meta.sheet, meta, header_row, headers, tuple(rows), status)


def read_forms(
    path: Path, lembar: bool = False, checked: bool = False
) -> tuple[list[FilledForm], list[Problem]]:
    """The forms in the workbook at ``path`` (a form file, or with ``lembar`` a master's lembar sheets);
    ``checked``: the caller has run the xlsx guard on ``path`` already (the file master)."""
    try:
        wb = _open(path, checked)
    except WorkbookError as exc:
        return [], [Problem(str(exc), file=path.name)]
    try:
        if spec().meta_sheet not in wb.sheetnames:  # type: ignore[attr-defined]
            pesan = (
                "Belum ada lembar isian di workbook ini: buat dengan kinerja lembar FILE."
                if lembar
                else "Bukan formulir Kinerja (metadata formulir tidak ada): gunakan file dari kinerja formulir."
            )
            return [], [Problem(pesan, file=path.name)]
        forms, problems = [], []
        if not lembar and has_macros(path):
            problems.append(Problem(
                "File berisi makro (VBA): makro tidak dijalankan dan diabaikan; hanya nilai sel yang dibaca.",
                file=path.name, tingkat="catatan"))
        for meta in _metas(wb, path.name):
            try:
                forms.append(_form(wb, path.name, meta))
            except WorkbookError as exc:
                problems.append(Problem(str(exc), meta.sheet, file=path.name))
        return forms, problems
    except WorkbookError as exc:
        return [], [Problem(str(exc), file=path.name)]
    except Exception as exc:
        return [], [
            Problem(f"File {path.name} tidak dapat dibaca: {type(exc).__name__}: {exc}", file=path.name)
        ]
    finally:
        wb.close()  # type: ignore[attr-defined]
