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
DLL32 = install.xlwings_dll(32)
PYTHON_ORG = r"C:\Users\kasubag\AppData\Local\Programs\Python\Python311"
VENV = r"C:\Kinerja\venv"
USER_SITE = r"C:\Users\kasubag\AppData\Roaming\Python\Python311"


def files(*paths: str) -> Callable[[str], bool]:
    """A simulated Windows file system holding exactly ``paths``."""
    held = {p.lower() for p in paths}
    return lambda path: path.lower() in held


def both(folder: str) -> list[str]:
    """The two xlwings DLLs in ``folder``, as xlwings' Windows wheel installs them."""
    return [rf"{folder}\{DLL32}", rf"{folder}\{DLL}"]


def test_the_dll_name_is_the_one_the_addins_vba_declares(built_xlam: Path) -> None:
    from oletools.olevba import VBA_Parser

    [xlwings] = [c for _, _, n, c in VBA_Parser(str(built_xlam)).extract_macros() if n.startswith("xlwings")]
    assert f'Lib "{DLL}"' in xlwings and f'Lib "{install.xlwings_dll(32)}"' in xlwings
    assert "If LoadLibrary(ParentFolder(PYTHON_WIN) + " in xlwings  # beside python.exe
    assert "If LoadLibrary(ParentFolder(ParentFolder(PYTHON_WIN)) + " in xlwings  # one folder up


@pytest.mark.parametrize(
    "interpreter,dll",
    [
        (rf"{PYTHON_ORG}\python.exe", PYTHON_ORG),  # python.org installer, pip as usual
        (rf"{VENV}\Scripts\python.exe", VENV),  # a virtual environment
    ],
)
def test_an_interpreter_with_the_dll_where_vba_looks_is_accepted(interpreter: str, dll: str) -> None:
    install.check_interpreter(interpreter, exists=files(interpreter, *both(dll)))


def test_both_dlls_are_required_since_a_64_bit_python_serves_a_32_bit_excel_too() -> None:
    """Fault 2: xlwings runs Python in a process of its own, so the bundle's 64-bit Python serves a
    32-bit Excel, whose VBA loads xlwings32-<versi>.dll: that one must be there as well."""
    python = rf"{VENV}\Scripts\python.exe"
    with pytest.raises(install.InstallError, match=DLL32):
        install.check_interpreter(python, exists=files(python, rf"{VENV}\{DLL}"))
    assert install.xlwings_dlls() == (DLL32, DLL)


@pytest.mark.parametrize(
    "interpreter,present,fragments",
    [
        (  # pip install --user: the DLL went to the user's Python folder
            rf"{PYTHON_ORG}\python.exe",
            both(USER_SITE),
            [DLL32, PYTHON_ORG, "--user", "--force-reinstall xlwings==0.37.8", "python -m venv"],
        ),
        (  # the Microsoft Store's app execution alias
            r"C:\Users\kasubag\AppData\Local\Microsoft\WindowsApps\python.exe",
            both(r"C:\Users\kasubag\AppData\Local\Microsoft"),
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
        install.check_interpreter(interpreter, exists=files(interpreter, *present))
    for fragment in fragments:
        assert fragment in str(refused.value)


def test_a_virtual_environment_made_from_the_store_python_is_refused() -> None:
    python = rf"{VENV}\Scripts\python.exe"
    store = r"C:\Program Files\WindowsApps\PythonSoftwareFoundation.Python.3.12_3.12.2800.0_x64__qbz5n2kfra8p0"
    with pytest.raises(install.InstallError, match="Microsoft Store"):
        install.check_interpreter(python, exists=files(python, *both(VENV)), base_prefix=store)
    install.check_interpreter(python, exists=files(python, *both(VENV)), base_prefix=PYTHON_ORG)


def test_pasang_refuses_a_bad_interpreter_before_writing_anything(tmp_path: Path) -> None:
    xlstart = tmp_path / "Excel" / "XLSTART"
    xlstart.mkdir(parents=True)
    python = rf"{PYTHON_ORG}\python.exe"
    with pytest.raises(install.InstallError):
        install.pasang(xlstart, python, exists=files(python, *both(USER_SITE)))
    assert list(tmp_path.rglob("*.*")) == []


def test_pasang_builds_into_xlstart_with_the_python_and_lepas_removes_it(tmp_path: Path) -> None:
    xlstart = tmp_path / "XLSTART"
    python = rf"{VENV}\Scripts\python.exe"
    done = install.pasang(xlstart, python, exists=files(python, *both(VENV)), code_page="cp1252", local_appdata=tmp_path)
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
    install.pasang(xlstart, python, exists=files(python, *both(PYTHON_ORG)), code_page="cp1252", local_appdata=tmp_path)
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


def _pasang(xlstart: Path, python: str, **kwargs: object) -> install.Installed:
    folder = python.rsplit("\\", 2)[0]
    return install.pasang(xlstart, python, exists=files(python, *both(folder)), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("user", ["Ωμέγα", "张伟", "Siti"])
def test_a_folder_outside_the_ansi_code_page_is_refused_before_writing(tmp_path: Path, user: str) -> None:
    """Fault 13: the VBA hands the interpreter's path to Windows through the ANSI code page
    (Declare strings, LoadLibraryA, the DLL's CreateProcessA): a user name in another script breaks
    it. Refused with pasang.bat's way out (install into another folder)."""
    xlstart = tmp_path / "XLSTART"
    python = rf"C:\Users\{user}\AppData\Local\Kinerja\venv\Scripts\python.exe"
    if user == "Siti":
        assert _pasang(xlstart, python, code_page="cp1252", local_appdata=tmp_path).addin.is_file()
        return
    with pytest.raises(install.InstallError) as refused:
        _pasang(xlstart, python, code_page="cp1252", local_appdata=tmp_path)
    assert "kode halaman Windows (cp1252)" in str(refused.value) and "pasang.bat C:\\Kinerja" in str(refused.value)
    assert not xlstart.exists()
    assert _pasang(xlstart, python, code_page="cp1253" if user == "Ωμέγα" else "cp936", local_appdata=tmp_path)


def test_an_addin_taken_away_by_the_antivirus_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault 10: Microsoft Defender has quarantined xlwings' own add-in (a false positive); the
    install says so instead of a missing tab."""
    real_build = install.build_xlam

    def quarantined(target: Path, *args: object, **kwargs: object) -> Path:
        real_build(target, *args, **kwargs)  # type: ignore[arg-type]
        target.unlink()  # what real-time protection does right after the write
        return target

    monkeypatch.setattr(install, "build_xlam", quarantined)
    with pytest.raises(install.InstallError) as refused:
        _pasang(tmp_path / "XLSTART", rf"{VENV}\Scripts\python.exe", code_page="cp1252", local_appdata=tmp_path)
    assert "Wacatac.H!ml" in str(refused.value) and "Protection history" in str(refused.value)
    assert "'Untuk admin TI' di windows.md" in str(refused.value)


def test_a_network_xlstart_and_store_office_are_noted(tmp_path: Path) -> None:
    """Fault 11: AppData redirected to a server (XLSTART on a share: not trusted by default) and
    Office from the Microsoft Store are told, with what to do."""
    (tmp_path / "Packages" / install.STORE_OFFICE).mkdir(parents=True)
    notes = install.placement_notes(Path("//server/profil$/kasubag/AppData/Roaming/Microsoft/Excel/XLSTART"), tmp_path)
    assert len(notes) == 2
    assert "jaringan" in notes[0] and "Trusted Locations" in notes[0]
    assert "Microsoft Store" in notes[1] and "Add-ins > Browse" in notes[1]
    assert install.placement_notes(tmp_path / "XLSTART", tmp_path / "kosong") == ()
