"""Command ``lkjip``: the Laporan Kinerja Instansi Pemerintah (PermenPANRB 53/2014) of the workbook's year.
Registered by ``cli.plan_cmds`` beside the Rencana and Perjanjian Kinerja it reports against.

Exit codes: 0 done, 2 the input must be fixed (problems listed), 1 internal error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlwings_app.cli.report_cmds import File, KeluarOpt, LambangOpt, PdfOpt, TanggalOpt, _tanggal


def lkjip_cmd(
    file: File,
    tahun: Annotated[int | None, typer.Option("--tahun", help="Tahun laporan (harus sama dengan tahun Profil).")] = None,
    final: Annotated[bool, typer.Option(
        "--final", help="LKjIP final untuk ditandatangani; ditolak selama ada isian wajib di sheet Narasi LKjIP "
        "yang belum ditulis.")] = False,
    pdf: PdfOpt = False,
    tanggal: TanggalOpt = None,
    keluar: KeluarOpt = None,
    lambang: LambangOpt = None,
    riwayat: Annotated[list[Path] | None, typer.Option(
        "--riwayat", help="Workbook atau arsip (.zip) tahun sebelumnya; diperiksa terhadap segel tahunannya, "
        "arsip yang berubah ditolak. Boleh diulang.")] = None,
) -> None:
    """Buat Laporan Kinerja (LKjIP) tahunan: draf, atau final dengan --final.

    Ikhtisar Eksekutif, BAB I-IV dan Lampiran menurut PermenPANRB 53/2014; tabel dan kalimat disusun dari
    IKU, sheet Riwayat Capaian dan Pejabat; bagian yang ditulis sendiri dibaca dari sheet Narasi LKjIP
    (dalam draf ditandai [Belum ditulis: ...]).

    Contoh: kinerja lkjip kinerja.xlsx --pdf
    Contoh: kinerja lkjip kinerja.xlsx --final --pdf --tanggal "27 Februari 2025"
    Contoh: kinerja lkjip kinerja-2024.xlsx --riwayat arsip/Arsip_2023_Tahunan.zip --pdf
    """
    signing = _tanggal(tanggal)
    from xlwings_app.domain.formatting import tanggal as tanggal_text
    from xlwings_app.services.lkjip import lkjip

    doc = lkjip(file, keluar, tahun, final, pdf, signing, lambang, riwayat or [])
    for warning in doc.peringatan:
        typer.echo(f"Peringatan: {warning}", err=True)
    typer.echo(f"Tanggal dokumen: {tanggal_text(doc.tanggal)}")
    belum = len(doc.draft.placeholders)
    kind = "final" if final else f"draf, {belum} isian belum ditulis" if belum else "draf"
    typer.echo(f"Laporan Kinerja {doc.draft.tahun} ({kind}): {doc.docx}")
    if doc.pdf:
        typer.echo(f"  PDF: {doc.pdf}")
    if doc.kode:
        typer.echo(f"Kode verifikasi: {doc.kode} (tanda tangani, lalu segel: kinerja arsip {file.name} --periode LKJIP"
                   f"{' --dokumen ' + str(doc.docx.parent) if keluar else ''})")

