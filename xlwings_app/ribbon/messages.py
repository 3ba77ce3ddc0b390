"""The Indonesian texts of the ribbon's message boxes (values in, text out).

A message box should stay short (Excel cuts a long one): problems are listed up to ``LIMIT``,
each shortened, followed by how many more there are. A message that tells the user to run a
command names it by the full path of ``kinerja.exe`` (``kinerja_command``): pasang.bat installs
Kinerja into its own virtual environment, whose Scripts folder is not on PATH.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from xlwings_app.domain.problems import Problem

LIMIT = 8
WIDTH = 160
COMMANDS = (
    "baru", "contoh", "periksa", "hitung", "laporan", "laporan-iki", "arsip", "rencana", "perjanjian",
    "formulir", "lembar", "rekap", "tanda-terima", "laporan-pengumpulan", "kabupaten", "sop", "lke", "addin",
    "disposisi", "notulen", "program-kerja", "checklist", "tanda-terima-dokumen", "surat-pengantar",
    "pohon",
)  # fmt: skip
"""The ``kinerja`` commands (a test compares them with the CLI's)."""
_ALTERNATIVES = "|".join(sorted(COMMANDS, key=len, reverse=True))
_BARE_COMMAND = re.compile(rf"(?<![\\/\w.\"'])kinerja (?=(?:{_ALTERNATIVES})\b)")


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


def kinerja_executable() -> Path:
    """The ``kinerja`` command of the Kinerja this Python runs: beside ``python.exe`` in the virtual
    environment's Scripts folder (pasang.bat's ``%LOCALAPPDATA%\\Kinerja\\venv\\Scripts``)."""
    return Path(sys.executable).with_name("kinerja.exe" if sys.platform == "win32" else "kinerja")


def _quoted(argument: object) -> str:
    text = str(argument)
    return f'"{text}"' if not text or " " in text or "(" in text or "&" in text else text


def kinerja_command(*arguments: object) -> str:
    """What to type in Command Prompt to run ``kinerja`` with ``arguments``, each quoted when it
    holds a space, e.g. ``"C:\\...\\Kinerja\\venv\\Scripts\\kinerja.exe" addin pasang``."""
    return " ".join([f'"{kinerja_executable()}"', *(_quoted(part) for part in arguments)])


def runnable(message: str) -> str:
    """``message`` with every command it names (``kinerja hitung FILE``, from a service's refusal
    or a handler) given by the full path of ``kinerja.exe``, so that it can be typed as shown."""
    return _BARE_COMMAND.sub(lambda _: f'"{kinerja_executable()}" ', message)
