"""A PDF run killed in the middle of LibreOffice's conversion never blocks the next run and never
loses the earlier PDF (defect 4 of the third probe): LibreOffice works in a private folder with a
private profile, the PDF is moved into place whole, leftovers of a killed run are cleaned next time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.conftest import ROOT, build_master, kinerja_process
from tests.reliability.test_kabupaten import inbox_of

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(sys.platform != "linux", reason="finds LibreOffice's process through /proc"),
]


def session_processes(session: int) -> list[tuple[int, str]]:
    """The processes of ``session`` (pid, command line)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[3]) == session:  # field 6 of stat: the session id
            found.append((int(entry.name), cmdline))
    return found


def kill_during_conversion(args: list[object], temp: Path) -> None:
    """Start ``kinerja ARGS`` in its own session, wait until LibreOffice converts, then SIGKILL the
    whole session (kinerja and LibreOffice: as a closed terminal or a killed task does)."""
    command = [sys.executable, "-c", "from xlwings_app.cli import main; main()", *(str(a) for a in args)]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "TMPDIR": str(temp)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if any("soffice" in cmd for _pid, cmd in session_processes(process.pid)):
                time.sleep(1.0)  # LibreOffice started and is loading or writing the document
                break
            time.sleep(0.05)
        assert process.poll() is None, "the run ended before LibreOffice could be interrupted"
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    deadline = time.monotonic() + 10
    while session_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)


def stale(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".~lock", ".~", "kinerja-lo")))


def pdf_ok(path: Path) -> bool:
    return path.is_file() and path.read_bytes()[:5] == b"%PDF-"


@pytest.mark.parametrize("command", ["laporan", "kabupaten"])
def test_a_killed_pdf_run_is_followed_by_a_normal_one(tmp_path: Path, command: str) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    book = build_master(tmp_path / "unit" / "kinerja.xlsx")
    out = tmp_path / "hasil"
    if command == "laporan":
        args: list[object] = ["laporan", book, "-p", "TW2", "--pdf", "--keluar", out]
        pdf = out / "Pengukuran_Kinerja_2024_TW2.pdf"
    else:
        inbox = inbox_of(tmp_path / "kiriman", [book])
        args = ["kabupaten", inbox, "-p", "TW2", "--pdf", "--keluar", out / "Rekap.xlsx"]
        pdf = out / "Rekapitulasi_Pengukuran_Kinerja_2024_TW2_DRAF.pdf"  # no signer in Isian Kabupaten yet
    env = {"TMPDIR": str(temp)}
    first = kinerja_process(*args, env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    earlier = pdf.read_bytes()

    kill_during_conversion(args, temp)
    assert pdf_ok(pdf) and pdf.read_bytes() == earlier, "the earlier PDF was lost"
    assert not [p for p in out.iterdir() if p.name.startswith(".~lock")], "a LibreOffice lock file blocks the next run"

    again = kinerja_process(*args, env=env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert pdf_ok(pdf)
    assert stale(out) == [] and stale(temp) == [], "leftovers of the killed run"


def test_a_lock_file_left_by_an_older_version_does_not_block(tmp_path: Path) -> None:
    book = build_master(tmp_path / "kinerja.xlsx")
    out = tmp_path / "hasil"
    out.mkdir()
    (out / ".~lock.Pengukuran_Kinerja_2024_TW2.pdf#").write_text("x,host,x,01.01.2024 00:00,file:///x;\n")
    done = kinerja_process("laporan", book, "-p", "TW2", "--pdf", "--keluar", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert pdf_ok(out / "Pengukuran_Kinerja_2024_TW2.pdf")
