"""Opening a workbook file for the sheet readers: calamine first, openpyxl when calamine cannot.

The rules of reading live beside each sheet's layout in ``sheets/`` (``sheets.inputs``,
``sheets.sop_workbook``, ``sheets.riwayat``); this module only hands them a workbook file's rows as a
``sheets.source.SheetSource``: ``FileReading`` opens an already-guarded file once, through calamine
(``adapters.xlsx.calamine.CalamineSource``), and through openpyxl's read-only mode
(``OpenpyxlSource``) when calamine fails. Only an engine's failure falls back (opening the file,
parsing a part, a calamine error: ``EngineFailure``); a rule that raises is a bug and reaches the
caller as it is, never as "file unreadable". ``read_workbook``, ``read_sop_workbook``, ``list_sops``
and ``read_riwayat`` guard a file (``guard.check_xlsx``), open it and read it.

openpyxl (whose import alone costs more than reading a workbook with calamine) is imported only
when a file is read through it: the fallback, or a workbook opened with openpyxl handed over as an
``OpenpyxlSource``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from xlwings_app.adapters.xlsx.calamine import CalamineSource, sheet_part_names
from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx, ensure_defused
from xlwings_app.adapters.xlsx.sheet_parts import merged_ranges
from xlwings_app.adapters.xlsx.sheet_parts import tables as sheet_tables
from xlwings_app.domain.numbers import is_percent_format, with_format
from xlwings_app.domain.problems import Problem, Refusal
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.sheets.inputs import read_inputs
from xlwings_app.sheets.riwayat import Entry, read_riwayat_sheet
from xlwings_app.sheets.sop_layout import DEFAULT_PLACE, SopPlace
from xlwings_app.sheets.sop_sheet import sop_places
from xlwings_app.sheets.sop_workbook import read_sop_sheets
from xlwings_app.sheets.source import Row, SheetSource, TableInfo


@cache
def _cached_parser() -> Any:
    """openpyxl's sheet parser reading cached values, except that a formula Excel stored no value
    for comes back as its text ("=SUM(A1:A2)") instead of a blank (it is never evaluated)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class CachedParser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = "=" + (element.findtext(FORMULA_TAG) or "")
            return cell

    return CachedParser


def number_format_of(wb: Any, style_id: int) -> str:
    """The number format code of cell style ``style_id`` of an openpyxl workbook."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    fmt_id = wb._cell_styles[style_id].numFmtId if style_id < len(wb._cell_styles) else 0
    if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
        return str(BUILTIN_FORMATS.get(fmt_id, "General"))
    return str(wb._number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE])


class OpenpyxlSource:
    """A workbook file opened read-only by openpyxl (cached values; formulas are never evaluated).
    Numbers with a percent number format come as ``Percent``. Tables and merged ranges are read
    from the package at ``path`` (read-only openpyxl gives neither) or from a workbook opened for
    writing."""

    def __init__(self, wb: Any, path: Path | None = None) -> None:
        self._wb = wb
        self._path = path
        self._percent = {
            i for i in range(len(wb._cell_styles)) if is_percent_format(number_format_of(wb, i))
        }

    @property
    def sheetnames(self) -> list[str]:
        return [ws.title for ws in self._wb.worksheets]

    def _part(self, sheet: str) -> tuple[zipfile.ZipFile, str] | None:
        if self._path is None:
            return None
        archive = zipfile.ZipFile(self._path)
        part = sheet_part_names(archive).get(sheet)
        if part is None or part not in archive.namelist():
            archive.close()
            return None
        return archive, part

    def tables(self, sheet: str) -> list[TableInfo]:
        ws = self._wb[sheet]
        if hasattr(ws, "tables"):
            return [TableInfo(t.displayName, t.ref, int(t.totalsRowCount or 0)) for t in ws.tables.values()]
        found = self._part(sheet)
        if found is None:
            return []
        with found[0] as archive:
            return sheet_tables(archive, found[1])

    def merged(self, sheet: str) -> list[str]:
        ws = self._wb[sheet]
        if hasattr(ws, "merged_cells"):
            return [str(r) for r in ws.merged_cells.ranges]
        found = self._part(sheet)
        if found is None:
            return []
        with found[0] as archive:
            return merged_ranges(archive.read(found[1]))

    def iter_values(self, sheet: str) -> Iterable[Row]:
        ws = self._wb[sheet]
        if not hasattr(ws, "_get_source"):  # a workbook opened for writing: formulas are text already
            return (tuple(with_format(c.value, c.number_format) for c in row) for row in ws.iter_rows())
        return self._read_only_rows(ws)

    def _read_only_rows(self, ws: Any) -> Iterator[Row]:
        """As openpyxl's ``iter_rows(values_only=True)``: rows as wide as the sheet's dimension."""
        wb = self._wb
        width, height = ws.max_column, ws.max_row
        with ws._get_source() as src:
            parser = _cached_parser()(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                      date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
            expected = 1
            for index, cells in parser.parse():
                if height is not None and index > height:
                    break
                for _ in range(expected, index):
                    yield (None,) * (width or 0)
                size = width or max((c["column"] for c in cells), default=0)
                row: list[object] = [None] * size
                for c in cells:
                    if c["column"] <= size:
                        value = c["value"]
                        if c["style_id"] in self._percent:
                            value = with_format(value, "0%")
                        row[c["column"] - 1] = value
                yield tuple(row)
                expected = index + 1
        for _ in range(expected, (height or 0) + 1):
            yield (None,) * (width or 0)


class EngineFailure(Exception):
    """An engine could not read the file (opening it, parsing one of its parts): another engine may.
    The engine's own exception is the ``__cause__``."""


def engine_call(call: Callable[..., Any], *args: object) -> Any:
    """``call(*args)``, an engine's call: its failure an ``EngineFailure`` (a refusal stays one)."""
    try:
        return call(*args)
    except Refusal:
        raise
    except Exception as exc:
        raise EngineFailure(type(exc).__name__) from exc


def _engine_rows(rows: Iterable[Row]) -> Iterable[Row]:
    """``rows`` as they are, when read already (a list); else read one by one, a failure of the
    engine's parser along the way an ``EngineFailure``."""
    if isinstance(rows, list):
        return rows
    return _guarded(iter(rows))


def _guarded(rows: Iterator[Row]) -> Iterator[Row]:
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Refusal:
            raise
        except Exception as exc:
            raise EngineFailure(type(exc).__name__) from exc
        yield row


class EngineSource:
    """A file's ``SheetSource`` whose engine failures are ``EngineFailure`` (and nothing else is):
    what ``FileReading`` hands the readers, so that only the engine's failures fall back."""

    def __init__(self, source: CalamineSource | OpenpyxlSource) -> None:
        self._source = source

    @property
    def sheetnames(self) -> list[str]:
        return list(engine_call(lambda: self._source.sheetnames))

    def iter_values(self, sheet: str) -> Iterable[Row]:
        return _engine_rows(engine_call(self._source.iter_values, sheet))

    def take(self, sheet: str) -> Iterable[Row]:
        """The rows of ``sheet`` for one reading top to bottom (``CalamineSource.take``: parsed here,
        then handed over row by row, each let go)."""
        take: Callable[[str], Iterable[Row]] | None = getattr(self._source, "take", None)
        if take is None:
            return self.iter_values(sheet)
        engine_call(self._source.iter_values, sheet)  # parsed now: a failure here is the engine's
        return take(sheet)

    def tables(self, sheet: str) -> list[TableInfo]:
        return list(engine_call(self._source.tables, sheet))

    def merged(self, sheet: str) -> list[str]:
        return list(engine_call(self._source.merged, sheet))


T = TypeVar("T")


def read_file(path: Path, read: Callable[[SheetSource, Path], T]) -> T:
    """Open the workbook file at ``path`` safely and hand it to ``read`` as a ``SheetSource``.

    The file is checked first (``check_xlsx``), then read by a ``FileReading``: a file no engine can
    read is a ``WorkbookError`` naming it; a failure of ``read`` itself is raised as it is.
    """
    check_xlsx(path)
    reading = FileReading(path)
    try:
        return reading.read(read)
    finally:
        reading.close()


class FileReading:
    """One already-checked workbook file, open for reading for as long as an action needs it.

    Each ``read(fn)`` hands the file to ``fn`` as a ``SheetSource`` (an ``EngineSource``): through
    calamine when it can (fast; opened once, its sheets parsed once), otherwise, or when calamine
    fails, through openpyxl (loaded once, read only), whose failures are the messages the user sees.
    A failure of ``fn`` itself is not the file's: it is raised as it is (the CLI's internal error).
    It never checks the file itself: whoever opens it has run ``check_xlsx`` once (``read_file``,
    the file master).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fast: CalamineSource | None = None
        self._fast_failed = False
        self._wb: Any = None

    def read(self, read: Callable[[SheetSource, Path], T]) -> T:
        """``read`` of the file through calamine; through openpyxl when calamine fails (an
        ``EngineFailure``: opening the file, parsing a part), whose own failure is a
        ``WorkbookError`` naming the file. Any other exception is ``read``'s and is raised as it is."""
        path = self.path
        fast = self._calamine()
        if fast is not None:
            try:
                return read(EngineSource(fast), path)
            except EngineFailure:
                self._fast_failed = True
        try:
            return read(EngineSource(OpenpyxlSource(self._openpyxl(), path)), path)
        except EngineFailure as failure:
            cause = failure.__cause__
            raise WorkbookError(f"File {path.name} tidak dapat dibaca: {type(cause).__name__}: {cause}") from cause

    def forget(self) -> None:
        """Drop the sheets parsed so far (``CalamineSource.forget``); a later read parses again."""
        if self._fast is not None:
            self._fast.forget()

    def _calamine(self) -> CalamineSource | None:
        if self._fast is None and not self._fast_failed:
            try:
                self._fast = CalamineSource(self.path)
            except Exception:
                self._fast_failed = True
        return None if self._fast_failed else self._fast

    def _openpyxl(self) -> Any:
        if self._wb is None:
            path = self.path
            from openpyxl import load_workbook
            from openpyxl.utils.exceptions import InvalidFileException

            ensure_defused()  # openpyxl itself parses through defusedxml, now that it is loaded
            try:
                self._wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
            except (InvalidFileException, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
                raise WorkbookError(f"File {path.name} tidak dapat dibuka sebagai workbook Excel: {exc}") from exc
            except Exception as exc:  # defusedxml refusals and parser errors of hostile files
                raise WorkbookError(
                    f"File {path.name} ditolak: isinya tidak aman atau rusak ({type(exc).__name__})."
                ) from exc
        return self._wb

    def close(self) -> None:
        if self._fast is not None:
            self._fast.close()
            self._fast = None
        if self._wb is not None:
            self._wb.close()
            self._wb = None


def read_workbook(path: Path) -> WorkbookData:
    """Read every input of the workbook at ``path``; raise ``WorkbookError`` if it cannot be opened."""
    return read_file(path, read_inputs)


def read_sop_workbook(path: Path, place: SopPlace = DEFAULT_PLACE) -> SopWorkbook:
    """Read the SOP sheets of the workbook at ``path``; ``WorkbookError`` if it cannot be opened."""
    return read_file(path, lambda source, named: read_sop_sheets(source, named, place))


def list_sops(path: Path) -> list[tuple[SopPlace, str]]:
    """``sheets.sop_sheet.sop_places`` of the workbook file at ``path``."""
    return read_file(path, lambda source, _: sop_places(source))


def read_riwayat(path: Path) -> tuple[list[Entry], list[Problem]]:
    """Every Riwayat row of the workbook at ``path``; ``WorkbookError`` if it cannot be opened."""
    return read_file(path, lambda source, p: read_riwayat_sheet(source, p.name))
