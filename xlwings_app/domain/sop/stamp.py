"""Catat Waktu Langkah: which cell of a Log Langkah row the current time goes into.

Rule: a step is stamped twice, when it starts and when it ends. The first click on a row fills
Mulai; the next fills Selesai; a row with both filled is left alone (the user corrects it by hand).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

Kolom = Literal["mulai", "selesai"]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def stamp_column(mulai: object, selesai: object) -> Kolom | None:
    """``"mulai"`` while Mulai is empty, else ``"selesai"`` while Selesai is empty, else None."""
    if _blank(mulai):
        return "mulai"
    if _blank(selesai):
        return "selesai"
    return None


def is_blank_row(row: Sequence[object], columns: dict[str, int]) -> bool:
    """No Periode and no Langkah: not a step of the log (yet)."""
    return all(_blank(row[columns[k]] if columns[k] < len(row) else None) for k in ("periode", "langkah"))
