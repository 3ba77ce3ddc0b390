"""The built-in example's administrative papers: the letters, the meeting, the checklist, the sending.

Kecamatan Lumajang's register (sheet Register Surat) holds the Surat Edaran of Bappeda that starts
the TW III measurement, disposed by the Camat to the Sekretaris and by the Sekretaris to the
Kasubag Keuangan (Ketua Tim SAKIP); the Laporan Hasil Pengukuran Kinerja TW III the Sekretaris sent
up, with the Camat's disposition; and the Surat Edaran for TW IV, received in January 2025. Times
agree with the example's TW3 log (``samples.example_sop``). Letter numbers and the receiver at
Bappeda are invented.
"""

from __future__ import annotations

from datetime import date, datetime, time

from xlwings_app.domain.administrasi.checklist import IsianChecklist
from xlwings_app.domain.administrasi.surat_masuk import BarisRegister, JenisSurat
from xlwings_app.domain.indicator import Jenis

BAPPEDA = "Bappeda Kabupaten Lumajang"
SE_TW3 = "050/1234/427.50/2024"
SE_TW4 = "050/015/427.50/2025"
LAPORAN_TW3 = "050/210/427.50.01/2024"
CAMAT = "Camat Lumajang"
SEKRETARIS = "Sekretaris Kecamatan"

REGISTER: tuple[BarisRegister, ...] = (
    BarisRegister(SE_TW3, date(2024, 9, 25), BAPPEDA, "Penyampaian Data Capaian Kinerja Triwulan III Tahun 2024",
                  JenisSurat.SURAT_EDARAN, datetime(2024, 9, 26, 9, 15), "412", "Segera", CAMAT, SEKRETARIS,
                  "Segera laksanakan pengukuran kinerja TW III bersama Tim SAKIP", datetime(2024, 10, 1, 8, 10),
                  date(2024, 10, 15)),
    BarisRegister(SE_TW3, date(2024, 9, 25), BAPPEDA, "Penyampaian Data Capaian Kinerja Triwulan III Tahun 2024",
                  JenisSurat.SURAT_EDARAN, datetime(2024, 9, 26, 9, 15), "412", "Segera", SEKRETARIS,
                  "Kasubag Keuangan", "Siapkan rapat Tim SAKIP dan rencana kegiatannya", datetime(2024, 10, 1, 9, 0),
                  date(2024, 10, 11)),
    BarisRegister(LAPORAN_TW3, date(2024, 10, 4), "Sekretaris Kecamatan Lumajang",
                  "Laporan Hasil Pengukuran Kinerja Triwulan III Tahun 2024", JenisSurat.LAPORAN_PENGUKURAN,
                  datetime(2024, 10, 4, 10, 0), "431", "Biasa", CAMAT, SEKRETARIS,
                  "Setuju. Tindak lanjuti rencana aksi IKU-03 dan arsipkan", datetime(2024, 10, 4, 10, 20)),
    BarisRegister(SE_TW4, date(2025, 1, 6), BAPPEDA,
                  "Pengumpulan dan Pengukuran Data Capaian Kinerja Triwulan IV Tahun 2024", JenisSurat.SURAT_EDARAN,
                  datetime(2025, 1, 6, 10, 0), "007", "Segera", CAMAT, SEKRETARIS,
                  "Laksanakan pengumpulan data kinerja TW IV", datetime(2025, 1, 7, 8, 30), date(2025, 1, 24)),
)  # fmt: skip
"""The register as the office typed it."""

CAMAT_MULAI_TW4 = datetime(2025, 1, 7, 8, 0)
"""When the Camat began disposing the TW IV letter (his own Catat Waktu Langkah on step 1)."""

RAPAT = date(2024, 10, 1)
RAPAT_JAM = time(9, 0)
RUANG_RAPAT = "Ruang Rapat Kantor Kecamatan Lumajang"
KEPUTUSAN = (
    "Pengukuran kinerja TW III dilaksanakan 1-4 Oktober 2024 oleh Tim SAKIP.",
    "Setiap Kasi dan Kasubag menyerahkan data realisasi paling lambat 2 Oktober 2024.",
    "Laporan hasil pengukuran disampaikan kepada Camat paling lambat 4 Oktober 2024.",
)
"""What the meeting decided, typed back from the signed notulen."""

PROGRAM_MULAI = datetime(2024, 10, 1, 8, 0)
"""The TW III measurement is planned from the morning the Camat gave the order."""

CHECKLIST: tuple[IsianChecklist, ...] = (
    IsianChecklist("Renstra (Rencana Strategis)", True, "Renstra Kecamatan Lumajang 2021-2026.pdf"),
    IsianChecklist("Perjanjian Kinerja (PK)", True, "dokumen/Perjanjian_Kinerja_2024.pdf"),
    IsianChecklist("Hasil Survei", True, "Survei Kepuasan Masyarakat 2024 (lemari arsip 2)"),
    IsianChecklist("Laporan Hasil Evaluasi", False, "", "Menunggu LHE Inspektorat"),
    IsianChecklist("IKU (Indikator Kinerja Utama)", True, "sheet IKU workbook Kinerja"),
    IsianChecklist("Surat Edaran Bappeda", True, "sheet Register Surat"),
    IsianChecklist("Notulen Rapat", True, "administrasi/Notulen_Rapat_2024-10-01.pdf"),
)
"""What the Tim SAKIP ticked in sheet Checklist Dokumen."""

DITERIMA_PEJABAT = (datetime(2024, 10, 7, 13, 0), datetime(2024, 10, 7, 13, 15), datetime(2024, 10, 7, 14, 0),
                    datetime(2024, 10, 8, 8, 0))
"""When the officials signed the receipt of the TW III document (typed back into sheet Tanda Terima Dokumen)."""

PENGANTAR_NOMOR = "050/220/427.50/2024"
PENGANTAR_TANGGAL = date(2024, 10, 8)
DIKIRIM = datetime(2024, 10, 8, 9, 0)
DITERIMA = datetime(2024, 10, 8, 10, 30)
PENERIMA = "SITI AMINAH (Subbag Umum Bappeda)"
"""The Surat Pengantar of the TW III documents, sent and received the day after signing."""

PMD = "Formulir Rencana 2024 - Kasi Pemberdayaan Masyarakat.xlsx"
PEM = "Formulir Rencana 2024 - Kasi Pemerintahan.xlsx"
RENCANA_KEMBALI: tuple[tuple[str, dict[str, dict[str, object]], list[dict[str, object]]], ...] = (
    (PMD, {"IKU-08": {"target_tahunan": 3.5, "t1": 3.2, "t2": 3.3, "t3": 3.4, "t4": 3.5}}, []),
    (PEM, {"IKI-PEM-01": {"target_tahunan": 16, "t1": 4, "t2": 4, "t3": 4, "t4": 4,
                          "rencana_aksi": "Rapat koordinasi Forkopimcam tiap bulan"}},
     [{"kode": "IKI-PEM-02", "jenis": Jenis.IKI.value, "induk": "IKU-06",
       "sasaran": "Meningkatnya ketenteraman dan ketertiban umum", "nama": "Jumlah patroli gabungan",
       "satuan": "kegiatan", "polaritas": "Positif", "agregasi": "Jumlah", "target_tahunan": 8, "t1": 2, "t2": 2,
       "t3": 2, "t4": 2}]),
)  # fmt: skip
"""The planning forms that come back in the demo: what each Kasi typed (kode -> column -> value, new rows)."""
