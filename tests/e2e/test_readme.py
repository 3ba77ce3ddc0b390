"""The README documents what the code does (docs tested, the sqlite-utils habit)."""

from __future__ import annotations

from pathlib import Path

from xlwings_app.sheets.format_doc import format_section

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def test_format_section_is_the_layout_declaration() -> None:
    assert format_section() in README, "regenerate with: python -m xlwings_app.sheets.format_doc"


def test_the_two_setup_commands_come_first() -> None:
    first_block = README.split("```", 2)[1]
    assert "make demo" in first_block and "make test" in first_block


def test_the_document_image_exists() -> None:
    assert "docs/dokumen-contoh.png" in README
    assert (Path(__file__).parents[2] / "docs" / "dokumen-contoh.png").stat().st_size > 10_000
