"""Installing the add-in for the current Windows user: ``kinerja addin pasang`` / ``lepas``.

Excel opens every workbook in the user's XLSTART folder (%APPDATA%\\Microsoft\\Excel\\XLSTART) when
it starts, and XLSTART is a trusted location by default, so an add-in placed there loads with its
macros enabled. ``pasang`` builds the add-in straight into that folder with its config sheet
naming this Python (the interpreter running the command) and the folder holding xlwings_app.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from xlwings_app.addin.config_sheet import AddinConfig
from xlwings_app.addin.xlam import build_xlam

ADDIN_FILE = "Kinerja.xlam"


class InstallError(RuntimeError):
    """Installing or removing cannot go on; ``str(self)`` is an Indonesian message."""


@dataclass(frozen=True)
class Installed:
    """What ``pasang`` did."""

    addin: Path
    interpreter: str
    pythonpath: str


def is_windows() -> bool:
    return sys.platform.startswith("win")


def xlstart_dir() -> Path:
    """The user's XLSTART folder (Windows)."""
    appdata = os.environ.get("APPDATA")
    if not appdata:
        raise InstallError("Variabel lingkungan APPDATA tidak ada; folder XLSTART tidak diketahui.")
    return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"


def package_root() -> Path:
    """The folder that holds the ``xlwings_app`` package: the add-in's PYTHONPATH."""
    import xlwings_app

    return Path(xlwings_app.__file__).resolve().parent.parent


def pasang(xlstart: Path, interpreter: str | None = None) -> Installed:
    """Build the add-in into ``xlstart`` with this interpreter and PYTHONPATH in its config."""
    config = AddinConfig(interpreter_win=interpreter or sys.executable, pythonpath=str(package_root()))
    target = xlstart / ADDIN_FILE
    try:
        build_xlam(target, config)
    except PermissionError as error:
        raise InstallError(
            f"{target} tidak dapat ditulis (sedang dibuka Excel?). Tutup Excel lalu ulangi."
        ) from error
    return Installed(target, config.interpreter_win, config.pythonpath)


def lepas(xlstart: Path) -> Path | None:
    """Remove the add-in from ``xlstart``; return its path, or None if it was not there."""
    target = xlstart / ADDIN_FILE
    if not target.exists():
        return None
    try:
        target.unlink()
    except PermissionError as error:
        raise InstallError(
            f"{target} tidak dapat dihapus (sedang dibuka Excel?). Tutup Excel lalu ulangi."
        ) from error
    return target
