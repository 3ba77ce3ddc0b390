"""Saving never loses the master: failures leave it as it was, busy files are refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xlwings_app.adapters.xlsx.guard import WorkbookError
from xlwings_app.adapters.xlsx.safe_write import FileBusyError, save_atomically, writer_lock
from xlwings_app.services.hitung import hitung


def test_a_failure_while_writing_leaves_the_original_and_no_temp_file(example_path: Path) -> None:
    before = example_path.read_bytes()

    def broken(tmp: Path) -> None:
        tmp.write_bytes(b"half a file")
        raise OSError("disk penuh")

    with pytest.raises(WorkbookError, match="disk penuh. File asli tidak diubah"):
        save_atomically(example_path, broken)
    assert example_path.read_bytes() == before
    assert sorted(p.name for p in example_path.parent.iterdir()) == [example_path.name]


def test_a_written_file_that_is_not_a_workbook_is_refused(example_path: Path) -> None:
    before = example_path.read_bytes()
    with pytest.raises(Exception, match="tidak utuh"):
        save_atomically(example_path, lambda tmp: tmp.write_bytes(b"not a zip"))
    assert example_path.read_bytes() == before


def test_a_file_open_in_excel_is_refused_with_a_message(example_path: Path) -> None:
    (example_path.parent / f"~${example_path.name}").write_bytes(b"owner")
    before = example_path.read_bytes()
    with pytest.raises(FileBusyError, match="sedang dibuka di Excel"):
        hitung(example_path)
    assert example_path.read_bytes() == before


def test_a_second_writer_is_refused(example_path: Path) -> None:
    before = example_path.read_bytes()
    with writer_lock(example_path), pytest.raises(FileBusyError, match="proses Kinerja lain"):
        hitung(example_path)
    assert example_path.read_bytes() == before


def test_a_stale_lock_of_a_crashed_writer_is_taken_over(example_path: Path) -> None:
    lock = example_path.with_name(f".~{example_path.name}.kinerja.lock")
    lock.write_text("12345")
    old = lock.stat().st_mtime - 3600
    os.utime(lock, (old, old))
    assert hitung(example_path).ditulis
    assert not lock.exists()


def test_a_backup_of_the_previous_version_is_kept(example_path: Path) -> None:
    before = example_path.read_bytes()
    result = hitung(example_path)
    assert result.cadangan is not None and result.cadangan.read_bytes() == before
