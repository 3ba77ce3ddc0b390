"""Commands of the AKIP self-evaluation: ``kinerja lke buat|hitung|dokumen|ekspor``.

Exit codes: 0 done, 2 the input must be fixed (a master with errors, invalid answers, a final
with criteria unanswered), 1 internal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlwings_app.cli.common import print_problems, translate_errors
from xlwings_app.cli.report_cmds import LambangOpt, TanggalOpt

Master = Annotated[Path, typer.Argument(help="Workbook Kinerja induk (.xlsx) tahun yang dievaluasi.", exists=True,
                                        dir_okay=False)]  # fmt: skip
LkeFile = Annotated[Path, typer.Argument(help="Workbook LKE (.xlsx) buatan kinerja lke buat.", exists=True,
                                         dir_okay=False)]  # fmt: skip
Keluar = Annotated[Path | None, typer.Option("--keluar", "-k", help="File hasil (.xlsx). Bawaan: di samping workbook.")]


def buat_cmd(
    file: Master,
    lalu: Annotated[Path | None, typer.Option("--lalu", help="Workbook induk tahun sebelumnya (pembanding IKU).",
                                              exists=True, dir_okay=False)] = None,  # fmt: skip
    keluar: Keluar = None,
) -> None:
    """Buat (atau perbarui) workbook LKE evaluasi AKIP mandiri (PermenPANRB 88/2021) unit dan tahun itu.

    Berisi semua komponen, sub-komponen dan kriteria dengan skala, bobot, penjelasan tiap jawaban,
    nilai dan predikat yang dihitung rumus, usulan jawaban dari data unit (dengan alasan dan bukti
    dukung), register rekomendasi dan Rencana Aksi. Dijalankan lagi, jawaban, catatan dan register
    yang sudah diisi tetap; usulan diperbarui di sampingnya.

    Contoh: kinerja lke buat kinerja-2024.xlsx --lalu kinerja-2023.xlsx
    """
    from xlwings_app.services.lke import buat

    hasil = buat(file, lalu, keluar)
    print_problems(hasil.peringatan, "Catatan LKE")
    typer.echo(f"Workbook LKE: {hasil.path}")
    typer.echo(f"Usulan Kinerja: {len(hasil.proposals)} kriteria; jawaban yang sudah diisi dan dipertahankan: {hasil.kept}.")
    typer.echo(f"Nilai sementara: {_nilai(hasil.score.total)} (predikat {hasil.score.predikat.kode}).")


def hitung_cmd(file: LkeFile) -> None:
    """Hitung nilai dan predikat workbook LKE, periksa jawaban dan kerangka logis.

    Contoh: kinerja lke hitung "LKE 2024 - kinerja-2024.xlsx"
    """
    from xlwings_app.services.lke import hitung

    hasil = hitung(file)
    print_problems(hasil.problems, "Masalah LKE")
    for part in hasil.score.components:
        typer.echo(f"{part.component.id}. {part.component.nama}: {_nilai(part.nilai)} dari {part.component.weight}")
    typer.echo(f"Nilai akhir: {_nilai(hasil.score.total)}, predikat {hasil.score.predikat.kode} "
               f"({hasil.score.predikat.interpretasi}); belum dijawab: {len(hasil.score.unanswered)} kriteria.")  # fmt: skip
    if hasil.errors:
        raise typer.Exit(2)


def dokumen_cmd(
    file: Master,
    lke: Annotated[Path | None, typer.Option("--lke", help="Workbook LKE. Bawaan: \"LKE <tahun> - <induk>.xlsx\".",
                                             exists=True, dir_okay=False)] = None,  # fmt: skip
    final: Annotated[bool, typer.Option("--final", help="Versi final untuk ditandatangani pimpinan unit "
                                                        "(bawaan: draf Tim SAKIP).")] = False,  # fmt: skip
    pdf: Annotated[bool, typer.Option("--pdf", help="Buat juga PDF (LibreOffice atau Microsoft Word).")] = False,
    keluar: Annotated[Path | None, typer.Option("--keluar", "-k", help="Folder hasil. Bawaan: folder LKE.")] = None,
    tanggal: TanggalOpt = None,
    lambang: LambangOpt = None,
) -> None:
    """Buat Laporan Evaluasi AKIP Mandiri (draf atau final, .docx dan PDF).

    Berisi nilai per komponen, predikat, kriteria yang paling banyak kehilangan nilai beserta cara
    menaikkannya, dan daftar bukti dukung dengan kode verifikasinya (dicocokkan dengan sheet Segel).

    Contoh: kinerja lke dokumen kinerja-2024.xlsx --final --pdf
    """
    from xlwings_app.cli.report_cmds import _tanggal
    from xlwings_app.services.lke_dokumen import dokumen

    hasil = dokumen(file, lke, final, keluar, pdf, _tanggal(tanggal), lambang)
    print_problems(hasil.peringatan, "Catatan")
    typer.echo(f"Dokumen ({'final' if hasil.final else 'draf'}): {hasil.docx} (kode verifikasi {hasil.kode_verifikasi})")
    if hasil.pdf:
        typer.echo(f"PDF: {hasil.pdf}")


def ekspor_cmd(file: LkeFile, keluar: Keluar = None) -> None:
    """Ekspor LKE ke bentuk yang dipakai evaluator (.xlsx, satu baris per kriteria).

    Setiap baris: jawaban, nilai, penjelasan jawaban, alasan dan bukti dukung.

    Contoh: kinerja lke ekspor "LKE 2024 - kinerja-2024.xlsx"
    """
    from xlwings_app.services.lke import ekspor

    typer.echo(f"Ekspor evaluator: {ekspor(file, keluar)}")


def kabupaten_cmd(
    folder: Annotated[Path, typer.Argument(help="Folder berisi workbook LKE unit (dan workbook induk serta arsipnya).",
                                           exists=True, file_okay=False)],  # fmt: skip
    keluar: Keluar = None,
) -> None:
    """Kumpulkan LKE mandiri setiap unit menjadi satu peringkat (untuk Inspektorat / Bagian Organisasi).

    Bukti dukung setiap unit dicocokkan dengan sheet Segel workbook induk unit itu dan arsipnya.

    Contoh: kinerja lke kabupaten "LKE unit 2024" --keluar "Peringkat LKE 2024.xlsx"
    """
    from xlwings_app.services.lke_kabupaten import kumpulkan

    hasil = kumpulkan(folder, keluar)
    print_problems(hasil.catatan, "Catatan", with_file=True)
    for position, unit in hasil.ranked:
        typer.echo(f"{position}. {unit.unit}: {_nilai(unit.score.total)} ({unit.score.predikat.kode}); bukti dukung "
                   f"terverifikasi {unit.terverifikasi} dari {len(unit.bukti)}")  # fmt: skip
    typer.echo(f"Peringkat LKE: {hasil.path}")


def _nilai(value: object) -> str:
    from decimal import Decimal

    from xlwings_app.domain.formatting import angka

    return angka(Decimal(str(value)), desimal=2)


def register(app: typer.Typer) -> None:
    """Add the sub-app ``lke`` (buat, hitung, dokumen, ekspor) to ``app``."""
    lke_app = typer.Typer(name="lke", help="Evaluasi AKIP mandiri (LKE PermenPANRB 88/2021).", no_args_is_help=True,
                          rich_markup_mode=None)  # fmt: skip
    app.add_typer(lke_app, name="lke")
    lke_app.command("buat")(translate_errors(buat_cmd))
    lke_app.command("hitung")(translate_errors(hitung_cmd))
    lke_app.command("dokumen")(translate_errors(dokumen_cmd))
    lke_app.command("ekspor")(translate_errors(ekspor_cmd))
    lke_app.command("kabupaten")(translate_errors(kabupaten_cmd))
