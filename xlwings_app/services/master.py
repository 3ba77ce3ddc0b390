"""The master workbook of one user action: the unit of work every service runs on.

An action opens the master once (the xlsx guard runs once), reads what it needs once (inputs, SOP
sheets, lembar sheets), stages its changes as values (``sheets.changes``) and commits them once. The
master is a file (``adapters.xlsx.master.FileMaster``: zip patch, openpyxl fallback, atomic save with
backup) or the workbook open in Excel (``adapters.xlwings.master.LiveMaster``): the CLI and the ribbon
call the same services. Tests may pass any object with this shape (an in-memory fake).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from xlwings_app.domain.problems import Problem
from xlwings_app.sheets.changes import Change

if TYPE_CHECKING:
    from xlwings_app.domain.sop.workbook import SopWorkbook
    from xlwings_app.domain.workbook_data import WorkbookData
    from xlwings_app.forms.filled import FilledForm


class Master(Protocol):
    """The port: what a service may ask of the master workbook."""

    path: Path
    name: str
    live: bool

    def data(self) -> WorkbookData: ...
    def sop(self) -> SopWorkbook: ...
    def sheet_names(self) -> list[str]: ...
    def rows(self, sheet: str) -> list[list[object]]: ...
    def selected_row(self) -> tuple[str, int] | None: ...
    def lembar(self) -> tuple[list[FilledForm], list[Problem]]: ...
    def mark(self, problems: list[Problem]) -> int: ...
    def stage(self, change: Change) -> None: ...
    def commit(self) -> Path | None: ...
    def close(self) -> None: ...


def open_file(path: Path) -> Master:
    """The workbook file at ``path``, guarded once; ``WorkbookError`` when it cannot be used."""
    from xlwings_app.adapters.xlsx.master import FileMaster

    return FileMaster.open(path)


def open_live(book: Any) -> Master:
    """The workbook open in Excel (an ``xlwings.Book``)."""
    from xlwings_app.adapters.xlwings.master import LiveMaster

    return LiveMaster(book)


def as_master(source: Path | Master) -> Master:
    """``source`` itself when it is a master, else the file it names, opened once."""
    return open_file(source) if isinstance(source, Path) else source


@contextmanager
def using(source: Path | Master) -> Iterator[Master]:
    """The master of ``source`` for one action; a file opened here is closed after it."""
    master = as_master(source)
    try:
        yield master
    finally:
        if master is not source:
            master.close()
