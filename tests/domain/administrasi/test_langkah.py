"""Finding a step by its words, the officials of a role, and what a paper may stamp."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from xlwings_app.domain.administrasi.langkah import cari_langkah, pejabat_peran, stempel, urutan
from xlwings_app.domain.profil import Pejabat
from xlwings_app.domain.sop.presets import preset

PEJABAT = (
    Pejabat("Camat Lumajang", "A"),
    Pejabat("Sekretaris Kecamatan", "B"),
    Pejabat("Kasubag Keuangan", "C"),
    Pejabat("Kasi Pemerintahan", "D"),
    Pejabat("Kepala Dinas Komunikasi dan Informatika", "E"),
)


@pytest.mark.parametrize(("peran", "names"), [
    ("Sekretaris", ["B"]),
    ("Camat", ["A"]),
    ("Kasubbag Keuangan", ["C"]),  # the SOP's spelling, the Pejabat sheet's other spelling
    ("Kasi/Kasubag", ["C", "D"]),
    ("Kadis", ["E"]),
    ("Tim SAKIP", []),
    ("Kasubbag", ["C"]),
])  # fmt: skip
def test_an_official_holds_a_role_when_the_jabatan_begins_with_it(peran: str, names: list[str]) -> None:
    assert [p.nama for p in pejabat_peran(PEJABAT, peran)] == names


def test_a_rule_reads_the_kegiatan_the_output_or_both() -> None:
    sop = preset("pengukuran-lumajang")
    # seed 000's outputs say "Rencana Kinerja" where its activities say "Pengukuran Kinerja"
    found = cari_langkah(sop, ("kepada seluruh pejabat", "rencana kinerja"))
    assert found is not None and found.no == 11
    assert cari_langkah(sop, ("kepada seluruh pejabat", "rencana kinerja"), "kegiatan") is None
    found = cari_langkah(sop, ("KEPADA  seluruh\npejabat", "Pengukuran Kinerja"), "kegiatan")
    assert found is not None and found.no == 11
    output_only = cari_langkah(preset("pengumpulan-data-tim-sakip"), ("notulen rapat",), "output")
    assert output_only is not None and output_only.no == 2  # step 3 needs it, step 2 makes it


def test_a_stamp_needs_a_step_and_a_moment_and_never_ends_before_it_starts() -> None:
    sop = preset("pengukuran-lumajang")
    step = sop.step(12)
    assert stempel(sop, None, date(2024, 2, 5), None, "x") is None
    assert stempel(sop, step, None, None, "x") is None
    odd = stempel(sop, step, datetime(2024, 2, 5, 10, 0), datetime(2024, 2, 5, 9, 0), "Surat Pengantar")
    assert odd is not None and (odd.mulai, odd.selesai) == (datetime(2024, 2, 5, 10, 0), None)
    assert odd.catatan == "Dicatat otomatis (Surat Pengantar)"


def test_a_date_alone_sorts_as_the_start_of_its_day() -> None:
    assert sorted([datetime(2024, 2, 5, 7, 30), date(2024, 2, 5), date(2024, 2, 4)], key=urutan) == [
        date(2024, 2, 4), date(2024, 2, 5), datetime(2024, 2, 5, 7, 30)]
