"""Commands of the SOPs' administrative papers: ``disposisi``, ``notulen``, ``program-kerja``,
``checklist``, ``tanda-terima-dokumen`` and ``surat-pengantar``.

Each parses its arguments, calls its one service (``services.disposisi``, ``notulen``,
``program_kerja``, ``checklist``, ``distribusi``) and prints what was made. Exit codes: 0 done,
2 the input must be fixed, 1 internal.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from xlwings_app.cli.common import parse_periode, translate_errors
from xlwings_app.cli.report_cmds import File, KeluarOpt, LambangOpt, PdfOpt, PeriodeOpt

SopOpt = Annotated[str | None, typer.Option("--sop", help="Bagian nama SOP, mis. \"Pengumpulan\". Bawaan: SOP "
                                                          "pertama yang punya langkah itu.")]  # fmt: skip


def _date(text: str | None, option: str) -> dt.date | None:
    from xlwings_app.domain.tanggal import parse_tanggal

    try:
        return parse_tanggal(text) if text else None
    except ValueError as exc:
        raise typer.BadParameter(f"{option}: {exc}") from None


def _moment(text: str | None, option: str) -> dt.datetime | dt.date | None:
    """"2024-10-08 09:00" or "08-10-2024 09.00" (a moment), or a date alone."""
    if not text:
        return None
    import re

    words = text.replace("T", " ").split()
    if len(words) >= 2 and re.fullmatch(r"\d{1,2}[.:]\d{2}(:\d{2})?", words[-1]):
        day = _date(" ".join(words[:-1]), option)
        hour, minute = (int(n) for n in re.split(r"[.:]", words[-1])[:2])
        try:
            return dt.datetime.combine(day, dt.time(hour, minute)) if day else None
        except ValueError:
            raise typer.BadParameter(f"{option}: jam \"{words[-1]}\" tidak dikenal (mis. 09.00).") from None
    return _date(text, option)


def _show(kertas: object) -> None:
    typer.echo(f"{getattr(kertas, 'judul', 'Dokumen')}: {getattr(kertas, 'docx', '')}")
    if getattr(kertas, "pdf", None):
        typer.echo(f"PDF: {kertas.pdf}")  # type: ignore[attr-defined]


def disposisi_cmd(
    file: File,
    nomor: Annotated[str | None, typer.Option("--nomor", help="Hanya surat bernomor ini; langkah SOP-nya dicatat "
                                                             "di log periode --periode.")] = None,  # fmt: skip
    periode: Annotated[str | None, typer.Option("--periode", "-p", help="Periode log yang dicatat (TW1..TW4, "
                                                                        "tahun). Bawaan: periode aktif.")] = None,  # fmt: skip
    pdf: PdfOpt = False,
    keluar: KeluarOpt = None,
    lambang: LambangOpt = None,
) -> None:
    """Cetak Lembar Disposisi dari sheet Register Surat (satu per surat masuk).

    Bila sheet Register Surat belum ada, sheet itu ditambahkan kosong: isi surat dan disposisinya
    lalu jalankan lagi. Dengan --nomor, langkah SOP yang dijawab surat itu dicatat di Log Langkah.

    Contoh: kinerja disposisi kinerja.xlsx --nomor 050/015/427.50/2025 --periode TW4 --pdf
    """
    from xlwings_app.services.disposisi import disposisi

    hasil = disposisi(file, keluar, nomor, pdf, periode, lambang=lambang)
    if hasil.sheet_baru:
        typer.echo("Sheet Register Surat ditambahkan: catat surat masuk dan disposisinya, lalu jalankan lagi.")
        return
    for note in hasil.peringatan:
        typer.echo(f"Catatan: {note}", err=True)
    for kertas in hasil.kertas:
        _show(kertas)
    for line in hasil.log:
        typer.echo(line)


def notulen_cmd(
    file: File,
    tanggal: Annotated[str, typer.Option("--tanggal", help="Tanggal rapat, mis. \"1 Oktober 2024\".")],
    tempat: Annotated[str, typer.Option("--tempat", help="Ruang rapat.")],
    jam: Annotated[str | None, typer.Option("--jam", help="Jam mulai rapat, mis. 09.00.")] = None,
    sop: SopOpt = None,
    keputusan: Annotated[list[str] | None, typer.Option("--keputusan", help="Keputusan rapat (boleh berulang): "
                                                                             "notulen yang diketik kembali.")] = None,  # fmt: skip
    pdf: PdfOpt = False,
    keluar: KeluarOpt = None,
    lambang: LambangOpt = None,
) -> None:
    """Cetak Notulen Rapat Sekretaris dengan Tim SAKIP (acara, pimpinan dan peserta dari workbook).

    Contoh: kinerja notulen kinerja.xlsx --tanggal 2024-10-01 --jam 09.00 --tempat "Ruang Rapat" --pdf
    """
    from xlwings_app.services.notulen import notulen

    day = _date(tanggal, "--tanggal")
    assert day is not None
    waktu = None
    if jam:
        moment = _moment(f"{day.isoformat()} {jam}", "--jam")
        waktu = moment.time() if isinstance(moment, dt.datetime) else None
    kertas, made = notulen(file, day, tempat, waktu, sop, keputusan or (), keluar, pdf, lambang)
    typer.echo(f"Rapat {made.sop} langkah {made.langkah}: {len(made.peserta)} peserta.")
    _show(kertas)


def program_kerja_cmd(
    file: File,
    mulai: Annotated[str, typer.Option("--mulai", help="Saat mulai, mis. \"2024-10-01 08.00\" atau 2024-10-01.")],
    sop: SopOpt = None,
    batas: Annotated[str | None, typer.Option("--batas", help="Batas waktu. Bawaan: Batas Waktu Surat Edaran di "
                                                             "sheet Register Surat.")] = None,  # fmt: skip
    periode: PeriodeOpt = None,
    pdf: PdfOpt = False,
    keluar: KeluarOpt = None,
    lambang: LambangOpt = None,
) -> None:
    """Cetak Program Kerja Kegiatan: langkah SOP di kalender kerja (rencana mulai dan selesai).

    Bila log SOP periode itu sudah berisi waktu, dokumen juga memuat rencana terhadap log.

    Contoh: kinerja program-kerja kinerja.xlsx --mulai "2024-10-01 08.00" --sop Pengukuran --periode TW3 --pdf
    """
    from xlwings_app.services.program_kerja import program_kerja

    start = _moment(mulai, "--mulai")
    assert start is not None
    hasil = program_kerja(file, start, sop, _date(batas, "--batas"), periode, keluar, pdf, lambang=lambang)
    p = hasil.program
    typer.echo(f"{p.sop}: {len(p.langkah)} langkah, {p.lama_teks} kerja, selesai {p.selesai:%d-%m-%Y %H.%M}.")
    if p.batas is not None:
        typer.echo(p.batas.uraian())
    _show(hasil.kertas)


def checklist_cmd(file: File, periode: PeriodeOpt = None, pdf: PdfOpt = False, keluar: KeluarOpt = None,
                  lambang: LambangOpt = None) -> None:  # fmt: skip
    """Cetak Checklist Dokumen dan perbarui sheet Checklist Dokumen (dokumen yang diperlukan SOP).

    Isi kolom Ada (Ya/Tidak) dan Berkas / Lokasi di sheet itu, lalu jalankan lagi.

    Contoh: kinerja checklist kinerja.xlsx --periode TW3 --pdf
    """
    from xlwings_app.services.checklist import checklist_dokumen

    hasil = checklist_dokumen(file, periode, keluar, pdf, lambang=lambang)
    ada = sum(1 for i in hasil.items if i.status == "ada")
    typer.echo(f"{ada} dari {len(hasil.items)} dokumen ada.")
    for problem in hasil.kurang:
        typer.echo(f"Kurang: {problem.pesan}")
    _show(hasil.kertas)


def tanda_terima_dokumen_cmd(
    file: File,
    periode: PeriodeOpt = None,
    diberikan: Annotated[str | None, typer.Option("--diberikan", help="Tanggal dokumen diberikan. Bawaan: "
                                                                     "tanggal penandatanganan.")] = None,  # fmt: skip
    pdf: PdfOpt = False,
    keluar: KeluarOpt = None,
    lambang: LambangOpt = None,
) -> None:
    """Cetak Tanda Terima dokumen Pengukuran Kinerja yang ditandatangani, satu baris per pejabat.

    Tanggal Diterima yang diketik di sheet Tanda Terima Dokumen mencatat langkah penyampaian
    kepada seluruh pejabat di log.

    Contoh: kinerja tanda-terima-dokumen kinerja.xlsx --periode TW3 --pdf
    """
    from xlwings_app.services.distribusi import tanda_terima_dokumen

    hasil = tanda_terima_dokumen(file, parse_periode(periode), _date(diberikan, "--diberikan"), keluar, pdf, lambang)
    typer.echo(f"{hasil.diterima} dari {hasil.jumlah} pejabat sudah menerima (sheet Tanda Terima Dokumen).")
    _show(hasil.kertas)
    for line in hasil.log:
        typer.echo(line)


def surat_pengantar_cmd(
    file: File,
    nomor: Annotated[str, typer.Option("--nomor", help="Nomor surat pengantar.")],
    tanggal: Annotated[str, typer.Option("--tanggal", help="Tanggal surat pengantar.")],
    periode: PeriodeOpt = None,
    kepada: Annotated[str, typer.Option("--kepada", help="Bawaan: Kepala Bappeda <kabupaten>.")] = "",
    dikirim: Annotated[str | None, typer.Option("--dikirim", help="Saat dikirim, mis. \"2024-10-08 09.00\".")] = None,
    diterima: Annotated[str | None, typer.Option("--diterima", help="Saat diterima Bappeda.")] = None,
    penerima: Annotated[str, typer.Option("--penerima", help="Nama penerima di Bappeda.")] = "",
    draf: Annotated[bool, typer.Option("--draf", help="Draf bertanda DRAF; tidak dicatat.")] = False,
    pdf: PdfOpt = False,
    keluar: KeluarOpt = None,
    lambang: LambangOpt = None,
) -> None:
    """Cetak Surat Pengantar dokumen Pengukuran Kinerja periode itu ke Bappeda, dengan kode verifikasinya.

    Versi final dicatat di sheet Surat Keluar dan mencatat langkah pengiriman SOP (Mulai: dikirim,
    Selesai: diterima).

    Contoh: kinerja surat-pengantar kinerja.xlsx --nomor 050/220/427.50/2024 --tanggal 2024-10-08 --dikirim "2024-10-08 09.00" --pdf
    """
    from xlwings_app.services.distribusi import surat_pengantar

    day = _date(tanggal, "--tanggal")
    assert day is not None
    hasil = surat_pengantar(file, nomor, day, parse_periode(periode), kepada, _moment(dikirim, "--dikirim"),
                            _moment(diterima, "--diterima"), penerima, draf, keluar, pdf, lambang)  # fmt: skip
    for note in hasil.peringatan:
        typer.echo(f"Catatan: {note}", err=True)
    typer.echo(f"{len(hasil.surat.lampiran)} dokumen: " + ", ".join(r.dokumen.kode_verifikasi for r in hasil.surat.lampiran))
    _show(hasil.kertas)
    for line in hasil.log:
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add the commands of the administrative papers."""
    app.command("disposisi")(translate_errors(disposisi_cmd))
    app.command("notulen")(translate_errors(notulen_cmd))
    app.command("program-kerja")(translate_errors(program_kerja_cmd))
    app.command("checklist")(translate_errors(checklist_cmd))
    app.command("tanda-terima-dokumen")(translate_errors(tanda_terima_dokumen_cmd))
    app.command("surat-pengantar")(translate_errors(surat_pengantar_cmd))
