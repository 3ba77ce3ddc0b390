"""What every ribbon click runs: ``dispatch(button_id)``, called by RunPython.

Importing this module imports only the registry; the handler's module is imported on the click,
and xlwings only once a handler is found. No exception leaves ``dispatch``: a ``PesanPengguna``
is shown as its message; anything else as a short Indonesian message naming the log file, and
its traceback is appended to that log in the user's temp folder.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from xlwings_app.domain.problems import Refusal
from xlwings_app.ribbon.errors import PesanPengguna
from xlwings_app.ribbon.registry import HANDLERS, LABELS

TITLE = "Kinerja"


class UnknownButton(LookupError):
    """A button id with no handler in the registry."""


def resolve(button_id: str) -> Callable[[Any], object]:
    """Import and return the handler of ``button_id``."""
    try:
        target = HANDLERS[button_id]
    except KeyError:
        raise UnknownButton(button_id) from None
    module_name, _, function_name = target.partition(":")
    handler: Callable[[Any], object] = getattr(importlib.import_module(module_name), function_name)
    return handler


def log_path() -> Path:
    """The log of failed clicks: ``<temp>/kinerja/kinerja-ribbon.log``."""
    return Path(tempfile.gettempdir()) / "kinerja" / "kinerja-ribbon.log"


def dispatch(button_id: str, book: Any = None) -> None:
    """Run the handler of ``button_id`` on ``book`` (default: ``xlwings.Book.caller()``)."""
    label = LABELS.get(button_id, button_id)
    try:
        handler = resolve(button_id)
        if book is None:
            import xlwings as xw

            book = xw.Book.caller()
        handler(book)
    except UnknownButton:
        show(book, f"Tombol '{label}' belum tersedia di versi Kinerja ini.")
    except PesanPengguna as refusal:
        show(book, str(refusal))
    except Refusal as refusal:  # every service refusal, translated here once
        show(book, "\n".join(refusal.lines(limit=8)))
    except Exception:
        show(book, unexpected_message(label, _log(button_id)))


def unexpected_message(label: str, log: Path | None) -> str:
    """The Indonesian message for a click that failed unexpectedly: never a traceback."""
    where = f" Rincian teknis dicatat di:\n{log}" if log else ""
    return f"'{label}' gagal karena kesalahan yang tidak terduga.{where}"


def _log(button_id: str) -> Path | None:
    """Append the current traceback to the log; ``None`` if even that fails."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')} {button_id}\n")
            log.write(traceback.format_exc())
    except OSError:
        return None
    return path


def show(book: Any, message: str) -> None:
    """A message box in Excel; on stderr when there is no Excel to show it."""
    try:
        if book is not None:
            book.app.alert(message, title=TITLE)
            return
    except Exception:
        _log("alert")
    if sys.platform.startswith("win"):
        try:
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, message, TITLE, 0x10)  # type: ignore[attr-defined]
            return
        except Exception:
            _log("MessageBoxW")
    print(message, file=sys.stderr)
