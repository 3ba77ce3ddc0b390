"""Problems shown on the live workbook: problem cells orange with a note naming the problem.

Rules (the ribbon's Periksa Data and Hitung Capaian):
- every input cell that was read gets its input colour back (yellow), so a cell fixed since the
  last check is no longer orange; then every cell a problem names is coloured orange
  (``sheets.palette.PROBLEM``); one call per rectangle of cells of one colour (``regions``), so a
  sheet of 2,000 indicators costs a few calls, not three per cell;
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
from xlwings_app.adapters.xlwings.regions import Rect, rectangles
from xlwings_app.domain.cell_addresses import cell_coords
from xlwings_app.domain.problems import Problem
from xlwings_app.sheets import palette as P

PROBLEM_FILL = P.xlwings(P.PROBLEM)
INPUT_FILL = P.xlwings(P.INPUT)
NOTE_PREFIX = "Kinerja: "
CELL = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")


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


def colour_regions(inputs: Iterable[str], problems: Iterable[str]) -> dict[str, list[Rect]]:
    """Per fill, the rectangles to colour: the input cells yellow, the problem cells orange."""
    orange = {cell_coords(a) for a in problems}
    yellow = {cell_coords(a) for a in inputs} - orange
    return {fill: rectangles(cells) for fill, cells in ((INPUT_FILL, yellow), (PROBLEM_FILL, orange)) if cells}


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
        with unprotected(sheet):
            for fill, rects in colour_regions(read, noted).items():
                for top, left, bottom, right in rects:
                    sheet.range((top, left), (bottom, right)).color = fill
            _drop_stale_notes(sheet, read, noted)
            for address, text in noted.items():
                cell = sheet.range(address)
                if cell.note is not None:
                    cell.note.text = text
                else:
                    cell.add_note(text)
                marked += 1
    return marked
