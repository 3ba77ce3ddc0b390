"""Kecamatan Patrang, Kabupaten Jember, 2025: the unit of the year-long story test (not the example).

Its own officials (a Camat, a Sekretaris, two Kasubag, four Kasi), eight indicators cascaded from two
IKU, and the realisasi each official returns each quarter, with how the form comes back. The second
unit the kabupaten recap takes, Kecamatan Kaliwates, keeps its data in its own master.
"""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image, ImageDraw

TAHUN = 2025
CAMAT, SEK, KEU, UMUM = "Camat", "Sekretaris Camat", "Kasubag Keuangan", "Kasubag Umum dan Kepegawaian"
PEM, PELUM, KESOS, TRANTIB = ("Kasi Pemerintahan", "Kasi Pelayanan Umum", "Kasi Kesejahteraan Sosial",
                              "Kasi Ketenteraman dan Ketertiban Umum")  # fmt: skip

PROFIL: dict[str, object] = {
    "kabupaten": "Kabupaten Jember", "unit": "Kecamatan Patrang",
    "alamat": "Jl. Slamet Riyadi No. 112, Patrang, Jember 68111", "telepon": "(0331) 486217",
    "email": "kec.patrang@jemberkab.go.id", "tahun": TAHUN, "ttd_jabatan": "Camat Patrang",
    "ttd_nama": "Drs. BAMBANG IRAWAN, M.Si.", "ttd_pangkat": "Pembina Tingkat I (IV/b)",
    "ttd_nip": "19710604 199203 1 005", "pengelola_jabatan": KEU, "pengelola_nama": "AHMAD FAUZI, S.E.",
    "pengelola_nip": "19830415 200801 1 012", "tempat": "Jember", "tanggal_rencana": dt.date(2025, 1, 20),
    "kd_jabatan": "Bupati Jember", "kd_nama": "H. MUHAMMAD FAWAIT, S.E., M.Sc.", "lambang": "lambang-jember.png",
}  # fmt: skip


def lambang_png() -> bytes:
    """The office's lambang file (a drawn stand-in: a green shield), kept beside the workbook."""
    image = Image.new("RGB", (240, 300), "white")
    ImageDraw.Draw(image).polygon([(15, 15), (225, 15), (225, 165), (120, 285), (15, 165)], fill=(0, 110, 60))
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()

PEJABAT = (  # jabatan, nama, NIP, pangkat
    (CAMAT, "Drs. BAMBANG IRAWAN, M.Si.", "19710604 199203 1 005", "Pembina Tingkat I (IV/b)"),
    (SEK, "NURUL HIDAYATI, S.Sos., M.M.", "19780922 200003 2 003", "Pembina (IV/a)"),
    (KEU, "AHMAD FAUZI, S.E.", "19830415 200801 1 012", "Penata Tingkat I (III/d)"),
    (UMUM, "RATNA SARI DEWI, S.AP.", "19860711 201001 2 009", "Penata (III/c)"),
    (PEM, "YUSUF EFENDI, S.H.", "19820130 200604 1 006", "Penata Tingkat I (III/d)"),
    (PELUM, "LILIS SURYANI, S.Sos.", "19870824 201101 2 004", "Penata (III/c)"),
    (KESOS, "HENDRA GUNAWAN, S.IP.", "19850319 200902 1 003", "Penata (III/c)"),
    (TRANTIB, "DONI PRASETYO, S.H.", "19880902 201101 1 007", "Penata Muda Tingkat I (III/b)"),
)
NAMA = {jabatan: nama for jabatan, nama, _, _ in PEJABAT}

S1 = "Meningkatnya kualitas pelayanan publik kecamatan"
S2 = "Meningkatnya akuntabilitas kinerja dan keuangan kecamatan"


def _row(jenis: str, kode: str, sasaran: str, nama: str, satuan: str, agregasi: str, tahunan: float,
         targets: tuple[float | None, ...], pj: str, induk: str | None = None) -> dict[str, object]:  # fmt: skip
    row: dict[str, object] = {"jenis": jenis, "kode": kode, "sasaran": sasaran, "nama": nama, "satuan": satuan,
                              "polaritas": "Positif", "agregasi": agregasi, "target_tahunan": tahunan,
                              "penanggung_jawab": pj, "induk": induk}  # fmt: skip
    row |= {f"t{n}": t for n, t in enumerate(targets, start=1)}
    return row


INDICATORS = [
    _row("IKU", "IKU-01", S1, "Persentase layanan administrasi kecamatan selesai tepat waktu", "%", "Akhir", 95,
         (90, 92, 94, 95), SEK),
    _row("IKU", "IKU-02", S2, "Nilai SAKIP kecamatan", "nilai", "Akhir", 70, (65, 67, 68, 70), SEK),
    _row("IKI", "IKI-KEU-01", S2, "Persentase realisasi anggaran kecamatan", "%", "Akhir", 95, (20, 45, 70, 95), KEU,
         "IKU-02"),
    _row("IKI", "IKI-UMUM-01", S2, "Jumlah dokumen perencanaan dan pelaporan kinerja tersusun", "dokumen", "Jumlah",
         6, (2, 1, 1, 2), UMUM, "IKU-02"),
    _row("IKI", "IKI-PEM-01", S1, "Persentase desa/kelurahan tertib administrasi pemerintahan", "%", "Rata-rata",
         100, (100, 100, 100, 100), PEM, "IKU-01"),
    _row("IKI", "IKI-PELUM-01", S1, "Jumlah layanan PATEN yang diselesaikan", "layanan", "Jumlah", 2400,
         (600, 600, 600, 600), PELUM, "IKU-01"),
    _row("IKI", "IKI-KESOS-01", S1, "Jumlah keluarga penerima bantuan sosial terverifikasi", "keluarga", "Jumlah",
         300, (None, 100, 100, 100), KESOS, "IKU-01"),
    _row("IKI", "IKI-TRANTIB-01", S1, "Persentase gangguan ketenteraman dan ketertiban yang tertangani", "%",
         "Akhir", 90, (90, 90, 90, 90), TRANTIB, "IKU-01"),
]  # fmt: skip
KODE = {str(r["kode"]): str(r["penanggung_jawab"]) for r in INDICATORS}
FORM_HOLDERS = sorted({str(r["penanggung_jawab"]) for r in INDICATORS})
"""One form per penanggung jawab (the Camat holds none: the Sekretaris answers for the IKU)."""

SIGNED = {"TW1": "10 April 2025", "TW2": "10 Juli 2025", "TW3": "9 Oktober 2025", "TW4": "12 Januari 2026",
          "TAHUNAN": "20 Januari 2026"}  # fmt: skip
"""The date each period's document is signed (``laporan --tanggal``)."""
SIGNED_ON = {"TW1": dt.date(2025, 4, 10), "TW2": dt.date(2025, 7, 10), "TW3": dt.date(2025, 10, 9),
             "TW4": dt.date(2026, 1, 12), "TAHUNAN": dt.date(2026, 1, 20)}  # fmt: skip
