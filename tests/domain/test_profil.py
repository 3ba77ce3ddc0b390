"""The signing official: NIP grouping 8-6-1-3 and its checks (docs/domain.md, glossary "NIP")."""

from __future__ import annotations

import pytest

from xlwings_app.domain.profil import Pejabat, format_nip, nip_problem


@pytest.mark.parametrize(
    "typed",
    [
        "197703092005011003",
        "19770309 200501 1 003",
        "NIP. 19770309 200501 1 003",
        "19770309-200501-1-003",
        " 197703092005011003 ",
    ],
)
def test_format_nip_groups_eighteen_digits_8_6_1_3(typed):
    assert format_nip(typed) == "19770309 200501 1 003"


@pytest.mark.parametrize(("typed", "shown"), [(" 12345 ", "12345"), ("-", "-"), ("", "")])
def test_format_nip_returns_other_input_trimmed(typed, shown):
    assert format_nip(typed) == shown


@pytest.mark.parametrize("nip", ["197703092005011003", "19770309 200501 2 003", "NIP 19851231 201012 1 001"])
def test_a_valid_nip_has_no_problem(nip):
    assert nip_problem(nip) is None


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("19770309200501100", "NIP harus 18 angka (tertulis 17 angka)."),
        ("", "NIP harus 18 angka (tertulis 0 angka)."),
        ("1977030920050110031", "NIP harus 18 angka (tertulis 19 angka)."),
        pytest.param("197713092005011003", "tanggal lahir", id="birth month 13"),
        pytest.param("197703322005011003", "tanggal lahir", id="birth day 32"),
        pytest.param("197703002005011003", "tanggal lahir", id="birth day 0"),
        pytest.param("197703092005131003", "pengangkatan", id="appointment month 13"),
        pytest.param("197703092005001003", "pengangkatan", id="appointment month 0"),
        pytest.param("197703092005013003", "1 (pria) atau 2 (wanita)", id="sex 3"),
    ],
)
def test_nip_problem_says_what_is_wrong_in_indonesian(nip, message):
    problem = nip_problem(nip)
    assert problem is not None and message in problem


@pytest.mark.parametrize(
    ("status", "lengkap"), [("", "Camat Lumajang"), ("Plt.", "Plt. Camat Lumajang"), ("Plh.", "Plh. Camat Lumajang")]
)
def test_an_acting_official_has_plt_or_plh_before_the_jabatan(status, lengkap):
    assert Pejabat(jabatan="Camat Lumajang", nama="x", status=status).jabatan_lengkap == lengkap
