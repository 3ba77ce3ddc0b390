"""The LKjIP's tables as values (rows), and the series its charts draw.

Rules:
- the sasaran are the IKU's Sasaran Strategis in order of first appearance, compared without case and
  extra spaces and named as first written (as the tree's two-level migration makes its sasaran,
  ``domain.tree.migration``); each holds its indicators in input order;
- target against realisasi (BAB III A.(1), and the whole unit's table): each indicator's yearly
  target (or range), realisasi, capaian, predikat and status, as measured (``domain.measure``);
- the multi-year comparison (A.(2)): the years of the Renstra period up to this year as columns, each
  cell an indicator's ``YearRecord`` of that year (empty when none);
- Renstra progress (A.(3)): ``domain.lkjip.progress.renstra_progress`` per indicator, with a note of
  what was compared ("Jumlah 2021–2024", "Realisasi 2024", "Rata-rata 2021–2024");
- a chart series: one indicator's capaian (or realisasi, or target) per year of the table, a year
  without a value left as ``None`` (a gap, not a zero).
The national standard's rows are ``domain.lkjip.standar``'s, the budget's ``domain.lkjip.budget``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from xlwings_app.domain.indicator import Agregasi, Polaritas
from xlwings_app.domain.lkjip.history import History, IndicatorHistory, YearRecord
from xlwings_app.domain.lkjip.progress import renstra_progress
from xlwings_app.domain.lkjip.wording import tahun_tahun
from xlwings_app.domain.measure import Hasil, Status
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.tree.model import key_of

Ukuran = Literal["capaian", "realisasi", "target"]


def sasaran_key(text: str) -> str:
    """A sasaran's comparison key: spacing and case ignored."""
    return " ".join(text.split()).casefold()


def by_sasaran(hasil: Sequence[Hasil]) -> tuple[tuple[str, tuple[Hasil, ...]], ...]:
    """The results grouped by Sasaran Strategis (module rule), each group named as first written."""
    groups: dict[str, tuple[str, list[Hasil]]] = {}
    for h in hasil:
        name = " ".join(h.indicator.sasaran.split())
        groups.setdefault(sasaran_key(name), (name, []))[1].append(h)
    return tuple((name, tuple(items)) for name, items in groups.values())


@dataclass(frozen=True)
class TargetRealisasiRow:
    """One indicator this year."""

    kode: str
    nama: str
    satuan: str
    polaritas: Polaritas
    target: Decimal | None
    batas_bawah: Decimal | None
    batas_atas: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    predikat: str | None
    status: Status


def target_realisasi(hasil: Sequence[Hasil]) -> tuple[TargetRealisasiRow, ...]:
    """A row per result, in order."""
    return tuple(
        TargetRealisasiRow(h.indicator.kode, h.indicator.nama, h.indicator.satuan, h.indicator.polaritas, h.target,
                           h.indicator.batas_bawah, h.indicator.batas_atas, h.realisasi, h.capaian, h.predikat,
                           h.status)
        for h in hasil
    )  # fmt: skip


@dataclass(frozen=True)
class MultiYearRow:
    """One indicator over the years; ``tahun[n]`` is the record of the table's n-th year."""

    kode: str
    nama: str
    satuan: str
    tahun: tuple[YearRecord | None, ...]


@dataclass(frozen=True)
class MultiYearTable:
    """The years as columns and a row per indicator."""

    tahun: tuple[int, ...]
    rows: tuple[MultiYearRow, ...]


def _chosen(history: History, kodes: Sequence[str] | None) -> tuple[IndicatorHistory, ...]:
    if kodes is None:
        return history.indicators
    wanted = [key_of(k) for k in kodes]
    return tuple(h for k in wanted for h in history.indicators if key_of(h.kode) == k)


def multi_year(history: History, kodes: Sequence[str] | None = None) -> MultiYearTable:
    """The multi-year table of ``kodes`` (all indicators when ``None``), in the order given."""
    years = history.years
    return MultiYearTable(years, tuple(
        MultiYearRow(h.kode, h.nama, h.satuan, tuple(h.record(y) for y in years)) for h in _chosen(history, kodes)
    ))  # fmt: skip


@dataclass(frozen=True)
class RenstraRow:
    """One indicator's progress toward the Renstra's end target, with what was compared."""

    kode: str
    nama: str
    satuan: str
    agregasi: Agregasi
    polaritas: Polaritas
    target_akhir: Decimal | None
    nilai: Decimal | None
    progres: Decimal | None
    keterangan: str


def renstra_rows(history: History, settings: Settings, kodes: Sequence[str] | None = None) -> tuple[RenstraRow, ...]:
    """A row per indicator of ``kodes`` (all when ``None``) up to the history's year (module rule)."""
    rows = []
    for h in _chosen(history, kodes):
        p = renstra_progress(h, history.period, history.tahun, settings)
        years = tahun_tahun(p.tahun_dihitung)
        if p.nilai is None:
            note = (f"Realisasi {tahun_tahun(p.tahun_kosong)} belum ada" if p.tahun_kosong
                    else "Belum ada realisasi")  # fmt: skip
        elif h.agregasi is Agregasi.JUMLAH:
            note = f"Jumlah {years}"
        elif h.agregasi is Agregasi.AKHIR:
            note = f"Realisasi {years}"
        else:
            note = f"Rata-rata {years}"
        if p.target_akhir is None:
            note = "Target akhir Renstra belum diisi"
        rows.append(RenstraRow(h.kode, h.nama, h.satuan, h.agregasi, h.polaritas, p.target_akhir, p.nilai,
                               p.progres, note))  # fmt: skip
    return tuple(rows)


@dataclass(frozen=True)
class Series:
    """One indicator's values per year, for a chart."""

    kode: str
    nama: str
    satuan: str
    ukuran: Ukuran
    titik: tuple[tuple[int, Decimal | None], ...]


def series(h: IndicatorHistory, years: Sequence[int], ukuran: Ukuran = "capaian") -> Series:
    """``h``'s ``ukuran`` per year of ``years`` (module rule); capaian's satuan is "%"."""
    points = []
    for y in years:
        record = h.record(y)
        points.append((y, getattr(record, ukuran) if record is not None else None))
    return Series(h.kode, h.nama, "%" if ukuran == "capaian" else h.satuan, ukuran, tuple(points))


def chart_series(history: History, kodes: Sequence[str] | None = None, ukuran: Ukuran = "capaian") -> tuple[Series, ...]:
    """A series per indicator of ``kodes`` (all when ``None``) over the history's years."""
    return tuple(series(h, history.years, ukuran) for h in _chosen(history, kodes))
