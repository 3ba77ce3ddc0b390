"""The criteria Kinerja can pre-fill, and the fact each needs from what Kinerja holds.

Rule (issue "Evaluasi AKIP mandiri"): about a third of the LKE's criteria can be answered or
evidenced from the unit's own data: the master workbooks of the year and the year before, their
seals and archives, the SOP logs, the LKjIP. ``PREFILL`` maps each such criterion to the facts that
decide or evidence it; the facts are named here and computed in a later step (services over the
master workbooks). Every criterion not in ``PREFILL`` stays for a person to answer.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType

from xlwings_app.domain.lke.model import Criterion, Lke


class Fact(StrEnum):
    """A fact Kinerja can establish from the unit's data (``uraian``: what it checks, in Indonesian)."""

    SOP_PERENCANAAN = "sop_perencanaan"
    SOP_PENGUKURAN = "sop_pengukuran"
    PK_DITANDATANGANI = "pk_ditandatangani"
    RENCANA_AKSI = "rencana_aksi"
    TARGET_TRIWULAN = "target_triwulan"
    PENGUMPULAN_DATA_BERKALA = "pengumpulan_data_berkala"
    PENGUKURAN_TI = "pengukuran_ti"
    PENGUKURAN_BERJENJANG = "pengukuran_berjenjang"
    CASCADING = "cascading"
    CAPAIAN_TARGET = "capaian_target"
    TARGET_JANGKA_MENENGAH = "target_jangka_menengah"
    EFISIENSI_ANGGARAN = "efisiensi_anggaran"
    LAPORAN_BERKALA = "laporan_berkala"
    LAPORAN_DIFORMALKAN = "laporan_diformalkan"
    LAPORAN_TEPAT_WAKTU = "laporan_tepat_waktu"
    PERBANDINGAN_TARGET_TAHUNAN = "perbandingan_target_tahunan"
    PERBANDINGAN_TAHUN_SEBELUMNYA = "perbandingan_tahun_sebelumnya"
    INDIKATOR_KONSISTEN = "indikator_konsisten"
    REKOMENDASI_DITINDAKLANJUTI = "rekomendasi_ditindaklanjuti"
    RENCANA_AKSI_DILAKSANAKAN = "rencana_aksi_dilaksanakan"

    @property
    def uraian(self) -> str:
        """What Kinerja checks for this fact, in Indonesian."""
        return _URAIAN[self]


_URAIAN: dict[Fact, str] = {
    Fact.SOP_PERENCANAAN: "SOP Perencanaan Kinerja unit tersimpan di Kinerja, lengkap dengan nomor dan tanggal pengesahan.",
    Fact.SOP_PENGUKURAN: "SOP Pengukuran Kinerja dan SOP Pengumpulan Data Kinerja unit tersimpan di Kinerja, lengkap dengan nomor dan tanggal pengesahan.",
    Fact.PK_DITANDATANGANI: "Perjanjian Kinerja tahun berjalan dibuat dan disegel sebagai dokumen final bertanda tangan, untuk unit dan setiap pejabat.",
    Fact.RENCANA_AKSI: "Rencana Aksi (lampiran Perjanjian Kinerja) menjabarkan target setiap indikator ke triwulan.",
    Fact.TARGET_TRIWULAN: "Setiap IKU dan IKI punya target per triwulan, dan capaiannya dihitung tiap triwulan.",
    Fact.PENGUMPULAN_DATA_BERKALA: "Realisasi dikumpulkan tiap triwulan lewat formulir bertanda terima dan direkap utuh (tercatat di Riwayat).",
    Fact.PENGUKURAN_TI: "Pengumpulan data dan pengukuran capaian memakai aplikasi (formulir dan perhitungan Kinerja).",
    Fact.PENGUKURAN_BERJENJANG: "Kinerja diukur di tingkat unit (IKU) dan tingkat pejabat (IKI), diketahui atasan langsung.",
    Fact.CASCADING: "Setiap IKI menginduk pada IKU atau IKI di atasnya (pohon kinerja berjenjang tanpa indikator yatim).",
    Fact.CAPAIAN_TARGET: "Bagian indikator yang mencapai target, atau masih sesuai jalur pada triwulan berjalan.",
    Fact.TARGET_JANGKA_MENENGAH: "Target akhir Renstra terisi dan kemajuan terhadapnya dilaporkan.",
    Fact.EFISIENSI_ANGGARAN: "Pagu dan realisasi anggaran terisi sehingga efisiensi (1 − serapan/capaian) dapat dihitung dan dilaporkan.",
    Fact.LAPORAN_BERKALA: "Laporan Pengukuran Kinerja tiap triwulan dan LKjIP tahunan dibuat dan disegel.",
    Fact.LAPORAN_DIFORMALKAN: "Laporan kinerja disegel sebagai dokumen final bertanda tangan, bukan draf.",
    Fact.LAPORAN_TEPAT_WAKTU: "Tanggal penandatanganan laporan berada dalam batas waktu Mutu Baku SOP (LKjIP: akhir Februari).",
    Fact.PERBANDINGAN_TARGET_TAHUNAN: "Laporan menyajikan realisasi terhadap target tahunan untuk setiap indikator.",
    Fact.PERBANDINGAN_TAHUN_SEBELUMNYA: "Laporan menyajikan realisasi tahun-tahun sebelumnya (dari master tahun lalu) untuk setiap indikator.",
    Fact.INDIKATOR_KONSISTEN: "IKU tahun ini sama dengan IKU tahun-tahun sebelumnya dalam periode Renstra (kode dan nama indikator).",
    Fact.REKOMENDASI_DITINDAKLANJUTI: "Bagian rekomendasi dalam register yang tindak lanjutnya sesuai rekomendasi.",
    Fact.RENCANA_AKSI_DILAKSANAKAN: "Bagian Rencana Aksi indikator yang tidak mencapai target yang dilaksanakan pada periode berikutnya.",
}

PREFILL: MappingProxyType[str, tuple[Fact, ...]] = MappingProxyType({
    "1.a.1": (Fact.SOP_PERENCANAAN,),
    "1.a.4": (Fact.PK_DITANDATANGANI,),
    "1.a.5": (Fact.RENCANA_AKSI, Fact.TARGET_TRIWULAN),
    "1.b.1": (Fact.PK_DITANDATANGANI,),
    "1.b.6": (Fact.INDIKATOR_KONSISTEN,),
    "1.b.8": (Fact.CASCADING,),
    "1.c.3": (Fact.CAPAIAN_TARGET,),
    "1.c.4": (Fact.TARGET_TRIWULAN, Fact.PENGUMPULAN_DATA_BERKALA),
    "2.a.1": (Fact.SOP_PENGUKURAN,),
    "2.a.3": (Fact.PENGUMPULAN_DATA_BERKALA,),
    "2.b.4": (Fact.PENGUMPULAN_DATA_BERKALA, Fact.TARGET_TRIWULAN),
    "2.b.5": (Fact.PENGUKURAN_BERJENJANG,),
    "2.b.6": (Fact.PENGUKURAN_TI,),
    "2.b.7": (Fact.PENGUKURAN_TI,),
    "2.c.6": (Fact.RENCANA_AKSI_DILAKSANAKAN,),
    "2.c.8": (Fact.EFISIENSI_ANGGARAN,),
    "3.a.1": (Fact.LAPORAN_BERKALA,),
    "3.a.2": (Fact.LAPORAN_BERKALA,),
    "3.a.3": (Fact.LAPORAN_DIFORMALKAN,),
    "3.a.6": (Fact.LAPORAN_TEPAT_WAKTU,),
    "3.b.3": (Fact.PERBANDINGAN_TARGET_TAHUNAN,),
    "3.b.4": (Fact.TARGET_JANGKA_MENENGAH,),
    "3.b.5": (Fact.PERBANDINGAN_TAHUN_SEBELUMNYA,),
    "3.b.8": (Fact.EFISIENSI_ANGGARAN,),
    "4.c.1": (Fact.REKOMENDASI_DITINDAKLANJUTI,),
    "4.c.2": (Fact.REKOMENDASI_DITINDAKLANJUTI,),
})  # fmt: skip
"""Criterion id → the facts that decide or evidence it (26 of the 80 criteria)."""


def prefillable(lke: Lke) -> list[tuple[Criterion, tuple[Fact, ...]]]:
    """The criteria of ``lke`` Kinerja can pre-fill, in LKE order, each with its facts. KeyError when
    ``PREFILL`` names a criterion ``lke`` does not have (a defect of this mapping)."""
    known = {c.id for c in lke.criteria()}
    missing = sorted(set(PREFILL) - known)
    if missing:
        raise KeyError(f"PREFILL menyebut kriteria yang tidak ada: {', '.join(missing)}")
    return [(c, PREFILL[c.id]) for c in lke.criteria() if c.id in PREFILL]
