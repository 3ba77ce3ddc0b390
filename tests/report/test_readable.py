"""Documents and notices an office reads as they are: no Python escapes in a notice, no "Tahunan
Tahun 2025" (issue 25 item 7)."""

from __future__ import annotations

import pytest

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.rows import RawRow, kode_problems, readable


def _row(kode: str) -> RawRow:
    from xlwings_app.domain.indicator import Jenis

    return RawRow(Jenis.IKU, "IKU", 7, {"kode": kode}, {"kode": "A7"}, {"kode": "Kode"})


@pytest.mark.parametrize(("typed", "shown", "said"), [
    ("IKU\u201303", "IKU\u201303", "tanda '\u2013' sebagai tanda hubung"),
    ("IKU-01\u200b", "IKU-01[spasi lebar nol]", "spasi lebar nol"),
    ("IKU-01\u00a0A", "IKU-01[spasi tak terputus]A", "spasi tak terputus"),
    ("\ufeffIKU-01", "[tanda BOM]IKU-01", "tanda BOM"),
    ("\uff29\uff2b\uff35-01", "\uff29\uff2b\uff35-01", "huruf atau angka lebar penuh"),
])  # fmt: skip
def test_a_normalised_kode_is_named_readably_never_as_a_python_escape(typed: str, shown: str, said: str) -> None:
    kode, [problem] = kode_problems(_row(typed), "kode")
    assert problem.pesan.startswith(f"Kode '{shown}' berisi {said}")
    assert problem.pesan.endswith(f"dibaca sebagai '{kode}'.")
    assert "\\u" not in problem.pesan and "\\x" not in problem.pesan and problem.nilai == shown


def test_a_control_character_is_named_and_refused() -> None:
    _kode, [problem] = kode_problems(_row("IKU\t09"), "kode")
    assert problem.is_error and problem.pesan == "Kode 'IKU[tab]09' berisi karakter kendali (tab/baris baru): ketik ulang kodenya."
    assert readable("a\nb") == ("a[baris baru]b", ["karakter kendali (tab/baris baru)"])


def test_the_year_is_never_tahunan_tahun() -> None:
    assert Periode.TAHUNAN.dengan_tahun(2025) == "Tahun 2025"
    assert Periode.TW2.dengan_tahun(2025) == "s.d. Triwulan II Tahun 2025"
    assert Periode.TW1.dengan_tahun(2025) == "Triwulan I Tahun 2025"
