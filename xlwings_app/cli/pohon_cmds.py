"""Commands of the performance tree: ``kinerja pohon mulai``, ``kertas-kerja``, ``rekapitulasi``, ``impor``.

Exit codes: 0 done, 2 the input must be fixed (problems, an export that does not fit), 1 internal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlwings_app.cli.common import parse_periode, translate_errors
from xlwings_app.cli.report_cmds import DrafOpt, File, KeluarOpt, LambangOpt, PdfOpt, PeriodeOpt, TanggalOpt

# Services (docxtpl, Pillow, openpyxl) are imported inside each command.


def _show(hasil: object, what: str) -> None:
    from xlwings_app.domain.formatting import persen
    from xlwings_app.domain.tree.rekap import per_tingkat
    from xlwings_app.services.pohon import DokumenPohon

    assert isinstance(hasil, DokumenPohon)
    for note in hasil.catatan:
        typer.echo(f"Catatan: {note.pesan}", err=True)
    for level in per_tingkat(hasil.hasil):
        mean = persen(level.rata_rata) if level.rata_rata is not None else "-"
        typer.echo(f"{level.jenjang.value}: {level.jumlah} simpul, {level.dihitung} terukur, rata-rata capaian {mean}%")
    typer.echo(f"{what}{' DRAF' if hasil.draf else ''} ({hasil.periode.label}): {hasil.docx}")
    if hasil.pdf:
        typer.echo(f"PDF: {hasil.pdf}")
    typer.echo(f"Kode verifikasi: {hasil.kode_verifikasi}")


def kertas_kerja_cmd(
    file: File, periode: PeriodeOpt = None, pdf: PdfOpt = False, keluar: KeluarOpt = None, tanggal: TanggalOpt = None,
    lambang: LambangOpt = None, draf: DrafOpt = False,
) -> None:  # fmt: skip
    """Buat Kertas Kerja Pengukuran Kinerja: metodologi tiap indikator per tingkat pohon kinerja dan
    perhitungan capaian periode itu, ditandatangani Tim SAKIP.

    Contoh: kinerja pohon kertas-kerja kinerja.xlsx --periode TW2 --pdf
    """
    from xlwings_app.cli.report_cmds import _tanggal
    from xlwings_app.services.pohon import kertas_kerja

    signing = _tanggal(tanggal)
    _show(kertas_kerja(file, keluar, parse_periode(periode), pdf, signing, draf, lambang), "Kertas Kerja")


def rekapitulasi_cmd(
    file: File, periode: PeriodeOpt = None, pdf: PdfOpt = False, keluar: KeluarOpt = None, tanggal: TanggalOpt = None,
    lambang: LambangOpt = None, draf: DrafOpt = False,
) -> None:  # fmt: skip
    """Buat Rekapitulasi Hasil Pengukuran Kinerja per tingkat: tujuan, sasaran, program, kegiatan, sub
    kegiatan, dengan pohon kinerja bercapaian dan grafik.

    Contoh: kinerja pohon rekapitulasi kinerja.xlsx --periode TAHUNAN --pdf
    """
    from xlwings_app.cli.report_cmds import _tanggal
    from xlwings_app.services.pohon import rekapitulasi

    signing = _tanggal(tanggal)
    _show(rekapitulasi(file, keluar, parse_periode(periode), pdf, signing, draf, lambang), "Rekapitulasi")


def impor_cmd(
    file: File,
    sumber: Annotated[Path | None, typer.Argument(help="Ekspor SIPD/DPA (.csv atau .xlsx). Kosong: --sheet di "
                                                       "workbook ini.", exists=True, dir_okay=False)] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", "-s", help="Sheet berisi ekspor (di berkas sumber, "
                                                                   "atau di workbook bila sumber kosong).")] = None,
) -> None:  # fmt: skip
    """Impor program, kegiatan dan sub kegiatan beserta pagu dari ekspor SIPD/DPA ke sheet Pohon Kinerja.

    Semua atau tidak sama sekali: satu baris yang salah membatalkan impor, semua masalah ditampilkan.

    Contoh: kinerja pohon impor kinerja.xlsx "Ekspor SIPD 2025.xlsx"
    """
    from xlwings_app.domain.tree.codes import NOMENCLATURE_LEVELS
    from xlwings_app.services.pohon_impor import impor

    hasil = impor(file, sumber, sheet)
    for note in hasil.catatan:
        typer.echo(f"Catatan: {note}", err=True)
    counts = ", ".join(f"{hasil.jumlah(j)} {j.value.lower()}" for j in NOMENCLATURE_LEVELS)
    typer.echo(f"Diimpor: {counts} ({hasil.baru} baru, {hasil.diganti} diperbarui).")
    if hasil.dihapus:
        typer.echo(f"Tidak ada di ekspor, dihapus dari pohon: {', '.join(hasil.dihapus)}")
    typer.echo(f"Sheet Pohon Kinerja ditulis ke {file}" + (f" (cadangan: {hasil.cadangan})" if hasil.cadangan else ""))


def mulai_cmd(
    file: File,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa sheet Pohon Kinerja dan Manual Indikator yang ada.")]
    = False,
) -> None:  # fmt: skip
    """Tambahkan sheet Pohon Kinerja dan Manual Indikator ke workbook, diisi dari IKU dan IKI yang ada.

    Sasaran dari kolom Sasaran Strategis; program/kegiatan dari kode (atau nama nomenklatur) di kolom
    Program/Kegiatan; satu baris Manual Indikator per indikator dengan simpulnya. Lengkapi lalu periksa.

    Contoh: kinerja pohon mulai kinerja.xlsx
    """
    from xlwings_app.services.pohon_impor import mulai

    hasil = mulai(file, timpa)
    for note in hasil.catatan:
        typer.echo(f"Catatan: {note}", err=True)
    counts: dict[str, int] = {}
    for node in hasil.nodes:
        counts[node.jenjang.value.lower()] = counts.get(node.jenjang.value.lower(), 0) + 1
    typer.echo(f"Pohon Kinerja: {', '.join(f'{n} {j}' for j, n in counts.items()) or 'kosong'}; "
               f"Manual Indikator: {hasil.manual} indikator. Lengkapi tujuan, definisi operasional dan sumber "
               f"data, lalu: kinerja periksa {file.name}")  # fmt: skip


def register(app: typer.Typer) -> None:
    """Add the sub-app ``pohon`` (kertas-kerja, rekapitulasi, impor, mulai)."""
    pohon_app = typer.Typer(name="pohon", help="Pohon kinerja: tujuan, sasaran, program, kegiatan, sub kegiatan.",
                            no_args_is_help=True, rich_markup_mode=None)  # fmt: skip
    app.add_typer(pohon_app, name="pohon")
    pohon_app.command("kertas-kerja")(translate_errors(kertas_kerja_cmd))
    pohon_app.command("rekapitulasi")(translate_errors(rekapitulasi_cmd))
    pohon_app.command("impor")(translate_errors(impor_cmd))
    pohon_app.command("mulai")(translate_errors(mulai_cmd))
