"""Checking returned planning forms: every problem at once, each naming file, sheet and cell."""

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
from xlwings_app.domain.administrasi.periksa_rencana import LABELS, periksa_formulir_rencana
from xlwings_app.domain.indicator import Agregasi, Jenis, Polaritas
from xlwings_app.domain.problems import Problem
from xlwings_app.sheets import layout as L


def check(*forms: object) -> list[Problem]:
    return periksa_formulir_rencana(forms, MASTER, UNIT, TAHUN)  # type: ignore[arg-type]


def where(problem: Problem) -> tuple[str | None, str | None, str | None, str]:
    return (problem.file, problem.sel, problem.kolom, problem.tingkat)


def test_a_form_keeping_to_the_rules_has_no_problem() -> None:
    # IKI-01 from 8 to 9 (2+2+2+3) and IKI-02 from 4 to 3: the Jumlah IKI still add up to IKU-01's 12
    pem = form(KASI_PEM, usul("IKI-01", 9, 9, d(2, 2, 2, 3), rencana_aksi="Rapat koordinasi tiap bulan"),
               usul("IKI-03", 10))  # fmt: skip
    pel = form(KASI_PEL, usul("IKI-02", 9, 3, d(0, 1, 1, 1)))
    assert check(pem, pel) == []


def test_a_form_of_another_unit_or_year_is_refused_whole() -> None:
    problems = check(form(KASI_PEM, usul("IKI-01", 9, -5), unit="Kecamatan Sukodono", tahun=2024))
    assert [p.pesan for p in problems] == [
        "Formulir untuk unit 'Kecamatan Sukodono', bukan 'Kecamatan Lumajang' (workbook induk).",
        "Formulir rencana untuk tahun 2024, workbook induk merencanakan tahun 2025.",
    ]


def test_existing_rows_belong_to_the_official_and_keep_their_identity() -> None:
    problems = check(form(KASI_PEM,
        usul("IKI-09", 9),  # no such indicator
        usul("IKI-02", 10),  # Kasi Pelayanan Umum's
        usul("IKI-01", 11, satuan="kegiatan", agregasi=Agregasi.AKHIR, nama="Dokumen yang disusun"),
    ))  # fmt: skip
    assert [(p.sel, p.kolom, p.tingkat) for p in problems] == [
        ("A9", "Kode", "galat"), ("A10", "Kode", "galat"), ("F11", "Satuan", "galat"), ("H11", "Agregasi", "galat"),
        ("E11", "Indikator", "peringatan"),
    ]  # fmt: skip
    assert problems[0].pesan == "Kode 'IKI-09' tidak ada di workbook induk: tulis indikator baru di baris kosong formulir."
    assert problems[1].pesan == "Indikator IKI-02 dijawab oleh Kasi Pelayanan Umum, bukan Kasi Pemerintahan."
    assert problems[2].pesan == ("Satuan IKI-01 diubah di formulir (kegiatan; workbook induk: dokumen): ubah identitas "
                                 "indikator di workbook induk.")  # fmt: skip
    assert all(p.file == "Formulir Rencana Kasi Pemerintahan.xlsx" and p.sheet == "Rencana" for p in problems)


def test_a_new_indicator_needs_its_identity_and_a_free_kode() -> None:
    problems = check(form(KASI_PEM,
        usul("", 20, 4, d(1, 1, 1, 1), baru=True, nama="Desa yang dibina"),
        usul("IKU-02", 21, baru=True, sasaran="S", nama="N", satuan="%", polaritas=Polaritas.POSITIF,
             agregasi=Agregasi.AKHIR, induk="IKU-01"),
    ))  # fmt: skip
    assert [(p.sel, p.kolom) for p in problems] == [
        ("A20", "Kode"), ("D20", "Sasaran Strategis"), ("F20", "Satuan"), ("G20", "Polaritas"), ("H20", "Agregasi"),
        ("C20", "IKU Induk"), ("A21", "Kode"),
    ]  # fmt: skip
    assert problems[0].pesan == "Indikator baru: Kode belum diisi."
    assert problems[-1].pesan == "Kode 'IKU-02' sudah dipakai indikator 'Indikator IKU-02' (Camat): pilih kode lain."


def test_targets_follow_the_agregasi_by_the_planners_own_rule() -> None:
    problems = check(form(KASI_PEM,
        usul("IKI-01", 9, 8, d(2, 4, 6, 8)),  # Jumlah written cumulatively
        usul("IKI-03", 10, None, d(None, None, None, 91)),  # Akhir: TW IV 91 against the master's 92
    ), form(CAMAT, usul("IKU-02", 9, -1)))  # fmt: skip
    assert [where(p) for p in problems] == [
        ("Formulir Rencana Kasi Pemerintahan.xlsx", "J9", "Target TW I", "galat"),
        ("Formulir Rencana Kasi Pemerintahan.xlsx", "M10", "Target TW IV", "galat"),
        ("Formulir Rencana Camat.xlsx", "I9", "Target Tahunan", "galat"),
        ("Formulir Rencana Camat.xlsx", "M9", "Target TW IV", "galat"),
    ]  # fmt: skip
    assert problems[0].pesan == (
        "Jumlah target TW I–IV (J9:M9) = 20 tidak sama dengan Target Tahunan (I9) = 8: untuk agregasi Jumlah target "
        "triwulan dijumlahkan menjadi target setahun. Target tampaknya ditulis kumulatif (TW IV = Target Tahunan): "
        "tulis target tiap triwulan saja.")  # fmt: skip
    # a blank proposal keeps the master's value: the yearly 92 stands against the typed TW IV
    assert "Target TW IV (M10) = 91 tidak sama dengan Target Tahunan (I10) = 92" in problems[1].pesan
    assert problems[2].pesan == "Target Tahunan tidak boleh negatif (-1)."


def test_a_kode_is_proposed_once_across_forms() -> None:
    new = {"baru": True, "sasaran": "S", "nama": "N", "satuan": "desa", "polaritas": Polaritas.POSITIF,
           "agregasi": Agregasi.JUMLAH, "induk": "IKU-01"}  # fmt: skip
    problems = check(form(KASI_PEM, usul("IKI-10", 20, **new)), form(KASI_PEL, usul("iki-10", 21, **new)))
    (problem,) = [p for p in problems if p.kolom == "Kode"]
    assert problem.pesan == ("Kode 'iki-10' diusulkan dua kali: di Formulir Rencana Kasi Pemerintahan.xlsx (Rencana!A20) "
                             "dan Formulir Rencana Kasi Pelayanan Umum.xlsx (Rencana!A21): satu indikator, satu baris.")


def test_an_iki_follows_an_iku_that_exists_and_has_a_target() -> None:
    new_iku = usul("IKU-03", 12, baru=True, jenis=Jenis.IKU, sasaran="S", nama="N", satuan="%",
                   polaritas=Polaritas.POSITIF, agregasi=Agregasi.AKHIR)  # no target yet
    new_iki = usul("IKI-11", 20, 50, d(50, 50, 50, 50), baru=True, sasaran="S", nama="N", satuan="%",
                   polaritas=Polaritas.POSITIF, agregasi=Agregasi.AKHIR, induk="IKU-03")  # fmt: skip
    lost = usul("IKI-12", 21, 1, d(0, 0, 0, 1), baru=True, sasaran="S", nama="N", satuan="desa",
                polaritas=Polaritas.POSITIF, agregasi=Agregasi.JUMLAH, induk="IKU-99")  # fmt: skip
    problems = check(form(CAMAT, new_iku), form(KASI_PEM, new_iki, lost))
    assert [(p.sel, p.pesan) for p in problems] == [
        ("C20", "IKU Induk 'IKU-03' belum punya Target Tahunan: tetapkan target IKU itu sebelum IKI yang diturunkan "
                "darinya."),
        ("C21", "IKU Induk 'IKU-99' tidak ada di workbook induk maupun di formulir."),
    ]  # fmt: skip


def test_jumlah_targets_of_the_iki_add_up_to_their_iku_where_the_agregasi_allows() -> None:
    (problem,) = check(form(KASI_PEM, usul("IKI-01", 9, 10, d(2, 2, 3, 3))))
    assert where(problem) == ("Formulir Rencana Kasi Pemerintahan.xlsx", "I9", "Target Tahunan", "peringatan")
    assert problem.pesan.startswith("Jumlah Target Tahunan IKI turunan IKU-01 (IKI-02 4 + IKI-01 10 = 14) tidak sama "
                                    "dengan Target Tahunan IKU-01 = 12")
    assert problem.nilai == Decimal(14)
    # IKU-02 is Akhir (a percentage): its IKI's target is not a part of it, so nothing is added up
    assert check(form(KASI_PEM, usul("IKI-03", 10, 80, d(80, 80, 80, 80)))) == []


def test_a_yearly_target_without_triwulan_targets_is_the_planners_warning() -> None:
    new = usul("IKI-10", 20, 6, baru=True, sasaran="S", nama="N", satuan="desa", polaritas=Polaritas.POSITIF,
               agregasi=Agregasi.JUMLAH, induk="IKU-02")  # fmt: skip
    (problem,) = check(form(KASI_PEM, new))
    assert where(problem) == ("Formulir Rencana Kasi Pemerintahan.xlsx", "J20", "Target TW I", "peringatan")
    assert problem.pesan.startswith("Target triwulan (J20:M20) belum diisi: lampiran Rencana Aksi akan kosong")


def test_an_erased_or_unknown_kode_is_reported_once() -> None:
    problems = check(form(KASI_PEM, usul("", 9, 8, induk="IKU-77"), usul("IKI-77", 10, 1, induk="IKU-77")))
    assert [(p.sel, p.pesan) for p in problems] == [
        ("A9", "Kode kosong di baris indikator: isi kembali kodenya, atau tulis indikator baru di baris kosong formulir."),
        ("A10", "Kode 'IKI-77' tidak ada di workbook induk: tulis indikator baru di baris kosong formulir."),
    ]


def test_the_forms_column_labels_are_the_masters_headers() -> None:
    table = L.layout().tables[Jenis.IKI]
    for key, label in LABELS.items():
        if key not in ("jenis", "rencana_aksi"):  # no master column: the sheet is the Jenis; see gabung_rencana
            assert table.column(key).header == label
