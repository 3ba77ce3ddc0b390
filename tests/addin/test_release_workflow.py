"""The release workflow (.github/workflows/rilis.yml), linted by actionlint with ShellCheck.

actionlint checks the workflow's syntax, job graph, expressions and action inputs, and runs
ShellCheck on every ``run:`` script of the bash steps. Both come with the ``test`` extra
(pyproject.toml) as wheels with their binaries, so ``make test`` has them on a clean machine.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "rilis.yml"
BIN = Path(sys.executable).parent


def _actionlint(*workflows: Path) -> subprocess.CompletedProcess[str]:
    actionlint = BIN / "actionlint"
    assert actionlint.is_file(), "actionlint tidak terpasang: pip install -e '.[test]'"
    assert (BIN / "shellcheck").is_file(), "shellcheck tidak terpasang: pip install -e '.[test]'"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # actionlint finds shellcheck
    return subprocess.run(
        [str(actionlint), "-shellcheck", str(BIN / "shellcheck"), "-no-color", *map(str, workflows)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def test_the_release_workflow_passes_actionlint() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows == [WORKFLOW]
    result = _actionlint(*workflows)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "broken,expected,reason",
    [
        ("    runs-on: ubuntu-latest\n    permissions:", "    runs-on: ubuntu-latest\n    permisions:", "permisions"),
        ('test "v${version}" = "${GITHUB_REF_NAME}"', "test v$version = ${GITHUB_REF_NAME}", "SC2086"),
        ("needs: [paket, uji-pasang]", "needs: [paket, uji-pasangan]", "uji-pasangan"),
    ],
    ids=["unknown key", "shellcheck", "unknown job"],
)
def test_actionlint_catches_a_broken_workflow(tmp_path: Path, broken: str, expected: str, reason: str) -> None:
    """So that the lint above can fail: the same workflow with one mistake is refused."""
    text = WORKFLOW.read_text(encoding="utf-8")
    assert broken in text
    copy = tmp_path / WORKFLOW.name
    copy.write_text(text.replace(broken, expected), encoding="utf-8")
    result = _actionlint(copy)
    assert result.returncode != 0 and reason in result.stdout, result.stdout


def test_a_tag_builds_the_wheel_and_the_bundle_on_both_systems_and_releases_them() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r'^on:\n  push:\n    tags: \["v\*"\]', text, re.M)
    assert "os: [ubuntu-latest, windows-latest]" in text
    assert "python -m pip wheel --no-deps --wheel-dir dist ." in text
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    made = re.search(r"-m xlwings_app\.addin\.bundle (dist/kinerja-\*\.whl --keluar dist[^\n]*)", makefile)
    released = re.search(r"-m xlwings_app\.addin\.bundle (dist/kinerja-\*\.whl --keluar dist[^\n]*\n[^\n]*)", text)
    assert made and released
    assert made.group(1).split() == released.group(1).split()  # the same bundle as make dist
    assert 'call "%PAKET%\\pasang.bat" "%TUJUAN%" < NUL || exit /b 1' in text  # run for real on Windows
    assert 'set "TUJUAN=%RUNNER_TEMP%\\Kinerja (uji) & co"' in text  # a ")" and a "&" in the folder
    assert "if: startsWith(github.ref, 'refs/tags/v')" in text and "contents: write" in text
    assert 'gh release create "${GITHUB_REF_NAME}" kinerja-*.whl Kinerja-Windows-*.zip SHA256SUMS.txt' in text
