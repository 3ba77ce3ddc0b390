"""sheets.indicator_rows: an indicator's input cells, by the layout's column keys."""

from __future__ import annotations

from dataclasses import replace

from tests.domain.builders import indicator
from xlwings_app.sheets.indicator_rows import indicator_values
from xlwings_app.sheets.layout import layout


def test_every_input_column_of_the_layout_gets_a_value_as_excel_holds_it() -> None:
    ind = replace(indicator(kode="IKU-01", target_tahunan="87.5", target_tw=(20, 40), realisasi_tw=(21,)), induk=None)
    values = indicator_values(ind)
    inputs = {c.key for table in layout().tables.values() for c in table.inputs}
    assert set(values) == inputs
    assert (values["kode"], values["induk"], values["polaritas"]) == ("IKU-01", "", ind.polaritas.value)
    assert (values["target_tahunan"], values["t1"], values["t2"], values["r1"], values["r2"]) == (87.5, 20, 40, 21, None)
    assert isinstance(values["t1"], int)  # a whole Decimal is written as an int
