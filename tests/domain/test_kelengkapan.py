"""domain.kelengkapan: an unmet indicator needs Permasalahan and Rencana Aksi before signing."""

from __future__ import annotations

from dataclasses import replace

from tests.domain.builders import indicator
from xlwings_app.domain.analisis import with_catatan
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.kelengkapan import document_gaps, missing_fields
from xlwings_app.domain.measure import measure
from xlwings_app.domain.settings import Settings

UNMET = replace(indicator(kode="IKU-01", target_tahunan=100, realisasi_tw=(50, 50, 50, 50)), sheet="IKU", baris=7)
MET = replace(indicator(kode="IKU-02", target_tahunan=100, realisasi_tw=(100, 100, 100, 100)), sheet="IKU", baris=8)


def test_an_unmet_indicator_lacks_both_analysis_cells_and_a_met_one_none() -> None:
    assert missing_fields(measure(UNMET, Periode.TAHUNAN, Settings())) == ["Permasalahan", "Rencana Aksi"]
    assert missing_fields(measure(MET, Periode.TAHUNAN, Settings())) == []


def test_each_missing_cell_is_one_problem_naming_its_cell() -> None:
    written = with_catatan(UNMET.analisis, Periode.TAHUNAN, permasalahan="Anggaran terlambat")
    filled = replace(UNMET, kode="IKU-03", baris=9, analisis=written)
    results = [measure(i, Periode.TAHUNAN, Settings()) for i in (UNMET, MET, filled)]
    cells = {("IKU", 7, "permasalahan_tahunan"): "R7", ("IKU", 7, "rencana_aksi_tahunan"): "S7",
             ("IKU", 9, "rencana_aksi_tahunan"): "S9"}  # fmt: skip
    gaps = document_gaps(results, cells)
    assert [(p.baris, p.kolom, p.sel, p.tingkat) for p in gaps] == [
        (7, "Permasalahan Tahunan", "R7", "galat"), (7, "Rencana Aksi Tahunan", "S7", "galat"),
        (9, "Rencana Aksi Tahunan", "S9", "galat"),
    ]
    assert "IKU-01 belum mencapai target" in gaps[0].pesan
    assert {p.tingkat for p in document_gaps(results, cells, "catatan")} == {"catatan"}
