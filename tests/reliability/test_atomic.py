"""``adapters.documents.atomic``: the files of one command written whole, together, or not at all."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from xlwings_app.adapters.documents.atomic import (
    HOST,
    Outputs,
    WriteFailed,
    place_new,
    remove_leftovers,
    temp_name,
    write_bytes,
)


def test_a_failure_before_commit_leaves_every_earlier_file_and_no_temporary_one(tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.pdf"
    a.write_bytes(b"lama a")
    b.write_bytes(b"lama b")
    with pytest.raises(RuntimeError), Outputs() as outputs:
        outputs.put(a, b"baru a")
        outputs.put(b, b"baru b")
        raise RuntimeError("the converter failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.pdf"]
    assert a.read_bytes() == b"lama a" and b.read_bytes() == b"lama b"


def test_commit_moves_every_file_into_place(tmp_path: Path) -> None:
    with Outputs() as outputs:
        made = outputs.put(tmp_path / "a.docx", b"baru")
        assert made.read_bytes() == b"baru" and made.parent == tmp_path  # readable before the commit
        outputs.commit()
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_a_write_error_names_the_final_file_in_indonesian(tmp_path: Path) -> None:
    def full(_tmp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(WriteFailed) as refused, Outputs() as outputs:
        outputs.write(tmp_path / "Laporan.docx", full)
    assert "Laporan.docx" in refused.value.pesan and "disk penuh" in refused.value.pesan
    assert list(tmp_path.iterdir()) == []


def test_place_new_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "Arsip.zip"
    target.write_bytes(b"pertama")
    tmp = temp_name(target)
    tmp.write_bytes(b"kedua")
    placed = place_new(tmp, target)
    assert placed.name == "Arsip (2).zip" and target.read_bytes() == b"pertama" and placed.read_bytes() == b"kedua"


def test_leftovers_of_a_dead_process_go_those_of_a_live_one_or_another_computer_stay(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    gone = tmp_path / f".~Laporan.docx.{HOST}-{dead}-0123abcd.tmp.docx"
    mine = tmp_path / f".~Laporan.docx.{HOST}-{os.getpid()}-0123abcd.tmp.docx"
    other = "0000" if HOST != "0000" else "ffff"
    elsewhere = tmp_path / f".~Laporan.docx.{other}-{dead}-0123abcd.tmp.docx"
    for path in (gone, mine, elsewhere):
        path.write_bytes(b"setengah")
    remove_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, elsewhere.name])


def test_write_bytes_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"lama")
    write_bytes(target, b"baru")
    assert target.read_bytes() == b"baru" and [p.name for p in tmp_path.iterdir()] == ["x.pdf"]
