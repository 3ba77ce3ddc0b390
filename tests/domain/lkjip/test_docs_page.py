"""docs/lkjip.md states what the structure holds: its table is the structure's, its required list too."""

from __future__ import annotations

from pathlib import Path

import pytest

import xlwings_app
from xlwings_app.domain.lkjip.structure import Sumber, path, required, slots

PAGE = Path(xlwings_app.__file__).parent.parent / "docs" / "lkjip.md"


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def short(kunci: str) -> str:
    """"BAB III.A(5) Penyebab …": the BAB's number, then each section's letter or item number."""
    trail = path(kunci)
    nomor = trail[0].nomor + "".join(s.nomor if s.nomor.startswith("(") else "." + s.nomor.rstrip(".")
                                     for s in trail[1:])  # fmt: skip
    return f"{nomor} {trail[-1].judul}".strip()


def test_the_structure_table_is_the_datas(page: str) -> None:
    rows = [line for line in page.splitlines() if line.startswith("| ") and line.count(" | ") == 4]
    expected = []
    for s in slots():
        written_flag = "wajib sebelum final" if s.wajib else ("tidak wajib" if s.sumber is Sumber.TULISAN else "")
        flags = ", ".join(x for x in (written_flag, "per sasaran" if s.per_sasaran else "") if x) or "–"
        expected.append(f"| {short(s.kunci)} | {s.nama} | {s.bentuk.value.lower()} | {s.sumber.value.lower()} | {flags} |")
    assert [r for r in rows if r in expected] == expected


def test_the_hand_written_list_names_every_required_piece(page: str) -> None:
    section = page.split("## Yang masih ditulis Sekretaris dengan tangan")[1].split("\n## ")[0]
    numbered = [line for line in section.splitlines() if line[:2] in {f"{n}." for n in range(1, 10)}]
    assert len(numbered) == len(required())
    for piece, line in zip(required(), numbered, strict=True):
        assert piece.nama.casefold() in line.casefold(), (piece.nama, line)


def test_the_placeholder_example_is_the_rules(page: str) -> None:
    from xlwings_app.domain.lkjip.structure import slot
    from xlwings_app.domain.lkjip.written import placeholder

    text = placeholder(slot("bab1.aspek_strategis")).teks
    quoted = " ".join(line.removeprefix("> ") for line in page.splitlines() if line.startswith("> [Belum")
                      or (line.startswith("> ") and "strategis unit" in line))  # fmt: skip
    assert quoted == text
