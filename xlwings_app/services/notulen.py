"""The action "Notulen Rapat" (``kinerja notulen``): the notulen of the Sekretaris's meeting with the Tim SAKIP.

Rules (SOP Tim SAKIP Pengukuran and Pengumpulan Data, step 2, Output "Notulen Rapat"): the SOP is
the workbook's SOP with a meeting step (the one ``sop`` names, else the first that has one); the
agenda, the leader and the participants come from it and from sheet Pejabat
(``domain.administrasi.notulen``); the basis of the meeting is the Camat's disposition of the
Surat Edaran when sheet Register Surat holds one. The paper is printed for the meeting with numbered
blank lines for what is discussed and decided; what is decided may be given (``keputusan``) to
print the notulen typed back for signing and the archive. A problem of the notulen refuses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from xlwings_app.domain.administrasi.notulen import (
    NotulenRapat,
    langkah_rapat,
    notulen_rapat,
    periksa_notulen,
)
from xlwings_app.domain.administrasi.surat_masuk import JenisSurat, surat_masuk
from xlwings_app.domain.problems import errors
from xlwings_app.domain.sop.model import Sop
from xlwings_app.report.context_administrasi import notulen_context
from xlwings_app.services.kertas import Kertas, ketua_tim, nama_berkas, profil_of, tulis
from xlwings_app.services.laporan import LaporanDitolak
from xlwings_app.services.master import Master, using

TEMPLATE = "notulen_rapat.docx"


def sop_dengan(master: Master, nama: str | None, punya: object, what: str) -> Sop:
    """The workbook's SOP named ``nama`` (a part of its Nama), else the first for which ``punya(sop)``
    holds; ``LaporanDitolak`` when none."""
    from xlwings_app.services.sop_master import every_sop

    sops = [d.sop for d in every_sop(master) if d.sop is not None]
    if nama:
        chosen = [s for s in sops if nama.casefold() in s.nama.casefold()]
    else:
        chosen = [s for s in sops if punya(s)]  # type: ignore[operator]
    if not chosen:
        raise LaporanDitolak(f"{what} tidak dibuat: workbook tidak punya SOP "
                             + (f"bernama \"{nama}\"." if nama else "dengan langkah itu (kinerja sop mulai)."))  # fmt: skip
    return chosen[0]


def dasar_rapat(master: Master) -> str:
    """"Disposisi Camat Lumajang atas Surat Edaran Bappeda nomor ..." from sheet Register Surat."""
    from xlwings_app.services.disposisi import register_of

    found = register_of(master)
    if found is None:
        return ""
    for surat in surat_masuk(found[0]):
        if surat.jenis is JenisSurat.SURAT_EDARAN and surat.disposisi:
            first = surat.disposisi[0]
            return f"Disposisi {first.dari or 'pimpinan'} atas surat {surat.dari} nomor {surat.nomor} tentang {surat.hal}"
    return ""


def notulen(
    source: Path | Master,
    tanggal: dt.date,
    tempat: str,
    waktu: dt.time | None = None,
    sop: str | None = None,
    keputusan: Sequence[str] = (),
    out_dir: Path | None = None,
    pdf: bool = False,
    lambang: Path | None = None,
) -> tuple[Kertas, NotulenRapat]:
    """Print the Notulen Rapat (rules in the module docstring)."""
    from dataclasses import replace

    with using(source) as master:
        data = master.data()
        profil = profil_of(data, "Notulen Rapat")
        chosen = sop_dengan(master, sop, lambda s: langkah_rapat(s) is not None, "Notulen Rapat")
        made, problems = notulen_rapat(chosen, profil.pejabat, profil.unit, tanggal, tempat, waktu=waktu,
                                       notulis=ketua_tim(profil), dasar=dasar_rapat(master))  # fmt: skip
        if made is None or errors(problems):
            raise LaporanDitolak("Notulen Rapat tidak dibuat.", errors(problems))
        made = replace(made, keputusan=tuple(k for k in keputusan if k.strip()))
        checked = periksa_notulen(made, ditandatangani=bool(made.keputusan))
        if errors(checked):
            raise LaporanDitolak("Notulen Rapat tidak dibuat.", errors(checked))
        paper = ("Notulen Rapat", TEMPLATE, notulen_context(profil, made),
                 nama_berkas("Notulen_Rapat", tanggal.isoformat()))  # fmt: skip
        [kertas], _ = tulis(data, master.path, out_dir, "Notulen Rapat", [paper], pdf, lambang)
    return kertas, made
