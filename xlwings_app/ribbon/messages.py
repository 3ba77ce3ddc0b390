"""The Indonesian texts of the ribbon's message boxes (pure: values in, text out).

A message box should stay short (Excel cuts a long one): problems are listed up to ``LIMIT``,
each shortened, followed by how many more there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from xlwings_app.domain.problems import Problem

LIMIT = 8
WIDTH = 160


def _short(text: str) -> str:
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def _where(p: Problem, with_file: bool = False) -> str:
    place = f"{p.sheet}!{p.sel}" if p.sheet and p.sel else p.sheet or ""
    if with_file and p.file:
        place = f"{p.file}, {place}" if place else p.file
    if not p.sel and p.baris and p.sheet:
        place += f" baris {p.baris}"
    return f"{place}: " if place else ""


def problem_list(problems: Sequence[Problem], limit: int = LIMIT, with_file: bool = False) -> str:
    """The first ``limit`` problems, errors first, one per line (``with_file``: the file named
    too, for problems of several files), then how many more."""
    ordered = sorted(problems, key=lambda p: not p.is_error)
    lines = [f"- {_short(_where(p, with_file) + p.pesan)}" for p in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(f"… dan {len(ordered) - limit} masalah lainnya.")
    return "\n".join(lines)


def problems_message(problems: Sequence[Problem], marked: int, stopped: str) -> str:
    """``stopped``: what was not done because of the errors (e.g. "Hasil tidak ditulis.")."""
    galat = sum(p.is_error for p in problems)
    head = f"Ditemukan {len(problems)} masalah ({galat} galat)."
    if marked:
        head += f" {marked} sel diwarnai oranye dan diberi catatan."
    tail = f"\n\n{stopped} Perbaiki lalu klik lagi." if galat else ""
    return f"{head}\n\n{problem_list(problems)}{tail}"


def percent(value: Decimal | None) -> str:
    """``Decimal("97.456")`` → "97,46%"; None → "-"."""
    if value is None:
        return "-"
    return f"{value:.2f}".replace(".", ",") + "%"
