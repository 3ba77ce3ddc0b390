"""``kinerja arsip`` as one unit of work (defects 6, 7, 11 and 12 of the third probe): archives never
replace each other, attachments of one name are all kept, a missing attachment or a master that
cannot take the seal is refused before anything is made, and no work folder outlives its run."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from tests.reliability.conftest import files_of, kinerja
from xlwings_app.adapters.documents.archive import sha256_file, verify_archive
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.services import arsip as arsip_service

FIXED = dt.datetime(2024, 7, 5, 9, 30, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture
def master(master: Path) -> Path:
    """The master whose TW II document was made final beside it (the document signed, then sealed)."""
    made = kinerja("laporan", master, "-p", "TW2")
    assert made.exit_code == 0, made.output
    return master


@pytest.fixture
def same_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every archive of this test is sealed at the same moment (two runs within one minute)."""
    real = arsip_service.buat_arsip

    def at_fixed_time(*args: object, **kwargs: object) -> arsip_service.Arsip:
        kwargs["now"] = FIXED
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(arsip_service, "buat_arsip", at_fixed_time)


def archives(folder: Path) -> list[Path]:
    return sorted(folder.glob("Arsip_*.zip"))


def test_a_second_archive_in_the_same_minute_keeps_the_first(master: Path, tmp_path: Path, same_minute: None) -> None:
    scan = tmp_path / "pindaian_ttd.pdf"
    scan.write_bytes(b"%PDF-1.4 the signed scan")
    out = tmp_path / "arsip"
    first = kinerja("arsip", master, "-p", "TW2", "--lampiran", scan, "--keluar", out)
    assert first.exit_code == 0, first.output
    [kept] = archives(out)
    kept_bytes = kept.read_bytes()
    second = kinerja("arsip", master, "-p", "TW2", "--keluar", out)
    assert second.exit_code == 0, second.output
    assert len(archives(out)) == 2
    assert kept.read_bytes() == kept_bytes  # the signed scan is still archived
    data = read_workbook(master)
    for record in data.segel:  # every row of sheet Segel names an archive that is there, with its hash
        assert (out / record.arsip).is_file(), record.arsip
        assert sha256_file(out / record.arsip) == record.sha256_arsip
    assert {r.arsip for r in data.segel} == {p.name for p in archives(out)}


def test_two_attachments_of_the_same_name_are_both_archived(master: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "scan.pdf", tmp_path / "b" / "scan.pdf"
    for path, text in ((a, b"%PDF-1.4 halaman ttd"), (b, b"%PDF-1.4 lampiran lain")):
        path.parent.mkdir()
        path.write_bytes(text)
    run = kinerja("arsip", master, "-p", "TW2", "-l", a, "-l", b, "--keluar", tmp_path / "arsip")
    assert run.exit_code == 0, run.output
    [archive] = archives(tmp_path / "arsip")
    with zipfile.ZipFile(archive) as z:
        attached = {n: z.read(n) for n in z.namelist() if n.startswith("lampiran/")}
        manifest = json.loads(z.read("manifest.json"))
    assert sorted(attached.values()) == sorted([a.read_bytes(), b.read_bytes()])
    assert set(attached) <= set(manifest["berkas"])
    assert verify_archive(archive) == []


def test_the_same_attachment_given_twice_is_archived_once(master: Path, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 halaman ttd")
    run = kinerja("arsip", master, "-p", "TW2", "-l", scan, "-l", scan, "--keluar", tmp_path / "arsip")
    assert run.exit_code == 0, run.output
    [archive] = archives(tmp_path / "arsip")
    with zipfile.ZipFile(archive) as z:
        assert [n for n in z.namelist() if n.startswith("lampiran/")] == ["lampiran/scan.pdf"]


def test_a_missing_attachment_is_refused_before_anything_is_made(master: Path, tmp_path: Path) -> None:
    before = files_of(tmp_path)
    run = kinerja("arsip", master, "-p", "TW2", "--lampiran", tmp_path / "tidak_ada.pdf")
    assert run.exit_code == 2, run.output
    assert "tidak_ada.pdf" in run.output and "Galat internal" not in run.output
    assert files_of(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".arsip")]


def test_an_attachment_that_is_a_folder_is_refused(master: Path, tmp_path: Path) -> None:
    (tmp_path / "map").mkdir()
    before = files_of(tmp_path)
    run = kinerja("arsip", master, "-p", "TW2", "--lampiran", tmp_path / "map")
    assert run.exit_code == 2, run.output
    assert "map" in run.output and "Galat internal" not in run.output
    assert files_of(tmp_path) == before


def test_a_master_open_in_excel_is_refused_before_anything_is_rendered(master: Path, tmp_path: Path) -> None:
    (tmp_path / f"~${master.name}").write_bytes(b"Excel owner file")
    before = files_of(tmp_path)
    run = kinerja("arsip", master, "-p", "TW2")
    assert run.exit_code == 2, run.output
    assert "Excel" in run.output
    assert files_of(tmp_path) == before  # no archive without its seal, no document, no work folder
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".arsip")]


def test_a_read_only_master_is_refused_before_anything_is_rendered(master: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    real = os.access
    monkeypatch.setattr(os, "access", lambda p, m, *a, **k: False if Path(p) == master and m & os.W_OK
                        else real(p, m, *a, **k))
    out = tmp_path / "arsip"
    run = kinerja("arsip", master, "-p", "TW2", "--keluar", out)
    assert run.exit_code == 2, run.output
    assert not out.exists() or not list(out.iterdir())


def test_a_seal_that_cannot_be_committed_leaves_no_archive(master: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The master changes on disk while the archive is made (another program saved it): the seal is
    refused, and the archive made for it goes too."""
    real = arsip_service.buat_arsip

    def then_saved_elsewhere(*args: object, **kwargs: object) -> arsip_service.Arsip:
        done = real(*args, **kwargs)  # type: ignore[arg-type]
        stamp = master.stat().st_mtime_ns + 5_000_000_000
        master.write_bytes(master.read_bytes())
        import os

        os.utime(master, ns=(stamp, stamp))
        return done

    monkeypatch.setattr(arsip_service, "buat_arsip", then_saved_elsewhere)
    out = tmp_path / "arsip"
    run = kinerja("arsip", master, "-p", "TW2", "--keluar", out)
    assert run.exit_code == 2, run.output
    assert not archives(out)
    assert not [p for p in out.iterdir() if p.name.startswith((".arsip", ".~"))] if out.exists() else True


def test_leftover_work_folders_of_a_killed_run_are_cleaned(master: Path, tmp_path: Path) -> None:
    out = tmp_path / "arsip"
    left = out / ".arsip-TW2-20240705093012"
    left.mkdir(parents=True)
    (left / "Pengukuran_Kinerja_2024_TW2.docx").write_bytes(b"setengah")
    (out / ".~Arsip_Pengukuran_Kinerja_2024_TW2_20240705-093012.zip.a1b2c3d4.tmp").write_bytes(b"PK setengah")
    run = kinerja("arsip", master, "-p", "TW2", "--keluar", out)
    assert run.exit_code == 0, run.output
    assert [p.name for p in out.iterdir()] == [archives(out)[0].name]


def test_an_archive_made_by_the_service_holds_what_the_seal_records(master: Path, tmp_path: Path) -> None:
    result = arsip_service.arsip(master, Periode.TW2, tmp_path / "arsip")
    assert result.zip.is_file()
    assert sha256_file(result.zip) == result.record.sha256_arsip
    assert verify_archive(result.zip) == []


@pytest.mark.parametrize(("name", "content", "why"), [
    ("scan_ttd.pdf", b"", "kosong (0 bait)"),
    ("foto_ttd.jpg", b"", "kosong (0 bait)"),
    ("scan_ttd.pdf", b"<html>halaman unduhan gagal</html>", "bukan PDF"),
], ids=["empty-pdf", "empty-image", "not-a-pdf"])  # fmt: skip
def test_an_empty_or_unreadable_attachment_is_refused_in_indonesian(master: Path, tmp_path: Path, name: str,
                                                                    content: bytes, why: str) -> None:
    scan = tmp_path / name
    scan.write_bytes(content)
    before = files_of(tmp_path)
    run = kinerja("arsip", master, "-p", "TW2", "--lampiran", scan)
    assert run.exit_code == 2, run.output
    flat = " ".join(run.output.split())
    assert name in flat and why in flat and "Arsip tidak dibuat" in flat and "Galat internal" not in flat
    assert files_of(tmp_path) == before
