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


class Refusal(Exception):
    """The one refusal of the house: the work cannot go on with this input; nothing was written.

    ``pesan`` is an Indonesian sentence for the user and ``problems`` every problem behind it (all
    at once, each naming its cell). The CLI turns it into exit code 2 and the ribbon into a message
    box, each in one place; every named refusal (an unreadable file, a refused document, a
    template or PDF that cannot be made) is a subclass.
    """

    exit_code = 2
    """The CLI's exit code for this refusal: 2, the input must be fixed."""

    def __init__(self, pesan: str, problems: Iterable[Problem | str] = ()) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.problems: list[Problem | str] = list(problems)

    def lines(self, limit: int | None = None) -> list[str]:
        """The message, then one line per problem (at most ``limit``, with a count of the rest)."""
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [self.pesan, *(f"- {p}" for p in shown)]
        if limit is not None and len(self.problems) > limit:
            lines.append(f"… dan {len(self.problems) - limit} masalah lainnya.")
        return lines
