"""The office install bundle (``make dist``): its requirements resolve for 64-bit Windows.

The resolution test asks the package index (PyPI) what a 64-bit Windows Python of every supported
version would install, without installing anything (``pip install --dry-run --platform win_amd64
--only-binary=:all: --report``): a dependency without a Windows wheel fails here, not on the
office PC. It needs the network, as ``make dist`` does.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from xlwings_app import __version__
from xlwings_app.addin import bundle

ROOT = Path(__file__).resolve().parents[2]
WHEEL_TAG = re.compile(r"-(?P<python>[^-]+)-(?P<abi>[^-]+)-(?P<platform>[^-]+)\.whl$")


def _dependencies() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


@pytest.fixture(scope="module")
def resolved() -> dict[str, list[bundle.Package]]:
    """Each supported Python's resolution, the versions in parallel (each takes tens of seconds)."""
    with ThreadPoolExecutor(max_workers=len(bundle.SUPPORTED_PYTHONS)) as pool:
        found = pool.map(lambda v: bundle.resolve(_dependencies(), v), bundle.SUPPORTED_PYTHONS)
        return dict(zip(bundle.SUPPORTED_PYTHONS, found, strict=True))


@pytest.mark.parametrize("python", bundle.SUPPORTED_PYTHONS)
def test_every_requirement_has_a_wheel_for_64_bit_windows(
    resolved: dict[str, list[bundle.Package]], python: str
) -> None:
    packages = resolved[python]
    names = {p.name.lower().replace("_", "-"): p for p in packages}
    assert names["xlwings"].version == "0.37.8"  # the DLL name in the add-in's VBA
    # Required on Windows only, so left out by pip here (markers judged for Linux): found anyway.
    assert "pywin32" in names, "pywin32 (xlwings' COM bridge on Windows) must be in the bundle"
    assert "colorama" in names  # typer: colorama; platform_system == "Windows"
    assert "tzdata" in names  # pandas: tzdata; sys_platform == "win32"
    for package in packages:
        tag = WHEEL_TAG.search(package.wheel)
        assert tag, f"{package.pin}: bukan wheel ({package.url})"
        assert tag["platform"] in ("win_amd64", "any"), f"{package.pin}: {package.wheel}"
        if tag["platform"] == "win_amd64":
            digits = python.replace(".", "")
            assert tag["python"] in (f"cp{digits}", "cp3", "py3") or tag["abi"] == "abi3", package.wheel
    assert "isal" not in names  # fault 19: required off Windows only (pyproject's marker)


def test_windows_only_requirements_skipped_by_pip_here_are_found() -> None:
    """pip evaluates markers for this Linux machine even with --platform win_amd64."""
    report = {
        "install": [
            {
                "metadata": {
                    "name": "xlwings",
                    "requires_dist": [
                        "pywin32>=224 ; platform_system == 'Windows'",
                        "psutil>=2.0.0 ; platform_system == 'Darwin'",
                        "jinja2 ; extra == 'reports'",
                    ],
                }
            },
            {"metadata": {"name": "click", "requires_dist": ["colorama; platform_system == 'Windows'"]}},
            {"metadata": {"name": "colorama", "requires_dist": None}},
            {"metadata": {"name": "pandas", "requires_dist": ["tzdata>=2022.7 ; python_version < '3.13'"]}},
        ]
    }
    assert bundle.windows_requirements(report, "3.11") == ["pywin32>=224", "tzdata>=2022.7"]
    assert bundle.windows_requirements(report, "3.13") == ["pywin32>=224"]


def _bat_check_code(bat: str) -> str:
    match = re.search(r'%PY% -c "(import os, sys, struct;[^"]+)" \|\| goto python_salah', bat)
    assert match, "pasang.bat must check the Python before installing"
    return match.group(1)


def test_pasang_bat_installs_offline_then_installs_the_addin() -> None:
    bat = bundle.pasang_bat(__version__)
    assert bat.endswith("\r\n") and "\n" not in bat.replace("\r\n", "")  # cmd.exe line ends
    bat.encode("ascii")
    lines = bat.split("\r\n")
    install = next(i for i, line in enumerate(lines) if "-m pip install" in line)
    addin = next(i for i, line in enumerate(lines) if "addin pasang" in line)
    assert install < addin
    assert '--no-index --find-links "%~dp0wheels" --upgrade kinerja' in lines[install]
    assert lines[install].startswith('"%VENV%\\Scripts\\python.exe"')
    assert lines[addin] == '"%VENV%\\Scripts\\kinerja.exe" addin pasang || goto gagal'
    assert r'set "KINERJA=%LOCALAPPDATA%\Kinerja"' in lines and r'set "VENV=%KINERJA%\venv"' in lines


def test_pasang_bat_python_check_runs_and_names_the_supported_versions() -> None:
    """The check pasang.bat hands to Python, run here by this (64-bit, supported) Python."""
    code = _bat_check_code(bundle.pasang_bat(__version__))
    low, high = bundle.SUPPORTED_PYTHONS[0], bundle.SUPPORTED_PYTHONS[-1]
    assert f"({low.replace('.', ', ')}) <= v <= ({high.replace('.', ', ')})" in code
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
    too_new = code.replace("sys.version_info[:2]", "(9, 0)")
    assert subprocess.run([sys.executable, "-c", too_new]).returncode == 1
    store = code.replace("sys.base_prefix.lower()", "r'c:\\program files\\windowsapps\\python'")
    assert subprocess.run([sys.executable, "-c", store]).returncode == 1


def test_dist_target_builds_the_wheel_then_the_bundle() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\ndist: install") :].split("\n\n")[0]
    assert "pip wheel --quiet --no-deps --wheel-dir dist ." in recipe
    assert (
        "-m xlwings_app.addin.bundle dist/kinerja-*.whl --keluar dist --sertakan docs/windows.md "
        "--sertakan docs/panduan-kantor.md --sertakan docs/panduan-kantor"
    ) in recipe
    assert (ROOT / "docs" / "windows.md").is_file() and (ROOT / "docs" / "panduan-kantor.md").is_file()
    assert list((ROOT / "docs" / "panduan-kantor").glob("*.png"))


def test_the_bundle_carries_xlwings_bsd_licence() -> None:
    text = bundle.xlwings_licence().read_text(encoding="utf-8")
    assert "Redistribution and use in source and binary forms" in text  # BSD 3-Clause


def test_a_requirement_of_linux_only_stays_out_of_the_windows_wheels() -> None:
    """Fault 19: pip, run here, takes python-isal (``platform_system != 'Windows'``); the bundle's
    packages are those a Windows Python would install, walked from what was asked for."""
    items = [
        {"requested": True, "metadata": {"name": "kinerja", "requires_dist": [
            "xlwings==0.37.8", "isal<2,>=1.6; platform_system != 'Windows' and platform_machine == 'x86_64'"]}},
        {"metadata": {"name": "xlwings", "requires_dist": ["pywin32>=224; platform_system == 'Windows'"]}},
        {"metadata": {"name": "isal", "requires_dist": None}},
        {"metadata": {"name": "pywin32", "requires_dist": None}},
        {"metadata": {"name": "leftover", "requires_dist": None}},
    ]  # fmt: skip
    assert bundle.windows_closure(items, "3.12") == {"kinerja", "xlwings", "pywin32"}
    assert bundle.windows_closure(items, "3.12", roots={"xlwings"}) == {"xlwings", "pywin32"}


def test_a_file_url_names_its_file_on_windows_as_on_linux() -> None:
    """The bundle builds on Windows too: pip reports the local wheel as file:///C:/..."""
    import nturl2path

    assert bundle.local_path("file:///C:/Users/Budi%20S/dist/kinerja-0.1.0-py3-none-any.whl", nturl2path.url2pathname) == Path(
        r"C:\Users\Budi S\dist\kinerja-0.1.0-py3-none-any.whl"
    )
    assert bundle.local_path("file:///home/budi/dist/k.whl") == Path("/home/budi/dist/k.whl")


def _lines() -> list[str]:
    return bundle.pasang_bat(__version__).split("\r\n")


def test_pasang_bat_stops_when_run_from_inside_the_zip() -> None:
    """Fault 16: Explorer runs a .bat inside a zip after extracting only that file; the wheels beside it
    are checked before anything else runs."""
    commands = [line for line in _lines() if line and not line.startswith(("@echo", "rem ", "setlocal"))]
    assert commands[0] == f'if not exist "%~dp0wheels\\kinerja-{__version__}-py3-none-any.whl" goto belum_diekstrak'
    assert ":belum_diekstrak" in _lines() and any("Extract All" in line for line in _lines())


def test_pasang_bat_stops_while_excel_is_open() -> None:
    """Fault 16: Excel holds the venv's xlwings DLL and python.exe; an upgrade would fail half-way."""
    lines = _lines()
    excel = next(i for i, line in enumerate(lines) if "tasklist" in line)
    assert lines[excel] == 'tasklist /FI "IMAGENAME eq EXCEL.EXE" /NH 2>nul | find /I "EXCEL.EXE" >nul && goto excel_terbuka'
    assert excel < next(i for i, line in enumerate(lines) if "-m pip install" in line)


PATHS = re.compile(r"%(?:~dp0|~f?1|VENV|KINERJA|LOCALAPPDATA|SystemDrive)%?")


def test_pasang_bat_survives_a_parenthesis_or_ampersand_in_a_path() -> None:
    """Fault 16: "C:\\Users\\Budi (Kecamatan)" ends a cmd.exe block early; "&" splits a command. No
    parenthesized blocks, and every path expansion inside double quotes (``set "NAME=value"``)."""
    for line in _lines():
        assert not line.rstrip().endswith("(") and line.strip() != ")", line
        if line.startswith("rem ") or not PATHS.search(line):
            continue
        unquoted = re.sub(r'"[^"]*"', "", line)
        assert not PATHS.search(unquoted), line
    for line in _lines():
        if line.startswith("echo "):
            text = line.replace("^>", "")
            assert not re.search(r"(?<![\^2])[<>|&]", text.replace(">nul", "")), line  # no redirection in a message


def test_pasang_bat_refuses_anaconda(tmp_path: Path) -> None:
    """Fault 16: Anaconda's Python needs conda's activation to find its DLLs; a venv of it breaks."""
    code = _bat_check_code(bundle.pasang_bat(__version__))
    conda = tmp_path / "anaconda3"
    (conda / "conda-meta").mkdir(parents=True)
    assert subprocess.run([sys.executable, "-c", code.replace("sys.base_prefix", repr(str(conda)))]).returncode == 1
    assert subprocess.run([sys.executable, "-c", code.replace("sys.base_prefix", repr(str(tmp_path)))]).returncode == 0


@pytest.mark.parametrize("folder,code", [(r"C:\Users\Budi (Kecamatan)\AppData\Local\Kinerja\venv", 0),
                                         (r"C:\Users\Ωμέγα\AppData\Local\Kinerja\venv", 1)])  # fmt: skip
def test_pasang_bat_checks_its_folder_against_the_ansi_code_page(folder: str, code: int) -> None:
    """Fault 13: the folder is checked with Windows' ANSI codec (``mbcs``, Windows only: cp1252 here);
    a default folder that fails falls back to %SystemDrive%\\Kinerja, a chosen one is refused."""
    import os

    lines = _lines()
    checks = [i for i, line in enumerate(lines) if bundle.ANSI_CHECK in line]
    assert len(checks) == 2
    assert lines[checks[0] + 1 : checks[0] + 4] == [
        'if not "%~1"=="" goto folder_salah', r'set "KINERJA=%SystemDrive%\Kinerja"', r'set "VENV=%KINERJA%\venv"',
    ]  # fmt: skip
    here = bundle.ANSI_CHECK.replace("'mbcs'", "'cp1252'")
    result = subprocess.run([sys.executable, "-c", here], env={**os.environ, "VENV": folder}, capture_output=True)
    assert result.returncode == code


def test_the_windows_xlwings_wheel_ships_both_dlls_where_the_vba_looks(tmp_path: Path) -> None:
    """Fault 2: a 32-bit Excel needs no 32-bit Python. xlwings runs Python in a process of its own
    ("you can freely combine your Excel and Python bitness", github.com/xlwings/xlwings/issues/1941),
    and the win_amd64 wheel the bundle carries installs both DLLs into the environment's root, one
    folder above Scripts\\python.exe, where the VBA of either Excel looks."""
    import zipfile

    from xlwings_app.addin.install import xlwings_dlls

    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "--platform",
         bundle.PLATFORM, "--python-version", "3.12", "--implementation", "cp", "--dest", str(tmp_path),
         "xlwings==0.37.8"],
        check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("xlwings-0.37.8-*-win_amd64.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {f"xlwings-0.37.8.data/data/{dll}" for dll in xlwings_dlls()} <= names


def test_versions_resolved_in_separate_runs_are_checked_against_each_other_for_windows() -> None:
    """pip cannot check Windows' markers here, so the chosen versions are checked with packaging:
    a Windows-only package resolved on its own must still meet what the others require."""
    items = [
        {"metadata": {"name": "xlwings", "requires_dist": ["pywin32>=224; platform_system == 'Windows'",
                                                           "psutil>=2; platform_system == 'Darwin'"]}},
        {"metadata": {"name": "typer", "requires_dist": ["colorama>=0.4; platform_system == 'Windows'"]}},
    ]  # fmt: skip
    fine = [bundle.Package("xlwings", "0.37.8", ""), bundle.Package("pywin32", "311", ""),
            bundle.Package("typer", "0.28.0", ""), bundle.Package("colorama", "0.4.6", "")]  # fmt: skip
    assert bundle.unmet_requirements(items, fine, "3.12") == []
    old = [*fine[:3], bundle.Package("colorama", "0.3.9", "")]
    assert bundle.unmet_requirements(items, old, "3.12") == ["typer: colorama>=0.4; platform_system == 'Windows' (0.3.9)"]
    assert bundle.unmet_requirements(items, fine[:1], "3.12") == ["xlwings: pywin32>=224; platform_system == 'Windows' (tidak ada)"]


def test_the_python_installers_admin_prompt_is_avoided_in_every_instruction() -> None:
    """Fault 12: python.org's installer asks for administrator rights for py.exe by default, against
    "no admin needed"; every place that tells the office to install Python says which box to clear."""
    windows = (ROOT / "docs" / "windows.md").read_text(encoding="utf-8")
    for text in (bundle.readme(__version__, []), bundle.pasang_bat(__version__), windows):
        assert "Use admin privileges when installing py.exe" in " ".join(text.split()), text[:60]
    for text in (bundle.readme(__version__, []), windows):
        assert "Install launcher for all users" in " ".join(text.split())  # Python 3.11's wording
