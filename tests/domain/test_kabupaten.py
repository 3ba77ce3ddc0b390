"""The consolidation rules on plain values (no file, no engine)."""

from __future__ import annotations

import datetime as dt

import pytest

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.kabupaten import (
    Isian,
    Jenis,
    Keadaan,
    Kiriman,
    belum_melapor,
    keadaan,
    konsolidasi,
    normal_code,
    pilih,
    tahun_rekap,
)
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.settings import Settings


def k(unit: str, jenis: Jenis = Jenis.WORKBOOK, tahun: int = 2024, **kw: object) -> Kiriman:
    base = Kiriman(file=f"{unit}.{'zip' if jenis is Jenis.ARSIP else 'xlsx'}", jenis=jenis, kabupaten="Uji",
                   unit=unit, tahun=tahun, indicators=[], settings=Settings(), kode="AAAAA-BBBBB")  # fmt: skip
    for key, value in kw.items():
        setattr(base, key, value)
    return base


@pytest.mark.parametrize(
    ("kiriman", "paper", "state"),
    [
        (k("A", Jenis.ARSIP, kode_segel="AAAAA-BBBBB"), None, Keadaan.FINAL),
        (k("A", Jenis.ARSIP, kode_segel="AAAAA-BBBBB"), "aaaaa bbbbb", Keadaan.FINAL),
        (k("A", Jenis.ARSIP, kode_segel="AAAAA-BBBBB"), "CCCCC-DDDDD", Keadaan.TIDAK_COCOK),
        (k("A", Jenis.ARSIP, kode_segel="CCCCC-DDDDD"), None, Keadaan.BERUBAH),
        (k("A", Jenis.ARSIP, kode_segel="AAAAA-BBBBB", masalah_arsip=["berkas x berubah"]), None, Keadaan.BERUBAH),
        (k("A"), None, Keadaan.BELUM_DISEGEL),
        (k("A", kode_segel="AAAAA-BBBBB"), None, Keadaan.FINAL),
        (k("A", kode_segel="CCCCC-DDDDD"), None, Keadaan.BERUBAH),
        (k("A", problems=[Problem("x", "IKU", 5)]), "CCCCC-DDDDD", Keadaan.GALAT_ISIAN),
    ],
)
def test_the_first_state_that_applies(kiriman: Kiriman, paper: str | None, state: Keadaan) -> None:
    assert keadaan(kiriman, paper)[0] is state


def test_one_file_per_unit() -> None:
    t1 = dt.datetime(2024, 7, 1, tzinfo=dt.UTC)
    old = k("A", Jenis.ARSIP, periode_arsip=Periode.TW2, disegel=t1)
    new = k("a ", Jenis.ARSIP, periode_arsip=Periode.TW2, disegel=t1 + dt.timedelta(days=1))
    new.file = "A-baru.zip"
    book, copy = k("B"), k("B")
    copy.file = "B (2).xlsx"
    chosen, refused = pilih([old, k("A"), new, book, copy, k("C", tahun=2023),
                             k("D", Jenis.ARSIP, periode_arsip=Periode.TW1)], 2024, Periode.TW2)  # fmt: skip
    assert [c.file for c in chosen] == ["A-baru.zip", "B.xlsx"]
    reasons = {r.file: (r.tingkat, r.alasan) for r in refused}
    assert reasons["A.xlsx"][0] == "catatan" and "arsip tersegel" in reasons["A.xlsx"][1]
    assert "disegel lebih akhir" in reasons["A.zip"][1]
    assert reasons["B (2).xlsx"] == ("galat", "duplikat: unit yang sama sudah dibaca dari B.xlsx")
    assert "tahun 2023" in reasons["C.xlsx"][1] and "periode TW1" in reasons["D.zip"][1]


def test_expected_units_not_received_and_order() -> None:
    isian = Isian(unit_diharapkan=("Z", "B", "Hilang"))
    rekap = konsolidasi(isian, [k("B"), k("Tak diharapkan"), k("z", problems=[Problem("x")])], [], 2024, Periode.TW2)
    assert [(u.unit, u.keadaan) for u in rekap.units] == [
        ("z", Keadaan.GALAT_ISIAN), ("B", Keadaan.BELUM_DISEGEL), ("Hilang", Keadaan.BELUM_DITERIMA),
        ("Tak diharapkan", Keadaan.BELUM_DISEGEL),
    ]  # fmt: skip
    assert belum_melapor(rekap) == ["z", "Hilang"]
    assert [u.unit for u in rekap.dihitung] == ["B", "Tak diharapkan"]


def test_year_and_codes() -> None:
    assert tahun_rekap(Isian(), [k("A", tahun=2023), k("B"), k("C")]) == 2024
    assert tahun_rekap(Isian(tahun=2023), [k("B")]) == 2023
    assert tahun_rekap(Isian(), [k("B")], 2022) == 2022
    assert normal_code(" k7q2m xr4tb ") == "K7Q2M-XR4TB"


def test_a_workbook_with_nothing_filled_in_the_period_is_of_another_period() -> None:
    from dataclasses import replace
    from decimal import Decimal

    from xlwings_app.samples.synthetic import random_indicators

    base = random_indicators(3, 0, seed=5)
    filled = [replace(i, realisasi_tw=(Decimal(1), Decimal(2), None, None)) for i in base]
    empty_tw2 = [replace(i, realisasi_tw=(Decimal(1), None, None, None)) for i in base]
    chosen, refused = pilih([k("A", indicators=empty_tw2), k("B", indicators=filled)], 2024, Periode.TW2)
    assert [c.unit for c in chosen] == ["B"]
    assert [r.file for r in refused] == ["A.xlsx"] and "TW II belum diisi" in refused[0].alasan
    assert [c.unit for c in pilih([k("A", indicators=empty_tw2)], 2024, Periode.TW1)[0]] == ["A"]
