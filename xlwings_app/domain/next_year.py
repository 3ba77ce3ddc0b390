"""The next year's plan from this year's workbook (``kinerja baru --dari``).

PermenPANRB 53/2014: each year's Rencana Kinerja and Perjanjian Kinerja restate the indicators of
the Renstra with that year's targets. So a year carries over every indicator with its codes,
cascading, satuan, polaritas, agregasi and penanggung jawab; the targets are the Renstra's for
the new year when given ("Target Renstra 2025"), else blank for the planner to type; the new year
starts with no realisasi, budget or analysis (of any period). Last year's yearly target and
realisasi (by the indicator's agregasi, ``domain.aggregation``) are kept so the documents can
compare with the year before; the Renstra's end target stays.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from xlwings_app.domain.indicator import NO_CATATAN, NO_VALUES, Indicator, Periode
from xlwings_app.domain.measure import period_values


def next_year(indicator: Indicator, target_renstra: Decimal | None = None) -> Indicator:
    """``indicator`` for the following year (see the module docstring for what is carried)."""
    _, realisasi = period_values(indicator, Periode.TAHUNAN)
    return replace(
        indicator,
        target_tahunan=target_renstra,
        target_tw=NO_VALUES,
        realisasi_tw=NO_VALUES,
        batas_bawah=None,
        batas_atas=None,
        pagu=None,
        realisasi_anggaran=None,
        analisis=NO_CATATAN,
        target_lalu=indicator.target_tahunan,
        realisasi_lalu=realisasi,
    )
