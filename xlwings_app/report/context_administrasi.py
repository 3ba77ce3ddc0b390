"""The contexts of the SOPs' administrative papers (templates made by ``generate_administrasi.py``).

One function per paper, from the domain's values (``domain.administrasi``) to Indonesian text:
dates "5 Januari 2024", moments "5 Januari 2024 07.30", a missing value "–". Each context carries
the kop, ``status`` ("DRAF" on a draft of a paper that is signed, else empty) and ``catatan_kaki``
(the footer: what the paper is and where its data came from).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.administrasi.checklist import ItemChecklist
from xlwings_app.domain.administrasi.distribusi import TandaTerimaDokumen
from xlwings_app.domain.administrasi.notulen import NotulenRapat
from xlwings_app.domain.administrasi.perbandingan import BandingLangkah
from xlwings_app.domain.administrasi.program_kerja import ProgramKerja
from xlwings_app.domain.administrasi.surat_masuk import SuratMasuk
from xlwings_app.domain.administrasi.surat_pengantar import SuratPengantar
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.sop.log import Moment
from xlwings_app.report.context import kop, pejabat

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
TITIK = "...................................."


def saat(value: Moment | None) -> str:
    """"7 Februari 2024 07.30", "7 Februari 2024" for a date alone, "–" for none."""
    if value is None:
        return fmt.KOSONG
    if isinstance(value, dt.datetime):
        return f"{fmt.tanggal(value.date())} {value:%H.%M}"
    return fmt.tanggal(value)


def hari_tanggal(value: dt.date) -> str:
    """"Rabu, 7 Februari 2024"."""
    return f"{HARI[value.weekday()]}, {fmt.tanggal(value)}"


def _blok(p: Pejabat | None) -> dict[str, str]:
    if p is None:
        return {"jabatan": "", "nama": TITIK, "pangkat": "", "nip": ""}
    block = pejabat(p)
    return {**block, "nama": block["nama"] or TITIK}


def _dasar(profil: Profil, status: str, catatan: str) -> dict[str, object]:
    return {"kop": kop(profil), "status": status, "catatan_kaki": catatan}


def disposisi_context(profil: Profil, surat: SuratMasuk, baris_kosong: int = 3) -> dict[str, object]:
    """A Lembar Disposisi: the letter, its dispositions, and ``baris_kosong`` empty rows for the hand."""
    rows = [
        {"no": str(n), "dari": d.dari or fmt.KOSONG, "kepada": d.kepada, "isi": d.isi or fmt.KOSONG,
         "tanggal": saat(d.tanggal), "batas_waktu": saat(d.batas_waktu)}
        for n, d in enumerate(surat.disposisi, start=1)
    ]  # fmt: skip
    return {
        **_dasar(profil, "", f"Lembar Disposisi {surat.jenis.value} nomor {surat.nomor} (sheet Register Surat)"),
        "surat": {
            "dari": surat.dari, "nomor": surat.nomor, "tanggal": saat(surat.tanggal), "diterima": saat(surat.diterima),
            "no_agenda": surat.no_agenda or fmt.KOSONG, "sifat": surat.sifat or fmt.KOSONG, "hal": surat.hal,
            "jenis": surat.jenis.value, "batas_waktu": saat(surat.batas_waktu),
        },
        "disposisi": rows,
        "kosong": [str(n) for n in range(len(rows) + 1, len(rows) + 1 + baris_kosong)],
    }  # fmt: skip


def notulen_context(profil: Profil, notulen: NotulenRapat) -> dict[str, object]:
    """The Notulen Rapat: the meeting, its participants, what was discussed, decided and followed up
    (numbered blank lines where nothing is written yet)."""
    tindak = [
        {"no": str(n), "uraian": t.uraian, "penanggung_jawab": t.penanggung_jawab or fmt.KOSONG,
         "batas_waktu": saat(t.batas_waktu)}
        for n, t in enumerate(notulen.tindak_lanjut, start=1)
    ]  # fmt: skip
    if not tindak:
        tindak = [{"no": str(n), "uraian": "", "penanggung_jawab": "", "batas_waktu": ""} for n in range(1, 4)]
    waktu = f"{notulen.waktu:%H.%M} WIB s.d. selesai" if notulen.waktu else TITIK
    return {
        **_dasar(profil, "", f"Notulen Rapat, {notulen.sop} langkah {notulen.langkah}"),
        "rapat": {
            "sop": notulen.sop, "tanggal": hari_tanggal(notulen.tanggal), "waktu": waktu, "tempat": notulen.tempat,
            "pimpinan": notulen.pimpinan.jabatan_lengkap + (f" ({notulen.pimpinan.nama})" if notulen.pimpinan.nama else ""),
            "notulis": notulen.notulis.nama if notulen.notulis else TITIK,
            "dasar": notulen.dasar or fmt.KOSONG, "agenda": notulen.agenda,
            "langkah": f"{notulen.sop}, langkah {notulen.langkah}",
        },
        "peserta": [{"no": str(n), "nama": p.nama or TITIK, "jabatan": p.jabatan_lengkap}
                    for n, p in enumerate(notulen.peserta, start=1)],
        "pembahasan": list(notulen.pembahasan),
        "keputusan": list(notulen.keputusan),
        "kosong": [str(n) for n in range(1, notulen.baris_kosong + 1)],
        "tindak_lanjut": tindak,
        "pimpinan": _blok(notulen.pimpinan),
        "notulis": _blok(notulen.notulis),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(notulen.tanggal)}",
    }  # fmt: skip


def _selisih(b: BandingLangkah) -> str:
    if b.selisih_menit is None and b.selisih_hari_kerja is None:
        return fmt.KOSONG
    if b.presisi == "hari" or b.selisih_menit is None:
        return f"{b.selisih_hari_kerja:+d} hari kerja"
    return f"{b.selisih_menit:+d} menit kerja"


def program_context(
    profil: Profil,
    program: ProgramKerja,
    periode: str,
    tanggal: dt.date,
    penyusun: Pejabat | None,
    mengetahui: Pejabat | None,
    banding: Sequence[BandingLangkah] = (),
) -> dict[str, object]:
    """The Program Kerja Kegiatan: each step's planned start and end, the length, the deadline, and
    (``banding``) the log's actual times against the plan."""
    batas = program.batas
    return {
        **_dasar(profil, "", f"Program Kerja Kegiatan, {program.sop}, periode {periode}"),
        "program": {
            "sop": program.sop, "periode": periode, "mulai": saat(program.mulai), "selesai": saat(program.selesai),
            "lama": f"{program.lama_teks} kerja ({program.menit_kerja} menit kerja), {program.hari_kerja} hari kerja",
            "batas": fmt.KOSONG if batas is None else fmt.tanggal(batas.tanggal) + (f" ({batas.sumber})" if batas.sumber else ""),
            "batas_uraian": fmt.KOSONG if batas is None else batas.uraian(),
        },
        "langkah": [
            {"no": str(s.no), "kegiatan": s.kegiatan, "pelaksana": ", ".join(s.pelaksana), "waktu": s.waktu or fmt.KOSONG,
             "mulai": saat(s.mulai), "selesai": saat(s.selesai), "output": s.output}
            for s in program.langkah
        ],
        "banding": [
            {"no": str(b.no), "kegiatan": b.kegiatan, "rencana_mulai": saat(b.rencana_mulai),
             "rencana_selesai": saat(b.rencana_selesai), "mulai": saat(b.mulai), "selesai": saat(b.selesai),
             "status": b.status, "selisih": _selisih(b)}
            for b in banding
        ],
        "penyusun": _blok(penyusun),
        "mengetahui": _blok(mengetahui),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(tanggal)}",
    }  # fmt: skip


def checklist_context(
    profil: Profil, sop: str, items: Sequence[ItemChecklist], kurang: Sequence[Problem], periode: str,
    tanggal: dt.date, penyusun: Pejabat | None,
) -> dict[str, object]:
    """The Checklist Dokumen: each document, where the SOPs name it, ada/belum and its file."""
    ada = sum(1 for i in items if i.status == "ada")
    rows = []
    for n, item in enumerate(items, start=1):
        named = "; ".join(dict.fromkeys(f"{s.kolom} langkah {s.langkah}" if s.langkah else s.kolom
                                        for s in item.dokumen.disebut))  # fmt: skip
        rows.append({"no": str(n), "nama": item.dokumen.nama, "disebut": named or fmt.KOSONG,
                     "status": item.status.upper(), "berkas": item.berkas or item.catatan or fmt.KOSONG})  # fmt: skip
    return {
        **_dasar(profil, "", f"Checklist Dokumen {periode}, {sop}"),
        "checklist": {"judul": f"Periode {periode}", "sop": sop,
                      "ringkasan": f"{ada} dari {len(items)} dokumen ada, {len(items) - ada} belum"},
        "dokumen": rows,
        "kurang": [p.pesan for p in kurang],
        "penyusun": _blok(penyusun),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(tanggal)}",
    }  # fmt: skip


def tanda_terima_context(
    profil: Profil, items: Sequence[TandaTerimaDokumen], penandatangan: Pejabat, penyerah: Pejabat | None,
    tanggal: dt.date, langkah: str = "",
) -> dict[str, object]:
    """The Tanda Terima of one signed document: the document, then one row per official."""
    doc = items[0].dokumen
    return {
        **_dasar(profil, "", f"Tanda Terima {doc.judul}, kode verifikasi {doc.kode_verifikasi}"),
        "dokumen": {"judul": doc.judul, "tanggal": saat(doc.tanggal), "kode_verifikasi": doc.kode_verifikasi,
                    "penandatangan": penandatangan.jabatan_lengkap, "langkah": langkah or fmt.KOSONG},
        "penerima": [
            {"no": str(n), "nama": i.penerima.nama or TITIK, "jabatan": i.penerima.jabatan_lengkap,
             "diberikan": saat(i.diberikan), "diterima": saat(i.diterima) if i.diterima else ""}
            for n, i in enumerate(items, start=1)
        ],
        "penyerah": _blok(penyerah),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(tanggal)}",
    }  # fmt: skip


def pengantar_context(profil: Profil, surat: SuratPengantar, di: str, draf: bool) -> dict[str, object]:
    """The Surat Pengantar to Bappeda: number, date, addressee, what it carries with each
    verification code, the sender's signature and the receiver's part."""
    tanggal = fmt.tanggal(surat.tanggal) if surat.tanggal else TITIK
    return {
        **_dasar(profil, "DRAF" if draf else "", f"Surat Pengantar nomor {surat.nomor}"),
        "surat": {"nomor": surat.nomor, "kepada": surat.kepada, "di": di, "perihal": surat.perihal,
                  "dikirim": saat(surat.dikirim), "diterima": saat(surat.diterima) if surat.diterima else TITIK,
                  "penerima": surat.penerima or TITIK},
        "lampiran": [
            {"no": str(n), "judul": r.dokumen.judul, "tanggal": saat(r.dokumen.tanggal), "banyaknya": f"{r.banyaknya} berkas",
             "kode_verifikasi": r.dokumen.kode_verifikasi, "keterangan": r.keterangan}
            for n, r in enumerate(surat.lampiran, start=1)
        ],
        "pengirim": _blok(surat.pengirim),
        "tempat_tanggal": f"{profil.tempat}, {tanggal}",
    }  # fmt: skip
