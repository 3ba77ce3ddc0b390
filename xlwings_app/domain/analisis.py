"""An indicator's analysis, kept per period: what was written for TW II answers TW II.

PermenPANRB 53/2014 ("analisis capaian kinerja") and the SOP Pengukuran Kinerja (an unmet target goes
back "untuk dibuat rencana aksi" before signing) ask for the analysis of the period measured. Rules:
- each period (TW I–TW IV and the year) has its own Permasalahan, Rencana Aksi, Faktor Pendukung
  and Faktor Penghambat; each triwulan also its Alasan Realisasi Kosong, the stated reason a
  realisasi is missing ("data belum tersedia dari BPS"); the year's reason is TW IV's;
- one period's text never stands in for another's: a blank TW II Permasalahan is blank, whatever
  TW I says (the earlier text is shown beside it for context, never as its own);
- in the workbook each field of each period is a column of the IKU/IKI tables, its key the field
  and the period (``permasalahan_tw2``, ``rencana_aksi_tahunan``: ``column_key``).
"""

from __future__ import annotations

from dataclasses import replace

from xlwings_app.domain.indicator import (
    FIELDS,
    KOSONG,
    NO_ALASAN,
    NO_CATATAN,
    Catatan,
    Indicator,
    Periode,
    PerPeriode,
)

__all__ = ["FIELDS", "KOSONG", "NO_ALASAN", "NO_CATATAN", "Catatan", "PerPeriode", "analysis_values", "column_key",
           "column_keys", "from_texts", "periode_label", "periode_lalu_tw", "split_key", "suffix", "value_of", "with_catatan"]


def periode_label(periode: Periode) -> str:
    """"TW I" … "TW IV", "Tahunan": how a column header and a message name the period."""
    return "Tahunan" if periode is Periode.TAHUNAN else f"TW {('I', 'II', 'III', 'IV')[periode.number - 1]}"


def suffix(periode: Periode) -> str:
    """"tw2", "tahunan": the period part of a column key."""
    return periode.value.lower()


def column_key(field: str, periode: Periode) -> str:
    """The column key of ``field`` for ``periode``: ``permasalahan_tw2``."""
    return f"{field}_{suffix(periode)}"


def column_keys() -> tuple[str, ...]:
    """Every analysis column key, period by period (TW I's five fields first, the year's last)."""
    return tuple(column_key(f, p) for p in Periode for f in FIELDS if not (f == "alasan" and p in NO_ALASAN))


def split_key(key: str) -> tuple[str, Periode] | None:
    """(field, period) of an analysis column key; None for any other key."""
    field, _, tail = key.rpartition("_")
    if field not in FIELDS:
        return None
    try:
        periode = Periode(tail.upper())
    except ValueError:
        return None
    return None if field == "alasan" and periode in NO_ALASAN else (field, periode)


def from_texts(texts: dict[str, str]) -> PerPeriode:
    """The five periods' analysis from texts by column key (missing keys are blank)."""
    made = [Catatan(**{f: texts.get(column_key(f, p), "") for f in FIELDS}) for p in Periode]
    return (made[0], made[1], made[2], made[3], made[4])


def analysis_values(indicator: Indicator) -> dict[str, str]:
    """Every analysis column of ``indicator``'s row by column key ("" where nothing is written)."""
    return {column_key(f, p): getattr(indicator.catatan(p), f) for p in Periode for f in FIELDS
            if not (f == "alasan" and p in NO_ALASAN)}  # fmt: skip


def value_of(indicator: Indicator, key: str) -> str | None:
    """The analysis text of ``indicator`` under column ``key``; None when ``key`` is no analysis column."""
    found = split_key(key)
    return None if found is None else getattr(indicator.catatan(found[1]), found[0])


def with_catatan(per_periode: PerPeriode, periode: Periode, **texts: str) -> PerPeriode:
    """``per_periode`` with ``periode``'s fields replaced by ``texts``."""
    items = list(per_periode)
    items[periode.number - 1] = replace(items[periode.number - 1], **texts)
    return (items[0], items[1], items[2], items[3], items[4])


def periode_lalu_tw(periode: Periode) -> Periode | None:
    """The triwulan before ``periode`` whose text a form shows for context (TW I: none; the year: TW IV)."""
    if periode is Periode.TAHUNAN:
        return Periode.TW4
    return None if periode is Periode.TW1 else tuple(Periode)[periode.number - 2]
