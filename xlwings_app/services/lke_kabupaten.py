"""Service: ``lke kabupaten``: the units' AKIP self-evaluations collected into one ranking.

Rules:
- every LKE workbook under ``folder`` ("LKE *.xlsx", the exports for evaluators left out) is read
  back (``services.lke.hitung``); one that cannot be read is a note naming it, the others still count;
- each unit's bukti dukung (column Bukti Dukung: "file (kode verifikasi XXXXX-XXXXX)") is checked
  against that unit's own seals: the master workbook the LKE was made from ("LKE 2024 - X.xlsx"
  beside "X.xlsx"), its sheet Segel holding the code for that archive; then the archive itself,
  found anywhere under ``folder``, must have the SHA-256 the seal recorded and verify whole
  (``adapters.documents.archive.verify_archive``);
- the ranking (``domain.lke.peringkat.rank``) and every bukti dukung with its status are written
  to one workbook (``keluar``, default "Peringkat LKE Kabupaten.xlsx" in ``folder``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from xlwings_app.domain.lke.peringkat import BuktiStatus, BuktiUnit, LkeUnit, rank
from xlwings_app.domain.problems import Problem, Refusal
from xlwings_app.domain.seal import SealRecord
from xlwings_app.services.lke import LkeDitolak, hitung
from xlwings_app.sheets import lke as S
from xlwings_app.sheets import lke_kabupaten as K

DEFAULT_NAME = "Peringkat LKE Kabupaten.xlsx"


@dataclass(frozen=True)
class PeringkatLke:
    """The ranking written, the units ranked and notes about files not read."""

    path: Path
    ranked: list[tuple[int, LkeUnit]]
    catatan: list[Problem]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _seals(master: Path) -> list[SealRecord] | None:
    from xlwings_app.services.master import using

    if not master.is_file():
        return None
    with using(master) as m:
        return list(m.data().segel)


def check_bukti(kriteria: str, file: str, kode: str, seals: list[SealRecord] | None,
                archives: dict[str, list[Path]]) -> BuktiStatus:  # fmt: skip
    """What the kabupaten finds for one bukti dukung (module docstring)."""
    from xlwings_app.adapters.documents.archive import verify_archive

    if not kode:
        return BuktiStatus.TANPA_KODE
    if seals is None:
        return BuktiStatus.TANPA_INDUK
    record = next((s for s in seals if s.kode_verifikasi == kode and s.arsip == file), None)
    if record is None:
        return BuktiStatus.KODE_TIDAK_ADA
    found = archives.get(file, [])
    if not found:
        return BuktiStatus.ARSIP_TIDAK_ADA
    if any(_sha256(path) == record.sha256_arsip and not verify_archive(path) for path in found):
        return BuktiStatus.TERVERIFIKASI
    return BuktiStatus.ARSIP_BERUBAH


def kumpulkan(folder: Path, keluar: Path | None = None) -> PeringkatLke:
    """Rank every LKE workbook under ``folder`` and write the ranking workbook."""
    from xlwings_app.adapters.openpyxl.lke import read_sheets, write_lke_workbook
    from xlwings_app.services.lke_dokumen import evidence_of

    target = keluar or folder / DEFAULT_NAME
    files = sorted(p for p in folder.rglob("LKE *.xlsx") if "ekspor evaluator" not in p.name and p != target
                   and not p.name.startswith(".~"))  # fmt: skip
    archives: dict[str, list[Path]] = {}
    for zip_path in folder.rglob("*.zip"):
        archives.setdefault(zip_path.name, []).append(zip_path)
    units: list[LkeUnit] = []
    notes: list[Problem] = []
    for path in files:
        try:
            hasil = hitung(path)
            rows = read_sheets(path, [S.SHEET])[S.SHEET] or []
        except Refusal as exc:
            notes.append(Problem(f"{path.name} tidak dibaca: {exc.pesan}", file=path.name, tingkat="peringatan"))
            continue
        unit, tahun = S.read_identity(rows)
        stem = path.stem.split(" - ", 1)[1] if " - " in path.stem else ""
        seals = _seals(path.with_name(f"{stem}.xlsx")) if stem else None
        bukti = tuple(
            BuktiUnit(b.kriteria, b.file, b.kode, check_bukti(b.kriteria, b.file, b.kode, seals, archives))
            for b in evidence_of(hasil, None)
        )
        notes.extend(p for p in hasil.problems if p.is_error)
        units.append(LkeUnit(unit or path.stem, tahun, str(path.relative_to(folder)), hasil.score, bukti))
    if not units:
        raise LkeDitolak(f"Tidak ada workbook LKE (\"LKE *.xlsx\") yang terbaca di {folder}.", notes)
    ranked = rank(units)
    write_lke_workbook(target, [K.peringkat_values(ranked, ""), K.bukti_values([u for _, u in ranked])], {},
                       {K.SHEET_PERINGKAT: f"C{K.HEADER_ROW + 1}"})  # fmt: skip
    return PeringkatLke(target, ranked, notes)
