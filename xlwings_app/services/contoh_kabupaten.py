"""Generated unit workbooks and archives for the kabupaten rekap: tests, ``make demo`` and the bench.

Each unit is a normal Kinerja workbook (the builder), its IKU from ``samples.synthetic`` with the
unit's own seed; the first three indicators carry names every unit shares (Indeks Kepuasan
Masyarakat and two others), so the cross-unit comparison has something to compare. A unit is
sealed the way ``kinerja laporan`` then ``kinerja arsip`` seal it (its final document made, then
``services.arsip.buat_arsip``; the .docx only, no PDF, so that generating 60 units stays quick), the
seal recorded in its sheet Segel.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.analisis import column_key, from_texts, periode_label
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
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
        # every indicator carries its analysis of every period, and a reason for each blank realisasi,
        # so a sealed unit's document is a final one (services.arsip refuses an unmet indicator without
        # the period's Permasalahan / Rencana Aksi, and a blank realisasi without a reason)
        texts = {
            column_key(field, p): f"{label} contoh indikator {i + 1} ({periode_label(p)})."
            for p in Periode for field, label in (("permasalahan", "Permasalahan"), ("rencana_aksi", "Rencana aksi"))
        }  # fmt: skip
        # a blank realisasi carries its stated reason (a final document accepts it only so)
        texts |= {column_key("alasan", p): "Data belum tersedia dari instansi pengampu."
                  for p in list(Periode)[:4] if ind.realisasi_tw[p.number - 1] is None}  # fmt: skip
        analisis = from_texts(texts)
        renamed.append(dataclasses.replace(ind, nama=nama, satuan=satuan, analisis=analisis))
    return renamed


def unit_workbook(
    path: Path, unit: str, n_iku: int, seed: int, tahun: int = 2024, kabupaten: str = KABUPATEN
) -> Path:
    """Write the workbook of ``unit`` at ``path``."""
    profil = dict(SYNTHETIC_PROFIL, unit=unit, kabupaten=kabupaten, tahun=tahun, ttd_jabatan=f"Kepala {unit}",
                  tanggal_ttd=dt.date(tahun, 7, 15))  # TW II's document is signed in mid-July  # fmt: skip
    settings = Settings(periode_aktif=Periode.TW2)
    path.parent.mkdir(parents=True, exist_ok=True)
    build_workbook(profil, unit_indicators(n_iku, seed, unit), settings, spare_rows=2).save(path)
    return path


def seal(path: Path, periode: Periode, out_dir: Path) -> Path:
    """Seal ``periode`` of the workbook at ``path`` as ``kinerja arsip`` does; return the archive.

    The archive goes to ``out_dir/<workbook name>/``: archive names carry no unit name, so units
    sealed in the same minute would otherwise overwrite each other in one folder.
    """
    import tempfile

    from xlwings_app.services.arsip import buat_arsip
    from xlwings_app.services.laporan import buat_laporan
    from xlwings_app.services.master import using
    from xlwings_app.sheets.changes import AppendSeal

    with using(path) as master, tempfile.TemporaryDirectory(prefix="kinerja-ttd-") as signed:
        data = master.data()
        buat_laporan(data, Path(signed), periode)  # the final document, as signed (.docx only: speed)
        result = buat_arsip(data, path, periode, out_dir / path.stem, dokumen=Path(signed))
        master.stage(AppendSeal(result.record))
        master.commit()
    return result.zip


def make_units(folder: Path, n_units: int, n_iku: int, seed: int = 1) -> list[Path]:
    """``n_units`` unit workbooks in ``folder``."""
    return [
        unit_workbook(folder / f"{unit_name(n).replace(' ', '_')}.xlsx", unit_name(n), n_iku, seed * 1000 + n)
        for n in range(n_units)
    ]


DEMO_UNITS = 4
DEMO_SIGNER = {
    "tempat": "Uji", "tanggal": "15 Juli 2024", "jabatan": "Kepala Bappeda", "nama": "Ir. SITI RAHAYU, M.T.",
    "pangkat": "Pembina Utama Muda (IV/c)", "nip": "197005121995032004",
    "alamat": "Jl. Alun-alun Utara No. 3, Kabupaten Uji",
}  # fmt: skip


def contoh(folder: Path) -> Iterator[str]:
    """``make demo``'s kabupaten rekap: four generated units (one sealed and sent as its archive,
    one with an input error, one changed after sealing, one never sealed), a fifth expected but
    missing, then ``kinerja kabupaten`` over them."""
    from xlwings_app.adapters.openpyxl.kabupaten import write_rekap_workbook
    from xlwings_app.services.kabupaten import kabupaten
    from xlwings_app.services.laporan import document_code, load_workbook
    from xlwings_app.sheets.kabupaten import isian_values

    shutil.rmtree(folder, ignore_errors=True)
    inbox, own = folder / "kiriman", folder / "unit"
    books = [unit_workbook(own / f"{unit_name(n).replace(' ', '_')}.xlsx", unit_name(n), 8, 900 + n)
             for n in range(DEMO_UNITS)]  # fmt: skip
    data = load_workbook(books[0])
    assert data.profil is not None
    paper = document_code(data, Periode.TW2)
    seal(books[0], Periode.TW2, inbox)
    seal(books[3], Periode.TW2, own / "arsip")
    _mistype(books[2], "r2", "belum ada")
    _mistype(books[3], "r1", 0)  # changed after sealing: the kabupaten sees it
    for book in books[1:]:
        shutil.copy(book, inbox / book.name)
    rekap = folder / "Rekap Kabupaten Uji 2024.xlsx"
    expected = [unit_name(n) for n in range(DEMO_UNITS + 1)]
    write_rekap_workbook(rekap, [], isian_values(KABUPATEN, 2024, expected, DEMO_SIGNER, {(expected[0], Periode.TW2): paper}))
    result = kabupaten([inbox], Periode.TW2, rekap)
    counts = ", ".join(f"{state.value} {len(result.rekap.dengan(state))}" for state in dict.fromkeys(u.keadaan for u in result.rekap.units))
    yield f"Rekap kabupaten ({len(result.rekap.units)} unit: {counts}): {rekap}"
    yield f"Dokumen Rekapitulasi Pengukuran Kinerja Perangkat Daerah: {result.docx}"


def _mistype(book: Path, key: str, value: object) -> None:
    """``value`` typed into column ``key`` of the first IKU (a text there is the demo's input error)."""
    from openpyxl import load_workbook as open_book

    from xlwings_app.sheets.layout import TITLE_ROWS, layout

    table = layout().tables[Jenis.IKU]
    wb = open_book(book)
    ws = wb[table.sheet]
    headers = [c.value for c in ws[TITLE_ROWS + 1]]
    cell = ws.cell(TITLE_ROWS + 2, headers.index(table.column(key).header) + 1, value)
    if isinstance(value, str):
        cell.data_type = "s"
    wb.save(book)
