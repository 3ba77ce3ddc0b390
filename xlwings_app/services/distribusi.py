"""The actions "Tanda Terima Dokumen" and "Surat Pengantar" (``kinerja tanda-terima-dokumen``,
``kinerja surat-pengantar``): the signed documents of a period given to every official and sent
to Bappeda.

Rules (SOP Prosedur Penyusunan Pengukuran Kinerja steps 11-12, Perencanaan Kinerja steps 10-11;
``domain.administrasi.distribusi`` and ``surat_pengantar``):
- the documents are the period's Pengukuran Kinerja of the unit and, for the letter, each
  official's Pengukuran Kinerja Individu, each with its verification code (the code printed in its
  footer, from the same data: ``domain.verification``) and the signing date of sheet Profil; a
  document not yet signed (no Tanggal Penandatanganan) refuses the paper;
- the Tanda Terima lists every official of sheet Pejabat but the signer, with the day it was given
  and a signature column; sheet Tanda Terima Dokumen (``sheets.tanda_terima_dokumen``) is written
  with a row per official, keeping the Tanggal Diterima typed back from the signed receipt, which
  stamp the distribution step (Mulai the first receipt, Selesai the last once all have received);
- the Surat Pengantar (draft with ``draf``, marked DRAF, nothing recorded) is checked as a whole;
  the final one is recorded in sheet Surat Keluar (``sheets.surat_keluar``: the list the kabupaten
  reads) and stamps the sending step of every SOP with it, Mulai when sent and Selesai when Bappeda
  received it (``services.stempel_log``), committed together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.domain.administrasi.distribusi import (
    langkah_distribusi,
    periksa_tanda_terima,
    stempel_distribusi,
)
from xlwings_app.domain.administrasi.distribusi import tanda_terima_dokumen as receipts
from xlwings_app.domain.administrasi.dokumen import DokumenTertanda, JenisDokumen
from xlwings_app.domain.administrasi.langkah import normal
from xlwings_app.domain.administrasi.surat_pengantar import (
    SuratPengantar,
    periksa_surat_pengantar,
    stempel_pengiriman,
)
from xlwings_app.domain.administrasi.surat_pengantar import surat_pengantar as letter
from xlwings_app.domain.cetak import TandaTangan
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.problems import Problem, errors
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.sop.log import Moment
from xlwings_app.domain.verification import verification_code
from xlwings_app.domain.workbook_data import WorkbookData
from xlwings_app.report.context_administrasi import pengantar_context, tanda_terima_context
from xlwings_app.services.kertas import Kertas, nama_berkas, pemegang, profil_of, tulis
from xlwings_app.services.laporan import LaporanDitolak
from xlwings_app.services.master import Master, using
from xlwings_app.services.stempel_log import stage_stempel
from xlwings_app.sheets import surat_keluar as K
from xlwings_app.sheets import tanda_terima_dokumen as T
from xlwings_app.sheets.changes import PutSheet


def dokumen_periode(data: WorkbookData, profil: Profil, periode: Periode, iki: bool = True) -> list[DokumenTertanda]:
    """The signed documents of ``periode``: the unit's Pengukuran Kinerja, then (``iki``) each
    official's Pengukuran Kinerja Individu, with the codes their footers print (covering the signing
    date and the signer, as ``laporan`` and ``laporan-iki`` compute them)."""
    if profil.tanggal_ttd is None:
        raise LaporanDitolak("Dokumen belum ditandatangani: isi Tanggal Penandatanganan di sheet Profil "
                             "(tanggal yang tercetak pada dokumen final).")  # fmt: skip
    iku = [i for i in data.indicators if i.jenis is Jenis.IKU]
    label = f"{periode.label} Tahun {profil.tahun}"
    signed = profil.tanggal_ttd
    unit_code = verification_code(profil, periode, iku, data.settings, TandaTangan(signed, profil.penandatangan))
    docs = [DokumenTertanda(JenisDokumen.PENGUKURAN, f"Pengukuran Kinerja {profil.unit} {label}", profil.tahun,
                            signed, unit_code, periode.value)]  # fmt: skip
    if iki:
        from xlwings_app.report.context_iki import officials, same_official

        own = [i for i in data.indicators if i.jenis is Jenis.IKI and i.penanggung_jawab.strip()]
        for name in officials(own):
            mine = [i for i in own if same_official(i.penanggung_jawab, name)]
            signer = profil.pejabat_untuk(name) or Pejabat(name, "")  # as laporan-iki prints it
            kode = verification_code(profil, periode, mine, data.settings, TandaTangan(signed, signer))
            docs.append(DokumenTertanda(JenisDokumen.PENGUKURAN, f"Pengukuran Kinerja Individu {name} {label}",
                                        profil.tahun, signed, kode, periode.value))  # fmt: skip
    return docs


@dataclass(frozen=True)
class HasilTandaTerima:
    kertas: Kertas
    diterima: int
    jumlah: int
    log: list[str] = field(default_factory=list)


def tanda_terima_dokumen(
    source: Path | Master,
    periode: Periode | None = None,
    diberikan: dt.date | None = None,
    out_dir: Path | None = None,
    pdf: bool = False,
    lambang: Path | None = None,
) -> HasilTandaTerima:
    """Print the Tanda Terima of the period's signed Pengukuran Kinerja, refresh sheet Tanda Terima
    Dokumen with what was typed back, and stamp the distribution step (module docstring)."""
    from xlwings_app.services.sop_master import every_sop

    with using(source) as master:
        data = master.data()
        profil = profil_of(data, "Tanda Terima Dokumen")
        chosen = periode or data.settings.periode_aktif
        [doc] = dokumen_periode(data, profil, chosen, iki=False)
        given = diberikan or doc.tanggal or dt.date.today()  # signed: dokumen_periode refuses no date
        items = list(receipts(doc, profil.pejabat, penandatangan(profil), given))
        if not items:
            raise LaporanDitolak("Tanda Terima Dokumen tidak dibuat: sheet Pejabat belum berisi pejabat penerima.")
        typed, trouble = T.read_terima(master.rows(T.SHEET)) if T.SHEET in master.sheet_names() else ([], [])
        if errors(trouble):
            raise LaporanDitolak(f"Tanda Terima Dokumen tidak dibuat: {len(errors(trouble))} masalah di sheet {T.SHEET}.",
                                 [p.in_file(master.name) for p in errors(trouble)])  # fmt: skip
        mine = {(r.kode.upper(), normal(r.jabatan)): r for r in typed if r.kode.upper() == doc.kode_verifikasi}
        for n, item in enumerate(items):
            row = mine.get((doc.kode_verifikasi, normal(item.penerima.jabatan)))
            if row is not None:
                items[n] = replace(item, diberikan=row.diberikan or item.diberikan, diterima=row.diterima,
                                   sheet=T.SHEET, baris=row.baris, cells=row.cells)  # fmt: skip
        if errors(problems := periksa_tanda_terima(items)):
            raise LaporanDitolak("Tanda Terima Dokumen tidak dibuat.", errors(problems))
        sops = [d.sop for d in every_sop(master) if d.sop is not None]
        steps = [f"{sop.nama} langkah {st.no}" for sop in sops if (st := langkah_distribusi(sop, doc)) is not None]
        context = tanda_terima_context(profil, items, profil.penandatangan, pemegang(profil, "Sekretaris"), given,
                                       "; ".join(steps))  # fmt: skip
        paper = ("Tanda Terima Dokumen", "tanda_terima_dokumen.docx", context,
                 nama_berkas("Tanda_Terima_Pengukuran_Kinerja", str(profil.tahun), chosen.value))  # fmt: skip
        [kertas], _ = tulis(data, master.path, out_dir, "Tanda Terima Dokumen", [paper], pdf, lambang)
        kept = [r for r in typed if r.kode.upper() != doc.kode_verifikasi]
        master.stage(PutSheet(T.terima_values(items, kept)))
        stamps = [s for sop in sops if (s := stempel_distribusi(sop, items)) is not None]
        lines = stage_stempel(master, stamps, chosen.value)
        master.commit()
    received = sum(1 for i in items if i.diterima is not None)
    return HasilTandaTerima(kertas, received, len(items), lines)


@dataclass(frozen=True)
class HasilPengantar:
    kertas: Kertas
    surat: SuratPengantar
    log: list[str] = field(default_factory=list)
    peringatan: list[Problem] = field(default_factory=list)


def penandatangan(profil: Profil) -> Pejabat:
    """The signer as sheet Pejabat lists them (matched by name), else as sheet Profil names them."""
    signer = profil.penandatangan
    same = [p for p in profil.pejabat if signer.nama.strip() and normal(p.nama) == normal(signer.nama)]
    return same[0] if same else signer


def kepada_bappeda(profil: Profil) -> str:
    """"Kepala Bappeda Kabupaten Lumajang"."""
    return f"Kepala Bappeda {profil.kabupaten}".strip()


def surat_pengantar(
    source: Path | Master,
    nomor: str,
    tanggal: dt.date,
    periode: Periode | None = None,
    kepada: str = "",
    dikirim: Moment | None = None,
    diterima: Moment | None = None,
    penerima: str = "",
    draf: bool = False,
    out_dir: Path | None = None,
    pdf: bool = False,
    lambang: Path | None = None,
) -> HasilPengantar:
    """Print the Surat Pengantar to Bappeda, record and stamp it when final (module docstring)."""
    from xlwings_app.services.sop_master import every_sop

    with using(source) as master:
        data = master.data()
        profil = profil_of(data, "Surat Pengantar")
        chosen = periode or data.settings.periode_aktif
        docs = dokumen_periode(data, profil, chosen)
        perihal = f"Penyampaian Dokumen Pengukuran Kinerja {chosen.label} Tahun {profil.tahun}"
        surat = letter(docs, nomor, tanggal, kepada or kepada_bappeda(profil), profil.penandatangan, profil.unit,
                       perihal)  # fmt: skip
        surat = replace(surat, dikirim=dikirim, diterima=diterima, penerima=penerima)
        problems = periksa_surat_pengantar(surat)
        if errors(problems):
            raise LaporanDitolak("Surat Pengantar tidak dibuat.", errors(problems))
        di = profil.kabupaten.removeprefix("Kabupaten ").removeprefix("Kota ").strip() or "Tempat"
        paper = ("Surat Pengantar", "surat_pengantar.docx", pengantar_context(profil, surat, di, draf),
                 nama_berkas("Surat_Pengantar", str(profil.tahun), chosen.value, "DRAF" if draf else ""))  # fmt: skip
        [kertas], notes = tulis(data, master.path, out_dir, "Surat Pengantar", [paper], pdf, lambang)
        lines: list[str] = []
        if not draf:
            rows, trouble = K.read_keluar(master.rows(K.SHEET)) if K.SHEET in master.sheet_names() else ([], [])
            notes += trouble
            master.stage(PutSheet(K.keluar_values(K.replaced(rows, surat))))
            stamps = [s for d in every_sop(master) if d.sop is not None for s in stempel_pengiriman(d.sop, surat)]
            lines = stage_stempel(master, stamps, chosen.value)
            master.commit()
            lines.insert(0, f"Dicatat di sheet {K.SHEET}: {len(surat.lampiran)} dokumen, nomor {surat.nomor}.")
    return HasilPengantar(kertas, surat, lines, notes)
