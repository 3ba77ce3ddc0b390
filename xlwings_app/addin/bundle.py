"""The office install bundle: ``make dist`` → ``dist/Kinerja-Windows-<versi>.zip``.

An office PC often has no (or a filtered) internet connection and no compiler, and ``kinerja`` is
not on the package index. The bundle holds everything ``pip`` needs offline on 64-bit Windows:

- ``wheels/``: the Kinerja wheel and the win_amd64 (or pure-Python) wheel of every dependency,
  for each of ``SUPPORTED_PYTHONS``, fetched with ``pip download --platform win_amd64
  --only-binary=:all:``;
- ``Kinerja.xlam``: the add-in as built here (``pasang.bat`` builds the user's own, naming their
  Python; this copy is for inspection or a manual install);
- ``pasang.bat``: a virtual environment under %LOCALAPPDATA%\\Kinerja, ``pip install --no-index
  --find-links wheels kinerja``, then ``kinerja addin pasang``; ``BACA-SAYA.txt``;
- xlwings' licence (BSD 3-Clause: its VBA module is inside the add-in, its DLL in the wheels) as
  ``LISENSI-xlwings.txt``, and the files and folders given with ``--sertakan`` (``make dist`` and the
  release workflow: docs/windows.md for IT, docs/panduan-kantor.md and its pictures for the office).

pip evaluates environment markers against the machine it runs on, not against ``--platform``:
resolving here (Linux), ``pywin32; platform_system == 'Windows'`` (xlwings' COM bridge) would be
left out and the offline install on Windows would fail. ``resolve`` therefore re-evaluates every
requirement's marker for Windows (``WINDOWS``) and adds the ones pip skipped, until nothing is
missing, and keeps only what a Windows Python installs (``windows_closure``: not python-isal, a
requirement of Linux only). The offline check asks pip for each package's wheel from the folder
(``offline_check``); that their versions meet each other on Windows is checked with ``packaging``
(``unmet_requirements``). Build-time only: it runs pip in a subprocess and uses ``packaging`` (a pip/pytest
dependency), never imported by the add-in.

Run: ``python -m xlwings_app.addin.bundle WHEEL --keluar dist``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUPPORTED_PYTHONS = ("3.11", "3.12", "3.13", "3.14")
"""The Python versions the bundle has wheels for (64-bit); pasang.bat refuses any other."""
PLATFORM = "win_amd64"
WINDOWS = {"os_name": "nt", "sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64"}
"""The marker variables of 64-bit Windows (PEP 508), the rest taken from the target version."""
VENV = r"%LOCALAPPDATA%\Kinerja\venv"


class BundleError(RuntimeError):
    """The bundle cannot be made: pip failed, or a dependency has no Windows wheel."""


@dataclass(frozen=True)
class Package:
    """One distribution pip would install."""

    name: str
    version: str
    url: str

    @property
    def pin(self) -> str:
        return f"{self.name}=={self.version}"

    @property
    def wheel(self) -> str:
        return self.url.rsplit("/", 1)[-1]


def pip_dry_run(
    requirements: list[str], python: str, find_links: Path | None = None, no_deps: bool = False
) -> dict[str, object]:
    """``pip install --dry-run --report`` for win_amd64 and ``python``: installs nothing.

    With ``find_links`` pip may use only that folder (``--no-index``, and no pip configuration of
    this machine, whose extra indexes or wheel folders the office PC does not have), as pasang.bat.
    ``no_deps``: each requirement alone (pip would judge their dependencies' markers for this machine).
    """
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="kinerja-dry-") as scratch:
        out = Path(scratch) / "report.json"
        command = [
            sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
            "--target", str(Path(scratch) / "target"),  # pip wants one with --platform; nothing is written
            "--platform", PLATFORM, "--python-version", python, "--implementation", "cp",
            "--only-binary=:all:", "--report", str(out),
        ]  # fmt: skip
        if no_deps:
            command.append("--no-deps")
        if find_links is not None:
            command += ["--no-index", "--find-links", str(find_links)]
            env = {k: v for k, v in env.items() if not k.startswith("PIP_")} | {"PIP_CONFIG_FILE": os.devnull}
        proc = subprocess.run([*command, *requirements], capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            errors = [line for line in proc.stderr.splitlines() if not line.startswith("WARNING: Location")]
            raise BundleError(f"pip (Python {python}, {PLATFORM}) gagal:\n" + "\n".join(errors[-15:]))
        result: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
        return result


def _windows_environment(python: str) -> dict[str, str]:
    from packaging.markers import default_environment

    environment: dict[str, str] = {**{str(k): str(v) for k, v in default_environment().items()}, **WINDOWS}
    return environment | {"python_version": python, "python_full_version": f"{python}.0"}


def windows_requirements(report: Mapping[str, object], python: str) -> list[str]:
    """Requirements of the reported packages that hold on Windows but that pip left out here."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    environment = _windows_environment(python)
    items = report["install"]
    assert isinstance(items, list)
    present = {canonicalize_name(item["metadata"]["name"]) for item in items}
    missing = []
    for item in items:
        extras = item.get("requested_extras") or []
        for text in item["metadata"].get("requires_dist") or []:
            requirement = Requirement(text)
            if canonicalize_name(requirement.name) in present:
                continue
            marker = requirement.marker
            wanted = marker is None or any(
                marker.evaluate({**environment, "extra": extra}) for extra in ["", *extras]
            )
            if wanted:
                requirement.marker = None
                missing.append(str(requirement))
    return sorted(set(missing))


def windows_closure(items: list[dict[str, Any]], python: str, roots: set[str] | None = None) -> set[str]:
    """The (canonical) names of the reported packages a Windows Python installs: ``roots`` (default:
    those pip was asked for, ``requested``) and, from them, every requirement whose marker holds on
    Windows. pip judges markers for the machine it runs on, so a requirement of Linux only
    (python-isal: ``platform_system != 'Windows'``) is in its report here, but not in this closure."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    environment = _windows_environment(python)
    metadata: dict[str, dict[str, Any]] = {canonicalize_name(str(item["metadata"]["name"])): item for item in items}
    todo = sorted(roots) if roots is not None else [name for name, item in metadata.items() if item.get("requested")]
    extras = {name: list(metadata[name].get("requested_extras") or []) for name in todo if name in metadata}
    reached: set[str] = set()
    while todo:
        name = todo.pop()
        if name in reached or name not in metadata:
            continue
        reached.add(name)
        for text in metadata[name]["metadata"].get("requires_dist") or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is None or any(
                marker.evaluate({**environment, "extra": extra}) for extra in ["", *extras.get(name, [])]
            ):
                child = canonicalize_name(requirement.name)
                extras.setdefault(child, []).extend(requirement.extras)
                todo.append(child)
    return reached


def unmet_requirements(items: list[dict[str, Any]], chosen: list[Package], python: str) -> list[str]:
    """The requirements (holding on Windows) of the chosen packages that the chosen versions do not
    meet: what ``pip install kinerja`` on Windows would refuse. The Windows-only packages are
    resolved in runs of their own, so their versions are checked here against everyone's."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    environment = _windows_environment(python)
    versions = {canonicalize_name(p.name): p.version for p in chosen}
    unmet = []
    for item in items:
        if canonicalize_name(str(item["metadata"]["name"])) not in versions:
            continue
        for text in item["metadata"].get("requires_dist") or []:
            requirement = Requirement(text)
            if requirement.marker is not None and not requirement.marker.evaluate({**environment, "extra": ""}):
                continue
            version = versions.get(canonicalize_name(requirement.name))
            if version is None or not requirement.specifier.contains(version, prereleases=True):
                unmet.append(f"{item['metadata']['name']}: {text} ({version or 'tidak ada'})")
    return sorted(set(unmet))


def offline_check(packages: list[Package], python: str, wheels: Path) -> int:
    """What pasang.bat's ``pip install --no-index --find-links wheels kinerja`` needs on Windows: a
    wheel for ``python`` of every package in ``wheels``, asked of pip offline (one by one: pip here
    would judge the dependencies' markers for Linux; that they meet each other on Windows is
    ``resolve``'s check). Returns how many packages it found."""
    report = pip_dry_run([p.pin for p in packages], python, find_links=wheels, no_deps=True)
    items = report["install"]
    assert isinstance(items, list)
    return len(items)


def _linux_only(requirements: list[str], python: str) -> set[str]:
    """The names of ``requirements`` whose marker does not hold on Windows (a wheel's path: none)."""
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name

    environment = _windows_environment(python)
    skipped: set[str] = set()
    for text in requirements:
        try:
            requirement = Requirement(text)
        except InvalidRequirement:
            continue
        if requirement.marker is not None and not requirement.marker.evaluate({**environment, "extra": ""}):
            skipped.add(canonicalize_name(requirement.name))
    return skipped


def resolve(requirements: list[str], python: str, find_links: Path | None = None) -> list[Package]:
    """Every package a 64-bit Windows Python ``python`` installs for ``requirements``.

    The Windows-only requirements pip skipped are resolved in a second, small run of their own
    (and so on, until none is missing) and added to the first run's packages; packages pip took only
    because a marker holds on this machine, not on Windows, are left out (``windows_closure``).
    """
    from packaging.utils import canonicalize_name

    found: dict[str, Package] = {}
    reported: list[dict[str, Any]] = []
    roots: set[str] | None = None
    wanted = list(requirements)
    for _ in range(5):
        report = pip_dry_run(wanted, python, find_links)
        items = report["install"]
        assert isinstance(items, list)
        for item in items:
            package = Package(item["metadata"]["name"], item["metadata"]["version"], item["download_info"]["url"])
            found.setdefault(canonicalize_name(package.name), package)
        reported += items
        if roots is None:  # what was asked for (and holds on Windows); later runs add what it needs there
            roots = {canonicalize_name(item["metadata"]["name"]) for item in items if item.get("requested")}
            roots -= _linux_only(requirements, python)
        merged = {"install": [{"metadata": {"name": name}} for name in found] + items}
        wanted = windows_requirements(merged, python)
        if not wanted:
            windows = windows_closure(reported, python, roots)
            chosen = [package for name, package in found.items() if name in windows]
            unmet = unmet_requirements(reported, chosen, python)
            if unmet:
                raise BundleError(f"Versi yang terpilih tidak cocok satu sama lain di Windows: {unmet}")
            return chosen
    raise BundleError(f"Kebutuhan khusus Windows tidak selesai diselesaikan: {wanted}")


def local_path(url: str, to_path: Callable[[str], str] | None = None) -> Path:
    """The file a ``file:`` URL names, on Linux (``file:///home/...``) as on Windows
    (``file:///C:/Users/...``, which is not ``/C:/Users/...``); ``to_path``: the platform's
    ``url2pathname`` (Windows': ``nturl2path.url2pathname``)."""
    from urllib.parse import urlparse
    from urllib.request import url2pathname

    return Path((to_path or url2pathname)(urlparse(url).path))


def download(packages: list[Package], python: str, folder: Path) -> None:
    """The wheels of ``packages`` (exact versions, no further resolution) into ``folder``."""
    pins = [p.pin for p in packages if not p.url.startswith("file:")]
    local = [p for p in packages if p.url.startswith("file:")]
    for package in local:  # already on this machine (a local index or the project's wheel)
        source = local_path(package.url)
        if source.is_file():
            shutil.copy2(source, folder / source.name)
        else:
            pins.append(package.pin)
    if not pins:
        return
    command = [
        sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(folder),
        "--platform", PLATFORM, "--python-version", python, "--implementation", "cp",
        "--only-binary=:all:", *pins,
    ]  # fmt: skip
    proc = subprocess.run(command, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BundleError(f"pip download (Python {python}) gagal:\n{proc.stderr[-2000:]}")


PYTHON_CHECK = (
    "import os, sys, struct; v = sys.version_info[:2]; "
    "ok = ({low}) <= v <= ({high}) and struct.calcsize('P') == 8 "
    "and 'windowsapps' not in sys.base_prefix.lower() "
    "and not os.path.isdir(os.path.join(sys.base_prefix, 'conda-meta')); sys.exit(0 if ok else 1)"
)
"""What pasang.bat asks of the Python it finds: a supported version, 64-bit, from python.org (not the
Microsoft Store's, not Anaconda's, whose Python needs conda's activation to find its DLLs)."""
ANSI_CHECK = "import os; os.environ['VENV'].encode('mbcs')"
"""Whether the folder pasang.bat installs into can be written in Windows' ANSI code page (``mbcs``):
xlwings' VBA hands the interpreter's path to Windows through it (see ``install.ansi_problem``)."""


def pasang_bat(version: str) -> str:
    """The offline installer, CRLF line ends as cmd.exe expects.

    ``pasang.bat [FOLDER]`` installs into FOLDER\\venv (default %LOCALAPPDATA%\\Kinerja). Written
    for cmd.exe's parser: no parenthesized blocks (a ``)`` in an expanded path, "C:\\Users\\Budi
    (Kecamatan)", would end the block), every path expansion in double quotes (``&``), the user's
    folder in ``set "NAME=value"`` form. It stops, saying why, when it runs from inside the zip
    (Explorer extracts only the .bat), when Excel is open (Excel holds the venv's xlwings DLL and
    python.exe, so an upgrade would fail half-way), when the Python is not a supported python.org
    one, and when the folder's name does not fit the ANSI code page (then the default folder falls
    back to %SystemDrive%\\Kinerja)."""
    low, high = SUPPORTED_PYTHONS[0], SUPPORTED_PYTHONS[-1]
    check = PYTHON_CHECK.format(low=low.replace(".", ", "), high=high.replace(".", ", "))
    wheel = f"kinerja-{version}-py3-none-any.whl"
    lines = [
        "@echo off",
        f"rem Kinerja {version}: memasang tanpa internet dari folder ini (lihat BACA-SAYA.txt).",
        r"rem Pemakaian: pasang.bat [FOLDER]   (bawaan: %LOCALAPPDATA%\Kinerja)",
        "setlocal EnableExtensions DisableDelayedExpansion",
        f'if not exist "%~dp0wheels\\{wheel}" goto belum_diekstrak',
        'cd /d "%~dp0" || goto belum_diekstrak',
        'tasklist /FI "IMAGENAME eq EXCEL.EXE" /NH 2>nul | find /I "EXCEL.EXE" >nul && goto excel_terbuka',
        'set "PY=python"',
        '%PY% --version >nul 2>nul || set "PY=py -3"',
        "%PY% --version >nul 2>nul || goto tanpa_python",
        f'%PY% -c "{check}" || goto python_salah',
        r'set "KINERJA=%LOCALAPPDATA%\Kinerja"',
        'if not "%~1"=="" set "KINERJA=%~f1"',
        r'set "VENV=%KINERJA%\venv"',
        f'%PY% -c "{ANSI_CHECK}" 2>nul && goto folder_siap',
        'if not "%~1"=="" goto folder_salah',
        r'set "KINERJA=%SystemDrive%\Kinerja"',
        r'set "VENV=%KINERJA%\venv"',
        f'%PY% -c "{ANSI_CHECK}" 2>nul || goto folder_salah',
        'echo Nama folder profil Windows Anda memuat huruf di luar kode halaman Windows; Kinerja dipasang di "%KINERJA%".',
        ":folder_siap",
        r'if exist "%VENV%\Scripts\python.exe" goto pasang_paket',
        'echo Membuat lingkungan Python Kinerja di "%VENV%" ...',
        '%PY% -m venv "%VENV%" || goto gagal',
        ":pasang_paket",
        "echo Memasang Kinerja dan pustakanya dari folder wheels (tanpa internet) ...",
        r'"%VENV%\Scripts\python.exe" -m pip install --no-index --find-links "%~dp0wheels" --upgrade kinerja'
        " || goto gagal",
        "echo Memasang add-in ke Excel ...",
        r'"%VENV%\Scripts\kinerja.exe" addin pasang || goto gagal',
        "echo.",
        "echo Selesai. Buka Excel: tab Kinerja muncul di pita.",
        r'echo Perintah kinerja ada di "%VENV%\Scripts\kinerja.exe"',
        "pause",
        "exit /b 0",
        ":belum_diekstrak",
        "echo pasang.bat dijalankan dari dalam berkas zip, atau folder wheels tidak ada di sampingnya.",
        "echo Ekstrak dulu seluruh zip (klik kanan ^> Extract All), lalu jalankan pasang.bat dari folder hasil ekstrak.",
        "pause",
        "exit /b 1",
        ":excel_terbuka",
        "echo Excel sedang terbuka. Tutup semua jendela Excel dulu (Excel memakai berkas Kinerja yang",
        "echo akan diperbarui), lalu jalankan pasang.bat lagi.",
        "pause",
        "exit /b 1",
        ":tanpa_python",
        "echo Python tidak ditemukan. Pasang Python " + f"{low}-{high}" + " 64-bit dari python.org",
        "echo (centang 'Add python.exe to PATH'; hilangkan centang 'Use admin privileges when installing py.exe'),",
        "echo lalu jalankan pasang.bat lagi.",
        "pause",
        "exit /b 1",
        ":python_salah",
        "echo Python di komputer ini tidak dapat dipakai: perlu Python " + f"{low}-{high}" + " 64-bit dari python.org",
        "echo (bukan dari Microsoft Store, bukan Anaconda). Pasang yang itu, lalu jalankan pasang.bat lagi.",
        "%PY% -c \"import sys; print('Ditemukan:', sys.version, sys.executable)\"",
        "pause",
        "exit /b 1",
        ":folder_salah",
        'echo Folder "%KINERJA%" memuat huruf di luar kode halaman Windows; Excel tidak dapat',
        r"echo menjalankan Python di sana. Jalankan: pasang.bat C:\Kinerja   (atau folder lain berhuruf Latin biasa).",
        "pause",
        "exit /b 1",
        ":gagal",
        "echo Pemasangan gagal; pesan di atas menyebut sebabnya. Lihat BACA-SAYA.txt.",
        "pause",
        "exit /b 1",
    ]
    return "\r\n".join(lines) + "\r\n"


def readme(version: str, wheels: list[str]) -> str:
    low, high = SUPPORTED_PYTHONS[0], SUPPORTED_PYTHONS[-1]
    text = f"""Kinerja {version} untuk Windows (Excel 2010 atau lebih baru, 32-bit maupun 64-bit)

1. Pasang Python {low}-{high} 64-bit dari https://www.python.org/downloads/windows/
   (juga untuk Excel 32-bit). Di layar pertama pemasang: centang "Add python.exe to PATH" dan
   HILANGKAN centang "Use admin privileges when installing py.exe" (Python 3.11: "Install launcher
   for all users"), agar tidak perlu hak administrator. Bukan Python dari Microsoft Store, bukan Anaconda.
2. Tutup Excel. Ekstrak seluruh zip ini (klik kanan > Extract All), lalu klik dua kali pasang.bat di
   folder hasil ekstrak. Tanpa internet, tanpa hak administrator: Kinerja dipasang di {VENV},
   lalu add-in Kinerja.xlam ditulis ke folder XLSTART. Folder lain: pasang.bat D:\\Aplikasi\\Kinerja
3. Buka Excel: tab Kinerja muncul di pita.

Melepas: {VENV}\\Scripts\\kinerja.exe addin lepas
Isi folder wheels ({len(wheels)} berkas): Kinerja dan semua pustakanya untuk Python {', '.join(SUPPORTED_PYTHONS)}.
Kinerja.xlam di folder ini hanya untuk diperiksa; pasang.bat membuat add-in yang menyebut Python Anda.
Cara memakai untuk kantor: panduan-kantor.md. Daftar periksa dan catatan untuk admin TI (antivirus,
AppLocker, kebijakan makro): windows.md. Lisensi xlwings: LISENSI-xlwings.txt.
"""
    return text.replace("\n", "\r\n")


def xlwings_licence() -> Path:
    """The BSD 3-Clause licence text shipped with the installed xlwings."""
    from importlib.metadata import distribution

    files = distribution("xlwings").files or []
    for file in files:
        if file.name == "LICENSE.txt":
            return Path(str(file.locate()))
    raise BundleError("LICENSE.txt xlwings tidak ditemukan di paket xlwings yang terpasang")


def build_bundle(
    wheel: Path, out: Path, pythons: tuple[str, ...] = SUPPORTED_PYTHONS, extra: tuple[Path, ...] = ()
) -> Path:
    """Write ``out/Kinerja-Windows-<versi>.zip``; every version's offline install is checked."""
    from xlwings_app import __version__
    from xlwings_app.addin.xlam import build_xlam

    name = f"Kinerja-Windows-{__version__}"
    with tempfile.TemporaryDirectory(prefix="kinerja-dist-") as scratch:
        root = Path(scratch) / name
        wheels = root / "wheels"
        wheels.mkdir(parents=True)
        shutil.copy2(wheel, wheels / wheel.name)
        for python in pythons:
            print(f"Python {python}: menyelesaikan kebutuhan untuk {PLATFORM} ...", flush=True)
            packages = resolve([str(wheel)], python)
            download([p for p in packages if p.name.lower() != "kinerja"], python, wheels)
            offline = offline_check(packages, python, wheels)  # what pasang.bat will need
            print(f"Python {python}: {offline} paket terpasang tanpa internet.", flush=True)
        build_xlam(root / "Kinerja.xlam")
        shutil.copy2(xlwings_licence(), root / "LISENSI-xlwings.txt")
        for path in extra:  # a file, or a folder (the pictures of panduan-kantor.md) with its files
            if path.is_dir():
                shutil.copytree(path, root / path.name)
            else:
                shutil.copy2(path, root / path.name)
        (root / "pasang.bat").write_bytes(pasang_bat(__version__).encode("ascii"))
        names = sorted(p.name for p in wheels.iterdir())
        (root / "BACA-SAYA.txt").write_bytes(readme(__version__, names).encode("utf-8"))
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(root.parent).as_posix())
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m xlwings_app.addin.bundle", description=__doc__)
    parser.add_argument("wheel", type=Path, help="Wheel Kinerja (dari pip wheel).")
    parser.add_argument("--keluar", type=Path, default=Path("dist"))
    parser.add_argument("--sertakan", type=Path, action="append", default=[], help="Berkas atau folder lain untuk paket.")
    args = parser.parse_args(argv)
    wheel = args.wheel
    if "*" in wheel.name:  # cmd.exe and PowerShell hand the pattern over as written
        matches = sorted(wheel.parent.glob(wheel.name))
        if len(matches) != 1:
            raise SystemExit(f"Pola {wheel} harus cocok dengan tepat satu wheel; ditemukan {len(matches)}.")
        wheel = matches[0]
    try:
        target = build_bundle(wheel, args.keluar, extra=tuple(args.sertakan))
    except BundleError as error:
        raise SystemExit(str(error)) from None
    print(f"Ditulis: {target} ({target.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
