"""The consolidated table: one pandas frame of every counted unit's IKU, and what is built from it.

pandas lives here, at the service level, and is imported only when ``kinerja kabupaten`` runs
(never on the start-up path of ``kinerja hitung`` or of a ribbon click); the domain stays pure.
Rules (the unit's own settings apply to its own figures, so each unit's figures equal its
``kinerja hitung``):

- per unit: indicators counted, count per predikat (every label of the kabupaten's scale), mean
  capaian = mean of the computed capaian, each capped at the unit's ``Batas rata-rata`` when set,
  rounded to 2 decimals half away from zero (``domain.summary.mean_capaian``); share met =
  indicators "Tercapai" / indicators counted × 100, 2 decimals;
- ranking: units with a mean capaian, highest mean first, then the higher share met; equal pairs
  share a rank (1, 2, 2, 4); units without a mean are not ranked;
- shared indicators: an indicator whose name (case and spacing ignored) appears in two or more
  units; each unit's capaian side by side, with the number of units, mean, highest and lowest.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.kabupaten import AgregatUnit, Bersama, UnitRekap, unit_key
from xlwings_app.domain.measure import Status

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = (
    "unit", "kode", "sasaran", "nama", "satuan", "polaritas", "agregasi", "target", "realisasi",
    "capaian", "capaian_rata", "predikat", "status", "penanggung_jawab", "kunci",
)  # fmt: skip


def indicator_frame(units: Sequence[UnitRekap]) -> pd.DataFrame:
    """Every counted unit's IKU results, one row per indicator (Decimals kept exact, object dtype)."""
    import pandas as pd

    rows = []
    for u in units:
        if not u.keadaan.dihitung or u.kiriman is None:
            continue
        cap = u.kiriman.settings.batas_rata_rata
        for h in u.hasil:
            ind = h.indicator
            capped = h.capaian if h.capaian is None or cap is None else min(h.capaian, cap)
            rows.append((
                u.unit, ind.kode, ind.sasaran, ind.nama, ind.satuan, ind.polaritas.value,
                ind.agregasi.value, h.target, h.realisasi, h.capaian, capped, h.predikat or "",
                h.status.value, ind.penanggung_jawab, unit_key(ind.nama),
            ))  # fmt: skip
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS))


def _mean(total: object, count: int) -> Decimal | None:
    if not count:
        return None
    assert isinstance(total, Decimal)
    return round_half_away(total / count, 2)


def aggregates(frame: pd.DataFrame, labels: Sequence[str], units: Sequence[str]) -> dict[str, AgregatUnit]:
    """Per unit: counts per predikat (pivot), mean capaian and share met (groupby), ranking."""
    import pandas as pd

    empty = pd.Series(dtype=object)
    by_unit = frame.groupby("unit", sort=False)
    counts = by_unit.size()
    per_predikat = pd.crosstab(frame["unit"], frame["predikat"]) if len(frame) else pd.DataFrame()
    met = frame[frame["status"] == Status.TERCAPAI.value].groupby("unit").size() if len(frame) else empty
    # an indicator without a target in the period is not measured: in no share met, met or not
    no_target = frame[frame["status"] == Status.TIDAK_ADA_TARGET.value].groupby("unit").size() if len(frame) else empty
    computed = frame[frame["capaian_rata"].notna()]
    sums = computed.groupby("unit")["capaian_rata"].agg(lambda s: sum(s, Decimal(0))) if len(computed) else empty
    n_computed = computed.groupby("unit").size() if len(computed) else empty
    result: dict[str, AgregatUnit] = {}
    for unit in units:
        jumlah = int(counts.get(unit, 0))
        tercapai = int(met.get(unit, 0))
        result[unit] = AgregatUnit(
            unit=unit,
            jumlah=jumlah,
            per_predikat={
                label: int(per_predikat.at[unit, label])
                if unit in per_predikat.index and label in per_predikat.columns else 0
                for label in labels
            },
            rata_rata=_mean(sums.get(unit), int(n_computed.get(unit, 0))),
            tercapai=tercapai,
            persen_tercapai=round_half_away(Decimal(tercapai) * 100 / measured, 2)
            if (measured := jumlah - int(no_target.get(unit, 0))) else None,
            peringkat=None,
        )
    return _ranked(result)


def _ranked(figures: dict[str, AgregatUnit]) -> dict[str, AgregatUnit]:
    import pandas as pd

    rows = [(a.unit, a.rata_rata, a.persen_tercapai or Decimal(0)) for a in figures.values() if a.rata_rata is not None]
    if not rows:
        return figures
    table = pd.DataFrame(rows, columns=["unit", "rata", "persen"])
    table = table.sort_values(["rata", "persen", "unit"], ascending=[False, False, True], kind="stable")
    position = pd.Series(range(1, len(table) + 1), index=table.index)
    tied = table.duplicated(["rata", "persen"])
    rank = position.where(~tied).ffill().astype(int)
    ranks = dict(zip(table["unit"], rank, strict=True))
    return {
        name: AgregatUnit(**{**a.__dict__, "peringkat": int(ranks[name])}) if name in ranks else a
        for name, a in figures.items()
    }


def ranking(figures: dict[str, AgregatUnit]) -> list[AgregatUnit]:
    """The ranked units, first place first."""
    return sorted((a for a in figures.values() if a.peringkat is not None), key=lambda a: (a.peringkat, a.unit))


def shared(frame: pd.DataFrame, units: Sequence[str]) -> list[Bersama]:
    """Indicators of the same name in two or more units, capaian side by side (a pivot of the
    frame: one row per name, one column per unit; the first indicator of that name in a unit)."""
    if frame.empty:
        return []
    reach = frame.groupby("kunci", sort=False)["unit"].nunique()
    keys = reach[reach >= 2].index
    if not len(keys):
        return []
    subset = frame[frame["kunci"].isin(keys)].drop_duplicates(["kunci", "unit"])
    first = subset.drop_duplicates("kunci").set_index("kunci")
    wide = subset.pivot(index="kunci", columns="unit", values="capaian")
    members = subset.groupby("kunci", sort=False)["unit"].agg(list)
    found: list[Bersama] = []
    for key in first.index:
        row = wide.loc[key]
        per_unit = {u: (v if isinstance(v := row[u], Decimal) else None) for u in members[key]}
        values = [v for v in per_unit.values() if v is not None]
        found.append(Bersama(
            nama=str(first.at[key, "nama"]),
            satuan=str(first.at[key, "satuan"]),
            per_unit=dict(sorted(per_unit.items(), key=lambda item: units.index(item[0]) if item[0] in units else 0)),
            rata_rata=round_half_away(sum(values, Decimal(0)) / len(values), 2) if values else None,
            tertinggi=max(values) if values else None,
            terendah=min(values) if values else None,
        ))
    return found
