"""What the ``kinerja`` command loads (issue 17): the everyday commands start without the heavy
libraries they do not use. Each probe runs the real console script's ``main`` in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pydantic", "openpyxl", "numpy", "PIL", "pandas", "docx", "xlwings")


def _loaded(*args: str, also: tuple[str, ...] = ()) -> tuple[int, list[str]]:
    """The exit code of ``kinerja ARGS`` and the heavy modules (and ``also``) it left imported."""
    probe = (
        "import sys\nfrom xlwings_app.cli import main\n"
        f"sys.argv = ['kinerja', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code or 0\nelse:\n    code = 0\n"
        f"print(code, sorted(m for m in {HEAVY + also!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    code, _, names = out.stdout.strip().splitlines()[-1].partition(" ")
    return int(code), eval(names)  # a printed list of names


def test_help_loads_none_of_them() -> None:
    assert _loaded("--help") == (0, [])


def test_hitung_loads_none_of_them(example_path: Path) -> None:
    assert _loaded("hitung", str(example_path)) == (0, [])


@pytest.mark.parametrize("bad", ["tidak-ada.xlsx", "--periode"])
def test_a_usage_error_loads_none_of_them(bad: str) -> None:
    code, names = _loaded("hitung", bad)
    assert code == 2 and names == []


def test_the_probe_can_see_a_heavy_module(example_path: Path, tmp_path: Path) -> None:
    """``laporan`` does need python-docx (and Pillow for its chart): the probe reports them; it
    prints plain lines only, so rich (tables, consoles) stays unloaded."""
    code, names = _loaded("laporan", str(example_path), "--keluar", str(tmp_path), "--draf", also=("rich",))
    assert code == 0 and {"docx", "PIL"} <= set(names) and "rich" not in names


def test_a_table_loads_rich(example_path: Path) -> None:
    assert "rich" in _loaded("hitung", str(example_path), also=("rich",))[1]
