"""``hitung`` measures one indicator at a time and keeps no list of results: what it gives is what
measuring every indicator in every period and summarising the lists gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.measure import Measured, carry_problems, measure_all, measure_every_period
from xlwings_app.domain.summary import by_penanggung_jawab, by_sasaran, summarize
from xlwings_app.services.hitung import hitung_data, measure_workbook
from xlwings_app.services.workbook import load
from xlwings_app.sheets.hasil_spool import HasilSpool


@pytest.mark.parametrize("periode", [None, Periode.TW1, Periode.TAHUNAN])
def test_compute_gives_what_the_lists_give(example_path: Path, periode: Periode | None) -> None:
    data = load(example_path)
    settings = data.settings
    chosen = periode or settings.periode_aktif
    by_period = measure_every_period(data.indicators, settings)
    hasil = by_period[chosen]
    result = measure_workbook(data, periode)
    assert isinstance(result.semua_periode, HasilSpool) and isinstance(result.hasil, Measured)
    assert list(result.semua_periode) == [
        by_period[p][i] for i in range(len(data.indicators)) for p in Periode
    ]
    assert list(result.hasil) == hasil == measure_all(data.indicators, chosen, settings)
    assert result.per_jenis == {
        j: summarize(j.value, [h for h in hasil if h.indicator.jenis is j], settings) for j in Jenis
    }
    assert result.per_sasaran == by_sasaran([h for h in hasil if h.indicator.jenis is Jenis.IKU], settings)
    assert result.per_penanggung_jawab == by_penanggung_jawab(hasil, settings)
    assert carry_problems(result.dibawa, data.cells) == carry_problems(hasil, data.cells)


def test_the_carry_notices_are_the_chosen_period_s(example_path: Path) -> None:
    data = load(example_path)
    result = hitung_data(data, Periode.TW4)
    notices = [p for p in result.problems if p.tingkat == "catatan" and "memakai" in p.pesan]
    expected = carry_problems(measure_all(data.indicators, Periode.TW4, data.settings), data.cells)
    assert notices and [p.pesan for p in notices] == [p.pesan for p in expected]
