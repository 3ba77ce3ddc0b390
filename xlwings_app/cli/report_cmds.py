"""Commands ``laporan``, ``laporan-iki`` and ``arsip``: the signed documents and the archive.

Exit codes: 0 done, 2 the input must be fixed (problems, template, period), 1 internal error.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from xlwings_app.cli.common import parse_periode, translate_errors

# Services (docxtpl, Babel, openpyxl) are imported inside each command, so that starting
# `kinerja` for another command does not pay for them.

File = Annotated[Path, typer.Argument(help="Workbook Kinerja (.xlsx).", exists=True, dir_okay=False)]
LAMPIRAN_HELP = "Berkas tambahan, mis. pindaian dokumen bertanda tangan (boleh berulang)."
PERIODE_HELP = "TW1, TW2, TW3, TW4 atau TAHUNAN (s.d. triwulan tersebut)."
PeriodeOpt = Annotated[
    str | None, typer.Option("--periode", "-p", help=PERIODE_HELP + " Bawaan: periode aktif.")
]
PdfOpt = Annotated[bool, typer.Option("--pdf", help="Buat juga PDF (LibreOffice atau Microsoft Word).")]
TanggalOpt = Annotated[
    str | None,
    typer.Option(
        "--tanggal",
        help="Tanggal penandatanganan, mis. \"7 Oktober 2024\" atau 2024-10-07. "
        "Bawaan: Tanggal Penandatanganan di sheet Profil.",
    ),
]
LambangOpt = Annotated[
    Path | None,
    typer.Option("--lambang", help="Gambar lambang daerah (PNG/JPEG). Bawaan: berkas yang disebut di sheet Profil."),
]
DrafOpt = Annotated[
    bool,
    typer.Option("--draf", help="Buat draf untuk putaran koreksi: tanda DRAF di setiap halaman, isian yang "
                 "kurang disorot. Tanpa --draf dokumen final ditolak selama isian analisis belum lengkap."),
]
KeluarOpt = Annotated[
    Path | None, typer.Option("--keluar", "-k", help="Folder hasil. Bawaan: folder workbook.")
]


def _tanggal(text: str | None) -> dt.date | None:
    from xlwings_app.domain.tanggal import parse_tanggal

    try:
        return parse_tanggal(text)
    except ValueError as exc:
        typer.echo(f"--tanggal: {exc}", err=True)
        raise typer.Exit(2) from None


def _dated(tanggal: dt.date | None) -> None:
    from xlwings_app.domain.formatting import tanggal as format_tanggal

    if tanggal is not None:
        typer.echo(f"Tanggal dokumen: {format_tanggal(tanggal)}")


def laporan_cmd(
    file: File,
    periode: PeriodeOpt = None,
    template: Annotated[
        Path | None, typer.Option("--template", "-t", help="Template Word (.docx) sendiri.")
    ] = None,
    pdf: PdfOpt = False,
    keluar: KeluarOpt = None,
    tanggal: TanggalOpt = None,
    lambang: LambangOpt = None,
    draf: DrafOpt = False,
) -> None:
    """Buat Dokumen Pengukuran Kinerja (.docx, dan PDF dengan --pdf) dari isian workbook.

    Contoh: kinerja laporan kinerja.xlsx --periode TW2 --pdf --tanggal "7 Oktober 2024"
    """
    signing = _tanggal(tanggal)
    from xlwings_app.services.laporan import laporan

    hasil = laporan(file, keluar, parse_periode(periode), template, pdf, signing, lambang, draf)
    for warning in hasil.peringatan:
        typer.echo(f"Peringatan: {warning.pesan}", err=True)
    _dated(hasil.tanggal)
    typer.echo(f"Dokumen{' DRAF (belum untuk ditandatangani)' if hasil.draf else ''}: {hasil.docx}")
    if hasil.pdf:
        typer.echo(f"PDF: {hasil.pdf}")
    typer.echo(f"Kode verifikasi: {hasil.kode_verifikasi}")


def laporan_iki_cmd(
    file: File,
    periode: PeriodeOpt = None,
    template: Annotated[
        Path | None, typer.Option("--template", "-t", help="Template Word (.docx) IKI sendiri.")
    ] = None,
    pdf: PdfOpt = False,
    keluar: KeluarOpt = None,
    tanggal: TanggalOpt = None,
    lambang: LambangOpt = None,
    draf: DrafOpt = False,
) -> None:
    """Buat Dokumen Pengukuran Kinerja Individu: satu dokumen per penanggung jawab IKI.

    Nama, pangkat dan NIP pejabat diambil dari sheet Pejabat.

    Contoh: kinerja laporan-iki kinerja.xlsx --periode TW3 --pdf --keluar hasil
    """
    signing = _tanggal(tanggal)
    from xlwings_app.services.laporan_iki import laporan_iki

    hasil = laporan_iki(file, keluar, parse_periode(periode), template, pdf, signing, lambang, draf)
    for warning in hasil[0].peringatan if hasil else ():
        typer.echo(f"Peringatan: {warning}", err=True)
    _dated(hasil[0].tanggal if hasil else None)
    for doc in hasil:
        typer.echo(f"{doc.pejabat} ({len(doc.indikator)} IKI): {doc.docx}")
        if doc.pdf:
            typer.echo(f"  PDF: {doc.pdf}")
        typer.echo(f"  Kode verifikasi: {doc.kode_verifikasi}")


ARSIP_PERIODE_HELP = (
    "TW1, TW2, TW3, TW4 atau TAHUNAN (Dokumen Pengukuran Kinerja periode itu), RK (Rencana Kinerja), PK "
    "(Perjanjian Kinerja unit) atau LKJIP (Laporan Kinerja tahunan)."
)


def arsip_cmd(
    file: File,
    periode: Annotated[str, typer.Option("--periode", "-p", help=ARSIP_PERIODE_HELP)],
    lampiran: Annotated[list[Path] | None, typer.Option("--lampiran", "-l", help=LAMPIRAN_HELP)] = None,
    keluar: Annotated[
        Path | None, typer.Option("--keluar", "-k", help="Folder arsip. Bawaan: folder workbook.")
    ] = None,
    dokumen: Annotated[
        Path | None,
        typer.Option("--dokumen", "-d", help="Folder dokumen final yang ditandatangani (tempat --keluar saat "
                     "dokumen dibuat). Bawaan: folder workbook."),
    ] = None,
) -> None:
    """Segel dokumen setelah ditandatangani: arsip .zip berisi workbook, dokumen persis seperti yang
    dicetak, dan manifest. Ditolak bila workbook berubah sejak dokumen final dibuat.

    Contoh: kinerja arsip kinerja.xlsx --periode TW2 --lampiran scan_ttd.pdf
    """
    from xlwings_app.domain.cetak import label, parse_dokumen

    try:
        chosen = parse_dokumen(periode)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--periode") from None
    from xlwings_app.services.arsip import arsip

    hasil = arsip(file, chosen, keluar, lampiran or [], dokumen=dokumen)
    for note in hasil.catatan:
        typer.echo(f"Catatan: {note}", err=True)
    _dated(hasil.cetak.tanda_tangan.tanggal)
    typer.echo(f"Arsip: {hasil.zip}")
    typer.echo(f"Kode verifikasi: {hasil.record.kode_verifikasi}")
    typer.echo(f"Segel {label(chosen)} dicatat di sheet Segel workbook.")


def register(app: typer.Typer) -> None:
    """Add ``laporan``, ``laporan-iki`` and ``arsip``."""
    app.command("laporan")(translate_errors(laporan_cmd))
    app.command("laporan-iki")(translate_errors(laporan_iki_cmd))
    app.command("arsip")(translate_errors(arsip_cmd))
