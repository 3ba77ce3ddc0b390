"""Notulen Rapat: the record of the Sekretaris's meeting with the Tim SAKIP (Tim SAKIP SOPs, step 2).

Seed SOP Pengukuran and Pengumpulan Data Kinerja, step 2: "Sekretaris melakukan rapat dengan Tim
SAKIP untuk memberikan arahan pelaksanaan kegiatan", Output "Notulen Rapat" (and the next step's
Kelengkapan). A notulen (Permendagri 54/2009, Tata Naskah Dinas di Lingkungan Pemerintah Daerah:
notula) names the meeting, its day and date, time, place, agenda, who led it, who took the notes
and who attended, then what was discussed and decided, and is signed by the leader and the
notulis. Kinerja fills what the workbook knows:

- the agenda from the SOP step whose Output is the Notulen Rapat: the purpose its Kegiatan states
  (the words after "untuk"), else the whole Kegiatan;
- the leader: the official of sheet Pejabat who holds the step's Pelaksana role (the Sekretaris);
- the participants: the other officials of sheet Pejabat, unless the office lists them;
- places for what was discussed, decided and followed up, left for the meeting to write
  (``baris_kosong`` lines each), filled in when the signed notulen is typed back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from xlwings_app.domain.administrasi.langkah import cari_langkah, normal, pejabat_peran, sama_pejabat
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.profil import SHEET_PEJABAT, Pejabat
from xlwings_app.domain.sop.model import Sop, Step

KELUARAN = ("notulen rapat",)
"""The phrase that finds the meeting step in an SOP's Output column."""


@dataclass(frozen=True)
class TindakLanjut:
    """A follow-up decided in the meeting: what, by whom, by when."""

    uraian: str
    penanggung_jawab: str = ""
    batas_waktu: date | None = None


@dataclass(frozen=True)
class NotulenRapat:
    """One meeting's notulen, as printed and as typed back after signing."""

    unit: str
    sop: str
    langkah: int
    agenda: str
    tanggal: date
    tempat: str
    pimpinan: Pejabat
    peserta: tuple[Pejabat, ...]
    waktu: time | None = None
    notulis: Pejabat | None = None
    dasar: str = ""
    """What called the meeting, e.g. "Disposisi Camat atas Surat Edaran Bappeda nomor ..."."""
    pembahasan: tuple[str, ...] = ()
    keputusan: tuple[str, ...] = ()
    tindak_lanjut: tuple[TindakLanjut, ...] = ()
    baris_kosong: int = 5
    """Blank lines printed under Pembahasan, Keputusan and Tindak Lanjut when they are empty."""


def langkah_rapat(sop: Sop) -> Step | None:
    """The step of ``sop`` whose Output is the Notulen Rapat, or None."""
    return cari_langkah(sop, KELUARAN, "output")


def agenda_dari(step: Step) -> str:
    """The meeting's agenda from its step: the purpose after "untuk", capitalised; else the Kegiatan.

    "Sekretaris melakukan rapat dengan Tim SAKIP untuk memberikan arahan pelaksanaan kegiatan
    pengumpulan data kinerja" -> "Memberikan arahan pelaksanaan kegiatan pengumpulan data kinerja".
    """
    text = " ".join(step.kegiatan.split())
    _, found, purpose = text.partition(" untuk ")
    agenda = purpose if found and purpose else text
    return agenda[:1].upper() + agenda[1:]


def notulen_rapat(
    sop: Sop,
    pejabat: Sequence[Pejabat],
    unit: str,
    tanggal: date,
    tempat: str,
    *,
    waktu: time | None = None,
    pimpinan: Pejabat | None = None,
    peserta: Sequence[Pejabat] | None = None,
    notulis: Pejabat | None = None,
    dasar: str = "",
    baris_kosong: int = 5,
) -> tuple[NotulenRapat | None, list[Problem]]:
    """The notulen of ``sop``'s meeting step, filled from the workbook (rules in the module docstring).

    Problems (galat): no meeting step in the SOP, no official holding the step's role when no
    leader is given, no participant, no place.
    """
    step = langkah_rapat(sop)
    if step is None:
        return None, [Problem(f'SOP {sop.nama} tidak punya langkah rapat (Output "Notulen Rapat").', kolom="Output")]
    problems: list[Problem] = []
    if pimpinan is None:
        holders = [p for role in step.pelaksana for p in pejabat_peran(pejabat, role)]
        pimpinan = holders[0] if holders else None
    if pimpinan is None:
        roles = ", ".join(step.pelaksana) or "(kosong)"
        problems.append(Problem(f"Pimpinan rapat tidak ditemukan: tidak ada pejabat berjabatan {roles} "
                                f"di sheet {SHEET_PEJABAT}.", SHEET_PEJABAT, kolom="Jabatan"))  # fmt: skip
        pimpinan = Pejabat(step.pelaksana[0] if step.pelaksana else "", "")
    chosen = tuple(peserta) if peserta is not None else tuple(p for p in pejabat if not sama_pejabat(p, pimpinan))
    if not chosen:
        problems.append(Problem(f"Peserta rapat kosong: isi sheet {SHEET_PEJABAT} atau sebutkan pesertanya.", SHEET_PEJABAT))
    if not tempat.strip():
        problems.append(Problem("Tempat rapat kosong: tulis ruang rapatnya.", kolom="Tempat"))
    notulen = NotulenRapat(
        unit=unit, sop=sop.nama, langkah=step.no, agenda=agenda_dari(step), tanggal=tanggal, tempat=tempat,
        pimpinan=pimpinan, peserta=chosen, waktu=waktu, notulis=notulis, dasar=dasar, baris_kosong=baris_kosong,
    )  # fmt: skip
    return notulen, problems


def periksa_notulen(notulen: NotulenRapat, *, ditandatangani: bool, sheet: str | None = None) -> list[Problem]:
    """What a notulen lacks. Always: Tempat, Pimpinan (nama), at least one Peserta, every Tindak Lanjut
    with its Uraian and a Batas Waktu not before the meeting. A signed notulen (typed back for the
    archive) also needs at least one Keputusan: a meeting that gave directions decided something.
    A participant named twice is a warning."""
    problems: list[Problem] = []

    def add(kolom: str, pesan: str, nilai: object = None, tingkat: Tingkat = "galat") -> None:
        problems.append(Problem(pesan, sheet, kolom=kolom, nilai=nilai, tingkat=tingkat))

    if not notulen.tempat.strip():
        add("Tempat", "Tempat rapat kosong.")
    if not notulen.pimpinan.nama.strip():
        add("Pimpinan Rapat", f"Nama pimpinan rapat ({notulen.pimpinan.jabatan or 'jabatan kosong'}) kosong.")
    if not notulen.peserta:
        add("Peserta", "Peserta rapat kosong.")
    if ditandatangani and not any(k.strip() for k in notulen.keputusan):
        add("Keputusan", "Keputusan rapat belum diisi: notulen yang ditandatangani memuat apa yang diputuskan.")
    for n, item in enumerate(notulen.tindak_lanjut, start=1):
        if not item.uraian.strip():
            add("Tindak Lanjut", f"Tindak lanjut {n}: uraian kosong.")
        if item.batas_waktu is not None and item.batas_waktu < notulen.tanggal:
            add("Batas Waktu", f"Tindak lanjut {n}: batas waktu {item.batas_waktu:%d-%m-%Y} sebelum tanggal rapat "
                               f"{notulen.tanggal:%d-%m-%Y}.", item.batas_waktu)  # fmt: skip
    names = [normal(p.nama) for p in notulen.peserta if p.nama.strip()]
    doubled = sorted({n for n in names if names.count(n) > 1})
    if doubled:
        add("Peserta", f"Peserta tertulis dua kali: {', '.join(doubled)}.", tingkat="peringatan")
    return problems
