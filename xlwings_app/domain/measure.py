"""Measuring an indicator in a period: target, realisasi, capaian, predikat, status and message.

``measure(indicator, periode, settings)`` applies the aggregation rule of the indicator's
``agregasi`` (``aggregation``), the capaian rule of its polarity (``capaian``), and the unit's
predikat scale (``predikat``). Budget efficiency (docs/domain.md, "Budget efficiency"):
serapan = realisasi anggaran / pagu × 100; efisiensi = (1 − serapan / capaian) × 100, reported only
where pagu, realisasi anggaran and a non-zero capaian exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache
from itertools import combinations
from types import MappingProxyType
from typing import Final, overload

from xlwings_app.domain.aggregation import realisasi_expr, target_expr
from xlwings_app.domain.capaian import capaian
from xlwings_app.domain.capaian import rule as capaian_rule
from xlwings_app.domain.expr import Value, functions, round_half_away, specialise
from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import Agregasi, Indicator, Periode, Polaritas
from xlwings_app.domain.predikat import label_of
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.settings import Settings, VarianNegatif


class Status(StrEnum):
    TERCAPAI = "Tercapai"
    TIDAK_TERCAPAI = "Tidak Tercapai"
    BELUM_DIISI = "Belum Diisi"
    TIDAK_DAPAT_DIHITUNG = "Tidak Dapat Dihitung"
    TIDAK_ADA_TARGET = "Tidak Ada Target"
    """No target in the period and no realisasi of its own: nothing to fill, nothing met
    (``has_target``); never counted as met, never "Belum Diisi"."""


TANPA_TARGET_PESAN = "Tidak ada target pada periode ini."


_HUNDRED = Decimal(100)
_LAST_INDEX = {p: p.last_tw - 1 for p in Periode}
_TERCAPAI, _TIDAK_TERCAPAI = Status.TERCAPAI, Status.TIDAK_TERCAPAI
_RASIO, _NEGATIF, _JUMLAH = VarianNegatif.RASIO, Polaritas.NEGATIF, Agregasi.JUMLAH
"""What measure_fields compares with, as module constants (not a member looked up on its enum, 10
times a result), and each period's last triwulan as an index."""


@dataclass(frozen=True, slots=True, init=False)
class Hasil:
    """The measurement of one indicator in one period."""

    indicator: Indicator
    periode: Periode
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    predikat: str | None
    status: Status
    pesan: str
    serapan: Decimal | None
    efisiensi: Decimal | None

    def __init__(
        self, indicator: Indicator, periode: Periode, target: Decimal | None, realisasi: Decimal | None,
        capaian: Decimal | None, predikat: str | None, status: Status, pesan: str,
        serapan: Decimal | None = None, efisiensi: Decimal | None = None,
    ) -> None:  # fmt: skip
        # the frozen dataclass's own __init__ sets each field through object.__setattr__, and a
        # workbook of 100,000 indicators makes 500,000 results: the slots are set directly
        _SET_INDICATOR(self, indicator)
        _SET_PERIODE(self, periode)
        _SET_TARGET(self, target)
        _SET_REALISASI(self, realisasi)
        _SET_CAPAIAN(self, capaian)
        _SET_PREDIKAT(self, predikat)
        _SET_STATUS(self, status)
        _SET_PESAN(self, pesan)
        _SET_SERAPAN(self, serapan)
        _SET_EFISIENSI(self, efisiensi)

    @property
    def counted(self) -> bool:
        """Whether this capaian enters means and counts (only computed ones do)."""
        return self.capaian is not None


(_SET_INDICATOR, _SET_PERIODE, _SET_TARGET, _SET_REALISASI, _SET_CAPAIAN, _SET_PREDIKAT, _SET_STATUS, _SET_PESAN,
 _SET_SERAPAN, _SET_EFISIENSI) = (getattr(Hasil, name).__set__ for name in Hasil.__slots__)  # fmt: skip


def indicator_env(indicator: Indicator) -> dict[str, Value]:
    """The named inputs the aggregation rules read (``t1``..``t4``, ``r1``..``r4``, ...)."""
    t, r = indicator.target_tw, indicator.realisasi_tw
    return {
        "target_tahunan": indicator.target_tahunan, "agregasi": indicator.agregasi.value,
        "t1": t[0], "r1": r[0], "t2": t[1], "r2": r[1], "t3": t[2], "r3": r[2], "t4": t[3], "r4": r[3],
    }  # fmt: skip


def _decimal(value: Value) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


BY_AGREGASI = ("agregasi",)
"""The aggregation rules branch on the row's agregasi: each is evaluated specialised to it."""


def period_values(
    indicator: Indicator, periode: Periode, env: dict[str, Value] | None = None
) -> tuple[Decimal | None, Decimal | None]:
    """(target, realisasi) of ``periode`` by the indicator's aggregation rule (``env``: the
    indicator's ``indicator_env``, when the caller already made it)."""
    target, realisasi = _rules(periode, indicator.agregasi)(env if env is not None else indicator_env(indicator))
    return _decimal(target), _decimal(realisasi)


@cache
def _rules(periode: Periode, agregasi: Agregasi) -> Callable[[Mapping[str, Value]], tuple[Value, ...]]:
    """The target and realisasi rules of ``periode`` specialised to ``agregasi`` (``BY_AGREGASI``),
    compiled into one function of the environment giving both (``domain.expr.functions``: what the
    two read in common, read once): ``evaluate(rule, env, fixed=BY_AGREGASI)`` of each, at once."""
    fixed = {"agregasi": agregasi.value}
    return functions([specialise(target_expr(periode), fixed), specialise(realisasi_expr(periode), fixed)])


def capaian_triwulan(indicator: Indicator, triwulan: int, settings: Settings) -> Decimal | None:
    """Capaian of one triwulan on its own: realisasi TW n against target TW n, whatever the
    indicator's agregasi (a range target applies as in every period)."""
    if not 1 <= triwulan <= 4:
        raise ValueError(f"triwulan {triwulan} bukan 1..4")
    return capaian(
        indicator.target_tw[triwulan - 1], indicator.realisasi_tw[triwulan - 1], indicator.polaritas,
        settings.varian_negatif, indicator.batas_bawah, indicator.batas_atas,
    )


def _explain(
    indicator: Indicator, target: Decimal | None, realisasi: Decimal | None, value: Decimal | None,
    periode: Periode, varian: VarianNegatif, note: str | None = None,
) -> tuple[Status, str]:
    if realisasi is None:
        return Status.BELUM_DIISI, _NOT_FILLED[periode]
    if value is None:
        if not indicator.is_range and target is None:
            return Status.TIDAK_DAPAT_DIHITUNG, f"Target {periode.label} belum diisi."
        if not indicator.is_range and target == 0:
            return (
                Status.TIDAK_DAPAT_DIHITUNG,
                "Target 0 dengan polaritas positif: capaian tidak dapat dihitung, perbaiki target.",
            )
        return Status.TIDAK_DAPAT_DIHITUNG, "Capaian tidak dapat dihitung dari target dan realisasi."
    notes: list[str] = []
    if (
        indicator.polaritas is Polaritas.NEGATIF
        and varian is VarianNegatif.RASIO
        and realisasi == 0
        and target != 0
    ):
        notes.append("Realisasi 0 pada polaritas negatif (rumus T/R): capaian ditetapkan 100.")
    if indicator.is_range:
        notes.append(range_note(indicator) if note is None else note)
    status = Status.TERCAPAI if value >= 100 else Status.TIDAK_TERCAPAI
    return status, " ".join(notes)


_NOT_FILLED = {p: f"Realisasi {p.label} belum diisi." for p in Periode}


def range_note(indicator: Indicator) -> str:
    """"Target rentang 80–90." of a range indicator (PermenPANRB 6/2022), "" of any other. A caller
    measuring an indicator's five periods writes it once and passes it (``measure_fields``' ``note``)."""
    lower, upper = indicator.batas_bawah, indicator.batas_atas
    if lower is None or upper is None:
        return ""
    return f"Target rentang {angka(lower)}–{angka(upper)}."


TW_NAMES = ("TW I", "TW II", "TW III", "TW IV")


def carried_from(indicator: Indicator, periode: Periode) -> tuple[int, ...]:
    """The earlier triwulan (1-based) whose realisasi stands in for a blank one in ``periode``.

    Akhir takes the latest filled triwulan up to the period's last; Rata-rata the mean of the
    filled ones (``aggregation``). When the period's own last triwulan is blank and an earlier one
    is filled, the value comes from the earlier triwulan(s): returned here so the user is told.
    Jumlah needs every triwulan, so it never carries over."""
    n = _LAST_INDEX[periode] + 1
    realisasi = indicator.realisasi_tw
    if indicator.agregasi is _JUMLAH or realisasi[n - 1] is not None:
        return ()
    filled = tuple(i + 1 for i in range(n - 1) if realisasi[i] is not None)
    if not filled:
        return ()
    return filled[-1:] if indicator.agregasi is Agregasi.AKHIR else filled


def carry_note(indicator: Indicator, periode: Periode) -> str | None:
    """"Realisasi TW III belum diisi; capaian s.d. TW III memakai TW II" (``carried_from``)."""
    used = carried_from(indicator, periode)
    if not used:
        return None
    return _CARRY_NOTES[indicator.agregasi, periode, used]


def _carry_note(agregasi: Agregasi, periode: Periode, used: tuple[int, ...]) -> str:
    n = periode.last_tw
    what = " dan ".join(TW_NAMES[i - 1] for i in used)
    if agregasi is Agregasi.RATA_RATA and len(used) > 1:
        what = "rata-rata " + ", ".join(TW_NAMES[i - 1] for i in used)
    scope = "Tahunan" if periode is Periode.TAHUNAN else f"s.d. {TW_NAMES[n - 1]}"
    return f"Realisasi {TW_NAMES[n - 1]} belum diisi; capaian {scope} memakai {what}."


def _carried(agregasi: Agregasi, periode: Periode) -> list[tuple[int, ...]]:
    """Every ``carried_from`` of an indicator of ``agregasi`` in ``periode``: the one latest earlier
    triwulan (Akhir), or any of the earlier triwulan in order (Rata-rata)."""
    earlier = range(1, periode.last_tw)
    if agregasi is Agregasi.AKHIR:
        return [(tw,) for tw in earlier]
    return [used for size in range(1, len(earlier) + 1) for used in combinations(earlier, size)]


_CARRY_NOTES: Final[Mapping[tuple[Agregasi, Periode, tuple[int, ...]], str]] = MappingProxyType({
    (agregasi, periode, used): _carry_note(agregasi, periode, used)
    for agregasi in (Agregasi.AKHIR, Agregasi.RATA_RATA) for periode in Periode
    for used in _carried(agregasi, periode)
})  # fmt: skip
"""Every carry note, written once: it depends on the agregasi, the period and the triwulan used alone."""


def _efficiency(indicator: Indicator, value: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    return serapan_efisiensi(indicator.pagu, indicator.realisasi_anggaran, value)


def serapan_efisiensi(
    pagu: Decimal | None, realisasi_anggaran: Decimal | None, capaian: Decimal | None
) -> tuple[Decimal | None, Decimal | None]:
    """(serapan, efisiensi) of a budget and the capaian it bought (docs/domain.md, "Budget efficiency"):
    serapan = realisasi anggaran / pagu × 100; efisiensi = (1 − serapan / capaian) × 100, both rounded
    to 2 decimals; serapan only with a non-zero pagu and a realisasi, efisiensi only with a non-zero
    capaian besides. For an indicator's own budget (``measure``) and a tree node's (``domain.tree.rollup``)."""
    if pagu is None or realisasi_anggaran is None or pagu == 0:
        return None, None
    serapan = round_half_away(realisasi_anggaran / pagu * 100, 2)
    if capaian is None or capaian == 0:
        return serapan, None
    return serapan, round_half_away((1 - serapan / capaian) * 100, 2)


Fields = tuple[
    Decimal | None, Decimal | None, Decimal | None, str | None, Status, str, Decimal | None, Decimal | None
]
"""A ``Hasil``'s fields after its indicator and period: target, realisasi, capaian, predikat,
status, pesan, serapan, efisiensi."""


def has_target(indicator: Indicator, periode: Periode) -> bool:
    """Whether ``indicator`` has a target in ``periode`` of its own: a range target (every period),
    the yearly target for the year, else the target of the period's last triwulan (Target TW n). An
    indicator measured once a year (only Target TW IV) has none in TW I–III."""
    if indicator.batas_bawah is not None and indicator.batas_atas is not None:
        return True
    if periode is Periode.TAHUNAN:
        return indicator.target_tahunan is not None
    return indicator.target_tw[_LAST_INDEX[periode]] is not None


def measure(
    indicator: Indicator, periode: Periode, settings: Settings, env: dict[str, Value] | None = None
) -> Hasil:
    """Measure ``indicator`` in ``periode`` with the unit's ``settings`` (``env``: the indicator's
    ``indicator_env``, when the caller already made it)."""
    return Hasil(indicator, periode, *measure_fields(indicator, periode, settings, env))


def measure_fields(
    indicator: Indicator, periode: Periode, settings: Settings, env: dict[str, Value] | None = None,
    note: str | None = None,
) -> Fields:
    """``measure``'s result as its ``Fields``, without making the ``Hasil`` (a caller keeping only
    the values, as sheet Hasil's spool, measures 500,000 of them). ``env`` and ``note``: the
    indicator's ``indicator_env`` and ``range_note``, when the caller made them once for its five
    periods.

    An indicator without a target in the period and without the period's own realisasi is "Tidak
    Ada Target" (``has_target``), with nothing measured. Otherwise the rules are those of
    ``period_values``, ``capaian.capaian``, ``predikat.predikat``, ``_explain``,
    ``carry_note`` and ``_efficiency``, called here without what they would do for nothing: the
    capaian rule's function is taken once per polarity (it returns the capaian rounded, or ERROR),
    the predikat of that capaian is looked up without rounding it again, and the message of a
    measured capaian without a note (no range, no T/R rule) is empty without asking ``_explain``.
    """
    if indicator.realisasi_tw[_LAST_INDEX[periode]] is None and not has_target(indicator, periode):
        return None, None, None, None, Status.TIDAK_ADA_TARGET, TANPA_TARGET_PESAN, None, None
    target, realisasi = _rules(periode, indicator.agregasi)(env if env is not None else indicator_env(indicator))
    if not isinstance(target, Decimal):
        target = None
    if not isinstance(realisasi, Decimal):
        realisasi = None
    varian, lower, upper = settings.varian_negatif, indicator.batas_bawah, indicator.batas_atas
    value = capaian_rule(indicator.polaritas, varian)(realisasi, target, lower, upper)
    if not isinstance(value, Decimal):
        value = None
    if value is None or (lower is not None and upper is not None) or (
        varian is _RASIO and indicator.polaritas is _NEGATIF
    ):
        status, pesan = _explain(indicator, target, realisasi, value, periode, varian, note)
    else:  # what _explain says of a capaian without a note
        status, pesan = (_TERCAPAI if value >= _HUNDRED else _TIDAK_TERCAPAI), ""
    if (
        realisasi is not None
        and indicator.agregasi is not _JUMLAH
        and indicator.realisasi_tw[_LAST_INDEX[periode]] is None  # else nothing is carried (carried_from)
        and (note := carry_note(indicator, periode))
    ):
        pesan = f"{note} {pesan}".strip()
    if indicator.pagu is None or indicator.realisasi_anggaran is None:
        serapan = efisiensi = None
    else:
        serapan, efisiensi = _efficiency(indicator, value)
    label = None if value is None else label_of(settings.skala, value)  # value: rounded already
    return target, realisasi, value, label, status, pesan, serapan, efisiensi


def carry_problems(hasil: list[Hasil], cells: Mapping[tuple[str, int, str], str]) -> list[Problem]:
    """A notice (``catatan``) on the blank realisasi cell of every result whose value comes from an
    earlier triwulan (``carry_note``); ``cells`` maps (sheet, row, key) to the cell address."""
    problems = []
    for h in hasil:
        note = carry_note(h.indicator, h.periode) if h.realisasi is not None else None
        if note:
            ind, key = h.indicator, f"r{h.periode.last_tw}"
            problems.append(Problem(
                note, ind.sheet, ind.baris, f"Realisasi {TW_NAMES[h.periode.last_tw - 1]}",
                cells.get((ind.sheet, ind.baris or 0, key)), None, tingkat="catatan",
            ))  # fmt: skip
    return problems


def measure_all(
    indicators: list[Indicator], periode: Periode, settings: Settings
) -> list[Hasil]:
    """Measure every indicator in ``periode``, in input order."""
    return [measure(indicator, periode, settings) for indicator in indicators]


class Measured(Sequence[Hasil]):
    """``measure_all(indicators, periode, settings)`` as a sequence that measures a result each time
    it is asked for and keeps none (a workbook of 100,000 indicators is measured again rather than
    held: the results are the same, ``measure`` being a function of its inputs only)."""

    def __init__(self, indicators: Sequence[Indicator], periode: Periode, settings: Settings) -> None:
        self.indicators = indicators
        self.periode = periode
        self.settings = settings

    def __len__(self) -> int:
        return len(self.indicators)

    def __iter__(self) -> Iterator[Hasil]:
        periode, settings = self.periode, self.settings
        for indicator in self.indicators:
            yield measure(indicator, periode, settings)

    @overload
    def __getitem__(self, index: int) -> Hasil: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Hasil]: ...
    def __getitem__(self, index: int | slice) -> Hasil | Sequence[Hasil]:
        if isinstance(index, slice):
            return [measure(i, self.periode, self.settings) for i in self.indicators[index]]
        return measure(self.indicators[index], self.periode, self.settings)


def measure_every_period(indicators: list[Indicator], settings: Settings) -> dict[Periode, list[Hasil]]:
    """``measure_all`` of every period (sheet Hasil's rows), each indicator's inputs gathered once,
    all held in memory: the reference that ``services.hitung.measure_workbook`` (one indicator at a time, into
    a spool) is tested against."""
    by_period: dict[Periode, list[Hasil]] = {p: [] for p in Periode}
    for indicator in indicators:
        env = indicator_env(indicator)
        for periode, found in by_period.items():
            found.append(measure(indicator, periode, settings, env))
    return by_period
