"""What every ribbon click runs: ``dispatch(button_id, addin_version=...)``, called by the add-in.

A click runs in xlwings' long-lived Python (the UDF server; see macros/KinerjaRibbon.bas), or in
a new Python per click when the user's kinerja.conf says ``"USE UDF SERVER","False"``. So a click
must be safe in a process that outlives it:
- nothing is kept between clicks: the handler gets the calling book and reads the workbook anew
  (``live.master``); the only module-level caches are of declared, immutable data (the layout,
  the SOP presets, compiled rule expressions, holidays per year), bounded and keyed by their input;
- a process left from another Kinerja version is noticed (``changed_version``) before any handler
  runs: the add-in passes its version, and the version installed on disk is read afresh;
- importing this module imports only the registry (a first click, or a click in a new process,
  stays cheap); the handler's module is imported on the click.

No exception leaves ``dispatch``: a ``PesanPengguna`` is shown as its message; anything else as a
short Indonesian message naming the log file, and its traceback is appended to that log in the
user's temp folder. After every click the workbook reference xlwings was handed is dropped
(``release_caller``).
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


def running_version() -> str:
    """The Kinerja version this process imported (it stays the same for the process's life)."""
    import xlwings_app

    return xlwings_app.__version__


def installed_version() -> str | None:
    """The version of the ``kinerja`` package installed on disk now, read afresh on every call."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        return distribution("kinerja").version
    except PackageNotFoundError:
        return None


def changed_version(addin_version: str | None, installed: str | None = None) -> str | None:
    """The Indonesian message when the add-in, this process and the installed package disagree.

    ``installed`` defaults to ``installed_version()``. None when all agree (an empty or missing
    ``addin_version``, from an add-in built before it carried one, is not compared).
    """
    running = running_version()
    installed = installed_version() if installed is None else installed
    if installed and installed != running:
        return (
            f"Kinerja versi {installed} sudah dipasang, tetapi Python yang sedang melayani Excel masih "
            f"memuat versi {running}. Tutup semua jendela Excel lalu buka kembali, kemudian klik lagi."
        )
    if addin_version and addin_version != running:
        from xlwings_app.ribbon.messages import kinerja_command

        return (
            f"Add-in Kinerja.xlam versi {addin_version} tidak sama dengan paket Kinerja versi {running}. "
            f"Tutup Excel, lalu di Command Prompt jalankan: {kinerja_command('addin', 'pasang')} "
            "(atau jalankan lagi pasang.bat dari paket pemasangan), lalu buka Excel lagi."
        )
    return None


def dispatch(button_id: str, book: Any = None, addin_version: str | None = None) -> None:
    """Run the handler of ``button_id`` on ``book`` (default: ``xlwings.Book.caller()``).

    ``addin_version``: the version the add-in was built with (its KINERJA_VERSI setting).
    """
    label = LABELS.get(button_id, button_id)
    try:
        if book is None:
            import xlwings as xw

            book = xw.Book.caller()
        changed = changed_version(addin_version)
        if changed:
            raise PesanPengguna(changed)
        handler = resolve(button_id)
        handler(book)
    except UnknownButton:
        show(book, f"Tombol '{label}' belum tersedia di versi Kinerja ini.")
    except PesanPengguna as refusal:
        show(book, str(refusal))
    except Refusal as refusal:  # every service refusal, translated here once
        show(book, "\n".join(refusal.lines(limit=8)))
    except Exception:
        show(book, unexpected_message(label, _log(button_id)))
    finally:
        release_caller()


def release_caller() -> None:
    """Drop the workbook the add-in handed to xlwings for this click (``BOOK_CALLER``, set by
    KinerjaRibbon.bas as xlwings' own RunPython does). The long-lived Python would otherwise keep
    a COM reference to the last clicked workbook until the next click, and Excel could not let it
    go when the user closes it."""
    windows = sys.modules.get("xlwings._xlwindows")
    if windows is not None and getattr(windows, "BOOK_CALLER", None) is not None:
        setattr(windows, "BOOK_CALLER", None)  # noqa: B010 - a module attribute mypy does not know


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
    """A message box in Excel; on stderr when there is no Excel to show it. A command the message
    names is given by the full path of ``kinerja.exe`` (``messages.runnable``)."""
    from xlwings_app.ribbon.messages import runnable

    message = runnable(message)
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
