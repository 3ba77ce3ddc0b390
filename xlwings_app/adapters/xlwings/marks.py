"""Problems shown on the live workbook: problem cells orange with a note naming the problem.

Rules (the ribbon's Periksa Data and Hitung Capaian):
- every input cell that was read gets its input colour back (yellow), so a cell fixed since the
  last check is no longer orange; then every cell a problem names is coloured orange
  (``sheets.palette.PROBLEM``); one ``set_colors`` call per sheet;
- a problem cell gets a note "Kinerja: <pesan>" (several problems of one cell: one line each),
  replacing the text of a note already there;
- a note Kinerja wrote on a cell that no longer has a problem is deleted where the engine can
  read note text (desktop Excel); notes the user wrote are never touched.
Problems without a cell (a missing sheet, a whole row) are listed in the message box only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from xlwings_app.adapters.xlwings.protect import unprotected
from xlwings_app.domain.problems import Problem
from xlwings_app.sheets import palette as P

PROBLEM_FILL = P.xlwings(P.PROBLEM)
INPUT_FILL = P.xlwings(P.INPUT)
NOTE_PREFIX = "Kinerja: "
CELL = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")


def _coords(address: str) -> tuple[int, int]:
    letters = address.rstrip("0123456789")
    col = 0
    for char in letters.upper():
        col = col * 26 + ord(char) - 64
    return int(address[len(letters) :]), col


def problem_notes(problems: Iterable[Problem]) -> dict[str, dict[str, str]]:
    """Per sheet, per cell address: the note text of the problems that name that cell."""
    lines: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for p in problems:
        if p.sheet and p.sel and CELL.fullmatch(p.sel) and p.pesan not in lines[p.sheet][p.sel]:
            lines[p.sheet][p.sel].append(p.pesan)
    return {
        sheet: {cell: NOTE_PREFIX + "\n".join(texts) for cell, texts in cells.items()}
        for sheet, cells in lines.items()
    }


def colour_matrix(inputs: Iterable[str], problems: Iterable[str]) -> tuple[str, list[list[object]]]:
    """The top-left address and the fill matrix (``...`` keeps a cell's fill) over the cells."""
    fills = {_coords(a): INPUT_FILL for a in inputs}
    fills.update({_coords(a): PROBLEM_FILL for a in problems})
    top, left = min(r for r, _ in fills), min(c for _, c in fills)
    bottom, right = max(r for r, _ in fills), max(c for _, c in fills)
    matrix: list[list[object]] = [
        [fills.get((r, c), ...) for c in range(left, right + 1)] for r in range(top, bottom + 1)
    ]
    return _address(top, left), matrix


def _address(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _drop_stale_notes(sheet: Any, inputs: set[str], noted: Mapping[str, str]) -> None:
    for note in list(sheet.notes):
        try:  # the remote engine reads neither a note's place nor its text
            address, text = note.location.address.replace("$", ""), note.text
        except NotImplementedError:
            continue
        if address in inputs and address not in noted and str(text).startswith(NOTE_PREFIX):
            note.delete()


def mark_problems(book: Any, problems: Sequence[Problem], inputs: Mapping[str, Iterable[str]]) -> int:
    """Colour and annotate the cells ``problems`` name; ``inputs``: per sheet, the input cells read.

    Returns how many cells were marked.
    """
    notes = problem_notes(problems)
    names = {sheet.name for sheet in book.sheets}
    marked = 0
    for name in sorted(names & (set(notes) | set(inputs))):
        sheet = book.sheets[name]
        noted, read = notes.get(name, {}), set(inputs.get(name, ()))
        if not noted and not read:
            continue
        corner, matrix = colour_matrix(read, noted)
        with unprotected(sheet):
            sheet.range(corner).resize(len(matrix), len(matrix[0])).set_colors(matrix)
            _drop_stale_notes(sheet, read, noted)
            for address, text in noted.items():
                cell = sheet.range(address)
                if cell.note is not None:
                    cell.note.text = text
                else:
                    cell.add_note(text)
                marked += 1
    return marked
