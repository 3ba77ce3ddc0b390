"""Input problems as data (the beancount habit: ``check(...) -> problems``).

A problem says where (file, sheet, row, column, cell) and what is wrong, in Indonesian, with the
value seen. Validators collect every problem and return them all, so the user fixes everything in
one pass. A ``galat`` (error) blocks computing and writing; a ``peringatan`` (warning) asks the
user to look again where practice varies; a ``catatan`` (notice) only informs, e.g. that "1.234,5"
was read as the number 1234.5. Only a ``galat`` blocks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

Tingkat = Literal["galat", "peringatan", "catatan"]


@dataclass(frozen=True)
class Problem:
    """One input problem, located as precisely as the input allows."""

    pesan: str
    sheet: str | None = None
    baris: int | None = None
    kolom: str | None = None
    sel: str | None = None
    nilai: object = None
    file: str | None = None
    tingkat: Tingkat = "galat"

    @property
    def is_error(self) -> bool:
        return self.tingkat == "galat"

    def in_file(self, file: str) -> Problem:
        """The same problem, naming the file it was found in."""
        return replace(self, file=file)

    def where(self) -> str:
        """Human location, e.g. ``kinerja.xlsx, sheet IKU, sel H12 (kolom Realisasi TW I)``."""
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.sel:
            parts.append(f"sel {self.sel}")
        elif self.baris is not None:
            parts.append(f"baris {self.baris}")
        text = ", ".join(parts)
        if self.kolom:
            text += f" (kolom {self.kolom})"
        return text

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.pesan}" if where else self.pesan

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "baris": self.baris,
            "kolom": self.kolom,
            "sel": self.sel,
            "pesan": self.pesan,
            "tingkat": self.tingkat,
        }


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Only the problems that block the work (``galat``)."""
    return [p for p in problems if p.is_error]


def notices(problems: Iterable[Problem]) -> list[Problem]:
    """Only the problems that do not block (``peringatan`` and ``catatan``)."""
    return [p for p in problems if not p.is_error]
