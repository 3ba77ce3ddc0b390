"""The unit's earlier years per indicator: target, realisasi, capaian and predikat of each year of
the Renstra period, joined by kode across renames.

PermenPANRB 53/2014 (format of the Laporan Kinerja, BAB III A.(2) and (3)) compares this year's
realisasi and capaian "dengan tahun lalu dan beberapa tahun terakhir" and the realisasi up to this
year with the Renstra's end target, so the LKjIP needs every year of the Renstra period, not only
the one year back a workbook carries (``Indicator.realisasi_lalu``). Rules:

- one ``YearRecord`` per indicator per year: the year's target and realisasi as that year's yearly
  measurement gave them (``record_of``), its capaian and predikat kept as that year printed them
  (that year's scale and negative-polarity variant may differ from today's); a record typed without
  capaian gets it computed with the indicator's polarity and today's settings
  (``domain.capaian.capaian``), and its predikat from today's scale (``domain.predikat.predikat``);
- this year's record is this year's yearly measurement; a record for this year or a later one is
  refused (the workbook's own IKU are this year's source);
- a record belongs to the indicator its kode became (``domain.lkjip.renames.current_kode``); one
  whose kode matches no indicator of this year is left out with a warning (a rename not recorded?);
  one using a kode already renamed in its year is warned about;
- a year outside the Renstra period is left out with a warning (the history is the period's); a
  record without a kode is an error;
- two records of one indicator and year with different values are an error naming both, and the year
  stays empty; the same values twice (a workbook and its archive) are one record, the sealed one kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from xlwings_app.domain.capaian import capaian
from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import Agregasi, Polaritas
from xlwings_app.domain.lkjip.renames import Rename, check_renames, rename_path, renamed_before
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.predikat import predikat
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.tree.model import key_of


class SegelStatus(StrEnum):
    """Whether a year's record was checked against that year's seal (``domain.lkjip.seals``)."""

    TERVERIFIKASI = "Terverifikasi"
    TANPA_SEGEL = "Tanpa segel"


@dataclass(frozen=True)
class YearRecord:
    """One indicator in one year; ``sumber`` names where it was read (a workbook, an archive, typed)."""

    kode: str
    tahun: int
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None = None
    predikat: str | None = None
    sumber: str = ""
    segel: SegelStatus = SegelStatus.TANPA_SEGEL
    sheet: str = field(default="", compare=False)
    baris: int | None = field(default=None, compare=False)

    def same_values(self, other: YearRecord) -> bool:
        """Whether ``other`` says the same of the year (target, realisasi, capaian, predikat)."""
        return (self.target, self.realisasi, self.capaian, self.predikat) == (
            other.target, other.realisasi, other.capaian, other.predikat)  # fmt: skip


def record_of(h: Hasil, tahun: int, sumber: str = "", segel: SegelStatus = SegelStatus.TANPA_SEGEL) -> YearRecord:
    """The record of ``tahun`` from that year's yearly measurement ``h`` (``Periode.TAHUNAN``)."""
    return YearRecord(h.indicator.kode, tahun, h.target, h.realisasi, h.capaian, h.predikat, sumber, segel)


@dataclass(frozen=True)
class IndicatorHistory:
    """One indicator of this year with its records, ascending by year, at most one a year.

    ``renames``: the renames that brought records of an earlier kode in (for the document's note)."""

    kode: str
    nama: str
    satuan: str
    sasaran: str
    polaritas: Polaritas
    agregasi: Agregasi
    target_akhir_renstra: Decimal | None
    records: tuple[YearRecord, ...]
    renames: tuple[Rename, ...] = ()

    def record(self, tahun: int) -> YearRecord | None:
        """The record of ``tahun``, if any."""
        return next((r for r in self.records if r.tahun == tahun), None)

    def before(self, tahun: int) -> YearRecord | None:
        """The latest record of a year before ``tahun`` (last year, or the latest year known)."""
        earlier = [r for r in self.records if r.tahun < tahun]
        return earlier[-1] if earlier else None

    @property
    def years(self) -> tuple[int, ...]:
        """The years with a record, ascending."""
        return tuple(r.tahun for r in self.records)


@dataclass(frozen=True)
class History:
    """Every indicator of this year (``tahun``) with its years in the Renstra ``period``."""

    period: RenstraPeriod
    tahun: int
    indicators: tuple[IndicatorHistory, ...]

    def of(self, kode: str) -> IndicatorHistory | None:
        """The history of this year's indicator ``kode`` (kodes compared as ``key_of``)."""
        key = key_of(kode)
        return next((i for i in self.indicators if key_of(i.kode) == key), None)

    @property
    def years(self) -> tuple[int, ...]:
        """The period's years up to this year: the columns of the multi-year comparison."""
        return self.period.years_until(self.tahun)


def build_history(
    period: RenstraPeriod, tahun: int, current: Sequence[Hasil], records: Iterable[YearRecord],
    renames: Sequence[Rename] = (), settings: Settings | None = None,
    cells: Mapping[tuple[str, int, str], str] | None = None, sumber_tahun_ini: str = "",
) -> tuple[History, list[Problem]]:  # fmt: skip
    """This year's indicators (``current``: their yearly measurement) with their earlier ``records``,
    and every problem (module rules; ``cells`` maps (sheet, row, key) to a record's cell address)."""
    settings = settings or Settings()
    cells = cells or {}
    problems = check_renames(renames, period, cells)
    by_key = {key_of(h.indicator.kode): h for h in current}

    def at(r: YearRecord, key: str, kolom: str, pesan: str, nilai: object, tingkat: Tingkat) -> Problem:
        return Problem(pesan, r.sheet or None, r.baris, kolom, cells.get((r.sheet, r.baris or 0, key)), nilai,
                       tingkat=tingkat)  # fmt: skip

    placed: dict[tuple[str, int], list[YearRecord]] = {}
    brought: dict[str, list[Rename]] = {}
    for r in records:
        if not key_of(r.kode):
            problems.append(at(r, "kode", "Kode", f"Data riwayat tahun {r.tahun} tanpa kode indikator.", None, "galat"))
            continue
        if r.tahun not in period:
            problems.append(at(r, "tahun", "Tahun", f"{r.kode} tahun {r.tahun} di luar periode Renstra "
                               f"{period.label}: tidak dipakai dalam riwayat.", r.tahun, "peringatan"))
            continue
        if r.tahun >= tahun:
            problems.append(at(r, "tahun", "Tahun", f"{r.kode} tahun {r.tahun} tidak dapat masuk riwayat laporan "
                               f"tahun {tahun}: riwayat memuat tahun sebelum {tahun} saja; tahun {tahun} diukur "
                               "dari data tahun berjalan.", r.tahun, "galat"))
            continue
        if stale := renamed_before(r.kode, r.tahun, renames):
            problems.append(at(r, "kode", "Kode", f"{r.kode} dipakai untuk tahun {r.tahun}, padahal sejak "
                               f"{stale.tahun} kode itu diganti menjadi {stale.kode_baru}: periksa kode atau tahun "
                               "penggantiannya.", r.kode, "peringatan"))
        path = rename_path(r.kode, r.tahun, renames)
        now = path[-1].kode_baru if path else r.kode
        key = key_of(now)
        if key not in by_key:
            via = f" (menurut penggantian kode menjadi {now})" if key != key_of(r.kode) else ""
            problems.append(at(r, "kode", "Kode", f"{r.kode} tahun {r.tahun}{via} tidak cocok dengan indikator mana "
                               f"pun tahun {tahun}: catat penggantian kodenya bila indikator itu berganti kode.",
                               r.kode, "peringatan"))
            continue
        steps = brought.setdefault(key, [])
        steps.extend(step for step in path if step not in steps)
        placed.setdefault((key, r.tahun), []).append(r)

    kept: dict[tuple[str, int], YearRecord] = {}
    for (key, year), found in placed.items():
        first = found[0]
        clash = next((r for r in found[1:] if not r.same_values(first)), None)
        if clash is not None:
            problems.append(at(clash, "kode", "Kode", f"{by_key[key].indicator.kode} tahun {year} tercatat dua kali "
                               f"dengan nilai berbeda: {_describe(first)}; {_describe(clash)}. Hapus salah satu.",
                               clash.kode, "galat"))
            continue
        kept[(key, year)] = next((r for r in found if r.segel is SegelStatus.TERVERIFIKASI), first)

    histories = []
    for key, h in by_key.items():
        i = h.indicator
        earlier = sorted((r for (k, _), r in kept.items() if k == key), key=lambda r: r.tahun)
        completed = [_complete(r, i.polaritas, settings) for r in earlier]
        now_record = record_of(h, tahun, sumber_tahun_ini) if tahun in period else None
        histories.append(IndicatorHistory(
            i.kode, i.nama, i.satuan, i.sasaran, i.polaritas, i.agregasi, i.target_akhir_renstra,
            tuple(completed + ([now_record] if now_record else [])), tuple(brought.get(key, ())),
        ))  # fmt: skip
    return History(period, tahun, tuple(histories)), problems


def _complete(r: YearRecord, polaritas: Polaritas, settings: Settings) -> YearRecord:
    """A typed record without capaian or predikat, completed (module rule); a measured one as it is."""
    value = r.capaian
    if value is None and r.target is not None and r.realisasi is not None:
        value = capaian(r.target, r.realisasi, polaritas, settings.varian_negatif)
    label = r.predikat if r.predikat is not None else predikat(value, settings.skala)
    return r if (value, label) == (r.capaian, r.predikat) else replace(r, capaian=value, predikat=label)


def _describe(r: YearRecord) -> str:
    where = f" ({r.sumber})" if r.sumber else ""
    return f"{r.kode}{where} target {angka(r.target)}, realisasi {angka(r.realisasi)}"
