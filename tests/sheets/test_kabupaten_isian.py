"""Sheet Isian Kabupaten read with the one table reader (``sheets.kabupaten``): fields, units, codes."""

from __future__ import annotations

from tests.sheets.test_kabupaten import rows
from xlwings_app.domain.indicator import Periode
from xlwings_app.sheets import kabupaten as K


def test_code_columns_are_found_by_header_wherever_they_stand() -> None:
    moved = [["Kabupaten", "Kab. Uji"], [], ["Kode TW2", "Keterangan", "unit  kerja", "Kode TW1"],
             ["K7Q2M-XR4TB", None, "Dinas A", "bukan kode"]]  # fmt: skip
    isian, _, [problem] = K.parse_isian(moved)
    assert isian.unit_diharapkan == ("Dinas A",) and isian.kode_dokumen == {("dinas a", Periode.TW2): "K7Q2M-XR4TB"}
    assert (problem.sel, problem.baris, problem.is_error) == ("D4", 4, True)


def test_a_unit_written_twice_is_a_notice_and_the_positions_are_its_first_row() -> None:
    sheet = rows(["Dinas Kominfo"], ["dinas  kominfo"])
    _, _, [notice] = K.parse_isian(sheet)
    assert (notice.sel, notice.tingkat) == ("A16", "catatan")
    units, columns = K.isian_positions(sheet)
    assert units == {"kecamatan senduro": 13, "dinas kominfo": 15}
    assert columns == {p: i for i, p in enumerate(Periode, start=2)}


def test_without_the_unit_table_only_the_fields_are_read() -> None:
    isian, kop, problems = K.parse_isian([["Kabupaten", "Kab. Uji"], ["Instansi penyusun (kop)", "Bappeda"]])
    assert (isian.kabupaten, isian.unit_diharapkan, kop["instansi"], problems) == ("Kab. Uji", (), "Bappeda", [])
    assert K.isian_positions([["Kabupaten", "Kab. Uji"]]) == ({}, {})
