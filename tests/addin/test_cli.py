"""``kinerja addin``: help with examples, build, and pasang/lepas (Windows only)."""

from __future__ import annotations

import sys
import zipfile
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


def test_pasang_builds_into_xlstart_with_this_python_and_lepas_removes_it(tmp_path: Path) -> None:
    xlstart = tmp_path / "XLSTART"
    done = install.pasang(xlstart)
    assert done.addin == xlstart / "Kinerja.xlam" and done.addin.is_file()
    with zipfile.ZipFile(done.addin) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert sys.executable in sheet and str(install.package_root()) in sheet
    assert install.lepas(xlstart) == done.addin
    assert not done.addin.exists()
    assert install.lepas(xlstart) is None


def test_xlstart_is_under_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPDATA", str(Path("C:/Users/kasubag/AppData/Roaming")))
    assert install.xlstart_dir() == Path("C:/Users/kasubag/AppData/Roaming/Microsoft/Excel/XLSTART")
    monkeypatch.delenv("APPDATA")
    with pytest.raises(install.InstallError):
        install.xlstart_dir()
