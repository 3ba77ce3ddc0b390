"""domain.next_year: what a year carries into the next (PermenPANRB 53/2014)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.domain.builders import indicator
from xlwings_app.domain.analisis import NO_CATATAN, with_catatan
from xlwings_app.domain.indicator import NO_VALUES, Agregasi, Periode
from xlwings_app.domain.next_year import next_year


def test_the_next_year_keeps_the_indicator_and_starts_without_values() -> None:
    this = replace(indicator(kode="IKU-01", agregasi=Agregasi.JUMLAH, target_tahunan=40, target_tw=(10, 10, 10, 10),
                             realisasi_tw=(8, 12, 9, 11), pagu=1000, realisasi_anggaran=900),
                   analisis=with_catatan(NO_CATATAN, Periode.TAHUNAN, permasalahan="Cuaca",
                                         rencana_aksi="Jadwal ulang"))  # fmt: skip
    new = next_year(this, Decimal(45))
    assert (new.kode, new.sasaran, new.polaritas, new.agregasi, new.penanggung_jawab) == (
        this.kode, this.sasaran, this.polaritas, this.agregasi, this.penanggung_jawab)
    assert new.target_tahunan == Decimal(45) and new.target_tw == new.realisasi_tw == NO_VALUES
    assert (new.pagu, new.realisasi_anggaran, new.analisis) == (None, None, NO_CATATAN)
    assert (new.target_lalu, new.realisasi_lalu) == (Decimal(40), Decimal(40))  # Jumlah: the four TWs summed


def test_without_a_renstra_target_the_new_target_is_blank() -> None:
    assert next_year(indicator(target_tahunan=90)).target_tahunan is None
