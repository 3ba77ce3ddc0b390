"""Run a command as a whole process; wall time, CPU time and peak resident memory of each run.

Peak memory is the child's ``ru_maxrss`` from ``os.wait4`` (kilobytes on Linux), CPU time its
``ru_utime + ru_stime`` (the child and the processes it waited for, e.g. LibreOffice). The bench is
Linux-only and says so elsewhere rather than reporting wrong figures. On a shared machine the wall
time grows with the load; the CPU time much less, so both are reported.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


class UnsupportedPlatform(RuntimeError):
    """The bench measures peak memory with os.wait4 (Linux)."""


def require_linux() -> None:
    if not sys.platform.startswith("linux") or not hasattr(os, "wait4"):
        raise UnsupportedPlatform(
            f"make bench hanya untuk Linux (os.wait4/ru_maxrss); platform ini: {sys.platform}."
        )


@dataclass
class Runs:
    """Every run of one measurement."""

    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    """User + system CPU seconds of each run."""
    inner: list[float] = field(default_factory=list)
    """Seconds the process itself reported (``BENCH_SECONDS=`` on stdout), when it does."""
    engine_calls: list[int] = field(default_factory=list)
    """Calls into xlwings' engine the process reported (``BENCH_PANGGILAN=``): remote-engine figures."""
    failed: str | None = None
    """Why the measurement stopped (time or memory limit), if it did."""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds)

    @property
    def peak(self) -> float:
        return max(self.peak_mib)

    @property
    def inner_median(self) -> float | None:
        return statistics.median(self.inner) if self.inner else None


def _limit(address_space_mib: int | None) -> Callable[[], None] | None:
    if address_space_mib is None:
        return None

    def apply() -> None:
        import resource

        size = address_space_mib * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    return apply


def _spawn(
    argv: Sequence[str], env: dict[str, str] | None, timeout: float | None = None, limit_mib: int | None = None
) -> tuple[float, float, float, str, str, int]:
    start = time.perf_counter()
    with open(os.devnull, "rb") as stdin:
        proc = subprocess.Popen(
            list(argv),
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            preexec_fn=_limit(limit_mib),
        )
    killer = threading.Timer(timeout, proc.kill) if timeout else None
    if killer:
        killer.start()
    # Read both pipes on threads so a chatty child never blocks, then reap it with wait4.
    chunks: dict[str, bytes] = {}

    def drain(name: str, stream) -> None:  # type: ignore[no-untyped-def]
        chunks[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=("out", proc.stdout)),
        threading.Thread(target=drain, args=("err", proc.stderr)),
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if killer:
        killer.cancel()
    for reader in readers:
        reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return (
        wall,
        usage.ru_maxrss / 1024,
        usage.ru_utime + usage.ru_stime,
        chunks["out"].decode(errors="replace"),
        chunks["err"].decode(errors="replace"),
        proc.returncode,
    )


def measure(
    argv: Sequence[str],
    repeat: int,
    prepare: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
    limit_mib: int | None = None,
    warmup: bool = False,
) -> Runs:
    """Run ``argv`` ``repeat`` times (``prepare`` before each run, not timed; with ``warmup`` one
    more run first, not counted).

    A run killed at ``timeout`` seconds, or failing under the ``limit_mib`` address-space limit,
    ends the measurement: ``failed`` says why, and the figures are that run's.
    """
    runs = Runs()
    if warmup:  # one run first, not counted: the disk cache and .pyc files are warm for every run
        if prepare:
            prepare()
        _spawn(argv, env, timeout, limit_mib)
    for _ in range(repeat):
        if prepare:
            prepare()
        wall, peak, cpu, out, err, code = _spawn(argv, env, timeout, limit_mib)
        if code != 0 and (timeout and wall >= timeout or limit_mib and "MemoryError" in err):
            runs.seconds.append(wall)
            runs.peak_mib.append(peak)
            runs.cpu_seconds.append(cpu)
            runs.failed = (
                f"dihentikan setelah {timeout:g} s" if timeout and wall >= timeout else f"kehabisan memori ({limit_mib} MiB)"
            )
            return runs
        if code != 0:
            raise RuntimeError(f"{' '.join(argv)} gagal (kode {code}):\n{(err or out)[-2000:]}")
        runs.seconds.append(wall)
        runs.peak_mib.append(peak)
        runs.cpu_seconds.append(cpu)
        for line in out.splitlines():
            if line.startswith("BENCH_SECONDS="):
                runs.inner.append(float(line.partition("=")[2]))
            elif line.startswith("BENCH_PANGGILAN="):
                runs.engine_calls.append(int(line.partition("=")[2]))
    return runs


def measure_alternating(
    first: Sequence[str],
    second: Sequence[str],
    repeat: int,
    prepare_first: Callable[[], None] | None = None,
    prepare_second: Callable[[], None] | None = None,
) -> tuple[Runs, Runs]:
    """Both commands ``repeat`` times in turns (first, second, first, ...), after one warm-up run
    of each: a ratio between two commands is then taken under the same load of the machine, run
    by run, rather than between two series measured minutes apart."""
    pair = (Runs(), Runs())
    for counted in [False] + [True] * repeat:
        for argv, prepare, runs in ((first, prepare_first, pair[0]), (second, prepare_second, pair[1])):
            if prepare:
                prepare()
            wall, peak, cpu, out, err, code = _spawn(argv, None)
            if code != 0:
                raise RuntimeError(f"{' '.join(argv)} gagal (kode {code}):\n{(err or out)[-2000:]}")
            if counted:
                runs.seconds.append(wall)
                runs.peak_mib.append(peak)
                runs.cpu_seconds.append(cpu)
                runs.inner.extend(float(line.partition("=")[2]) for line in out.splitlines()
                                  if line.startswith("BENCH_SECONDS="))  # fmt: skip
    return pair
