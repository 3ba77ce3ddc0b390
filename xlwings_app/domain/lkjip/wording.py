"""How the LKjIP's sentences write lists, counts, values and indicators (pure: values in, text out).

Rules (the Indonesian of a Laporan Kinerja; numbers as ``domain.formatting`` prints them):
- a list is "a", "a dan b", "a, b, dan c";
- a count is a number and the noun (Indonesian nouns do not inflect): one to nine in words
  ("satu indikator", "tiga program"; Pedoman Umum Ejaan Bahasa Indonesia writes in words a number
  said in one or two words), 10 and above in digits ("12 indikator", easier to match with a table);
  an ordinal likewise ("pertama", "keempat", "ke-12"); a zero count is never written: the clause is
  left out or said otherwise;
- a value carries its satuan: "92,1%" for a percentage, "45 dokumen", "Rp 1.250.000" for money;
  a capaian is a percentage with two decimals, "87,50%"; a year is written as it is, "2024";
- a negative-polarity target reads "tidak melebihi 8 kasus"; a range target "80–90%";
- an indicator is named by its kode and name, "IKU-01 Persentase pelayanan selesai tepat waktu".
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Polaritas

_MONEY = ("rp", "rupiah")


def daftar(items: Sequence[str]) -> str:
    """"a", "a dan b", "a, b, dan c"."""
    items = list(items)
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


_WORDS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def bilangan(n: int) -> str:
    """"satu" … "sembilan", then digits: "10", "12"."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def ke(n: int) -> str:
    """The ordinal: "pertama", "kedua" … "kesembilan", "ke-10"."""
    if n == 1:
        return "pertama"
    return f"ke{_WORDS[n]}" if 1 < n < len(_WORDS) else f"ke-{n}"


def banyak(n: int, benda: str = "indikator") -> str:
    """"satu indikator", "tiga program", "12 indikator" (``n`` ≥ 1: a zero count is never written)."""
    return f"{bilangan(n)} {benda}"


def kapital(text: str) -> str:
    """The text with its first letter in capitals (a sentence's start)."""
    return text[:1].upper() + text[1:]


def nilai(value: Decimal | None, satuan: str) -> str:
    """A value with its satuan: "92,1%", "45 dokumen", "Rp 1.250.000" (``formatting.KOSONG`` when blank)."""
    if value is None:
        return fmt.KOSONG
    unit = satuan.strip()
    if unit.casefold() in _MONEY:
        return fmt.rupiah(value)
    if unit == "%":
        return f"{fmt.angka(value)}%"
    return f"{fmt.angka(value)} {unit}".strip()


def persen(value: Decimal | None) -> str:
    """A capaian, serapan or efisiensi: "87,50%"."""
    return fmt.KOSONG if value is None else f"{fmt.persen(value)}%"


def target_teks(target: Decimal | None, satuan: str, polaritas: Polaritas,
                batas_bawah: Decimal | None = None, batas_atas: Decimal | None = None) -> str:  # fmt: skip
    """"90%", "tidak melebihi 8 kasus" (negative polarity), "80–90%" (a range target)."""
    if batas_bawah is not None and batas_atas is not None:
        return f"{fmt.angka(batas_bawah)}–{nilai(batas_atas, satuan)}"
    if polaritas is Polaritas.NEGATIF:
        return f"tidak melebihi {nilai(target, satuan)}"
    return nilai(target, satuan)


def indikator(kode: str, nama: str) -> str:
    """"IKU-01 Persentase pelayanan selesai tepat waktu" (the name alone, or the kode alone, when one is blank)."""
    return " ".join(part for part in (kode.strip(), " ".join(nama.split())) if part)


def tahun_tahun(years: Sequence[int]) -> str:
    """"2024", "2021–2024" for consecutive years, "2021, 2023, dan 2024" otherwise."""
    if not years:
        return ""
    if len(years) == 1:
        return str(years[0])
    if list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return daftar([str(y) for y in years])
