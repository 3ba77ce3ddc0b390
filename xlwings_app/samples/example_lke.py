"""The example unit's AKIP self-evaluation as the Tim SAKIP of Kecamatan Lumajang would answer it.

Data only (``services.lke_contoh`` plays it): the answers the team gives to the criteria Kinerja
cannot judge, the proposals it overrides (each with its note, the proposal kept beside it), the
register of recommendations from the Inspektorat's LHE of the year before, and which Rencana Aksi
were carried out. The answers keep the kerangka logis: nothing scores above what it rests on.
"""

from __future__ import annotations

import datetime as dt

JAWABAN: dict[str, str] = {
    # 1. Perencanaan Kinerja
    "1.a.2": "Y", "1.a.3": "Y", "1.a.4": "Y", "1.a.5": "Y", "1.a.6": "Y",
    "1.b.2": "Y", "1.b.3": "B", "1.b.4": "B", "1.b.5": "B", "1.b.6": "B", "1.b.7": "B", "1.b.9": "C",
    "1.b.10": "A", "1.b.11": "B",
    "1.c.1": "B", "1.c.2": "B", "1.c.5": "C", "1.c.6": "C", "1.c.7": "B", "1.c.8": "C",
    # 2. Pengukuran Kinerja
    "2.a.2": "Y", "2.a.3": "Y", "2.b.4": "Y",
    "2.b.1": "B", "2.b.2": "B", "2.b.3": "B",
    "2.c.1": "C", "2.c.2": "D", "2.c.3": "D", "2.c.4": "C", "2.c.5": "C", "2.c.7": "C", "2.c.9": "B", "2.c.10": "C",
    # 3. Pelaporan Kinerja
    "3.a.4": "Y", "3.a.5": "Y",
    "3.b.1": "B", "3.b.2": "B", "3.b.6": "D", "3.b.7": "B", "3.b.9": "B",
    "3.c.1": "C", "3.c.2": "C", "3.c.3": "C", "3.c.4": "C", "3.c.5": "C", "3.c.6": "C", "3.c.7": "C",
    # 4. Evaluasi Akuntabilitas Kinerja Internal
    "4.a.1": "Y", "4.a.2": "Y", "4.a.3": "T",
    "4.b.1": "B", "4.b.2": "B", "4.b.3": "B", "4.b.4": "B", "4.b.5": "B",
    "4.c.3": "C", "4.c.4": "C", "4.c.5": "C",
}  # fmt: skip
"""The team's answers: the criteria without a proposal, 1.a.4 confirmed, and the proposals it overrides
(1.a.5, 2.a.3, 2.b.4). The other proposals count as Kinerja made them (3.a.6: the TW III cycle of the
Pengukuran Kinerja SOP ran past its standard, T)."""

CATATAN: dict[str, str] = {
    "1.a.4": "Renja 2024 dan Perjanjian Kinerja 2024 ditetapkan.",
    "1.a.5": "IKU-04 dinilai Inspektorat sekali setahun; Rencana Aksi menempatkan targetnya di TW IV.",
    "2.a.3": "Mekanisme pengumpulan data diatur SOP Pengumpulan Data Kinerja; realisasi TW II IKI-PMD-01 "
             "menunggu data kelurahan dan dilengkapi di TW III.",
    "2.b.4": "Pengukuran dilakukan setiap triwulan (Laporan Pengukuran Kinerja TW I-III disegel).",
    "4.a.3": "Evaluasi internal belum berjenjang sampai seksi; direncanakan 2025.",
}
"""The team's notes beside its answers."""

REKOMENDASI: list[list[object]] = [
    ["1", "LHE Inspektorat", 2023, "Menyusun Rencana Aksi triwulanan untuk setiap IKU dan memantaunya.",
     "Camat Lumajang", dt.date(2024, 3, 31), "Rencana Aksi lampiran PK 2024 memuat target triwulan setiap IKU.",
     "Perjanjian Kinerja 2024 (lampiran Rencana Aksi)", "Sesuai"],
    ["2", "LHE Inspektorat", 2023, "Mengukur capaian IKI setiap pejabat dan diketahui atasan langsung.",
     "Sekretaris Kecamatan", dt.date(2024, 6, 30), "Pengukuran IKI per triwulan dengan dokumen per pejabat.",
     "Dokumen Pengukuran Kinerja Individu TW II", "Sesuai"],
    ["3", "LHE Inspektorat", 2023, "Menyajikan efisiensi penggunaan anggaran untuk setiap sasaran.",
     "Kasubag Perencanaan dan Keuangan", dt.date(2024, 9, 30), "Pagu dan realisasi anggaran diisi untuk IKU "
     "layanan; sasaran lain belum.", "", "Belum sesuai"],
    ["4", "Evaluasi internal", 2024, "Menetapkan SOP Pengumpulan Data Kinerja dengan formulir dan tanda terima.",
     "Sekretaris Kecamatan", dt.date(2024, 4, 30), "SOP ditetapkan; formulir TW I-III dibagikan dengan tanda "
     "terima.", "SOP Pengumpulan Data Kinerja; Tanda Terima Formulir TW3", "Sesuai"],
    ["5", "LHE Inspektorat", 2023, "Mempublikasikan Perjanjian Kinerja dan Laporan Kinerja di laman kecamatan.",
     "Kasubag Umum dan Kepegawaian", dt.date(2024, 2, 28), "PK 2024 dan LKjIP 2023 diunggah ke laman.",
     "Tangkapan layar laman kecamatan", "Sesuai"],
]  # fmt: skip
"""The register: four of five followed up as recommended (80 %: B for 4.c.1 and 4.c.2)."""

DILAKSANAKAN: dict[tuple[str, str], str] = {
    ("IKU-02", "TW1"): "Ya", ("IKU-03", "TW1"): "Ya", ("IKU-08", "TW1"): "Ya",
    ("IKU-02", "TW2"): "Ya", ("IKU-03", "TW2"): "Tidak",
}  # fmt: skip
"""Whether each Rencana Aksi was carried out in the next triwulan (4 of 5: 2.c.6 B)."""
