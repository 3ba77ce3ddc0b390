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
  ``LISENSI-xlwings.txt``, and the files given with ``--sertakan`` (``make dist``: docs/windows.md).

pip evaluates environment markers against the machine it runs on, not against ``--platform``:
resolving here (Linux), ``pywin32; platform_system == 'Windows'`` (xlwings' COM bridge) would be
left out and the offline install on Windows would fail. ``resolve`` therefore re-evaluates every
requirement's marker for Windows (``WINDOWS``) and adds the ones pip skipped, until nothing is
missing. Build-time only: it runs pip in a subprocess and uses ``packaging`` (a pip/pytest
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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

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


def pip_dry_run(requirements: list[str], python: str, find_links: Path | None = None) -> dict[str, object]:
    """``pip install --dry-run --report`` for win_amd64 and ``python``: installs nothing.

    With ``find_links`` pip may use only that folder (``--no-index``, and no pip configuration of
    this machine, whose extra indexes or wheel folders the office PC does not have), as pasang.bat.
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
        if find_links is not None:
            command += ["--no-index", "--find-links", str(find_links)]
            env = {k: v for k, v in env.items() if not k.startswith("PIP_")} | {"PIP_CONFIG_FILE": os.devnull}
        proc = subprocess.run([*command, *requirements], capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            errors = [line for line in proc.stderr.splitlines() if not line.startswith("WARNING: Location")]
            raise BundleError(f"pip (Python {python}, {PLATFORM}) gagal:\n" + "\n".join(errors[-15:]))
        result: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
        return result


def windows_requirements(report: Mapping[str, object], python: str) -> list[str]:
    """Requirements of the reported packages that hold on Windows but that pip left out here."""
    from packaging.markers import default_environment
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    environment: dict[str, str] = {**{str(k): str(v) for k, v in default_environment().items()}, **WINDOWS}
    environment |= {"python_version": python, "python_full_version": f"{python}.0"}
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


def resolve(requirements: list[str], python: str, find_links: Path | None = None) -> list[Package]:
    """Every package a 64-bit Windows Python ``python`` installs for ``requirements``.

    The Windows-only requirements pip skipped are resolved in a second, small run of their own
    (and so on, until none is missing) and added to the first run's packages.
    """
    found: dict[str, Package] = {}
    wanted = list(requirements)
    for _ in range(5):
        report = pip_dry_run(wanted, python, find_links)
        items = report["install"]
        assert isinstance(items, list)
        for item in items:
            package = Package(item["metadata"]["name"], item["metadata"]["version"], item["download_info"]["url"])
            found.setdefault(package.name.lower().replace("_", "-"), package)
        merged = {"install": [{"metadata": {"name": name}} for name in found] + items}
        wanted = windows_requirements(merged, python)
        if not wanted:
            return list(found.values())
    raise BundleError(f"Kebutuhan khusus Windows tidak selesai diselesaikan: {wanted}")


def download(packages: list[Package], python: str, folder: Path) -> None:
    """The wheels of ``packages`` (exact versions, no further resolution) into ``folder``."""
    pins = [p.pin for p in packages if not p.url.startswith("file:")]
    local = [p for p in packages if p.url.startswith("file:")]
    for package in local:  # already on this machine (a local index or the project's wheel)
        source = Path(package.url.removeprefix("file://"))
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


def pasang_bat(version: str) -> str:
    """The offline installer, CRLF line ends as cmd.exe expects."""
    low, high = SUPPORTED_PYTHONS[0], SUPPORTED_PYTHONS[-1]
    check = (
        "import sys, struct; v = sys.version_info[:2]; "
        f"ok = ({low.replace('.', ', ')}) <= v <= ({high.replace('.', ', ')}) and struct.calcsize('P') == 8 "
        "and 'windowsapps' not in sys.base_prefix.lower(); sys.exit(0 if ok else 1)"
    )
    lines = [
        "@echo off",
        f"rem Kinerja {version}: memasang tanpa internet dari folder ini (lihat BACA-SAYA.txt).",
        "setlocal",
        'cd /d "%~dp0"',
        "set PY=python",
        "%PY% --version >nul 2>nul || set PY=py -3",
        "%PY% --version >nul 2>nul || goto tanpa_python",
        f'%PY% -c "{check}" || goto python_salah',
        f'set VENV={VENV}',
        'if not exist "%VENV%\\Scripts\\python.exe" (',
        "  echo Membuat lingkungan Python Kinerja di %VENV% ...",
        '  %PY% -m venv "%VENV%" || goto gagal',
        ")",
        "echo Memasang Kinerja dan pustakanya dari folder wheels (tanpa internet) ...",
        '"%VENV%\\Scripts\\python.exe" -m pip install --no-index --find-links "%~dp0wheels" --upgrade kinerja'
        " || goto gagal",
        "echo Memasang add-in ke Excel ...",
        '"%VENV%\\Scripts\\kinerja.exe" addin pasang || goto gagal',
        "echo.",
        "echo Selesai. Tutup semua jendela Excel lalu buka lagi: tab Kinerja muncul di pita.",
        "echo Perintah kinerja ada di %VENV%\\Scripts\\kinerja.exe",
        "pause",
        "exit /b 0",
        ":tanpa_python",
        "echo Python tidak ditemukan. Pasang Python " + f"{low}-{high}" + " 64-bit dari python.org",
        "echo (centang 'Add python.exe to PATH'), lalu jalankan pasang.bat lagi.",
        "pause",
        "exit /b 1",
        ":python_salah",
        "echo Python di komputer ini tidak dapat dipakai: perlu Python " + f"{low}-{high}" + " 64-bit dari",
        "echo python.org (bukan dari Microsoft Store). Pasang yang itu, lalu jalankan pasang.bat lagi.",
        "%PY% -c \"import sys; print('Ditemukan:', sys.version, sys.executable)\"",
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
    text = f"""Kinerja {version} untuk Windows (Excel 2010 atau lebih baru, 64-bit)

1. Pasang Python {low}-{high} 64-bit dari https://www.python.org/downloads/windows/
   (centang "Add python.exe to PATH"). Bukan Python dari Microsoft Store.
2. Tutup Excel. Klik dua kali pasang.bat di folder ini. Tanpa internet, tanpa hak administrator:
   Kinerja dipasang di {VENV}, lalu add-in Kinerja.xlam ditulis ke folder XLSTART.
3. Buka Excel: tab Kinerja muncul di pita.

Melepas: {VENV}\\Scripts\\kinerja.exe addin lepas
Isi folder wheels ({len(wheels)} berkas): Kinerja dan semua pustakanya untuk Python {', '.join(SUPPORTED_PYTHONS)}.
Kinerja.xlam di folder ini hanya untuk diperiksa; pasang.bat membuat add-in yang menyebut Python Anda.
Panduan lengkap, daftar periksa dan catatan untuk admin TI: windows.md. Lisensi xlwings: LISENSI-xlwings.txt.
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
            offline = resolve(["kinerja"], python, find_links=wheels)  # what pasang.bat will do
            print(f"Python {python}: {len(offline)} paket terpasang tanpa internet.", flush=True)
        build_xlam(root / "Kinerja.xlam")
        shutil.copy2(xlwings_licence(), root / "LISENSI-xlwings.txt")
        for path in extra:
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
    parser.add_argument("--sertakan", type=Path, action="append", default=[], help="Berkas lain untuk paket.")
    args = parser.parse_args(argv)
    try:
        target = build_bundle(args.wheel, args.keluar, extra=tuple(args.sertakan))
    except BundleError as error:
        raise SystemExit(str(error)) from None
    print(f"Ditulis: {target} ({target.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
