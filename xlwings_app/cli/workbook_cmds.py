"""Commands on the workbook: baru, contoh, periksa, hitung."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from xlwings_app.cli.common import (
    EXIT_INPUT,
    TABLE_LIMIT,
    add_plain_row,
    console,
    emit_json,
    number,
    parse_periode,
    plain_table,
    print_problems,
    problems_json,
    translate_errors,
)
from xlwings_app.domain.sop.presets import DEFAULT_PRESET

if TYPE_CHECKING:
    from xlwings_app.services.hitung import Perhitungan

# Services are imported inside each command: starting `kinerja` loads only what the command needs.


def hitung_json(result: Perhitungan) -> dict[str, Any]:
    """The ``--json`` object of ``kinerja hitung`` (README, "Keluaran JSON")."""
    profil = result.data.profil
    return {
        "unit": profil.unit if profil else None,
        "tahun": profil.tahun if profil and profil.tahun else None,
        "periode": result.periode.value,
        "indikator": [
            {
                "kode": h.indicator.kode,
                "jenis": h.indicator.jenis.value,
                "nama": h.indicator.nama,
                "satuan": h.indicator.satuan,
                "polaritas": h.indicator.polaritas.value,
                "agregasi": h.indicator.agregasi.value,
                "target": number(h.target),
                "realisasi": number(h.realisasi),
                "capaian": float(h.capaian) if h.capaian is not None else None,
                "predikat": h.predikat,
                "status": h.status.value,
                "pesan": h.pesan,
            }
            for h in result.hasil
        ],
        "ringkasan": {
            "per_jenis": {k.value: v.as_dict() for k, v in result.per_jenis.items()},
            "per_sasaran": [r.as_dict() for r in result.per_sasaran],
            "per_penanggung_jawab": [r.as_dict() for r in result.per_penanggung_jawab],
        },
        "masalah": problems_json(result.problems),
    } | ({"pohon": _pohon_json(result)} if result.pohon else {})


def _pohon_json(result: Perhitungan) -> list[dict[str, Any]]:
    """Every node of the performance tree with its capaian (``--json``, only with sheet Pohon Kinerja)."""
    return [
        {
            "jenjang": c.node.jenjang.value, "kode": c.node.kode, "nama": c.node.nama, "induk": c.node.induk,
            "capaian": number(c.capaian), "capaian_sendiri": number(c.capaian_sendiri),
            "capaian_turunan": number(c.capaian_turunan), "sumber": c.sumber.value, "predikat": c.predikat,
            "metode": c.metode.value, "pagu": number(c.pagu), "realisasi_anggaran": number(c.realisasi_anggaran),
            "serapan": number(c.serapan), "efisiensi": number(c.efisiensi),
        }
        for c in result.pohon.values()
    ]  # fmt: skip


def _short(value: Decimal | None) -> str:
    """A number as an Indonesian reader reads it ("92,5"; "1.234,57")."""
    from xlwings_app.domain.formatting import angka

    return "-" if value is None else angka(value)


def _print_summary(result: Perhitungan) -> None:
    from xlwings_app.domain.formatting import angka, persen

    if len(result.hasil) > TABLE_LIMIT:  # the summary only: every row is in sheet Hasil and --json
        console.print(
            f"{angka(len(result.hasil))} indikator: rincian per indikator ada di sheet Hasil (atau pakai --json)."
        )
    else:
        _print_table(result)
    for jenis, ringkasan in result.per_jenis.items():
        counts = ", ".join(f"{k} {angka(v)}" for k, v in ringkasan.per_predikat.items())
        mean = persen(ringkasan.rata_rata_capaian) if ringkasan.rata_rata_capaian is not None else "-"
        console.print(
            f"{jenis.value}: {angka(ringkasan.jumlah_indikator)} indikator, rata-rata capaian {mean}%; {counts}."
        )
    if result.pohon:
        from xlwings_app.domain.tree.rekap import per_tingkat

        console.print("Pohon kinerja (capaian simpul: indikatornya sendiri, atau gabungan tingkat di bawahnya):")
        for level in per_tingkat(result.pohon):
            mean = persen(level.rata_rata) if level.rata_rata is not None else "-"
            serapan = f", serapan {persen(level.serapan)}%" if level.serapan is not None else ""
            console.print(f"  {level.jenjang.value}: {level.jumlah} simpul, {level.dihitung} terukur, "
                          f"rata-rata capaian {mean}%{serapan}.")  # fmt: skip


def _print_table(result: Perhitungan) -> None:
    from xlwings_app.domain.formatting import persen

    table = plain_table(
        f"Capaian {result.periode.label}",
        ("Kode", "Indikator", "Target", "Realisasi", "Capaian (%)", "Predikat", "Status"),
    )
    for h in result.hasil:
        add_plain_row(
            table,
            h.indicator.kode,
            h.indicator.nama,
            _short(h.target),
            _short(h.realisasi),
            persen(h.capaian) if h.capaian is not None else "-",
            h.predikat or "-",
            h.status.value,
        )
    console.print(table)


def _baru_dari(file: Path, dari: Path, timpa: bool) -> None:
    from xlwings_app.services.tahun_baru import dari as dari_service

    result = dari_service(file, dari, overwrite=timpa)
    print_problems(result.problems)
    if not result.valid:
        console.print(f"Workbook tidak dibuat: perbaiki dulu {dari.name} lalu ulangi.")
        raise typer.Exit(EXIT_INPUT)
    kosong = len(result.indicators) - result.dari_renstra
    console.print(
        f"Workbook {result.tahun} dibuat: {file} ({len(result.indicators)} indikator; target dari Renstra "
        f"{result.dari_renstra}, belum diisi {kosong}; SOP: {', '.join(result.sop) or 'tidak ada'})."
    )
    if kosong:
        console.print("Isi Target Tahunan dan target triwulan, lalu jalankan: kinerja periksa " + str(file))


def register(app: typer.Typer) -> None:
    """Add baru, contoh, periksa and hitung to ``app``."""

    @app.command("baru")
    @translate_errors
    def baru(
        file: Annotated[Path, typer.Argument(help="Workbook baru (.xlsx).")],
        timpa: Annotated[bool, typer.Option("--timpa", help="Timpa file yang sudah ada.")] = False,
        sop: Annotated[
            str,
            typer.Option(
                "--sop",
                help="Preset SOP (lihat: kinerja sop daftar); beberapa dipisah koma, masing-masing dengan log sendiri.",
            ),
        ] = DEFAULT_PRESET,
        tahun: Annotated[int | None, typer.Option("--tahun", help="Tahun kinerja (baku: tahun ini).")] = None,
        dari: Annotated[
            Path | None,
            typer.Option(
                "--dari",
                help="Workbook tahun lalu: Profil, Pengaturan, SOP dan semua indikator dibawa ke tahun "
                "berikutnya (target kosong atau dari kolom Target Renstra TAHUN; realisasi tahun lalu disimpan).",
            ),
        ] = None,
    ) -> None:
        """Buat workbook Kinerja kosong (Profil, IKU, IKI, Pengaturan, SOP, ...), atau tahun berikutnya.

        Contoh: kinerja baru "Pengukuran Kinerja 2025.xlsx" --sop pengukuran-kominfo --tahun 2025
        Contoh: kinerja baru kinerja.xlsx --sop pengukuran-lumajang,perencanaan-lumajang,pengumpulan-data-tim-sakip
        Contoh: kinerja baru kinerja-2025.xlsx --dari kinerja-2024.xlsx
        """
        if dari is not None:
            _baru_dari(file, dari, timpa)
            return
        from xlwings_app.services import baru as baru_service

        baru_service.baru(file, overwrite=timpa, sop=sop, tahun=tahun)
        console.print(f"Workbook dibuat: {file}")
        console.print(f"Isi sheet Profil dan Pejabat, lalu jalankan: kinerja sop sesuaikan {file} "
                      "(identitas SOP: unit, kabupaten dan kepala unit Anda).")

    @app.command("contoh")
    @translate_errors
    def contoh(
        folder: Annotated[Path, typer.Argument(help="Folder tujuan contoh.")] = Path("contoh"),
    ) -> None:
        """Buat contoh lengkap Kecamatan Lumajang dan jalankan seluruh proses atasnya.

        Contoh: kinerja contoh out/contoh
        """
        from xlwings_app.services.contoh import contoh as contoh_service

        for line in contoh_service(folder):
            console.print(line)

    @app.command("periksa")
    @translate_errors
    def periksa_cmd(
        file: Annotated[Path, typer.Argument(help="Workbook Kinerja (.xlsx).")],
        json_: Annotated[bool, typer.Option("--json", help="Keluaran JSON.")] = False,
    ) -> None:
        """Periksa semua isian workbook tanpa mengubah file.

        Contoh: kinerja periksa kinerja.xlsx
        """
        from xlwings_app.services.hitung import periksa

        data = periksa(file)
        if json_:
            emit_json({"masalah": problems_json(data.problems)})
        else:
            print_problems(data.problems)
            if not data.errors:
                console.print(f"Isian lengkap dan sah: {len(data.indicators)} indikator.")
        if data.errors:
            raise typer.Exit(EXIT_INPUT)

    @app.command("hitung")
    @translate_errors
    def hitung_cmd(
        file: Annotated[Path, typer.Argument(help="Workbook Kinerja (.xlsx).")],
        periode: Annotated[
            str | None,
            typer.Option("--periode", "-p", help="TW1, TW2, TW3, TW4 atau TAHUNAN (baku: Periode aktif)."),
        ] = None,
        json_: Annotated[bool, typer.Option("--json", help="Keluaran JSON.")] = False,
    ) -> None:
        """Periksa, hitung capaian dan predikat, lalu tulis sheet Hasil dan Rekap.

        Contoh: kinerja hitung kinerja.xlsx --periode TW2
        """
        from xlwings_app.services.hitung import hitung

        result = hitung(file, parse_periode(periode))
        if json_:
            emit_json(hitung_json(result))
        else:
            print_problems(result.problems)
            if result.valid:
                _print_summary(result)
                console.print(
                    f"Sheet Hasil dan Rekap ditulis ke {file}"
                    + (f" (cadangan: {result.cadangan})" if result.cadangan else ".")
                )
            else:
                console.print("File tidak diubah: perbaiki masalah di atas lalu ulangi.")
        if not result.valid:
            raise typer.Exit(EXIT_INPUT)
