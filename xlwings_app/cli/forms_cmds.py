"""Commands of Pengumpulan Data Kinerja: formulir, lembar, rekap."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from xlwings_app.cli.common import (
    EXIT_INPUT,
    console,
    emit_json,
    number,
    parse_periode,
    print_problems,
    problems_json,
    translate_errors,
)

if TYPE_CHECKING:
    from xlwings_app.services.formulir import Distribusi
    from xlwings_app.services.rekap import HasilRekap

# Services are imported inside each command: starting `kinerja` loads only what the command needs.

PeriodeOption = Annotated[
    str | None, typer.Option("--periode", "-p", help="TW1, TW2, TW3 atau TW4 (baku: Periode aktif di sheet Pengaturan).")
]




def _shown(value: object) -> str:
    if value is None or value == "":
        return "(kosong)"
    if isinstance(value, str):
        text = " ".join(value.split())
        return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'
    from xlwings_app.domain.formatting import angka

    return angka(value)  # type: ignore[arg-type]


def _report_distribusi(result: Distribusi, what: str) -> None:
    print_problems(result.problems)
    if not result.valid:
        console.print("Tidak ada yang dibuat: perbaiki masalah workbook induk di atas lalu ulangi.")
        raise typer.Exit(EXIT_INPUT)
    for pj, where, count in result.formulir:
        console.print(f"{what} {result.periode.value} untuk {pj} ({count} indikator): {where}")
    if result.tanpa_penanggung_jawab:
        console.print(f"Tanpa Penanggung Jawab (tidak masuk formulir): {', '.join(result.tanpa_penanggung_jawab)}")
    if result.tanda_terima:
        console.print(f"Tanda terima formulir (cetak A4, ditandatangani penerima): {result.tanda_terima}")
    for line in result.log:
        console.print(line)


def rekap_json(result: HasilRekap) -> dict[str, Any]:
    """The ``--json`` object of ``kinerja rekap``."""
    return {
        "periode": result.periode.value,
        "formulir": result.konsolidasi.jumlah_formulir,
        "ditulis": result.ditulis,
        "cadangan": str(result.cadangan) if result.cadangan else None,
        "perubahan": [
            {"kode": p.change.kode, "kolom": p.change.kolom, "sel": f"{p.sheet}!{p.sel}",
             "lama": _json(p.change.lama), "baru": _json(p.change.baru),
             "sumber": p.change.file, "sel_sumber": f"{p.change.sheet}!{p.change.sel}"}
            for p in result.perubahan
        ],
        "log_langkah": result.log,
        "belum_diisi": result.konsolidasi.belum_diisi,
        "tanpa_formulir": result.konsolidasi.tanpa_formulir,
        "belum_kembali": [f.file for f in result.konsolidasi.belum_kembali],
        "masalah": problems_json(result.problems),
    }


def _json(value: object) -> object:
    return value if value is None or isinstance(value, str) else number(value)  # type: ignore[arg-type]


CHANGE_LIMIT = 100
"""The terminal lists at most this many changed cells (every change is a row of sheet Riwayat and of
the Laporan Hasil Pengumpulan; thousands of lines help nobody and take seconds to print)."""


def _report_rekap(result: HasilRekap, file: Path) -> None:
    print_problems(result.problems, "Masalah formulir", with_file=True)  # many files: each names its own
    if not result.valid:
        console.print("Workbook induk tidak diubah: perbaiki semua masalah di atas lalu ulangi rekap.")
        return
    for p in result.perubahan[:CHANGE_LIMIT]:
        c = p.change
        console.print(
            f"{p.sheet}!{p.sel} {c.kode} {c.kolom}: {_shown(c.lama)} → {_shown(c.baru)}  ({c.file})", markup=False
        )
    if len(result.perubahan) > CHANGE_LIMIT:
        rest = len(result.perubahan) - CHANGE_LIMIT
        from xlwings_app.domain.formatting import angka

        console.print(f"… dan {angka(rest)} perubahan lain: semuanya tercatat di sheet Riwayat.")
    k = result.konsolidasi
    if k.belum_kembali:
        console.print(f"Formulir belum kembali (masih seperti saat dibagikan): "
                      f"{', '.join(dict.fromkeys(f.file for f in k.belum_kembali))}", markup=False)
    if k.belum_diisi:
        console.print(f"Realisasi {result.periode.value} belum diisi: {', '.join(k.belum_diisi)}")
    if result.ditulis:
        console.print(f"{len(result.perubahan)} sel diubah di {file} dari {k.jumlah_formulir} formulir masuk "
                      f"(dicatat di sheet Riwayat; cadangan: {result.cadangan}).")
    else:
        console.print(f"{k.jumlah_formulir} formulir masuk diperiksa: tidak ada perubahan"
                      + (", workbook induk tidak ditulis." if result.cadangan is None else "."))
    for line in result.log:
        console.print(line)


def _rekap_rencana(file: Path, sources: list[Path]) -> None:
    """The planning rekap: every problem listed, exit 2 on a galat (nothing written)."""
    from xlwings_app.services.formulir_rencana import rekap_rencana

    result = rekap_rencana(file, sources)
    for problem in result.problems:
        typer.echo(f"{'Galat' if problem.is_error else 'Catatan'}: {problem}", err=not problem.is_error)
    if not result.valid:
        typer.echo("Tidak ada yang ditulis ke workbook induk: perbaiki formulir di atas lalu ulangi.")
        raise typer.Exit(EXIT_INPUT)
    merged = result.gabung
    changes = len(merged.perubahan) if merged else 0
    typer.echo(f"Rekap rencana: {changes} perubahan, {len(merged.baru) if merged else 0} indikator baru"
               + (", ditulis ke sheet Riwayat." if result.ditulis else "; workbook induk tidak berubah."))


def register(app: typer.Typer) -> None:
    """Add formulir, lembar and rekap to ``app``."""

    @app.command("formulir")
    @translate_errors
    def formulir_cmd(
        file: Annotated[Path, typer.Argument(help="Workbook Kinerja induk (.xlsx).")],
        keluar: Annotated[Path, typer.Option("--keluar", "-k", help="Folder tujuan formulir.")] = Path("formulir"),
        periode: PeriodeOption = None,
        timpa: Annotated[bool, typer.Option("--timpa", help="Timpa formulir yang sudah ada.")] = False,
        rencana: Annotated[bool, typer.Option("--rencana", help="Formulir Rencana Kinerja tahun workbook: usulan "
                                                                "target dan rencana aksi.")] = False,  # fmt: skip
    ) -> None:
        """Buat satu formulir .xlsx per penanggung jawab berisi indikatornya saja.

        Dengan --rencana: Formulir Rencana Kinerja (usulan target tahunan dan triwulan, rencana aksi,
        baris untuk indikator baru); kembalikan dengan kinerja rekap --rencana.

        Contoh: kinerja formulir kinerja.xlsx --periode TW2 --keluar "Formulir TW2"
        """
        if rencana:
            from xlwings_app.services.formulir_rencana import formulir_rencana

            made = formulir_rencana(file, keluar, timpa)
            typer.echo(f"Formulir Rencana Kinerja: {len(made)} file di {keluar}")
            return
        from xlwings_app.services.formulir import formulir

        _report_distribusi(formulir(file, keluar, parse_periode(periode), timpa), "Formulir")

    @app.command("lembar")
    @translate_errors
    def lembar_cmd(
        file: Annotated[Path, typer.Argument(help="Workbook Kinerja induk (.xlsx).")],
        periode: PeriodeOption = None,
        timpa: Annotated[bool, typer.Option("--timpa", help="Ganti lembar isian yang sudah ada.")] = False,
    ) -> None:
        """Tambahkan satu lembar isian per penanggung jawab di dalam workbook induk.

        Contoh: kinerja lembar kinerja.xlsx --periode TW2   (lalu: kinerja rekap kinerja.xlsx --lembar)
        """
        from xlwings_app.services.formulir import lembar

        _report_distribusi(lembar(file, parse_periode(periode), timpa), "Lembar isian")

    @app.command("rekap")
    @translate_errors
    def rekap_cmd(
        file: Annotated[Path, typer.Argument(help="Workbook Kinerja induk (.xlsx).")],
        formulir_: Annotated[
            list[Path] | None, typer.Argument(metavar="FORMULIR_ATAU_FOLDER...", help="Formulir .xlsx atau folder.")
        ] = None,
        periode: Annotated[str | None, typer.Option(
            "--periode", "-p", help="TW1, TW2, TW3 atau TW4 (baku: periode yang tercatat di formulir; tanpa "
            "formulir: Periode aktif di sheet Pengaturan).")] = None,  # fmt: skip
        lembar_: Annotated[bool, typer.Option("--lembar", help="Baca lembar isian di dalam workbook induk.")] = False,
        json_: Annotated[bool, typer.Option("--json", help="Keluaran JSON.")] = False,
        rencana: Annotated[bool, typer.Option("--rencana", help="Rekap Formulir Rencana Kinerja: usulan target "
                                                                "dan indikator baru.")] = False,  # fmt: skip
    ) -> None:
        """Periksa semua formulir, lalu salin isiannya ke workbook induk (semua atau tidak sama sekali).

        Contoh: kinerja rekap kinerja.xlsx "Formulir TW2" --periode TW2
        """
        if rencana:
            _rekap_rencana(file, formulir_ or [])
            return
        from xlwings_app.services.rekap import rekap

        result = rekap(file, formulir_ or [], parse_periode(periode), lembar=lembar_)
        if json_:
            emit_json(rekap_json(result))
        else:
            _report_rekap(result, file)
        if not result.valid:
            raise typer.Exit(EXIT_INPUT)
