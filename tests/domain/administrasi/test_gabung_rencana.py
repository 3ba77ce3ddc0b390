"""Merging planning forms: all or nothing, every change with its source cell, new indicators added."""

from __future__ import annotations

from decimal import Decimal

from tests.domain.administrasi.planning_fixtures import (
    CAMAT,
    KASI_PEL,
    KASI_PEM,
    MASTER,
    TAHUN,
    UNIT,
    d,
    form,
    usul,
)
from xlwings_app.domain.administrasi.gabung_rencana import PerubahanRencana, gabung_rencana
from xlwings_app.domain.indicator import Agregasi, Jenis, Polaritas

PEM_FILE, PEL_FILE = "Formulir Rencana Kasi Pemerintahan.xlsx", "Formulir Rencana Kasi Pelayanan Umum.xlsx"
NEW = {"baru": True, "sasaran": "Meningkatnya kualitas pelayanan", "nama": "Desa yang dibina administrasinya",
       "satuan": "desa", "polaritas": Polaritas.POSITIF, "agregasi": Agregasi.JUMLAH, "induk": "IKU-01"}  # fmt: skip


def good_forms() -> tuple[object, ...]:
    pem = form(KASI_PEM,
               usul("IKI-01", 9, 9, d(2, 2, 2, 3), rencana_aksi="Rapat koordinasi  tiap bulan"),
               usul("IKI-03", 10, None, d(None, None, None, None)),  # left as pre-filled
               usul("IKI-13", 20, 0, d(0, 0, 0, 0), **NEW))  # fmt: skip
    pel = form(KASI_PEL, usul("IKI-02", 9, 3, d(0, 1, 1, 1)))
    return pem, pel


def test_every_proposed_value_that_differs_is_one_change_with_its_cell() -> None:
    result = gabung_rencana(good_forms(), MASTER, UNIT, TAHUN)  # type: ignore[arg-type]
    assert result.diterapkan
    changes = [(c.kode, c.key, c.lama, c.baru, c.file, c.sel) for c in result.perubahan]
    assert changes[:2] == [
        ("IKI-01", "target_tahunan", Decimal(8), Decimal(9), PEM_FILE, "I9"),
        ("IKI-01", "t4", Decimal(2), Decimal(3), PEM_FILE, "M9"),  # TW I-III were proposed unchanged
    ]
    assert ("IKI-02", "t1", Decimal(1), Decimal(0), PEL_FILE, "J9") in changes
    assert not any(kode == "IKI-03" for kode, *_ in changes)  # blank proposals change nothing
    new = [c for c in result.perubahan if c.kode == "IKI-13"]
    assert [(c.key, c.lama) for c in new][:3] == [("kode", None), ("jenis", None), ("induk", None)]
    assert PerubahanRencana("IKI-13", "satuan", "Satuan", None, "desa", PEM_FILE, "Rencana", "F20") in new
    by_kode = {i.kode: i for i in result.indikator}
    assert (by_kode["IKI-01"].target_tahunan, by_kode["IKI-01"].target_tw) == (Decimal(9), d(2, 2, 2, 3))
    assert by_kode["IKI-01"].target_lalu == Decimal(10)  # everything else of the master stays
    added = by_kode["IKI-13"]
    assert (added.jenis, added.penanggung_jawab, added.induk, added.target_tw) == (Jenis.IKI, KASI_PEM, "IKU-01",
                                                                                   d(0, 0, 0, 0))  # fmt: skip
    assert [i.kode for i in result.indikator] == [*(i.kode for i in MASTER), "IKI-13"]
    assert result.baru == ("IKI-13",)
    assert dict(result.rencana_aksi) == {"IKI-01": "Rapat koordinasi tiap bulan"}


def test_officials_who_sent_nothing_are_named_and_do_not_block() -> None:
    result = gabung_rencana(good_forms(), MASTER, UNIT, TAHUN)  # type: ignore[arg-type]
    assert result.tanpa_formulir == (CAMAT,)
    (notice,) = result.problems
    assert notice.tingkat == "catatan" and notice.pesan.startswith("Formulir rencana belum masuk dari: Camat.")


def test_one_galat_in_any_form_and_nothing_changes() -> None:
    pem, pel = good_forms()
    broken = form(KASI_PEL, usul("IKI-02", 9, 3, d(0, 1, 1, 5)))  # Jumlah 7 against 3
    result = gabung_rencana((pem, broken), MASTER, UNIT, TAHUN)  # type: ignore[arg-type]
    assert not result.diterapkan
    assert (result.perubahan, result.baru, dict(result.rencana_aksi)) == ((), (), {})
    assert result.indikator == MASTER
    assert [p.file for p in result.problems if p.is_error] == [PEL_FILE]


def test_forms_that_change_nothing_make_no_change() -> None:
    same = form(KASI_PEM, usul("IKI-01", 9, 8, d(2, 2, 2, 2)), usul("IKI-03", 10, 92))
    result = gabung_rencana((same,), MASTER, UNIT, TAHUN)
    assert result.diterapkan and result.perubahan == () and result.indikator == MASTER
