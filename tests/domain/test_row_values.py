"""A row kept by the reader (``RowValues``) reads as the dict of its values."""

from __future__ import annotations

from xlwings_app.domain.rows import RowValues


def test_row_values_read_as_the_dict_of_the_row() -> None:
    keys = {"kode": 0, "nama": 1, "target_tahunan": 2}
    values = RowValues(keys, ("IKU-01", "Indeks", 82.5))
    as_dict = {"kode": "IKU-01", "nama": "Indeks", "target_tahunan": 82.5}
    assert values == as_dict and dict(values) == as_dict and list(values) == list(as_dict)
    assert values.get("nama") == "Indeks" and values.get("induk") is None and "induk" not in values
    assert len(values) == 3 and list(values.values()) == ["IKU-01", "Indeks", 82.5]
    assert "IKU-01" in repr(values)
