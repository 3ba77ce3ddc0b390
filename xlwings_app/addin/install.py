"""Installing the add-in for the current Windows user: ``kinerja addin pasang`` / ``lepas``.

Excel opens every workbook in the user's XLSTART folder (%APPDATA%\\Microsoft\\Excel\\XLSTART) when
it starts, and XLSTART is a trusted location by default, so an add-in placed there loads with its
macros enabled. ``pasang`` builds the add-in straight into that folder with its config sheet
naming this Python (the interpreter running the command) and the folder holding xlwings_app.

Before that it checks the interpreter the way xlwings' VBA will use it (``XLPyLoadDLL``): the
xlwings DLL of the pinned version must lie beside ``python.exe`` (an ordinary install) or one
folder up (a virtual environment's ``Scripts\\python.exe``). A ``pip install --user`` puts the DLL
under %APPDATA%\\Python instead, and the Microsoft Store Python lives under WindowsApps, where
Excel cannot start it; both are refused with the fix.

The add-in is first written under a temporary name in XLSTART's parent folder, which Excel does
not open, then moved into XLSTART in one step: an install killed half-way never leaves a second
Kinerja add-in for Excel to load.
"""

from __future__ import annotations

import contextlib
import ntpath
import os
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from xlwings_app.addin.config_sheet import AddinConfig
from xlwings_app.addin.xlam import TEMP_PREFIX, build_xlam

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


def xlwings_dll(bits: int | None = None) -> str:
    """The DLL name xlwings' VBA declares, e.g. ``xlwings64-0.37.8.dll`` (bits of this Python)."""
    from importlib.metadata import version

    bits = bits or struct.calcsize("P") * 8
    return f"xlwings{bits}-{version('xlwings')}.dll"


def dll_folders(interpreter: str) -> list[str]:
    """Where xlwings' VBA looks for its DLL: the interpreter's folder, then the one above it."""
    here = ntpath.dirname(interpreter)
    return [here, ntpath.dirname(here)]


def interpreter_problem(interpreter: str, base_prefix: str = "") -> str | None:
    """What makes ``interpreter`` unusable by Excel whatever is installed, or None.

    ``base_prefix``: the installation a virtual environment was made from (``sys.base_prefix``).
    """
    parts = [part.lower() for part in ntpath.normpath(interpreter).split("\\")]
    base = [part.lower() for part in ntpath.normpath(base_prefix).split("\\")] if base_prefix else []
    if "windowsapps" in parts or "windowsapps" in base:
        return (
            f"Python ini berasal dari Microsoft Store ({interpreter}); Excel tidak dapat menjalankannya "
            "dari add-in. Pasang Python dari https://www.python.org/downloads/windows/ (centang 'Add "
            "python.exe to PATH'), pasang Kinerja dengan Python itu, lalu ulangi 'kinerja addin pasang'."
        )
    if not ntpath.isabs(interpreter) or not parts[-1].endswith(".exe"):
        return f"Interpreter harus berupa path lengkap ke python.exe, tertulis: '{interpreter}'."
    return None


def check_interpreter(
    interpreter: str,
    dll: str | None = None,
    exists: Callable[[str], bool] = os.path.isfile,
    base_prefix: str = "",
) -> None:
    """Refuse an interpreter xlwings' VBA cannot use, saying how to fix it (``InstallError``).

    ``exists`` answers whether a file exists (a simulated file system in the tests).
    """
    problem = interpreter_problem(interpreter, base_prefix)
    if problem:
        raise InstallError(problem)
    dll = dll or xlwings_dll()
    folders = dll_folders(interpreter)
    if any(exists(ntpath.join(folder, dll)) for folder in folders):
        return
    raise InstallError(
        f"{dll} tidak ada di samping {interpreter} maupun satu folder di atasnya "
        f"({folders[0]}; {folders[1]}), tempat add-in mencarinya. Biasanya karena xlwings dipasang "
        "dengan 'pip install --user'. Perbaiki dengan memasang Kinerja untuk Python itu tanpa "
        "--user (Command Prompt sebagai administrator: python -m pip install --force-reinstall "
        "xlwings==0.37.8), atau di virtual environment (python -m venv C:\\Kinerja\\venv), lalu "
        "ulangi 'kinerja addin pasang' dengan Python itu."
    )


def pasang(
    xlstart: Path, interpreter: str | None = None, exists: Callable[[str], bool] = os.path.isfile
) -> Installed:
    """Build the add-in into ``xlstart`` with this interpreter and PYTHONPATH in its config."""
    base_prefix = "" if interpreter else sys.base_prefix  # a venv of the Store Python is refused too
    interpreter = interpreter or sys.executable
    check_interpreter(interpreter, exists=exists, base_prefix=base_prefix)
    config = AddinConfig(interpreter_win=interpreter, pythonpath=str(package_root()))
    target = xlstart / ADDIN_FILE
    staging = xlstart.parent
    _remove_leftovers(xlstart, staging)
    try:
        build_xlam(target, config, temp_dir=staging)
    except PermissionError as error:
        raise InstallError(
            f"{target} tidak dapat ditulis (sedang dibuka Excel?). Tutup Excel lalu ulangi."
        ) from error
    return Installed(target, config.interpreter_win, config.pythonpath)


def _remove_leftovers(xlstart: Path, staging: Path) -> None:
    """Temporary files of an install that was killed: ours only, by their prefix."""
    leftovers = [*staging.glob(f"{TEMP_PREFIX}*.tmp"), *xlstart.glob(f"{TEMP_PREFIX}*.xlam")]
    for path in leftovers:
        with contextlib.suppress(OSError):
            path.unlink()


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
