"""check_sop: every problem of an SOP table at once, located by row and column."""

from __future__ import annotations

from xlwings_app.domain.problems import errors, notices
from xlwings_app.domain.sop.model import Sop, Step, check_sop


def sop(*steps: Step) -> Sop:
    return Sop(nama="Uji", unit=("Kecamatan Uji",), pelaksana=("Camat", "Staf"), steps=steps)


def test_a_clean_sop_has_no_problems() -> None:
    clean = sop(
        Step(1, "Memerintahkan", ("Camat",), waktu="5 menit"),
        Step(2, "Memeriksa", ("Camat",), waktu="1 hari", is_decision=True, returns_to=1),
    )
    assert check_sop(clean) == []


def test_every_problem_is_reported_with_its_row() -> None:
    bad = sop(
        Step(1, "Memerintahkan", ("Camat",), waktu="lima menit", baris=8),
        Step(3, "", ("Bupati",), waktu="1 hari", baris=9),
        Step(4, "Memeriksa", ("Staf",), waktu="1 hari", is_decision=True, returns_to=4, baris=10),
        Step(5, "Mengarsipkan", (), waktu="", returns_to=2, baris=11),
    )
    found = check_sop(bad, sheet="SOP")
    messages = [(p.baris, p.kolom, p.pesan) for p in errors(found)]
    assert (
        8,
        "Waktu",
        'Langkah 1: Waktu "lima menit" tidak dapat dibaca; tulis angka dan satuan, '
        'mis. "15 menit", "2 jam", "1 hari kerja".',
    ) in messages
    columns = {(baris, kolom) for baris, kolom, _ in messages}
    assert columns >= {(9, "No"), (9, "Kegiatan"), (9, "Pelaksana"), (10, "Kembali ke")}
    assert (11, "Pelaksana") in columns and (11, "Kembali ke") in columns
    assert all(p.sheet == "SOP" for p in found)
    assert [p.baris for p in notices(found)] == [11]  # empty Waktu: no time limit, a notice
