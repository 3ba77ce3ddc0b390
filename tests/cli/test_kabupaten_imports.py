"""pandas belongs to ``kinerja kabupaten`` alone: never on the start-up path of the CLI or of ``hitung``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _loaded(code: str) -> list[str]:
    """The heavy modules of the rekap that ``code`` leaves imported (numpy is not one: openpyxl
    imports it when it is installed)."""
    probe = code + "\nimport sys; print(sorted(m for m in ('pandas',) if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return eval(out.stdout.strip().splitlines()[-1])  # a printed list of names


def test_importing_the_cli_imports_no_pandas() -> None:
    assert _loaded("import xlwings_app.cli") == []


def test_the_hitung_path_imports_no_pandas(example_path: Path) -> None:
    code = (
        "from typer.testing import CliRunner\nfrom xlwings_app.cli import app\n"
        f"r = CliRunner().invoke(app, ['hitung', {str(example_path)!r}, '--json'])\nassert r.exit_code == 0, r.output"
    )
    assert _loaded(code) == []


def test_the_kabupaten_command_does_import_it(tmp_path: Path) -> None:
    """The probe can fail: the rekap's frame is pandas."""
    code = "import xlwings_app.services.kabupaten_tabel as T\nT.indicator_frame([])"
    assert _loaded(code) == ["pandas"]
