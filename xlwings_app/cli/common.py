"""What every command shares: error translation, exit codes, problem tables, JSON output.

Exit codes: 0 the input is valid and the work was done; 2 the input has problems (all listed,
nothing written) or the file cannot be used as it is; 1 an internal error (a bug: the message says
where the details were logged).
"""

from __future__ import annotations

import errno
import functools
import json
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import typer

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.problems import Problem, Refusal

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2


class _LazyConsole:
    """A rich ``Console`` made on first use: a command that prints only plain lines (``typer.echo``)
    does not load rich."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return getattr(self._console, name)


console: Any = _LazyConsole(highlight=False, width=None if sys.stdout.isatty() else 150)
err_console: Any = _LazyConsole(stderr=True, highlight=False)
P = ParamSpec("P")
R = TypeVar("R")


def log_file() -> Path:
    return Path(tempfile.gettempdir()) / "kinerja-galat.log"


def translate_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn known failures into an Indonesian message and exit code; never show a traceback."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except Refusal as exc:
            print_refusal(exc)
            raise typer.Exit(exc.exit_code) from None
        except OSError as exc:
            if exc.errno not in FILE_SYSTEM_REFUSALS:
                raise
            print_refusal(file_system_refusal(exc))
            raise typer.Exit(EXIT_INPUT) from None
        except KeyboardInterrupt:
            err_console.print("Dibatalkan.")
            raise typer.Exit(EXIT_INTERNAL) from None
        except Exception:
            if os.environ.get("KINERJA_DEBUG"):
                raise
            with log_file().open("a", encoding="utf-8") as handle:
                handle.write(traceback.format_exc() + "\n")
            err_console.print(
                f"[bold red]Galat internal Kinerja[/] (bukan kesalahan isian Anda). Rinciannya dicatat di {log_file()}; "
                "kirim file itu kepada pengelola aplikasi."
            )
            logging.getLogger("kinerja").debug("internal error", exc_info=True)
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


FILE_SYSTEM_REFUSALS = {
    errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EROFS, errno.EACCES, errno.EPERM,
}
"""What a file system answers when a folder cannot be written (full, read-only, not allowed): a place the
user must change, exit code 2, wherever in a command it shows (the services translate what they foresee)."""


def file_system_refusal(exc: OSError) -> Refusal:
    """``exc`` as a refusal naming its file (Indonesian, ``adapters.documents.atomic.reason``)."""
    from xlwings_app.adapters.documents.atomic import reason

    where = exc.filename if isinstance(exc.filename, str | os.PathLike) else None
    shown = f"File {os.fsdecode(where)}" if where is not None else "Sebuah file"
    return Refusal(f"{shown} tidak dapat dipakai: {reason(exc)}. Perintah dihentikan.")


def print_refusal(refusal: Refusal) -> None:
    """A refusal of any service: "Gagal: <pesan>", then every problem behind it on its own line."""
    err_console.print(f"[bold red]Gagal:[/] {refusal.pesan}", markup=True)
    for problem in refusal.problems:
        err_console.print(f"  - {problem}", markup=False, highlight=False)


def parse_periode(value: str | None) -> Periode | None:
    """The ``--periode`` option: TW1..TW4 or TAHUNAN (aliases accepted); ``None`` when absent."""
    if not value:
        return None
    try:
        return Periode.parse(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def plain_table(title: str, columns: Sequence[str]) -> Table:
    """A titled table whose columns fold what does not fit (rich loaded here, on first use)."""
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def add_plain_row(table: Table, *cells: str) -> None:
    """A row of plain text: a user's "[...]" stays as typed (never rich markup), and plain text is
    measured faster than markup."""
    from rich.text import Text

    table.add_row(*(Text(cell) for cell in cells))


TABLE_LIMIT = 100
"""Above this many rows the terminal prints no table: problems come as plain lines (all of them, one
each), results as a summary only (every row is in sheet Hasil and ``--json``). A rich table of
thousands of rows takes seconds (docs/jalur-cepat.md)."""


def print_problems(problems: Iterable[Problem], title: str = "Masalah isian", with_file: bool = False) -> None:
    """Every problem at once: a table (level, [file,] sheet, cell, column, message), or for more than
    ``TABLE_LIMIT`` problems one line each; on stderr when any is an error."""
    items = list(problems)
    if not items:
        return
    err = any(p.is_error for p in items)
    if len(items) > TABLE_LIMIT:
        from xlwings_app.domain.formatting import angka

        lines = [f"{title} ({angka(len(items))}):", *(f"  {p.tingkat}: {p}" for p in items)]
        typer.echo("\n".join(lines), err=err)
        return
    table = plain_table(title, ("Tingkat", *(("File",) if with_file else ()), "Sheet", "Sel", "Kolom", "Pesan"))
    for p in items:
        where = (p.sheet or "", p.sel or (str(p.baris) if p.baris else ""), p.kolom or "", p.pesan)
        add_plain_row(table, p.tingkat, *((p.file or "",) if with_file else ()), *where)
    (err_console if err else console).print(table)


def number(value: Decimal | None, places: int = 4) -> float | int | None:
    """A Decimal as a JSON number, rounded to ``places`` decimals (integers stay integers)."""
    if value is None:
        return None
    if value == value.to_integral_value() and abs(value) < 10**15:
        return int(value)
    return round(float(value), places)


def emit_json(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def problems_json(problems: Iterable[Problem]) -> list[dict[str, object]]:
    return [
        {
            "sheet": p.sheet,
            "baris": p.baris,
            "kolom": p.kolom,
            "sel": p.sel,
            "pesan": p.pesan,
            "tingkat": p.tingkat,
            "file": p.file,
        }
        for p in problems
    ]
