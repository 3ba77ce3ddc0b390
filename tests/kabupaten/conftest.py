"""The kabupaten's inbox, generated once per session: real unit workbooks and real archives.

| unit | what was sent | expected state |
|---|---|---|
| Kecamatan Uji 01 | its TW2 archive (and its older TW1 archive) | Final, tersegel |
| Dinas Uji 02 | TW2 archive whose workbook was edited after sealing (manifest left) | Tersegel, berubah |
| Badan Uji 03 | TW2 archive edited, manifest rewritten to match (hashes and code) | Tidak cocok (paper code) |
| Kelurahan Uji 04 | its workbook, sealed TW2 then a realisasi changed | Tersegel, berubah |
| Kecamatan Uji 05 | workbook with a text in a realisasi cell | Ada galat isian |
| Dinas Uji 06 | workbook, never sealed (and a copy of it under another name) | Belum disegel |
| Badan Uji 07 | workbook of 2023 | not used: another year |
| Kelurahan Uji 08 | nothing | Belum diterima |
| rusak.xlsx | bytes that are no workbook | not used: corrupt |
"""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import cell_of
from xlwings_app.adapters.documents.archive import sha256_bytes
from xlwings_app.adapters.openpyxl.kabupaten import write_rekap_workbook
from xlwings_app.adapters.xlsx.reader import read_workbook
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.services.contoh_kabupaten import KABUPATEN, seal, unit_name, unit_workbook
from xlwings_app.services.laporan import document_code
from xlwings_app.sheets import kabupaten as K
from xlwings_app.sheets.layout import layout

PERIODE = Periode.TW2
N_IKU = 12
UNITS = [unit_name(n) for n in range(8)]
SIGNER = {
    "tempat": "Uji", "tanggal": "15 Juli 2024", "jabatan": "Kepala Bappeda", "nama": "Ir. SITI RAHAYU, M.T.",
    "pangkat": "Pembina Utama Muda (IV/c)", "nip": "197005121995032004", "alamat": "Jl. Alun-alun Utara No. 3",
}  # fmt: skip


@dataclass(frozen=True)
class Inbox:
    kiriman: Path
    units: Path
    rekap: Path
    codes: dict[str, str]
    """Each unit's code as printed on its signed paper (before any tampering)."""


def _set(path: Path, kode: str, key: str, value: object) -> None:
    address = cell_of(path, Jenis.IKU, kode, key)
    wb = load_workbook(path)
    cell = wb[layout().tables[Jenis.IKU].sheet][address]
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    wb.save(path)


def _code(path: Path) -> str:
    return document_code(read_workbook(path), PERIODE)


def tamper(archive: Path, rewrite_manifest: bool) -> None:
    """Change a realisasi in the archived workbook; with ``rewrite_manifest`` fix the manifest to match."""
    work = archive.with_suffix(".d")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(work)
    book = next((work / "workbook").glob("*.xlsx"))
    _set(book, "IKU-00004", "r2", 1)
    manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
    if rewrite_manifest:
        manifest["berkas"] = {
            name: sha256_bytes((work / name).read_bytes()) for name in manifest["berkas"]
        }
        manifest["kode_verifikasi"] = _code(book)
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    archive.unlink()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in sorted(work.rglob("*")):
            if item.is_file():
                zf.write(item, item.relative_to(work).as_posix())
    shutil.rmtree(work)


@pytest.fixture(scope="session")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Inbox:
    root = tmp_path_factory.mktemp("kabupaten")
    units, kiriman = root / "unit", root / "kiriman"
    books = {
        name: unit_workbook(units / f"{name.replace(' ', '_')}.xlsx", name, N_IKU, 500 + n,
                            tahun=2023 if n == 6 else 2024)
        for n, name in enumerate(UNITS[:7])
    }  # fmt: skip
    codes = {name: _code(path) for name, path in books.items()}
    a, b, c, d, e, f, g = (books[n] for n in UNITS[:7])
    seal(a, Periode.TW1, kiriman / "arsip")
    seal(a, PERIODE, kiriman / "arsip")
    tamper(seal(b, PERIODE, kiriman / "arsip"), rewrite_manifest=False)
    tamper(seal(c, PERIODE, kiriman / "arsip"), rewrite_manifest=True)
    seal(d, PERIODE, units / "arsip-d")
    _set(d, "IKU-00002", "r1", 7)
    _set(e, "IKU-00003", "r2", "belum ada")
    for path in (d, e, f, g):
        shutil.copy(path, kiriman / path.name)
    shutil.copy(f, kiriman / "Dinas_Uji_06 (salinan).xlsx")
    (kiriman / "rusak.xlsx").write_bytes(b"PK\x03\x04 ini bukan workbook")
    rekap = root / "rekap" / "Rekap Kabupaten.xlsx"
    paper = {(name, PERIODE): codes[name] for name in (UNITS[0], UNITS[2])}
    isian = K.isian_values(KABUPATEN, 2024, [*UNITS[:6], UNITS[7]], SIGNER, paper)
    write_rekap_workbook(rekap, [], isian)
    return Inbox(kiriman, units, rekap, codes)


@pytest.fixture
def rekap_copy(inbox: Inbox, tmp_path: Path) -> Path:
    """A fresh copy of the kabupaten workbook holding only its Isian sheet."""
    target = tmp_path / "Rekap Kabupaten.xlsx"
    shutil.copy(inbox.rekap, target)
    return target
