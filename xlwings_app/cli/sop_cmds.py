"""Commands ``kinerja sop mulai``, ``periksa``, ``laporan``, ``sesuaikan`` and ``daftar``: SOP time limits."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from xlwings_app.cli.common import (
    EXIT_INPUT,
    add_plain_row,
    console,
    emit_json,
    number,
    plain_table,
    print_problems,
    problems_json,
    translate_errors,
)

if TYPE_CHECKING:
    from xlwings_app.domain.sop.measure import StepRun
    from xlwings_app.domain.sop.summary import PeriodSummary
    from xlwings_app.services.sop import PemeriksaanSop

PERIODE_HELP = "Periode, mis. TW1, TW2, TW3, TW4."


def _moment(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def run_json(run: StepRun) -> dict[str, Any]:
    """One run of a step, with the figures of sheet Hasil SOP."""
    return {
        "langkah": run.langkah,
        "putaran": run.run_no,
        "kegiatan": run.kegiatan,
        "peran": list(run.roles),
        "pelaksana": run.pelaksana,
        "mulai": _moment(run.mulai),
        "selesai": _moment(run.selesai),
        "batas_waktu": _moment(run.deadline),
        "waktu_sop": run.standard_text,
        "standar_menit": run.standard_minutes,
        "aktual_menit": run.actual_minutes,
        "selisih_menit": run.difference_minutes,
        "status": run.status,
        "keputusan": run.decision,
        "presisi": run.precision,
        "catatan": run.catatan,
        "keterangan": list(run.keterangan),
        "dicatat_kinerja": sorted(run.otomatis),
        "baris": run.baris,
    }


def summary_json(summary: PeriodSummary) -> dict[str, Any]:
    """A period's summary and runs (``kinerja sop periksa --json``)."""
    return {
        "periode": summary.periode,
        "jumlah_pelaksanaan": len(summary.runs),
        "tepat_waktu_persen": number(summary.share_on_time, 2),
        "status": dict(summary.status_counts),
        "standar_menit": summary.standard_minutes,
        "aktual_menit": summary.actual_minutes,
        "standar_sop_menit": summary.sop_standard_minutes,
        "siklus": {
            "mulai": _moment(summary.cycle_start),
            "selesai": _moment(summary.cycle_end),
            "menit_kerja": summary.cycle_working_minutes,
            "hari_kalender": summary.cycle_calendar_days,
        },
        "putaran_revisi": summary.revision_rounds,
        "keterlambatan_terbesar": [
            {"langkah": r.langkah, "putaran": r.run_no, "selisih_menit": r.difference_minutes}
            for r in summary.longest_delays
        ],
        "langkah": [run_json(run) for run in summary.runs],
    }


def _print_runs(summary: PeriodSummary, day_minutes: int) -> None:
    from xlwings_app.domain.sop.summary import describe_minutes

    table = plain_table(
        f"Langkah SOP, periode {summary.periode}",
        ("Langkah", "Putaran", "Pelaksana", "Waktu SOP", "Aktual", "Selisih", "Status"),
    )
    for run in summary.runs:
        difference = run.difference_minutes
        add_plain_row(
            table,
            str(run.langkah),
            str(run.run_no),
            run.pelaksana or "-",
            run.standard_text,
            "-" if run.actual_minutes is None else describe_minutes(run.actual_minutes, day_minutes),
            "-" if difference is None else ("+" if difference > 0 else "") + describe_minutes(difference, day_minutes),
            run.status + (f" ({run.decision})" if run.decision else ""),
        )
    console.print(table)


def _sop_json(result: PemeriksaanSop, valid: bool) -> dict[str, Any]:
    """One SOP's part of ``kinerja sop periksa --json``."""
    return {
        "sop": result.sop.nama if result.sop else None,
        "sheet": result.place.sop,
        "hasil": result.place.hasil,
        "periode": [summary_json(s) for s in result.summaries] if valid else [],
        "ditulis": result.ditulis,
        "masalah": problems_json(result.problems),
    }


def _print_results(results: list[PemeriksaanSop], file: Path) -> None:
    from xlwings_app.services.sop import summary_lines

    several = len(results) > 1
    for result in results:
        if several and result.sop is not None:
            console.print(f"SOP {result.sop.nama} (sheet {result.place.sop})", style="bold")
        for summary in result.summaries:
            _print_runs(summary, result.day_minutes)
            for line in summary_lines(summary, result.day_minutes):
                console.print(line)
        if result.ditulis:
            console.print(
                f"Sheet {result.place.hasil} ditulis ke {file}"
                + (f" (cadangan: {result.cadangan})" if result.cadangan else ".")
            )
    if not any(r.ditulis for r in results):
        console.print("Tidak ada sheet Hasil SOP yang ditulis (lihat catatan di atas).")


def register(app: typer.Typer) -> None:
    """Add the sub-app ``sop`` (mulai, periksa, laporan, sesuaikan, daftar) to ``app``."""
    sop_app = typer.Typer(
        name="sop",
        help="Waktu SOP: log langkah per periode dan pemeriksaan Mutu Baku Waktu.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    app.add_typer(sop_app, name="sop")

    @sop_app.command("mulai")
    @translate_errors
    def mulai_cmd(
        file: Annotated[Path, typer.Argument(help="Workbook Kinerja (.xlsx).")],
        periode: Annotated[str, typer.Option("--periode", "-p", help=PERIODE_HELP)],
        sop: Annotated[
            str | None,
            typer.Option(
                "--sop",
                help="SOP di workbook (mis. Perencanaan), atau SOP bawaan (lihat: kinerja sop daftar) yang "
                "ditambahkan: sebagai sheet SOP bila belum ada, atau di samping SOP lain (SOP Perencanaan).",
            ),
        ] = None,
        tahun: Annotated[
            int | None,
            typer.Option("--tahun", help="Tahun cuti bersama di sheet Kalender (baku: Tahun di Profil)."),
        ] = None,
    ) -> None:
        """Tambahkan baris Log Langkah satu periode, satu baris per langkah SOP.

        Contoh: kinerja sop mulai kinerja.xlsx --periode TW1 --sop pengukuran-lumajang
        Contoh: kinerja sop mulai kinerja.xlsx --periode 2025 --sop perencanaan-lumajang
        """
        from xlwings_app.services import sop as sop_service

        result = sop_service.mulai(file, periode, preset_id=sop, tahun=tahun)
        print_problems(result.problems)
        if not result.valid:
            console.print("File tidak diubah: perbaiki masalah di atas lalu ulangi.")
            raise typer.Exit(EXIT_INPUT)
        if result.sheets_added and result.sop is not None:
            console.print(f"Sheet {result.place.sop}, Kalender dan {result.place.log} ditambahkan: {result.sop.nama}.")
        console.print(
            f"{result.place.log} {result.periode}: {len(result.rows)} baris ditambahkan "
            f"(baris {result.first_row}-{result.last_row}). Isi Pelaksana, Mulai dan Selesai."
        )

    @sop_app.command("periksa")
    @translate_errors
    def periksa_cmd(
        file: Annotated[Path, typer.Argument(help="Workbook Kinerja (.xlsx).")],
        periode: Annotated[
            str | None, typer.Option("--periode", "-p", help=PERIODE_HELP + " Baku: semua periode di log.")
        ] = None,
        json_: Annotated[bool, typer.Option("--json", help="Keluaran JSON.")] = False,
        sop: Annotated[
            str | None,
            typer.Option("--sop", help="Hanya SOP ini bila workbook memuat beberapa SOP (mis. Perencanaan); "
                         "baku: setiap SOP di workbook."),
        ] = None,
    ) -> None:
        """Ukur setiap langkah di log setiap SOP terhadap Waktu SOP, lalu tulis sheet Hasil SOP-nya.

        Tanpa --sop setiap SOP di workbook diperiksa sekaligus (SOP, SOP Perencanaan, ...), masing-masing
        menulis sheet Hasil SOP-nya; SOP yang log-nya belum berisi (atau tanpa periode --periode) dilewati
        dengan catatan. Satu galat pada SOP mana pun: tidak ada yang ditulis.

        Contoh: kinerja sop periksa kinerja.xlsx --periode TW1 --json
        Contoh: kinerja sop periksa kinerja.xlsx --sop Perencanaan
        """
        from xlwings_app.services import sop as sop_service

        if sop:
            one = sop_service.periksa(file, periode, sop=sop)
            results, problems, valid = [one], one.problems, one.valid
        else:
            every = sop_service.periksa_semua(file, periode)
            results, problems, valid = every.hasil, every.problems, every.valid
        if json_:
            emit_json({**_sop_json(results[0], valid), "masalah": problems_json(problems),
                       "semua": [_sop_json(r, valid) for r in results]})  # fmt: skip
        else:
            print_problems(problems)
            if valid:
                _print_results(results, file)
            else:
                console.print("File tidak diubah: perbaiki masalah di atas lalu ulangi.")
        if not valid:
            raise typer.Exit(EXIT_INPUT)

    @sop_app.command("laporan")
    @translate_errors
    def laporan_cmd(
        file: Annotated[Path, typer.Argument(help="Workbook Kinerja (.xlsx).", exists=True, dir_okay=False)],
        periode: Annotated[
            str | None,
            typer.Option("--periode", "-p", help=PERIODE_HELP + " SOP Perencanaan: tahun, mis. 2025. "
                         "Bawaan: periode aktif."),
        ] = None,
        sop: Annotated[
            str | None,
            typer.Option("--sop", help="Hanya SOP ini (mis. Pengumpulan Data); bawaan: setiap SOP yang log-nya "
                         "memuat periode itu."),
        ] = None,
        pdf: Annotated[bool, typer.Option("--pdf", help="Buat juga PDF (LibreOffice atau Microsoft Word).")] = False,
        draf: Annotated[
            bool,
            typer.Option("--draf", help="Buat draf bertanda DRAF walau masih ada langkah yang belum lengkap di log "
                         "(daftarnya dicetak di bawah judul). Tanpa --draf laporan final ditolak selama itu."),
        ] = False,
        tanggal: Annotated[
            str | None, typer.Option("--tanggal", help='Tanggal laporan, mis. "15 Juli 2025". Bawaan: hari ini.')
        ] = None,
        keluar: Annotated[
            Path | None, typer.Option("--keluar", "-k", help="Folder hasil. Bawaan: folder workbook.")
        ] = None,
    ) -> None:
        """Buat Laporan Kepatuhan Waktu SOP satu periode untuk Sekretaris (.docx, dan PDF dengan --pdf).

        Waktu SOP tidak dicetak di dokumen yang ditandatangani (langkah penandatanganan dan
        pengirimannya terjadi sesudah dokumen dicetak); laporan ini memuatnya: per SOP, setiap
        pelaksanaan langkah dengan Waktu SOP seperti tertulis di SOP dan waktu kerja yang dicatat.

        Contoh: kinerja sop laporan kinerja.xlsx --periode TW2 --pdf
        Contoh: kinerja sop laporan kinerja.xlsx --periode 2025 --sop Perencanaan --draf
        """
        from xlwings_app.cli.report_cmds import _tanggal
        from xlwings_app.services.laporan_sop import laporan_sop

        hasil = laporan_sop(file, periode, sop, keluar, pdf, draf, _tanggal(tanggal))
        print_problems(hasil.peringatan)
        label = " DRAF (belum final)" if hasil.draf else ""
        console.print(f"Laporan Kepatuhan Waktu SOP{label} {hasil.periode}: {hasil.docx}")
        console.print(f"SOP: {', '.join(hasil.sop)}")
        if hasil.pdf:
            console.print(f"PDF: {hasil.pdf}")

    @sop_app.command("sesuaikan")
    @translate_errors
    def sesuaikan_cmd(
        file: Annotated[Path, typer.Argument(help="Workbook Kinerja (.xlsx).", exists=True, dir_okay=False)],
        sop: Annotated[
            str | None, typer.Option("--sop", help="Hanya SOP ini (mis. Perencanaan); bawaan: setiap SOP di workbook.")
        ] = None,
    ) -> None:
        """Sesuaikan identitas sheet SOP dengan sheet Profil: unit, kabupaten, Disahkan Oleh.

        Nama unit, kepala dan kabupaten SOP bawaan (Kabupaten Lumajang) diganti dengan yang di sheet
        Profil; Nomor SOP dan tanggal SOP bawaan dikosongkan untuk diisi; peraturan daerah kabupaten
        lain dihapus dari Dasar Hukum. Hanya sel yang berubah ditulis; catatan di baris 3 menyebutnya.

        Contoh: kinerja sop sesuaikan kinerja.xlsx
        """
        from xlwings_app.services.sop_identitas import sesuaikan

        result = sesuaikan(file, sop)
        print_problems(result.problems)
        if not result.valid:
            console.print("File tidak diubah: perbaiki masalah di atas lalu ulangi.")
            raise typer.Exit(EXIT_INPUT)
        for sheet, changes in result.diubah.items():
            console.print(f"Sheet {sheet} disesuaikan: {'; '.join(changes)}.")
        if not result.diubah:
            console.print("Sheet SOP sudah sesuai dengan sheet Profil; tidak ada yang diubah.")
        elif result.cadangan:
            console.print(f"Cadangan: {result.cadangan}")

    @sop_app.command("daftar")
    @translate_errors
    def daftar_cmd() -> None:
        """Daftar SOP bawaan (dari SOP Kabupaten Lumajang) untuk --sop.

        Contoh: kinerja sop daftar
        """
        from xlwings_app.domain.sop.presets import presets

        for preset_id, sop in presets().items():
            unit = ", ".join(sop.unit[1:]) or ", ".join(sop.unit)
            console.print(f"{preset_id}: {sop.nama} ({unit}), {len(sop.steps)} langkah")
