"""An earlier year joins the history only as it was sealed: a changed, added or removed indicator, a
different archive or another year refuses the whole year."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from tests.domain.lkjip.builders import ind, profil
from xlwings_app.domain.indicator import Agregasi, Jenis, Periode
from xlwings_app.domain.lkjip.history import SegelStatus
from xlwings_app.domain.lkjip.seals import SealedYear, verify_year
from xlwings_app.domain.seal import seal_record
from xlwings_app.domain.settings import Settings

SHA = "ab" * 32
INDICATORS = (
    ind("IKU-01", 90, 88, target_akhir=95),
    ind("IKU-02", 12, 14, agregasi=Agregasi.JUMLAH, satuan="dokumen"),
    ind("IKI-01", 4, 4, jenis=Jenis.IKI),
)


def sealed_2023(periode: Periode = Periode.TAHUNAN, when: dt.datetime | None = None) -> SealedYear:
    seal = seal_record(profil(2023), Settings(), INDICATORS, periode, "arsip-2023-tahunan.zip", SHA,
                       when or dt.datetime(2024, 2, 20, 9, 30))  # fmt: skip
    return SealedYear(2023, profil(2023), Settings(), INDICATORS, (seal,), "arsip-2023-tahunan.zip", SHA)


def test_a_year_as_sealed_is_verified_and_gives_its_iku_records() -> None:
    result = verify_year(sealed_2023())
    assert (result.refused, result.problems, result.segel) == (False, (), SegelStatus.TERVERIFIKASI)
    assert [(r.kode, r.tahun, r.target, r.realisasi, r.capaian, r.predikat, r.segel) for r in result.records] == [
        ("IKU-01", 2023, Decimal(90), Decimal(88), Decimal("97.78"), "Sangat Tinggi", SegelStatus.TERVERIFIKASI),
        ("IKU-02", 2023, Decimal(12), Decimal(14), Decimal("116.67"), "Sangat Tinggi", SegelStatus.TERVERIFIKASI),
    ]  # fmt: skip
    assert {r.sumber for r in result.records} == {"arsip-2023-tahunan.zip"}
    assert len(verify_year(sealed_2023(), jenis=None).records) == 3


def test_a_changed_indicator_refuses_the_whole_year_naming_it() -> None:
    year = sealed_2023()
    tampered = replace(year, indicators=(ind("IKU-01", 90, 95, target_akhir=95), *INDICATORS[1:]))
    result = verify_year(tampered)
    assert result.refused and result.records == () and result.segel is None
    [problem] = result.problems
    assert str(problem).startswith("arsip-2023-tahunan.zip: IKU-01 tahun 2023 berubah sejak disegel (kode verifikasi ")
    assert problem.file == "arsip-2023-tahunan.zip" and "arsip" not in problem.pesan


def test_an_added_and_a_removed_indicator_are_named() -> None:
    year = sealed_2023()
    result = verify_year(replace(year, indicators=(*INDICATORS[:2], ind("IKU-03", 1, 1))))
    assert [str(p) for p in result.problems] == [
        "arsip-2023-tahunan.zip: IKU-03 tidak ada saat tahun 2023 disegel.",
        "arsip-2023-tahunan.zip: IKI-01 ada saat tahun 2023 disegel tetapi kini hilang.",
    ]


def test_changed_settings_alone_refuse_the_year_too() -> None:
    from xlwings_app.domain.settings import VarianNegatif

    result = verify_year(replace(sealed_2023(), settings=Settings(varian_negatif=VarianNegatif.RASIO)))
    [problem] = result.problems
    assert result.refused
    assert problem.pesan.startswith("Profil unit, pengaturan atau urutan indikator tahun 2023 berubah sejak disegel")


def test_another_archive_than_the_sealed_one_is_refused() -> None:
    result = verify_year(replace(sealed_2023(), sha256_arsip="cd" * 32))
    assert result.refused
    assert str(result.problems[0]) == ("arsip-2023-tahunan.zip: Bukan arsip yang disegel: SHA-256-nya berbeda dari "
                                       "yang dicatat saat penyegelan (arsip-2023-tahunan.zip).")


def test_data_of_another_year_is_refused() -> None:
    result = verify_year(replace(sealed_2023(), tahun=2022))
    assert result.refused
    assert str(result.problems[0]) == "arsip-2023-tahunan.zip: Berisi data tahun 2023, bukan 2022."


def test_a_year_without_a_yearly_seal_is_taken_as_read_with_a_notice() -> None:
    for year in (replace(sealed_2023(), seals=()), sealed_2023(Periode.TW4)):
        result = verify_year(year)
        assert not result.refused and result.segel is SegelStatus.TANPA_SEGEL
        assert [p.tingkat for p in result.problems] == ["catatan"]
        assert str(result.problems[0]) == ("arsip-2023-tahunan.zip: Data tahun 2023 belum disegel (tidak ada segel "
                                           "periode Tahunan); diambil apa adanya.")
        assert {r.segel for r in result.records} == {SegelStatus.TANPA_SEGEL}


def test_the_latest_yearly_seal_judges() -> None:
    old = sealed_2023(when=dt.datetime(2024, 1, 10))
    changed = (ind("IKU-01", 90, 89, target_akhir=95), *INDICATORS[1:])
    resealed = seal_record(profil(2023), Settings(), changed, Periode.TAHUNAN, "arsip-2023-tahunan.zip", SHA,
                           dt.datetime(2024, 2, 20))  # fmt: skip
    result = verify_year(replace(old, indicators=changed, seals=(*old.seals, resealed)))
    assert not result.refused and result.records[0].realisasi == Decimal(89)
