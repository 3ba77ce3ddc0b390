"""Mutu Baku Waktu: the time limit of an SOP step, read from text such as "15 menit" or "1 hari kerja".

PermenPANRB 35/2012 (SOP Administrasi Pemerintahan) gives every step a Mutu Baku of Kelengkapan, Waktu
and Output. In practice Waktu is written as a number and a unit ("5 menit", "15 Menit", "120 menit",
"4 hari", "1 hari kerja", "1 minggu", "2 jam"), often damaged by OCR ("15\\nmenit", "60 menit |",
"5 menlt", "1 harl"). The parser accepts a form only when exactly one unit fits it; anything else is
an input problem naming the cell, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from xlwings_app.domain.problems import Problem

Unit = Literal["menit", "jam", "hari", "hari kerja", "minggu", "bulan"]
UNITS: tuple[Unit, ...] = ("menit", "jam", "hari", "hari kerja", "minggu", "bulan")

#: Working days per unit for the day-based units. "hari" is a working day (the seeds count SOP time in
#: working time); a minggu is a five-day working week (Perpres 21/2023, hari kerja Senin-Jumat); a bulan
#: is 22 working days, the usual count of working days in a month (a convention, not a regulation).
WORKING_DAYS: dict[Unit, int] = {"hari": 1, "hari kerja": 1, "minggu": 5, "bulan": 22}

#: Minutes per unit for the time-based units, counted in working minutes.
MINUTES: dict[Unit, int] = {"menit": 1, "jam": 60}

#: Upper bound per unit: about one working year (260 working days of 7.5 hours). A longer step time is
#: a typo, not an SOP standard.
MAXIMUM: dict[Unit, int] = {
    "menit": 117_000,
    "jam": 1_950,
    "hari": 260,
    "hari kerja": 260,
    "minggu": 52,
    "bulan": 12,
}

# Written spellings, without spaces, and their unit. Abbreviations seen in SOP tables included.
_SPELLINGS: dict[str, Unit] = {
    "menit": "menit",
    "mnt": "menit",
    "jam": "jam",
    "hari": "hari",
    "hr": "hari",
    "harikerja": "hari kerja",
    "hk": "hari kerja",
    "minggu": "minggu",
    "mgg": "minggu",
    "pekan": "minggu",
    "bulan": "bulan",
    "bln": "bulan",
}

# OCR confusions folded before matching: l, 1, |, ! and accented i read as i; 0 read as o; rn read as m.
_FOLD = str.maketrans({"l": "i", "1": "i", "|": "i", "!": "i", "í": "i", "ì": "i", "0": "o"})
_EDGE_JUNK = " \t\r\n|.,;:_-–—'\"`"  # stray marks after the unit (table borders, dots)
_LEAD_JUNK = " \t\r\n|'\"`"  # before the number: never a minus sign
_NUMBER_UNIT = re.compile(r"^(\d+(?:,\d+)?)\s*(\D.*)$")
_HINT = 'tulis angka dan satuan, mis. "15 menit", "2 jam", "1 hari kerja"'


@dataclass(frozen=True)
class Duration:
    """A standard step time: a positive value and a unit."""

    value: Decimal
    unit: Unit

    @property
    def minutes(self) -> Decimal | None:
        """Working minutes for menit and jam; None for the day-based units."""
        factor = MINUTES.get(self.unit)
        return None if factor is None else self.value * factor

    @property
    def working_days(self) -> Decimal | None:
        """Working days for hari, hari kerja, minggu (5) and bulan (22); None for menit and jam."""
        factor = WORKING_DAYS.get(self.unit)
        return None if factor is None else self.value * factor

    def __str__(self) -> str:
        number = format(self.value.normalize(), "f").replace(".", ",")
        return f"{number} {self.unit}"


def parse_waktu(
    value: object,
    *,
    default_unit: Unit | None = None,
    sheet: str | None = None,
    baris: int | None = None,
    sel: str | None = None,
    kolom: str = "Waktu",
) -> Duration | Problem:
    """Read a Mutu Baku Waktu cell into a Duration, or return the Problem that names the cell.

    Rule: a positive whole or decimal-comma number, then a unit (menit, jam, hari, hari kerja, minggu,
    bulan, or the abbreviations mnt, hr, hk, mgg, pekan, bln), in any case, with any spaces or line
    breaks. OCR damage is undone only in the unit and only when one unit alone fits: the confusions
    l/1/|/! for i, 0 for o, rn for m, stray marks at either end ("60 menit |"), and one damaged
    character in a unit of four letters or more, or one non-letter (as in "Wak@u") in a shorter one.
    A bare number takes ``default_unit`` when the column header names one (seed 002: "Waktu (menit)").
    """

    def problem(pesan: str) -> Problem:
        return Problem(pesan, sheet=sheet, baris=baris, kolom=kolom, sel=sel, nilai=value)

    if isinstance(value, bool):
        return problem(f"Waktu berisi {value!r}, bukan waktu; {_HINT}.")
    if isinstance(value, int | Decimal | float):
        if default_unit is None:
            return problem(f"Waktu {value} tanpa satuan; {_HINT}.")
        return _checked(Decimal(str(value)), default_unit, problem)
    if not isinstance(value, str) or not value.lstrip(_LEAD_JUNK).rstrip(_EDGE_JUNK):
        if value is None or isinstance(value, str):
            return problem(f"Waktu kosong; {_HINT}.")
        return problem(f"Waktu {value!r} bukan teks; {_HINT}.")
    text = " ".join(value.split()).lstrip(_LEAD_JUNK).rstrip(_EDGE_JUNK).lower()
    if text.isdigit() or re.fullmatch(r"\d+,\d+", text):
        if default_unit is None:
            return problem(f'Waktu "{value.strip()}" tanpa satuan; {_HINT}.')
        return _checked(Decimal(text.replace(",", ".")), default_unit, problem)
    if re.match(r"^\d+\.\d", text):
        return problem(f'Waktu "{value.strip()}" memakai titik; tulis desimal dengan koma, mis. "1,5 jam".')
    match = _NUMBER_UNIT.match(text)
    if match is None:
        return problem(f'Waktu "{value.strip()}" tidak dapat dibaca; {_HINT}.')
    try:
        number = Decimal(match.group(1).replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits and one comma
        return problem(f'Angka waktu "{match.group(1)}" tidak dapat dibaca; {_HINT}.')
    unit = match_unit(match.group(2))
    if unit is None:
        return problem(
            f'Satuan waktu "{match.group(2)}" tidak dikenal; gunakan menit, jam, hari, hari kerja, '
            "minggu atau bulan."
        )
    return _checked(number, unit, problem)


def match_unit(word: str) -> Unit | None:
    """The one unit that the (possibly OCR-damaged) word spells, or None (see ``parse_waktu``)."""
    compact = "".join(word.lower().split()).strip(_EDGE_JUNK)
    folded = compact.replace("rn", "m").translate(_FOLD)
    if folded in _SPELLINGS:
        return _SPELLINGS[folded]
    fits = {unit for spelling, unit in _SPELLINGS.items() if _one_damaged(folded, spelling)}
    return fits.pop() if len(fits) == 1 else None


def _one_damaged(word: str, spelling: str) -> bool:
    if len(word) != len(spelling):
        return False
    differing = [w for w, s in zip(word, spelling, strict=True) if w != s]
    if len(differing) != 1:
        return False
    return len(spelling) >= 4 or not differing[0].isalpha()


def _checked(number: Decimal, unit: Unit, problem: Callable[[str], Problem]) -> Duration | Problem:
    if number <= 0:
        return problem("Waktu harus lebih dari 0.")
    if number > MAXIMUM[unit]:
        return problem(
            f"Waktu {number} {unit} lebih dari setahun kerja; periksa angkanya "
            f"(paling banyak {MAXIMUM[unit]} {unit})."
        )
    return Duration(number, unit)
