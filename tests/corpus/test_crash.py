"""Crash safety of a write: a failure at each step, a killed process, a second writer, read-only files.

Faults are injected into the real code (the file-system calls ``save_atomically`` makes are made to
fail); the kill and the second writer are real processes. After every failure the master is
byte-identical and opens, every backup opens, and the next run works.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.corpus.harness import ROOT, cli, digest, kinerja, refused, spawn
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx import package as zip_package
from xlwings_app.adapters.xlsx import safe_write
from xlwings_app.adapters.xlsx.safe_write import BACKUP_DIR, lock_file
from xlwings_app.domain.settings import Settings
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators

TEMP = re.compile(r"^\.~.*\.tmp\.xlsx$")


def leftovers(folder: Path) -> list[str]:
    """Temporary files and locks beside the master, and partial copies among the backups."""
    names = [p.name for p in folder.iterdir() if TEMP.match(p.name) or p.name.endswith(".kinerja.lock")]
    backups = folder / BACKUP_DIR
    return names + ([p.name for p in backups.iterdir() if p.name.startswith(".~")] if backups.is_dir() else [])


def assert_intact(master: Path, before: str) -> None:
    """The master is exactly as it was and opens; every backup opens."""
    assert digest(master) == before
    load_workbook(master, read_only=True).close()
    for backup in (master.parent / BACKUP_DIR).glob("*.xlsx"):
        assert zipfile.is_zipfile(backup), backup.name
        load_workbook(backup, read_only=True).close()


def _half_then(error: OSError) -> Callable[..., None]:
    def fail(*args: object, **kwargs: object) -> None:
        target = Path(str(args[-1] if len(args) > 1 else args[0]))
        if target.suffix in (".xlsx", ".part"):
            target.write_bytes(b"PK\x03\x04 setengah")
        raise error

    return fail


def _replace_failing_for(name: str, error: OSError) -> Callable[..., None]:
    real = os.replace

    def replace(src: object, dst: object) -> None:
        if Path(str(dst)).name == name:
            raise error
        real(src, dst)  # type: ignore[arg-type]

    return replace


def _not_for_temp_files(path: object, real: Callable[[object], bool] = zipfile.is_zipfile) -> bool:
    return not Path(str(path)).name.startswith(".~") and real(path)


FULL = OSError(errno.ENOSPC, "No space left on device")


def _disk_full_while_copying(src: zipfile.ZipFile, out: zipfile.ZipFile, name: str) -> None:
    """The disk fills up while ``kinerja hitung``'s package writer copies a part into the temp file."""
    assert out.fp is not None
    out.fp.write(b"PK\x03\x04 setengah")
    raise FULL

STEPS: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], str]] = {
    "write": (lambda mp: mp.setattr(zip_package, "copy_member", _disk_full_while_copying), "Gagal menulis file sementara"),
    "fsync": (lambda mp: mp.setattr(os, "fsync", _half_then(OSError(errno.EIO, "I/O error"))), "Gagal memastikan"),
    "verify": (lambda mp: mp.setattr(safe_write.zipfile, "is_zipfile", _not_for_temp_files), "tidak utuh"),
    "backup-copy": (lambda mp: mp.setattr(shutil, "copy2", _half_then(FULL)), "Gagal membuat cadangan"),
    "replace": (
        lambda mp: mp.setattr(os, "replace", _replace_failing_for("induk.xlsx", OSError(errno.EIO, "I/O error"))),
        "Gagal mengganti file asli",
    ),
    "replace-denied": (
        lambda mp: mp.setattr(os, "replace", _replace_failing_for("induk.xlsx", PermissionError(errno.EACCES, "denied"))),
        "tidak dapat ditimpa",
    ),
}


@pytest.fixture(scope="session")
def _computed(_originals: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dihitung")
    shutil.copy2(_originals / "induk.xlsx", folder / "induk.xlsx")
    assert cli("hitung", folder / "induk.xlsx").code == 0
    return folder


@pytest.fixture
def computed(_computed: Path, tmp_path: Path) -> Path:
    """The example master after one good save: it has a Hasil to keep and a backup."""
    shutil.copytree(_computed, tmp_path / "dihitung")
    return tmp_path / "dihitung" / "induk.xlsx"


@pytest.mark.parametrize("step", STEPS)
def test_a_failure_at_each_step_of_the_save_changes_nothing(
    step: str, computed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    master = computed
    before = digest(master)
    backups = sorted((master.parent / BACKUP_DIR).iterdir())
    inject, message = STEPS[step]
    with monkeypatch.context() as mp:
        inject(mp)
        run = cli("hitung", master)
    refused(run, "induk.xlsx", message, "tidak diubah")
    assert_intact(master, before)
    assert sorted((master.parent / BACKUP_DIR).iterdir())[: len(backups)] == backups
    assert leftovers(master.parent) == []  # no temp file, no partial backup, no lock: nothing is stuck


@pytest.fixture(scope="session")
def _big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("besar") / "induk.xlsx"
    build_workbook(SYNTHETIC_PROFIL, random_indicators(3000), Settings(), spare_rows=2).save(path)
    return path


@pytest.fixture
def big(_big: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy2(_big, tmp_path / "induk.xlsx"))


def _wait_for(predicate: Callable[[], bool], proc: subprocess.Popen[str], limit: float = 60) -> None:
    end = time.monotonic() + limit
    while not predicate():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < end, "timed out"
        time.sleep(0.002)


def test_a_process_killed_while_saving_leaves_the_master_whole(big: Path) -> None:
    before = digest(big)
    proc = spawn("hitung", big)
    _wait_for(lambda: any(TEMP.match(p.name) for p in big.parent.iterdir()), proc)
    # killed as soon as the new file is begun: writing 3,000 indicators' Hasil takes a few tenths of a
    # second even on an idle machine (250 rows were written within the 50 ms the test used to wait)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    if digest(big) == before:  # the old version, complete: the replace never happened
        assert_intact(big, before)
        assert leftovers(big.parent)  # the crash left its lock and temp file behind...
    else:  # killed after the replace: then it is the new version, complete
        assert zipfile.is_zipfile(big) and load_workbook(big, read_only=True)["Hasil"].max_row > 250
    run = cli("hitung", big)  # ...and the next run takes the dead writer's lock over at once
    assert run.code == 0, run.output
    assert leftovers(big.parent) == []
    wb = load_workbook(big, read_only=True)
    assert wb["Hasil"].max_row > 250
    wb.close()


HOLDER = """
import sys
from pathlib import Path
from xlwings_app.adapters.xlsx.safe_write import writer_lock
with writer_lock(Path(sys.argv[1])):
    print("terkunci", flush=True)
    sys.stdin.readline()
"""


@pytest.fixture
def holder(master: Path) -> Iterator[subprocess.Popen[str]]:
    """Another Kinerja process holding the write lock of the master."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(master)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "terkunci"
    yield proc
    if proc.poll() is None:
        proc.kill()
        proc.communicate(timeout=10)


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(
    master: Path, form: Path, holder: subprocess.Popen[str]
) -> None:
    before = digest(master)
    refused(kinerja("hitung", master), "sedang ditulis oleh proses Kinerja lain")
    refused(cli("rekap", master, form, "--periode", "TW4"), "sedang ditulis oleh proses Kinerja lain")
    assert digest(master) == before
    holder.communicate("selesai\n", timeout=10)  # the first writer finishes
    assert not lock_file(master).exists()
    assert cli("hitung", master).code == 0


def test_the_lock_of_a_killed_writer_is_taken_over_at_once(master: Path, holder: subprocess.Popen[str]) -> None:
    holder.kill()
    holder.communicate(timeout=10)
    assert lock_file(master).exists()
    run = cli("hitung", master)
    assert run.code == 0, run.output
    assert not lock_file(master).exists()


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_master_is_refused_with_a_message(what: str, master: Path) -> None:
    folder = master.parent
    (master if what == "file" else folder).chmod(0o444 if what == "file" else 0o555)
    try:
        before = digest(master)
        names = sorted(p.name for p in folder.iterdir())
        run = kinerja("hitung", master, as_user=True)
        refused(run, "hanya-baca" if what == "file" else "tidak dapat ditulisi", "tidak diubah")
        assert digest(master) == before
        assert sorted(p.name for p in folder.iterdir()) == names
    finally:
        folder.chmod(0o755)
        master.chmod(0o644)
