"""An indicator (IKU or IKI) with its targets and realisasi, and the periods it is measured in."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Jenis(StrEnum):
    """IKU: the unit's key indicator; IKI: an official's own indicator, cascaded from an IKU."""

    IKU = "IKU"
    IKI = "IKI"


class Polaritas(StrEnum):
    """Higher is better (Positif) or lower is better (Negatif)."""

    POSITIF = "Positif"
    NEGATIF = "Negatif"


class Agregasi(StrEnum):
    """How triwulan values make a period's value (docs/domain.md, "From triwulan to year").

    Jumlah: cumulative counts, summed. Akhir: status values, the latest filled TW.
    Rata-rata: the mean of the filled TWs.
    """

    JUMLAH = "Jumlah"
    AKHIR = "Akhir"
    RATA_RATA = "Rata-rata"


class Periode(StrEnum):
    """A measurement period: cumulative up to a triwulan (s.d. TW n), or the year.

    ``TW2`` means "s.d. TW II", the period a quarterly Pengukuran Kinerja reports.
    """

    TW1 = "TW1"
    TW2 = "TW2"
    TW3 = "TW3"
    TW4 = "TW4"
    TAHUNAN = "TAHUNAN"

    @property
    def number(self) -> int:
        """1..5, the position used by the workbook's CHOOSE formulas."""
        return _PERIODE_NUMBER[self]

    @property
    def last_tw(self) -> int:
        """The last triwulan the period covers (the year covers all four)."""
        return min(_PERIODE_NUMBER[self], 4)

    @property
    def label(self) -> str:
        """Indonesian label: "Triwulan I", "s.d. Triwulan II", "Tahunan"."""
        return _PERIODE_LABEL[self]

    def dengan_tahun(self, tahun: int | str) -> str:
        """The period with its year: "s.d. Triwulan II Tahun 2024"; the yearly period is the year
        alone, "Tahun 2024" (never "Tahunan Tahun 2024")."""
        return f"Tahun {tahun}" if self is Periode.TAHUNAN else f"{self.label} Tahun {tahun}"

    @classmethod
    def parse(cls, text: str) -> Periode:
        """Accept "TW2", "tw 2", "II", "2", "tahunan", "tahun"; raise ValueError otherwise."""
        key = text.strip().upper().replace(" ", "").replace("TRIWULAN", "TW")
        aliases = {"TAHUN": "TAHUNAN", "TAHUNAN": "TAHUNAN", "I": "TW1", "II": "TW2",
                   "III": "TW3", "IV": "TW4", "1": "TW1", "2": "TW2", "3": "TW3", "4": "TW4",
                   "TWI": "TW1", "TWII": "TW2", "TWIII": "TW3", "TWIV": "TW4"}
        key = aliases.get(key, key)
        try:
            return cls(key)
        except ValueError:
            raise ValueError(
                f"Periode '{text}' tidak dikenal: gunakan TW1, TW2, TW3, TW4 atau TAHUNAN"
            ) from None


ANALISIS_FIELDS = ("permasalahan", "rencana_aksi", "faktor_pendukung", "faktor_penghambat", "alasan")
"""The fields of one period's analysis (``domain.analisis``), in the order their columns stand."""
FIELDS = ANALISIS_FIELDS
NO_ALASAN = (Periode.TAHUNAN,)
"""Periods without a reason column of their own (the year's realisasi is TW IV's)."""


@dataclass(frozen=True, slots=True)
class Catatan:
    """One indicator's analysis for one period ("" = not written)."""

    permasalahan: str = ""
    rencana_aksi: str = ""
    faktor_pendukung: str = ""
    faktor_penghambat: str = ""
    alasan: str = ""
    """Why the period's realisasi is blank (a final document accepts a blank realisasi only with it)."""

    @property
    def kosong(self) -> bool:
        return not any(getattr(self, f).strip() for f in ANALISIS_FIELDS)


KOSONG = Catatan()
PerPeriode = tuple[Catatan, Catatan, Catatan, Catatan, Catatan]
"""TW I, TW II, TW III, TW IV, Tahunan (``Periode`` order)."""
NO_CATATAN: PerPeriode = (KOSONG, KOSONG, KOSONG, KOSONG, KOSONG)


Quarterly = tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
NO_VALUES: Quarterly = (None, None, None, None)


@dataclass(frozen=True, slots=True, init=False)
class Indicator:
    """One row of the IKU or IKI table, with typed values (``None`` = not filled in)."""

    kode: str
    jenis: Jenis
    sasaran: str
    nama: str
    satuan: str
    polaritas: Polaritas
    agregasi: Agregasi
    target_tahunan: Decimal | None
    target_tw: Quarterly = NO_VALUES
    realisasi_tw: Quarterly = NO_VALUES
    batas_bawah: Decimal | None = None
    batas_atas: Decimal | None = None
    penanggung_jawab: str = ""
    pagu: Decimal | None = None
    realisasi_anggaran: Decimal | None = None
    analisis: PerPeriode = NO_CATATAN
    """The analysis written for each period (``domain.analisis``): TW I..TW IV, the year."""
    keterangan: str = ""
    induk: str | None = None
    target_lalu: Decimal | None = None
    realisasi_lalu: Decimal | None = None
    target_akhir_renstra: Decimal | None = None
    program: str = ""
    sheet: str = field(default="", compare=False)
    baris: int | None = field(default=None, compare=False)


    def __init__(
        self, kode: str, jenis: Jenis, sasaran: str, nama: str, satuan: str, polaritas: Polaritas,
        agregasi: Agregasi, target_tahunan: Decimal | None, target_tw: Quarterly = NO_VALUES,
        realisasi_tw: Quarterly = NO_VALUES, batas_bawah: Decimal | None = None, batas_atas: Decimal | None = None,
        penanggung_jawab: str = "", pagu: Decimal | None = None, realisasi_anggaran: Decimal | None = None,
        analisis: PerPeriode = NO_CATATAN, keterangan: str = "", induk: str | None = None,
        target_lalu: Decimal | None = None, realisasi_lalu: Decimal | None = None,
        target_akhir_renstra: Decimal | None = None, program: str = "", sheet: str = "", baris: int | None = None,
    ) -> None:  # fmt: skip
        # the frozen dataclass's own __init__ sets each field through object.__setattr__, and a
        # workbook of 100,000 makes as many: the slots are set directly (docs/jalur-cepat.md)
        _SET_KODE(self, kode)
        _SET_JENIS(self, jenis)
        _SET_SASARAN(self, sasaran)
        _SET_NAMA(self, nama)
        _SET_SATUAN(self, satuan)
        _SET_POLARITAS(self, polaritas)
        _SET_AGREGASI(self, agregasi)
        _SET_TARGET_TAHUNAN(self, target_tahunan)
        _SET_TARGET_TW(self, target_tw)
        _SET_REALISASI_TW(self, realisasi_tw)
        _SET_BATAS_BAWAH(self, batas_bawah)
        _SET_BATAS_ATAS(self, batas_atas)
        _SET_PENANGGUNG_JAWAB(self, penanggung_jawab)
        _SET_PAGU(self, pagu)
        _SET_REALISASI_ANGGARAN(self, realisasi_anggaran)
        _SET_ANALISIS(self, analisis)
        _SET_KETERANGAN(self, keterangan)
        _SET_INDUK(self, induk)
        _SET_TARGET_LALU(self, target_lalu)
        _SET_REALISASI_LALU(self, realisasi_lalu)
        _SET_TARGET_AKHIR_RENSTRA(self, target_akhir_renstra)
        _SET_PROGRAM(self, program)
        _SET_SHEET(self, sheet)
        _SET_BARIS(self, baris)

    def catatan(self, periode: Periode) -> Catatan:
        """The analysis written for ``periode`` (never another period's)."""
        return self.analisis[periode.number - 1]

    @property
    def is_range(self) -> bool:
        """A range target [batas_bawah, batas_atas] (PermenPANRB 6/2022)."""
        return self.batas_bawah is not None and self.batas_atas is not None


(_SET_KODE, _SET_JENIS, _SET_SASARAN, _SET_NAMA, _SET_SATUAN, _SET_POLARITAS, _SET_AGREGASI, _SET_TARGET_TAHUNAN, _SET_TARGET_TW, _SET_REALISASI_TW, _SET_BATAS_BAWAH, _SET_BATAS_ATAS, _SET_PENANGGUNG_JAWAB, _SET_PAGU, _SET_REALISASI_ANGGARAN, _SET_ANALISIS, _SET_KETERANGAN, _SET_INDUK, _SET_TARGET_LALU, _SET_REALISASI_LALU, _SET_TARGET_AKHIR_RENSTRA, _SET_PROGRAM, _SET_SHEET, _SET_BARIS) = (
    getattr(Indicator, name).__set__ for name in Indicator.__slots__
)  # fmt: skip


_PERIODE_NUMBER = {p: n for n, p in enumerate(Periode, start=1)}
_PERIODE_LABEL = {
    p: "Tahunan" if p is Periode.TAHUNAN
    else ("Triwulan I" if p is Periode.TW1 else f"s.d. Triwulan {('I', 'II', 'III', 'IV')[n - 1]}")
    for p, n in _PERIODE_NUMBER.items()
}
"""Periode's position and label, made once (a 100.000-row workbook asks for them millions of times)."""
