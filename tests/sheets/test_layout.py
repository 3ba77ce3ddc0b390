"""Every sheet name and the Hasil layout come from workbook/layout.toml (``sheets.layout``)."""

from __future__ import annotations

import tomllib

from xlwings_app.domain import seal
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.measure import measure_all
from xlwings_app.resources import resource_dir
from xlwings_app.samples import example
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.results import hasil_row


def raw() -> dict[str, object]:
    with (resource_dir("workbook") / "layout.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_the_sheet_constants_are_the_declared_names() -> None:
    declared = raw()["sheets"]
    assert isinstance(declared, dict)
    assert L.layout().sheets.__dict__ == declared
    assert (declared["rekap"], declared["segel"], declared["log"]) == (L.SHEET_REKAP, L.SHEET_SEGEL, L.SHEET_LOG)


def test_the_domain_names_sheet_segel_as_the_layout_does() -> None:
    # domain.seal names the sheet in its problems; it cannot import the layout (a lower layer).
    assert seal.SHEET == L.SHEET_SEGEL


def test_hasil_layout_has_one_width_per_header_and_a_status_column() -> None:
    hasil = L.layout().hasil
    assert len(hasil.widths) == len(hasil.headers) == 13
    assert hasil.headers[hasil.status_column - 1] == "Status"
    assert hasil.header_row == 4


def test_a_hasil_row_has_a_value_per_header() -> None:
    results = measure_all(example.INDICATORS, Periode.TW2, example.SETTINGS)
    assert results
    for h in results:
        assert len(hasil_row(h)) == len(L.layout().hasil.headers)
