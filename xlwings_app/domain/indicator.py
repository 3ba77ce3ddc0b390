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


Quarterly = tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
NO_VALUES: Quarterly = (None, None, None, None)


@dataclass(frozen=True, slots=True)
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
    permasalahan: str = ""
    rencana_aksi: str = ""
    keterangan: str = ""
    induk: str | None = None
    target_lalu: Decimal | None = None
    realisasi_lalu: Decimal | None = None
    target_akhir_renstra: Decimal | None = None
    program: str = ""
    sheet: str = field(default="", compare=False)
    baris: int | None = field(default=None, compare=False)

    @property
    def is_range(self) -> bool:
        """A range target [batas_bawah, batas_atas] (PermenPANRB 6/2022)."""
        return self.batas_bawah is not None and self.batas_atas is not None


_PERIODE_NUMBER = {p: n for n, p in enumerate(Periode, start=1)}
_PERIODE_LABEL = {
    p: "Tahunan" if p is Periode.TAHUNAN
    else ("Triwulan I" if p is Periode.TW1 else f"s.d. Triwulan {('I', 'II', 'III', 'IV')[n - 1]}")
    for p, n in _PERIODE_NUMBER.items()
}
"""Periode's position and label, made once (a 100.000-row workbook asks for them millions of times)."""
