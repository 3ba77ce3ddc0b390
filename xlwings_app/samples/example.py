"""The built-in example: Kecamatan Lumajang, Kabupaten Lumajang, tahun 2024, data s.d. TW III.

Realistic IKU and IKI of a kecamatan, chosen so every rule shows: both polarities, every
aggregation, a range target, a target 0, blank realisasi, an unmet target with its permasalahan
and rencana aksi, budget figures, and for the IKU last year's (2023) target and realisasi and the
Renstra's end targets (2021–2026; IKU-07, a target 0, has none). The Camat is the signing official of the seed SOP
"Prosedur Penyusunan Perencanaan Kinerja" (Kecamatan Lumajang); other names and NIPs are invented.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xlwings_app.domain.analisis import NO_CATATAN, with_catatan
from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Periode, Polaritas
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.settings import Settings

CAMAT = "Camat"
SEKRETARIS = "Sekretaris Camat"
KASUBAG_UMUM = "Kasubag Umum dan Kepegawaian"
KASUBAG_KEU = "Kasubag Keuangan"
KASI_PEM = "Kasi Pemerintahan"
KASI_PEL = "Kasi Pelayanan Umum"
KASI_PMD = "Kasi Pemberdayaan Masyarakat"
KASI_TRANTIB = "Kasi Ketenteraman dan Ketertiban Umum"
PENANGGUNG_JAWAB = (CAMAT, SEKRETARIS, KASUBAG_UMUM, KASUBAG_KEU, KASI_PEM, KASI_PEL, KASI_PMD, KASI_TRANTIB)

PEJABAT: tuple[Pejabat, ...] = (
    Pejabat(CAMAT, "Drs. DEDWI SUPRAPTO, M.Si.", "Pembina Tingkat I (IV/b)", "19701218 199101 1 002"),
    Pejabat(SEKRETARIS, "AGUS WIDODO, S.Sos., M.M.", "Pembina (IV/a)", "19750823 199803 1 004"),
    Pejabat(KASUBAG_UMUM, "RINA KARTIKASARI, S.AP.", "Penata Tingkat I (III/d)", "19830305 200604 2 012"),
    Pejabat(KASUBAG_KEU, "NURUL HIDAYATI, S.E.", "Penata Tingkat I (III/d)", "19820614 200801 2 015"),
    Pejabat(KASI_PEM, "BAMBANG SUTRISNO, S.H.", "Penata Tingkat I (III/d)", "19780412 200312 1 006"),
    Pejabat(KASI_PEL, "DWI ASTUTIK, S.Sos.", "Penata (III/c)", "19850917 200902 2 003"),
    Pejabat(KASI_PMD, "MOH. FAJAR RAMADHAN, S.IP.", "Penata (III/c)", "19870120 201001 1 008"),
    Pejabat(KASI_TRANTIB, "HERU PRASETYO, S.H.", "Penata Tingkat I (III/d)", "19800711 200501 1 009"),
)
"""The officials of sheet Pejabat (the Camat from the seed SOP; the others invented)."""

PROFIL: dict[str, object] = {
    "kabupaten": "Kabupaten Lumajang",
    "unit": "Kecamatan Lumajang",
    "alamat": "Jl. Alun-Alun Timur No. 3, Lumajang 67311",
    "telepon": "(0334) 881234",
    "email": "kec.lumajang@lumajangkab.go.id",
    "tahun": 2024,
    "ttd_status": "",
    "ttd_jabatan": "Camat Lumajang",
    "ttd_nama": "Drs. DEDWI SUPRAPTO, M.Si.",
    "ttd_pangkat": "Pembina Tingkat I (IV/b)",
    "ttd_nip": "19701218 199101 1 002",
    "pengelola_jabatan": "Kasubag Keuangan",
    "pengelola_nama": "NURUL HIDAYATI, S.E.",
    "pengelola_nip": "19820614 200801 2 015",
    "tempat": "Lumajang",
    "tanggal_ttd": dt.date(2024, 10, 7),
    "tanggal_rencana": dt.date(2024, 1, 23),
    "kd_jabatan": "Bupati Lumajang",
    "kd_nama": "Ir. H. BUDI SANTOSO, M.M.",
}

PROGRAM_PELAYANAN = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"
PROGRAM_PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
"""Programs of the DPA (Permendagri 90/2019 nomenclature) for the Perjanjian Kinerja lampiran."""

S1 = "Meningkatnya kualitas pelayanan publik kecamatan"
S2 = "Meningkatnya akuntabilitas kinerja kecamatan"
S3 = "Meningkatnya ketenteraman dan ketertiban umum"
S4 = "Meningkatnya keberdayaan masyarakat kelurahan"


def _d(
    *values: float | int | str | None,
) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
    out = tuple(None if v is None else Decimal(str(v)) for v in values)
    return out  # type: ignore[return-value]


def _ind(
    kode: str,
    jenis: Jenis,
    sasaran: str,
    nama: str,
    satuan: str,
    polaritas: Polaritas,
    agregasi: Agregasi,
    tahunan: float | int | None,
    targets: tuple[float | int | str | None, ...],
    realisasi: tuple[float | int | str | None, ...],
    pj: str,
    untuk: Periode | None = None,
    lain: dict[Periode, dict[str, str]] | None = None,
    **extra: object,
) -> Indicator:
    """One indicator; ``permasalahan`` and ``rencana_aksi`` in ``extra`` are the analysis written
    ``untuk`` that period (the text says which triwulan it answers), ``lain`` that of other periods."""
    texts = {k: str(extra.pop(k)) for k in ("permasalahan", "rencana_aksi") if k in extra}
    analisis = NO_CATATAN
    if texts:
        assert untuk is not None
        analisis = with_catatan(analisis, untuk, **texts)
    for periode, written in (lain or {}).items():
        analisis = with_catatan(analisis, periode, **written)
    if analisis is not NO_CATATAN:
        extra["analisis"] = analisis
    return Indicator(
        kode=kode,
        jenis=jenis,
        sasaran=sasaran,
        nama=nama,
        satuan=satuan,
        polaritas=polaritas,
        agregasi=agregasi,
        target_tahunan=None if tahunan is None else Decimal(str(tahunan)),
        target_tw=_d(*targets),
        realisasi_tw=_d(*realisasi),
        penanggung_jawab=pj,
        **extra,  # type: ignore[arg-type]
    )


P, N = Polaritas.POSITIF, Polaritas.NEGATIF
J, A, R = Agregasi.JUMLAH, Agregasi.AKHIR, Agregasi.RATA_RATA
IKU, IKI = Jenis.IKU, Jenis.IKI

INDICATORS: list[Indicator] = [
    _ind(
        "IKU-01",
        IKU,
        S1,
        "Indeks Kepuasan Masyarakat (IKM) terhadap layanan kecamatan",
        "indeks",
        P,
        A,
        82,
        (80, 81, 81.5, 82),
        (81.2, 82.4, 83.1, None),
        CAMAT,
        target_akhir_renstra=Decimal(85),
        target_lalu=Decimal("81"),
        realisasi_lalu=Decimal("81.6"),
    ),
    _ind(
        "IKU-02",
        IKU,
        S1,
        "Persentase layanan administrasi selesai tepat waktu",
        "%",
        P,
        R,
        95,
        (95, 95, 95, 95),
        (92.5, 96, 97.3, None),
        KASI_PEL,
        pagu=Decimal(85_000_000),
        realisasi_anggaran=Decimal(61_250_000),
        untuk=Periode.TW1,
        permasalahan="Pada triwulan I layanan administrasi kependudukan terhambat gangguan jaringan aplikasi SIAK.",
        rencana_aksi="Antrean manual cadangan disiapkan saat jaringan terganggu; gangguan dilaporkan ke Dispendukcapil hari itu juga.",
        program=PROGRAM_PELAYANAN,
        target_akhir_renstra=Decimal(98),
        target_lalu=Decimal("94"),
        realisasi_lalu=Decimal("93.8"),
        lain={Periode.TW2: {
            "permasalahan": "Capaian s.d. triwulan II masih di bawah target karena gangguan jaringan SIAK pada triwulan I.",
            "rencana_aksi": "Antrean manual cadangan tetap disiapkan; gangguan jaringan dilaporkan ke Dispendukcapil hari itu juga.",
        }},
    ),
    _ind(
        "IKU-03",
        IKU,
        S1,
        "Rata-rata waktu penyelesaian layanan perizinan",
        "hari",
        N,
        R,
        3,
        (3, 3, 3, 3),
        (3.4, 2.8, 2.5, None),
        KASI_PEL,
        untuk=Periode.TW1,
        permasalahan="Berkas perizinan triwulan I banyak yang belum lengkap saat diterima, sehingga waktu penyelesaian bertambah.",
        rencana_aksi="Daftar periksa persyaratan dibagikan di loket dan laman kecamatan; berkas diperiksa saat diterima.",
        target_akhir_renstra=Decimal(2),
        target_lalu=Decimal("3.5"),
        realisasi_lalu=Decimal("3.2"),
        lain={Periode.TW2: {
            "permasalahan": "Rata-rata waktu penyelesaian s.d. triwulan II masih di atas target akibat berkas tidak lengkap pada triwulan I.",
            "rencana_aksi": "Pemeriksaan kelengkapan berkas di loket dilanjutkan dan dipantau setiap bulan.",
        }},
    ),
    _ind(
        "IKU-04",
        IKU,
        S2,
        "Nilai SAKIP kecamatan",
        "nilai",
        P,
        A,
        70,
        (None, None, None, 70),
        (None, None, None, None),
        SEKRETARIS,
        keterangan="Dinilai Inspektorat pada akhir tahun.",
        target_akhir_renstra=Decimal(75),
        target_lalu=Decimal("65"),
        realisasi_lalu=Decimal("62.4"),
    ),
    _ind(
        "IKU-05",
        IKU,
        S2,
        "Jumlah dokumen perencanaan dan pelaporan kinerja yang disusun tepat waktu",
        "dokumen",
        P,
        J,
        6,
        (2, 1, 1, 2),
        (2, 1, 0, None),
        KASUBAG_KEU,
        untuk=Periode.TW3,
        permasalahan="Laporan kinerja triwulan III terlambat: data realisasi dua seksi baru masuk setelah batas waktu.",
        rencana_aksi="Formulir pengumpulan data dikirim awal bulan ketiga triwulan; batas pengisian 5 hari kerja.",
        pagu=Decimal(24_500_000),
        realisasi_anggaran=Decimal(15_900_000),
        program=PROGRAM_PENUNJANG,
        target_akhir_renstra=Decimal(6),
        target_lalu=Decimal("6"),
        realisasi_lalu=Decimal("6"),
    ),
    _ind(
        "IKU-06",
        IKU,
        S3,
        "Jumlah pelanggaran ketertiban umum",
        "kasus",
        N,
        J,
        40,
        (10, 10, 10, 10),
        (8, 12, 9, None),
        KASI_TRANTIB,
        target_akhir_renstra=Decimal(30),
        target_lalu=Decimal("45"),
        realisasi_lalu=Decimal("41"),
    ),
    _ind(
        "IKU-07",
        IKU,
        S3,
        "Jumlah konflik sosial yang tidak tertangani",
        "kejadian",
        N,
        J,
        0,
        (0, 0, 0, 0),
        (0, 0, 1, None),
        KASI_TRANTIB,
        untuk=Periode.TW3,
        permasalahan="Satu sengketa batas tanah antarwarga di Kelurahan Ditotrunan belum selesai dimediasi.",
        rencana_aksi="Mediasi lanjutan bersama kelurahan dan Bhabinkamtibmas pada bulan Oktober.",
        target_lalu=Decimal("0"),
        realisasi_lalu=Decimal("0"),
    ),
    _ind(
        "IKU-08",
        IKU,
        S4,
        "Indeks keberdayaan masyarakat kelurahan",
        "indeks",
        P,
        A,
        None,
        (None, None, None, None),
        (70, 84, 92, None),
        KASI_PMD,
        batas_bawah=Decimal(80),
        batas_atas=Decimal(90),
        keterangan="Target rentang 80–90.",
        untuk=Periode.TW1,
        permasalahan="Musyawarah pembangunan di dua kelurahan pada triwulan I belum diikuti kelompok perempuan dan pemuda.",
        rencana_aksi="Pendampingan kader pemberdayaan masyarakat di kelurahan dengan nilai terendah setiap bulan.",
        target_akhir_renstra=Decimal(90),
        target_lalu=Decimal("80"),
        realisasi_lalu=Decimal("83.5"),
    ),
    _ind(
        "IKI-SEK-01",
        IKI,
        S2,
        "Persentase dokumen kinerja yang ditandatangani tepat waktu",
        "%",
        P,
        A,
        100,
        (100, 100, 100, 100),
        (100, 100, 75, None),
        SEKRETARIS,
        induk="IKU-05",
        untuk=Periode.TW3,
        permasalahan="Penandatanganan laporan triwulan III menunggu perbaikan data dua seksi.",
        rencana_aksi="Jadwal koreksi draf oleh Sekretaris ditetapkan paling lama 1 hari kerja.",
    ),
    _ind(
        "IKI-KEU-01",
        IKI,
        S2,
        "Persentase realisasi anggaran kecamatan",
        "%",
        P,
        A,
        100,
        (20, 45, 75, 100),
        (18.5, 41, 68.2, None),
        KASUBAG_KEU,
        induk="IKU-04",
        untuk=Periode.TW3,
        permasalahan="Dua paket pengadaan belanja modal mundur karena revisi DPA pada bulan Agustus.",
        rencana_aksi="Percepatan proses pengadaan setelah DPA Perubahan ditetapkan; pemantauan serapan "
        "mingguan oleh Kasubag Keuangan.",
        pagu=Decimal(1_250_000_000),
        realisasi_anggaran=Decimal(852_500_000),
        program=PROGRAM_PENUNJANG,
        lain={
            Periode.TW1: {
                "permasalahan": "Serapan triwulan I di bawah rencana karena pengadaan baru dimulai setelah DPA disahkan.",
                "rencana_aksi": "Jadwal pengadaan dipercepat; serapan dipantau setiap bulan.",
            },
            Periode.TW2: {
                "permasalahan": "Serapan triwulan II tertahan menunggu pencairan belanja barang dan jasa.",
                "rencana_aksi": "Pengajuan SPP dipercepat dan dipantau mingguan oleh Kasubag Keuangan.",
            },
        },
    ),
    _ind(
        "IKI-UMUM-01",
        IKI,
        S1,
        "Persentase pengaduan masyarakat yang ditindaklanjuti",
        "%",
        P,
        R,
        100,
        (100, 100, 100, 100),
        (100, 95, 100, None),
        KASUBAG_UMUM,
        induk="IKU-01",
        untuk=Periode.TW2,
        permasalahan="Lima pengaduan triwulan II melalui SP4N-LAPOR! terlambat diteruskan ke OPD teknis.",
        rencana_aksi="Petugas pengelola pengaduan cadangan ditunjuk; pengaduan diteruskan paling lama "
        "2 hari kerja.",
        lain={Periode.TW3: {
            "permasalahan": "Capaian s.d. triwulan III masih terbawa keterlambatan triwulan II; pengaduan triwulan III "
            "seluruhnya ditindaklanjuti.",
            "rencana_aksi": "Pengaduan yang belum diteruskan dipantau setiap minggu oleh Kasubag Umum.",
            "faktor_pendukung": "Petugas pengelola pengaduan cadangan sudah ditunjuk.",
        }},
    ),
    _ind(
        "IKI-PEL-01",
        IKI,
        S1,
        "Jumlah layanan PATEN yang diselesaikan",
        "layanan",
        P,
        J,
        4800,
        (1200, 1200, 1200, 1200),
        (1150, 1320, 1240, None),
        KASI_PEL,
        induk="IKU-02",
        untuk=Periode.TW1,
        permasalahan="Permohonan layanan PATEN pada triwulan I di bawah perkiraan karena libur panjang awal tahun.",
        rencana_aksi="Sosialisasi layanan PATEN melalui kelurahan dan media sosial kecamatan.",
    ),
    _ind(
        "IKI-PEL-02",
        IKI,
        S1,
        "Rata-rata waktu tunggu pelayanan",
        "menit",
        N,
        R,
        15,
        (15, 15, 15, 15),
        (18, 14, 12, None),
        KASI_PEL,
        induk="IKU-03",
        untuk=Periode.TW1,
        permasalahan="Waktu tunggu triwulan I memanjang karena satu petugas loket cuti melahirkan.",
        rencana_aksi="Petugas pengganti dari seksi lain dijadwalkan bergiliran pada jam sibuk.",
        lain={Periode.TW2: {
            "permasalahan": "Waktu tunggu s.d. triwulan II belum pulih dari triwulan I, walau triwulan II sesuai target.",
            "rencana_aksi": "Jadwal petugas pengganti dilanjutkan sampai petugas loket kembali bertugas.",
        }},
    ),
    _ind(
        "IKI-PEM-01",
        IKI,
        S3,
        "Jumlah rapat koordinasi Forkopimcam",
        "kegiatan",
        P,
        J,
        12,
        (3, 3, 3, 3),
        (3, 3, 2, None),
        KASI_PEM,
        induk="IKU-06",
        untuk=Periode.TW3,
        permasalahan="Rapat bulan Agustus ditiadakan karena agenda peringatan HUT RI.",
        rencana_aksi="Rapat pengganti dijadwalkan pada minggu pertama Oktober.",
    ),
    _ind(
        "IKI-PMD-01",
        IKI,
        S4,
        "Persentase kelurahan yang melaksanakan musyawarah pembangunan tepat waktu",
        "%",
        P,
        A,
        100,
        (100, 100, 100, 100),
        (100, None, 100, None),
        KASI_PMD,
        induk="IKU-08",
        lain={Periode.TW2: {"alasan": "Berita acara musyawarah dua kelurahan belum diterima dari kelurahan."}},
    ),
    _ind(
        "IKI-TRANTIB-01",
        IKI,
        S3,
        "Jumlah operasi penertiban",
        "kali",
        P,
        J,
        24,
        (6, 6, 6, 6),
        (6, 7, 5, None),
        KASI_TRANTIB,
        induk="IKU-06",
    ),
]

SETTINGS = Settings(periode_aktif=Periode.TW3, daftar_penanggung_jawab=PENANGGUNG_JAWAB)
