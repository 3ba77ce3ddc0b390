"""Readable builders for the LKjIP tests: this year's indicators measured for the year, earlier
years as literal records, a unit's Profil.

A yearly realisasi is written as one number; ``ind`` puts it where the indicator's agregasi reads
it for the year without carrying a triwulan over (Jumlah: TW I with 0 after it; Akhir and
Rata-rata: TW IV alone).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.domain.builders import Num, d
from xlwings_app.domain.analisis import NO_CATATAN, with_catatan
from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Periode, Polaritas
from xlwings_app.domain.lkjip.history import SegelStatus, YearRecord
from xlwings_app.domain.measure import Hasil, measure
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.settings import Settings

SASARAN_1 = "Meningkatnya kualitas pelayanan publik"
SASARAN_2 = "Meningkatnya partisipasi masyarakat desa"


def ind(
    kode: str, target: Num, realisasi: Num = None, *, nama: str | None = None, satuan: str = "%",
    agregasi: Agregasi = Agregasi.AKHIR, polaritas: Polaritas = Polaritas.POSITIF, target_akhir: Num = None,
    sasaran: str = SASARAN_1, jenis: Jenis = Jenis.IKU, pagu: Num = None, realisasi_anggaran: Num = None,
    rencana_aksi: str = "",
) -> Indicator:  # fmt: skip
    """An indicator whose yearly realisasi is ``realisasi`` (blank: not filled in)."""
    r = d(realisasi)
    tw: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    if r is None:
        tw = (None, None, None, None)
    elif agregasi is Agregasi.JUMLAH:
        tw = (r, Decimal(0), Decimal(0), Decimal(0))
    else:
        tw = (None, None, None, r)
    return Indicator(
        kode=kode, jenis=jenis, sasaran=sasaran, nama=nama or f"Indikator {kode}", satuan=satuan,
        polaritas=polaritas, agregasi=agregasi, target_tahunan=d(target), realisasi_tw=tw,
        target_akhir_renstra=d(target_akhir), pagu=d(pagu), realisasi_anggaran=d(realisasi_anggaran),
        analisis=with_catatan(NO_CATATAN, Periode.TAHUNAN, rencana_aksi=rencana_aksi),
    )  # fmt: skip


def hasil(kode: str, target: Num, realisasi: Num = None, settings: Settings | None = None, **kw: object) -> Hasil:
    """``ind(...)`` measured for the year."""
    return measure(ind(kode, target, realisasi, **kw), Periode.TAHUNAN, settings or Settings())  # type: ignore[arg-type]


def rec(
    kode: str, tahun: int, target: Num, realisasi: Num, capaian: Num = None, predikat: str | None = None,
    sumber: str = "", segel: SegelStatus = SegelStatus.TANPA_SEGEL, baris: int | None = None,
) -> YearRecord:  # fmt: skip
    """An earlier year's record, as typed on a sheet "Riwayat Tahunan" (row ``baris``) or read."""
    return YearRecord(kode, tahun, d(target), d(realisasi), d(capaian), predikat, sumber, segel,
                      "Riwayat Tahunan" if baris else "", baris)  # fmt: skip


def profil(tahun: int, unit: str = "Kecamatan Sukamaju") -> Profil:
    camat = Pejabat("Camat Sukamaju", "Drs. Budi Santoso", "Pembina", "197703092005011003")
    kasubag = Pejabat("Kasubag Umum", "Siti Aminah, S.E.", "Penata", "198001012006042001")
    return Profil("Kabupaten Lumajang", unit, "Jl. Raya 1", tahun, camat, kasubag, "Sukamaju")


def renamed(i: Indicator, kode: str) -> Indicator:
    return replace(i, kode=kode)
