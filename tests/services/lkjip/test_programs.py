"""Programs from the IKU's Program/Kegiatan, Pagu and Realisasi Anggaran columns (a workbook without a
performance tree), hand-computed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.domain.lkjip.builders import ind
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.lkjip.budget import programs_from_indicators
from xlwings_app.domain.measure import Hasil, measure
from xlwings_app.domain.settings import Settings


def hasil(kode: str, target: Decimal, realisasi: Decimal, program: str = "", **kw: object) -> Hasil:
    return measure(replace(ind(kode, target, realisasi, **kw), program=program), Periode.TAHUNAN, Settings())  # type: ignore[arg-type]


def test_programs_sum_their_indicators_and_average_capaian() -> None:
    a = hasil("IKU-01", Decimal(100), Decimal(90), sasaran="S1", program="Program A", pagu=Decimal(1000),
              realisasi_anggaran=Decimal(800))
    b = hasil("IKU-02", Decimal(100), Decimal(110), sasaran="S1", program=" program  a ", pagu=Decimal(500),
              realisasi_anggaran=Decimal(450))
    c = hasil("IKU-03", Decimal(10), Decimal(5), sasaran="S2", program="Program B", pagu=Decimal(300))
    d = hasil("IKU-04", Decimal(10), Decimal(5), sasaran="S2")
    [pa, pb] = programs_from_indicators([a, b, c, d])
    assert (pa.nama, pa.sasaran, pa.pagu, pa.realisasi_anggaran) == ("Program A", "S1", Decimal(1500), Decimal(1250))
    assert pa.capaian == Decimal("100.00")  # (90 + 110) / 2
    assert pa.serapan == Decimal("83.33")  # 1250 / 1500
    # realisasi not filled: no sum, no serapan
    assert (pb.nama, pb.pagu, pb.realisasi_anggaran, pb.serapan) == ("Program B", Decimal(300), None, None)
