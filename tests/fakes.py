"""An in-memory master workbook for service tests (the port of ``services.master``, no file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlwings_app.domain.problems import Problem
from xlwings_app.sheets.changes import Change


@dataclass
class FakeMaster:
    """Holds already-read data; records what a service stages and how often it commits."""

    workbook: Any = None
    sop_workbook: Any = None
    path: Path = Path("contoh.xlsx")
    name: str = "contoh.xlsx"
    live: bool = False
    sheets: list[str] = field(default_factory=list)
    staged: list[Change] = field(default_factory=list)
    committed: list[list[Change]] = field(default_factory=list)
    marked: list[Problem] = field(default_factory=list)
    reads: int = 0
    sheet_rows: dict[str, list[list[object]]] = field(default_factory=dict)

    def data(self) -> Any:
        self.reads += 1
        return self.workbook

    def sop(self) -> Any:
        return self.sop_workbook

    def sheet_names(self) -> list[str]:
        return list(self.sheets)

    def rows(self, sheet: str) -> list[list[object]]:
        return [list(r) for r in self.sheet_rows.get(sheet, [])]

    def selected_row(self) -> tuple[str, int] | None:
        return None

    def lembar(self) -> tuple[list[Any], list[Problem]]:
        return [], []

    def mark(self, problems: list[Problem]) -> int:
        self.marked = list(problems)
        return len(problems)

    def stage(self, change: Change) -> None:
        self.staged.append(change)

    def commit(self) -> Path | None:
        self.committed.append(self.staged)
        self.staged = []
        return None

    def close(self) -> None:
        pass
