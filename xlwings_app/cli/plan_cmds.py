"""Commands ``rencana`` and ``perjanjian``: the planning documents (Rencana Kinerja, Perjanjian Kinerja).

Exit codes: 0 done, 2 the input must be fixed (problems listed), 1 internal error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from xlwings_app.cli.common import translate_errors
from xlwings_app.cli.report_cmds import File, KeluarOpt, LambangOpt, PdfOpt, TanggalOpt, _tanggal

if TYPE_CHECKING:
    from xlwings_app.services.rencana import DokumenRencana

DrafOpt = Annotated[
    bool,
    typer.Option("--draf", help="Buat draf bertanda DRAF untuk dikoreksi (temuan pemeriksaan perencanaan dicantumkan)."),
]


def _show(docs: list[DokumenRencana]) -> None:
    from xlwings_app.domain.formatting import tanggal

    shown: set[str] = set()
    for doc in docs:
        for warning in doc.peringatan:
            if str(warning) not in shown:
                shown.add(str(warning))
                typer.echo(f"Peringatan: {warning}", err=True)
    if docs:
        typer.echo(f"Tanggal dokumen: {tanggal(docs[0].tanggal)}")
    for doc in docs:
        typer.echo(f"{doc.judul}{f' ({doc.pejabat})' if doc.pejabat else ''}: {doc.docx}")
        if doc.pdf:
            typer.echo(f"  PDF: {doc.pdf}")
        if doc.kode_verifikasi:
            typer.echo(f"  Kode verifikasi: {doc.kode_verifikasi}")


def rencana_cmd(
    file: File,
    pdf: PdfOpt = False,
    draf: DrafOpt = False,
    tanggal: TanggalOpt = None,
    keluar: KeluarOpt = None,
    lambang: LambangOpt = None,
) -> None:
    """Buat Rencana Kinerja Tahunan (IKU per Sasaran Strategis, target triwulan di lampiran).

    Contoh: kinerja rencana kinerja.xlsx --pdf --tanggal "23 Januari 2024"
    """
    signing = _tanggal(tanggal)
    from xlwings_app.services.rencana import rencana

    _show([rencana(file, keluar, pdf, draf, signing, lambang)])


def perjanjian_cmd(
    file: File,
    iki: Annotated[
        bool, typer.Option("--iki", help="Perjanjian Kinerja tiap pejabat (IKI) dengan atasannya, satu per pejabat.")
    ] = False,
    pdf: PdfOpt = False,
    draf: DrafOpt = False,
    tanggal: TanggalOpt = None,
    keluar: KeluarOpt = None,
    lambang: LambangOpt = None,
) -> None:
    """Buat Perjanjian Kinerja unit (Camat/Kepala dengan Bupati/Wali Kota), atau tiap pejabat dengan --iki.

    Lampiran: Sasaran, Indikator, Target; Program/Kegiatan dan Anggaran; Rencana Aksi per triwulan.

    Contoh: kinerja perjanjian kinerja.xlsx --pdf
    Contoh: kinerja perjanjian kinerja.xlsx --iki --draf --keluar pk-pejabat
    """
    signing = _tanggal(tanggal)
    from xlwings_app.services.perjanjian import perjanjian

    _show(perjanjian(file, keluar, pdf, draf, signing, lambang, iki))


def register(app: typer.Typer) -> None:
    """Add ``rencana`` and ``perjanjian``."""
    app.command("rencana")(translate_errors(rencana_cmd))
    app.command("perjanjian")(translate_errors(perjanjian_cmd))
