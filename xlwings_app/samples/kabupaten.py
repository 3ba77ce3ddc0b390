"""Generated unit workbooks and archives for the kabupaten rekap: tests, ``make demo`` and the bench.

Each unit is a normal Kinerja workbook (the builder), its IKU from ``samples.synthetic`` with the
unit's own seed; the first three indicators carry names every unit shares (Indeks Kepuasan
Masyarakat and two others), so the cross-unit comparison has something to compare. A unit is
sealed the way ``kinerja arsip`` seals it (``services.arsip.buat_arsip``; the .docx only, no PDF,
so that generating 60 units stays quick), the seal recorded in its sheet Segel.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.settings import Settings
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators

KABUPATEN = "Kabupaten Uji"
SHARED = (
    ("Indeks Kepuasan Masyarakat (IKM)", "indeks"),
    ("Nilai evaluasi SAKIP perangkat daerah", "nilai"),
    ("Persentase dokumen perencanaan tepat waktu", "%"),
)
KINDS = ("Kecamatan", "Dinas", "Badan", "Kelurahan")


def unit_name(n: int) -> str:
    """"Kecamatan Uji 01", "Dinas Uji 02", ... (distinct for any ``n``)."""
    return f"{KINDS[n % len(KINDS)]} Uji {n + 1:02d}"


def unit_indicators(n_iku: int, seed: int, unit: str) -> list[Indicator]:
    indicators = random_indicators(n_iku, 0, seed=seed)
    renamed = []
    for i, ind in enumerate(indicators):
        if i < len(SHARED):
            nama, satuan = SHARED[i]
        else:
            nama, satuan = f"Indikator {unit} nomor {i + 1}", ind.satuan
        renamed.append(dataclasses.replace(ind, nama=nama, satuan=satuan))
    return renamed


def unit_workbook(
    path: Path, unit: str, n_iku: int, seed: int, tahun: int = 2024, kabupaten: str = KABUPATEN
) -> Path:
    """Write the workbook of ``unit`` at ``path``."""
    profil = dict(SYNTHETIC_PROFIL, unit=unit, kabupaten=kabupaten, tahun=tahun, ttd_jabatan=f"Kepala {unit}")
    settings = Settings(periode_aktif=Periode.TW2)
    path.parent.mkdir(parents=True, exist_ok=True)
    build_workbook(profil, unit_indicators(n_iku, seed, unit), settings, spare_rows=2).save(path)
    return path


def seal(path: Path, periode: Periode, out_dir: Path) -> Path:
    """Seal ``periode`` of the workbook at ``path`` as ``kinerja arsip`` does; return the archive.

    The archive goes to ``out_dir/<workbook name>/``: archive names carry no unit name, so units
    sealed in the same minute would otherwise overwrite each other in one folder.
    """
    from xlwings_app.services.arsip import buat_arsip, record_in_file
    from xlwings_app.services.laporan import load_workbook

    result = buat_arsip(load_workbook(path), path, periode, out_dir / path.stem, pdf=False)
    record_in_file(path, result.record)
    return result.zip


def make_units(folder: Path, n_units: int, n_iku: int, seed: int = 1) -> list[Path]:
    """``n_units`` unit workbooks in ``folder``."""
    return [
        unit_workbook(folder / f"{unit_name(n).replace(' ', '_')}.xlsx", unit_name(n), n_iku, seed * 1000 + n)
        for n in range(n_units)
    ]
