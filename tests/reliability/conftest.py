"""Shared set-up of the reliability tests: a complete unit master and the ``kinerja`` command.

The master is the built-in example (Profil with signer and NIP, sheet Pejabat, IKU and IKI with
their penanggung jawab, analysis filled in), so every writing command succeeds on it as it is; each
test then breaks one thing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.ready import example_workbook
from tests.reliability.hostile import HostileFolder

ROOT = Path(__file__).resolve().parents[2]


def build_master(path: Path, **profil: object) -> Path:
    """The example unit's workbook at ``path`` (``profil`` overrides Profil fields)."""
    return example_workbook(path, spare_rows=3, **profil)  # built once per run, copied


@pytest.fixture
def master(tmp_path: Path) -> Path:
    return build_master(tmp_path / "kinerja.xlsx")


def kinerja(*args: object) -> Result:
    """``kinerja ARGS`` in this process (what a hostile folder injects reaches it); tables printed
    wide enough that a file name is never broken over two lines."""
    from xlwings_app.cli import app, common

    for lazy in (common.console, common.err_console):
        lazy._options["width"], lazy._console = 1000, None
    return CliRunner().invoke(app, [str(a) for a in args])


def kinerja_process(*args: object, env: dict[str, str] | None = None, timeout: float = 300,
                    **options: object) -> subprocess.CompletedProcess[str]:
    """``kinerja ARGS`` as its own process (the console script's ``main``)."""
    command = [sys.executable, "-c", "from xlwings_app.cli import main; main()", *(str(a) for a in args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, **(env or {})}, check=False, **options)  # type: ignore[call-overload]


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes (what "nothing was changed" compares)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[HostileFolder]]:
    """Hostile folders made by the test (``HostileFolder(tmp_path, kind, method, monkeypatch)``),
    released (unmounted, injection undone) at the end whatever happened."""
    made: list[HostileFolder] = []
    yield made
    for folder in made:
        folder.release()
