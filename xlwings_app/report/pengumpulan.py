"""The context of the "Laporan Hasil Pengumpulan Data Kinerja" (SOP Pengumpulan Data steps 9-11).

From the last rekap of a period: which forms came in (penanggung jawab, file, Status formulir, when),
who has sent nothing (named, with their indicators), every change lama → baru from sheet Riwayat,
and the indicators whose realisasi of the period is still blank. The report is a nota dinas
(Permendagri 1/2023, tata naskah dinas): Kepada, Dari, Tanggal, Nomor, Sifat, Lampiran and Hal
(``Nota``). Two versions of one document:
- the draft (step 9): from the Tim SAKIP to the Sekretaris, marked DRAF, signed by the Ketua Tim;
- the final (steps 10-11): from the Sekretaris to the Camat, signed by the Sekretaris, followed by
  a Lembar Disposisi page (dari, kepada, perihal; isi disposisi, diteruskan kepada, tanggal, paraf
  left blank for the Camat's hand).
Values only (Indonesian text, "5 Januari 2024", numbers "92,5"); the docx adapter renders them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.report.context import Dokumen, dokumen_header, kop, pejabat

JUDUL = "LAPORAN HASIL PENGUMPULAN DATA KINERJA"


@dataclass(frozen=True)
class Diterima:
    """A form as it came back: penanggung jawab, file, Status formulir, file time, indicators."""

    penanggung_jawab: str
    file: str
    status: str
    waktu: dt.datetime | None
    indikator: int


@dataclass(frozen=True)
class Perubahan:
    """A Riwayat row: when, which indicator and column, old → new, from which form."""

    waktu: dt.datetime
    kode: str
    kolom: str
    lama: object
    baru: object
    sumber: str


@dataclass(frozen=True)
class Kosong:
    """An indicator whose realisasi of the period is still blank."""

    kode: str
    nama: str
    penanggung_jawab: str


@dataclass(frozen=True)
class HasilPengumpulan:
    """Everything the document reports, gathered by ``services.laporan_pengumpulan``."""

    periode: Periode
    diterima: Sequence[Diterima]
    belum_masuk: Sequence[tuple[str, Sequence[str]]]
    """(penanggung jawab, kode of their indicators) of each form not delivered."""
    perubahan: Sequence[Perubahan]
    kosong: Sequence[Kosong]
    jumlah_indikator: int


@dataclass(frozen=True)
class Penanda:
    """Who signs and who receives: the draft goes Tim SAKIP → Sekretaris, the final Sekretaris → Camat."""

    final: bool
    dari: Pejabat
    kepada: Pejabat


def _nilai(value: object) -> str:
    if value is None or value == "":
        return fmt.KOSONG
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return fmt.angka(Decimal(str(value)))
    return " ".join(str(value).split())


def _waktu(value: dt.datetime | None) -> str:
    return fmt.waktu(value) if value is not None else fmt.KOSONG


def ringkasan(hasil: HasilPengumpulan) -> dict[str, str]:
    final = sum(1 for d in hasil.diterima if d.status.casefold() == "final")
    return {
        "dibagikan": str(len(hasil.diterima) + len(hasil.belum_masuk)),
        "masuk": str(len(hasil.diterima)),
        "final": str(final),
        "draf": str(len(hasil.diterima) - final),
        "belum_masuk": str(len(hasil.belum_masuk)),
        "perubahan": str(len(hasil.perubahan)),
        "kosong": str(len(hasil.kosong)),
        "indikator": str(hasil.jumlah_indikator),
    }


@dataclass(frozen=True)
class Nota:
    """The heading of the nota dinas the report is sent as (Permendagri 1/2023, tata naskah dinas):
    its Nomor from the agenda register (blank: a dotted line to write by hand), Sifat (Biasa,
    Segera, ...), Lampiran ("-" when none)."""

    nomor: str = ""
    sifat: str = "Biasa"
    lampiran: str = "-"


NOMOR_KOSONG = "." * 40


def build_pengumpulan_context(
    profil: Profil, hasil: HasilPengumpulan, penanda: Penanda, dokumen: Dokumen, nota: Nota | None = None
) -> dict[str, object]:
    """The template context: kop, the nota dinas heading, the four lists, the signature and the
    disposition page."""
    nota = nota or Nota()
    triwulan = dokumen.periode.label.replace("s.d. ", "")  # the data of one quarter, not cumulative
    dengan_tahun = dokumen.periode.dengan_tahun(profil.tahun).replace("s.d. ", "")
    periode = dengan_tahun.upper()
    perihal = f"Laporan Hasil Pengumpulan Data Kinerja {dengan_tahun}"
    header = {**dokumen_header(profil, dokumen, JUDUL), "periode": periode, "periode_label": triwulan,
              "periode_tahun": dengan_tahun}  # fmt: skip
    return {
        "kop": kop(profil),
        "dokumen": {**header, "status": "" if penanda.final else "DRAF"},
        "final": penanda.final,
        "kepada": penanda.kepada.jabatan_lengkap,
        "dari": penanda.dari.jabatan_lengkap,
        "perihal": perihal,
        "nota": {
            "tanggal": fmt.tanggal(dokumen.tanggal),
            "nomor": nota.nomor or NOMOR_KOSONG,
            "sifat": nota.sifat or "Biasa",
            "lampiran": nota.lampiran or "-",
        },
        "ringkasan": ringkasan(hasil),
        "diterima": [
            {"no": str(n), "penanggung_jawab": d.penanggung_jawab, "file": d.file, "indikator": str(d.indikator),
             "status": d.status, "waktu": _waktu(d.waktu)}
            for n, d in enumerate(hasil.diterima, start=1)
        ],
        "belum_masuk": [
            {"no": str(n), "penanggung_jawab": pj, "jumlah": str(len(kodes)), "kode": ", ".join(kodes)}
            for n, (pj, kodes) in enumerate(hasil.belum_masuk, start=1)
        ],
        "perubahan": [
            {"no": str(n), "waktu": _waktu(p.waktu), "kode": p.kode, "kolom": p.kolom, "lama": _nilai(p.lama),
             "baru": _nilai(p.baru), "sumber": p.sumber}
            for n, p in enumerate(hasil.perubahan, start=1)
        ],
        "kosong": [
            {"no": str(n), "kode": k.kode, "nama": k.nama, "penanggung_jawab": k.penanggung_jawab}
            for n, k in enumerate(hasil.kosong, start=1)
        ],
        "penandatangan": pejabat(penanda.dari),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(dokumen.tanggal)}",
        "disposisi": {
            "dari": penanda.dari.jabatan_lengkap,
            "kepada": penanda.kepada.jabatan_lengkap,
            "perihal": perihal,
            "tanggal_surat": fmt.tanggal(dokumen.tanggal),
            "periode": periode,
        },
        "kode_verifikasi": dokumen.kode_verifikasi,
        "dibuat": fmt.waktu(dokumen.dibuat),
    }
