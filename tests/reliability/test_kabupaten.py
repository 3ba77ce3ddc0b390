"""``kinerja kabupaten`` over a hostile inbox (defects 8, 14, 15, 16 and 17 of the third probe): no
readable unit is a refusal, the workbook and the document are one outcome, unit names and file names
are taken as people type and systems store them, every reason is Indonesian."""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.reliability.conftest import build_master, files_of, kinerja
from tests.reliability.test_templates import cut_short
from xlwings_app.adapters.documents.docx import default_template
from xlwings_app.domain.indicator import Periode
from xlwings_app.services import kabupaten as kabupaten_service
from xlwings_app.services.contoh_kabupaten import seal

PYTHON_TEXT = re.compile(r"[A-Za-z]+(Error|Exception)\b|Expecting|codec|has no attribute|line \d+ column|"
                         r"not supported|object is not|Traceback|invalid start byte")


def inbox_of(folder: Path, books: Sequence[Path]) -> Path:
    """``folder`` holding a copy of each of ``books``."""
    folder.mkdir(parents=True, exist_ok=True)
    for book in books:
        shutil.copy(book, folder / book.name)
    return folder


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example unit's workbook and its sealed TW2 archive (made once)."""
    root = tmp_path_factory.mktemp("unit")
    book = build_master(root / "kinerja.xlsx")
    archive = seal(book, Periode.TW2, root / "arsip")
    return book, archive


@pytest.fixture
def rekap(sealed: tuple[Path, Path], tmp_path: Path) -> Path:
    """A kabupaten workbook already built once from the unit's workbook, with its document."""
    target = tmp_path / "rekap" / "Rekap Kabupaten.xlsx"
    run = kinerja("kabupaten", inbox_of(tmp_path / "pertama", [sealed[0]]), "-p", "TW2", "--keluar", target)
    assert run.exit_code == 0, run.output
    return target


def test_no_readable_unit_is_a_refusal_and_the_rekap_stays_as_it_was(rekap: Path, tmp_path: Path) -> None:
    before = files_of(rekap.parent)
    inbox = tmp_path / "kosong"
    inbox.mkdir()
    (inbox / "rusak.xlsx").write_bytes(b"PK\x03\x04 bukan workbook")
    run = kinerja("kabupaten", inbox, "-p", "TW2", "--keluar", rekap)
    assert run.exit_code == 2, run.output
    assert "rusak.xlsx" in run.output
    assert files_of(rekap.parent) == before


def test_an_empty_inbox_is_a_refusal_too(rekap: Path, tmp_path: Path) -> None:
    before = files_of(rekap.parent)
    (tmp_path / "kosong").mkdir()
    run = kinerja("kabupaten", tmp_path / "kosong", "-p", "TW2", "--keluar", rekap)
    assert run.exit_code == 2, run.output
    assert files_of(rekap.parent) == before


def test_a_broken_document_template_leaves_the_workbook_unbuilt(
    rekap: Path, sealed: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = files_of(rekap.parent)
    broken = cut_short(default_template(), tmp_path / "rekapitulasi_rusak.docx")
    monkeypatch.setattr(kabupaten_service, "TEMPLATE", str(broken))  # an absolute name wins the join
    run = kinerja("kabupaten", inbox_of(tmp_path / "kiriman", [sealed[0], sealed[1]]), "-p", "TW2", "--keluar", rekap)
    assert run.exit_code == 2, run.output
    assert "Galat internal" not in run.output and "rekapitulasi_rusak.docx" in run.output
    assert files_of(rekap.parent) == before  # no workbook rebuilt, no temporary .docx left


def test_a_failed_document_leaves_no_temporary_file_for_a_new_rekap(
    sealed: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = cut_short(default_template(), tmp_path / "rekapitulasi_rusak.docx")
    monkeypatch.setattr(kabupaten_service, "TEMPLATE", str(broken))
    out = tmp_path / "baru"
    out.mkdir()
    run = kinerja("kabupaten", inbox_of(tmp_path / "kiriman", [sealed[0]]), "-p", "TW2", "--keluar", out / "R.xlsx")
    assert run.exit_code == 2, run.output
    assert list(out.iterdir()) == []


def set_unit(book: Path, target: Path, unit: str) -> Path:
    build_master(target, unit=unit)
    return target


@pytest.mark.parametrize("spelling", ["Kecamatan\u200b Lumajang", "Kecamatan Lumajang\u200b",
                                      "Kecamatan\u00a0Lumajang", "\ufeffKecamatan Lumajang",
                                      "Kecamatan Lumajang\u200d"])
def test_a_unit_name_with_an_invisible_character_is_the_same_unit(
    sealed: tuple[Path, Path], tmp_path: Path, spelling: str
) -> None:
    inbox = tmp_path / "kiriman"
    build_master(inbox / "a.xlsx", unit="Kecamatan Lumajang")
    build_master(inbox / "b.xlsx", unit=spelling)
    result = kabupaten_service.kabupaten([inbox], Periode.TW2, tmp_path / "R.xlsx", dokumen=False)
    assert [u.unit for u in result.rekap.units] == ["Kecamatan Lumajang"]
    [duplicate] = [d for d in result.rekap.ditolak if d.file == "b.xlsx"]
    assert "duplikat" in duplicate.alasan


def test_an_invisible_character_matches_the_expected_unit_list(tmp_path: Path) -> None:
    from xlwings_app.adapters.openpyxl.kabupaten import write_rekap_workbook
    from xlwings_app.sheets import kabupaten as K

    rekap = tmp_path / "R.xlsx"
    write_rekap_workbook(rekap, [], K.isian_values("Kabupaten Lumajang", 2024, ["Kecamatan Lumajang"]))
    inbox = tmp_path / "kiriman"
    build_master(inbox / "a.xlsx", unit="Kecamatan\u200b Lumajang")
    result = kabupaten_service.kabupaten([inbox], Periode.TW2, rekap, dokumen=False)
    assert [u.unit for u in result.rekap.units] == ["Kecamatan Lumajang"]
    assert result.rekap.units[0].keadaan.dihitung


ODD_NAME = b"Kec_\xff\xfe_unit.xlsx"


@pytest.mark.skipif(os.name == "nt", reason="Windows stores file names as UTF-16: no undecodable bytes")
def test_a_file_name_that_is_not_utf8_is_read_and_shown_readably(sealed: tuple[Path, Path], tmp_path: Path) -> None:
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(sealed[0], os.fsdecode(bytes(inbox) + b"/" + ODD_NAME))
    (inbox / os.fsdecode(b"rusak_\xe9.xlsx")).write_bytes(b"PK\x03\x04 bukan workbook")
    rekap = tmp_path / "R.xlsx"
    run = kinerja("kabupaten", inbox, "-p", "TW2", "--keluar", rekap)
    assert run.exit_code == 0, run.output
    assert "Kec_\ufffd\ufffd_unit.xlsx" in run.output or "Kecamatan Lumajang" in run.output
    assert "rusak_\ufffd.xlsx" in run.output
    from openpyxl import load_workbook

    texts = [str(c) for ws in load_workbook(rekap).worksheets for row in ws.iter_rows(values_only=True) for c in row if c]
    assert any("rusak_\ufffd.xlsx" in t for t in texts)


def rewrite_manifest(archive: Path, target: Path, manifest: bytes | None) -> Path:
    """A copy of ``archive`` whose manifest.json holds ``manifest`` (None: no manifest)."""
    with zipfile.ZipFile(archive) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "manifest.json":
                zout.writestr(info, zin.read(info))
        if manifest is not None:
            zout.writestr("manifest.json", manifest)
    return target


def manifest_of(archive: Path) -> dict[str, object]:
    with zipfile.ZipFile(archive) as z:
        data = json.loads(z.read("manifest.json"))
    assert isinstance(data, dict)
    return data


ODD_MANIFESTS = {
    "array": b"[1, 2, 3]",
    "bukan_json": b"{\"periode\": \"TW2\",",
    "bukan_utf8": b"\xff\xfe{\x00}\x00",
    "angka": b"42",
    "kosong": b"",
    "bersarang": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("name", [*ODD_MANIFESTS, "berkas_daftar", "berkas_angka", "tipe_salah", "tanpa"])
def test_an_odd_manifest_is_refused_with_an_indonesian_reason(sealed: tuple[Path, Path], tmp_path: Path,
                                                              name: str) -> None:
    good = manifest_of(sealed[1])
    odd = {
        "berkas_daftar": {**good, "berkas": ["workbook/kinerja.xlsx"]},
        "berkas_angka": {**good, "berkas": {"workbook/kinerja.xlsx": 5}},
        "tipe_salah": {**good, "periode": 2, "disegel": 7, "kode_verifikasi": ["x"], "tahun": "dua"},
    }
    content = ODD_MANIFESTS.get(name) if name in ODD_MANIFESTS else (
        None if name == "tanpa" else json.dumps(odd[name]).encode())
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    rewrite_manifest(sealed[1], inbox / f"arsip_{name}.zip", content)
    build_master(inbox / "lain.xlsx", unit="Kecamatan Lain")  # one readable unit: the rekap is made
    result = kabupaten_service.kabupaten([inbox], Periode.TW2, tmp_path / "R.xlsx", dokumen=False)
    reasons = [d.alasan for d in result.rekap.ditolak if d.file.startswith(f"arsip_{name}")]
    reasons += [r for u in result.rekap.units for r in u.alasan if u.kiriman and u.kiriman.file.startswith("arsip_")]
    assert reasons, "the odd archive was taken without a word"
    for reason in reasons:
        assert not PYTHON_TEXT.search(reason), reason


@pytest.mark.parametrize("content", [b"Unit Kerja\nKecamatan Lumajang\n", b"\xff\xfe\x00bukan utf8", b""])
def test_an_odd_code_list_is_a_refusal_or_a_problem_in_indonesian(sealed: tuple[Path, Path], tmp_path: Path,
                                                                   content: bytes) -> None:
    codes = tmp_path / "kode.csv"
    codes.write_bytes(content)
    rekap = tmp_path / "R.xlsx"
    run = kinerja("kabupaten", inbox_of(tmp_path / "kiriman", [sealed[0]]), "-p", "TW2", "--keluar", rekap,
                  "--kode-dari", codes, "--tanpa-dokumen")
    assert run.exit_code in (0, 2), run.output
    assert "Galat internal" not in run.output and not PYTHON_TEXT.search(run.output), run.output
