"""Command ``kabupaten``: the kabupaten's rekap of every unit's Pengukuran Kinerja for one period.

Exit codes: 0 the rekap was written (units with problems are listed in it, not a failure); 2 the
kabupaten's own inputs must be fixed or no unit file could be read (nothing written); 1 internal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from xlwings_app.cli.common import (
    console,
    err_console,
    parse_periode,
    print_problems,
    translate_errors,
)

if TYPE_CHECKING:
    from xlwings_app.services.kabupaten import Rekapitulasi

# The service (pandas, openpyxl, docxtpl) is imported inside the command: other commands never load it.


def _print(result: Rekapitulasi) -> None:
    rekap = result.rekap
    console.print(f"Rekap {rekap.kabupaten} {rekap.periode.dengan_tahun(rekap.tahun)}: {len(rekap.units)} unit.")
    for u in rekap.units:
        a = result.figures.get(u.unit)
        mean = f", rata-rata capaian {a.rata_rata}%".replace(".", ",") if a and a.rata_rata is not None else ""
        console.print(f"  {u.unit}: {u.keadaan.value}{mean}")
        for reason in u.alasan[:3]:
            console.print(f"      {reason}")
    for d in rekap.ditolak:
        target = console if d.tingkat == "catatan" else err_console
        target.print(f"  Berkas {d.file}: {d.alasan}")
    _print_lkjip(result)
    print_problems(result.catatan, "Catatan")
    console.print(f"Workbook rekap: {result.workbook}" + (f" (cadangan: {result.cadangan})" if result.cadangan else ""))
    if result.docx:
        console.print(f"Dokumen: {result.docx}")
    if result.pdf:
        console.print(f"PDF: {result.pdf}")


def _print_lkjip(result: Rekapitulasi) -> None:
    """One line of the units' LKjIP of the year, then each unit's status and Pelaporan facts."""
    from xlwings_app.domain.formatting import tanggal

    final = [s for s in result.lkjip if s.final]
    console.print(f"LKjIP {result.rekap.tahun}: {len(final)} dari {len(result.lkjip)} unit final "
                  f"(sheet LKjIP Unit).")  # fmt: skip
    for s in result.lkjip:
        f = s.fakta
        facts = []
        if f is not None:
            facts = [f"ditandatangani {tanggal(f.tanggal)}" if f.tanggal else "", f"kode {f.kode}" if f.kode else "",
                     f"arsip {f.arsip}" if f.arsip else "", *f.masalah[:2]]  # fmt: skip
        console.print(f"  {s.unit}: {', '.join([s.status, *(x for x in facts if x)])}")


def kabupaten_cmd(
    sumber: Annotated[list[Path], typer.Argument(help="Workbook unit, arsip .zip, atau folder (dicari sampai subfolder).")],
    periode: Annotated[str, typer.Option("--periode", "-p", help="TW1, TW2, TW3, TW4 atau TAHUNAN.")],
    keluar: Annotated[Path, typer.Option("--keluar", "-k", help="Workbook rekap kabupaten (.xlsx); dibuat bila belum ada.")],
    tahun: Annotated[int | None, typer.Option("--tahun", help="Tahun rekap (bawaan: sheet Isian Kabupaten, lalu tahun terbanyak).")] = None,
    kode_dari: Annotated[Path | None, typer.Option("--kode-dari", help="Daftar kode verifikasi dari dokumen bertanda tangan (CSV: Unit Kerja;Periode;Kode).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Buat juga PDF dokumen rekapitulasi.")] = False,
    tanpa_dokumen: Annotated[bool, typer.Option("--tanpa-dokumen", help="Hanya workbook, tanpa dokumen .docx.")] = False,
    lambang: Annotated[Path | None, typer.Option("--lambang", help="Gambar lambang daerah (PNG/JPEG) untuk kop; bawaan: 'Berkas lambang daerah' di sheet Isian Kabupaten.")] = None,
) -> None:
    """Rekap kabupaten: gabungkan Pengukuran Kinerja semua perangkat daerah untuk satu periode.

    Workbook diperiksa seperti kinerja periksa; arsip diverifikasi (SHA-256, kode dihitung ulang).

    Daftar unit dan kode dari dokumen bertanda tangan diketik di sheet Isian Kabupaten (tidak diubah saat rekap dibangun ulang).

    Contoh: kinerja kabupaten kiriman/ --periode TW2 --keluar "Rekap Kabupaten 2024.xlsx" --pdf
    """
    chosen = parse_periode(periode)
    assert chosen is not None
    from xlwings_app.services.kabupaten import kabupaten

    _print(kabupaten(sumber, chosen, keluar, tahun, kode_dari, dokumen=not tanpa_dokumen, pdf=pdf, lambang=lambang))


def register(app: typer.Typer) -> None:
    """Add ``kabupaten``."""
    app.command("kabupaten")(translate_errors(kabupaten_cmd))
