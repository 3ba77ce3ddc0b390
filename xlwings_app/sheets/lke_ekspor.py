"""The LKE in the shape evaluators use: one row per criterion, as values (``kinerja lke ekspor``).

Columns: No, Komponen, Sub-komponen, Kode, Kriteria, Skala, Jawaban, Nilai (the criterion's share
of its sub-component's score: weight / n × value, ROUND 2), Penjelasan (the meaning of the answer
given), Alasan (Kinerja's reason or the person's note), Bukti Dukung (files and verification codes).
Below the rows: each component's score, the total and the predikat (``domain.lke.scoring``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from xlwings_app.domain.lke.model import Lke
from xlwings_app.domain.lke.scoring import LkeScore
from xlwings_app.sheets.grid import SheetValues

SHEET = "LKE Evaluator"
HEADERS = ("No", "Komponen", "Sub-komponen", "Kode", "Kriteria", "Skala", "Jawaban", "Nilai", "Penjelasan",
           "Alasan / Catatan", "Bukti Dukung")  # fmt: skip
WIDTHS = (5, 22, 30, 8, 55, 7, 9, 8, 45, 50, 40)


def ekspor_values(
    lke: Lke, answers: Mapping[str, str | None], scores: Mapping[str, Decimal],
    texts: Mapping[str, Mapping[str, str]], score: LkeScore,
) -> SheetValues:  # fmt: skip
    """The export's one sheet."""
    sheet = SheetValues(SHEET)
    sheet.put(1, 1, list(HEADERS), "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", 1, col)
    row, no = 1, 0
    for component in lke.components:
        for sub in component.subs:
            for criterion in sub.criteria:
                row += 1
                no += 1
                letter = answers.get(criterion.id)
                level = next((lv.penjelasan for lv in criterion.levels if lv.letter == letter), "")
                text = texts.get(criterion.id, {})
                why = "\n".join(t for t in (text.get("alasan", ""), text.get("catatan", "")) if t)
                sheet.put(row, 1, [no, f"{component.id}. {component.nama}", f"{sub.id} {sub.nama}", criterion.id,
                                   criterion.teks, criterion.scale.value, letter or "", scores[criterion.id], level,
                                   why, text.get("bukti", "")], "box", "wrap")  # fmt: skip
                sheet.style("format:0.00", row, 8)
    row += 2
    for part in score.components:
        sheet.put(row, 4, [part.component.id, part.component.nama, "", "", part.nilai], "bold")
        sheet.style("format:0.00", row, 8)
        row += 1
    sheet.put(row, 4, ["", "Nilai Akhir", "", "", score.total], "bold")
    sheet.style("format:0.00", row, 8)
    sheet.put(row + 1, 4, ["", "Predikat", "", "", f"{score.predikat.kode} ({score.predikat.interpretasi})"], "bold")
    return sheet
