"""domain.file_names: a file name shown as text, whatever bytes the file system stored."""

from __future__ import annotations

from xlwings_app.domain.file_names import readable_name


def test_a_valid_name_is_returned_as_it_is() -> None:
    assert readable_name("Formulir TW4 Kasi Pemerintahan.xlsx") == "Formulir TW4 Kasi Pemerintahan.xlsx"
    assert readable_name("Capaian – Sekretariat ✓.xlsx") == "Capaian – Sekretariat ✓.xlsx"


def test_a_byte_that_is_no_utf8_shows_as_the_replacement_character() -> None:
    stored = b"kinerja-\xff.xlsx".decode("utf-8", "surrogateescape")  # how Python keeps a POSIX name
    assert readable_name(stored) == "kinerja-\ufffd.xlsx"


def test_a_lone_surrogate_shows_as_a_replacement_too() -> None:
    assert "\ud800" not in readable_name("a\ud800b.xlsx") and readable_name("a\ud800b.xlsx").startswith("a")
