"""The print record and the signing the verification code covers (``domain.cetak``, ``domain.verification``,
``domain.seal``): a paper dated or signed otherwise has another code; a seal is judged signed as printed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from xlwings_app.domain.cetak import Berkas, CatatanCetak, TandaTangan, differences, parse_dokumen
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.kabupaten import Jenis as JenisKiriman
from xlwings_app.domain.kabupaten import Keadaan, Kiriman, keadaan, tanggal_cocok
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.seal import check_seals, fingerprints, seal_record
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.verification import plan_code, verification_code
from xlwings_app.samples import contoh

PROFIL = contoh.PROFIL
IKU = [i for i in contoh.INDICATORS if i.jenis is Jenis.IKU]
SIGNED = TandaTangan(dt.date(2024, 4, 10), PROFIL.penandatangan)


def code(ttd: TandaTangan | None = SIGNED, indicators=IKU, profil=PROFIL) -> str:  # noqa: ANN001
    return verification_code(profil, Periode.TW1, indicators, Settings(), ttd)


def test_the_code_covers_the_printed_date_and_signer_and_not_only_the_data() -> None:
    assert code() == code(TandaTangan(dt.date(2024, 4, 10), replace(PROFIL.penandatangan)))
    others = {
        "date": TandaTangan(dt.date(2024, 4, 11), PROFIL.penandatangan),
        "name": TandaTangan(SIGNED.tanggal, replace(PROFIL.penandatangan, nama="Dra. LAIN")),
        "nip": TandaTangan(SIGNED.tanggal, replace(PROFIL.penandatangan, nip="198001012005011001")),
        "acting": TandaTangan(SIGNED.tanggal, replace(PROFIL.penandatangan, status="Plh.")),
    }
    assert len({code(), code(None), *(code(t) for t in others.values())}) == 2 + len(others)
    assert code(None) == verification_code(PROFIL, Periode.TW1, IKU, Settings())  # the data alone, as before


def test_the_nip_as_grouped_or_plain_is_one_signer() -> None:
    plain = replace(PROFIL.penandatangan, nip="".join(PROFIL.penandatangan.nip.split()))
    assert code(TandaTangan(SIGNED.tanggal, plain)) == code()


def test_a_plan_code_covers_targets_and_signing_but_not_realisasi() -> None:
    pk = plan_code(PROFIL, "PK", IKU, SIGNED)
    realised = [replace(IKU[0], realisasi_tw=(Decimal(1), None, None, None)), *IKU[1:]]
    assert plan_code(PROFIL, "PK", realised, SIGNED) == pk
    retargeted = [replace(IKU[0], target_tahunan=(IKU[0].target_tahunan or 0) + 1), *IKU[1:]]
    assert plan_code(PROFIL, "PK", retargeted, SIGNED) != pk
    assert plan_code(PROFIL, "RK", IKU, SIGNED) != pk
    assert plan_code(PROFIL, "PK", IKU, TandaTangan(dt.date(2024, 1, 3), PROFIL.penandatangan)) != pk


def test_a_new_signer_for_a_later_period_does_not_make_a_sealed_one_changed() -> None:
    seal = seal_record(PROFIL, Settings(), IKU, Periode.TW1, "a.zip", "a" * 64, dt.datetime(2024, 4, 12), SIGNED)
    assert seal.kode_verifikasi == code()
    new_camat = replace(PROFIL, penandatangan=Pejabat("Camat Senduro", "Drs. PENGGANTI", nip="198001012005011001"))
    assert check_seals([seal], new_camat, Settings(), IKU) == []
    changed = [replace(IKU[0], realisasi_tw=(Decimal(1), None, None, None)), *IKU[1:]]
    [warning] = check_seals([seal], new_camat, Settings(), changed)
    assert f"berubah: {IKU[0].kode}" in warning.pesan


def test_a_sealed_plan_names_the_target_changed_since() -> None:
    signed = TandaTangan(dt.date(2024, 1, 2), PROFIL.penandatangan)
    record = CatatanCetak("PK", plan_code(PROFIL, "PK", IKU, signed), signed, dt.datetime(2024, 1, 2, 9), "k.xlsx",
                          (Berkas("Perjanjian_Kinerja_2024.docx", "b" * 64),), fingerprints("PK", IKU))  # fmt: skip
    from xlwings_app.domain.seal import sealed

    seal = sealed(record, "arsip.zip", "c" * 64, dt.datetime(2024, 1, 3))
    assert check_seals([seal], PROFIL, Settings(), IKU) == []
    retargeted = [*IKU[:-1], replace(IKU[-1], target_tw=(Decimal(1), *IKU[-1].target_tw[1:]))]
    [warning] = check_seals([seal], PROFIL, Settings(), retargeted)
    assert warning.pesan.startswith("Data Perjanjian Kinerja 2024 berubah sejak disegel")
    assert f"berubah: {IKU[-1].kode}" in warning.pesan


def test_the_record_round_trips_and_names_what_differs() -> None:
    record = CatatanCetak(Periode.TW1, code(), SIGNED, dt.datetime(2024, 4, 10, 8, 5), "kinerja.xlsx",
                          (Berkas("Pengukuran_Kinerja_2024_TW1.pdf", "d" * 64),), fingerprints(Periode.TW1, IKU))  # fmt: skip
    assert CatatanCetak.from_json(record.as_json()) == record
    assert differences(record, SIGNED, fingerprints(Periode.TW1, IKU), code()) == []
    other = TandaTangan(SIGNED.tanggal, replace(PROFIL.penandatangan, nama="Dra. LAIN"))
    [why] = differences(record, other, fingerprints(Periode.TW1, IKU), code(other))
    assert why.startswith("penandatangan di sheet Profil berubah") and "Dra. LAIN" in why
    with pytest.raises(ValueError, match="catatan cetak rusak"):
        CatatanCetak.from_json({**record.as_json(), "tanggal_penandatanganan": "kemarin"})


@pytest.mark.parametrize(("text", "expected"), [("tw1", Periode.TW1), ("Tahunan", Periode.TAHUNAN), ("rk", "RK"),
                                                 (" PK ", "PK")])
def test_a_period_or_a_planning_document_is_named(text: str, expected: object) -> None:
    assert parse_dokumen(text) == expected


def test_an_unsealed_workbook_without_a_signing_date_matches_its_paper_on_the_date_printed() -> None:
    kiriman = Kiriman("k.xlsx", JenisKiriman.WORKBOOK, PROFIL.kabupaten, PROFIL.unit, PROFIL.tahun, IKU, Settings(),
                      kode=code(None), tanpa_tanggal=PROFIL, periode=Periode.TW1)  # fmt: skip
    assert tanggal_cocok(kiriman, code()) == dt.date(2024, 4, 10)
    assert keadaan(kiriman, code()) == (Keadaan.BELUM_DISEGEL, [])
    assert keadaan(kiriman, "AAAAA-BBBBB")[0] is Keadaan.TIDAK_COCOK
