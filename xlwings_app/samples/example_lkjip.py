"""The example unit's LKjIP data (``kinerja contoh``): Kecamatan Lumajang's earlier years of the Renstra
2021–2025, its year 2024 closed (TW IV and the budget realised), and what its Sekretaris wrote.

Illustrative values, not the real kecamatan's. The years 2021–2022 are typed as the unit's earlier
LKjIP printed them; 2023 equals the workbook's Target/Realisasi Tahun Lalu columns. The Renstra's end
target of a Jumlah indicator is the total of the period (docs/lkjip.md, "Kemajuan terhadap target
akhir Renstra"): 30 dokumen over five years; at most 230 pelanggaran over five years.
"""

from __future__ import annotations

from decimal import Decimal

from xlwings_app.domain.lkjip.history import YearRecord
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.lkjip.written import Tulisan

PERIODE = RenstraPeriod(2021, 2025)
SUMBER = "LKjIP Kecamatan Lumajang"
TANGGAL = "24 Februari 2025"

_YEARS: dict[str, tuple[tuple[str, str], ...]] = {
    # kode: (target, realisasi) for 2021, 2022, 2023
    "IKU-01": (("78", "77.2"), ("80", "80.4"), ("81", "81.6")),
    "IKU-02": (("90", "88.5"), ("92", "92.7"), ("94", "93.8")),
    "IKU-03": (("4.5", "4.8"), ("4", "3.9"), ("3.5", "3.2")),
    "IKU-04": (("60", "58.1"), ("62", "60.3"), ("65", "62.4")),
    "IKU-05": (("6", "5"), ("6", "6"), ("6", "6")),
    "IKU-06": (("55", "58"), ("50", "47"), ("45", "41")),
    "IKU-07": (("0", "1"), ("0", "0"), ("0", "0")),
    "IKU-08": (("70", "72.4"), ("75", "78.9"), ("80", "83.5")),
}


def records() -> list[YearRecord]:
    """The earlier years of every IKU (capaian and predikat left for Kinerja to compute)."""
    return [
        YearRecord(kode, 2021 + n, Decimal(t), Decimal(r), sumber=f"{SUMBER} {2021 + n}")
        for kode, years in _YEARS.items() for n, (t, r) in enumerate(years)
    ]


REALISASI_TW4: dict[str, str] = {
    "IKU-01": "83.4", "IKU-02": "97", "IKU-03": "2.4", "IKU-04": "71.35", "IKU-05": "2", "IKU-06": "7",
    "IKU-07": "0", "IKU-08": "93", "IKI-SEK-01": "100", "IKI-KEU-01": "97.8", "IKI-UMUM-01": "100",
    "IKI-PEL-01": "1290", "IKI-PEL-02": "12", "IKI-PEM-01": "3", "IKI-PMD-01": "100", "IKI-TRANTIB-01": "6",
}  # fmt: skip
"""The year's last triwulan, as the forms brought it back in January."""

REALISASI_ANGGARAN: dict[str, str] = {"IKU-02": "82450000", "IKU-05": "23980000"}
"""The budget realised by the end of the year (SP2D), per indicator carrying a program."""

TARGET_AKHIR_RENSTRA: dict[str, str] = {"IKU-05": "30", "IKU-06": "230"}
"""Jumlah indicators: the end target as the period's total."""

S1 = "Meningkatnya kualitas pelayanan publik kecamatan"
S2 = "Meningkatnya akuntabilitas kinerja kecamatan"
S3 = "Meningkatnya ketenteraman dan ketertiban umum"
S4 = "Meningkatnya keberdayaan masyarakat kelurahan"

NARASI: list[Tulisan] = [
    Tulisan("ikhtisar.antisipasi", (
        "Pada tahun 2025 Kecamatan Lumajang akan menuntaskan dokumen perencanaan dan pelaporan tepat waktu "
        "dengan jadwal penyusunan yang ditetapkan sejak Januari, serta memperkuat deteksi dini konflik sosial "
        "melalui forum kewaspadaan dini di setiap kelurahan.")),
    Tulisan("bab1.organisasi", (
        "Kecamatan Lumajang adalah perangkat daerah Kabupaten Lumajang yang dipimpin oleh Camat, berkedudukan "
        "di bawah dan bertanggung jawab kepada Bupati melalui Sekretaris Daerah. Wilayah kerjanya meliputi tujuh "
        "kelurahan dengan luas sekitar 24 km² dan jumlah penduduk sekitar 83.000 jiwa.\n"
        "Susunan organisasi terdiri atas Camat, Sekretariat Kecamatan (Subbagian Umum dan Kepegawaian serta "
        "Subbagian Keuangan), Seksi Pemerintahan, Seksi Ketenteraman dan Ketertiban Umum, Seksi Pelayanan Umum, "
        "Seksi Pemberdayaan Masyarakat, dan kelompok jabatan fungsional. Pada akhir tahun 2024 Kecamatan "
        "Lumajang didukung 38 pegawai: 29 Pegawai Negeri Sipil dan 9 PPPK.")),
    Tulisan("bab1.tugas_fungsi", (
        "Camat mempunyai tugas membantu Bupati dalam penyelenggaraan urusan pemerintahan yang dilimpahkan "
        "untuk menangani sebagian urusan otonomi daerah dan tugas umum pemerintahan di wilayah kecamatan.\n"
        "Dalam melaksanakan tugas tersebut Camat menyelenggarakan fungsi: koordinasi kegiatan pemberdayaan "
        "masyarakat; koordinasi upaya penyelenggaraan ketenteraman dan ketertiban umum; koordinasi penerapan "
        "dan penegakan peraturan perundang-undangan; koordinasi pemeliharaan prasarana dan fasilitas pelayanan "
        "umum; koordinasi penyelenggaraan kegiatan pemerintahan di tingkat kecamatan; pembinaan dan pengawasan "
        "penyelenggaraan kegiatan kelurahan; serta pelaksanaan pelayanan masyarakat yang menjadi ruang lingkup "
        "tugasnya.")),
    Tulisan("bab1.aspek_strategis", (
        "Sebagai kecamatan ibu kota kabupaten, Kecamatan Lumajang menjadi pusat pelayanan administrasi bagi "
        "penduduk terpadat di Kabupaten Lumajang dan tempat sebagian besar kegiatan pemerintahan, perdagangan "
        "dan keramaian umum berlangsung. Mutu Pelayanan Administrasi Terpadu Kecamatan (PATEN) dan ketertiban "
        "di kawasan alun-alun serta pusat perdagangan langsung dirasakan masyarakat dan menjadi cerminan "
        "kinerja pemerintah daerah.")),
    Tulisan("bab1.permasalahan_utama", (
        "Permasalahan utama yang dihadapi: (1) volume permohonan layanan yang tinggi pada awal tahun dan "
        "menjelang tahun ajaran baru, sehingga waktu penyelesaian memanjang; (2) ketepatan waktu penyusunan "
        "dokumen perencanaan dan pelaporan yang bergantung pada data dari kelurahan; (3) pelanggaran ketertiban "
        "umum oleh pedagang kaki lima di kawasan alun-alun; dan (4) potensi sengketa batas tanah antarwarga.")),
    Tulisan("bab1.tindak_lanjut", (
        "Rekomendasi evaluasi LKjIP tahun 2023 agar laporan menyajikan perbandingan dengan tahun-tahun "
        "sebelumnya dan target akhir Renstra telah ditindaklanjuti: BAB III laporan ini menyajikan capaian "
        "2021–2024 dan kemajuan terhadap target akhir Renstra 2021–2025 untuk setiap indikator.")),
    Tulisan("bab3.a.5.analisis", (
        "Keberhasilan didukung oleh penerapan antrean daring dan penambahan loket PATEN pada triwulan II, "
        "yang menurunkan rata-rata waktu penyelesaian menjadi 2,9 hari. Kendala pada triwulan I berupa "
        "lonjakan permohonan dan gangguan jaringan Sistem Informasi Administrasi Kependudukan diatasi dengan "
        "jadwal piket lintas seksi dan koordinasi dengan Dinas Kependudukan dan Pencatatan Sipil. Alternatif "
        "solusi ke depan: layanan jemput bola di kelurahan pada bulan-bulan puncak permohonan."), S1),
    Tulisan("bab3.a.5.analisis", (
        "Nilai SAKIP meningkat karena pengukuran kinerja triwulanan dijalankan tepat waktu dan hasilnya dibahas "
        "dalam rapat evaluasi. Keterlambatan satu laporan kinerja triwulan III disebabkan data dua kelurahan "
        "terlambat masuk; sebagai solusi, batas waktu penyampaian data kelurahan ditetapkan dalam surat edaran "
        "Camat dan dipantau melalui log langkah SOP."), S2),
    Tulisan("bab3.a.5.analisis", (
        "Turunnya pelanggaran ketertiban umum didukung patroli terpadu bersama Satpol PP dan penataan lokasi "
        "berjualan pedagang kaki lima. Satu konflik sosial (sengketa batas tanah antarwarga) pada triwulan III "
        "diselesaikan melalui mediasi oleh Seksi Pemerintahan bersama lurah dan Bhabinkamtibmas; upaya ke depan "
        "adalah fasilitasi pemetaan batas tanah bersama kantor pertanahan."), S3),
    Tulisan("bab3.a.5.analisis", (
        "Indeks keberdayaan masyarakat kelurahan melampaui target karena pendampingan musyawarah perencanaan "
        "pembangunan kelurahan dan pelatihan kader pemberdayaan. Dua kelurahan yang sempat menunda musyawarah "
        "didampingi ulang pada triwulan III sehingga seluruh kelurahan menyelesaikan rencana kerjanya."), S4),
    Tulisan("bab4.langkah", (
        "Untuk tahun 2025 Kecamatan Lumajang akan: (1) mempertahankan waktu penyelesaian layanan di bawah tiga "
        "hari dengan layanan jemput bola pada bulan puncak; (2) menetapkan jadwal penyampaian data kelurahan "
        "agar dokumen perencanaan dan pelaporan selesai tepat waktu; (3) melanjutkan patroli terpadu dan "
        "penataan pedagang kaki lima; dan (4) memperkuat forum kewaspadaan dini untuk mencegah konflik sosial, "
        "sehingga target akhir Renstra 2021–2025 dapat dicapai.")),
]
"""What the Sekretaris wrote in sheet Narasi LKjIP before the final."""
