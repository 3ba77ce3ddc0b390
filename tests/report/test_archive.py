"""The sealed period: archive, manifest verification, and the check that a sealed period changed."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from tests.report.conftest import NOW, Data
from xlwings_app.adapters.documents.archive import MANIFEST, build_archive, verify_archive
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.seal import SealRecord, check_seals
from xlwings_app.services.arsip import buat_arsip
from xlwings_app.services.laporan import buat_laporan


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "kinerja.xlsx"
    path.write_bytes(b"PK\x03\x04 snapshot of the workbook")
    return path


def seal(data: Data, workbook: Path, out: Path, pdf: bool = False) -> SealRecord:
    """The TW II document made final beside the workbook (as signed), then sealed."""
    buat_laporan(data, workbook.parent, Periode.TW2, pdf=pdf, now=NOW)
    return buat_arsip(data, workbook, Periode.TW2, out, now=NOW).record


@pytest.mark.libreoffice
def test_the_archive_holds_workbook_documents_and_a_manifest_that_verifies(
    data: Data, workbook: Path, tmp_path: Path,
) -> None:
    scan = tmp_path / "scan_ttd.pdf"
    scan.write_bytes(b"%PDF-1.4 signed scan")
    buat_laporan(data, workbook.parent, Periode.TW2, pdf=True, now=NOW)
    result = buat_arsip(data, workbook, Periode.TW2, tmp_path / "arsip", [scan], now=NOW)
    with zipfile.ZipFile(result.zip) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read(MANIFEST))
    assert names == {"workbook/kinerja.xlsx", "dokumen/Pengukuran_Kinerja_2024_TW2.docx",
                     "dokumen/Pengukuran_Kinerja_2024_TW2.pdf", "lampiran/scan_ttd.pdf", MANIFEST}
    assert manifest["kode_verifikasi"] == result.record.kode_verifikasi
    assert manifest["disegel"] == "2024-07-05T09:30:00+07:00"
    assert manifest["periode"] == "TW2"
    assert verify_archive(result.zip) == []
    assert not list((tmp_path / "arsip").glob(".arsip-*"))


def test_a_changed_or_missing_or_added_file_is_reported(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("satu")
    b.write_text("dua")
    archive = build_archive(tmp_path / "x.zip", {"a.txt": a, "b.txt": b}, {"kode_verifikasi": "X"})
    assert verify_archive(archive) == []
    with zipfile.ZipFile(archive) as zf:
        manifest = zf.read(MANIFEST)
    tampered = tmp_path / "y.zip"
    with zipfile.ZipFile(tampered, "w") as zf:
        zf.writestr("a.txt", "satu diubah")
        zf.writestr("c.txt", "baru")
        zf.writestr(MANIFEST, manifest)
    problems = verify_archive(tampered)
    assert any("a.txt berubah" in p for p in problems)
    assert any("b.txt hilang" in p for p in problems)
    assert any("c.txt tidak tercatat" in p for p in problems)
    (tmp_path / "z.zip").write_bytes(b"not a zip")
    assert "tidak dapat dibaca" in verify_archive(tmp_path / "z.zip")[0]


def test_a_changed_realisasi_in_a_sealed_period_is_detected(data: Data, workbook: Path,
                                                            tmp_path: Path) -> None:
    record = seal(data, workbook, tmp_path)
    assert check_seals([record], data.profil, data.settings, data.indicators) == []
    changed = replace(data.indicators[1], realisasi_tw=(Decimal(88), Decimal("86.6"), None, None))
    data.indicators[1] = changed
    [warning] = check_seals([record], data.profil, data.settings, data.indicators)
    assert warning.tingkat == "catatan"
    assert "s.d. Triwulan II 2024 berubah" in warning.pesan
    assert "berubah: IKU 1.2" in warning.pesan and "IKU 1.1" not in warning.pesan
    doc = buat_laporan(data, tmp_path / "baru", Periode.TW2, segel=[record], now=NOW)
    assert [w.pesan for w in doc.peringatan if w.kolom != "Tanggal Penandatanganan"] == [warning.pesan]


def test_filling_a_later_triwulan_does_not_disturb_a_sealed_period(data: Data, workbook: Path,
                                                                  tmp_path: Path) -> None:
    record = seal(data, workbook, tmp_path)
    data.indicators = [replace(i, realisasi_tw=(*i.realisasi_tw[:2], Decimal(90), None))
                       for i in data.indicators]
    assert check_seals([record], data.profil, data.settings, data.indicators) == []


def test_added_and_removed_indicators_are_named(data: Data, workbook: Path, tmp_path: Path) -> None:
    record = seal(data, workbook, tmp_path)
    data.indicators = [*data.indicators[1:], replace(data.indicators[0], kode="IKU 3.1")]
    [warning] = check_seals([record], data.profil, data.settings, data.indicators)
    assert "ditambahkan: IKU 3.1" in warning.pesan and "dihapus: IKU 1.1" in warning.pesan


def test_the_record_round_trips_through_a_workbook_row(data: Data, workbook: Path, tmp_path: Path) -> None:
    record = seal(data, workbook, tmp_path)
    row = record.as_row()
    assert set(row) == {"Periode", "Kode Verifikasi", "Disegel Pada", "File Arsip", "SHA-256 Arsip",
                        "Sidik Indikator", "Tanggal Penandatanganan", "Penandatangan"}
    assert SealRecord.from_row(row) == record
