"""Commands of the Pengumpulan Data SOP's own papers: ``tanda-terima`` and ``laporan-pengumpulan``.

Exit codes: 0 done, 2 the input must be fixed (problems, forms not yet in the master), 1 internal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlwings_app.cli.common import parse_periode, translate_errors
from xlwings_app.cli.report_cmds import LambangOpt, TanggalOpt

File = Annotated[Path, typer.Argument(help="Workbook Kinerja induk (.xlsx).", exists=True, dir_okay=False)]
Folder = Annotated[Path, typer.Argument(help="Folder formulir periode itu, mis. \"Formulir TW4\".", exists=True,
                                        file_okay=False)]  # fmt: skip
PeriodeOpt = Annotated[
    str | None, typer.Option("--periode", "-p", help="TW1, TW2, TW3 atau TW4 (bawaan: Periode aktif).")
]


def tanda_terima_cmd(
    file: File,
    folder: Folder,
    periode: PeriodeOpt = None,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa tanda terima yang sudah ada.")] = False,
) -> None:
    """Buat ulang Tanda Terima Formulir (A4, untuk ditandatangani penerima) dari formulir di folder.

    kinerja formulir sudah membuatnya bersama formulir; perintah ini untuk cetak ulang.

    Contoh: kinerja tanda-terima kinerja.xlsx "Formulir TW4" --periode TW4 --timpa
    """
    from xlwings_app.services.tanda_terima import tanda_terima

    target, problems = tanda_terima(file, folder, parse_periode(periode), timpa)
    for problem in problems:
        typer.echo(f"Catatan: {problem}", err=True)
    typer.echo(f"Tanda terima formulir: {target}")


def laporan_pengumpulan_cmd(
    file: File,
    folder: Folder,
    periode: PeriodeOpt = None,
    final: Annotated[bool, typer.Option("--final", help="Versi final untuk Camat, dengan Lembar Disposisi "
                                                        "(bawaan: draf untuk Sekretaris).")] = False,  # fmt: skip
    pdf: Annotated[bool, typer.Option("--pdf", help="Buat juga PDF (LibreOffice atau Microsoft Word).")] = False,
    keluar: Annotated[Path | None, typer.Option("--keluar", "-k", help="Folder hasil. Bawaan: folder workbook.")] = None,
    tanggal: TanggalOpt = None,
    lambang: LambangOpt = None,
    nomor: Annotated[str, typer.Option("--nomor", help="Nomor nota dinas dari buku agenda (bawaan: titik-titik "
                                                       "untuk ditulis tangan).")] = "",  # fmt: skip
    sifat: Annotated[str, typer.Option("--sifat", help="Sifat nota dinas: Biasa, Segera, Penting.")] = "Biasa",
    lampiran: Annotated[str, typer.Option("--lampiran", help="Lampiran nota dinas, mis. '1 (satu) berkas'.")] = "-",
) -> None:
    """Buat Laporan Hasil Pengumpulan Data Kinerja (nota dinas) dari rekap terakhir periode itu.

    Berisi formulir yang masuk (status dan waktunya), yang belum masuk, setiap perubahan lama → baru
    dari sheet Riwayat, dan indikator yang realisasinya masih kosong. Jalankan kinerja rekap dulu.

    Contoh: kinerja laporan-pengumpulan kinerja.xlsx "Formulir TW4" --periode TW4 --final --pdf
    """
    from xlwings_app.cli.report_cmds import _tanggal
    from xlwings_app.report.pengumpulan import Nota
    from xlwings_app.services.laporan_pengumpulan import laporan_pengumpulan

    signing = _tanggal(tanggal)  # a refusal (forms not recapped, input errors) is exit code 2
    nota = Nota(nomor.strip(), sifat.strip(), lampiran.strip())
    hasil = laporan_pengumpulan(file, [folder], parse_periode(periode), final, keluar, pdf, signing, lambang=lambang,
                                nota=nota)  # fmt: skip
    for note in hasil.peringatan:
        typer.echo(f"Catatan: {note.pesan}", err=True)
    h = hasil.hasil
    typer.echo(f"{len(h.diterima)} formulir masuk, {len(h.belum_masuk)} belum masuk, {len(h.perubahan)} perubahan, "
               f"{len(h.kosong)} realisasi kosong.")  # fmt: skip
    typer.echo(f"Dokumen ({'final' if hasil.final else 'draf'}): {hasil.docx}")
    if hasil.pdf:
        typer.echo(f"PDF: {hasil.pdf}")


def register(app: typer.Typer) -> None:
    """Add ``tanda-terima`` and ``laporan-pengumpulan``."""
    app.command("tanda-terima")(translate_errors(tanda_terima_cmd))
    app.command("laporan-pengumpulan")(translate_errors(laporan_pengumpulan_cmd))
