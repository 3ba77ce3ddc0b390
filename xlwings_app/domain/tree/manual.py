"""The Manual Indikator: how each indicator is measured, as the Kertas Kerja Pengukuran Kinerja states it.

Seed 002 step 4: the Tim SAKIP "menyiapkan metodologi pengukuran capaian kinerja ... berdasarkan
indikator kinerja yang SMART". The AKIP evaluation (PermenPANRB 88/2021) asks for indicators with a
clear definisi operasional and a reliable data collection mechanism; the Pedoman Umum Penetapan IKU
(PermenPAN PER/09/M.PAN/5/2007) asks for indicators that are specific, measurable and quantifiable.
Per indicator the manual holds what the IKU/IKI row does not: definisi operasional, rumus, sumber
data, frekuensi, standar nasional/SPM; polaritas, agregasi and penanggung jawab stay the indicator's
own (one name per concept; ``Metodologi`` shows them together).

Rumus: a value read directly (``JenisRumus.NILAI``) or a ratio (``JenisRumus.RASIO``): realisasi =
ROUND(pembilang ÷ penyebut × pengali, 2), pengali 100 for a percentage. When both parts of a triwulan
are typed, Kinerja computes that triwulan's realisasi from them (``apply_manual``) and the computed
value is the realisasi, a differing typed one noted; one part without the other, or a penyebut of 0,
leaves the realisasi as typed, with a warning.

SMART gaps (``smart_gaps``, warnings for ``periksa``): no manual, no definisi operasional, no sumber
data, a ratio (Rasio, or satuan %) without its pembilang and penyebut stated, and a ratio summed over
triwulan (agregasi Jumlah adds percentages: use Akhir with cumulative parts, or Rata-rata).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import NO_VALUES, Agregasi, Indicator, Polaritas, Quarterly
from xlwings_app.domain.measure import TW_NAMES
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.settings import Settings, VarianNegatif

Cells = Mapping[tuple[str, int, str], str]
LABELS = {
    "kode": "Kode", "definisi_operasional": "Definisi Operasional", "jenis_rumus": "Jenis Rumus",
    "pembilang": "Pembilang", "penyebut": "Penyebut", "sumber_data": "Sumber Data",
    **{f"p{n}": f"Pembilang {TW_NAMES[n - 1]}" for n in range(1, 5)},
    **{f"q{n}": f"Penyebut {TW_NAMES[n - 1]}" for n in range(1, 5)},
    **{f"r{n}": f"Realisasi {TW_NAMES[n - 1]}" for n in range(1, 5)},
}  # fmt: skip
"""Column labels in messages, by key; a sheet passes its own headers instead."""

_PERCENT_UNITS = {"%", "persen", "persentase", "prosentase"}


class JenisRumus(StrEnum):
    """A value read directly, or a ratio of two counted parts."""

    NILAI = "Nilai Langsung"
    RASIO = "Rasio"


class Frekuensi(StrEnum):
    """How often the data is collected (the triwulan measurement needs at least Triwulanan)."""

    BULANAN = "Bulanan"
    TRIWULANAN = "Triwulanan"
    SEMESTERAN = "Semesteran"
    TAHUNAN = "Tahunan"


@dataclass(frozen=True)
class ManualIndikator:
    """One indicator's manual, with the parts of a ratio per triwulan (``None`` = not typed)."""

    kode: str
    definisi_operasional: str = ""
    jenis_rumus: JenisRumus = JenisRumus.NILAI
    pembilang: str = ""
    penyebut: str = ""
    pengali: Decimal = Decimal(100)
    sumber_data: str = ""
    frekuensi: Frekuensi | None = None
    standar: str = ""
    pembilang_tw: Quarterly = NO_VALUES
    penyebut_tw: Quarterly = NO_VALUES
    sheet: str = field(default="", compare=False)
    baris: int | None = field(default=None, compare=False)

    @property
    def is_rasio(self) -> bool:
        """Whether realisasi is pembilang ÷ penyebut × pengali."""
        return self.jenis_rumus is JenisRumus.RASIO

    def rumus(self) -> str:
        """"Realisasi = (Jumlah desa ... ÷ Jumlah desa) × 100" (a ratio) or "Realisasi = nilai yang
        diukur" (a value read directly)."""
        if not self.is_rasio:
            return "Realisasi = nilai yang diukur langsung"
        times = "" if self.pengali == 1 else f" × {angka(self.pengali)}"
        return f"Realisasi = ({self.pembilang or 'pembilang'} ÷ {self.penyebut or 'penyebut'}){times}"


@dataclass(frozen=True)
class Metodologi:
    """What the Kertas Kerja states of one indicator: the manual and the indicator's own rules, as text."""

    indicator: Indicator
    manual: ManualIndikator | None
    rumus_realisasi: str
    rumus_capaian: str
    agregasi: str

    @property
    def definisi_operasional(self) -> str:
        return self.manual.definisi_operasional if self.manual else ""

    @property
    def sumber_data(self) -> str:
        return self.manual.sumber_data if self.manual else ""

    @property
    def frekuensi(self) -> str:
        return self.manual.frekuensi.value if self.manual and self.manual.frekuensi else ""

    @property
    def standar(self) -> str:
        return self.manual.standar if self.manual else ""


_AGREGASI_TEXT = {
    Agregasi.JUMLAH: "Jumlah: realisasi s.d. triwulan n = jumlah realisasi triwulan I..n, dibandingkan dengan jumlah target triwulan I..n",
    Agregasi.AKHIR: "Akhir: realisasi = nilai triwulan terakhir yang terisi, dibandingkan dengan target triwulan itu",
    Agregasi.RATA_RATA: "Rata-rata: realisasi = rata-rata triwulan yang terisi, dibandingkan dengan rata-rata targetnya",
}  # fmt: skip


def rumus_capaian(indicator: Indicator, settings: Settings) -> str:
    """The capaian formula the engine applies to ``indicator`` (``domain.capaian``), as text."""
    if indicator.polaritas is Polaritas.POSITIF:
        text = "Capaian = Realisasi ÷ Target × 100 (polaritas positif)"
    elif settings.varian_negatif is VarianNegatif.RASIO:
        text = "Capaian = Target ÷ Realisasi × 100 (polaritas negatif)"
    else:
        text = "Capaian = (2 × Target − Realisasi) ÷ Target × 100 (polaritas negatif, PermenPANRB 6/2022)"
    if indicator.is_range:
        text += (f"; target rentang {angka(indicator.batas_bawah)}–{angka(indicator.batas_atas)}: "
                 "realisasi di dalam rentang = 100")  # fmt: skip
    return text


def metodologi(indicator: Indicator, manual: ManualIndikator | None, settings: Settings) -> Metodologi:
    """The indicator's methodology as the Kertas Kerja prints it."""
    rumus = manual.rumus() if manual else "Realisasi = nilai yang diukur langsung"
    return Metodologi(indicator, manual, rumus, rumus_capaian(indicator, settings), _AGREGASI_TEXT[indicator.agregasi])


def realisasi_from_parts(
    manual: ManualIndikator, cells: Cells | None = None
) -> tuple[Quarterly, list[Problem]]:
    """Each triwulan's realisasi computed from its pembilang and penyebut (module docstring); ``None``
    where it cannot be, with a warning where one part is missing or the penyebut is 0."""
    values: list[Decimal | None] = [None, None, None, None]
    problems: list[Problem] = []
    if not manual.is_rasio:
        return NO_VALUES, problems
    for i, (top, bottom) in enumerate(zip(manual.pembilang_tw, manual.penyebut_tw, strict=True)):
        tw = TW_NAMES[i]
        if top is None and bottom is None:
            continue
        if top is None or bottom is None:
            key, missing = (f"p{i + 1}", "pembilang") if top is None else (f"q{i + 1}", "penyebut")
            problems.append(_at(manual, cells, key, (
                f"Indikator '{manual.kode}' {tw}: {missing} belum diisi, realisasi tidak dihitung dari rumus rasio."
            ), None, "peringatan"))  # fmt: skip
            continue
        if bottom == 0:
            problems.append(_at(manual, cells, f"q{i + 1}", (
                f"Indikator '{manual.kode}' {tw}: penyebut 0, rasio tidak dapat dihitung."
            ), bottom, "peringatan"))  # fmt: skip
            continue
        values[i] = round_half_away(top / bottom * manual.pengali, 2)
    return (values[0], values[1], values[2], values[3]), problems


def apply_manual(
    indicator: Indicator, manual: ManualIndikator | None, cells: Cells | None = None
) -> tuple[Indicator, list[Problem]]:
    """``indicator`` with the realisasi its ratio's parts give (where they give one), and the notices:
    a typed realisasi that differs from the computed one is replaced, naming both."""
    if manual is None or not manual.is_rasio:
        return indicator, []
    computed, problems = realisasi_from_parts(manual, cells)
    if all(v is None for v in computed):
        return indicator, problems
    realisasi = list(indicator.realisasi_tw)
    for i, value in enumerate(computed):
        if value is None:
            continue
        typed = realisasi[i]
        if typed is not None and typed != value:
            problems.append(_at(indicator, cells, f"r{i + 1}", (
                f"Realisasi {TW_NAMES[i]} diketik {angka(typed)}; dari pembilang ÷ penyebut "
                f"{manual.rumus().split('= ', 1)[1]} = {angka(value)}: yang dipakai {angka(value)}."
            ), typed, "catatan"))  # fmt: skip
        realisasi[i] = value
    return replace(indicator, realisasi_tw=(realisasi[0], realisasi[1], realisasi[2], realisasi[3])), problems


def is_ratio(indicator: Indicator, manual: ManualIndikator | None) -> bool:
    """A ratio: the manual says so, or the satuan is a percentage."""
    return (manual is not None and manual.is_rasio) or indicator.satuan.strip().casefold() in _PERCENT_UNITS


def smart_gaps(
    indicator: Indicator, manual: ManualIndikator | None, cells: Cells | None = None
) -> list[Problem]:
    """The SMART gaps of one indicator (module docstring), as warnings naming the manual's cells."""
    if manual is None:
        return [_at(indicator, cells, "kode", (
            f"Indikator '{indicator.kode}' belum punya Manual Indikator (definisi operasional, rumus, sumber data)."
        ), indicator.kode, "peringatan")]  # fmt: skip
    problems = []
    if not manual.definisi_operasional.strip():
        problems.append(_at(manual, cells, "definisi_operasional",
                            f"Indikator '{indicator.kode}' belum punya definisi operasional.", None, "peringatan"))  # fmt: skip
    if not manual.sumber_data.strip():
        problems.append(_at(manual, cells, "sumber_data",
                            f"Indikator '{indicator.kode}' belum menyebut sumber data.", None, "peringatan"))  # fmt: skip
    if is_ratio(indicator, manual):
        missing = [name for name, text in (("pembilang", manual.pembilang), ("penyebut", manual.penyebut)) if not text.strip()]
        if missing or not manual.is_rasio:
            key = "jenis_rumus" if not manual.is_rasio else missing[0]
            problems.append(_at(manual, cells, key, (
                f"Indikator '{indicator.kode}' berupa rasio/persentase tetapi {' dan '.join(missing) or 'rumusnya'} "
                "belum dinyatakan: tulis pembilang dan penyebutnya (jenis rumus Rasio)."
            ), None, "peringatan"))  # fmt: skip
        if indicator.agregasi is Agregasi.JUMLAH:
            problems.append(_at(indicator, cells, "kode", (
                f"Indikator '{indicator.kode}' berupa rasio dengan agregasi Jumlah: persentase triwulan dijumlahkan. "
                "Gunakan Akhir (pembilang dan penyebut kumulatif) atau Rata-rata."
            ), indicator.agregasi.value, "peringatan"))  # fmt: skip
    return problems


def manual_gaps(
    indicators: Sequence[Indicator], manuals: Mapping[str, ManualIndikator], cells: Cells | None = None
) -> list[Problem]:
    """``smart_gaps`` of every indicator, its manual found by kode (case ignored)."""
    by_kode = {k.casefold(): m for k, m in manuals.items()}
    return [p for ind in indicators for p in smart_gaps(ind, by_kode.get(ind.kode.casefold()), cells)]


def _at(
    row: Indicator | ManualIndikator, cells: Cells | None, key: str, pesan: str, nilai: object, tingkat: Tingkat
) -> Problem:
    sel = (cells or {}).get((row.sheet, row.baris or 0, key))
    return Problem(pesan, row.sheet or None, row.baris, LABELS.get(key, key), sel, nilai, tingkat=tingkat)
