"""The evaluators' LKE sheet (``lke_ekspor.ekspor_values``): one row per criterion of PermenPANRB
88/2021 with its answer, share of the score and texts, then each component's score, the total and the
predikat, worked by hand for two answers."""

from __future__ import annotations

from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.domain.lke.scoring import score_lke
from xlwings_app.services.lke import criterion_score
from xlwings_app.sheets.grid import SheetValues
from xlwings_app.sheets.lke_ekspor import HEADERS, SHEET, ekspor_values

ANSWERS: dict[str, str | None] = {"1.a.1": "Y", "1.b.3": "B"}
TEXTS = {"1.a.1": {"alasan": "Pedoman ada di Perbup 12/2022.", "catatan": "dicek Tim SAKIP", "bukti": "pedoman.pdf"}}


def sheet() -> SheetValues:
    lke = permenpanrb_88_2021()
    answers = {c.id: ANSWERS.get(c.id) for c in lke.criteria()}
    scores = {c.id: criterion_score(lke, c.id, answers[c.id]) for c in lke.criteria()}
    return ekspor_values(lke, answers, scores, TEXTS, score_lke(lke, answers))


def row(values: SheetValues, n: int) -> list[object]:
    return [values.cells.get((n, col)) for col in range(1, len(HEADERS) + 1)]


def test_one_row_per_criterion_with_its_share_of_the_sub_component_score() -> None:
    values = sheet()
    assert values.name == SHEET and row(values, 1) == list(HEADERS)
    assert row(values, 2) == [
        1, "1. Perencanaan Kinerja", "1.a Dokumen Perencanaan kinerja telah tersedia", "1.a.1",
        "Terdapat pedoman teknis perencanaan kinerja.", "Y/T", "Y", 1.0,  # weight 6 / 6 criteria × 1
        "Ya: kriteria terpenuhi dan ada bukti dukungnya.", "Pedoman ada di Perbup 12/2022.\ndicek Tim SAKIP",
        "pedoman.pdf",
    ]
    third = row(values, 10)  # 1.a's six criteria, then 1.b.1, 1.b.2, 1.b.3
    assert third[0] == 9 and third[3] == "1.b.3" and third[6] == "B"
    assert third[7] == 0.61  # weight 9 / 11 criteria × 0,75 = 0,6136…
    assert str(third[8]).startswith("Lebih dari 75% sampai 90%")
    assert row(values, 3)[6:8] == ["", 0]  # 1.a.2 unanswered: no letter, nothing scored
    assert row(values, 81)[0] == 80  # the 80th criterion is the last row


def test_the_component_scores_total_and_predikat_stand_below_the_rows() -> None:
    values = sheet()
    # two rows below the last criterion (row 81), from column D: kode, nama, then the score in H
    assert [values.cells.get((83, c)) for c in (4, 5, 8)] == ["1", "Perencanaan Kinerja", 1.61]  # 1,00 + 0,61
    assert [values.cells.get((n, 8)) for n in (84, 85, 86)] == [0, 0, 0]
    assert values.cells.get((87, 5)) == "Nilai Akhir" and values.cells.get((87, 8)) == 1.61
    assert values.cells.get((88, 5)) == "Predikat" and str(values.cells.get((88, 8))).startswith("D (")
    assert values.shape == (88, len(HEADERS))
