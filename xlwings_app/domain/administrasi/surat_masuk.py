"""The register of incoming letters and their dispositions, and the SOP steps each letter answers.

A letter received by the unit is written in the buku agenda and goes to the head with a Lembar
Disposisi (Permendagri 54/2009, Tata Naskah Dinas di Lingkungan Pemerintah Daerah: surat dari,
nomor and tanggal surat, diterima tanggal, nomor agenda, sifat, hal, diteruskan kepada, isi
disposisi, paraf and tanggal of the official who disposes). The register keeps one row per
disposition: a letter disposed twice (Camat to Sekretaris, Sekretaris to the Kasubbag) has two
rows with the same Nomor Surat and Dari, which must agree on the letter's own fields.

The SOPs name two kinds of such letters (``JenisSurat``):
- the Surat Edaran from Bappeda that starts a cycle: received, forwarded, disposed (Prosedur
  Penyusunan Pengukuran and Perencanaan Kinerja, steps 1-3), the Camat's order to the Sekretaris
  (Tim SAKIP Pengukuran and Pengumpulan Data, step 1, Output "Surat Disposisi");
- the report a Sekretaris sends up to the Camat with a Lembar Disposisi (Tim SAKIP Pengukuran steps
  8-9, Pengumpulan Data steps 10-11, Output "Lembar Disposisi", "Disposisi Camat").
``ATURAN_SURAT`` finds those steps in a unit's SOP by their words (``langkah.cari_langkah``) and
says which recorded moment dates each: every one of them is a single act on paper, so it gives the
step's Selesai only (``langkah`` module docstring). Forwarding a letter records no moment of its
own: that step is answered by the letter but stamped by the person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from xlwings_app.domain.administrasi.langkah import Stempel, cari_langkah, normal, stempel, urutan
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.sop.log import Moment, is_before
from xlwings_app.domain.sop.model import Sop, Step


class JenisSurat(StrEnum):
    """The kinds of letters the SOPs name."""

    SURAT_EDARAN = "Surat Edaran"
    LAPORAN_PENGUKURAN = "Laporan Hasil Pengukuran Kinerja"
    LAPORAN_PENGUMPULAN = "Laporan Hasil Pengumpulan Data Kinerja"
    LAINNYA = "Lainnya"


SIFAT = ("Biasa", "Segera", "Sangat Segera", "Rahasia")
"""The Sifat a Lembar Disposisi offers (Permendagri 54/2009)."""

LABELS: dict[str, str] = {
    "nomor": "Nomor Surat",
    "tanggal": "Tanggal Surat",
    "dari": "Dari",
    "hal": "Hal",
    "jenis": "Jenis",
    "diterima": "Tanggal Terima",
    "no_agenda": "No. Agenda",
    "sifat": "Sifat",
    "disposisi_dari": "Disposisi Dari",
    "disposisi_kepada": "Disposisi Kepada",
    "isi_disposisi": "Isi Disposisi",
    "tanggal_disposisi": "Tanggal Disposisi",
    "batas_waktu": "Batas Waktu",
}
"""Column labels of the register, by field (the messages name them)."""

_LETTER_FIELDS = ("tanggal", "hal", "jenis", "diterima", "no_agenda", "sifat")


@dataclass(frozen=True)
class BarisRegister:
    """One row of the register: a letter and one disposition of it, typed (None: blank)."""

    nomor: str
    tanggal: date | None
    dari: str
    hal: str
    jenis: JenisSurat | None = None
    diterima: Moment | None = None
    no_agenda: str = ""
    sifat: str = ""
    disposisi_dari: str = ""
    disposisi_kepada: str = ""
    isi_disposisi: str = ""
    tanggal_disposisi: Moment | None = None
    batas_waktu: date | None = None
    sheet: str | None = field(default=None, compare=False)
    baris: int | None = field(default=None, compare=False)
    cells: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def ada_disposisi(self) -> bool:
        return any((self.disposisi_kepada.strip(), self.isi_disposisi.strip(), self.tanggal_disposisi,
                    self.batas_waktu))  # fmt: skip


@dataclass(frozen=True)
class Disposisi:
    """One disposition: from whom, to whom, what, when, by when."""

    dari: str
    kepada: str
    isi: str
    tanggal: Moment | None
    batas_waktu: date | None
    baris: int | None = None


@dataclass(frozen=True)
class SuratMasuk:
    """A letter with its dispositions in register order: what a Lembar Disposisi prints."""

    nomor: str
    tanggal: date | None
    dari: str
    hal: str
    jenis: JenisSurat
    diterima: Moment | None
    no_agenda: str
    sifat: str
    disposisi: tuple[Disposisi, ...]
    baris: tuple[int, ...] = ()

    @property
    def batas_waktu(self) -> date | None:
        """The earliest deadline its dispositions set (the date a Program Kerja is measured against)."""
        dates = [d.batas_waktu for d in self.disposisi if d.batas_waktu is not None]
        return min(dates) if dates else None


def jenis_surat(text: str) -> JenisSurat | None:
    """The kind a register cell names ("surat edaran", "Laporan Hasil Pengukuran Kinerja"), or None."""
    wanted = normal(text)
    return next((j for j in JenisSurat if normal(j.value) == wanted), None)


def tebak_jenis(dari: str, hal: str) -> JenisSurat:
    """The kind a row without Jenis most likely is: a letter from Bappeda whose Hal names a Surat
    Edaran, or a report whose Hal names Hasil Pengukuran / Pengumpulan Data; else Lainnya."""
    text = normal(f"{dari} {hal}")
    if "edaran" in text:
        return JenisSurat.SURAT_EDARAN
    if "hasil pengumpulan data" in text:
        return JenisSurat.LAPORAN_PENGUMPULAN
    if "hasil pengukuran" in text:
        return JenisSurat.LAPORAN_PENGUKURAN
    return JenisSurat.LAINNYA


def periksa_register(rows: Sequence[BarisRegister]) -> list[Problem]:
    """Every problem of the register, all at once, each naming its row and column.

    Rules: Nomor Surat, Tanggal Surat, Dari and Hal are filled (galat); Sifat is one of ``SIFAT``;
    the letter is not received before it is dated, not disposed before it is received (nor before
    it is dated), and its Batas Waktu is not before its date; a disposition has a Disposisi Kepada;
    rows of the same letter (same Nomor Surat and Dari) agree on the letter's own fields; the same
    disposition written twice is a warning.
    """
    problems: list[Problem] = []
    for row in rows:
        problems += _row_problems(row)
    seen: dict[tuple[str, str], BarisRegister] = {}
    dispositions: dict[tuple[str, str, str, str], BarisRegister] = {}
    for row in rows:
        key = (normal(row.nomor), normal(row.dari))
        if not all(key):
            continue
        first = seen.setdefault(key, row)
        if first is not row:
            for name in _LETTER_FIELDS:
                a, b = getattr(first, name), getattr(row, name)
                if _given(a) and _given(b) and a != b:
                    problems.append(_at(row, name, f"{LABELS[name]} surat {row.nomor} berbeda dengan baris "
                                                   f"{first.baris} ({_shown(a)}): satu surat, satu isian.", b))
        if row.ada_disposisi:
            same = (*key, normal(row.disposisi_kepada), normal(row.isi_disposisi))
            other = dispositions.setdefault(same, row)
            if other is not row:
                problems.append(_at(row, "disposisi_kepada", f"Disposisi surat {row.nomor} kepada "
                                    f"{row.disposisi_kepada} sudah tertulis di baris {other.baris}.",
                                    row.disposisi_kepada, "peringatan"))  # fmt: skip
    return problems


def _row_problems(row: BarisRegister) -> list[Problem]:
    problems: list[Problem] = []
    for name in ("nomor", "dari", "hal"):
        if not getattr(row, name).strip():
            problems.append(_at(row, name, f"{LABELS[name]} kosong: setiap surat dicatat dengan nomor, "
                                           "tanggal, pengirim dan halnya.", None))  # fmt: skip
    if row.tanggal is None:
        problems.append(_at(row, "tanggal", "Tanggal Surat kosong: isi tanggal yang tertulis pada surat.", None))
    if row.sifat.strip() and normal(row.sifat) not in {normal(s) for s in SIFAT}:
        problems.append(_at(row, "sifat", f"Sifat \"{row.sifat}\" tidak dikenal: pilih {', '.join(SIFAT)}.", row.sifat))
    if row.tanggal is not None and row.diterima is not None and is_before(row.diterima, row.tanggal):
        problems.append(_at(row, "diterima", f"Tanggal Terima ({_shown(row.diterima)}) lebih awal dari Tanggal "
                                             f"Surat ({_shown(row.tanggal)}).", row.diterima))  # fmt: skip
    received = row.diterima if row.diterima is not None else row.tanggal
    if row.tanggal_disposisi is not None and received is not None and is_before(row.tanggal_disposisi, received):
        label = LABELS["diterima" if row.diterima is not None else "tanggal"]
        problems.append(_at(row, "tanggal_disposisi", f"Tanggal Disposisi ({_shown(row.tanggal_disposisi)}) lebih "
                            f"awal dari {label} ({_shown(received)}).", row.tanggal_disposisi))  # fmt: skip
    if row.batas_waktu is not None and row.tanggal is not None and row.batas_waktu < row.tanggal:
        problems.append(_at(row, "batas_waktu", f"Batas Waktu ({_shown(row.batas_waktu)}) lebih awal dari Tanggal "
                                                f"Surat ({_shown(row.tanggal)}).", row.batas_waktu))  # fmt: skip
    if row.ada_disposisi and not row.disposisi_kepada.strip():
        problems.append(_at(row, "disposisi_kepada", "Disposisi Kepada kosong: tulis kepada siapa surat "
                                                     "didisposisikan.", None))  # fmt: skip
    return problems


def surat_masuk(rows: Sequence[BarisRegister]) -> tuple[SuratMasuk, ...]:
    """The letters of the register, in order of first row, each with its dispositions in row order.

    A row's blank letter field takes the value another row of the same letter gives; a row without
    Jenis takes ``tebak_jenis``.
    """
    groups: dict[tuple[str, str], list[BarisRegister]] = {}
    for row in rows:
        groups.setdefault((normal(row.nomor), normal(row.dari)), []).append(row)
    letters: list[SuratMasuk] = []
    for group in groups.values():
        head = group[0]

        def first(name: str, group: list[BarisRegister] = group) -> object:
            return next((v for r in group if _given(v := getattr(r, name))), None)

        jenis = first("jenis")
        hal = str(first("hal") or head.hal)
        letters.append(SuratMasuk(
            nomor=head.nomor, tanggal=_date(first("tanggal")), dari=head.dari, hal=hal,
            jenis=jenis if isinstance(jenis, JenisSurat) else tebak_jenis(head.dari, hal),
            diterima=_moment(first("diterima")), no_agenda=str(first("no_agenda") or ""),
            sifat=str(first("sifat") or ""),
            disposisi=tuple(Disposisi(r.disposisi_dari, r.disposisi_kepada, r.isi_disposisi, r.tanggal_disposisi,
                                      r.batas_waktu, r.baris) for r in group if r.ada_disposisi),
            baris=tuple(r.baris for r in group if r.baris is not None),
        ))  # fmt: skip
    return tuple(letters)


Saat = Literal["diterima", "disposisi", "tanggal"]


@dataclass(frozen=True)
class AturanSurat:
    """A step a kind of letter answers: the phrases that find it, and the moment that dates it."""

    jenis: JenisSurat
    kata: tuple[str, ...]
    saat: Saat | None
    sumber: str


ATURAN_SURAT: tuple[AturanSurat, ...] = (
    AturanSurat(JenisSurat.SURAT_EDARAN, ("menerima surat edaran",), "diterima",
                "Penyusunan Pengukuran Kinerja 1, Penyusunan Perencanaan Kinerja 1"),
    AturanSurat(JenisSurat.SURAT_EDARAN, ("meneruskan surat",), None,
                "Penyusunan Pengukuran Kinerja 2, Penyusunan Perencanaan Kinerja 2"),
    AturanSurat(JenisSurat.SURAT_EDARAN, ("mendisposisikan surat",), "disposisi",
                "Penyusunan Pengukuran Kinerja 3, Penyusunan Perencanaan Kinerja 3"),
    AturanSurat(JenisSurat.SURAT_EDARAN, ("memerintahkan sekretaris", "surat disposisi"), "disposisi",
                "Tim SAKIP Pengukuran Kinerja 1, Pengumpulan Data Kinerja 1"),
    AturanSurat(JenisSurat.LAPORAN_PENGUKURAN, ("menganalisa hasil rekapitulasi pengukuran", "lembar disposisi"),
                "tanggal", "Tim SAKIP Pengukuran Kinerja 8"),
    AturanSurat(JenisSurat.LAPORAN_PENGUKURAN, ("melaporkan data pengukuran kinerja kepada camat",), "disposisi",
                "Tim SAKIP Pengukuran Kinerja 9"),
    AturanSurat(JenisSurat.LAPORAN_PENGUMPULAN, ("menganalisa laporan hasil pengumpulan",), "tanggal",
                "Tim SAKIP Pengumpulan Data Kinerja 10"),
    AturanSurat(JenisSurat.LAPORAN_PENGUMPULAN, ("melaporkan hasil pengumpulan data kinerja kepada camat",),
                "disposisi", "Tim SAKIP Pengumpulan Data Kinerja 11"),
)  # fmt: skip
"""Which steps each kind of letter answers; the source names the seed SOP and step."""


def langkah_surat(sop: Sop, jenis: JenisSurat) -> tuple[tuple[Step, AturanSurat], ...]:
    """The steps of ``sop`` a letter of ``jenis`` answers, in step order, each with its rule."""
    found: dict[int, tuple[Step, AturanSurat]] = {}
    for aturan in ATURAN_SURAT:
        if aturan.jenis is jenis and (step := cari_langkah(sop, aturan.kata)) is not None:
            found.setdefault(step.no, (step, aturan))
    return tuple(found[no] for no in sorted(found))


def stempel_surat(sop: Sop, surat: SuratMasuk) -> tuple[Stempel, ...]:
    """The Selesai each answered step of ``sop`` gets from ``surat`` (a step without a recorded
    moment gets none). A step dated by a disposition takes the earliest one: a letter goes to the
    head of the unit first, who disposes it down (the Camat's disposition, "Disposisi Camat")."""
    stamps: list[Stempel] = []
    for step, aturan in langkah_surat(sop, surat.jenis):
        moment = _moment_of(surat, aturan.saat)
        sumber = f"{surat.jenis.value} nomor {surat.nomor}, register surat"
        if (stamp := stempel(sop, step, None, moment, sumber)) is not None:
            stamps.append(stamp)
    return tuple(stamps)


def _moment_of(surat: SuratMasuk, saat: Saat | None) -> Moment | None:
    if saat == "diterima":
        return surat.diterima
    if saat == "tanggal":
        return surat.tanggal
    if saat == "disposisi":
        dated = [d.tanggal for d in surat.disposisi if d.tanggal is not None]
        return min(dated, key=urutan) if dated else None
    return None


def _given(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _moment(value: object) -> Moment | None:
    return value if isinstance(value, date) else None


def _shown(value: object) -> str:
    if isinstance(value, datetime):
        return f"{value:%d-%m-%Y %H.%M}"
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    return str(value)


def _at(row: BarisRegister, name: str, pesan: str, nilai: object, tingkat: Tingkat = "galat") -> Problem:
    return Problem(pesan, row.sheet, row.baris, LABELS[name], row.cells.get(name), nilai, tingkat=tingkat)
