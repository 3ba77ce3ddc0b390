"""Rekap's running tallies give exactly what the summaries of the whole list give."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.measure import Hasil, measure_all
from xlwings_app.domain.summary import by_penanggung_jawab, by_sasaran, summarize
from xlwings_app.domain.tally import RekapTally
from xlwings_app.samples import example


def _blank_groups() -> list:
    """The example's indicators with some sasaran and penanggung jawab blank (group "(tanpa nama)")."""
    return [
        replace(
            ind,
            sasaran="" if i % 5 == 0 else ind.sasaran,
            penanggung_jawab="" if i % 3 == 0 else ind.penanggung_jawab,
        )
        for i, ind in enumerate(example.INDICATORS)
    ]


@pytest.mark.parametrize("cap", [None, Decimal(100), Decimal("95.5")])
@pytest.mark.parametrize("periode", list(Periode))
def test_the_tallies_equal_the_summaries_of_all_results(periode: Periode, cap: Decimal | None) -> None:
    settings = replace(example.SETTINGS, batas_rata_rata=cap)
    results: list[Hasil] = measure_all(_blank_groups(), periode, settings)
    tally = RekapTally(settings)
    for h in results:
        tally.add(h)
    assert tally.jenis() == {
        j: summarize(j.value, [h for h in results if h.indicator.jenis is j], settings) for j in Jenis
    }
    iku = [h for h in results if h.indicator.jenis is Jenis.IKU]
    assert tally.sasaran() == by_sasaran(iku, settings)
    assert tally.penanggung_jawab() == by_penanggung_jawab(results, settings)
    assert any(r.nama == "(tanpa nama)" for r in tally.penanggung_jawab())
    assert any(r.rata_rata_capaian is not None for r in tally.jenis().values())


def test_a_label_outside_the_scale_is_counted_after_the_scale_s_labels() -> None:
    settings = example.SETTINGS
    results = measure_all(example.INDICATORS, Periode.TW3, settings)
    odd = [replace(h, predikat="Lain") if i == 1 and h.predikat else h for i, h in enumerate(results)]
    tally = RekapTally(settings)
    for h in odd:
        tally.add(h)
    assert tally.jenis()[Jenis.IKU] == summarize(
        "IKU", [h for h in odd if h.indicator.jenis is Jenis.IKU], settings
    )
    assert list(tally.jenis()[Jenis.IKU].per_predikat)[: len(settings.skala.labels)] == list(
        reversed(settings.skala.labels)
    )


def test_no_results_give_empty_summaries() -> None:
    tally = RekapTally(example.SETTINGS)
    assert tally.jenis() == {j: summarize(j.value, [], example.SETTINGS) for j in Jenis}
    assert tally.sasaran() == [] and tally.penanggung_jawab() == []
