"""Formulir Rencana Kinerja: one form per official, their indicators pre-filled, blank rows for new ones."""

from __future__ import annotations

from decimal import Decimal

from tests.domain.administrasi.planning_fixtures import CAMAT, KASI_PEL, KASI_PEM, MASTER, TAHUN, UNIT, d
from xlwings_app.domain.administrasi.formulir_rencana import formulir_rencana, formulir_rencana_semua
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.profil import Pejabat

PEJABAT = (Pejabat(CAMAT, "A"), Pejabat(KASI_PEM, "B"), Pejabat(KASI_PEL, "C"), Pejabat("Kasi Trantib", "D"))


def test_an_officials_form_holds_their_indicators_with_context_and_proposals() -> None:
    form = formulir_rencana(MASTER, "  kasi   pemerintahan ", UNIT, TAHUN, PEJABAT)
    assert (form.unit, form.tahun, form.penanggung_jawab, form.pejabat) == (UNIT, TAHUN, KASI_PEM, PEJABAT[1])
    assert [b.kode for b in form.indikator] == ["IKI-01", "IKI-03"]
    first = form.indikator[0]
    assert (first.induk, first.satuan, first.target_lalu, first.realisasi_lalu) == ("IKU-01", "dokumen", Decimal(10),
                                                                                    Decimal(9))  # fmt: skip
    assert (first.target_tahunan, first.target_tw) == (Decimal(8), d(2, 2, 2, 2))  # the master's, to keep or change
    assert form.kosong == 3
    blank = form.baris[-1]
    assert blank.baru and blank.jenis is Jenis.IKI and blank.kode == "" and blank.target_tahunan is None


def test_every_official_gets_a_form_even_without_indicators() -> None:
    forms = formulir_rencana_semua(MASTER, UNIT, TAHUN, PEJABAT, baris_baru=2)
    assert [f.penanggung_jawab for f in forms] == [CAMAT, KASI_PEM, KASI_PEL, "Kasi Trantib"]
    assert [len(f.indikator) for f in forms] == [2, 2, 1, 0]
    assert {f.kosong for f in forms} == {2}
