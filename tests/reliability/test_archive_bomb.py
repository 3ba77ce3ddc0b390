"""A unit archive that inflates to far more than it weighs is refused before it is inflated (defect 3
of the third probe), measured in a ``kinerja kabupaten`` process whose memory is capped."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

from tests.reliability.conftest import build_master, kinerja_process
from tests.reliability.test_kabupaten import PYTHON_TEXT
from xlwings_app.adapters.documents.archive import verify_archive
from xlwings_app.domain.indicator import Periode
from xlwings_app.services.contoh_kabupaten import seal

CAP = 600 << 20
"""The address space the kabupaten process may use (600 MB): the bomb inflates to 1 GiB."""
BOMB = 1 << 30


def bomb_archive(source: Path, target: Path, member: str) -> Path:
    """``source`` (a sealed archive) with ``member`` replaced or added: 1 GiB of zeros (about 1 MB
    deflated), listed in the manifest so that it is hashed."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        manifest = json.loads(zin.read("manifest.json"))
        for info in zin.infolist():
            if info.filename not in (member, "manifest.json"):
                zout.writestr(info, zin.read(info))
        with zout.open(member, "w", force_zip64=True) as handle:
            block = b"\0" * (1 << 22)
            for _ in range(BOMB // len(block)):
                handle.write(block)
        if member != "manifest.json":
            manifest["berkas"][member] = "0" * 64
            zout.writestr("manifest.json", json.dumps(manifest))
    return target


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bom")
    book = build_master(root / "unit" / "kinerja.xlsx")
    archive = seal(book, Periode.TW2, root / "arsip")
    inbox = root / "kiriman"
    inbox.mkdir()
    bomb_archive(archive, inbox / "Arsip_bom_lampiran.zip", "lampiran/pindaian.pdf")
    bomb_archive(archive, inbox / "Arsip_bom_manifest.zip", "manifest.json")
    build_master(inbox / "lain.xlsx", unit="Kecamatan Lain")  # a readable unit: the rekap is made
    assert (inbox / "Arsip_bom_lampiran.zip").stat().st_size < 8 << 20
    return inbox


def capped() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS caps a process's memory on Linux")
def test_kabupaten_refuses_a_bomb_archive_within_a_memory_cap(inbox: Path, tmp_path: Path) -> None:
    rekap = tmp_path / "Rekap.xlsx"
    done = kinerja_process("kabupaten", inbox, "-p", "TW2", "--keluar", rekap, "--tanpa-dokumen",
                           env={"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}, preexec_fn=capped)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    text = " ".join(output.split())
    for name in ("Arsip_bom_lampiran.zip", "Arsip_bom_manifest.zip"):
        reason = text.split(f"Berkas {name}:", 1)[1].split(" Berkas ", 1)[0]
        assert "bom zip" in reason, reason
        assert not PYTHON_TEXT.search(reason) and "MemoryError" not in reason, reason
    assert "Kecamatan Lain" in output


def test_verify_refuses_the_bomb_without_inflating_it(inbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every member's size and ratio are judged from the directory before a byte is inflated."""
    opened: list[str] = []
    real = zipfile.ZipFile.open

    def counting(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        opened.append(name if isinstance(name, str) else getattr(name, "filename", ""))
        return real(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", counting)
    problems = verify_archive(inbox / "Arsip_bom_lampiran.zip")
    assert problems and any("lampiran/pindaian.pdf" in p for p in problems)
    assert "lampiran/pindaian.pdf" not in opened


def test_a_member_larger_than_its_directory_says_stops_at_the_size_it_declared(tmp_path: Path) -> None:
    """A directory entry that understates its member: hashing reads no more than was declared."""
    from xlwings_app.adapters.documents.archive import build_archive

    small = tmp_path / "kecil.txt"
    small.write_bytes(b"x" * 1000)
    archive = build_archive(tmp_path / "a.zip", {"kecil.txt": small}, {"kode_verifikasi": "X"})
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as z:
        info = z.getinfo("kecil.txt")
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(b"kecil.txt")] != b"kecil.txt":
        central = data.find(b"PK\x01\x02", central + 4)
    size_at = central + 24  # uncompressed size in the central directory entry
    assert int.from_bytes(data[size_at:size_at + 4], "little") == info.file_size
    data[size_at:size_at + 4] = (10).to_bytes(4, "little")
    lying = tmp_path / "bohong.zip"
    lying.write_bytes(bytes(data))
    problems = verify_archive(lying)
    assert any("kecil.txt" in p for p in problems)
    assert not any(PYTHON_TEXT.search(p) or "Bad " in p for p in problems), problems
