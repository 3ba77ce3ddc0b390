"""The Surat Pengantar that sends signed documents to Bappeda, and the log stamp it gives.

Seed SOP Prosedur Penyusunan Pengukuran Kinerja step 12 ("Menyampaikan Dokumen laporan Pengukuran
Kinerja kepada Bappeda") and Prosedur Penyusunan Perencanaan Kinerja step 11 ("Menyampaikan
Rencana Kinerja kepada Bappeda"). A surat pengantar (Permendagri 54/2009, Tata Naskah Dinas di
Lingkungan Pemerintah Daerah) has a number and date, the addressee, a table of what is sent (No,
naskah, banyaknya, keterangan) signed by the sender, and a part the receiver fills: name and the
date received. Here the table lists each document with its verification code, so the kabupaten
matches what arrives with the data it was made from; ``daftar_kode`` is that list.

Checks: Nomor, Tanggal, Kepada and Perihal filled; at least one document; each with a title, a
verification code of the printed form, one code once, a banyaknya of at least 1, and signed no
later than the letter is dated; sent no earlier than dated; received no earlier than sent.

The stamp (rules of ``langkah``): the step is the one whose Kegiatan sends the document of this
kind "kepada Bappeda"; Mulai is when it was sent (Dikirim) and Selesai when Bappeda received it
(Diterima, the receiver's part of the letter). A letter carrying documents of two kinds stamps each
kind's step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from xlwings_app.domain.administrasi.dokumen import DokumenTertanda, JenisDokumen, kode_sah
from xlwings_app.domain.administrasi.langkah import Stempel, cari_langkah, normal, stempel, tampil
from xlwings_app.domain.formatting import tanggal as tanggal_id
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.sop.log import Moment, is_before
from xlwings_app.domain.sop.model import Sop, Step


@dataclass(frozen=True)
class LampiranPengantar:
    """One row of the table: the document, how many copies, a note."""

    dokumen: DokumenTertanda
    banyaknya: int = 1
    keterangan: str = ""


@dataclass(frozen=True)
class SuratPengantar:
    """The letter: number, date, addressee, sender, subject, what it carries, when sent and received."""

    nomor: str
    tanggal: date | None
    kepada: str
    pengirim: Pejabat
    unit: str
    perihal: str
    lampiran: tuple[LampiranPengantar, ...]
    dikirim: Moment | None = None
    diterima: Moment | None = None
    penerima: str = ""
    """Who signed for it at Bappeda."""


def perihal_baku(dokumen: Sequence[DokumenTertanda]) -> str:
    """"Penyampaian Dokumen Pengukuran Kinerja s.d. Triwulan II Tahun 2024" (titles joined by "dan")."""
    titles = list(dict.fromkeys(" ".join(d.judul.split()) for d in dokumen))
    return "Penyampaian " + (" dan ".join(titles) if titles else "Dokumen")


def surat_pengantar(
    dokumen: Sequence[DokumenTertanda],
    nomor: str,
    tanggal: date | None,
    kepada: str,
    pengirim: Pejabat,
    unit: str,
    perihal: str = "",
) -> SuratPengantar:
    """The letter carrying ``dokumen`` (one copy each), with ``perihal_baku`` unless one is given."""
    rows = tuple(LampiranPengantar(d) for d in dokumen)
    return SuratPengantar(nomor, tanggal, kepada, pengirim, unit, perihal or perihal_baku(dokumen), rows)


def daftar_kode(surat: SuratPengantar) -> tuple[tuple[str, str], ...]:
    """(title, verification code) of each document sent: what the kabupaten reads to match them."""
    return tuple((r.dokumen.judul, "".join(r.dokumen.kode_verifikasi.split()).upper()) for r in surat.lampiran)


def periksa_surat_pengantar(surat: SuratPengantar, *, sheet: str | None = None) -> list[Problem]:
    """Every problem of the letter (rules in the module docstring), each naming its field."""
    problems: list[Problem] = []

    def add(kolom: str, pesan: str, nilai: object = None, baris: int | None = None) -> None:
        problems.append(Problem(pesan, sheet, baris, kolom, nilai=nilai))

    for label, value in (("Nomor", surat.nomor), ("Kepada", surat.kepada), ("Perihal", surat.perihal)):
        if not value.strip():
            add(label, f"{label} surat pengantar kosong.")
    if surat.tanggal is None:
        add("Tanggal", "Tanggal surat pengantar kosong.")
    if not surat.pengirim.nama.strip():
        add("Pengirim", f"Nama pengirim ({surat.pengirim.jabatan or 'jabatan kosong'}) kosong: surat pengantar "
                        "ditandatangani.")  # fmt: skip
    if not surat.lampiran:
        add("Lampiran", "Surat pengantar tanpa dokumen: daftarkan dokumen yang dikirim.")
    codes: dict[str, int] = {}
    for n, row in enumerate(surat.lampiran, start=1):
        doc = row.dokumen
        if not doc.judul.strip():
            add("Naskah", f"Dokumen {n}: judul kosong.", None, n)
        code = "".join(doc.kode_verifikasi.split()).upper()
        if not kode_sah(code):
            add("Kode Verifikasi", f"Dokumen {n} ({doc.judul}): kode verifikasi \"{doc.kode_verifikasi or '(kosong)'}\" "
                                   "tidak berbentuk XXXXX-XXXXX: Bappeda mencocokkan dokumen dengan kodenya.",
                doc.kode_verifikasi, n)  # fmt: skip
        elif code in codes:
            add("Kode Verifikasi", f"Dokumen {n} ({doc.judul}): kode {code} sudah tercantum pada dokumen {codes[code]}.",
                code, n)  # fmt: skip
        else:
            codes[code] = n
        if row.banyaknya < 1:
            add("Banyaknya", f"Dokumen {n} ({doc.judul}): banyaknya paling sedikit 1.", row.banyaknya, n)
        if doc.tanggal is None:
            add("Naskah", f"Dokumen {n} ({doc.judul}): tanggal penandatanganan kosong: hanya dokumen yang sudah "
                          "ditandatangani yang dikirim.", None, n)  # fmt: skip
        elif surat.tanggal is not None and doc.tanggal > surat.tanggal:
            add("Naskah", f"Dokumen {n} ({doc.judul}) ditandatangani {tanggal_id(doc.tanggal)}, sesudah tanggal surat "
                          f"pengantar {tanggal_id(surat.tanggal)}.", doc.tanggal, n)  # fmt: skip
    if surat.dikirim is not None and surat.tanggal is not None and is_before(surat.dikirim, surat.tanggal):
        add("Dikirim", f"Dikirim ({tampil(surat.dikirim)}) sebelum tanggal surat ({tampil(surat.tanggal)}).",
            surat.dikirim)  # fmt: skip
    if surat.diterima is not None:
        start = surat.dikirim if surat.dikirim is not None else surat.tanggal
        if start is not None and is_before(surat.diterima, start):
            what = "Dikirim" if surat.dikirim is not None else "tanggal surat"
            add("Diterima", f"Diterima Bappeda ({tampil(surat.diterima)}) sebelum {what} ({tampil(start)}).",
                surat.diterima)  # fmt: skip
    return problems


def langkah_pengiriman(sop: Sop, jenis: JenisDokumen) -> Step | None:
    """The step of ``sop`` whose Kegiatan sends a document of ``jenis`` to Bappeda, or None."""
    return cari_langkah(sop, ("kepada bappeda", jenis.value), "kegiatan")


def stempel_pengiriman(sop: Sop, surat: SuratPengantar) -> tuple[Stempel, ...]:
    """The stamps the letter gives ``sop`` (rules above): one per kind of document it carries."""
    stamps: list[Stempel] = []
    for jenis in dict.fromkeys(r.dokumen.jenis for r in surat.lampiran):
        sumber = f"Surat Pengantar nomor {surat.nomor}" if normal(surat.nomor) else "Surat Pengantar"
        if (stamp := stempel(sop, langkah_pengiriman(sop, jenis), surat.dikirim, surat.diterima, sumber)) is not None:
            stamps.append(stamp)
    return tuple(stamps)
