"""The action "Program Kerja Kegiatan" (``kinerja program-kerja``): the SOP laid on the working calendar.

Rules (SOP Tim SAKIP Pengukuran and Pengumpulan Data, step 3, Output "Program Kerja Kegiatan";
``domain.administrasi.program_kerja``): the SOP is the one ``sop`` names, else the first of the
workbook with a "Program Kerja Kegiatan" step; its steps are planned from ``mulai`` on the calendar
of sheet Kalender (the same working time the log is measured with); the deadline is ``batas``, else
the earliest Batas Waktu of a Surat Edaran in sheet Register Surat. When the SOP's log has rows of
``periode`` with times, the paper also shows the plan against the log
(``domain.administrasi.perbandingan``). Signed by the Ketua Tim SAKIP, known by the Sekretaris.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from xlwings_app.domain.administrasi.langkah import cari_langkah
from xlwings_app.domain.administrasi.perbandingan import BandingLangkah, banding_program
from xlwings_app.domain.administrasi.program_kerja import ProgramKerja, susun_program
from xlwings_app.domain.administrasi.surat_masuk import JenisSurat, surat_masuk
from xlwings_app.domain.sop.log import normalize_periode
from xlwings_app.report.context_administrasi import program_context
from xlwings_app.services.kertas import Kertas, ketua_tim, nama_berkas, pemegang, profil_of, tulis
from xlwings_app.services.master import Master, using
from xlwings_app.services.notulen import sop_dengan

TEMPLATE = "program_kerja.docx"


@dataclass(frozen=True)
class HasilProgram:
    kertas: Kertas
    program: ProgramKerja
    banding: tuple[BandingLangkah, ...]


def batas_surat(master: Master) -> tuple[dt.date | None, str]:
    """The earliest Batas Waktu of a Surat Edaran in sheet Register Surat, and the letter it is from."""
    from xlwings_app.services.disposisi import register_of

    found = register_of(master)
    dated = [s for s in surat_masuk(found[0]) if s.jenis is JenisSurat.SURAT_EDARAN and s.batas_waktu] if found else []
    if not dated:
        return None, ""
    first = min(dated, key=lambda s: s.batas_waktu)  # type: ignore[arg-type, return-value]
    return first.batas_waktu, f"Surat Edaran {first.dari} nomor {first.nomor}"


def program_kerja(
    source: Path | Master,
    mulai: dt.datetime | dt.date,
    sop: str | None = None,
    batas: dt.date | None = None,
    periode: str | None = None,
    out_dir: Path | None = None,
    pdf: bool = False,
    tanggal: dt.date | None = None,
    lambang: Path | None = None,
) -> HasilProgram:
    """Print the Program Kerja Kegiatan (rules in the module docstring)."""
    from xlwings_app.services.sop_master import every_sop

    with using(source) as master:
        data = master.data()
        profil = profil_of(data, "Program Kerja Kegiatan")
        chosen = sop_dengan(master, sop, lambda s: cari_langkah(s, ("program kerja",), "output") is not None,
                            "Program Kerja Kegiatan")  # fmt: skip
        book = next(d for d in every_sop(master) if d.sop is not None and d.sop.nama == chosen.nama)
        sumber = ""
        if batas is None:
            batas, sumber = batas_surat(master)
        program = susun_program(chosen, mulai, book.calendar, batas, sumber)
        wanted = normalize_periode(periode or data.settings.periode_aktif.value)
        entries = [e for e in book.entries if normalize_periode(e.periode) == wanted]
        banding = banding_program(program, chosen, entries, book.calendar) if any(e.mulai for e in entries) else ()
        day = tanggal or (mulai.date() if isinstance(mulai, dt.datetime) else mulai)
        context = program_context(profil, program, wanted, day, ketua_tim(profil), pemegang(profil, "Sekretaris"),
                                  banding)  # fmt: skip
        paper = ("Program Kerja Kegiatan", TEMPLATE, context, nama_berkas("Program_Kerja", chosen.nama[:40], wanted))
        [kertas], _ = tulis(data, master.path, out_dir, "Program Kerja Kegiatan", [paper], pdf, lambang)
    return HasilProgram(kertas, program, tuple(banding))
