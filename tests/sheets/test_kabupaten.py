"""Sheet Isian Kabupaten read from literal rows, as a person types them in Excel."""

from __future__ import annotations

import datetime as dt

from xlwings_app.domain.indicator import Periode
from xlwings_app.sheets import kabupaten as K


def rows(*extra: list[object], tanggal: object = "15 Juli 2024", tahun: object = 2024.0) -> list[list[object]]:
    return [
        ["Isian Kabupaten"], [], [],
        ["Kabupaten", "Kabupaten Lumajang"], ["Tahun", tahun], ["Tanggal penandatanganan", tanggal],
        ["Jabatan penandatangan", "Sekretaris Daerah"], ["Status (Plt./Plh., bila ada)", "Plt."],
        ["Nama penandatangan", "Drs. AGUS TRIYONO, M.Si."], ["NIP", "196805171994031008"], [],
        list(K.ISIAN_HEADERS),
        ["Kecamatan Senduro", None, "k7q2m xr4tb", None, None, None, None],
        [None] * 7,
        *extra,
    ]  # fmt: skip


def test_fields_units_and_codes() -> None:
    isian, kop, problems = K.parse_isian(rows(["Dinas Kominfo", "ABCDE-FGHIJ"]))
    assert problems == []
    assert (isian.kabupaten, isian.tahun, isian.tanggal) == ("Kabupaten Lumajang", 2024, dt.date(2024, 7, 15))
    assert isian.penandatangan.jabatan_lengkap == "Plt. Sekretaris Daerah"
    assert isian.unit_diharapkan == ("Kecamatan Senduro", "Dinas Kominfo")
    assert isian.kode_dokumen == {
        ("kecamatan senduro", Periode.TW2): "K7Q2M-XR4TB", ("dinas kominfo", Periode.TW1): "ABCDE-FGHIJ",
    }  # fmt: skip
    assert kop["instansi"] == K.DEFAULT_INSTANSI


def test_dates_as_excel_stores_them() -> None:
    assert K.parse_isian(rows(tanggal=dt.datetime(2024, 7, 15)))[0].tanggal == dt.date(2024, 7, 15)
    assert K.parse_isian(rows(tanggal="15/07/2024"))[0].tanggal == dt.date(2024, 7, 15)


def test_problems_name_the_cell() -> None:
    _, _, problems = K.parse_isian(rows(["Dinas Kominfo", "K7Q2M-XR4T1"], ["kecamatan  senduro"], tanggal="besok"))
    by_cell = {p.sel: p for p in problems}
    assert by_cell["B6"].is_error and "Tanggal" in by_cell["B6"].pesan
    assert by_cell["B15"].is_error and "K7Q2M-XR4T1" in by_cell["B15"].pesan
    assert not by_cell["A16"].is_error and "dua kali" in by_cell["A16"].pesan
