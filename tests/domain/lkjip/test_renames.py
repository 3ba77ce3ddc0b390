"""Renamed indicators: which kode an earlier year's value belongs to today, and the renames that
cannot be read one way only."""

from __future__ import annotations

from xlwings_app.domain.lkjip.renames import Rename, check_renames, current_kode, rename_path, renamed_before
from xlwings_app.domain.lkjip.renstra import RenstraPeriod

PERIOD = RenstraPeriod(2021, 2025)


def test_a_value_follows_the_renames_after_its_year_in_the_order_of_their_years() -> None:
    renames = [Rename(2025, "IKU-01", "S1.IKU.1"), Rename(2023, "IKU-1", "IKU-01")]
    assert current_kode("IKU-1", 2021, renames) == "S1.IKU.1"
    assert current_kode("IKU-1", 2022, renames) == "S1.IKU.1"
    assert current_kode("IKU-01", 2024, renames) == "S1.IKU.1"
    assert current_kode("S1.IKU.1", 2025, renames) == "S1.IKU.1"
    assert [r.tahun for r in rename_path("IKU-1", 2021, renames)] == [2023, 2025]


def test_a_rename_takes_effect_in_its_year_so_that_years_value_is_not_moved() -> None:
    renames = [Rename(2023, "IKU-1", "IKU-01")]
    assert current_kode("IKU-1", 2023, renames) == "IKU-1"
    assert renamed_before("IKU-1", 2023, renames) == renames[0]
    assert renamed_before("IKU-1", 2022, renames) is None


def test_kodes_are_compared_as_every_kode_is() -> None:
    assert current_kode("iku\u20111", 2021, [Rename(2023, "IKU-1", "IKU-01")]) == "IKU-01"


def test_a_kode_may_come_back_in_a_later_year() -> None:
    renames = [Rename(2023, "A", "B"), Rename(2025, "B", "A")]
    assert current_kode("A", 2022, renames) == "A"
    assert current_kode("B", 2024, renames) == "A"
    assert check_renames(renames, PERIOD) == []
    assert renamed_before("A", 2025, renames) is None  # renamed back to A in 2025
    assert renamed_before("A", 2024, renames) == renames[0]


def test_one_kode_renamed_to_two_in_one_year_is_an_error() -> None:
    [problem] = check_renames([Rename(2023, "IKU-3", "IKU-03"), Rename(2023, "IKU-3", "IKU-3A", "Ganti Kode", 6)])
    assert problem.pesan == ("Kode IKU-3 diganti menjadi dua kode pada tahun 2023 (IKU-03 dan IKU-3A): pilih satu "
                             "kode baru untuk indikator itu.")
    assert (problem.sheet, problem.baris, problem.kolom, problem.is_error) == ("Ganti Kode", 6, "Kode Lama", True)


def test_two_kodes_renamed_to_one_in_one_year_is_an_error() -> None:
    [problem] = check_renames([Rename(2023, "IKU-3", "IKU-03"), Rename(2023, "IKU-4", "IKU-03")])
    assert problem.pesan == ("Kode IKU-3 dan IKU-4 sama-sama diganti menjadi IKU-03 pada tahun 2023: riwayat dua "
                             "indikator tidak dapat digabung menjadi satu.")


def test_a_cycle_within_one_year_is_an_error_named_once() -> None:
    problems = check_renames([Rename(2024, "IKU-1", "IKU-2"), Rename(2024, "IKU-2", "IKU-1")])
    assert [p.pesan for p in problems] == [
        "Penggantian kode tahun 2024 melingkar (IKU-1 → IKU-2 → IKU-1): penggantian dalam satu tahun berlaku "
        "bersamaan, sehingga urutannya tidak dapat diketahui. Tulis kode akhir setiap indikator."
    ]


def test_a_chain_within_one_year_is_an_error() -> None:
    problems = check_renames([Rename(2024, "B", "C"), Rename(2024, "A", "B")])
    assert [p.pesan for p in problems] == [
        "Penggantian kode tahun 2024 berantai (A → B → C): penggantian dalam satu tahun berlaku bersamaan. "
        "Tulis langsung A → C, atau catat tiap penggantian pada tahunnya sendiri."
    ]


def test_the_same_chain_across_years_is_fine() -> None:
    assert check_renames([Rename(2023, "A", "B"), Rename(2024, "B", "C")], PERIOD) == []


def test_a_blank_or_idle_rename_and_a_year_outside_the_period() -> None:
    problems = check_renames(
        [Rename(2023, "", "IKU-01"), Rename(2023, "IKU-2", "iku-2"), Rename(2021, "IKU-5", "IKU-05"),
         Rename(2027, "IKU-6", "IKU-06")], PERIOD,
    )  # fmt: skip
    assert [(p.tingkat, p.pesan) for p in problems] == [
        ("galat", "Penggantian kode tahun 2023: Kode Lama kosong."),
        ("peringatan", "Kode IKU-2 diganti dengan kode yang sama pada tahun 2023: baris ini tidak mengubah apa pun."),
        ("peringatan", "Penggantian kode IKU-5 → IKU-05 tahun 2021 di luar periode Renstra 2021–2025: tidak "
                       "memindahkan data tahun mana pun dalam periode ini."),
        ("peringatan", "Penggantian kode IKU-6 → IKU-06 tahun 2027 di luar periode Renstra 2021–2025: tidak "
                       "memindahkan data tahun mana pun dalam periode ini."),
    ]  # fmt: skip


def test_problems_name_the_cell_when_the_reader_recorded_it() -> None:
    cells = {("Ganti Kode", 7, "kode_lama"): "B7"}
    [problem] = check_renames([Rename(2023, "", "IKU-01", "Ganti Kode", 7)], cells=cells)
    assert problem.sel == "B7"
