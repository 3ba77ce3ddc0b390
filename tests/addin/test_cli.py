"""``kinerja addin``: help with examples, build, and pasang/lepas (Windows only)."""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from xlwings_app.addin import install
from xlwings_app.cli import addin_cmds

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """kinerja"""

    addin_cmds.register(app)
    return app


@pytest.mark.parametrize("command", [[], ["build"], ["pasang"], ["lepas"]])
def test_every_command_has_indonesian_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(_app(), ["addin", *command, "--help"])
    assert result.exit_code == 0
    assert "Contoh: kinerja addin" in result.output


def test_build_writes_the_addin(tmp_path: Path) -> None:
    target = tmp_path / "keluar" / "Kinerja.xlam"
    result = runner.invoke(_app(), ["addin", "build", "--keluar", str(target)])
    assert result.exit_code == 0, result.output
    assert f"Add-in ditulis ke {target}" in result.output
    with zipfile.ZipFile(target) as archive:
        assert "xl/vbaProject.bin" in archive.namelist()


@pytest.mark.skipif(sys.platform.startswith("win"), reason="on Windows these really install")
@pytest.mark.parametrize("command", ["pasang", "lepas"])
def test_pasang_and_lepas_say_they_are_for_windows(command: str) -> None:
    result = runner.invoke(_app(), ["addin", command])
    assert result.exit_code == 1
    assert "hanya untuk Windows" in result.output


DLL = install.xlwings_dll(64)
PYTHON_ORG = r"C:\Users\kasubag\AppData\Local\Programs\Python\Python311"
VENV = r"C:\Kinerja\venv"
USER_SITE = r"C:\Users\kasubag\AppData\Roaming\Python\Python311"


def files(*paths: str) -> Callable[[str], bool]:
    """A simulated Windows file system holding exactly ``paths``."""
    held = {p.lower() for p in paths}
    return lambda path: path.lower() in held


def test_the_dll_name_is_the_one_the_addins_vba_declares(built_xlam: Path) -> None:
    from oletools.olevba import VBA_Parser

    [xlwings] = [c for _, _, n, c in VBA_Parser(str(built_xlam)).extract_macros() if n.startswith("xlwings")]
    assert f'Lib "{DLL}"' in xlwings and f'Lib "{install.xlwings_dll(32)}"' in xlwings
    assert "If LoadLibrary(ParentFolder(PYTHON_WIN) + " in xlwings  # beside python.exe
    assert "If LoadLibrary(ParentFolder(ParentFolder(PYTHON_WIN)) + " in xlwings  # one folder up


@pytest.mark.parametrize(
    "interpreter,dll",
    [
        (rf"{PYTHON_ORG}\python.exe", rf"{PYTHON_ORG}\{DLL}"),  # python.org installer, pip as usual
        (rf"{VENV}\Scripts\python.exe", rf"{VENV}\{DLL}"),  # a virtual environment
    ],
)
def test_an_interpreter_with_the_dll_where_vba_looks_is_accepted(interpreter: str, dll: str) -> None:
    install.check_interpreter(interpreter, DLL, exists=files(interpreter, dll))


@pytest.mark.parametrize(
    "interpreter,present,fragments",
    [
        (  # pip install --user: the DLL went to the user's Python folder
            rf"{PYTHON_ORG}\python.exe",
            [rf"{USER_SITE}\{DLL}"],
            [DLL, PYTHON_ORG, "--user", "--force-reinstall xlwings==0.37.8", "python -m venv"],
        ),
        (  # the Microsoft Store's app execution alias
            r"C:\Users\kasubag\AppData\Local\Microsoft\WindowsApps\python.exe",
            [rf"C:\Users\kasubag\AppData\Local\Microsoft\{DLL}"],
            ["Microsoft Store", "python.org"],
        ),
        (  # the Store package itself
            r"C:\Program Files\WindowsApps\PythonSoftwareFoundation.Python.3.11_3.11.2544.0_x64__qbz5n2kfra8p0\python.exe",
            [],
            ["Microsoft Store"],
        ),
        ("python", [], ["path lengkap ke python.exe"]),
    ],
)
def test_an_interpreter_vba_cannot_use_is_refused_with_the_fix(
    interpreter: str, present: list[str], fragments: list[str]
) -> None:
    with pytest.raises(install.InstallError) as refused:
        install.check_interpreter(interpreter, DLL, exists=files(interpreter, *present))
    for fragment in fragments:
        assert fragment in str(refused.value)


def test_a_virtual_environment_made_from_the_store_python_is_refused() -> None:
    python = rf"{VENV}\Scripts\python.exe"
    store = r"C:\Program Files\WindowsApps\PythonSoftwareFoundation.Python.3.12_3.12.2800.0_x64__qbz5n2kfra8p0"
    with pytest.raises(install.InstallError, match="Microsoft Store"):
        install.check_interpreter(python, DLL, exists=files(python, rf"{VENV}\{DLL}"), base_prefix=store)
    install.check_interpreter(python, DLL, exists=files(python, rf"{VENV}\{DLL}"), base_prefix=PYTHON_ORG)


def test_pasang_refuses_a_bad_interpreter_before_writing_anything(tmp_path: Path) -> None:
    xlstart = tmp_path / "Excel" / "XLSTART"
    xlstart.mkdir(parents=True)
    python = rf"{PYTHON_ORG}\python.exe"
    with pytest.raises(install.InstallError):
        install.pasang(xlstart, python, exists=files(python, rf"{USER_SITE}\{DLL}"))
    assert list(tmp_path.rglob("*.*")) == []


def test_pasang_builds_into_xlstart_with_the_python_and_lepas_removes_it(tmp_path: Path) -> None:
    xlstart = tmp_path / "XLSTART"
    python = rf"{VENV}\Scripts\python.exe"
    done = install.pasang(xlstart, python, exists=files(python, rf"{VENV}\{DLL}"))
    assert done.addin == xlstart / "Kinerja.xlam" and done.addin.is_file()
    with zipfile.ZipFile(done.addin) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert python in sheet and str(install.package_root()) in sheet
    assert install.lepas(xlstart) == done.addin
    assert not done.addin.exists()
    assert install.lepas(xlstart) is None


def test_pasang_writes_its_temporary_file_where_excel_does_not_load_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel opens every file in XLSTART; a killed install must not leave a second add-in there."""
    import os

    xlstart = tmp_path / "Excel" / "XLSTART"
    xlstart.mkdir(parents=True)
    (xlstart / ".kinerja-old1.xlam").write_bytes(b"left by a killed install of an older version")
    (xlstart.parent / ".kinerja-old2.tmp").write_bytes(b"left by a killed install")
    (xlstart / "Pribadi.xlsb").write_bytes(b"the user's own")
    moved: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def replace(source: str, target: Path) -> None:
        moved.append((Path(source), Path(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    python = rf"{PYTHON_ORG}\python.exe"
    install.pasang(xlstart, python, exists=files(python, rf"{PYTHON_ORG}\{DLL}"))
    [(source, target)] = moved
    assert source.parent == xlstart.parent and source.suffix == ".tmp" and source.name.startswith(".kinerja-")
    assert target == xlstart / "Kinerja.xlam"
    assert sorted(p.name for p in xlstart.iterdir()) == ["Kinerja.xlam", "Pribadi.xlsb"]
    assert [p.name for p in xlstart.parent.iterdir()] == ["XLSTART"]


def test_build_with_interpreter_writes_it_and_without_warns(tmp_path: Path) -> None:
    target = tmp_path / "Kinerja.xlam"
    python = rf"{VENV}\Scripts\python.exe"
    result = runner.invoke(_app(), ["addin", "build", "-o", str(target), "--interpreter", python])
    assert result.exit_code == 0, result.output
    assert "Peringatan" not in result.output
    with zipfile.ZipFile(target) as archive:
        assert python in archive.read("xl/worksheets/sheet1.xml").decode()
    result = runner.invoke(_app(), ["addin", "build", "-o", str(target)])
    assert result.exit_code == 0
    assert "Peringatan: add-in ini tidak menyebut interpreter Python (Interpreter_Win)" in result.output
    store = r"C:\Users\k\AppData\Local\Microsoft\WindowsApps\python.exe"
    result = runner.invoke(_app(), ["addin", "build", "-o", str(target), "--interpreter", store])
    assert result.exit_code == 1 and "Microsoft Store" in result.output


def test_xlstart_is_under_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPDATA", str(Path("C:/Users/kasubag/AppData/Roaming")))
    assert install.xlstart_dir() == Path("C:/Users/kasubag/AppData/Roaming/Microsoft/Excel/XLSTART")
    monkeypatch.delenv("APPDATA")
    with pytest.raises(install.InstallError):
        install.xlstart_dir()
