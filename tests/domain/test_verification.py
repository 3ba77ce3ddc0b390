from dataclasses import fields, replace
from decimal import Decimal

import pytest

from xlwings_app.domain.analisis import with_catatan
from xlwings_app.domain.indicator import Agregasi, Catatan, Indicator, Jenis, Periode, Polaritas
from xlwings_app.domain.settings import Settings, VarianNegatif
from xlwings_app.domain.verification import indicator_inputs, verification_code
from xlwings_app.samples import contoh

CODE_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567-")


def code(indicators: list[Indicator] | None = None, periode: Periode = Periode.TW2,
         settings: Settings | None = None, profil=contoh.PROFIL) -> str:
    return verification_code(profil, periode, indicators or contoh.INDICATORS, settings or Settings())


def test_the_code_is_ten_characters_grouped_and_stable() -> None:
    first = code()
    assert len(first) == 11 and first[5] == "-" and set(first) <= CODE_CHARS
    assert code([replace(i) for i in contoh.INDICATORS]) == first


def test_the_same_value_written_differently_gives_the_same_code() -> None:
    changed = [replace(contoh.INDICATORS[0], target_tahunan=Decimal("85.00"))] + contoh.INDICATORS[1:]
    assert code(changed) == code()


CHANGES: dict[str, object] = {
    "kode": "IKU 9.9", "jenis": Jenis.IKI, "sasaran": "Sasaran lain", "nama": "Nama lain",
    "satuan": "orang", "polaritas": Polaritas.NEGATIF, "agregasi": Agregasi.JUMLAH,
    "target_tahunan": Decimal("99"), "target_tw": (Decimal(1), Decimal(2), None, None),
    "realisasi_tw": (Decimal("83.4"), Decimal("84.16"), None, None),
    "batas_bawah": Decimal(1), "batas_atas": Decimal(2), "penanggung_jawab": "Camat",
    "pagu": Decimal(1), "realisasi_anggaran": Decimal(1),
    "analisis": tuple(Catatan("x", "y") for _ in Periode), "keterangan": "z", "induk": "IKU 1",
}


NOT_COVERED = {"target_lalu", "realisasi_lalu", "program"}
"""Planning values (Rencana/Perjanjian Kinerja, ``kinerja baru --dari``): the Pengukuran document the
code certifies does not print them, and sealed codes of earlier workbooks must stay valid."""
WHEN_FILLED = {"target_akhir_renstra"}
"""Printed by the Pengukuran document (Kemajuan terhadap Target Akhir Renstra) when filled."""


def test_every_input_field_is_covered() -> None:
    inputs = {f.name for f in fields(Indicator) if f.compare}
    assert inputs == set(CHANGES) | NOT_COVERED | WHEN_FILLED


def test_the_renstra_target_counts_only_when_filled() -> None:
    blank = [replace(i, target_akhir_renstra=None) for i in contoh.INDICATORS]
    assert contoh.INDICATORS[0].target_akhir_renstra is not None and code(blank) != code()

    def with_renstra(value: str) -> list[Indicator]:
        return [blank[0], replace(blank[1], target_akhir_renstra=Decimal(value)), *blank[2:]]

    assert code(with_renstra("97")) != code(blank)
    assert code(with_renstra("97")) != code(with_renstra("98"))
    assert code(with_renstra("97")) == code(with_renstra("97.00"))
    # blank: the inputs are those of a workbook without the column, so codes sealed before stay valid
    assert "target_akhir_renstra" not in indicator_inputs(blank[1], Periode.TAHUNAN)


@pytest.mark.parametrize("name", sorted(NOT_COVERED))
def test_planning_values_do_not_change_the_code(name: str) -> None:
    value = "Program lain" if name == "program" else Decimal(7)
    changed = [replace(contoh.INDICATORS[0], **{name: value})] + contoh.INDICATORS[1:]
    assert code(changed, Periode.TAHUNAN) == code(periode=Periode.TAHUNAN)


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_any_input_change_changes_the_code(name: str) -> None:
    changed = [replace(contoh.INDICATORS[0], **{name: CHANGES[name]})] + contoh.INDICATORS[1:]
    assert code(changed, Periode.TAHUNAN) != code(periode=Periode.TAHUNAN)


@pytest.mark.parametrize("periode", list(Periode))
def test_a_periods_code_covers_its_own_analysis_only(periode: Periode) -> None:
    """A seal covers what its period's document shows: writing another period's analysis (TW III's
    Permasalahan, the year's faktor) never changes a sealed period's code; its own does."""
    first = contoh.INDICATORS[1]

    def written(p: Periode, **texts: str) -> list[Indicator]:
        return [contoh.INDICATORS[0], replace(first, analisis=with_catatan(first.analisis, p, **texts)),
                *contoh.INDICATORS[2:]]

    for other in Periode:
        if other is not periode:
            assert code(written(other, permasalahan="lain", faktor_penghambat="lain"), periode) == code(periode=periode)
    assert code(written(periode, permasalahan="baru"), periode) != code(periode=periode)
    assert code(written(periode, faktor_pendukung="baru"), periode) != code(periode=periode)


def test_unit_period_settings_and_order_change_the_code() -> None:
    base = code()
    assert code(periode=Periode.TW3) != base
    assert code(profil=replace(contoh.PROFIL, unit="Kecamatan Lain")) != base
    assert code(profil=replace(contoh.PROFIL, tahun=2025)) != base
    assert code(settings=Settings(varian_negatif=VarianNegatif.RASIO)) != base
    assert code(list(reversed(contoh.INDICATORS))) != base


def test_later_triwulan_do_not_change_an_earlier_period_code() -> None:
    later = [replace(i, realisasi_tw=(*i.realisasi_tw[:2], Decimal(1), None)) for i in contoh.INDICATORS]
    assert code(later, Periode.TW2) == code(periode=Periode.TW2)
    assert code(later, Periode.TW3) != code(periode=Periode.TW3)
