"""The example's performance tree: Kecamatan Lumajang 2024, tujuan down to sub kegiatan, and its
Manual Indikator.

Two tujuan, the four sasaran of the example's IKU (``samples.example`` S1–S4), five programs, ten
kegiatan and twenty sub kegiatan of the kecamatan nomenclature (workbook/nomenklatur/7.01.csv), pagu
per sub kegiatan as a kecamatan's DPA sets it and realisasi anggaran s.d. TW III. The IKU hang on
their sasaran; each IKI on the node its official holds (the Sekretaris on the support program, a
Kasi on a kegiatan, a Kasubag or Kasi on a sub kegiatan). Three IKI are ratios whose parts are typed
per triwulan (they give exactly the realisasi of the IKI table). Figures are illustrative.
"""

from __future__ import annotations

from decimal import Decimal

from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.manual import Frekuensi, JenisRumus, ManualIndikator
from xlwings_app.domain.tree.model import Node
from xlwings_app.samples import example as E

T, S, P, K, SK = Jenjang.TUJUAN, Jenjang.SASARAN, Jenjang.PROGRAM, Jenjang.KEGIATAN, Jenjang.SUB_KEGIATAN
_J = 1_000_000


def _n(jenjang: Jenjang, kode: str, nama: str, induk: str | None, pj: str, pagu: int | None = None,
       realisasi: int | None = None) -> Node:  # fmt: skip
    money = (Decimal(pagu * _J) if pagu else None, Decimal(realisasi * _J) if realisasi else None)
    return Node(jenjang, kode, nama, induk, pj, *money)


NODES: tuple[Node, ...] = (
    _n(T, "T1", "Meningkatnya kualitas tata kelola dan pelayanan pemerintahan kecamatan", None, E.CAMAT),
    _n(S, "S1", E.S1, "T1", E.CAMAT),
    _n(P, "7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "S1", E.SEKRETARIS),
    _n(K, "7.01.02.2.02", "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat "
       "Daerah yang Ada di Kecamatan", None, E.KASI_PEL),
    _n(SK, "7.01.02.2.02.0001", "Perencanaan Kegiatan Pelayanan kepada Masyarakat di Kecamatan", None, E.KASI_PEL,
       45, 31),
    _n(SK, "7.01.02.2.02.0003", "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah "
       "Kecamatan", None, E.KASUBAG_UMUM, 85, 61),
    _n(K, "7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", None, E.KASI_PEL),
    _n(SK, "7.01.02.2.04.0001", "Pelaksanaan Urusan Pemerintahan yang terkait dengan Pelayanan Perizinan Non Usaha",
       None, E.KASI_PEL, 30, 22),
    _n(SK, "7.01.02.2.04.0002", "Pelaksanaan Urusan Pemerintahan yang terkait dengan Nonperizinan", None, E.KASI_PEL,
       40, 27),
    _n(S, "S2", E.S2, "T1", E.SEKRETARIS),
    _n(P, "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "S2", E.SEKRETARIS),
    _n(K, "7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", None, E.KASUBAG_KEU),
    _n(SK, "7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", None, E.KASUBAG_KEU, 12, 9),
    _n(SK, "7.01.01.2.01.0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja "
       "SKPD", None, E.KASUBAG_KEU, 12, 7),
    _n(K, "7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", None, E.KASUBAG_KEU),
    _n(SK, "7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", None, E.KASUBAG_KEU, 2_450, 1_790),
    _n(SK, "7.01.01.2.02.0005", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", None, E.KASUBAG_KEU,
       10, 4),
    _n(K, "7.01.01.2.06", "Administrasi Umum Perangkat Daerah", None, E.KASUBAG_UMUM),
    _n(SK, "7.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", None,
       E.KASUBAG_UMUM, 15, 11),
    _n(SK, "7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", None, E.KASUBAG_UMUM, 60, 44),
    _n(SK, "7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", None, E.KASUBAG_UMUM, 40, 26),
    _n(T, "T2", "Terwujudnya masyarakat kecamatan yang tenteram dan berdaya", None, E.CAMAT),
    _n(S, "S3", E.S3, "T2", E.CAMAT),
    _n(P, "7.01.04", "Program Koordinasi Ketentraman dan Ketertiban Umum", "S3", E.SEKRETARIS),
    _n(K, "7.01.04.2.01", "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum", None, E.KASI_TRANTIB),
    _n(SK, "7.01.04.2.01.0001", "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia "
       "dan Instansi Vertikal di Wilayah Kecamatan", None, E.KASI_TRANTIB, 55, 38),
    _n(SK, "7.01.04.2.01.0002", "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat", None, E.KASI_TRANTIB,
       35, 25),
    _n(K, "7.01.04.2.02", "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah", None,
       E.KASI_TRANTIB),
    _n(SK, "7.01.04.2.02.0001", "Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang "
       "Penegakan Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia", None, E.KASI_TRANTIB, 65, 52),
    _n(P, "7.01.05", "Program Penyelenggaraan Urusan Pemerintahan Umum", "S3", E.SEKRETARIS),
    _n(K, "7.01.05.2.01", "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah", None, E.KASI_PEM),
    _n(SK, "7.01.05.2.01.0003", "Pembinaan Persatuan dan Kesatuan Bangsa", None, E.KASI_PEM, 25, 18),
    _n(SK, "7.01.05.2.01.0008", "Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan", None, E.KASI_PEM, 70, 47),
    _n(S, "S4", E.S4, "T2", E.CAMAT),
    _n(P, "7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", "S4", E.SEKRETARIS),
    _n(K, "7.01.03.2.02", "Kegiatan Pemberdayaan Kelurahan", None, E.KASI_PMD),
    _n(SK, "7.01.03.2.02.0001", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan "
       "di Kelurahan", None, E.KASI_PMD, 95, 71),
    _n(SK, "7.01.03.2.02.0002", "Pembangunan Sarana dan Prasarana Kelurahan", None, E.KASI_PMD, 1_200, 845),
    _n(K, "7.01.03.2.03", "Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan", None, E.KASI_PMD),
    _n(SK, "7.01.03.2.03.0002", "Peningkatan Kapasitas Lembaga Kemasyarakatan", None, E.KASI_PMD, 48, 30),
    _n(SK, "7.01.03.2.03.0004", "Fasilitasi Pengembangan Usaha Ekonomi Masyarakat", None, E.KASI_PMD, 52, 33),
)  # fmt: skip
"""2 tujuan, 4 sasaran, 5 programs, 10 kegiatan, 20 sub kegiatan."""

SIMPUL: dict[str, str] = {
    "IKU-01": "S1", "IKU-02": "S1", "IKU-03": "S1", "IKU-04": "S2", "IKU-05": "S2", "IKU-06": "S3",
    "IKU-07": "S3", "IKU-08": "S4",
    "IKI-SEK-01": "7.01.01", "IKI-KEU-01": "7.01.01.2.02", "IKI-UMUM-01": "7.01.02.2.02.0003",
    "IKI-PEL-01": "7.01.02.2.04.0002", "IKI-PEL-02": "7.01.02.2.02", "IKI-PEM-01": "7.01.05.2.01.0008",
    "IKI-PMD-01": "7.01.03.2.02.0001", "IKI-TRANTIB-01": "7.01.04.2.02",
}  # fmt: skip
"""The node each indicator measures (column Simpul Pohon Kinerja of the Manual Indikator)."""

TW = Frekuensi.TRIWULANAN
_R = JenisRumus.RASIO


def _q(*values: int | None) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
    padded = [Decimal(v) if v is not None else None for v in values] + [None] * (4 - len(values))
    return (padded[0], padded[1], padded[2], padded[3])


MANUALS: tuple[ManualIndikator, ...] = (
    ManualIndikator("IKU-01", "Nilai survei kepuasan masyarakat atas layanan kecamatan menurut unsur PermenPANRB "
                    "14/2017, dihitung dari kuesioner pengguna layanan pada triwulan berjalan.",
                    sumber_data="Laporan Survei Kepuasan Masyarakat (Seksi Pelayanan Umum)", frekuensi=TW,
                    standar="IKM kategori Baik (PermenPANRB 14/2017)"),
    ManualIndikator("IKU-02", "Layanan administrasi yang selesai dalam waktu menurut standar pelayanan dibanding "
                    "seluruh layanan yang diterima.", _R, "Jumlah layanan selesai tepat waktu",
                    "Jumlah layanan yang diterima", sumber_data="Buku register PATEN", frekuensi=TW,
                    standar="SPM: 100% sesuai maklumat pelayanan"),
    ManualIndikator("IKU-03", "Rata-rata hari kerja sejak berkas perizinan lengkap sampai izin terbit.",
                    sumber_data="Register perizinan kecamatan", frekuensi=TW),
    ManualIndikator("IKU-04", "Nilai hasil evaluasi SAKIP kecamatan oleh Inspektorat Kabupaten.",
                    sumber_data="LHE SAKIP Inspektorat", frekuensi=Frekuensi.TAHUNAN),
    ManualIndikator("IKU-05", "Dokumen perencanaan dan pelaporan kinerja (Renja, PK, laporan triwulan, LKjIP) yang "
                    "disampaikan sebelum batas waktu.", sumber_data="Agenda surat keluar Subbag Keuangan",
                    frekuensi=TW),
    ManualIndikator("IKU-06", "Pelanggaran Perda ketertiban umum yang tercatat dalam triwulan.",
                    sumber_data="Laporan harian Seksi Trantib", frekuensi=TW),
    ManualIndikator("IKU-07", "Konflik sosial yang tidak selesai dimediasi kecamatan dalam triwulan.",
                    sumber_data="Laporan Forkopimcam", frekuensi=TW),
    ManualIndikator("IKU-08", "Indeks keberdayaan masyarakat kelurahan dari penilaian lembaga kemasyarakatan.",
                    sumber_data="Hasil penilaian Seksi PMD", frekuensi=TW),
    ManualIndikator("IKI-SEK-01", "Dokumen kinerja yang ditandatangani Camat paling lambat tanggal 10 bulan "
                    "berikutnya dibanding dokumen kinerja triwulan itu.", _R,
                    "Jumlah dokumen ditandatangani tepat waktu", "Jumlah dokumen kinerja triwulan",
                    sumber_data="Agenda surat Sekretariat", frekuensi=TW,
                    pembilang_tw=_q(4, 4, 3), penyebut_tw=_q(4, 4, 4)),
    ManualIndikator("IKI-KEU-01", "Realisasi belanja (SP2D) kumulatif dibanding pagu DPA kecamatan.", _R,
                    "Realisasi belanja kumulatif (Rp)", "Pagu DPA (Rp)", sumber_data="SIPD, laporan realisasi "
                    "anggaran", frekuensi=TW, pembilang_tw=_q(231_250_000, 512_500_000, 852_500_000),
                    penyebut_tw=_q(1_250_000_000, 1_250_000_000, 1_250_000_000)),
    ManualIndikator("IKI-UMUM-01", "Pengaduan masyarakat yang dijawab atau ditindaklanjuti dalam 5 hari kerja "
                    "dibanding pengaduan yang masuk.", _R, "Pengaduan ditindaklanjuti", "Pengaduan masuk",
                    sumber_data="Register pengaduan (SP4N-LAPOR!)", frekuensi=TW),
    ManualIndikator("IKI-PEL-01", "Layanan PATEN yang diselesaikan dalam triwulan.",
                    sumber_data="Buku register PATEN", frekuensi=TW),
    ManualIndikator("IKI-PEL-02", "Rata-rata menit antrean sejak nomor antrean diambil sampai dilayani.",
                    sumber_data="Aplikasi antrean", frekuensi=TW, standar="Standar pelayanan PATEN: 15 menit"),
    ManualIndikator("IKI-PEM-01", "Rapat koordinasi Forkopimcam yang dilaksanakan dengan notulen.",
                    sumber_data="Notulen rapat", frekuensi=TW),
    ManualIndikator("IKI-PMD-01", "Kelurahan yang melaksanakan musyawarah pembangunan kelurahan dibanding jumlah "
                    "kelurahan.", _R, "Jumlah kelurahan yang melaksanakan musyawarah", "Jumlah kelurahan",
                    sumber_data="Berita acara musrenbang kelurahan", frekuensi=TW,
                    pembilang_tw=_q(8, None, 8), penyebut_tw=_q(8, None, 8)),
    ManualIndikator("IKI-TRANTIB-01", "Operasi penertiban Perda bersama Satpol PP yang dilaksanakan.",
                    sumber_data="Laporan operasi", frekuensi=TW),
)  # fmt: skip
"""One manual per indicator of ``samples.example``."""
