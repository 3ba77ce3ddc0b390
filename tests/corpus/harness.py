"""Running Kinerja on a corpus case: in-process for speed, or as a real process with limits.

``kinerja(...)`` starts the real command line in a subprocess with a wall-clock timeout and, on
Linux, an address-space limit (``resource.setrlimit`` in ``preexec_fn``): a hang or a memory blow-up
fails the test instead of the machine. ``cli(...)`` runs the same commands in-process (CliRunner).
Both return the exit code and everything printed; ``refused`` checks the common promise: exit 2,
an Indonesian message with the given fragments, no traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from xlwings_app.cli import app

ROOT = Path(__file__).resolve().parents[2]
MEMORY_MB = 1024


@dataclass(frozen=True)
class Run:
    code: int
    output: str


def cli(*args: str) -> Run:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return Run(result.exit_code, result.output)


CAPS_OVER_FILES = (0, 1, 2, 3, 4)
"""CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_FSETID: what lets root ignore
file permissions."""


def _drop_root_file_powers() -> None:
    """Drop root's power over file permissions (from the bounding set: gone after exec)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in CAPS_OVER_FILES:
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _limits(memory_mb: int | None, as_user: bool) -> Callable[[], None] | None:
    if sys.platform != "linux":
        return None

    def apply() -> None:
        import resource

        if memory_mb:
            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        if as_user and os.geteuid() == 0:
            _drop_root_file_powers()

    return apply


def _env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    env.pop("KINERJA_DEBUG", None)
    return {**env, **(extra or {})}


def kinerja(*args: object, timeout: float = 60, memory_mb: int | None = MEMORY_MB, as_user: bool = False,
            env: Mapping[str, str] | None = None) -> Run:
    """``kinerja ARGS`` as a real process; fails the test on a timeout.

    ``as_user``: file permissions apply even when the tests run as root (as for any office user).
    """
    command = [sys.executable, "-c", "from xlwings_app.cli import main; main()", *map(str, args)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=_env(env),
                          preexec_fn=_limits(memory_mb, as_user))
    return Run(done.returncode, done.stdout + done.stderr)


def spawn(*args: object, memory_mb: int | None = MEMORY_MB) -> subprocess.Popen[str]:
    """``kinerja ARGS`` started in the background (for killing it, or racing a second writer)."""
    command = [sys.executable, "-c", "from xlwings_app.cli import main; main()", *map(str, args)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
                            preexec_fn=_limits(memory_mb, False))


def flat(text: str) -> str:
    """Console output with its line wrapping undone."""
    return " ".join(text.split())


def refused(run: Run, *fragments: str) -> None:
    """Exit 2, every fragment in the (unwrapped) output, and no traceback or internal error."""
    text = flat(run.output)
    assert run.code == 2, run.output
    assert "Traceback" not in run.output and "Galat internal" not in run.output, run.output
    for fragment in fragments:
        assert fragment in text, (fragment, run.output)


def rekap_refused(run: Run, file: str, *fragments: str) -> list[dict[str, object]]:
    """``kinerja rekap --json`` refused (exit 2): a problem of ``file`` carries every fragment."""
    assert run.code == 2, run.output
    assert "Traceback" not in run.output and "Galat internal" not in run.output, run.output
    problems: list[dict[str, object]] = json.loads(run.output)["masalah"]
    mine = [p for p in problems if p["file"] == file and p["tingkat"] == "galat"]
    assert any(all(f in str(p["pesan"]) for f in fragments) for p in mine), (file, fragments, problems)
    return problems


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
