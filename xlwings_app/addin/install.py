"""Installing the add-in for the current Windows user: ``kinerja addin pasang`` / ``lepas``.

Excel opens every workbook in the user's XLSTART folder (%APPDATA%\\Microsoft\\Excel\\XLSTART) when
it starts, and XLSTART is a trusted location by default, so an add-in placed there loads with its
macros enabled. ``pasang`` builds the add-in straight into that folder with its config sheet
naming this Python (the interpreter running the command) and the folder holding xlwings_app.

Before that it checks the interpreter the way xlwings' VBA will use it (``XLPyLoadDLL``): the
xlwings DLLs of the pinned version must lie beside ``python.exe`` (an ordinary install) or one
folder up (a virtual environment's ``Scripts\\python.exe``) — both of them, ``xlwings32-…`` for a
32-bit Excel and ``xlwings64-…`` for a 64-bit one: xlwings runs Python in a process of its own, so a
64-bit Python serves either Excel, and its Windows wheel ships both DLLs. A ``pip install --user``
puts the DLLs under %APPDATA%\\Python instead, and the Microsoft Store Python lives under
WindowsApps, where Excel cannot start it; both are refused with the fix. The VBA hands the
interpreter's path to Windows through the ANSI code page (``Declare`` strings, ``LoadLibraryA``,
the DLL's ``CreateProcessA``): a folder name the code page cannot hold (a user name in another
script) is refused too, naming pasang.bat's way to install elsewhere (``ansi_problem``).

After writing, the add-in is read back: an antivirus that quarantines it on the spot (Microsoft
Defender has flagged xlwings' own add-in, a false positive) is reported, not a silent missing tab.
Where Excel may not find the add-in (XLSTART redirected to a network share, Office from the
Microsoft Store) ``pasang`` says so in its result's notes.

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from xlwings_app.addin.config_sheet import AddinConfig
from xlwings_app.addin.xlam import TEMP_PREFIX, build_xlam

ADDIN_FILE = "Kinerja.xlam"


class InstallError(RuntimeError):
    """Installing or removing cannot go on; ``str(self)`` is an Indonesian message."""


@dataclass(frozen=True)
class Installed:
    """What ``pasang`` did, and what the user should know about this computer (``notes``)."""

    addin: Path
    interpreter: str
    pythonpath: str
    notes: tuple[str, ...] = ()


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


def xlwings_dlls() -> tuple[str, str]:
    """Both DLLs the add-in's VBA may load: 32-bit Excel loads the first, 64-bit Excel the second."""
    return xlwings_dll(32), xlwings_dll(64)


def ansi_code_page() -> str:
    """The Windows ANSI code page, e.g. ``cp1252``; ``utf-8`` where Windows uses UTF-8 for it."""
    if not is_windows():
        return "utf-8"
    import ctypes

    page = ctypes.windll.kernel32.GetACP()  # type: ignore[attr-defined]
    return "utf-8" if page == 65001 else f"cp{page}"


def ansi_problem(paths: Sequence[str], code_page: str) -> str | None:
    """The Indonesian message when a path cannot be written in the ANSI code page, or None."""
    for path in paths:
        try:
            path.encode(code_page)
        except UnicodeEncodeError:
            return (
                f"Folder '{path}' memuat huruf yang tidak dapat ditulis dalam kode halaman Windows "
                f"({code_page}); Excel memanggil Python lewat kode halaman itu, jadi add-in tidak "
                "dapat menjalankannya. Pasang Kinerja di folder bernama huruf Latin biasa: jalankan "
                "pasang.bat dengan folder tujuan, mis. pasang.bat C:\\Kinerja"
            )
    return None


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
            "python.exe to PATH'), lalu jalankan lagi pasang.bat (atau, dengan Python itu, "
            "'kinerja addin pasang')."
        )
    if not ntpath.isabs(interpreter) or not parts[-1].endswith(".exe"):
        return f"Interpreter harus berupa path lengkap ke python.exe, tertulis: '{interpreter}'."
    return None


def check_interpreter(
    interpreter: str,
    dlls: Sequence[str] | None = None,
    exists: Callable[[str], bool] = os.path.isfile,
    base_prefix: str = "",
) -> None:
    """Refuse an interpreter xlwings' VBA cannot use, saying how to fix it (``InstallError``).

    ``dlls``: the DLLs that must be where the VBA looks (default: both, ``xlwings_dlls``);
    ``exists`` answers whether a file exists (a simulated file system in the tests).
    """
    problem = interpreter_problem(interpreter, base_prefix)
    if problem:
        raise InstallError(problem)
    folders = dll_folders(interpreter)
    for dll in dlls or xlwings_dlls():
        if any(exists(ntpath.join(folder, dll)) for folder in folders):
            continue
        raise InstallError(
            f"{dll} tidak ada di samping {interpreter} maupun satu folder di atasnya "
            f"({folders[0]}; {folders[1]}), tempat add-in mencarinya. Biasanya karena xlwings dipasang "
            "dengan 'pip install --user'. Perbaiki dengan memasang Kinerja untuk Python itu tanpa "
            "--user (Command Prompt sebagai administrator: python -m pip install --force-reinstall "
            "xlwings==0.37.8), atau di virtual environment (python -m venv C:\\Kinerja\\venv), lalu "
            "jalankan lagi pasang.bat (atau 'kinerja addin pasang' dengan Python itu)."
        )


def pasang(
    xlstart: Path,
    interpreter: str | None = None,
    exists: Callable[[str], bool] = os.path.isfile,
    code_page: str | None = None,
    local_appdata: Path | None = None,
) -> Installed:
    """Build the add-in into ``xlstart`` with this interpreter and PYTHONPATH in its config.

    ``code_page``: Windows' ANSI code page (default: this computer's); ``local_appdata``: where
    Office from the Microsoft Store would keep its package (default: %LOCALAPPDATA%)."""
    base_prefix = "" if interpreter else sys.base_prefix  # a venv of the Store Python is refused too
    interpreter = interpreter or sys.executable
    check_interpreter(interpreter, exists=exists, base_prefix=base_prefix)
    config = AddinConfig(interpreter_win=interpreter, pythonpath=str(package_root()))
    problem = ansi_problem([config.interpreter_win, config.pythonpath], code_page or ansi_code_page())
    if problem:
        raise InstallError(problem)
    target = xlstart / ADDIN_FILE
    staging = xlstart.parent
    _remove_leftovers(xlstart, staging)
    try:
        build_xlam(target, config, temp_dir=staging)
    except PermissionError as error:
        raise InstallError(
            f"{target} tidak dapat ditulis (sedang dibuka Excel?). Tutup Excel lalu ulangi."
        ) from error
    check_written(target)
    return Installed(target, config.interpreter_win, config.pythonpath, placement_notes(xlstart, local_appdata))


QUARANTINED = (
    "{target} hilang atau tidak dapat dibaca sesaat setelah ditulis: kemungkinan besar antivirus "
    "mengarantinanya (Microsoft Defender pernah menandai add-in xlwings sebagai 'Wacatac.H!ml', "
    "positif palsu). Buka Windows Security > Virus & threat protection > Protection history, "
    "pulihkan (Restore) berkasnya, lalu minta admin TI membaca bagian 'Untuk admin TI' di windows.md."
)


def check_written(target: Path) -> None:
    """The add-in just written must still be there and readable (an antivirus may take it away)."""
    import zipfile

    from xlwings_app.addin.xlam import CUSTOM_UI_PART

    try:
        with zipfile.ZipFile(target) as archive:
            archive.getinfo(CUSTOM_UI_PART)
            archive.read("xl/vbaProject.bin")
    except (OSError, KeyError, zipfile.BadZipFile) as error:
        raise InstallError(QUARANTINED.format(target=target)) from error


STORE_OFFICE = "Microsoft.Office.Desktop_8wekyb3d8bbwe"
"""The package folder of Office installed from the Microsoft Store (%LOCALAPPDATA%\\Packages)."""


def placement_notes(xlstart: Path, local_appdata: Path | None = None) -> tuple[str, ...]:
    """What may keep Excel from loading an add-in in ``xlstart`` on this computer, in Indonesian."""
    notes = []
    if str(xlstart).startswith(("\\\\", "//")):
        notes.append(
            f"Folder XLSTART ada di jaringan ({xlstart}: AppData dialihkan ke server). Excel tidak "
            "mempercayai lokasi jaringan secara bawaan, jadi makro add-in dapat diblokir. Minta admin "
            "TI mengizinkan lokasi itu (Trust Center > Trusted Locations > 'Allow Trusted Locations on "
            "my network'), atau muat add-in lewat File > Options > Add-ins > Excel Add-ins > Browse."
        )
    appdata = local_appdata if local_appdata is not None else Path(os.environ.get("LOCALAPPDATA", ""))
    if str(appdata) and (appdata / "Packages" / STORE_OFFICE).is_dir():
        notes.append(
            "Office di komputer ini berasal dari Microsoft Store. Bila tab Kinerja tidak muncul, muat "
            f"add-in lewat File > Options > Add-ins > Excel Add-ins > Browse: {xlstart / ADDIN_FILE}."
        )
    return tuple(notes)


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
