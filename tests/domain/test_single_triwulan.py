"""Each triwulan on its own: realisasi TW n against target TW n, for any agregasi."""

from decimal import Decimal as D

import pytest

from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Polaritas
from xlwings_app.domain.measure import capaian_triwulan
from xlwings_app.domain.settings import Settings


def _indicator(agregasi: Agregasi, polaritas: Polaritas = Polaritas.POSITIF) -> Indicator:
    return Indicator("K", Jenis.IKU, "S", "N", "%", polaritas, agregasi, D(40),
                     (D(10), D(10), D(10), D(10)), (D(8), D(12), None, D(0)))


@pytest.mark.parametrize("agregasi", list(Agregasi))
def test_a_single_triwulan_ignores_the_agregasi(agregasi: Agregasi) -> None:
    ind = _indicator(agregasi)
    assert capaian_triwulan(ind, 1, Settings()) == D("80.00")
    assert capaian_triwulan(ind, 2, Settings()) == D("120.00")
    assert capaian_triwulan(ind, 3, Settings()) is None  # not filled in
    assert capaian_triwulan(ind, 4, Settings()) == D("0.00")


def test_a_single_triwulan_uses_the_polarity() -> None:
    ind = _indicator(Agregasi.JUMLAH, Polaritas.NEGATIF)
    assert capaian_triwulan(ind, 2, Settings()) == D("80.00")  # (2*10 - 12) / 10


def test_only_triwulan_one_to_four() -> None:
    with pytest.raises(ValueError):
        capaian_triwulan(_indicator(Agregasi.AKHIR), 5, Settings())
