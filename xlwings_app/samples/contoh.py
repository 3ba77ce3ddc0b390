"""An example unit and its IKU (Kecamatan Senduro, Kabupaten Lumajang, 2024).

Used to describe the context a template may use (``template_check``), to (re)generate the default
template's preview and by the tests. The figures are illustrative, in the shape of the kecamatan
SOP's Pengukuran Kinerja; they include one indicator below target with permasalahan and rencana
aksi, one negative-polarity indicator, budget columns and an acting (Plt.) signatory.
"""

from __future__ import annotations

from decimal import Decimal

from xlwings_app.domain.analisis import NO_CATATAN, PerPeriode, with_catatan
from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Periode, Polaritas
from xlwings_app.domain.profil import Pejabat, Profil


def D(text: str) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(text)


PROFIL = Profil(
    kabupaten="Lumajang",
    unit="Kecamatan Senduro",
    alamat="Jl. Raya Senduro No. 1, Senduro, Lumajang 67361",
    tahun=2024,
    penandatangan=Pejabat(
        jabatan="Camat Senduro", nama="Drs. BUDI SANTOSO, M.Si.",
        pangkat="Pembina Tingkat I (IV/b)", nip="197703092005011003", status="Plt.",
    ),
    pengelola=Pejabat(
        jabatan="Kasubag Perencanaan dan Keuangan", nama="SITI AMINAH, S.E.",
        pangkat="Penata (III/c)", nip="198504122010012007",
    ),
    tempat="Senduro",
    telepon="(0334) 571234",
    email="kec.senduro@lumajangkab.go.id",
    pejabat=(
        Pejabat("Kasi Pelayanan Umum", "YULI ANDRIANI, S.Sos.", "Penata (III/c)", "198607152010012009"),
        Pejabat("Sekretaris Kecamatan", "HENDRO WIBOWO, S.STP., M.Si.", "Pembina (IV/a)",
                "197911032000031002"),
        Pejabat("Kasubag Perencanaan dan Keuangan", "SITI AMINAH, S.E.", "Penata (III/c)",
                "198504122010012007"),
    ),
)

SASARAN_1 = "Meningkatnya kualitas pelayanan publik di kecamatan"
SASARAN_2 = "Meningkatnya akuntabilitas kinerja kecamatan"


def _q(*values: str | None) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
    padded = [D(v) if v is not None else None for v in values] + [None] * (4 - len(values))
    return (padded[0], padded[1], padded[2], padded[3])


def _analisis(**written: tuple[str, str]) -> PerPeriode:
    """The analysis written for each named period (``tw1=(permasalahan, rencana aksi)``)."""
    analisis = NO_CATATAN
    for key, (permasalahan, rencana_aksi) in written.items():
        analisis = with_catatan(analisis, Periode(key.upper()), permasalahan=permasalahan, rencana_aksi=rencana_aksi)
    return analisis


INDICATORS: list[Indicator] = [
    Indicator(
        kode="IKU 1.1", jenis=Jenis.IKU, sasaran=SASARAN_1,
        nama="Indeks Kepuasan Masyarakat (IKM) pelayanan PATEN", satuan="Indeks",
        polaritas=Polaritas.POSITIF, agregasi=Agregasi.AKHIR, target_tahunan=D("85"),
        target_tw=_q("82", "83", "84", "85"), realisasi_tw=_q("83.4", "84.15"),
        penanggung_jawab="Kasi Pelayanan Umum",
        pagu=D("125000000"), realisasi_anggaran=D("54250000"), target_akhir_renstra=D("88"),
    ),
    Indicator(
        kode="IKU 1.2", jenis=Jenis.IKU, sasaran=SASARAN_1,
        nama="Persentase layanan administrasi selesai tepat waktu", satuan="%",
        polaritas=Polaritas.POSITIF, agregasi=Agregasi.RATA_RATA, target_tahunan=D("95"),
        target_tw=_q("95", "95", "95", "95"), realisasi_tw=_q("88", "86.5"),
        penanggung_jawab="Kasi Pelayanan Umum",
        analisis=_analisis(
            tw1=("Antrean loket menumpuk pada awal tahun karena aplikasi layanan baru diperkenalkan.",
                 "Pendampingan petugas loket oleh operator aplikasi selama dua minggu."),
            tw2=("Jaringan internet di kantor kecamatan sering terputus.\n"
                 "Petugas loket hanya dua orang pada hari pasar.",
                 "Mengajukan penambahan bandwidth ke Dinas Kominfo.\n"
                 "Menjadwalkan petugas cadangan pada hari pasar."),
        ),
    ),
    Indicator(
        kode="IKU 1.3", jenis=Jenis.IKU, sasaran=SASARAN_1,
        nama="Jumlah pengaduan masyarakat yang belum ditindaklanjuti", satuan="pengaduan",
        polaritas=Polaritas.NEGATIF, agregasi=Agregasi.JUMLAH, target_tahunan=D("8"),
        target_tw=_q("2", "2", "2", "2"), realisasi_tw=_q("1", "2"),
        penanggung_jawab="Sekretaris Kecamatan",
    ),
    Indicator(
        kode="IKU 2.1", jenis=Jenis.IKU, sasaran=SASARAN_2,
        nama="Nilai evaluasi SAKIP kecamatan", satuan="Nilai",
        polaritas=Polaritas.POSITIF, agregasi=Agregasi.AKHIR, target_tahunan=D("70"),
        target_tw=_q("65", "66", "68", "70"), realisasi_tw=_q("62.5", "52.5"),
        penanggung_jawab="Sekretaris Kecamatan",
        pagu=D("48500000"), realisasi_anggaran=D("12125000"),
        analisis=_analisis(
            tw1=("Hasil evaluasi SAKIP tahun lalu belum ditindaklanjuti seluruhnya.",
                 "Rencana tindak lanjut rekomendasi evaluasi disusun bersama Inspektorat."),
            tw2=("Dokumen Renstra belum memuat indikator yang SMART.",
                 "Reviu Renstra bersama Bagian Organisasi pada Triwulan III."),
        ),
    ),
    Indicator(
        kode="IKU 2.2", jenis=Jenis.IKU, sasaran=SASARAN_2,
        nama="Jumlah dokumen perencanaan dan pelaporan kinerja yang disusun tepat waktu",
        satuan="dokumen",
        polaritas=Polaritas.POSITIF, agregasi=Agregasi.JUMLAH, target_tahunan=D("6"),
        target_tw=_q("2", "1", "1", "2"), realisasi_tw=_q("2", "2"),
        penanggung_jawab="Kasubag Perencanaan dan Keuangan",
    ),
]
