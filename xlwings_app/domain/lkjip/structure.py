"""The LKjIP's structure as data: its sections in PermenPANRB 53/2014's order, and in each the pieces
Kinerja drafts from the data and those a person must write.

Rule (PermenPANRB 53/2014, Lampiran: format of the Laporan Kinerja; the same order in the Laporan
Kinerja of kecamatan and dinas): Ikhtisar Eksekutif; BAB I Pendahuluan ("penjelasan umum
organisasi, dengan penekanan kepada aspek strategis organisasi serta permasalahan utama"); BAB II
Perencanaan Kinerja ("ringkasan/ikhtisar perjanjian kinerja tahun yang bersangkutan", with the
Renstra it serves); BAB III Akuntabilitas Kinerja: A. Capaian Kinerja Organisasi, for each sasaran
strategis (1) target and realisasi this year, (2) realisasi and capaian against last year and the
years before, (3) realisasi up to this year against the Renstra's end target, (4) against a
national standard where one exists, (5) causes of success or failure and the solutions taken,
(6) efficiency of the resources used, (7) the programs and kegiatan behind it; B. Realisasi
Anggaran; BAB IV Penutup ("simpulan umum atas capaian kinerja organisasi serta langkah di masa
mendatang"); Lampiran: the Perjanjian Kinerja and others.

Each piece (``Slot``) is a paragraph, a table or a chart, drafted from the data (``Sumber.DATA``)
or written by a person (``Sumber.TULISAN``). A written piece marked ``wajib`` is required before a
final LKjIP (``domain.lkjip.written.missing_required``); a piece marked ``per_sasaran`` is repeated,
drafted or written, once for each sasaran.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum


class Sumber(StrEnum):
    """Where a piece's content comes from."""

    DATA = "Dari data"
    TULISAN = "Ditulis"


class Bentuk(StrEnum):
    """What a piece is on the page."""

    PARAGRAF = "Paragraf"
    TABEL = "Tabel"
    GRAFIK = "Grafik"


@dataclass(frozen=True)
class Slot:
    """One piece of a section: ``kunci`` its key, ``nama`` its name (in a placeholder and the final
    gate), ``isi`` what goes in."""

    kunci: str
    nama: str
    sumber: Sumber
    isi: str
    bentuk: Bentuk = Bentuk.PARAGRAF
    wajib: bool = False
    per_sasaran: bool = False


@dataclass(frozen=True)
class Section:
    """A section: ``nomor`` as printed ("BAB I", "A.", "(1)"), its title, what the regulation says it
    holds (``uraian``), its pieces and its sub-sections."""

    kunci: str
    nomor: str
    judul: str
    uraian: str = ""
    slots: tuple[Slot, ...] = ()
    sub: tuple[Section, ...] = ()
    per_sasaran: bool = False

    @property
    def label(self) -> str:
        """"BAB I Pendahuluan", "C. Aspek Strategis Organisasi", "Ikhtisar Eksekutif"."""
        return f"{self.nomor} {self.judul}" if self.nomor else self.judul


D, T = Sumber.DATA, Sumber.TULISAN
TABEL, GRAFIK = Bentuk.TABEL, Bentuk.GRAFIK


def _sasaran_item(nomor: str, judul: str, *slots: Slot) -> Section:
    """One of BAB III A.'s items (1) to (7), repeated for each sasaran."""
    return Section(f"bab3.a.{nomor}", f"({nomor})", judul, slots=slots, per_sasaran=True)


LKJIP: tuple[Section, ...] = (
    Section("ikhtisar", "", "Ikhtisar Eksekutif",
            "Uraian singkat tujuan dan sasaran, sejauh mana tercapai, kendala yang dihadapi dan langkah yang "
            "telah dilakukan serta langkah antisipatif untuk tahun mendatang.", (
                Slot("ikhtisar.ringkasan", "Ringkasan capaian", D,
                     "Sasaran dan indikator kinerja utama, jumlah indikator per predikat, rata-rata capaian, "
                     "indikator terjauh dari target, dan perubahan dibanding tahun lalu."),
                Slot("ikhtisar.kendala", "Kendala dan langkah yang telah dilakukan", D,
                     "Permasalahan dan rencana aksi yang dicatat pada analisis per triwulan."),
                Slot("ikhtisar.antisipasi", "Langkah antisipatif tahun mendatang", T,
                     "Langkah untuk menanggulangi kendala yang mungkin terjadi pada tahun mendatang."),
            )),
    Section("bab1", "BAB I", "Pendahuluan",
            "Penjelasan umum organisasi, dengan penekanan pada aspek strategis organisasi serta permasalahan "
            "utama (isu strategis) yang sedang dihadapi.", sub=(
                Section("bab1.a", "A.", "Gambaran Umum Organisasi", slots=(
                    Slot("bab1.organisasi", "Gambaran umum organisasi", T,
                         "Kedudukan, wilayah kerja dan susunan organisasi unit.", wajib=True),
                    Slot("bab1.pejabat", "Susunan pejabat", D, "Jabatan, nama dan pangkat dari sheet Pejabat.",
                         TABEL),
                )),
                Section("bab1.b", "B.", "Tugas dan Fungsi", slots=(
                    Slot("bab1.tugas_fungsi", "Tugas dan fungsi", T,
                         "Tugas dan fungsi menurut peraturan kepala daerah tentang kedudukan, susunan organisasi, "
                         "tugas dan fungsi unit.", wajib=True),
                )),
                Section("bab1.c", "C.", "Aspek Strategis Organisasi", slots=(
                    Slot("bab1.aspek_strategis", "Aspek strategis organisasi", T,
                         "Peran strategis unit bagi daerah dan masyarakat yang dilayaninya.", wajib=True),
                )),
                Section("bab1.d", "D.", "Permasalahan Utama", slots=(
                    Slot("bab1.permasalahan_utama", "Permasalahan utama (isu strategis)", T,
                         "Permasalahan utama yang sedang dihadapi organisasi.", wajib=True),
                )),
                Section("bab1.e", "E.", "Tindak Lanjut Hasil Evaluasi Tahun Lalu", slots=(
                    Slot("bab1.tindak_lanjut", "Tindak lanjut rekomendasi evaluasi LKjIP tahun lalu", T,
                         "Rekomendasi evaluasi akuntabilitas kinerja tahun lalu dan tindak lanjutnya (bila ada)."),
                )),
                Section("bab1.f", "F.", "Sistematika Penyajian", slots=(
                    Slot("bab1.sistematika", "Sistematika penyajian", D, "Susunan laporan ini."),
                )),
            )),
    Section("bab2", "BAB II", "Perencanaan Kinerja",
            "Ringkasan rencana strategis dan perjanjian kinerja tahun yang bersangkutan.", sub=(
                Section("bab2.a", "A.", "Rencana Strategis", slots=(
                    Slot("bab2.renstra", "Ringkasan Renstra", D,
                         "Periode Renstra, jumlah sasaran dan indikator kinerja utama."),
                    Slot("bab2.renstra.tabel", "Tabel sasaran, indikator dan target akhir Renstra", D,
                         "Sasaran, indikator, satuan dan target akhir Renstra.", TABEL),
                )),
                Section("bab2.b", "B.", "Perjanjian Kinerja", slots=(
                    Slot("bab2.pk", "Ringkasan Perjanjian Kinerja", D,
                         "Jumlah sasaran, indikator dan program dalam Perjanjian Kinerja tahun ini."),
                    Slot("bab2.pk.tabel", "Tabel Perjanjian Kinerja", D,
                         "Sasaran, indikator dan target tahun ini; program dan anggarannya.", TABEL),
                )),
            )),
    Section("bab3", "BAB III", "Akuntabilitas Kinerja", sub=(
        Section("bab3.a", "A.", "Capaian Kinerja Organisasi",
                "Capaian kinerja setiap sasaran strategis sesuai hasil pengukuran kinerja, dengan analisis "
                "butir (1) sampai (7) untuk setiap sasaran.", (
                    Slot("bab3.a.ringkasan", "Ringkasan capaian kinerja organisasi", D,
                         "Jumlah indikator per predikat, rata-rata capaian, indikator terjauh dari target."),
                    Slot("bab3.a.tabel", "Tabel capaian seluruh indikator kinerja utama", D,
                         "Per sasaran: indikator, target, realisasi, capaian dan predikat tahun ini.", TABEL),
                ), (
                    _sasaran_item("1", "Target dan Realisasi Kinerja Tahun Ini",
                                  Slot("bab3.a.1", "Target dan realisasi tahun ini", D,
                                       "Target, realisasi, capaian dan predikat setiap indikator sasaran.",
                                       per_sasaran=True),
                                  Slot("bab3.a.1.tabel", "Tabel target dan realisasi", D,
                                       "Indikator, target, realisasi, capaian, predikat.", TABEL, per_sasaran=True)),
                    _sasaran_item("2", "Dibandingkan dengan Tahun Lalu dan Beberapa Tahun Terakhir",
                                  Slot("bab3.a.2", "Perbandingan dengan tahun-tahun sebelumnya", D,
                                       "Indikator yang naik dan turun dibanding tahun lalu, dengan angkanya.",
                                       per_sasaran=True),
                                  Slot("bab3.a.2.tabel", "Tabel capaian beberapa tahun", D,
                                       "Target, realisasi dan capaian setiap tahun Renstra sampai tahun ini.",
                                       TABEL, per_sasaran=True),
                                  Slot("bab3.a.2.grafik", "Grafik capaian beberapa tahun", D,
                                       "Capaian setiap indikator per tahun.", GRAFIK, per_sasaran=True)),
                    _sasaran_item("3", "Dibandingkan dengan Target Akhir Renstra",
                                  Slot("bab3.a.3", "Kemajuan terhadap target akhir Renstra", D,
                                       "Realisasi sampai dengan tahun ini terhadap target jangka menengah.",
                                       per_sasaran=True),
                                  Slot("bab3.a.3.tabel", "Tabel kemajuan Renstra", D,
                                       "Target akhir, realisasi sampai dengan tahun ini, kemajuan (%).", TABEL,
                                       per_sasaran=True)),
                    _sasaran_item("4", "Dibandingkan dengan Standar Nasional",
                                  Slot("bab3.a.4", "Perbandingan dengan standar nasional", D,
                                       "Realisasi tahun ini terhadap standar nasional, bila ada.", per_sasaran=True),
                                  Slot("bab3.a.4.tabel", "Tabel standar nasional", D,
                                       "Indikator, realisasi, standar nasional dan sumbernya.", TABEL,
                                       per_sasaran=True)),
                    _sasaran_item("5", "Penyebab Keberhasilan atau Kegagalan dan Alternatif Solusi",
                                  Slot("bab3.a.5.catatan", "Faktor dan rencana aksi yang dicatat", D,
                                       "Faktor pendukung dan penghambat serta rencana aksi yang dicatat per "
                                       "triwulan.", per_sasaran=True),
                                  Slot("bab3.a.5.analisis", "Analisis penyebab keberhasilan/kegagalan dan "
                                       "alternatif solusi", T,
                                       "Mengapa target tercapai atau tidak, dan solusi yang telah dilakukan.",
                                       wajib=True, per_sasaran=True)),
                    _sasaran_item("6", "Efisiensi Penggunaan Sumber Daya",
                                  Slot("bab3.a.6", "Efisiensi penggunaan sumber daya", D,
                                       "Serapan anggaran dibandingkan capaian kinerja, bila anggaran dicatat.",
                                       per_sasaran=True)),
                    _sasaran_item("7", "Program dan Kegiatan Penunjang",
                                  Slot("bab3.a.7", "Program dan kegiatan penunjang", D,
                                       "Program yang mendukung sasaran dengan pagu, serapan dan capaiannya.",
                                       per_sasaran=True),
                                  Slot("bab3.a.7.analisis", "Analisis program dan kegiatan penunjang", T,
                                       "Program atau kegiatan yang paling menentukan keberhasilan atau kegagalan.",
                                       per_sasaran=True)),
                )),
        Section("bab3.b", "B.", "Realisasi Anggaran",
                "Realisasi anggaran yang digunakan untuk mewujudkan kinerja sesuai Perjanjian Kinerja.", (
                    Slot("bab3.b", "Realisasi anggaran", D, "Pagu, realisasi dan serapan seluruh program."),
                    Slot("bab3.b.tabel", "Tabel realisasi anggaran per program", D,
                         "Program, pagu, realisasi, serapan, capaian dan efisiensi.", TABEL),
                )),
    )),
    Section("bab4", "BAB IV", "Penutup",
            "Simpulan umum atas capaian kinerja organisasi serta langkah di masa mendatang untuk meningkatkan "
            "kinerja.", (
                Slot("bab4.simpulan", "Simpulan", D, "Simpulan umum capaian kinerja tahun ini."),
                Slot("bab4.langkah", "Langkah di masa mendatang", T,
                     "Langkah yang akan dilakukan untuk meningkatkan kinerja tahun berikutnya.", wajib=True),
            )),
    Section("lampiran", "", "Lampiran", "Perjanjian Kinerja dan lain-lain yang dianggap perlu.", (
        Slot("lampiran.pk", "Perjanjian Kinerja", D, "Perjanjian Kinerja tahun ini dengan lampirannya.", TABEL),
        Slot("lampiran.pengukuran", "Pengukuran Kinerja tahunan", D,
             "Hasil pengukuran kinerja tahunan setiap indikator.", TABEL),
    )),
)  # fmt: skip
"""The sections in the order they are printed (module rule)."""


def walk(sections: tuple[Section, ...] = LKJIP) -> Iterator[tuple[Section, int]]:
    """Every section depth first in printed order, with its depth (0 for a BAB)."""
    stack = [(s, 0) for s in reversed(sections)]
    while stack:
        section, depth = stack.pop()
        yield section, depth
        stack.extend((s, depth + 1) for s in reversed(section.sub))


def slots(sumber: Sumber | None = None) -> tuple[Slot, ...]:
    """Every piece in printed order (of one ``sumber`` when given)."""
    return tuple(s for section, _ in walk() for s in section.slots if sumber is None or s.sumber is sumber)


def slot(kunci: str) -> Slot:
    """The piece ``kunci``; KeyError when there is none."""
    found = next((s for s in slots() if s.kunci == kunci), None)
    if found is None:
        raise KeyError(kunci)
    return found


def required() -> tuple[Slot, ...]:
    """The written pieces required before a final LKjIP, in printed order."""
    return tuple(s for s in slots(Sumber.TULISAN) if s.wajib)


def path(kunci: str) -> tuple[Section, ...]:
    """The sections from the BAB down to the one holding piece ``kunci``; KeyError when none holds it."""

    def search(sections: tuple[Section, ...], trail: tuple[Section, ...]) -> tuple[Section, ...] | None:
        for section in sections:
            here = (*trail, section)
            if any(s.kunci == kunci for s in section.slots):
                return here
            if found := search(section.sub, here):
                return found
        return None

    found = search(LKJIP, ())
    if found is None:
        raise KeyError(kunci)
    return found


def tempat(kunci: str) -> str:
    """Where piece ``kunci`` sits, as a reader finds it: "BAB I Pendahuluan, C. Aspek Strategis Organisasi"."""
    trail = path(kunci)
    return ", ".join(s.label for s in trail)
